/**
 * The classroom hub: a WebSocket server (the `ws` package) on the interface and port the instructor
 * picks, serving nothing but the protocol. It checks every message with the shared protocol module
 * (oversized, malformed, unknown and wrong-role messages are dropped, logged and counted; a learner
 * that sends an instructor's command is refused and closed), limits each connection's rate, slows
 * down wrong class codes per address, authenticates the instructor with a secret made at start, and
 * keeps the class in a file written atomically after every change, so a restarted hub resumes it.
 * The record itself is HubCore's (simulation/classroom): this file is transport and persistence.
 */
import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { nodeCheck } from '../resultSigning';
import {
  afterAttempt,
  checkAtHub,
  HubCore,
  NO_ATTEMPTS,
  waitBefore,
  waitMessage,
  type AttemptPolicy,
  type AttemptState,
  type ClassRecord,
  type HubToInstructor,
  type HubToLearner,
  type InstructorAction,
  type Outgoing,
  type Refusal,
  type Scenario,
} from '../../simulation';
import { RateLimiter, type Rate } from '../rateLimit';
import { replaceFile } from '../store/durable';

/** Class codes: six characters without look-alikes (no 0/O, 1/I). */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const LEARNER_RATE: Rate = { perSecond: 20, burst: 100 };
export const INSTRUCTOR_RATE: Rate = { perSecond: 50, burst: 200 };
export const CODE_POLICY: AttemptPolicy = { free: 5, baseMs: 1_000, maxMs: 60_000 };
/** ws refuses frames past this outright; between MAX_MESSAGE_BYTES and this they are dropped and counted. */
const FRAME_LIMIT = 1024 * 1024;

