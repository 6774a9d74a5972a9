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
import { faultSpec, type FaultParams } from '../faults/catalog';
import type { LabCommand } from '../lab/commands';
import { Lab, type JournalEntry } from '../facade/lab';
import type { LabDefinition } from '../core/definition';
import type { LearnerView } from '../lab/projection';
import { activeMs, type WallStamp } from './activeTime';
import { parseAction, resolveAction } from './actions';
import { evaluate, type CheckContext } from './checks';
import { describeCommand } from './describe';
import { findGiveAway } from './giveaway';
import { observable, observe, type Observation } from './observe';
import { planVariants, type FaultPlan } from './plan';
import { scoreOf, type ScoreBreakdown } from './scoring';
import { scenarioDefinition, type Scenario } from './schema';

export type RunStatus = 'running' | 'completed' | 'time-up' | 'gave-up';

export interface ObjectiveStatus {
  id: string;
  title: string;
  description?: string;
  required: boolean;
  points: number;
  /** Graded on the root cause: shown as "Root cause found and fixed" until the run ends. */
  rootCause: boolean;
  /** Holds now (guided steps stay done once done). */
  met: boolean;
  /** Lab time it first held. */
  metAt?: number;
  /** Guided mode: the step the learner is on. */
  current: boolean;
}

export interface HintView {
  id: string;
  text: string;
  cost: number;
  takenAt?: number;
}

export interface TimelineEntry {
  at: number;
  text: string;
  kind: 'action' | 'clock' | 'view' | 'hint' | 'end';
}

/** A fault's predicate changing: put in place, fixed by the learner, broken again. */
export interface FaultChange {
  id: string;
  at: number;
  /** The learner's journal entry that changed it (-1: before the learner started). */
  entry: number;
  holds: boolean;
}

export interface ScenarioSession {
  scenarioId: string;
  seed: number;
  /**
   * The learner's part of the lab journal only (from the scenario's start): the preparation and the
   * scenario's faults are rebuilt from the scenario and the seed, so a saved session does not spell
   * out the faults.
   */
  journal: JournalEntry[];
  hints: { id: string; at: number }[];
  gaveUpAt?: number;
  /** Who played it (typed before starting). */
  learnerName?: string;
  /** Wall-clock stamps of the learner's actions: metadata, never replayed into the lab. */
  wall?: WallStamp[];
}

export interface StartOptions {
  learnerName?: string;
  /** Wall-clock time the learner started (ms since the epoch). */
  wallMs?: number;
}

/** What a still-hidden root-cause objective is called while the run goes on. */
export const ROOT_CAUSE_TITLE = 'Root cause found and fixed';

/** What a penalty whose title would name a cause is called while the run goes on. */
export const HIDDEN_PENALTY_TITLE = 'A change that broke something else (named at the end)';

