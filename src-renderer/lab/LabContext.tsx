import { createContext, use, useContext, useMemo, useSyncExternalStore } from 'react';
import type { LearnerView } from '../../simulation';
import type { LabController } from './LabController';
import type { FirstScreenView, LabHost } from './labHost';

export const LabContext = createContext<LabHost | null>(null);

/** The lab as the first screen holds it: works before the engine is loaded (labHost.ts). */
export function useLabHost(): LabHost {
  const h = useContext(LabContext);
  if (!h) throw new Error('useLabHost outside <LabContext.Provider>');
  return h;
}

/**
 * The running controller, for what only shows after the learner started (a surface, a dialog):
 * suspends (and loads the engine) until it is ready. The first screen uses useLabHost instead.
 */
export function useLabController(): LabController {
  const h = useLabHost();
  return h.controller ?? use(h.start());
}

/** Whether the engine is running (false on the first screen until the learner starts). */
export function useLabStarted(): boolean {
  const h = useLabHost();
  return useSyncExternalStore(
    (l) => h.subscribe(l),
    () => !!h.controller,
  );
}

/**
 * One fact about the running lab (the notice, the scenario, the title…), re-read on each lab change;
 * the component re-renders only when what `select` returns changes (compared with Object.is), so
 * a console command does not re-render everything that only shows the scenario or the notice.
 */
export function useLabSelect<T>(select: (h: LabHost) => T): T {
  const h = useLabHost();
  return useSyncExternalStore(
    (l) => h.subscribe(l),
    () => select(h),
  );
}

/**
 * The learner's view of the lab, re-read whenever the lab changes: suspends (and loads the engine)
 * until the lab runs. For what shows only after the learner started (a surface, a dialog).
 */
export function useLearnerView(): LearnerView {
  const h = useLabHost();
  if (!h.controller) use(h.start());
  // The engine runs: this is the running lab's whole view.
  return useFirstScreenView() as LearnerView;
}

/**
 * What the first screen shows of the learner's view (the map, the device panel, the console, the
 * clock, the surface tabs), re-read whenever the lab changes: the precomputed first view until the
 * engine runs, then the running lab's.
 */
export function useFirstScreenView(): FirstScreenView {
  const h = useLabHost();
  const version = useSyncExternalStore(
    (l) => h.subscribe(l),
    () => h.getVersion(),
  );
  return useMemo(() => {
    void version;
    return h.view();
  }, [h, version]);
}
