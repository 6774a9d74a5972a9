import { useCallback } from 'react';
import { skippedTimeSummary } from '../../simulation';
import { useLabController } from '../lab/LabContext';

export type SkipCommand = { type: 'clock.advance'; ms: number } | { type: 'clock.next' };

/**
 * Skips lab time (forward by a step, to the next event, or to what the learner waits for) and
 * then says what happened meanwhile, as Event Viewer would tell it afterwards: "+1 day: 48 sync
 * cycles, 0 password changes synced, 2 errors on SYNC01".
 */
export function useClockSkip(): (command: SkipCommand) => void {
  const controller = useLabController();
  return useCallback(
    (command: SkipCommand) => {
      const from = controller.current.now();
      const r = controller.dispatch(command);
      if (!r.ok) {
        controller.tell({ level: 'error', text: `The lab clock could not move: ${r.error}` });
        return;
      }
      const to = controller.current.now();
      if (to <= from) return;
      const summary = skippedTimeSummary(controller.current.learnerView().tools, from, to);
      controller.tell({ level: 'info', text: summary.text });
    },
    [controller],
  );
}
