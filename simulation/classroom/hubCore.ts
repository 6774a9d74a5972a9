/**
 * The hub's record of a class, as plain data and functions over it (no sockets, no clock, no
 * randomness of its own: the host process passes time and fresh ids in). The host's server turns
 * messages into calls here and sends what comes back.
 *
 * The record is the authority on the class: who joined, what each learner was assigned (with their
 * own seed), every command sent to each learner (numbered cseq), the last progress each reported
 * (applied once per seq), the hints the hub handed out, and the results handed in with whatever in
 * them disagrees with the record.
 */
import type { Scenario } from '../scenarios/schema';
import type {
  DashboardRow,
  HubCommand,
  InstructorAction,
  LearnerMessage,
  Progress,
  SignedResult,
} from './protocol';

export interface LearnerRecord {
  id: string;
  token: string;
  name: string;
  /** Place in the roster (0, 1, …): the seed offset for each assignment. */
  index: number;
  /** The last seq applied from this learner. */
  lastSeq: number;
  progress?: Progress;
  lastActivity?: number;
  /** Every command sent to this learner, in order (cseq = position + 1). */
  commands: HubCommand[];
  /** Commands the learner acknowledged (cseq). */
  acked: number;
  assignment?: string;
  /** Hints the hub handed out, per assignment: the authority for the hints in a result. */
  hintsGiven: { assignment: string; id: string; at: number }[];
  /** Assignments whose summary and solution were sent (the run ended). */
  revealed: string[];
  /** Results handed in: `at` the wall-clock ms the hub took it, `flags` what disagrees with the record. */
  results: { assignment: string; result: SignedResult; flags: string[]; at?: number }[];
}

export interface ClassRecord {
  v: 1;
  code: string;
  /** Assignment ids → scenario id and seed base. */
  assignments: { id: string; scenarioId: string; seedBase: number }[];
  learners: LearnerRecord[];
  ended: boolean;
}

export interface HubDeps {
  /** The scenarios an instructor may assign, by id (the full files: the hub alone holds the secrets). */
  scenario(id: string): Scenario | undefined;
  /** Wall-clock ms (dashboard times). */
  now(): number;
  /** A fresh random id (lower-case letters and digits) and a fresh random token. */
  newId(): string;
  newToken(): string;
  /** Checks an Ed25519 signature (base64) over a text with a raw public key (base64); absent: not checked. */
  verify?(publicKey: string, text: string, signature: string): boolean;
}

/** A hint's text in a learner's copy of the scenario until the hub sends the real one. */
export const HINT_PENDING = 'Your class sends this hint in a moment…';

/** The scenario as a learner's lab gets it: no summary, solution or hint texts (those come later). */
export function redactScenario(s: Scenario): Record<string, unknown> {
  return {
    ...s,
    summary: 'Shown when the run ends.',
    solution: ['advance 1m'],
    ...(s.hints ? { hints: s.hints.map((h) => ({ ...h, text: HINT_PENDING })) } : {}),
  };
}

export type Outgoing = { learner: string; cseq: number; command: HubCommand };

export interface Applied {
  /** The seq to acknowledge (also for a duplicate: the learner's ack may have been lost). */
  ack?: number;
  /** Whether this message changed the record (false: a duplicate, or out of order). */
  applied: boolean;
  duplicate: boolean;
  /** Commands to send (a hint, a reveal). */
  send: Outgoing[];
  /** Refused (with why): the learner asked for something it may not have. */
  error?: string;
}

export class HubCore {
  constructor(
    readonly record: ClassRecord,
    private readonly deps: HubDeps,
  ) {}

  static create(code: string, deps: HubDeps): HubCore {
    return new HubCore({ v: 1, code, assignments: [], learners: [], ended: false }, deps);
  }

  learner(id: string): LearnerRecord | undefined {
    return this.record.learners.find((l) => l.id === id);
  }

  /**
   * A learner's hello: a new learner joins the roster; a returning one (id and token) is the same
   * learner again. Returns the learner and the commands it has not applied yet.
   */
  join(
    hello: Extract<LearnerMessage, { kind: 'hello' }>,
  ): { ok: true; learner: LearnerRecord; resend: Outgoing[] } | { ok: false; reason: string } {
    if (hello.code !== this.record.code) return { ok: false, reason: 'wrong class code' };
    let l: LearnerRecord | undefined;
    if (hello.learnerId !== undefined) {
      l = this.learner(hello.learnerId);
      if (!l || l.token !== hello.token) return { ok: false, reason: 'unknown learner id or token' };
    } else {
      if (this.record.ended) return { ok: false, reason: 'the class has ended' };
      l = {
        id: this.deps.newId(),
        token: this.deps.newToken(),
        name: hello.name,
        index: this.record.learners.length,
        lastSeq: 0,
        commands: [],
        acked: 0,
        hintsGiven: [],
        revealed: [],
        results: [],
      };
      this.record.learners.push(l);
    }
    l.acked = Math.max(l.acked, Math.min(hello.applied, l.commands.length));
    l.lastActivity = this.deps.now();
    return { ok: true, learner: l, resend: this.pending(l) };
  }

