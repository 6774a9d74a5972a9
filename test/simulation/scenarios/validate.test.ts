/**
 * Scenario files that are wrong get errors naming the file, the path inside it and what was
 * expected; no input makes the loader crash (10,000 mutated files).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../simulation/scenarios/schema';
import { parseAction } from '../../../simulation/scenarios/actions';

const GOOD = JSON.parse(
  readFileSync(join(__dirname, '../../../assets/scenarios/adsync-stopped.json'), 'utf8'),
) as Record<string, unknown>;
// A scenario file as a test edits it: any field, any depth.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Editable = Record<string, any>;
const clone = () => JSON.parse(JSON.stringify(GOOD)) as Editable;

function errorsOf(mutate: (s: Editable) => void): string[] {
  const s = clone();
  mutate(s);
  const r = loadScenario(JSON.stringify(s), 'sspr-disabled.json');
  if (r.ok) throw new Error('expected the file to be refused');
  return r.errors;
}

describe('validate rejects broken files with the expected messages', () => {
  it('names the file, the path and what was expected', () => {
    expect(errorsOf((s) => (s.objectives[2].check.user = 'mbrown'))).toEqual([
      'sspr-disabled.json: objectives[2].check.user: expected a user of the lab, got "mbrown"',
    ]);
    expect(errorsOf((s) => (s.faults[0].fault = 'L99'))[0]).toBe(
      'sspr-disabled.json: faults[0].fault: expected a fault of the catalog (L1–L33) or "$pool", got "L99"',
    );
    expect(errorsOf((s) => (s.objectives[0].check.host = 'pc9'))[0]).toMatch(
      /^sspr-disabled\.json: objectives\[0\]\.check: unknown field "host"$/,
    );
    expect(errorsOf((s) => (s.objectives[2].check.host = 'pc9'))).toEqual([
      'sspr-disabled.json: objectives[2].check.host: expected a host of the lab (dc01, sync01, pc1, pc2, pc3), got "pc9"',
    ]);
    expect(errorsOf((s) => (s.difficulty = 'easy'))).toEqual([
      'sspr-disabled.json: difficulty: expected "beginner" or "intermediate" or "advanced", got "easy"',
    ]);
    expect(errorsOf((s) => delete s.title)).toEqual([
      'sspr-disabled.json: title: expected string, got nothing (the field is required)',
    ]);
    expect(errorsOf((s) => (s.start.settle = 'soon'))).toEqual([
      'sspr-disabled.json: start.settle: expected a duration such as 30s, 5m, 2h or 1d, got "soon"',
    ]);
    expect(errorsOf((s) => (s.solution[0] = 'frobnicate sync01'))[0]).toMatch(
      /^sspr-disabled\.json: solution\[0\]: unknown action "frobnicate"/,
    );
    expect(errorsOf((s) => (s.objectives[0].check = { kind: 'weather' }))[0]).toMatch(
      /^sspr-disabled\.json: objectives\[0\]\.check(\.kind)?: expected "kind" to be one of .*"faultFixed".*got "weather"$/,
    );
    expect(errorsOf((s) => (s.objectives[1].check = { kind: 'faultFixed', fault: 'L7' }))).toEqual([
      'sspr-disabled.json: objectives[1].check.fault: expected a fault this scenario puts in place (L6), got "L7"',
    ]);
    expect(errorsOf((s) => (s.variants = { user: ['nobody'] }))).toEqual([
      'sspr-disabled.json: variants.user[0]: expected a user of the lab, got "nobody"',
    ]);
    expect(errorsOf((s) => (s.extra = 1))).toEqual(['sspr-disabled.json: (root): unknown field "extra"']);
    expect(errorsOf((s) => (s.version = 2))).toEqual(['sspr-disabled.json: version: expected 1, got 2']);
  });

  it('text that is not JSON', () => {
    const r = loadScenario('{ "id": ', 'broken.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^broken\.json: not valid JSON \(/);
    expect(loadScenario(undefined, 'x.json')).toEqual({
      ok: false,
      errors: ['x.json: expected the text of a JSON file'],
    });
  });
});

/** Mutations of a good file: drop, replace or retype any field at any depth. */
function mutate(value: unknown, path: (string | number)[], op: number, junk: unknown): unknown {
  if (path.length === 0) {
    switch (op % 4) {
      case 0:
        return undefined;
      case 1:
        return junk;
      case 2:
        return Array.isArray(value)
          ? [...value, junk]
          : typeof value === 'object' && value !== null
            ? { ...value, zz: junk }
            : junk;
      default:
        return typeof value === 'string' ? `${value}${JSON.stringify(junk)}` : [value];
    }
  }
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const i = Math.abs(Number(head)) % Math.max(1, value.length);
    const copy = [...value];
    copy[i] = mutate(copy[i], rest, op, junk);
    return copy;
  }
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value);
    const k = keys[Math.abs(Number(head)) % Math.max(1, keys.length)] ?? 'x';
    const next = mutate((value as Record<string, unknown>)[k], rest, op, junk);
    const out = Object.fromEntries(
      Object.entries(value as Record<string, unknown>).filter(([key]) => key !== k),
    );
    return next === undefined ? out : { ...out, [k]: next };
  }
  return mutate(value, [], op, junk);
}

describe('fuzz', () => {
  it('10,000 mutated scenario files: no crash, and every refusal names a path', () => {
    const junk = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string(), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
    );
    let refused = 0;
    fc.assert(
      fc.property(
        fc.array(fc.nat(40), { minLength: 1, maxLength: 5 }),
        fc.nat(),
        junk,
        fc.boolean(),
        (path, op, j, asText) => {
          const mutated = mutate(GOOD, path, op, j);
          const text = asText
            ? JSON.stringify(mutated).slice(0, Math.max(0, JSON.stringify(mutated).length - (op % 7)))
            : JSON.stringify(mutated);
          let r: ReturnType<typeof loadScenario>;
          try {
            r = loadScenario(text ?? 'null', 'fuzz.json');
          } catch (e) {
            throw new Error(`loader crashed on ${text}`, { cause: e });
          }
          if (!r.ok) {
            refused++;
            expect(r.errors.length).toBeGreaterThan(0);
            for (const e of r.errors)
              expect(e).toMatch(/^fuzz\.json: (not valid JSON \(|expected the text|[^:]+: )/);
          }
        },
      ),
      { numRuns: 10_000, seed: 20261125 },
    );
    expect(refused).toBeGreaterThan(5000);
  });

  it('action lines: any text parses to an action or an error, never a throw', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (line) => {
        const r = parseAction(line);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 5000, seed: 7 },
    );
  });
});
