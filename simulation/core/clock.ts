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

export class LabClock {
  private current: number;
  private nextId = 1;
  private readonly timers = new Map<number, Timer>();
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
    const timer = { id, at: this.current + delay, fn: () => fn() };
    this.timers.set(id, timer);
    if (this.heap) this.push(timer);
    else if (this.timers.size > HEAP_ABOVE) this.buildHeap();
    return id;
  }

  clearTimeout(id: unknown): void {
    if (typeof id === 'number') this.timers.delete(id);
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
    let fired = 0;
    for (let t = this.earliest(); t && t.at <= target; t = this.earliest()) {
      this.fire(t);
      fired++;
    }
    this.current = target;
    return fired;
  }

  /** Runs to the next scheduled timer (firing every timer due at that instant). */
  runToNext(limitMs = Number.POSITIVE_INFINITY): boolean {
    const next = this.earliest();
    if (!next || next.at - this.current > limitMs) return false;
    const at = next.at;
    for (let t = this.earliest(); t && t.at <= at; t = this.earliest()) this.fire(t);
    this.current = Math.max(this.current, at);
    return true;
  }

  /**
   * Runs timers in order until `done()` holds or `maxMs` of lab time has passed. Returns whether
   * the condition held. When it never holds, the clock ends exactly `maxMs` later.
   */
  runUntil(done: () => boolean, maxMs: number): boolean {
    const deadline = this.current + maxMs;
    while (!done()) {
      const next = this.earliest();
      if (!next || next.at > deadline) {
        this.current = deadline;
        return done();
      }
      this.runToNext();
    }
    return true;
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
    t.fn();
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
