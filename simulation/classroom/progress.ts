/**
 * What a learner's lab reports to the hub, computed from the run itself (never typed by hand): the
 * objectives met and when, score, hints, active and lab time, the lab's state hash, the faults and
 * whether each still holds (for the instructor's detail view), and the last few timeline lines.
 */
import type { ScenarioRun } from '../scenarios/engine';
import type { Progress } from './protocol';

const TIMELINE_LINES = 8;

export function progressOf(
  run: ScenarioRun | undefined,
  opts: { assignment?: string; applied: number; wallMs?: number },
): Progress {
  if (!run)
    return {
      status: 'idle',
      objectives: [],
      objectivesTotal: 0,
      score: 0,
      scoreMax: 0,
      hints: [],
      activeMs: 0,
      labMs: 0,
      entries: 0,
      stateHash: '',
      applied: opts.applied,
      faults: [],
      timeline: [],
    };
  const score = run.score();
  const objectives = run.objectives();
  return {
    ...(opts.assignment ? { assignment: opts.assignment } : {}),
    scenarioId: run.scenario.id,
    status: run.getStatus(),
    objectives: objectives.flatMap((o) =>
      o.met && o.metAt !== undefined ? [{ id: o.id, metAt: o.metAt }] : [],
    ),
    objectivesTotal: objectives.length,
    score: score.total,
    scoreMax: score.max,
    hints: run.hints().map((h) => h.id),
    activeMs: run.activeTime(opts.wallMs),
    labMs: run.labTime(),
    entries: run.learnerJournal().length,
    stateHash: run.lab.stateHash(),
    applied: opts.applied,
    faults: run.lab.faultStatus().map((f) => ({ id: f.id, holds: f.holds })),
    timeline: run
      .timeline()
      .slice(-TIMELINE_LINES)
      .map((t) => ({ at: t.at, text: t.text.slice(0, 300) })),
  };
}
