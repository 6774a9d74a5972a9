/**
 * The score of a run: the points of the objectives met, less the hints taken, the collateral
 * damage the learner did and the time penalty, which counts active wall-clock time (time spent,
 * not lab time, which stands still while the clock is paused and leaps when it is fast-forwarded).
 * Pure.
 */
import type { Scenario } from './schema';

export interface ScoreBreakdown {
  objectives: number;
  max: number;
  hints: number;
  collateral: { id: string; title: string; cost: number }[];
  time: number;
  total: number;
  passMark: number;
  passed: boolean;
  /** The active minutes the time penalty was computed from. */
  activeMinutes: number;
}

export function scoreOf(input: {
  scenario: Pick<Scenario, 'scoring'>;
  objectives: readonly { met: boolean; points: number }[];
  hints: readonly { cost: number }[];
  collateral: readonly { id: string; title: string; cost: number }[];
  activeMs: number;
  completed: boolean;
}): ScoreBreakdown {
  const max = input.objectives.reduce((a, o) => a + o.points, 0);
  const objectives = input.objectives.filter((o) => o.met).reduce((a, o) => a + o.points, 0);
  const hints = input.hints.reduce((a, h) => a + h.cost, 0);
  const collateral = input.collateral.map((c) => ({ id: c.id, title: c.title, cost: c.cost }));
  const tp = input.scenario.scoring?.timePenalty;
  const minutes = input.activeMs / 60_000;
  const time = tp
    ? Math.min(tp.max, Math.max(0, Math.floor(minutes - tp.afterMinutes) * tp.pointsPerMinute))
    : 0;
  const total = Math.max(0, objectives - hints - collateral.reduce((a, c) => a + c.cost, 0) - time);
  const passMark = input.scenario.scoring?.passMark ?? Math.ceil(max / 2);
  return {
    objectives,
    max,
    hints,
    collateral,
    time,
    total,
    passMark,
    passed: input.completed && total >= passMark,
    activeMinutes: Math.floor(minutes),
  };
}
