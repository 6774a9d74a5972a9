import type { LabTimeWait } from '../../simulation';
import type { SkipCommand } from '../hooks/useClockSkip';

/** What advancing to a wait means: to its time (and a second past it), or to the lab's next step. */
export function runTo(w: LabTimeWait, now: number): SkipCommand {
  return w.at === undefined
    ? { type: 'clock.next' }
    : { type: 'clock.advance', ms: Math.max(1000, w.at - now + 1000) };
}
