import { useSyncExternalStore } from 'react';
import { useLabHost } from '../lab/LabContext';
import type { SaveStatus } from '../lab/sessionSaver';

/** The save status, re-read when it changes (not on every lab change). */
export function useSaveStatus(): SaveStatus {
  const controller = useLabHost();
  return useSyncExternalStore(
    (l) => controller.subscribeSave(l),
    () => controller.saveStatus(),
  );
}
