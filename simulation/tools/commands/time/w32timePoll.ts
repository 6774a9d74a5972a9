/**
 * The Windows Time service's own poll on a member (not a command): one sample from the time
 * source, what it changes on the host, and when the service polls next. A good sample resets the
 * clock to the source's (a member accepts any correction, so a clock changed by hand is put back
 * at the next poll) and the next poll comes after the poll interval; a failed one counts towards
 * NtpClient's backoff ("will try again in 15 minutes and double the reattempt interval
 * thereafter", event 129's text).
 */
import { TIMINGS } from '../../../core/timings';
import type { Script } from '../../../proc/script';
import type { HostEffect } from '../../../windows/hostOps';
import type { WindowsHostContext } from '../../../windows/hostState';
import { timed, type Stopwatch } from '../stopwatch';
import { sampleTimeSource } from './w32tmNtp';

export interface TimePoll {
  effects: HostEffect[];
  /** The wait before the next poll. */
  nextInMs: number;
}

/** NtpClient's wait after `failures` polls in a row found no source (15 min, doubling, at most 7 doublings). */
export function retryDelay(failures: number): number {
  return TIMINGS.w32timeRetry * 2 ** Math.min(Math.max(0, failures - 1), 6);
}

export function* pollTimeSource(host: WindowsHostContext, now: number): Script<TimePoll> {
  const sw: Stopwatch = { ms: 0 };
  const r = yield* timed(sw, sampleTimeSource(host, now, sw));
  if (r.ok) return { effects: r.effects, nextInMs: TIMINGS.w32timePoll };
  const failures = (host.time.pollFailures ?? 0) + 1;
  return {
    effects: [...r.effects, { type: 'time', pollFailures: failures }],
    nextInMs: retryDelay(failures),
  };
}
