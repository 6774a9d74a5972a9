/**
 * Writes one session's journal as it grows: every command as soon as it is given (so nothing a
 * learner does waits on a timer to be saved), clock ticks gathered into one record per interval
 * while the clock plays (at most `tickIntervalMs` of wall time, or a second of lab time, unsaved),
 * metadata when it changes. Records are numbered here and sent in order, a few batches in flight
 * at once; a write that fails is sent again, with a back-off, until it succeeds, and the status
 * says so meanwhile. No DOM: the crash test runs it in Node against the desktop store.
 */
import {
  encodeRecord,
  mergeMeta,
  WALL_APPEND_KEY,
  recordsSince,
  type JournalCursor,
  type JournalEntry,
  type RecordBody,
  type SessionMeta,
} from '../../simulation';
import type { SessionStore } from '../../src-main/bridge';

export type SaveStatus =
  | { state: 'saved'; at?: number }
  | { state: 'saving'; since: number }
  | { state: 'failed'; reason: string; since: number };

export interface SaverClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const browserClock: SaverClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface SaverOptions {
  /** Wall-clock time clock ticks may wait before they are written. */
  tickIntervalMs?: number;
  /** Lab time of ticks that is written at once, whatever the interval. */
  tickLabMs?: number;
  /** Batches sent before the first is answered. */
  maxInFlight?: number;
  clock?: SaverClock;
}

/** Where a saver starts: a new session (its lines not yet created) or one read back. */
export type SaverStart =
  | { kind: 'new'; lines: string[]; cursor: JournalCursor; meta: SessionMeta }
  | { kind: 'loaded'; lastSeq: number; cursor: JournalCursor; meta: SessionMeta };

const BACKOFF_MS = [500, 1000, 2000, 5000, 10_000, 30_000];
const MAX_BATCH = 2000;

export class SessionSaver {
  private cursor: JournalCursor;
  private meta: SessionMeta;
  private nextSeq: number;
  private createLines: string[] | undefined;
  /** Lines not yet acknowledged, in order; `sent` of them are on their way. */
  private readonly outbox: { seq: number; line: string }[] = [];
  private sent = 0;
  private inFlight = 0;
  private failures = 0;
  private retryTimer: unknown;
  private tickTimer: unknown;
  private status: SaveStatus = { state: 'saved' };
  private readonly listeners = new Set<() => void>();
  private readonly waiters: (() => void)[] = [];
  /** The journal last seen (for the tick timer and dispose); none before the first change. */
  private latest: readonly JournalEntry[] | undefined;
  private readonly clock: SaverClock;
  private readonly tickIntervalMs: number;
  private readonly tickLabMs: number;
  private readonly maxInFlight: number;

  constructor(
    private readonly store: SessionStore,
    readonly id: string,
    start: SaverStart,
    options: SaverOptions = {},
  ) {
    this.clock = options.clock ?? browserClock;
    this.tickIntervalMs = options.tickIntervalMs ?? 1000;
    this.tickLabMs = options.tickLabMs ?? 1000;
    this.maxInFlight = options.maxInFlight ?? 4;
    this.cursor = start.cursor;
    this.meta = start.meta;
    if (start.kind === 'new') {
      this.createLines = start.lines;
      this.nextSeq = start.lines.length + 1;
      this.setStatus({ state: 'saving', since: this.clock.now() });
      this.pump();
    } else this.nextSeq = start.lastSeq + 1;
  }