  /** Commands sent to `l` that it has not acknowledged. */
  pending(l: LearnerRecord): Outgoing[] {
    return l.commands.slice(l.acked).map((command, i) => ({ learner: l.id, cseq: l.acked + i + 1, command }));
  }

  private push(l: LearnerRecord, command: HubCommand): Outgoing {
    l.commands.push(command);
    return { learner: l.id, cseq: l.commands.length, command };
  }

  /** A learner's message after hello. Messages with a seq are applied once, in order. */
  fromLearner(id: string, m: LearnerMessage): Applied {
    const l = this.learner(id);
    const none: Applied = { applied: false, duplicate: false, send: [] };
    if (!l || m.kind === 'hello') return { ...none, error: 'not joined' };
    if (m.kind === 'ack') {
      l.acked = Math.max(l.acked, Math.min(m.cseq, l.commands.length));
      return none;
    }
    if (m.seq <= l.lastSeq) return { ...none, ack: l.lastSeq, duplicate: true };
    // A gap: an earlier message is still on its way (or was lost); the learner resends from its outbox.
    if (m.seq > l.lastSeq + 1) return none;
    l.lastSeq = m.seq;
    l.lastActivity = this.deps.now();
    const out: Applied = { ack: m.seq, applied: true, duplicate: false, send: [] };
    if (m.kind === 'progress') {
      l.progress = m.progress;
      out.send.push(...this.revealIfEnded(l));
    } else if (m.kind === 'hint.request') {
      const r = this.giveHint(l, m.assignment, m.hint);
      if ('error' in r) out.error = r.error;
      else out.send.push(r);
    } else if (m.kind === 'result') {
      l.results.push({
        assignment: m.assignment,
        result: m.result,
        flags: this.compare(l, m.assignment, m.result),
        at: this.deps.now(),
      });
    }
    return out;
  }

  private scenarioOf(assignment: string): Scenario | undefined {
    const a = this.record.assignments.find((x) => x.id === assignment);
    return a ? this.deps.scenario(a.scenarioId) : undefined;
  }

  private giveHint(l: LearnerRecord, assignment: string, hint: string): Outgoing | { error: string } {
    if (assignment !== l.assignment)
      return { error: `hint for ${assignment}, which is not this learner's assignment` };
    const h = this.scenarioOf(assignment)?.hints?.find((x) => x.id === hint);
    if (!h) return { error: `no hint ${hint} in ${assignment}` };
    if (!l.hintsGiven.some((g) => g.assignment === assignment && g.id === hint))
      l.hintsGiven.push({ assignment, id: hint, at: l.progress?.labMs ?? 0 });
    return this.push(l, { type: 'hint', assignment, id: h.id, text: h.text });
  }

  private revealIfEnded(l: LearnerRecord): Outgoing[] {
    const a = l.assignment;
    const p = l.progress;
    if (!a || !p || p.assignment !== a || p.status === 'running' || p.status === 'idle') return [];
    if (l.revealed.includes(a)) return [];
    const s = this.scenarioOf(a);
    if (!s) return [];
    l.revealed.push(a);
    return [this.push(l, { type: 'reveal', assignment: a, summary: s.summary, solution: s.solution })];
  }

