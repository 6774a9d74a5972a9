import { useSyncExternalStore } from 'react';

/**
 * Below this width (CSS pixels: a 1280-pixel screen, or 1920 at 150 %) the top bar's actions are
 * drawn as icons with tooltips, so that the bar stays on one row down to 1280 px. With their labels
 * the bar needs some 1,550 px.
 */
const COMPACT = '(max-width: 1679.98px)';

function subscribe(listener: () => void): () => void {
  const mq = window.matchMedia(COMPACT);
  mq.addEventListener('change', listener);
  return () => mq.removeEventListener('change', listener);
}

/** Whether the top bar is drawn compact (icons for labels) at the window's width. */
export function useTopBarCompact(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(COMPACT).matches,
    () => false,
  );
}
