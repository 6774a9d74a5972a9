/**
 * Time as the learner spends it: active wall-clock time leaves idle gaps out, the time penalty
 * counts it (not lab time), and wall-clock stamps are metadata that never change the lab.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { activeMs, IDLE_GAP_MS, type WallStamp } from '../../../simulation/scenarios/activeTime';
import { ScenarioRun } from '../../../simulation/scenarios/engine';
import { loadScenario, type Scenario } from '../../../simulation/scenarios/schema';

function load(file: string): Scenario {
  const r = loadScenario(readFileSync(join(__dirname, '../../../assets/scenarios', file), 'utf8'), file);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.scenario;
}

const MIN = 60_000;
const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
const stamp = (min: number, kind: WallStamp['kind'] = 'action', entry = 0): WallStamp => ({
  ms: T0 + min * MIN,
  entry,
  kind,
});

describe('active time', () => {
  it.each([
    ['no stamps', [], undefined, 0],
    ['one stamp', [stamp(0, 'start')], undefined, 0],
    ['gaps under the idle limit add up', [stamp(0, 'start'), stamp(2), stamp(6), stamp(10)], undefined, 10],
    ['a gap of exactly five minutes counts', [stamp(0, 'start'), stamp(5)], undefined, 5],
    [
      'a gap over five minutes is left out whole',
      [stamp(0, 'start'), stamp(3), stamp(20), stamp(22)],
      undefined,
      5,
    ],
    ['nothing after the end counts', [stamp(0, 'start'), stamp(4), stamp(4, 'end'), stamp(8)], 30, 4],
    ['the time since the last stamp counts while it is not idle', [stamp(0, 'start'), stamp(2)], 5, 5],
    ['an idle stretch up to now does not', [stamp(0, 'start'), stamp(2)], 9, 2],
    ['a clock set back adds nothing', [stamp(10, 'start'), stamp(4), stamp(6)], undefined, 2],
  ])('%s', (_name, stamps, nowMin, minutes) => {
    expect(activeMs(stamps, nowMin === undefined ? undefined : T0 + nowMin * MIN)).toBe(minutes * MIN);
  });

  it('the idle limit is five minutes', () => {
    expect(IDLE_GAP_MS).toBe(5 * MIN);
  });
});

describe('when a learner spends time on a scenario', () => {
  const s = load('adsync-stopped.json');
  const tp = s.scoring?.timePenalty;

  it('the time penalty counts active time, not lab time', () => {
    expect(tp).toBeDefined();
    // Five lab hours pass in one click, but the learner works for two minutes.
    const quick = ScenarioRun.start(s, 1, undefined, { learnerName: 'Ada', wallMs: T0 });
    quick.act('advance 5h', T0 + MIN);
    s.solution.forEach((line, i) => quick.act(line, T0 + 2 * MIN + i * 1000));
    expect(quick.getStatus()).toBe('completed');
    expect(quick.labTime()).toBeGreaterThan(5 * 60 * MIN);
    expect(quick.score().time).toBe(0);
    expect(quick.score().activeMinutes).toBe(2);

    // The same actions, steadily over an hour more than the penalty allows: the penalty applies.
    const slow = ScenarioRun.start(s, 1, undefined, { learnerName: 'Ada', wallMs: T0 });
    const step = 4 * MIN;
    const lines = ['advance 5h', ...s.solution];
    const over = (tp?.afterMinutes ?? 0) + 60;
    const fillers = Math.ceil((over * MIN) / step) - lines.length;
    for (let i = 0; i < fillers; i++) slow.act('ps sync01: Get-Date', T0 + (i + 1) * step);
    lines.forEach((line, i) => slow.act(line, T0 + (fillers + i + 1) * step));
    expect(slow.getStatus()).toBe('completed');
    expect(slow.score().time).toBe(tp?.max);
    expect(slow.score().total).toBe(slow.score().max - (tp?.max ?? 0));
  });

  it('idle stretches longer than five minutes are not counted', () => {
    const run = ScenarioRun.start(s, 1, undefined, { wallMs: T0 });
    run.act('ps sync01: Get-Service ADSync', T0 + 3 * MIN);
    run.act('ps sync01: Get-Date', T0 + 60 * MIN); // back from lunch
    run.act('ps sync01: Get-Date', T0 + 61 * MIN);
    expect(run.activeTime()).toBe(4 * MIN);
    expect(run.activeTime(T0 + 64 * MIN)).toBe(7 * MIN);
  });

  it('wall-clock stamps never change the lab: the same actions at other times give the same state', () => {
    const lines = s.solution;
    const a = ScenarioRun.start(s, 3, undefined, { wallMs: T0 });
    lines.forEach((l, i) => a.act(l, T0 + i * 7 * MIN));
    const b = ScenarioRun.start(s, 3);
    lines.forEach((l) => b.act(l));
    expect(a.lab.stateHash()).toBe(b.lab.stateHash());
    expect(a.learnerJournal()).toEqual(b.learnerJournal());
    expect(a.objectives()).toEqual(b.objectives());
  });

  it('a replay rebuilds the same lab, objectives, score and times from the session', () => {
    const run = ScenarioRun.start(s, 2, undefined, { learnerName: 'Grace Hopper', wallMs: T0 });
    run.takeHint(undefined, T0 + MIN);
    s.solution.forEach((l, i) => run.act(l, T0 + 2 * MIN + i * 20_000));
    run.act('ps sync01: Get-Date', T0 + 90 * MIN); // after the end: not part of the outcome
    const session = run.session();
    expect(session.learnerName).toBe('Grace Hopper');
    expect(session.wall?.filter((w) => w.kind === 'end')).toHaveLength(1);
    const again = ScenarioRun.replay(s, JSON.parse(JSON.stringify(session)));
    expect(again.lab.stateHash()).toBe(run.lab.stateHash());
    expect(again.score()).toEqual(run.score());
    expect(again.objectives()).toEqual(run.objectives());
    expect(again.activeTime()).toBe(run.activeTime());
    expect(again.session()).toEqual(session);
    // Other stamps change the time, never the lab.
    const shifted = { ...session, wall: session.wall?.map((w) => ({ ...w, ms: w.ms * 2 })) };
    const other = ScenarioRun.replay(s, shifted);
    expect(other.lab.stateHash()).toBe(run.lab.stateHash());
    expect(other.activeTime()).not.toBe(run.activeTime());
  });
});
