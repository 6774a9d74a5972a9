/**
 * Running a scenario: prepare the lab (preset, setup, settle), put the scenario's faults in place
 * (at the start, after a while or on a trigger), take the learner's actions, re-evaluate the
 * objectives after every action and clock step, offer hints, score, and report. Grading reads
 * only the lab's state and history (checks.ts), so any valid fix counts.
 *
 * A scenario session is (scenario, seed, lab journal, hints taken, give-up time): replaying it
 * gives the same objectives, score and report.
 */
import { nextInt, seedFrom, type RngState } from '../core/random';
import { parseDuration } from '../core/time';
import { DEFAULT_PARAMS, faultSpec, type FaultParams } from '../faults/catalog';
import { Lab, type JournalEntry } from '../facade/lab';
import type { LabDefinition } from '../core/definition';
import type { LearnerView } from '../lab/projection';
import { parseAction, resolveAction } from './actions';
import { bind, evaluate, type CheckContext } from './checks';
import { scenarioDefinition, type Scenario } from './schema';

export type RunStatus = 'running' | 'completed' | 'time-up' | 'gave-up';

export interface ObjectiveStatus {
  id: string;
  title: string;
  description?: string;
  required: boolean;
  points: number;
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

export interface ScoreBreakdown {
  objectives: number;
  max: number;
  hints: number;
  collateral: { id: string; title: string; cost: number }[];
  time: number;
  total: number;
  passMark: number;
  passed: boolean;
}

export interface TimelineEntry {
  at: number;
  text: string;
}

const MASK = '********';

/** A learner's command as one line of the timeline (passwords masked). */
export function describeCommand(c: Record<string, unknown>): string {
  const s = (k: string) => String(c[k] ?? '');
  switch (c.type) {
    case 'clock.advance':
      return `advance ${formatMs(Number(c.ms))}`;
    case 'clock.next':
      return 'next';
    case 'console.exec':
      return `${c.shell === 'cmd' ? 'cmd' : 'ps'} ${s('host')}: ${s('line')}`;
    case 'desktop.signIn':
      return `signin ${s('host')} ${s('user')} ${MASK}`;
    case 'desktop.signOut':
      return `signout ${s('host')}`;
    case 'desktop.changePassword':
      return `changepw ${s('host')} ${s('user')} ${MASK} ${MASK}`;
    case 'portal.admin':
    case 'portal.sspr':
    case 'portal.myaccount':
    case 'connect.wizard':
    case 'aduc.action': {
      const surface = {
        'portal.admin': 'admin',
        'portal.sspr': 'sspr',
        'portal.myaccount': 'myaccount',
        'connect.wizard': 'wizard',
        'aduc.action': 'aduc',
      }[c.type];
      const { type, ...fields } = (c.action ?? {}) as Record<string, unknown>;
      const shown = Object.entries(fields).map(
        ([k, v]) =>
          `${k}=${/password|code|confirm/i.test(k) ? MASK : typeof v === 'string' ? v : JSON.stringify(v)}`,
      );
      return [surface, String(type), ...shown].join(' ');
    }
    case 'service.start':
    case 'service.stop':
    case 'service.restart':
      return `service ${String(c.type).slice(8)} ${s('host')} ${s('service')}`;
    case 'host.power':
      return `power ${c.on ? 'on' : 'off'} ${s('host')}`;
    case 'host.restart':
      return `restart ${s('host')}`;
    case 'gateway.firewall':
      return c.remove ? `firewall delete ${s('remove')}` : `firewall add ${JSON.stringify(c.add)}`;
    case 'syncmanager.connector':
      return `syncmanager${c.password !== undefined ? ` password=${MASK}` : ''}${c.ldapSignAndEncrypt !== undefined ? ` ldapSignAndEncrypt=${String(c.ldapSignAndEncrypt)}` : ''}`;
    default:
      return String(c.type);
  }
}

function formatMs(ms: number): string {
  if (ms % 86_400_000 === 0) return `${ms / 86_400_000}d`;
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  return `${Math.round(ms / 1000)}s`;
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
}

export interface FaultPlan {
  id: string;
  params: FaultParams;
  after?: number;
  on?: string;
}

/** What the scenario puts in place, from its seed: the variant user and PC, and the faults drawn from the pool. */
export function planVariants(s: Scenario, seed: number): { params: FaultParams; faults: FaultPlan[] } {
  let rng: RngState = seedFrom(seed, `scenario:${s.id}`);
  const pickOne = <T>(items: readonly T[] | undefined, fallback: T): T => {
    if (!items || items.length === 0) return fallback;
    const [i, next] = nextInt(rng, 0, items.length - 1);
    rng = next;
    return items[i] as T;
  };
  const params: FaultParams = {
    user: pickOne(s.variants?.user, DEFAULT_PARAMS.user),
    pc: pickOne(s.variants?.pc, DEFAULT_PARAMS.pc),
  };
  const pool = s.variants?.faultPool;
  const drawn: string[] = [];
  if (pool) {
    const left = [...pool.from];
    for (let k = 0; k < pool.pick && left.length; k++) {
      const [i, next] = nextInt(rng, 0, left.length - 1);
      rng = next;
      drawn.push(...left.splice(i, 1));
    }
  }
  const faults: FaultPlan[] = [];
  for (const f of s.faults ?? []) {
    const ids = f.fault === '$pool' ? drawn : [f.fault];
    for (const id of ids) {
      faults.push({
        id,
        params: { user: bind(f.params?.user ?? '$user', params), pc: bind(f.params?.pc ?? '$pc', params) },
        ...(f.after ? { after: parseDuration(f.after) } : {}),
        ...(f.on ? { on: f.on } : {}),
      });
    }
  }
  return { params, faults };
}

export class ScenarioError extends Error {}

export class ScenarioRun {
  readonly lab: Lab;
  readonly params: FaultParams;
  readonly faults: FaultPlan[];
  readonly startedAt: number;
  /** Journal length when the learner's part began (setup and faults come before). */
  readonly startIndex: number;
  private status: RunStatus = 'running';
  private endedAt: number | undefined;
  private readonly metAt = new Map<string, number>();
  private readonly guidedDone = new Set<string>();
  private readonly faultStoppedAt = new Map<string, number>();
  private readonly hintsTaken: { id: string; at: number }[] = [];
  private readonly listeners = new Set<() => void>();
  private revision = 0;
  /** The outcome as it stood when the scenario ended (the lab may still be explored afterwards). */
  private frozen: { objectives: ObjectiveStatus[]; score: ScoreBreakdown } | undefined;

