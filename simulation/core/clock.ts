interface Timer {
  id: number;
  at: number;
  fn: () => void;
}

export class LabClock {
  private current: number;
  private nextId = 1;
  private readonly timers = new Map<number, Timer>();

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
    this.timers.set(id, { id, at: this.current + delay, fn: () => fn() });
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

  private fire(t: Timer): void {
    this.timers.delete(t.id);
    this.current = Math.max(this.current, t.at);
    t.fn();
  }

  private earliest(): Timer | undefined {
    let best: Timer | undefined;
    for (const t of this.timers.values()) {
      if (!best || t.at < best.at || (t.at === best.at && t.id < best.id)) best = t;
    }
    return best;
  }
}
