/**
 * The scenario loader refuses checks nested past its limit with an error that names the file and
 * the path, instead of overflowing the stack; and it never throws: whatever goes wrong while
 * checking one file comes back as that file's error.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LabDefinition } from '../../../simulation/core/definition';
import { MAX_CHECK_DEPTH } from '../../../simulation/scenarios/checkDepth';
import { loadScenario } from '../../../simulation/scenarios/schema';

const GOOD = readFileSync(join(__dirname, '../../../assets/scenarios/adsync-stopped.json'), 'utf8');

type Json = Record<string, unknown>;
const FIXED = { kind: 'faultFixed', fault: 'L6' };

/** `inner` wrapped in `n` checks built by `wrap` (a `not`, an `all`, an `any` …). */
function nest(n: number, wrap: (c: Json, i: number) => Json, inner: Json = FIXED): Json {
  let c = inner;
  for (let i = 0; i < n; i++) c = wrap(c, i);
  return c;
}
const not = (c: Json): Json => ({ kind: 'not', check: c });
const mixed = (c: Json, i: number): Json =>
  i % 3 === 0 ? not(c) : { kind: i % 3 === 1 ? 'all' : 'any', checks: [FIXED, c] };

/** The good scenario with its first objective's check replaced. */
function withCheck(check: Json): string {
  const s = JSON.parse(GOOD) as { objectives: Json[] };
  s.objectives[0]!.check = check;
  return JSON.stringify(s);
}

describe('nested checks', () => {
  it(`are accepted up to ${MAX_CHECK_DEPTH} levels`, () => {
    // An even number of nots keeps the meaning: the objective still reads "L6 is fixed".
    const r = loadScenario(withCheck(nest(MAX_CHECK_DEPTH, not)), 'deep.json');
    expect(r.ok ? 'ok' : r.errors).toBe('ok');
  });

  it.each([
    ['nots', MAX_CHECK_DEPTH + 1, not],
    ['nots', 1200, not],
    ['nots, alls and anys', 1200, mixed],
  ] as const)('are refused past the limit (%s, %i deep), naming the file and the path', (_l, n, wrap) => {
    const r = loadScenario(withCheck(nest(n, wrap)), 'deep.json');
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.errors).toEqual([
      expect.stringMatching(
        new RegExp(
          `^deep\\.json: objectives\\[0\\]\\.check(\\.check|\\.checks\\[1\\]){${MAX_CHECK_DEPTH}}: checks nested more than ${MAX_CHECK_DEPTH} levels deep`,
        ),
      ),
    ]);
  });

  it('JSON nested deeper than any scenario needs is refused too, with its path', () => {
    const s = JSON.parse(GOOD) as Json;
    s.tags = nest(150, (c) => ({ x: c }), {});
    const r = loadScenario(JSON.stringify(s), 'tags.json');
    expect(r.ok ? [] : r.errors).toEqual([
      expect.stringMatching(/^tags\.json: tags(\.x)+: nested more than 100 levels deep$/),
    ]);
  });
});

describe('a fault while checking a file', () => {
  it("comes back as that file's error rather than a throw", () => {
    const broken = { hosts: undefined } as unknown as LabDefinition;
    const r = loadScenario(GOOD, 'adsync-stopped.json', broken);
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.errors).toEqual([
      expect.stringMatching(/^adsync-stopped\.json: could not be checked \(/),
    ]);
  });
});