  private constructor(
    readonly scenario: Scenario,
    readonly seed: number,
    definition: LabDefinition,
  ) {
    this.lab = new Lab({ definition, seed });
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
    this.startIndex = this.lab.journal().length;
    this.evaluate();
  }

  static start(scenario: Scenario, seed = 1, base?: LabDefinition): ScenarioRun {
    return new ScenarioRun(scenario, seed, scenarioDefinition(scenario, base));
  }

  /** Rebuilds a run from its session: the same scenario and seed, then the learner's journal entries. */
  static replay(scenario: Scenario, session: ScenarioSession, base?: LabDefinition): ScenarioRun {
    const run = ScenarioRun.start(scenario, session.seed, base);
    const rest = session.journal;
    const hints = [...session.hints].sort((a, b) => a.at - b.at);
    for (const [i, entry] of rest.entries()) {
      while (hints[0] && hints[0].at <= run.lab.now()) run.takeHint(hints.shift()?.id ?? '');
      if (entry.at !== run.lab.now())
        throw new ScenarioError(`journal[${i}].at: expected ${run.lab.now()}, got ${entry.at}`);
      const r = run.dispatch(entry.command);
      if (!r.ok) throw new ScenarioError(`journal[${i}].command: ${r.error}`);
    }
    for (const h of hints) run.takeHint(h.id);
    if (session.gaveUpAt !== undefined) run.giveUp();
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
    const r = this.lab.dispatch(command);
    if (!r.ok) throw new ScenarioError(r.error);
  }

  /** Runs one learner action written in the action syntax (actions.ts). */
  act(line: string): { ok: boolean; error?: string } {
    const r = this.perform(line);
    this.evaluate();
    this.changed();
    return r;
  }

  private perform(line: string): { ok: boolean; error?: string } {
    const parsed = parseAction(line);
    if (!parsed.ok) return { ok: false, error: parsed.error };
    const resolved = resolveAction(parsed.action, this.lab.learnerView());
    if (!resolved.ok) return { ok: false, error: resolved.error };
    const r = this.lab.dispatch(resolved.command);
    return r.ok ? { ok: true } : { ok: false, error: r.error };
  }

