import { useLearnerView } from './lab/LabContext';
import { useClockDriver } from './hooks/useClockDriver';
import { NoticeBar } from './components/NoticeBar';
import { SurfaceTabs } from './components/SurfaceTabs';
import { InstructorPanel } from './components/InstructorPanel';
import { ScenarioPicker } from './components/scenario/ScenarioPicker';
import { SaveFailureBar } from './components/SaveFailureBar';
import { SessionsPage } from './components/SessionsPage';
import { TopBar } from './components/layout/TopBar';
import { Workspace } from './components/layout/Workspace';
import { UnlockDialog } from './components/instructor/UnlockDialog';
import { Classroom } from './components/classroom/Classroom';
import { useInstructorLock } from './hooks/useInstructorLock';
import { useMenuActions } from './hooks/useMenuActions';
import { useRole } from './state/roleStore';
import { HelpPanel } from './components/help/HelpPanel';
import { WelcomeDialog } from './components/help/WelcomeDialog';

export function App() {
  useClockDriver();
  useMenuActions();
  useInstructorLock();
  useLearnerView(); // re-render on lab changes (notices, title)
  // Learner mode renders nothing instructor-only: not hidden, absent from the page.
  const instructor = useRole((s) => s.role) === 'instructor';
  return (
    <div className="app">
      <TopBar />
      <div className="bars">
        <SaveFailureBar />
        <NoticeBar />
      </div>
      <SurfaceTabs />
      <Workspace />
      {instructor && <InstructorPanel />}
      <UnlockDialog />
      <Classroom />
      <ScenarioPicker />
      <SessionsPage />
      <WelcomeDialog />
      <HelpPanel />
    </div>
  );
}
