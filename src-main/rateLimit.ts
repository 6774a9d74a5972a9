/**
 * Token buckets, one per key: `burst` calls at once, then `perSecond` on average. The clock is
 * passed in (monotonic milliseconds), so tests drive it without waiting.
 */
export interface Rate {
  perSecond: number;
  burst: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly now: () => number) {}

  /** Takes one call's token; false when the key is over its rate. */
  take(key: string, rate: Rate): boolean {
    const t = this.now();
    const b = this.buckets.get(key) ?? { tokens: rate.burst, at: t };
    b.tokens = Math.min(rate.burst, b.tokens + ((t - b.at) / 1000) * rate.perSecond);
    b.at = t;
    this.buckets.set(key, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }
}
