/**
 * Running a scenario: prepare the lab (preset, setup, settle), put the scenario's faults in place
 * (at the start, after a while or on a trigger), take the learner's actions, re-evaluate the
 * objectives after every action and clock step, offer hints, score, and report. Grading reads
 * only the lab's state and history (checks.ts), so any valid fix counts.
 *
 * A scenario session is (scenario, seed, the learner's journal, hints taken, give-up time) plus
 * metadata that never reaches the lab (the learner's name, wall-clock stamps): replaying it gives
 * the same objectives, score and report.
 */
import { parseDuration } from '../core/time';
import type { FaultParams } from '../faults/catalog';
import type { LabCommand } from '../lab/commands';
import { Lab, type JournalEntry } from '../facade/lab';
import type { LabDefinition } from '../core/definition';
import type { LearnerView } from '../lab/projection';
import { activeMs, type WallStamp } from './activeTime';
import { parseAction } from './actions';
import { resolveAction } from './actionResolve';
import type { CheckContext } from './checks';
import { observable, observe, type Observation } from './observe';
import { planVariants, type FaultPlan } from './plan';
import { scoreOf, type ScoreBreakdown } from './scoring';
import { scenarioDefinition, type Scenario } from './schema';
import { FaultWatch } from './faultWatch';
import {
  hidePenaltyNames,
  hintViews,
  instructorFaults,
  nextHintOf,
  noteObjectives,
  objectiveStatuses,
  timelineOf,
} from './runReport';
import { prepareLab } from './prepare';
import {
  ScenarioError,
  type FaultChange,
  type HintView,
  type ObjectiveStatus,
  type RunStatus,
  type ScenarioReport,
  type ScenarioSession,
  type StartOptions,
  type TimelineEntry,
} from './runTypes';

export {
  HIDDEN_PENALTY_TITLE,
  STATUS_TEXT,
  type ObjectiveStatus,
  type RunStatus,
  type ScenarioReport,
  type ScenarioSession,
  type TimelineEntry,
} from './runTypes';

export { ScenarioError };

export class ScenarioRun {
  readonly lab: Lab;
  readonly params: FaultParams;
  readonly faults: FaultPlan[];
  readonly startedAt: number;
  /** Journal length when the learner's part began (setup and faults come before). */
  readonly startIndex: number;
  readonly learnerName: string | undefined;
  private status: RunStatus = 'running';
  private endedAt: number | undefined;
  private readonly metAt = new Map<string, number>();
  private readonly guidedDone = new Set<string>();
  /** The faults' predicates changing, and collateral damage that is a fault's, not the learner's. */
  private readonly watch = new FaultWatch();
  private readonly hintsTaken: { id: string; at: number }[] = [];
  private readonly stamps: WallStamp[] = [];
  private readonly observed: Observation[] = [];
  /** The command being evaluated came from the instructor's fault controls. */
  private faultCommand = false;
  private lastWall: number | undefined;
  private replaying = false;
  private readonly listeners = new Set<() => void>();
  private revision = 0;
  /** The outcome as it stood when the scenario ended (the lab may still be explored afterwards). */
  private frozen: { objectives: ObjectiveStatus[]; score: ScoreBreakdown } | undefined;

  private constructor(
    readonly scenario: Scenario,
    readonly seed: number,
    definition: LabDefinition,
    options: StartOptions,
  ) {
    this.lab = new Lab({ definition, seed });
    this.learnerName = options.learnerName;
    const plan = planVariants(scenario, seed);
    this.params = plan.params;
    this.faults = plan.faults;
    prepareLab(this.lab, scenario, this.faults);
    this.startedAt = this.lab.now();
    // Sealed, so that a first clock step of the learner's is not merged into the preparation's.
    this.startIndex = this.lab.sealJournal();
    if (options.wallMs !== undefined) {
      this.lastWall = options.wallMs;
      this.stamps.push({ ms: options.wallMs, entry: 0, kind: 'start' });
    }
    // Collateral damage is what the learner does: a state the scenario starts in is not theirs.
    this.watch.startWith(scenario.scoring?.collateral ?? [], this.context());
    this.evaluate();
  }

