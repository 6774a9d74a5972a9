import { createContext, useContext, useMemo, useSyncExternalStore } from 'react';
import type { LearnerView } from '../../simulation';
import type { LabController } from './LabController';

export const LabContext = createContext<LabController | null>(null);

export function useLabController(): LabController {
  const c = useContext(LabContext);
  if (!c) throw new Error('useLabController outside <LabContext.Provider>');
  return c;
}

/** The learner's view of the lab, re-read whenever the lab changes. */
export function useLearnerView(): LearnerView {
  const c = useLabController();
  const version = useSyncExternalStore(
    (l) => c.subscribe(l),
    () => c.getVersion(),
  );
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the view is a function of the lab's version
  return useMemo(() => c.current.learnerView(), [c, version]);
}
