/**
 * A scenario run in words, for the learner and the instructor: the objectives as they stand (root
 * causes unnamed until the run ends), the timeline of what the learner did, and the instructor's
 * list of the scenario's faults.
 */
import type { LabDefinition } from '../core/definition';
import type { JournalEntry } from '../facade/lab';
import { faultSpec } from '../faults/catalog';
import { evaluate, type CheckContext } from './checks';
import { describeCommand } from './describe';
import type { FaultPlan } from './plan';
import {
  HIDDEN_PENALTY_TITLE,
  ROOT_CAUSE_TITLE,
  STATUS_TEXT,
  type FaultChange,
  type HintView,
  type ObjectiveStatus,
  type RunStatus,
  type ScenarioReport,
  type TimelineEntry,
} from './runTypes';
import type { Scenario } from './schema';
import { findGiveAway } from './giveaway';
import type { ScoreBreakdown } from './scoring';

/** A run's progress on its objectives: guided steps done, and when each objective first held. */
interface Progress {
  guidedDone: Set<string>;
  metAt: Map<string, number>;
}

/**
 * Notes the objectives that hold now: an open objective the first time it holds; in guided mode
 * the steps in order, each staying done once done.
 */
export function noteObjectives(scenario: Scenario, ctx: CheckContext, now: number, progress: Progress): void {
  let blocked = false;
  for (const o of scenario.objectives) {
    if (scenario.mode === 'guided') {
      if (progress.guidedDone.has(o.id)) continue;
      if (blocked) continue;
      if (evaluate(o.check, ctx)) {
        progress.guidedDone.add(o.id);
        progress.metAt.set(o.id, now);
      } else blocked = true;
    } else if (evaluate(o.check, ctx) && !progress.metAt.has(o.id)) progress.metAt.set(o.id, now);
  }
}

/** The objectives as they stand; `reveal` names the root causes (the run has ended, or the instructor asks). */
export function objectiveStatuses(
  scenario: Scenario,
  ctx: CheckContext,
  progress: Readonly<Progress>,
  reveal: boolean,
): ObjectiveStatus[] {
  let currentGiven = false;
  const causes = scenario.objectives.filter((o) => o.rootCause).length;
  let cause = 0;
  return scenario.objectives.map((o) => {
    const met = scenario.mode === 'guided' ? progress.guidedDone.has(o.id) : evaluate(o.check, ctx);
    const current = scenario.mode === 'guided' && !met && !currentGiven;
    if (current) currentGiven = true;
    const hidden = !!o.rootCause && !reveal;
    if (o.rootCause) cause++;
    return {
      id: o.id,
      title: hidden
        ? causes > 1
          ? `${ROOT_CAUSE_TITLE} (${cause} of ${causes})`
          : ROOT_CAUSE_TITLE
        : o.title,
      ...(o.description && !hidden ? { description: o.description } : {}),
      required: o.required !== false,
      points: o.points ?? 10,
      rootCause: !!o.rootCause,
      met,
      ...(progress.metAt.has(o.id) ? { metAt: progress.metAt.get(o.id) } : {}),
      current,
    };
  });
}

/** What the learner did since the start, in words: actions, clock steps, pages looked at, hints. */
export function timelineOf(
  journal: readonly JournalEntry[],
  definition: LabDefinition,
  hints: readonly HintView[],
  end: { at: number; status: RunStatus } | undefined,
): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  for (const e of journal) {
    const text = describeCommand(e.command, definition);
    if (!text) continue;
    const kind = e.command.type.startsWith('clock.')
      ? 'clock'
      : e.command.type === 'surface.view'
        ? 'view'
        : 'action';
    out.push({ at: e.at, text, kind });
  }
  for (const h of hints)
    out.push({ at: h.takenAt ?? 0, text: `Hint taken (−${h.cost}): ${h.text}`, kind: 'hint' });
  if (end) out.push({ at: end.at, text: STATUS_TEXT[end.status], kind: 'end' });
  // Stable: same-time entries keep their order (actions, then hints, then the end).
  return out
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.at - b.e.at || a.i - b.i)
    .map((x) => x.e);
}

/** The instructor's copy of the report: each of the scenario's faults, when it went in and whether it holds. */
export function instructorFaults(
  faults: readonly FaultPlan[],
  ctx: CheckContext,
  changes: readonly FaultChange[],
): NonNullable<ScenarioReport['faults']> {
  return faults.map((f) => {
    const rec = ctx.faults.find((x) => x.id === f.id);
    const spec = faultSpec(f.id);
    return {
      id: f.id,
      title: spec?.title ?? f.id,
      params: f.params,
      injectedAt: rec?.injectedAt,
      stoppedHoldingAt: changes.find((c) => c.id === f.id && !c.holds)?.at,
      holdsNow:
        !!spec &&
        rec?.injectedAt !== undefined &&
        spec.holds(ctx.truth, { def: ctx.def, params: rec.params, injectedAt: rec.injectedAt }),
    };
  });
}

/** The next hint the learner may take (hints come in order; one with `when` only while it holds). */
export function nextHintOf(
  scenario: Scenario,
  taken: readonly { id: string }[],
  ctx: CheckContext,
): HintView | undefined {
  const ids = new Set(taken.map((h) => h.id));
  const h = (scenario.hints ?? []).find((x) => !ids.has(x.id) && (!x.when || evaluate(x.when, ctx)));
  return h ? { id: h.id, text: h.text, cost: h.cost } : undefined;
}

/** The hints taken, with their texts and costs. */
export function hintViews(scenario: Scenario, taken: readonly { id: string; at: number }[]): HintView[] {
  return taken.map((t) => {
    const h = scenario.hints?.find((x) => x.id === t.id);
    return { id: t.id, text: h?.text ?? '', cost: h?.cost ?? 0, takenAt: t.at };
  });
}

/**
 * The score as the learner sees it while the run goes on: a penalty whose title would name a cause
 * of one of `faults` (their give-away words) is shown under a neutral title.
 */
export function hidePenaltyNames(score: ScoreBreakdown, faults: readonly string[]): ScoreBreakdown {
  return {
    ...score,
    collateral: score.collateral.map((c) =>
      findGiveAway(c.title, faults) ? { ...c, title: HIDDEN_PENALTY_TITLE } : c,
    ),
  };
}
