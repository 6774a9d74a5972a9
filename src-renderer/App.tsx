import { ReactFlowProvider } from '@xyflow/react';
import { useLabController, useLearnerView } from './lab/LabContext';
import { useClockDriver } from './hooks/useClockDriver';
import { ClockBar } from './components/ClockBar';
import { ConsolePanel } from './components/ConsolePanel';
import { DevicePanel } from './components/DevicePanel';
import { LabCanvas } from './components/LabCanvas';
import { NoticeBar } from './components/NoticeBar';
import { SurfaceTabs } from './components/SurfaceTabs';
import { AdminCenter } from './components/admin/AdminCenter';
import { ConnectWizard } from './components/connect/ConnectWizard';
import { SsprPortal } from './components/sspr/SsprPortal';
import { MyAccount } from './components/myaccount/MyAccount';
import { SignInScreen } from './components/signin/SignInScreen';
import { PhoneDock } from './components/phone/PhoneDock';
import { useSurfaceUi } from './state/surfaceUi';
import { ServerTools } from './components/tools/ServerTools';
import { InstructorPanel } from './components/InstructorPanel';
import { ScenarioPicker, ScenarioSidebar } from './components/ScenarioPanel';
import { SaveFailureBar } from './components/SaveFailureBar';
import { SaveStatus } from './components/SaveStatus';
import { SessionsPage } from './components/SessionsPage';
import { UnlockDialog } from './components/instructor/UnlockDialog';
import { useInstructorLock, useLockInstructor } from './hooks/useInstructorLock';
import { useMenuActions } from './hooks/useMenuActions';
import { useRole } from './state/roleStore';
import { useUi } from './state/uiStore';

export function App() {
  useClockDriver();
  useMenuActions();
  useInstructorLock();
  useLearnerView(); // re-render on lab changes (notices, title)
  const controller = useLabController();
  const surface = useUi((s) => s.surface);
  const consoleOpen = useUi((s) => s.consoleOpen);
  const instructorOpen = useUi((s) => s.instructorOpen);
  const setInstructorOpen = useUi((s) => s.setInstructorOpen);
  const setPickerOpen = useUi((s) => s.setPickerOpen);
  const setSessionsOpen = useUi((s) => s.setSessionsOpen);
  // Learner mode renders nothing instructor-only: not hidden, absent from the page.
  const instructor = useRole((s) => s.role) === 'instructor';
  const setUnlockOpen = useRole((s) => s.setUnlockOpen);
  const lockInstructor = useLockInstructor();
  const inScenario = !!controller.scenario;
  const phoneOpen = useSurfaceUi((s) => s.phoneOpen);
  return (
    <div className={`app${consoleOpen ? '' : ' console-collapsed'}${inScenario ? ' has-scenario' : ''}`}>
      <header className="topbar">
        <div className="brand">
          <span className="brand-name">HybridLab</span>
          <span className="brand-lab">
            {controller.scenario ? controller.scenario.scenario.title : controller.current.definition.title}
          </span>
          <SaveStatus />
        </div>
        <ClockBar />
        <div className="topbar-actions">
          <button
            type="button"
            className="btn"
            onClick={() => setSessionsOpen(true)}
            data-testid="open-sessions"
          >
            Sessions
          </button>
          <button
            type="button"
            className="btn"
            onClick={() => setPickerOpen(true)}
            data-testid="open-scenarios"
          >
            Scenarios
          </button>
          {instructor ? (
            <>
              <button
                type="button"
                className={`btn${instructorOpen ? ' btn-active' : ''}`}
                onClick={() => setInstructorOpen(!instructorOpen)}
                data-testid="instructor-toggle"
                title="Faults and scheduling (instructor only)"
              >
                Instructor
              </button>
              <button
                type="button"
                className="btn"
                onClick={lockInstructor}
                data-testid="instructor-lock"
                title="Back to learner mode"
              >
                Lock
              </button>
            </>
          ) : (
            <button
              type="button"
              className="btn"
              onClick={() => setUnlockOpen(true)}
              data-testid="instructor-unlock"
              title="Instructor mode (passphrase)"
            >
              Instructor mode…
            </button>
          )}
          <button
            type="button"
            className="btn"
            onClick={() => {
              if (
                window.confirm(
                  'Start the lab again from the beginning? Your current session stays in Sessions, where you can open it again.',
                )
              )
                controller.startOver();
            }}
          >
            Start over
          </button>
        </div>
      </header>
      <div className="bars">
        <SaveFailureBar />
        <NoticeBar />
      </div>
      <SurfaceTabs />
      <div className="workspace-row">
        <main className={`workspace surface-${surface}`}>
          {surface === 'map' && (
            <>
              <ReactFlowProvider>
                <LabCanvas />
              </ReactFlowProvider>
              <DevicePanel />
            </>
          )}
          {surface === 'admin' && <AdminCenter />}
          {surface === 'connect' && <ConnectWizard />}
          {surface === 'sspr' && <SsprPortal />}
          {surface === 'myaccount' && <MyAccount />}
          {surface === 'signin' && <SignInScreen />}
          {surface === 'tools' && <ServerTools />}
        </main>
        {phoneOpen && <PhoneDock />}
      </div>
      <ScenarioSidebar />
      {instructor && <InstructorPanel />}
      <UnlockDialog />
      <ScenarioPicker />
      <SessionsPage />
      <ConsolePanel />
    </div>
  );
}