  static start(scenario: Scenario, seed = 1, base?: LabDefinition, options: StartOptions = {}): ScenarioRun {
    return new ScenarioRun(scenario, seed, scenarioDefinition(scenario, base), options);
  }

  /**
   * Rebuilds a run from its session: the same scenario and seed, then the learner's journal entries.
   * The wall-clock stamps come back as they were recorded; they never touch the lab.
   */
  static replay(scenario: Scenario, session: ScenarioSession, base?: LabDefinition): ScenarioRun {
    const run = ScenarioRun.start(scenario, session.seed, base, {
      ...(session.learnerName !== undefined ? { learnerName: session.learnerName } : {}),
    });
    run.replaying = true;
    run.stamps.push(...(session.wall ?? []));
    const hints = [...session.hints].sort((a, b) => a.at - b.at);
    for (const [i, entry] of session.journal.entries()) {
      while (hints[0] && hints[0].at <= run.lab.now()) run.takeHint(hints.shift()?.id ?? '');
      // The learner gave up here: what follows (the clock still playing, a look around) came after.
      if (session.gaveUpAt !== undefined && entry.at >= session.gaveUpAt && run.lab.now() >= session.gaveUpAt)
        run.giveUp();
      if (entry.at !== run.lab.now())
        throw new ScenarioError(`journal[${i}].at: expected ${run.lab.now()}, got ${entry.at}`);
      const r = run.dispatch(entry.command);
      if (!r.ok) throw new ScenarioError(`journal[${i}].command: ${r.error}`);
    }
    for (const h of hints) run.takeHint(h.id);
    if (session.gaveUpAt !== undefined) run.giveUp();
    run.replaying = false;
    return run;
  }

  /** Runs one learner action written in the action syntax (actions.ts). */
  act(line: string, wallMs?: number): { ok: boolean; error?: string } {
    const parsed = parseAction(line);
    const resolved = parsed.ok ? resolveAction(parsed.action, this.lab.learnerView()) : parsed;
    if (!resolved.ok) {
      if (wallMs !== undefined) this.stamp(wallMs, 'action');
      this.changed();
      return { ok: false, error: resolved.error };
    }
    const r = this.dispatch(resolved.command, wallMs);
    return r.ok ? { ok: true } : { ok: false, error: r.error };
  }

  /**
   * A command from the learner (already a lab command). `wallMs` is the wall-clock time it was
   * given; `activity: false` marks a command the learner did not give themselves (the clock
   * playing), whose time is kept only to date an ending it causes.
   */
  dispatch(
    command: unknown,
    wallMs?: number,
    activity = true,
  ): { ok: true; at: number } | { ok: false; error: string } {
    const type = (command as { type?: unknown } | null)?.type;
    const looking = typeof type === 'string' && observable({ type } as LabCommand);
    const before = looking ? this.lab.learnerView() : undefined;
    const length = this.lab.journal().length;
    // The lab stays usable after the end (to look around); the outcome was fixed when it ended.
    const r = this.lab.dispatchUnknown(command);
    this.faultCommand = typeof type === 'string' && type.startsWith('fault.');
    if (wallMs !== undefined) {
      if (activity) this.stamp(wallMs, 'action');
      else this.lastWall = wallMs;
    }
    const recorded = this.lab.journal().length > length ? this.lab.journal().at(-1) : undefined;
    if (r.ok && before && recorded)
      this.observed.push(
        ...observe(recorded.command, before, this.lab.learnerView(), r.at, this.learnerEntries() - 1),
      );
    this.evaluate();
    this.faultCommand = false;
    this.changed();
    return r;
  }

