interface Timer {
  id: number;
  at: number;
  fn: () => void;
}

/** Below this many pending timers a scan finds the next one fastest; above it, a heap does. */
const HEAP_ABOVE = 64;

function before(a: Timer, b: Timer): boolean {
  return a.at < b.at || (a.at === b.at && a.id < b.id);
}

/**
 * Lab time and its timers. Besides ordinary timers (every device's delays) it keeps a few *late*
 * timers (setLateTimeout): what the lab itself does at a moment, such as putting a scheduled fault
 * in place. A late timer fires after every ordinary timer due at the same instant, and when that
 * instant is where a move of the clock ends, it closes the instant: what it starts there runs on the
 * next move. nextDue() and pendingCount() see ordinary timers only.
 */
export class LabClock {
  private current: number;
  private nextId = 1;
  private readonly timers = new Map<number, Timer>();
  /** Late timers (few: one per scheduled fault), scanned. */
  private readonly late = new Map<number, Timer>();
  /**
   * With many timers pending (a lab of hundreds of PCs), a binary heap ordered by (time, id): the
   * same order as the scan. Cleared and fired timers leave it lazily (skipped when they surface).
   */
  private heap: Timer[] | undefined;

  constructor(startMs: number) {
    this.current = startMs;
  }

  /** Lab time, in epoch milliseconds (UTC). */
  now(): number {
    return this.current;
  }

  setTimeout(fn: (...args: unknown[]) => void, ms: number): number {
    const id = this.nextId++;
    // A delay that is not a finite number would never fall due; treat it as "now" instead.
    const delay = Number.isFinite(ms) ? Math.max(0, ms) : 0;
    // The callback itself, not a wrapper around it: one allocation fewer per timer (fire() calls
    // it unbound and without arguments, as the wrapper did).
    const timer = { id, at: this.current + delay, fn: fn as () => void };
    this.timers.set(id, timer);
    if (this.heap) this.push(timer);
    else if (this.timers.size > HEAP_ABOVE) this.buildHeap();
    return id;
  }

  /** A late timer (see the class comment); cleared by clearTimeout like any other. */
  setLateTimeout(fn: () => void, ms: number): number {
    const id = this.nextId++;
    const delay = Number.isFinite(ms) ? Math.max(0, ms) : 0;
    this.late.set(id, { id, at: this.current + delay, fn });
    return id;
  }

  clearTimeout(id: unknown): void {
    if (typeof id === 'number' && !this.timers.delete(id)) this.late.delete(id);
  }

  /** Lab time of the earliest pending timer, if any. */
  nextDue(): number | undefined {
    return this.earliest()?.at;
  }

  pendingCount(): number {
    return this.timers.size;
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way, in order. */
  advance(ms: number): number {
    if (!(ms >= 0) || !Number.isFinite(ms))
      throw new RangeError(`advance: expected a duration >= 0, got ${ms}`);
    const target = this.current + ms;
    const { fired } = this.pass(target);
    // A late timer's work may itself have moved the clock past the target.
    this.current = Math.max(this.current, target);
    return fired;
  }

  /** Runs to the next scheduled timer, late ones included (firing every timer due at that instant). */
  runToNext(limitMs = Number.POSITIVE_INFINITY): boolean {
    const next = this.following();
    if (!next || next.at - this.current > limitMs) return false;
    const at = next.at;
    this.pass(at);
    this.current = Math.max(this.current, at);
    return true;
  }

  /**
   * Runs timers in order until `done()` holds or `maxMs` of lab time has passed. Returns whether
   * the condition held. When it never holds, the clock ends exactly `maxMs` later (or later still,
   * when a late timer's work moved it further).
   */
  runUntil(done: () => boolean, maxMs: number): boolean {
    const deadline = this.current + maxMs;
    while (!done()) {
      const next = this.following();
      if (!next || next.at > deadline) {
        this.current = Math.max(this.current, deadline);
        return done();
      }
      const { closed } = this.pass(next.at);
      this.current = Math.max(this.current, next.at);
      if (closed && next.at === deadline) return done();
    }
    return true;
  }

  /**
   * Fires every timer due by `target`, in order (ordinary before late at one instant). Once a late
   * timer has fired at `target` itself, the instant is closed: ordinary timers due then wait.
   */
  private pass(target: number): { fired: number; closed: boolean } {
    let fired = 0;
    let closed = false;
    for (let t = this.following(); t && t.at <= target; t = this.following()) {
      const late = this.late.get(t.id) === t;
      if (closed && !late) break;
      if (late) {
        this.late.delete(t.id);
        this.current = Math.max(this.current, t.at);
        t.fn();
        if (t.at === target) closed = true;
      } else this.fire(t);
      fired++;
    }
    return { fired, closed };
  }

  /** The next timer to fire: the earliest ordinary one, or a late one due strictly before it. */
  private following(): Timer | undefined {
    const ordinary = this.earliest();
    if (this.late.size === 0) return ordinary;
    let late: Timer | undefined;
    for (const t of this.late.values()) if (!late || before(t, late)) late = t;
    return late && (!ordinary || late.at < ordinary.at) ? late : ordinary;
  }

  private buildHeap(): void {
    this.heap = [];
    for (const t of this.timers.values()) this.push(t);
  }

  private push(t: Timer): void {
    const h = this.heap as Timer[];
    h.push(t);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(h[i] as Timer, h[p] as Timer)) break;
      [h[i], h[p]] = [h[p] as Timer, h[i] as Timer];
      i = p;
    }
  }

  private pop(): void {
    const h = this.heap as Timer[];
    const last = h.pop();
    if (!last || h.length === 0) return;
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && before(h[l] as Timer, h[m] as Timer)) m = l;
      if (r < h.length && before(h[r] as Timer, h[m] as Timer)) m = r;
      if (m === i) break;
      [h[i], h[m]] = [h[m] as Timer, h[i] as Timer];
      i = m;
    }
  }

  private fire(t: Timer): void {
    this.timers.delete(t.id);
    this.current = Math.max(this.current, t.at);
    const fn = t.fn;
    fn();
  }

  private earliest(): Timer | undefined {
    if (this.heap) {
      if (this.timers.size <= HEAP_ABOVE / 2) this.heap = undefined;
      else {
        if (this.heap.length > 2 * this.timers.size + HEAP_ABOVE) this.buildHeap();
        const heap = this.heap as Timer[];
        for (let top = heap[0]; top; top = heap[0]) {
          if (this.timers.get(top.id) === top) return top;
          this.pop();
        }
        return undefined;
      }
    }
    let best: Timer | undefined;
    for (const t of this.timers.values()) {
      if (!best || t.at < best.at || (t.at === best.at && t.id < best.id)) best = t;
    }
    return best;
  }
}
