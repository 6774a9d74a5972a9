import { ReactFlowProvider } from '@xyflow/react';
import { useLabController, useLearnerView } from './lab/LabContext';
import { useClockDriver } from './hooks/useClockDriver';
import { ClockBar } from './components/ClockBar';
import { ConsolePanel } from './components/ConsolePanel';
import { DevicePanel } from './components/DevicePanel';
import { LabCanvas } from './components/LabCanvas';
import { NoticeBar } from './components/NoticeBar';

export function App() {
  useClockDriver();
  useLearnerView(); // re-render on lab changes (notices, title)
  const controller = useLabController();
  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <span className="brand-name">HybridLab</span>
          <span className="brand-lab">{controller.current.definition.title}</span>
        </div>
        <ClockBar />
        <div className="topbar-actions">
          <button
            type="button"
            className="btn"
            onClick={() => {
              if (
                window.confirm(
                  'Start the lab again from the beginning? Your current session is kept as a backup.',
                )
              )
                controller.startOver();
            }}
          >
            Start over
          </button>
        </div>
      </header>
      <NoticeBar />
      <main className="workspace">
        <ReactFlowProvider>
          <LabCanvas />
        </ReactFlowProvider>
        <DevicePanel />
      </main>
      <ConsolePanel />
    </div>
  );
}