  /** A command from the UI (already a lab command). */
  dispatch(command: unknown): { ok: true; at: number } | { ok: false; error: string } {
    // The lab stays usable after the end (to look around); the outcome was fixed when it ended.
    const r = this.lab.dispatch(command);
    this.evaluate();
    this.changed();
    return r;
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
    for (const f of ctx.faults) {
      const spec = faultSpec(f.id);
      if (!spec || f.injectedAt === undefined || this.faultStoppedAt.has(f.id)) continue;
      if (!spec.holds(ctx.truth, { def: ctx.def, params: f.params, injectedAt: f.injectedAt }))
        this.faultStoppedAt.set(f.id, now);
    }
    if (this.status === 'running') {
      const limit = this.scenario.timeLimit ? parseDuration(this.scenario.timeLimit) : undefined;
      if (this.objectives(ctx).every((o) => !o.required || o.met)) this.end('completed', ctx);
      else if (limit !== undefined && now - this.startedAt >= limit) this.end('time-up', ctx);
    }
  }

  private end(status: RunStatus, ctx: CheckContext = this.context()): void {
    this.status = status;
    this.endedAt = this.lab.now();
    this.frozen = { objectives: this.liveObjectives(ctx), score: this.liveScore(ctx) };
  }

  objectives(ctx?: CheckContext): ObjectiveStatus[] {
    return this.frozen?.objectives ?? this.liveObjectives(ctx ?? this.context());
  }

  private liveObjectives(ctx: CheckContext): ObjectiveStatus[] {
    let currentGiven = false;
    return this.scenario.objectives.map((o) => {
      const met = this.scenario.mode === 'guided' ? this.guidedDone.has(o.id) : evaluate(o.check, ctx);
      const current = this.scenario.mode === 'guided' && !met && !currentGiven;
      if (current) currentGiven = true;
      return {
        id: o.id,
        title: o.title,
        ...(o.description ? { description: o.description } : {}),
        required: o.required !== false,
        points: o.points ?? 10,
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

  takeHint(id?: string): HintView | undefined {
    const next = this.nextHint();
    const h = id ? this.scenario.hints?.find((x) => x.id === id) : next;
    if (!h || this.hintsTaken.some((t) => t.id === h.id)) return undefined;
    this.hintsTaken.push({ id: h.id, at: this.lab.now() });
    this.changed();
    return { id: h.id, text: h.text, cost: h.cost, takenAt: this.lab.now() };
  }

  giveUp(): void {
    if (this.status !== 'running') return;
    this.end('gave-up');
    this.changed();
  }

  score(): ScoreBreakdown {
    return this.frozen?.score ?? this.liveScore(this.context());
  }

  private liveScore(ctx: CheckContext): ScoreBreakdown {
    const objs = this.liveObjectives(ctx);
    const max = objs.reduce((a, o) => a + o.points, 0);
    const objectives = objs.filter((o) => o.met).reduce((a, o) => a + o.points, 0);
    const hints = this.hints().reduce((a, h) => a + h.cost, 0);
    const collateral = (this.scenario.scoring?.collateral ?? [])
      .filter((c) => evaluate(c.check, ctx))
      .map((c) => ({ id: c.id, title: c.title, cost: c.cost }));
    const tp = this.scenario.scoring?.timePenalty;
    const minutes = ((this.endedAt ?? this.lab.now()) - this.startedAt) / 60_000;
    const time = tp
      ? Math.min(tp.max, Math.max(0, Math.floor(minutes - tp.afterMinutes) * tp.pointsPerMinute))
      : 0;
    const total = Math.max(0, objectives - hints - collateral.reduce((a, c) => a + c.cost, 0) - time);
    const passMark = this.scenario.scoring?.passMark ?? Math.ceil(max / 2);
    return {
      objectives,
      max,
      hints,
      collateral,
      time,
      total,
      passMark,
      passed: this.status === 'completed' && total >= passMark,
    };
  }

  learnerView(): LearnerView {
    return this.lab.learnerView();
  }

  session(): ScenarioSession {
    return {
      scenarioId: this.scenario.id,
      seed: this.seed,
      journal: this.lab.journal().slice(this.startIndex),
      hints: [...this.hintsTaken],
      ...(this.status === 'gave-up' && this.endedAt !== undefined ? { gaveUpAt: this.endedAt } : {}),
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
      objectives: this.objectives(ctx),
      hints: this.hints(),
      score: this.score(),
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
          stoppedHoldingAt: this.faultStoppedAt.get(f.id),
          holdsNow:
            !!spec &&
            rec?.injectedAt !== undefined &&
            spec.holds(ctx.truth, { def: ctx.def, params: rec.params, injectedAt: rec.injectedAt }),
        };
      }),
      variant: this.params,
    };
  }

  /** The learner's actions since the start, from the journal (clock steps included). */
  timeline(): TimelineEntry[] {
    return this.lab
      .journal()
      .slice(this.startIndex)
      .map((e) => ({ at: e.at, text: describeCommand(e.command as unknown as Record<string, unknown>) }));
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
