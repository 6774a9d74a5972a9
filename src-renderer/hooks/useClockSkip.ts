import { useCallback } from 'react';
import { useLabHost } from '../lab/LabContext';

export type SkipCommand = { type: 'clock.advance'; ms: number } | { type: 'clock.next' };

/**
 * Skips lab time (forward by a step, to the next event, or to what the learner waits for) and
 * then says what happened meanwhile (LabController.skipTime); before the engine runs, once it is.
 */
export function useClockSkip(): (command: SkipCommand) => void {
  const host = useLabHost();
  return useCallback((command: SkipCommand) => host.act((c) => c.skipTime(command)), [host]);
}
