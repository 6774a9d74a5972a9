import { useEffect } from 'react';
import { useLabController } from '../lab/LabContext';
import { useRole } from '../state/roleStore';
import { useUi } from '../state/uiStore';

/** The desktop app's File menu: New session, Open, Save a copy, Export report, Instructor mode. */
export function useMenuActions(): void {
  const controller = useLabController();
  const setPickerOpen = useUi((s) => s.setPickerOpen);
  const setSessionsOpen = useUi((s) => s.setSessionsOpen);
  const setUnlockOpen = useRole((s) => s.setUnlockOpen);
  const setInstructorOpen = useUi((s) => s.setInstructorOpen);
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
          case 'instructor-mode':
            if (useRole.getState().role === 'instructor') setInstructorOpen(true);
            else setUnlockOpen(true);
            return;
        }
      }),
    [controller, setPickerOpen, setSessionsOpen, setUnlockOpen, setInstructorOpen],
  );
}
