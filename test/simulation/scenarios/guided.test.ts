/**
 * The guided scenario is the seed guide done by the learner: every step ticks only on something the
 * learner did or checked on the surface that shows it, so a solution that leaves out any one step
 * does not solve it, and the full one does. A default that is already right (one method, register on
 * sign-in) ticks only once the learner has saved its blade; the writeback status and the password
 * hash are read on the page that shows them, as it is now.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioRun } from '../../../simulation/scenarios/engine';
import { loadScenario, type Scenario } from '../../../simulation/scenarios/schema';

const FILE = 'configure-sspr-writeback.json';
function load(): Scenario {
  const r = loadScenario(readFileSync(join(__dirname, '../../../assets/scenarios', FILE), 'utf8'), FILE);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.scenario;
}

const scenario = load();
const solution = scenario.solution;

function play(lines: readonly string[]): ScenarioRun {
  const run = ScenarioRun.start(scenario, 1);
  for (const line of lines) run.act(line);
  return run;
}

const met = (run: ScenarioRun) =>
  run
    .objectives()
    .filter((o) => o.met)
    .map((o) => o.id);
const starts = (prefix: string) => (l: string) => l.startsWith(prefix);
const is = (line: string) => (l: string) => l === line;

/**
 * For each step, the solution's lines that do it (and only it). Leaving them out must leave that
 * step undone, with every step before it done.
 */
const STEP_LINES: Record<string, (line: string, index: number) => boolean> = {
  'sspr-enabled': starts('admin sspr.properties'),
  'one-method': (l) => l.startsWith('admin sspr.authenticationMethods') || l === 'view admin sspr.methods',
  'methods-policy': starts('admin authMethods.policy'),
  registration: (l) => l.startsWith('admin sspr.registration') || l === 'view admin sspr.registration',
  'connect-features': starts('wizard setFeature'),
  'portal-writeback': starts('admin sspr.onPremises'),
  // The look at the blade after saving it (the one before saving opened it to save).
  'writeback-healthy': (l, i) =>
    l === 'view admin sspr.onprem' && i > solution.findIndex(starts('admin sspr.onPremises')),
  'delta-sync': starts('ps sync01: Start-ADSyncSyncCycle'),
  'password-synced': is('view events sync01 Application'),
  registered: (l) => l.startsWith('myaccount') || l.startsWith('phone '),
  reset: starts('sspr '),
  signin: starts('signin pc2'),
};

describe('guided: Configure SSPR with password writeback', () => {
  it('has twelve steps, and the table below covers each of them', () => {
    expect(scenario.objectives.map((o) => o.id)).toEqual(Object.keys(STEP_LINES));
    expect(scenario.objectives).toHaveLength(12);
  });

  it('the full solution solves it and passes', () => {
    const run = play(solution);
    expect(run.getStatus()).toBe('completed');
    expect(met(run)).toEqual(scenario.objectives.map((o) => o.id));
    expect(run.score().passed).toBe(true);
  });

  for (const [i, o] of scenario.objectives.entries()) {
    it(`a solution that skips step ${i + 1} (${o.id}) does not solve it`, () => {
      const skip = STEP_LINES[o.id];
      if (!skip) throw new Error(`no lines for ${o.id}`);
      const lines = solution.filter((l, n) => !skip(l, n));
      expect(lines.length).toBeLessThan(solution.length);
      const run = play(lines);
      expect(run.getStatus()).toBe('running');
      expect(met(run)).not.toContain(o.id);
      // Everything before it was done: it is this step that is missing.
      expect(met(run)).toEqual(scenario.objectives.slice(0, i).map((x) => x.id));
    });
  }

  it('no step ticks at the start, although some defaults are already right', () => {
    const run = play([]);
    expect(run.lab.truth().tenant.sspr.methodsRequired).toBe(1);
    expect(run.lab.truth().tenant.sspr.registration.requireOnSignIn).toBe(true);
    expect(met(run)).toEqual([]);
  });

  it('a default that is already right ticks when the learner opens its blade (or saves it), not before', () => {
    // The Save button stays disabled on a blade nothing was changed on: opening it is the check.
    const run = play(['view admin sspr.methods', 'admin sspr.properties enabled=All']);
    expect(met(run)).toEqual(['sspr-enabled']);
    run.act('view admin sspr.methods');
    expect(met(run)).toEqual(['sspr-enabled', 'one-method']);
    // Or saved without opening it again: the audit log has the save.
    const saved = play([
      'admin sspr.properties enabled=All',
      'admin sspr.authenticationMethods methodsRequired=1',
    ]);
    expect(met(saved)).toEqual(['sspr-enabled', 'one-method']);
  });

  it('the writeback status counts only when read on the blade as it is now', () => {
    const upToSave = solution.slice(0, solution.findIndex(starts('admin sspr.onPremises')) + 1);
    // The blade was open to save it, and the client is healthy by now; but the page on screen is
    // the one from before the save: the learner has not read the status yet.
    const run = play([...upToSave, 'advance 1m']);
    expect(run.lab.truth().tenant.sspr.onPremises.writeback).toBe(true);
    expect(met(run)).toContain('portal-writeback');
    expect(met(run)).not.toContain('writeback-healthy');
    run.act('view admin sspr.onprem');
    expect(met(run)).toContain('writeback-healthy');
  });

  it('the step instructions stay readable after a step ticks', () => {
    const run = play(solution.slice(0, 2));
    const first = run.objectives()[0];
    expect(first?.met).toBe(true);
    expect(first?.description).toContain('Self service password reset enabled');
  });

  it('the score cannot pass before the end-to-end test (reset through SSPR, then sign-in on PC2)', () => {
    const beforeReset = solution.slice(0, solution.findIndex(starts('sspr ')));
    const run = play(beforeReset);
    expect(met(run)).toEqual(scenario.objectives.slice(0, 10).map((o) => o.id));
    expect(run.score().total).toBeLessThan(run.score().passMark);
    // With the reset but not the sign-in, still short of the pass mark.
    const withReset = play(solution.slice(0, -1));
    expect(met(withReset)).toContain('reset');
    expect(withReset.score().objectives).toBeLessThan(withReset.score().passMark);
  });
});
