import { createContext, useContext, useMemo, useSyncExternalStore } from 'react';
import type { LearnerView } from '../../simulation';
import type { LabController } from './LabController';

export const LabContext = createContext<LabController | null>(null);

export function useLabController(): LabController {
  const c = useContext(LabContext);
  if (!c) throw new Error('useLabController outside <LabContext.Provider>');
  return c;
}

/**
 * One learner view per lab and version, shared by every component that reads it: projecting the
 * view costs several milliseconds, and some twenty mounted components ask for it after each change
 * (computing it once each made a console command's echo take ~100 ms; `npm run bench:ui`).
 */
const views = new WeakMap<object, { version: number; view: LearnerView }>();

function viewAt(c: LabController, version: number): LearnerView {
  const lab = c.current;
  const hit = views.get(lab);
  if (hit?.version === version) return hit.view;
  const view = lab.learnerView();
  views.set(lab, { version, view });
  return view;
}

/**
 * One fact about the running lab (the notice, the scenario, the title…), re-read on each lab change;
 * the component re-renders only when what `select` returns changes (compared with Object.is), so
 * a console command does not re-render everything that only shows the scenario or the notice.
 */
export function useLabSelect<T>(select: (c: LabController) => T): T {
  const c = useLabController();
  return useSyncExternalStore(
    (l) => c.subscribe(l),
    () => select(c),
  );
}

/** The learner's view of the lab, re-read whenever the lab changes. */
export function useLearnerView(): LearnerView {
  const c = useLabController();
  const version = useSyncExternalStore(
    (l) => c.subscribe(l),
    () => c.getVersion(),
  );
  return useMemo(() => viewAt(c, version), [c, version]);
}
