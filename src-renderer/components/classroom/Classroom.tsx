import { lazy, Suspense, useEffect } from 'react';
import { useRole } from '../../state/roleStore';
import { useLabStarted } from '../../lab/LabContext';
import { useClassroomStore } from './classroomStore';
import './classroom.css';

// The class wiring (progress, results, the hub's commands) works on the lab: it loads with the
// engine, when the learner starts (lab/labHost.ts).
const ClassroomLink = lazy(() => import('./ClassroomLink').then((m) => ({ default: m.ClassroomLink })));

// The join dialog's form (Fluent's dialog and fields): fetched when the learner opens it.
const JoinDialog = lazy(() => import('./JoinDialog').then((m) => ({ default: m.JoinDialog })));
// Instructor-only (with its QR code library): fetched when instructor mode is unlocked.
const ClassDashboard = lazy(() => import('./ClassDashboard').then((m) => ({ default: m.ClassDashboard })));

/**
 * The classroom in the app: the link to the host (always), the learner's join dialog, and, only
 * in instructor mode, the class dashboard (absent from a learner's page, not hidden).
 */
export function Classroom() {
  const started = useLabStarted();
  const instructor = useRole((s) => s.role) === 'instructor';
  const joinOpen = useClassroomStore((s) => s.joinOpen);
  useEffect(() => {
    // Locking forgets what the dashboard showed; unlocking asks the host again.
    if (!instructor)
      useClassroomStore.setState({ rows: [], running: undefined, dashboardOpen: false, error: undefined });
  }, [instructor]);
  return (
    <>
      {started && (
        <Suspense fallback={null}>
          <ClassroomLink />
        </Suspense>
      )}
      {instructor && (
        <Suspense fallback={null}>
          <ClassDashboard />
        </Suspense>
      )}
      {joinOpen && (
        <Suspense fallback={null}>
          <JoinDialog />
        </Suspense>
      )}
    </>
  );
}