  private stamp(wallMs: number, kind: WallStamp['kind']): void {
    this.lastWall = wallMs;
    if (!this.replaying) this.stamps.push({ ms: wallMs, entry: this.learnerEntries(), kind });
  }

  private learnerEntries(): number {
    return this.lab.journal().length - this.startIndex;
  }

  /** Lab time passing while the clock plays in the UI. */
  afterClock(): void {
    this.evaluate();
    this.changed();
  }

  private context(): CheckContext {
    const truth = this.lab.truth();
    const active = truth.faults.active;
    return {
      truth,
      def: this.lab.definition,
      params: this.params,
      startedAt: this.startedAt,
      faults: this.faults.map((f) => {
        const rec = active.find((a) => a.id === f.id);
        return { id: f.id, params: rec?.params ?? f.params, injectedAt: rec?.injectedAt };
      }),
      journal: this.learnerJournal(),
      observed: this.observed,
    };
  }

  private evaluate(): void {
    const ctx = this.context();
    const now = this.lab.now();
    noteObjectives(this.scenario, ctx, now, { guidedDone: this.guidedDone, metAt: this.metAt });
    const faultWentIn = this.watch.track(ctx, now, this.learnerEntries() - 1);
    if (this.status === 'running') {
      this.watch.excuse(this.scenario.scoring?.collateral ?? [], ctx, faultWentIn || this.faultCommand);
      const limit = this.scenario.timeLimit ? parseDuration(this.scenario.timeLimit) : undefined;
      if (this.objectives(ctx).every((o) => !o.required || o.met)) this.end('completed', ctx);
      else if (limit !== undefined && now - this.startedAt >= limit) this.end('time-up', ctx);
    }
  }

  private end(status: RunStatus, ctx: CheckContext = this.context()): void {
    this.status = status;
    this.endedAt = this.lab.now();
    // Lab time after the end starts an entry of its own, so a replay can end the run at this point.
    this.lab.sealJournal();
    // The end is dated by the action that caused it; a replay has its stamp already.
    const wall = this.lastWall ?? this.stamps.at(-1)?.ms;
    if (wall !== undefined && !this.replaying)
      this.stamps.push({ ms: wall, entry: this.learnerEntries(), kind: 'end' });
    this.frozen = { objectives: this.liveObjectives(ctx, true), score: this.liveScore(ctx) };
  }

  /** The objectives as the learner sees them: root causes stay unnamed until the run ends. */
  objectives(ctx?: CheckContext): ObjectiveStatus[] {
    return this.frozen?.objectives ?? this.liveObjectives(ctx ?? this.context(), false);
  }

  private liveObjectives(ctx: CheckContext, reveal: boolean): ObjectiveStatus[] {
    return objectiveStatuses(this.scenario, ctx, { guidedDone: this.guidedDone, metAt: this.metAt }, reveal);
  }

  getStatus(): RunStatus {
    return this.status;
  }

  endedAtTime(): number | undefined {
    return this.endedAt;
  }

  /** The next hint the learner may take (hints come in order; one with `when` only while it holds). */
  nextHint(): HintView | undefined {
    return nextHintOf(this.scenario, this.hintsTaken, this.context());
  }

  hints(): HintView[] {
    return hintViews(this.scenario, this.hintsTaken);
  }

  takeHint(id?: string, wallMs?: number): HintView | undefined {
    const next = this.nextHint();
    const h = id ? this.scenario.hints?.find((x) => x.id === id) : next;
    if (!h || this.hintsTaken.some((t) => t.id === h.id)) return undefined;
    this.hintsTaken.push({ id: h.id, at: this.lab.now() });
    if (wallMs !== undefined) this.stamp(wallMs, 'hint');
    this.changed();
    return { id: h.id, text: h.text, cost: h.cost, takenAt: this.lab.now() };
  }