  /**
   * A handed-in result against the hub's record: its signature; the scenario and seed the hub
   * assigned; the hints the hub handed out; the objectives, score and end the learner's progress
   * reported; and the instructor's fault commands in the journal. Each difference is one flag, in words.
   */
  private compare(l: LearnerRecord, assignment: string, result: SignedResult): string[] {
    let payload: {
      scenario?: { id?: unknown };
      seed?: unknown;
      status?: unknown;
      hints?: { id?: unknown }[];
      objectives?: { id?: unknown; met?: unknown }[];
      score?: { total?: unknown };
      session?: { hints?: { id?: unknown }[]; journal?: { command?: { type?: unknown; fault?: unknown } }[] };
    };
    try {
      payload = JSON.parse(result.payload) as typeof payload;
    } catch {
      return ['the result is not JSON'];
    }
    if (typeof payload !== 'object' || payload === null) return ['the result is not a JSON object'];
    const flags: string[] = [];
    if (result.signature || result.publicKey) {
      if (this.deps.verify && !this.deps.verify(result.publicKey, result.payload, result.signature))
        flags.push('the signature does not verify: the result was changed after it was signed');
    }
    const a = this.record.assignments.find((x) => x.id === assignment);
    if (!a) flags.push(`assignment ${assignment} is not one the hub made`);
    else if (payload.scenario?.id !== a.scenarioId)
      flags.push(`scenario ${String(payload.scenario?.id)} in the result, ${a.scenarioId} assigned`);
    const assign = l.commands.find((c) => c.type === 'assign' && c.assignment === assignment);
    if (assign?.type === 'assign' && payload.seed !== assign.seed)
      flags.push(`seed ${String(payload.seed)} in the result, ${assign.seed} assigned`);
    const given = new Set(l.hintsGiven.filter((h) => h.assignment === assignment).map((h) => h.id));
    const claimed = new Set((payload.session?.hints ?? payload.hints ?? []).map((h) => String(h.id)));
    const p = l.progress?.assignment === assignment ? l.progress : undefined;
    // A hint the hub gave counts once the learner's lab reported it taken (one that reached the lab
    // after the run ended was never seen in it).
    const seenTaken = p ? new Set(p.hints) : given;
    const fewer = [...given].filter((h) => seenTaken.has(h) && !claimed.has(h));
    const extra = [...claimed].filter((h) => !given.has(h));
    if (fewer.length) flags.push(`hints the hub gave but the result leaves out: ${fewer.join(', ')}`);
    if (extra.length) flags.push(`hints in the result the hub never gave: ${extra.join(', ')}`);
    if (p) {
      const seen = new Set(p.objectives.map((o) => o.id));
      const met = (payload.objectives ?? []).filter((o) => o.met === true).map((o) => String(o.id));
      const notSeen = met.filter((o) => !seen.has(o));
      if (notSeen.length)
        flags.push(`objectives met in the result the hub never saw met: ${notSeen.join(', ')}`);
      const metSet = new Set(met);
      const dropped = [...seen].filter((o) => !metSet.has(o));
      if (dropped.length)
        flags.push(`objectives the hub saw met but the result leaves unmet: ${dropped.join(', ')}`);
      const total = payload.score?.total;
      if (typeof total === 'number' && total !== p.score)
        flags.push(`score ${total} in the result, ${p.score} in the hub's record`);
      if (typeof payload.status === 'string' && payload.status !== p.status)
        flags.push(`status ${payload.status} in the result, ${p.status} in the hub's record`);
    }
    // The instructor's fault commands sent while the run went on (before the hub saw it end) and
    // that the learner's lab reported applied.
    const journal = payload.session?.journal;
    if (assign && p && Array.isArray(journal)) {
      const from = l.commands.indexOf(assign);
      const reveal = l.commands.findIndex(
        (c, i) => i > from && (c.type === 'assign' || (c.type === 'reveal' && c.assignment === assignment)),
      );
      const sent = l.commands
        .slice(from + 1, Math.min(reveal === -1 ? l.commands.length : reveal, p.applied))
        .flatMap((c) =>
          c.type === 'fault.inject' || c.type === 'fault.schedule' || c.type === 'fault.clear'
            ? [`${c.type} ${c.fault}`]
            : [],
        );
      const inJournal = journal.map((e) => `${String(e.command?.type)} ${String(e.command?.fault)}`);
      const missing: string[] = [];
      for (const c of sent) {
        const i = inJournal.indexOf(c);
        if (i === -1) missing.push(c);
        else inJournal.splice(i, 1);
      }
      if (missing.length)
        flags.push(`instructor commands missing from the result's journal: ${missing.join(', ')}`);
    }
    return flags;
  }

  /** An instructor's action to some learners (or all): the commands to send. */
  act(targets: 'all' | string[], action: InstructorAction): { send: Outgoing[]; error?: string } {
    const ls =
      targets === 'all' ? this.record.learners : this.record.learners.filter((l) => targets.includes(l.id));
    if (action.type === 'assign') {
      const s = this.deps.scenario(action.scenarioId);
      if (!s) return { send: [], error: `no scenario ${action.scenarioId}` };
      const id = `a${this.record.assignments.length + 1}-${s.id}`.slice(0, 64);
      const seedBase = action.seedBase ?? 1;
      this.record.assignments.push({ id, scenarioId: s.id, seedBase });
      const scenario = redactScenario(s);
      return {
        send: ls.map((l) => {
          l.assignment = id;
          return this.push(l, { type: 'assign', assignment: id, seed: seedBase + l.index, scenario });
        }),
      };
    }
    if (action.type === 'class.end') this.record.ended = true;
    return { send: ls.map((l) => this.push(l, action)) };
  }

  /** The dashboard: one row per learner. */
  rows(connected: (id: string) => boolean): DashboardRow[] {
    return this.record.learners.map((l) => this.row(l, connected(l.id)));
  }

  row(l: LearnerRecord, connected: boolean): DashboardRow {
    return {
      learnerId: l.id,
      name: l.name,
      connected,
      ...(l.progress ? { progress: l.progress } : {}),
      ...(l.lastActivity !== undefined ? { lastActivity: l.lastActivity } : {}),
      flags: l.results.flatMap((r) => r.flags),
      results: l.results.length,
    };
  }
}