  getStatus(): SaveStatus {
    return this.status;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Whether everything given so far is acknowledged (ticks waiting for their interval count as not). */
  isIdle(): boolean {
    return this.createLines === undefined && this.outbox.length === 0 && this.tickTimer === undefined;
  }

  /**
   * After each change of the lab: new commands and metadata are queued and sent at once; a clock
   * that only ticked is written when the interval ends or a second of lab time has gathered.
   */
  changed(journal: readonly JournalEntry[], meta: SessionMeta): void {
    this.latest = journal;
    const onlyTicks =
      journal.length === this.cursor.entries &&
      this.cursor.tailMs !== undefined &&
      !metaChanges(this.meta, meta);
    if (!onlyTicks) {
      this.queue(journal, meta);
      return;
    }
    const last = journal[journal.length - 1];
    const grown = last?.command.type === 'clock.advance' ? last.command.ms - (this.cursor.tailMs ?? 0) : 0;
    if (grown <= 0) return;
    if (grown >= this.tickLabMs) {
      this.queue(journal, meta);
      return;
    }
    if (this.tickTimer === undefined) {
      this.tickTimer = this.clock.setTimeout(() => {
        this.tickTimer = undefined;
        this.queue(this.latest, {});
      }, this.tickIntervalMs);
    }
  }

  /** Queues everything now and resolves once it is all acknowledged (or rejects never: see status). */
  flush(journal: readonly JournalEntry[], meta: SessionMeta): Promise<void> {
    this.queue(journal, meta);
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Queues a metadata change (a new title, a learner's name) on its own. */
  setMeta(set: SessionMeta): void {
    this.queue(this.latest, set);
  }

  private queue(journal: readonly JournalEntry[] | undefined, meta: SessionMeta): void {
    if (this.tickTimer !== undefined) {
      this.clock.clearTimeout(this.tickTimer);
      this.tickTimer = undefined;
    }
    if (journal) this.latest = journal;
    const wall = this.clock.now();
    let r: ReturnType<typeof recordsSince> = { bodies: [], cursor: this.cursor };
    try {
      if (journal) r = recordsSince(journal, this.cursor);
    } catch (e) {
      // A bug, not a disk problem: say so rather than write a journal that would not replay.
      this.setStatus({ state: 'failed', reason: String(e), since: wall });
      return;
    }
    const bodies: RecordBody[] = [];
    const set = metaChanges(this.meta, meta);
    if (set) {
      bodies.push({ t: 'meta', set, wall });
      this.meta = mergeMeta(this.meta, set);
    }
    this.cursor = r.cursor;
    for (const b of r.bodies) bodies.push({ ...b, wall });
    for (const b of bodies) {
      const seq = this.nextSeq++;
      this.outbox.push({ seq, line: encodeRecord({ seq, ...b }) });
    }
    this.pump();
  }

  private pump(): void {
    if (this.retryTimer !== undefined) return;
    if (this.createLines) {
      if (this.inFlight > 0) return;
      this.inFlight++;
      this.markSaving();
      void this.store.create(this.createLines).then(
        (r) => this.answered(r.ok || /already exists$/.test(r.error) ? { ok: true, seq: 0 } : r, true),
        (e: unknown) => this.answered({ ok: false, error: String(e) }, true),
      );
      return;
    }
    while (this.inFlight < this.maxInFlight && this.sent < this.outbox.length) {
      const batch = this.outbox.slice(this.sent, this.sent + MAX_BATCH);
      this.sent += batch.length;
      this.inFlight++;
      this.markSaving();
      void this.store
        .append(
          this.id,
          batch.map((b) => b.line),
        )
        .then(
          (r) => this.answered(r.ok ? { ok: true, seq: r.value.seq } : r, false),
          (e: unknown) => this.answered({ ok: false, error: String(e) }, false),
        );
    }
    this.settle();
  }

  private answered(r: { ok: true; seq: number } | { ok: false; error: string }, create: boolean): void {
    this.inFlight--;
    if (r.ok) {
      this.failures = 0;
      if (this.status.state === 'failed') this.setStatus({ state: 'saving', since: this.clock.now() });
      if (create) this.createLines = undefined;
      let done = 0;
      while (done < this.outbox.length && (this.outbox[done]?.seq ?? Infinity) <= r.seq) done++;
      this.outbox.splice(0, done);
      this.sent = Math.max(0, this.sent - done);
      this.pump();
      return;
    }
    // Everything not acknowledged goes again, in order, once the batches still out have answered.
    this.sent = 0;
    if (this.status.state !== 'failed')
      this.setStatus({ state: 'failed', reason: r.error, since: this.clock.now() });
    if (this.inFlight === 0 && this.retryTimer === undefined) {
      const wait = BACKOFF_MS[Math.min(this.failures, BACKOFF_MS.length - 1)] ?? 30_000;
      this.failures++;
      this.retryTimer = this.clock.setTimeout(() => {
        this.retryTimer = undefined;
        this.pump();
      }, wait);
    }
  }

  private markSaving(): void {
    if (this.status.state === 'saved') this.setStatus({ state: 'saving', since: this.clock.now() });
  }

  private settle(): void {
    if (this.inFlight > 0 || this.outbox.length > 0 || this.createLines) return;
    if (this.status.state !== 'saved') this.setStatus({ state: 'saved', at: this.clock.now() });
    // A flush waits for what was given before it (it queued all of it), not for ticks of a clock
    // that keeps playing meanwhile: with the clock running those would keep it waiting for ever.
    for (const w of this.waiters.splice(0)) w();
  }

  private setStatus(s: SaveStatus): void {
    this.status = s;
    for (const l of this.listeners) l();
  }

  /** Stops timers (the saver's session is no longer shown; what is queued is still sent). */
  dispose(): void {
    if (this.tickTimer !== undefined) this.clock.clearTimeout(this.tickTimer);
    this.tickTimer = undefined;
    this.queue(this.latest, {});
  }
}

/**
 * The keys of `next` that differ from `prev`, or undefined if none. A key `next` sets to null is
 * removed (and is no change when `prev` does not have it); keys `next` leaves out are kept.
 */
function metaChanges(prev: SessionMeta, next: SessionMeta): SessionMeta | undefined {
  const set: SessionMeta = {};
  for (const [k, v] of Object.entries(next)) {
    if (v === undefined) continue;
    if (k === 'wall') {
      const added = wallAdded(prev.wall, v);
      if (added) {
        if (added.length) set[WALL_APPEND_KEY] = added;
        continue;
      }
    }
    if (JSON.stringify(prev[k] ?? null) !== JSON.stringify(v)) set[k] = v;
  }
  return Object.keys(set).length ? set : undefined;
}

/**
 * The wall-clock stamps `next` has after those of `prev`, when `next` only grew (stamps are
 * appended, never changed): O(1) to decide, so an action costs the same late in a long session.
 * Undefined when the list was replaced (e.g. cut back on reopening), which is written in full.
 */
function wallAdded(prev: unknown, next: unknown): unknown[] | undefined {
  if (!Array.isArray(prev) || !Array.isArray(next) || next.length < prev.length) return undefined;
  const n = prev.length;
  if (n > 0 && JSON.stringify(prev[n - 1]) !== JSON.stringify(next[n - 1])) return undefined;
  return next.slice(n);
}
