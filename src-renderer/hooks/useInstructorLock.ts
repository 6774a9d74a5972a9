import { useCallback, useEffect } from 'react';
import { useLabHost } from '../lab/LabContext';
import { INSTRUCTOR_IDLE_MS, useRole } from '../state/roleStore';
import { useUi } from '../state/uiStore';

/** Leaves instructor mode: the platform forgets the unlock, the drawer closes, the learner's view is back. */
export function useLockInstructor(): () => void {
  const { platform } = useLabHost();
  const setRole = useRole((s) => s.setRole);
  const setInstructorOpen = useUi((s) => s.setInstructorOpen);
  return useCallback(() => {
    setInstructorOpen(false);
    setRole('learner');
    void platform.instructor.lock();
  }, [platform, setRole, setInstructorOpen]);
}

/**
 * Instructor mode's lifetime: the unlock dialog at start when asked for (`--instructor`), and the
 * lock after 15 minutes without a key press, click or scroll.
 */
export function useInstructorLock(): void {
  const { platform } = useLabHost();
  const role = useRole((s) => s.role);
  const setUnlockOpen = useRole((s) => s.setUnlockOpen);
  const lock = useLockInstructor();
  useEffect(() => {
    void platform.instructor.status().then((r) => {
      if (r.ok && r.value.askAtStart) setUnlockOpen(true);
    });
  }, [platform, setUnlockOpen]);
  useEffect(() => {
    if (role !== 'instructor') return;
    let last = Date.now();
    const touch = () => {
      last = Date.now();
    };
    const events = ['keydown', 'pointerdown', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, touch, { passive: true, capture: true });
    const timer = window.setInterval(() => {
      if (Date.now() - last >= INSTRUCTOR_IDLE_MS) lock();
    }, 15_000);
    return () => {
      window.clearInterval(timer);
      for (const e of events) window.removeEventListener(e, touch, { capture: true });
    };
  }, [role, lock]);
}
