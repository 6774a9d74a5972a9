import { useSyncExternalStore } from 'react';
import { useUi } from '../state/uiStore';

const QUERY = '(prefers-color-scheme: dark)';

function subscribe(listener: () => void): () => void {
  const mq = window.matchMedia(QUERY);
  mq.addEventListener('change', listener);
  return () => mq.removeEventListener('change', listener);
}

/** The theme to draw with: the store's choice, with "system" resolved against the OS setting. */
export function useResolvedTheme(): 'light' | 'dark' {
  const choice = useUi((s) => s.theme);
  const systemDark = useSyncExternalStore(
    subscribe,
    () => window.matchMedia(QUERY).matches,
    () => false,
  );
  if (choice === 'system') return systemDark ? 'dark' : 'light';
  return choice;
}
