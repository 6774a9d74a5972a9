import { lazy, Suspense, useCallback, useState, type ReactNode } from 'react';
import { useClockDriver } from './hooks/useClockDriver';
import { NoticeBar } from './components/NoticeBar';
import { SurfaceTabs } from './components/SurfaceTabs';
import { SaveFailureBar } from './components/SaveFailureBar';
import { TopBar } from './components/layout/TopBar';
import { Workspace } from './components/layout/Workspace';
import { Classroom } from './components/classroom/Classroom';
import { useInstructorLock } from './hooks/useInstructorLock';
import { useMenuActions } from './hooks/useMenuActions';
import { useRole } from './state/roleStore';
import { useUi } from './state/uiStore';
import { useUiSettings } from './state/uiSettings';
import { useHelp } from './components/help/helpStore';
import { useHelpKey } from './components/help/useOpenHelp';
import { useLabHost, useLabSelect } from './lab/LabContext';
import { usePrefetchPopups } from './components/prefetchPopups';

// Not on the first screen: each dialog's code (and the Fluent parts only it uses) is fetched the
// first time it opens (`npm run bench:ui` measures what the first screen loads).
const InstructorPanel = lazy(() =>
  import('./components/InstructorPanel').then((m) => ({ default: m.InstructorPanel })),
);
const ScenarioPicker = lazy(() =>
  import('./components/scenario/ScenarioPicker').then((m) => ({ default: m.ScenarioPicker })),
);
const SessionsPage = lazy(() =>
  import('./components/SessionsPage').then((m) => ({ default: m.SessionsPage })),
);
const UnlockDialog = lazy(() =>
  import('./components/instructor/UnlockDialog').then((m) => ({ default: m.UnlockDialog })),
);
const HelpPanel = lazy(() => import('./components/help/HelpPanel').then((m) => ({ default: m.HelpPanel })));
// Fluent's focus manager, kept from the first action or overlay on (TabsterKeeper.tsx).
const TabsterKeeper = lazy(() =>
  import('./components/TabsterKeeper').then((m) => ({ default: m.TabsterKeeper })),
);
const WelcomeDialog = lazy(() =>
  import('./components/help/WelcomeDialog').then((m) => ({ default: m.WelcomeDialog })),
);

/**
 * Mounts `children` from the first time `when` is true, and keeps them mounted after (a dialog
 * closes itself, gives focus back, and opens again at once the next time).
 */
function MountOnce({ when, children }: { when: boolean; children: ReactNode }) {
  const [seen, setSeen] = useState(when);
  if (when && !seen) setSeen(true);
  if (!seen && !when) return null;
  return <Suspense fallback={null}>{children}</Suspense>;
}

export function App() {
  useClockDriver();
  useMenuActions();
  useInstructorLock();
  useHelpKey();
  // No lab subscription here: each part re-renders on the lab changes it shows (useLearnerView,
  // useLabSelect), not the whole workspace on every console command or clock tick.
  // Learner mode renders nothing instructor-only: not hidden, absent from the page.
  const instructor = useRole((s) => s.role) === 'instructor';
  const unlockOpen = useRole((s) => s.unlockOpen);
  const pickerOpen = useUi((s) => s.pickerOpen);
  const sessionsOpen = useUi((s) => s.sessionsOpen);
  const welcomeOpen = useUiSettings((s) => s.welcomeOpen);
  const helpOpen = useHelp((s) => s.topic !== null);
  // The lab starts (the engine loads: lab/labHost.ts) at the learner's first click or key in it.
  const host = useLabHost();
  const start = useCallback(() => {
    if (!host.controller) void host.start().catch(() => undefined);
  }, [host]);
  const lab = useLabSelect((h) => (h.controller ? 'running' : h.starting ? 'starting' : 'first-view'));
  // The menus' and tooltips' code, once the engine has loaded and the browser is idle.
  usePrefetchPopups(lab === 'running');
  return (
    <div className="app" data-lab={lab} onPointerDownCapture={start} onKeyDownCapture={start}>
      <TopBar />
      <div className="bars">
        <SaveFailureBar />
        <NoticeBar />
      </div>
      <SurfaceTabs />
      <Workspace />
      {instructor && (
        <Suspense fallback={null}>
          <InstructorPanel />
        </Suspense>
      )}
      <MountOnce when={unlockOpen}>
        <UnlockDialog />
      </MountOnce>
      <Classroom />
      <MountOnce when={pickerOpen}>
        <ScenarioPicker />
      </MountOnce>
      <MountOnce when={sessionsOpen}>
        <SessionsPage />
      </MountOnce>
      <MountOnce
        when={lab !== 'first-view' || welcomeOpen || unlockOpen || pickerOpen || sessionsOpen || helpOpen}
      >
        <TabsterKeeper />
      </MountOnce>
      <MountOnce when={welcomeOpen}>
        <WelcomeDialog />
      </MountOnce>
      <MountOnce when={helpOpen}>
        <HelpPanel />
      </MountOnce>
    </div>
  );
}
