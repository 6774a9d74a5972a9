import { useLearnerView } from './lab/LabContext';
import { useClockDriver } from './hooks/useClockDriver';
import { NoticeBar } from './components/NoticeBar';
import { SurfaceTabs } from './components/SurfaceTabs';
import { InstructorPanel } from './components/InstructorPanel';
import { ScenarioPicker } from './components/ScenarioPanel';
import { SaveFailureBar } from './components/SaveFailureBar';
import { SessionsPage } from './components/SessionsPage';
import { TopBar } from './components/layout/TopBar';
import { Workspace } from './components/layout/Workspace';
import { useMenuActions } from './hooks/useMenuActions';

export function App() {
  useClockDriver();
  useMenuActions();
  useLearnerView(); // re-render on lab changes (notices, title)
  return (
    <div className="app">
      <TopBar />
      <div className="bars">
        <SaveFailureBar />
        <NoticeBar />
      </div>
      <SurfaceTabs />
      <Workspace />
      <InstructorPanel />
      <ScenarioPicker />
      <SessionsPage />
    </div>
  );
}