  giveUp(wallMs?: number): void {
    if (this.status !== 'running') return;
    if (wallMs !== undefined) this.lastWall = wallMs;
    this.end('gave-up');
    this.changed();
  }

  /**
   * The score as the learner sees it. While the run goes on, a penalty whose title would name a
   * cause in this lab (the give-away words of the scenario's faults or of one an instructor put in)
   * is shown under a neutral title; the end reveals it.
   */
  score(): ScoreBreakdown {
    if (this.frozen) return this.frozen.score;
    const ctx = this.context();
    // The faults in this lab: the scenario's (a pool with all it may draw) and the instructor's.
    const inLab = [...this.faults.map((f) => f.id), ...ctx.truth.faults.active.map((a) => a.id)];
    return hidePenaltyNames(this.liveScore(ctx), inLab);
  }

  private liveScore(ctx: CheckContext): ScoreBreakdown {
    return scoreOf({
      scenario: this.scenario,
      objectives: this.liveObjectives(ctx, true),
      hints: this.hints(),
      collateral: this.watch.chargeable(this.scenario.scoring?.collateral ?? [], ctx),
      activeMs: activeMs(this.stamps),
      completed: this.status === 'completed',
    });
  }

  /** Active wall-clock time so far (`nowMs`: the wall clock now, while the run goes on). */
  activeTime(nowMs?: number): number {
    return activeMs(this.stamps, this.status === 'running' ? nowMs : undefined);
  }

  /** Lab time since the start (to the end once it ended). */
  labTime(): number {
    return (this.endedAt ?? this.lab.now()) - this.startedAt;
  }

  wallStamps(): readonly WallStamp[] {
    return this.stamps;
  }

  /** What the learner's actions answered, oldest first. */
  observations(): readonly Observation[] {
    return this.observed;
  }

  /** Every change of a fault's predicate in this run, oldest first. */
  faultHistory(): readonly FaultChange[] {
    return this.watch.changes;
  }

  learnerView(): LearnerView {
    return this.lab.learnerView();
  }

  /** The learner's part of the journal. */
  learnerJournal(): JournalEntry[] {
    return this.lab.journal().slice(this.startIndex);
  }

  session(): ScenarioSession {
    return {
      scenarioId: this.scenario.id,
      seed: this.seed,
      journal: this.learnerJournal(),
      hints: [...this.hintsTaken],
      ...(this.status === 'gave-up' && this.endedAt !== undefined ? { gaveUpAt: this.endedAt } : {}),
      ...(this.learnerName !== undefined ? { learnerName: this.learnerName } : {}),
      ...(this.stamps.length ? { wall: [...this.stamps] } : {}),
    };
  }

  /** The session report: the learner's copy, or the instructor's (which adds the faults). */
  report(instructor = false): ScenarioReport {
    const ctx = this.context();
    const base: ScenarioReport = {
      scenario: { id: this.scenario.id, title: this.scenario.title },
      seed: this.seed,
      status: this.status,
      startedAt: this.startedAt,
      ...(this.endedAt !== undefined ? { endedAt: this.endedAt } : {}),
      objectives: instructor ? this.liveObjectives(ctx, true) : this.objectives(ctx),
      hints: this.hints(),
      score: instructor ? (this.frozen?.score ?? this.liveScore(ctx)) : this.score(),
      timeline: this.timeline(),
    };
    if (!instructor) return base;
    return {
      ...base,
      faults: instructorFaults(this.faults, ctx, this.watch.changes),
      variant: this.params,
    };
  }

  /** What the learner did since the start, in words: actions, clock steps, pages looked at, hints. */
  timeline(): TimelineEntry[] {
    const end = this.endedAt !== undefined ? { at: this.endedAt, status: this.status } : undefined;
    return timelineOf(this.learnerJournal(), this.lab.definition, this.hints(), end);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  getRevision(): number {
    return this.revision;
  }

  private changed(): void {
    this.revision++;
    for (const l of this.listeners) l();
  }
}
