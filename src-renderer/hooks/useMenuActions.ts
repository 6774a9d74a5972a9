import { useEffect } from 'react';
import { useLabController } from '../lab/LabContext';
import { useUi } from '../state/uiStore';

/** The desktop app's File menu: New session, Open, Save a copy, Export report. */
export function useMenuActions(): void {
  const controller = useLabController();
  const setPickerOpen = useUi((s) => s.setPickerOpen);
  const setSessionsOpen = useUi((s) => s.setSessionsOpen);
  useEffect(
    () =>
      controller.onMenuAction((action) => {
        switch (action) {
          case 'new-session':
            setSessionsOpen(false);
            setPickerOpen(true);
            return;
          case 'open-session':
            setPickerOpen(false);
            setSessionsOpen(true);
            return;
          case 'save-copy':
            void controller.sessions.saveCopy();
            return;
          case 'export-report':
            void controller.sessions.exportReport();
            return;
        }
      }),
    [controller, setPickerOpen, setSessionsOpen],
  );
}
