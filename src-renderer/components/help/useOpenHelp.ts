import { useCallback, useEffect } from 'react';
import { useUi } from '../../state/uiStore';
import { useHelp } from './helpStore';
import { helpTopicFor } from './helpTopics';

/** Opens the help of the surface the learner is on: the one holding focus, else the open one. */
export function useOpenHelp(): () => void {
  const setTopic = useHelp((s) => s.setTopic);
  return useCallback(
    () => setTopic(helpTopicFor(useUi.getState().surface, document.activeElement, document)),
    [setTopic],
  );
}

/**
 * F1 opens the help wherever focus is. Mounted with the app (the Help panel itself is fetched the
 * first time it opens).
 */
export function useHelpKey(): void {
  const openHelp = useOpenHelp();
  useEffect(() => {
    // In the capture phase, so F1 reaches it wherever focus is: a terminal (xterm.js) would
    // otherwise take the key as its own and stop it there.
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'F1' || e.ctrlKey || e.altKey || e.metaKey) return;
      e.preventDefault();
      e.stopPropagation();
      openHelp();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [openHelp]);
}
