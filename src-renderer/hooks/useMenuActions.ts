import { useEffect } from 'react';
import { useLabHost } from '../lab/LabContext';
import { useRole } from '../state/roleStore';
import { useUi } from '../state/uiStore';

/** The desktop app's File menu: New session, Open, Save a copy, Export report, Instructor mode. */
export function useMenuActions(): void {
  const host = useLabHost();
  const setPickerOpen = useUi((s) => s.setPickerOpen);
  const setSessionsOpen = useUi((s) => s.setSessionsOpen);
  const setUnlockOpen = useRole((s) => s.setUnlockOpen);
  const setInstructorOpen = useUi((s) => s.setInstructorOpen);
  useEffect(
    () =>
      host.platform.onMenuAction((action) => {
        // A menu action starts the lab (the engine loads) as a click in the workspace does.
        void host.start().catch(() => undefined);
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
            host.act((c) => void c.sessions.saveCopy());
            return;
          case 'export-report':
            host.act((c) => void c.sessions.exportReport());
            return;
          case 'instructor-mode':
            if (useRole.getState().role === 'instructor') setInstructorOpen(true);
            else setUnlockOpen(true);
            return;
        }
      }),
    [host, setPickerOpen, setSessionsOpen, setUnlockOpen, setInstructorOpen],
  );
}