export class ScenarioError extends Error {}

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
  private readonly faultChanges: FaultChange[] = [];
  private readonly hintsTaken: { id: string; at: number }[] = [];
  private readonly stamps: WallStamp[] = [];
  private readonly observed: Observation[] = [];
  private readonly collateralAtStart: ReadonlySet<string>;
  /**
   * Collateral states a fault put in place (an instructor's injection, a scheduled fault going in),
   * not the learner: excused while they hold, counted again if the learner re-creates them.
   */
  private readonly collateralByFault = new Set<string>();
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
    for (const [i, line] of (scenario.start.setup ?? []).entries()) {
      const before = this.consoleErrors();
      const r = this.perform(line);
      if (!r.ok) throw new ScenarioError(`start.setup[${i}]: ${r.error}`);
      // A setup line that fails on the console would leave the starting state quietly different.
      const failed = this.consoleErrors().slice(before.length);
      if (failed.length > 0)
        throw new ScenarioError(`start.setup[${i}]: the console answered with an error: ${failed[0]}`);
    }
    this.closeConsoles();
    const settle = parseDuration(scenario.start.settle ?? '5m') ?? 0;
    if (settle > 0) this.mustDispatch({ type: 'clock.advance', ms: settle });
    for (const f of this.faults)
      if (f.after === undefined && !f.on)
        this.mustDispatch({ type: 'fault.inject', fault: f.id, params: f.params });
    // Time for the starting faults' symptoms to develop (a listener timing out, a lease running out).
    const afterFaults = parseDuration(scenario.start.afterFaults ?? '0s') ?? 0;
    if (afterFaults > 0) this.mustDispatch({ type: 'clock.advance', ms: afterFaults });
    const now = this.lab.now();
    for (const f of this.faults) {
      if (f.after !== undefined)
        this.mustDispatch({ type: 'fault.schedule', fault: f.id, params: f.params, at: now + f.after });
      else if (f.on)
        this.mustDispatch({ type: 'fault.schedule', fault: f.id, params: f.params, trigger: f.on });
    }
    this.startedAt = this.lab.now();
    // Sealed, so that a first clock step of the learner's is not merged into the preparation's.
    this.startIndex = this.lab.sealJournal();
    if (options.wallMs !== undefined) {
      this.lastWall = options.wallMs;
      this.stamps.push({ ms: options.wallMs, entry: 0, kind: 'start' });
    }
    // Collateral damage is what the learner does: a state the scenario starts in is not theirs.
    const ctx = this.context();
    this.collateralAtStart = new Set(
      (scenario.scoring?.collateral ?? []).filter((c) => evaluate(c.check, ctx)).map((c) => c.id),
    );
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

  /** Every error line on every console, in a stable order (to see what a setup line added). */
  private consoleErrors(): string[] {
    const out: string[] = [];
    for (const t of Object.values(this.lab.truth().hosts))
      for (const shell of ['cmd', 'powershell'] as const)
        for (const l of t.host?.consoles[shell].transcript ?? []) if (l.kind === 'error') out.push(l.text);
    return out;
  }

  /**
   * The learner opens fresh console windows: what `setup` typed (the broken state's history) is
   * neither on screen nor under the arrow keys.
   */
  private closeConsoles(): void {
    for (const [host, t] of Object.entries(this.lab.truth().hosts)) {
      for (const shell of ['cmd', 'powershell'] as const) {
        const s = t.host?.consoles[shell];
        if (s && (s.history.length > 0 || s.transcript.length > 0))
          this.mustDispatch({ type: 'console.close', host, shell });
      }
    }
  }

  private mustDispatch(command: unknown): void {
    const r = this.lab.dispatchUnknown(command);
    if (!r.ok) throw new ScenarioError(r.error);
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

  /** A setup line: part of the starting state, so neither observed nor stamped. */
  private perform(line: string): { ok: boolean; error?: string } {
    const parsed = parseAction(line);
    if (!parsed.ok) return { ok: false, error: parsed.error };
    const resolved = resolveAction(parsed.action, this.lab.learnerView());
    if (!resolved.ok) return { ok: false, error: resolved.error };
    const r = this.lab.dispatchUnknown(resolved.command);
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
    let blocked = false;
    for (const o of this.scenario.objectives) {
      if (this.scenario.mode === 'guided') {
        if (this.guidedDone.has(o.id)) continue;
        if (blocked) continue;
        if (evaluate(o.check, ctx)) {
          this.guidedDone.add(o.id);
          this.metAt.set(o.id, now);
        } else blocked = true;
      } else if (evaluate(o.check, ctx) && !this.metAt.has(o.id)) this.metAt.set(o.id, now);
    }
    const faultWentIn = this.trackFaults(ctx, now);
    this.excuseCollateral(ctx, faultWentIn || this.faultCommand);
    if (this.status === 'running') {
      const limit = this.scenario.timeLimit ? parseDuration(this.scenario.timeLimit) : undefined;
      if (this.objectives(ctx).every((o) => !o.required || o.met)) this.end('completed', ctx);
      else if (limit !== undefined && now - this.startedAt >= limit) this.end('time-up', ctx);
    }
  }

  /**
   * Notes every change of a fault's predicate, and which learner action made it. Returns whether a
   * fault went in (started holding) in this step.
   */
  private trackFaults(ctx: CheckContext, now: number): boolean {
    const entry = this.learnerEntries() - 1;
    let wentIn = false;
    for (const f of ctx.faults) {
      const spec = faultSpec(f.id);
      if (!spec || f.injectedAt === undefined) continue;
      const holds = spec.holds(ctx.truth, { def: ctx.def, params: f.params, injectedAt: f.injectedAt });
      const last = [...this.faultChanges].reverse().find((c) => c.id === f.id);
      if (last?.holds !== holds) {
        this.faultChanges.push({ id: f.id, at: now, entry, holds });
        if (holds) wentIn = true;
      }
    }
    // An instructor's fault (not in the scenario's plan) going in counts too.
    for (const a of ctx.truth.faults.active) {
      const key = `${a.id}@${a.injectedAt}`;
      if (this.activeSeen.has(key)) continue;
      this.activeSeen.add(key);
      wentIn = true;
    }
    return wentIn;
  }

  /** Every fault put in place so far (id and time), to notice the next one. */
  private readonly activeSeen = new Set<string>();

  /**
   * Collateral damage is what the learner does: a penalty state that appears in the step a fault
   * went in (the instructor injecting L5 turns writeback off) is the fault's, not the learner's.
   */
  private excuseCollateral(ctx: CheckContext, byFault: boolean): void {
    if (this.status !== 'running') return;
    for (const c of this.scenario.scoring?.collateral ?? []) {
      const holds = evaluate(c.check, ctx);
      if (!holds) this.collateralByFault.delete(c.id);
      else if (byFault && !this.counted.has(c.id)) this.collateralByFault.add(c.id);
      if (holds && !this.collateralByFault.has(c.id)) this.counted.add(c.id);
      else this.counted.delete(c.id);
    }
  }

  /** Collateral states currently held against the learner (their own doing). */
  private readonly counted = new Set<string>();

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
    let currentGiven = false;
    const causes = this.scenario.objectives.filter((o) => o.rootCause).length;
    let cause = 0;
    return this.scenario.objectives.map((o) => {
      const met = this.scenario.mode === 'guided' ? this.guidedDone.has(o.id) : evaluate(o.check, ctx);
      const current = this.scenario.mode === 'guided' && !met && !currentGiven;
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
        ...(this.metAt.has(o.id) ? { metAt: this.metAt.get(o.id) } : {}),
        current,
      };
    });
  }

  getStatus(): RunStatus {
    return this.status;
  }

  endedAtTime(): number | undefined {
    return this.endedAt;
  }

  /** The next hint the learner may take (hints come in order; one with `when` only while it holds). */
  nextHint(): HintView | undefined {
    const ctx = this.context();
    const taken = new Set(this.hintsTaken.map((h) => h.id));
    const h = (this.scenario.hints ?? []).find((x) => !taken.has(x.id) && (!x.when || evaluate(x.when, ctx)));
    return h ? { id: h.id, text: h.text, cost: h.cost } : undefined;
  }

  hints(): HintView[] {
    return this.hintsTaken.map((t) => {
      const h = this.scenario.hints?.find((x) => x.id === t.id);
      return { id: t.id, text: h?.text ?? '', cost: h?.cost ?? 0, takenAt: t.at };
    });
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
    const live = this.liveScore(ctx);
    // The faults in this lab: the scenario's (a pool with all it may draw) and the instructor's.
    const inLab = [...this.faults.map((f) => f.id), ...ctx.truth.faults.active.map((a) => a.id)];
    return {
      ...live,
      collateral: live.collateral.map((c) =>
        findGiveAway(c.title, inLab) ? { ...c, title: HIDDEN_PENALTY_TITLE } : c,
      ),
    };
  }

  private liveScore(ctx: CheckContext): ScoreBreakdown {
    return scoreOf({
      scenario: this.scenario,
      objectives: this.liveObjectives(ctx, true),
      hints: this.hints(),
      collateral: (this.scenario.scoring?.collateral ?? []).filter(
        (c) =>
          !this.collateralAtStart.has(c.id) && !this.collateralByFault.has(c.id) && evaluate(c.check, ctx),
      ),
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
    return this.faultChanges;
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
      faults: this.faults.map((f) => {
        const rec = ctx.faults.find((x) => x.id === f.id);
        const spec = faultSpec(f.id);
        return {
          id: f.id,
          title: spec?.title ?? f.id,
          params: f.params,
          injectedAt: rec?.injectedAt,
          stoppedHoldingAt: this.faultChanges.find((c) => c.id === f.id && !c.holds)?.at,
          holdsNow:
            !!spec &&
            rec?.injectedAt !== undefined &&
            spec.holds(ctx.truth, { def: ctx.def, params: rec.params, injectedAt: rec.injectedAt }),
        };
      }),
      variant: this.params,
    };
  }

  /** What the learner did since the start, in words: actions, clock steps, pages looked at, hints. */
  timeline(): TimelineEntry[] {
    const out: TimelineEntry[] = [];
    for (const e of this.learnerJournal()) {
      const text = describeCommand(e.command, this.lab.definition);
      if (!text) continue;
      const kind = e.command.type.startsWith('clock.')
        ? 'clock'
        : e.command.type === 'surface.view'
          ? 'view'
          : 'action';
      out.push({ at: e.at, text, kind });
    }
    for (const h of this.hints())
      out.push({ at: h.takenAt ?? 0, text: `Hint taken (−${h.cost}): ${h.text}`, kind: 'hint' });
    if (this.endedAt !== undefined)
      out.push({ at: this.endedAt, text: STATUS_TEXT[this.status], kind: 'end' });
    // Stable: same-time entries keep their order (actions, then hints, then the end).
    return out
      .map((e, i) => ({ e, i }))
      .sort((a, b) => a.e.at - b.e.at || a.i - b.i)
      .map((x) => x.e);
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

export const STATUS_TEXT: Record<RunStatus, string> = {
  running: 'In progress',
  completed: 'Scenario completed',
  'time-up': 'Time is up',
  'gave-up': 'Given up',
};

export interface ScenarioReport {
  scenario: { id: string; title: string };
  seed: number;
  status: RunStatus;
  startedAt: number;
  endedAt?: number;
  objectives: ObjectiveStatus[];
  hints: HintView[];
  score: ScoreBreakdown;
  timeline: TimelineEntry[];
  /** Instructor's copy only. */
  faults?: {
    id: string;
    title: string;
    params: FaultParams;
    injectedAt?: number;
    stoppedHoldingAt?: number;
    holdsNow: boolean;
  }[];
  variant?: FaultParams;
}
