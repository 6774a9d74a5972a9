/**
 * The built-in scenario pack: every file loads, is not solved before the first action, and its
 * reference solution solves it; the random drill solves for 20 seeds; a session replays to the
 * same outcome.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario, type Scenario } from '../../../simulation/scenarios/schema';
import { ScenarioRun } from '../../../simulation/scenarios/engine';

const DIR = join(__dirname, '../../../assets/scenarios');
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

function load(file: string): Scenario {
  const r = loadScenario(readFileSync(join(DIR, file), 'utf8'), file);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.scenario;
}

function solve(s: Scenario, seed: number): ScenarioRun {
  const run = ScenarioRun.start(s, seed);
  expect(run.getStatus(), `${s.id} is solved before the first action`).toBe('running');
  expect(
    run
      .objectives()
      .filter((o) => o.required)
      .every((o) => o.met),
    `${s.id}: all required objectives hold at the start`,
  ).toBe(false);
  s.solution.forEach((line, i) => {
    const r = run.act(line);
    expect(r, `${s.id} solution[${i}] "${line}"`).toEqual({ ok: true });
  });
  return run;
}

describe('built-in scenario pack', () => {
  it('has the guided scenario, at least 15 troubleshooting, 4 compound scenarios and a drill', () => {
    const all = files.map(load);
    expect(all.filter((s) => s.mode === 'guided').length).toBeGreaterThanOrEqual(1);
    const single = all.filter(
      (s) => s.mode === 'objectives' && (s.faults ?? []).length === 1 && s.faults?.[0]?.fault !== '$pool',
    );
    expect(single.length).toBeGreaterThanOrEqual(15);
    const compound = all.filter((s) => (s.faults ?? []).length >= 2);
    expect(compound.length).toBeGreaterThanOrEqual(4);
    expect(compound.some((s) => s.faults?.some((f) => f.after || f.on))).toBe(true);
    expect(all.some((s) => s.variants?.faultPool)).toBe(true);
  });

  for (const file of files) {
    it(`${file}: the reference solution solves it`, () => {
      const s = load(file);
      const run = solve(s, 1);
      expect(
        run.getStatus(),
        JSON.stringify(
          run
            .objectives()
            .filter((o) => !o.met)
            .map((o) => o.id),
        ),
      ).toBe('completed');
      expect(run.score().passed).toBe(true);
    });
  }

  const drill = files.map(load).find((s) => s.variants?.faultPool);
  if (drill) {
    it(`${drill.id}: solves for seeds 1..20, drawing different variants`, () => {
      const drawn = new Set<string>();
      for (let seed = 1; seed <= 20; seed++) {
        const run = solve(drill, seed);
        drawn.add(`${run.params.user}/${run.params.pc}/${run.faults.map((f) => f.id).join('+')}`);
        expect(
          run.getStatus(),
          `seed ${seed}: ${JSON.stringify(
            run
              .objectives()
              .filter((o) => !o.met)
              .map((o) => o.id),
          )}`,
        ).toBe('completed');
      }
      expect(drawn.size).toBeGreaterThan(3);
    });
  }

  it('a session replays to the same objectives, score and lab state', () => {
    const s = load('adsync-stopped.json');
    const run = ScenarioRun.start(s, 5);
    run.takeHint();
    for (const line of s.solution) run.act(line);
    const again = ScenarioRun.replay(s, run.session());
    expect(again.report(true)).toEqual(run.report(true));
    expect(again.lab.stateHash()).toBe(run.lab.stateHash());
  });
});
