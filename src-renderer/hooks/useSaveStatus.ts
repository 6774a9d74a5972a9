import { useSyncExternalStore } from 'react';
import { useLabController } from '../lab/LabContext';
import type { SaveStatus } from '../lab/sessionSaver';

/** The save status, re-read when it changes (not on every lab change). */
export function useSaveStatus(): SaveStatus {
  const controller = useLabController();
  return useSyncExternalStore(
    (l) => controller.subscribeSave(l),
    () => controller.saveStatus(),
  );
}
