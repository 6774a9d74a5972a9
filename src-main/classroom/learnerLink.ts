/**
 * A learner's link to the hub, run by the learner's host process (the Electron main process, the
 * browser-mode Node server, or the load script): so the page's content security policy stays
 * 'self'. What the learner sends gets the next seq and waits in the outbox until the hub's ack
 * covers it; on every (re)connection the link says hello with the id and token it was given and
 * resends what is still unacknowledged, in order. Commands from the hub are applied once each, in
 * cseq order, and acknowledged. A dropped link never stops the learner's work: it reconnects by
 * itself with a growing, jittered delay.
 */
import WebSocket from 'ws';
import { checkAtLearner, PROTOCOL_VERSION, type HubCommand, type LearnerMessage } from '../../simulation';

type Outbound = Exclude<LearnerMessage, { kind: 'hello' } | { kind: 'ack' }>;
/** A message as the learner writes it: the link adds the seq. */
export type LearnerSend = Outbound extends infer M ? (M extends Outbound ? Omit<M, 'seq'> : never) : never;

export type LinkState = 'connecting' | 'connected' | 'waiting' | 'refused' | 'closed';

export interface LinkOptions {
  url: string;
  code: string;
  name: string;
  /** Applies one hub command to the learner's lab (called once per cseq, in order). */
  onCommand(command: HubCommand, cseq: number): void;
  onState?(state: LinkState, detail?: string): void;
  /** Called with each seq the hub acknowledged (the load script counts with it). */
  onAck?(seq: number): void;
  /** Reconnection delays: from minMs, doubling, up to maxMs (with jitter). */
  backoff?: { minMs: number; maxMs: number };
  /** Where a learner's identity is kept between host restarts (optional). */
  identity?: { learnerId: string; token: string };
}

export class LearnerLink {
  private ws: WebSocket | undefined;
  private seq = 0;
  private readonly outbox: { seq: number; text: string }[] = [];
  private applied = 0;
  private identity: { learnerId: string; token: string } | undefined;
  private attempt = 0;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private ready = false;
  state: LinkState = 'connecting';

  constructor(private readonly o: LinkOptions) {
    this.identity = o.identity;
    this.connect();
  }

  get learnerId(): string | undefined {
    return this.identity?.learnerId;
  }

  /** Messages not yet acknowledged by the hub. */
  pending(): number {
    return this.outbox.length;
  }

  /** Commands applied (the highest cseq). */
  appliedCommands(): number {
    return this.applied;
  }

  /** Queues a message for the hub (sent at once when connected); returns its seq. */
  send(m: LearnerSend): number {
    const seq = ++this.seq;
    const text = JSON.stringify({ ...m, seq });
    this.outbox.push({ seq, text });
    if (this.ready) this.ws?.send(text);
    return seq;
  }

  private setState(state: LinkState, detail?: string): void {
    this.state = state;
    this.o.onState?.(state, detail);
  }

  private connect(): void {
    if (this.closed) return;
    this.setState('connecting');
    const ws = new WebSocket(this.o.url, { handshakeTimeout: 5_000, maxPayload: 1024 * 1024 });
    this.ws = ws;
    ws.on('open', () => {
      ws.send(
        JSON.stringify({
          kind: 'hello',
          v: PROTOCOL_VERSION,
          role: 'learner',
          code: this.o.code,
          name: this.o.name,
          applied: this.applied,
          ...(this.identity ?? {}),
        } satisfies LearnerMessage),
      );
    });
    ws.on('message', (data) => this.receive(String(data)));
    ws.on('close', () => {
      this.ready = false;
      if (this.ws === ws) this.retry();
    });
    ws.on('error', () => undefined);
  }

  private retry(): void {
    if (this.closed || this.state === 'refused') return;
    const { minMs, maxMs } = this.o.backoff ?? { minMs: 500, maxMs: 15_000 };
    const delay = Math.min(maxMs, minMs * 2 ** Math.min(10, this.attempt++));
    this.setState('waiting', `reconnecting in ${Math.round(delay / 100) / 10} s`);
    this.timer = setTimeout(() => this.connect(), delay * (0.75 + Math.random() * 0.5));
  }

  private receive(raw: string): void {
    const r = checkAtLearner(raw);
    if (!r.ok) return; // a hub never sends these; nothing to apply
    const m = r.message;
    if (m.kind === 'refused') {
      // A wrong code or identity will not get better by retrying; a busy hub (try again in N s) will.
      if (/try again in/.test(m.reason)) return;
      this.setState('refused', m.reason);
      return;
    }
    if (m.kind === 'welcome') {
      this.identity = { learnerId: m.learnerId, token: m.token };
      this.dropUpTo(m.acked);
      this.attempt = 0;
      this.ready = true;
      this.setState('connected');
      for (const o of this.outbox) this.ws?.send(o.text);
      return;
    }
    if (m.kind === 'ack') {
      this.dropUpTo(m.seq);
      this.o.onAck?.(m.seq);
      return;
    }
    if (m.cseq === this.applied + 1) {
      this.applied = m.cseq;
      this.o.onCommand(m.command, m.cseq);
    }
    // Acknowledged also when seen before (the earlier ack may have been lost).
    if (m.cseq <= this.applied)
      this.ws?.send(JSON.stringify({ kind: 'ack', cseq: this.applied } satisfies LearnerMessage));
  }

  private dropUpTo(seq: number): void {
    while (this.outbox.length && (this.outbox[0]?.seq ?? Infinity) <= seq) this.outbox.shift();
  }

  /** Cuts the connection as a network would (the link reconnects by itself). */
  drop(): void {
    this.ws?.terminate();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.ws?.close();
    this.setState('closed');
  }
}
