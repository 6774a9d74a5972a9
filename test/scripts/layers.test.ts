/**
 * The dependency rules `npm run lint` runs (.dependency-cruiser.cjs) catch what they promise: a
 * circle and a lower layer importing a higher one, each named with its rule, and they pass an
 * allowed import. The fixture tree test/fixtures/layers/simulation/ holds one of each; its
 * src-renderer/ and src-main/ hold a circle each (the rule covers the renderer and the main process
 * too) and an allowed import.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const FIXTURE = join(ROOT, 'test/fixtures/layers');

function depcruise(cwd: string, ...paths: string[]): { code: number | null; out: string } {
  const r = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'),
      '--config',
      join(ROOT, '.dependency-cruiser.cjs'),
      '--output-type',
      'err',
      ...paths,
    ],
    { cwd, encoding: 'utf8', timeout: 120_000 },
  );
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('the layer rules', () => {
  it('fail on a circle and on a layer violation, naming both', () => {
    const r = depcruise(FIXTURE, 'simulation');
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/error no-circular: simulation\/net\/(a|b)\.ts/);
    expect(r.out).toContain('error layer-kernel: simulation/core/clock.ts → simulation/lab/lab.ts');
    expect(r.out).not.toContain('simulation/devices/host.ts →');
    expect(r.out).toContain('2 dependency violations');
  });

  it('fail on a circle in the renderer and in the main process, naming both', () => {
    const r = depcruise(FIXTURE, 'src-renderer', 'src-main');
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/error no-circular: src-renderer\/lab\/(Controller|actions)\.ts/);
    expect(r.out).toMatch(/error no-circular: src-main\/(store|queue)\.ts/);
    expect(r.out).not.toContain('error no-circular: src-main/window.ts');
    expect(r.out).toContain('2 dependency violations');
  });

  it('pass the engine, the renderer and the main process as they are', () => {
    const r = depcruise(ROOT, 'simulation', 'src-renderer', 'src-main');
    expect(r.out).toContain('no dependency violations found');
    expect(r.code).toBe(0);
  });
});
