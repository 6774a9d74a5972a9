/**
 * The built-in pack's reference solutions print byte-identical output (`npm run lab -- run --json`
 * and `solve`) to the recorded goldens in test/goldens/. Re-record with `npm run goldens` when the
 * pack or the behaviour changes on purpose.
 */
import { describe, expect, it } from 'vitest';
import { compare, parseArgs, renderAll } from '../../scripts/goldens';

describe('the scenario goldens', () => {
  it('every reference solution prints what the goldens recorded', async () => {
    const fresh = await renderAll();
    expect(fresh.size).toBeGreaterThanOrEqual(80);
    expect(compare(fresh)).toEqual([]);
  }, 600_000);

  it('a changed line is reported with its file and line number', () => {
    const name = 'adsync-stopped.solve.txt';
    const fresh = new Map([[name, 'something else\n']]);
    const problems = compare(fresh);
    expect(problems[0]).toMatch(/^adsync-stopped\.solve\.txt:1: expected ".+", got "something else"$/);
    expect(problems.some((p) => p.includes('no scenario produces it any more'))).toBe(true);
  });

  it('--help and unknown flags print usage instead of re-recording', () => {
    expect(parseArgs([])).toEqual({ mode: 'record' });
    expect(parseArgs(['--check'])).toEqual({ mode: 'check' });
    expect(parseArgs(['--help'])).toEqual({ mode: 'usage', code: 0 });
    expect(parseArgs(['--check', '-h'])).toEqual({ mode: 'usage', code: 0 });
    expect(parseArgs(['--chek'])).toMatchObject({
      mode: 'usage',
      code: 2,
      error: expect.stringContaining("'--chek'"),
    });
  });
});