export function newClassCode(): string {
  let s = '';
  for (let i = 0; i < 6; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

export interface HubOptions {
  host: string;
  port: number;
  /** The class file (roster, assignments, progress, results): resumed from when it exists. */
  file?: string;
  scenarios: ReadonlyMap<string, Scenario>;
  log?: (line: string) => void;
  now?: () => number;
  /** Called for every learner message applied (the load test checks "once each" with it). */
  onApplied?: (learnerId: string, seq: number) => void;
}

export interface HubStats {
  received: number;
  applied: number;
  duplicates: number;
  dropped: Record<Refusal | 'rate', number>;
  closedForRole: number;
  codeRefusals: number;
}

type Conn = { ws: WebSocket; role: 'anonymous' | 'learner' | 'instructor'; learnerId?: string; key: string };

export class Hub {
  readonly stats: HubStats = {
    received: 0,
    applied: 0,
    duplicates: 0,
    dropped: { oversized: 0, malformed: 0, 'wrong-role': 0, 'unknown-kind': 0, rate: 0 },
    closedForRole: 0,
    codeRefusals: 0,
  };
  /** The instructor's secret: made at start, never stored. */
  readonly secret = randomBytes(24).toString('base64url');
  private readonly learners = new Map<string, Conn>();
  private readonly instructors = new Set<Conn>();
  private readonly limiter: RateLimiter;
  private readonly codeAttempts = new Map<string, AttemptState>();
  private readonly rowListeners = new Set<(learnerId: string) => void>();
  private saving: Promise<void> | undefined;
  private dirty = false;
  private connections = 0;
  url = '';

  private constructor(
    readonly core: HubCore,
    private readonly server: Server,
    private readonly wss: WebSocketServer,
    private readonly o: HubOptions,
  ) {
    this.limiter = new RateLimiter(() => performance.now());
  }

  get code(): string {
    return this.core.record.code;
  }

  static async start(o: HubOptions): Promise<Hub> {
    const now = o.now ?? (() => Date.now());
    const deps = {
      scenario: (id: string) => o.scenarios.get(id),
      now,
      newId: () => randomBytes(8).toString('hex').slice(0, 12),
      newToken: () => randomBytes(24).toString('base64url'),
      verify: nodeCheck,
    };
    const saved = o.file ? await readClass(o.file) : undefined;
    const core = saved ? new HubCore(saved, deps) : HubCore.create(newClassCode(), deps);
    // Nothing but the protocol: any plain HTTP request gets 404.
    const server = createServer((_req, res) => res.writeHead(404).end());
    const wss = new WebSocketServer({ server, maxPayload: FRAME_LIMIT });
    const hub = new Hub(core, server, wss, o);
    wss.on('connection', (ws, req) => hub.accept(ws, req));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(o.port, o.host, () => resolve());
    });
    const addr = server.address() as AddressInfo;
    hub.url = `ws://${addr.address.includes(':') ? `[${addr.address}]` : addr.address}:${addr.port}`;
    if (o.file) await hub.save();
    hub.log(`hub on ${hub.url}, class ${hub.code}${saved ? ' (resumed)' : ''}`);
    return hub;
  }

  private log(line: string): void {
    this.o.log?.(line);
  }

  isConnected(learnerId: string): boolean {
    return this.learners.has(learnerId);
  }

  /** Called with a learner's id whenever their dashboard row changes. */
  onRow(listener: (learnerId: string) => void): () => void {
    this.rowListeners.add(listener);
    return () => this.rowListeners.delete(listener);
  }

  private accept(ws: WebSocket, req: IncomingMessage): void {
    const conn: Conn = { ws, role: 'anonymous', key: `c${++this.connections}` };
    const address = req.socket.remoteAddress ?? '?';
    ws.on('message', (data, isBinary) => this.receive(conn, data, isBinary, address));
    ws.on('close', () => {
      if (conn.learnerId && this.learners.get(conn.learnerId) === conn) {
        this.learners.delete(conn.learnerId);
        this.rowChanged(conn.learnerId);
      }
      this.instructors.delete(conn);
    });
    ws.on('error', () => undefined);
  }

  private drop(conn: Conn, refusal: Refusal | 'rate', reason: string): void {
    this.stats.dropped[refusal]++;
    this.log(`dropped from ${conn.learnerId ?? conn.role} (${conn.key}): ${refusal}: ${reason}`);
  }

  private refuse(conn: Conn, reason: string): void {
    conn.ws.send(JSON.stringify({ kind: 'refused', reason } satisfies HubToLearner));
    conn.ws.close(1008, reason.slice(0, 120));
  }

  private receive(conn: Conn, data: RawData, isBinary: boolean, address: string): void {
    this.stats.received++;
    const rate = conn.role === 'instructor' ? INSTRUCTOR_RATE : LEARNER_RATE;
    if (!this.limiter.take(conn.key, rate)) return this.drop(conn, 'rate', 'too many messages');
    if (isBinary) return this.drop(conn, 'malformed', 'binary frame');
    const raw = Buffer.isBuffer(data)
      ? data.toString('utf8')
      : Buffer.concat(data as Buffer[]).toString('utf8');
    const checked = checkAtHub(raw, conn.role);
    if (!checked.ok) {
      this.drop(conn, checked.refusal, checked.reason);
      // A learner trying an instructor's command, or anyone skipping hello, is closed.
      if (checked.refusal === 'wrong-role') {
        this.stats.closedForRole++;
        this.refuse(conn, checked.reason);
      }
      return;
    }
    const { message } = checked;
    if (message.from === 'instructor') {
      const m = message.m;
      if (m.kind === 'hello') return this.helloInstructor(conn, m.secret);
      if (m.kind === 'action') {
        this.act(m.targets, m.action);
        return;
      }
      return; // detail: the row carries what the detail view shows
    }
    const m = message.m;
    if (m.kind === 'hello') return this.helloLearner(conn, m, address);
    if (!conn.learnerId) return;
    const r = this.core.fromLearner(conn.learnerId, m);
    if (r.duplicate) this.stats.duplicates++;
    if (r.applied) {
      this.stats.applied++;
      if ('seq' in m) this.o.onApplied?.(conn.learnerId, m.seq);
    }
    if (r.error) this.log(`from ${conn.learnerId}: ${r.error}`);
    if (r.ack !== undefined) conn.ws.send(JSON.stringify({ kind: 'ack', seq: r.ack } satisfies HubToLearner));
    this.sendAll(r.send);
    if (r.applied) {
      this.persist();
      this.rowChanged(conn.learnerId);
    }
  }

  /**
   * An instructor's action (from the instructor's connection, or from the console in this same
   * host process): the commands go to each learner targeted, now or when they are back.
   */
  act(targets: 'all' | string[], action: InstructorAction): { error?: string } {
    const r = this.core.act(targets, action);
    if (r.error) this.log(`action refused: ${r.error}`);
    this.sendAll(r.send);
    this.persist();
    return r.error ? { error: r.error } : {};
  }

  private helloInstructor(conn: Conn, secret: string): void {
    const a = Buffer.from(secret);
    const b = Buffer.from(this.secret);
    if (a.length !== b.length || !timingSafeEqual(a, b)) {
      this.stats.closedForRole++;
      this.refuse(conn, 'wrong instructor secret');
      return;
    }
    conn.role = 'instructor';
    this.instructors.add(conn);
    const send = (m: HubToInstructor) => conn.ws.send(JSON.stringify(m));
    send({ kind: 'welcome', code: this.code, address: this.url });
    send({ kind: 'roster', rows: this.core.rows((id) => this.isConnected(id)) });
  }

  private helloLearner(conn: Conn, m: Parameters<HubCore['join']>[0], address: string): void {
    const now = (this.o.now ?? Date.now)();
    const attempts = this.codeAttempts.get(address) ?? NO_ATTEMPTS;
    const wait = waitBefore(attempts, now);
    if (wait > 0) {
      this.stats.codeRefusals++;
      return this.refuse(conn, waitMessage(wait));
    }
    const r = this.core.join(m);
    const wrongCode = !r.ok && r.reason === 'wrong class code';
    this.codeAttempts.set(address, afterAttempt(attempts, !wrongCode, now, CODE_POLICY));
    if (!r.ok) {
      this.stats.codeRefusals++;
      return this.refuse(conn, r.reason);
    }
    const l = r.learner;
    const old = this.learners.get(l.id);
    if (old && old !== conn) old.ws.close(1000, 'joined again elsewhere');
    conn.role = 'learner';
    conn.learnerId = l.id;
    this.learners.set(l.id, conn);
    conn.ws.send(
      JSON.stringify({
        kind: 'welcome',
        learnerId: l.id,
        token: l.token,
        acked: l.lastSeq,
      } satisfies HubToLearner),
    );
    this.sendAll(r.resend);
    this.persist();
    this.rowChanged(l.id);
  }

  private sendAll(out: readonly Outgoing[]): void {
    for (const o of out) {
      const c = this.learners.get(o.learner);
      // Not connected: it stays in the record and goes out when the learner is back (join resends).
      c?.ws.send(
        JSON.stringify({ kind: 'command', cseq: o.cseq, command: o.command } satisfies HubToLearner),
      );
    }
  }

  private rowChanged(learnerId: string): void {
    const l = this.core.learner(learnerId);
    if (!l) return;
    const msg = JSON.stringify({
      kind: 'row',
      row: this.core.row(l, this.isConnected(learnerId)),
    } satisfies HubToInstructor);
    for (const c of this.instructors) c.ws.send(msg);
    for (const f of this.rowListeners) f(learnerId);
  }

  /** Writes the class file after a change; writes that come while one runs are merged into one more. */
  private persist(): void {
    if (!this.o.file) return;
    this.dirty = true;
    if (this.saving) return;
    this.saving = (async () => {
      while (this.dirty) {
        this.dirty = false;
        await this.save().catch((e: unknown) => this.log(`class file not written: ${String(e)}`));
      }
      this.saving = undefined;
    })();
  }

  private async save(): Promise<void> {
    if (this.o.file) await replaceFile(this.o.file, JSON.stringify(this.core.record));
  }

  /** Waits until the class file holds every change so far. */
  async flush(): Promise<void> {
    while (this.saving) await this.saving;
  }

  /** Stops the hub (the class file is complete when this resolves). */
  async close(): Promise<void> {
    for (const c of this.wss.clients) c.terminate();
    await new Promise<void>((r) => this.wss.close(() => r()));
    await new Promise<void>((r) => this.server.close(() => r()));
    await this.flush();
  }
}

async function readClass(file: string): Promise<ClassRecord | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  const v = JSON.parse(text) as ClassRecord;
  if (v?.v !== 1 || typeof v.code !== 'string' || !Array.isArray(v.learners))
    throw new Error(`${file}: not a HybridLab class file`);
  return v;
}
