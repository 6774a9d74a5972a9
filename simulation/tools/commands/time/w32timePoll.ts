/**
 * The Windows Time service's own poll on a member (not a command): one sample from the time
 * source, what it changes on the host, and when the service polls next. A good sample resets the
 * clock to the source's (a member accepts any correction, so a clock changed by hand is put back
 * at the next poll); a failed one counts towards NtpClient's backoff ("will try again in 15 minutes
 * and double the reattempt interval thereafter", event 129's text).
 *
 * The wait after a good sample is the system poll interval, which adapts between MinPollInterval
 * (10: 1024 s) and MaxPollInterval (15: 32768 s), the defaults on domain members (Microsoft Learn,
 * "Windows Time service tools and settings"; PollAdjustFactor "Controls the decision to increase
 * or decrease the poll interval"). Modelled as NTP's clock discipline does it: a sample that finds
 * the clock steady lengthens the interval one step (it doubles), and a sample that has to set the
 * clock (off by a second or more) or a failed poll takes it back to MinPollInterval. The exact
 * steps W32Time takes are not documented (unconfirmed: one doubling per steady sample).
 */
import { SECOND } from '../../../core/time';
import { TIMINGS } from '../../../core/timings';
import type { Script } from '../../../proc/script';
import type { HostEffect } from '../../../windows/hostOps';
import type { WindowsHostContext } from '../../../windows/hostState';
import { timed, type Stopwatch } from '../stopwatch';
import { sampleTimeSource } from './w32tmNtp';
import { MEMBER_MAX_POLL, MEMBER_MIN_POLL } from './w32timeState';

export interface TimePoll {
  effects: HostEffect[];
  /** The wait before the next poll. */
  nextInMs: number;
}

/** NtpClient's wait after `failures` polls in a row found no source (15 min, doubling, at most 7 doublings). */
export function retryDelay(failures: number): number {
  return TIMINGS.w32timeRetry * 2 ** Math.min(Math.max(0, failures - 1), 6);
}

/** The poll interval (log2 s) after a good sample: longer while the clock holds, back to the minimum after a step. */
export function nextPollInterval(current: number | undefined, stepped: boolean): number {
  if (stepped) return MEMBER_MIN_POLL;
  return Math.min(MEMBER_MAX_POLL, Math.max(MEMBER_MIN_POLL, (current ?? MEMBER_MIN_POLL) + 1));
}

export function* pollTimeSource(host: WindowsHostContext, now: number): Script<TimePoll> {
  const sw: Stopwatch = { ms: 0 };
  const r = yield* timed(sw, sampleTimeSource(host, now, sw));
  if (r.ok) {
    const set = r.effects.find((e) => e.type === 'clockOffset');
    const stepped = !!set && Math.abs(set.offsetMs - host.clockOffsetMs) >= SECOND;
    const pollInterval = nextPollInterval(host.time.pollInterval, stepped);
    return {
      effects: [...r.effects, { type: 'time', pollInterval }],
      nextInMs: 2 ** pollInterval * SECOND,
    };
  }
  const failures = (host.time.pollFailures ?? 0) + 1;
  return {
    effects: [...r.effects, { type: 'time', pollFailures: failures, pollInterval: MEMBER_MIN_POLL }],
    nextInMs: retryDelay(failures),
  };
}
