import { Group, Panel, Separator, usePanelRef } from 'react-resizable-panels';
import { lazy, Suspense, useEffect } from 'react';
import { useLabSelect } from '../../lab/LabContext';
import { useUi } from '../../state/uiStore';
import { ConsolePanel } from '../ConsolePanel';
import { SurfaceArea } from './SurfaceArea';
import { usePanelOpen } from './usePanelOpen';

// Only in a scenario (with its debrief and exports): fetched when one is played, not with a free
// lab's first screen (`npm run bench:ui`).
const ScenarioSidebar = lazy(() =>
  import('../scenario/ScenarioSidebar').then((m) => ({ default: m.ScenarioSidebar })),
);

/** The console's header height: what stays of it when it is collapsed below the surface. */
const CONSOLE_HEAD_PX = 42;

/**
 * The learner's work area in resizable panes: the surface and its console (below, beside, or the
 * console maximised), and the scenario sidebar, which collapses.
 */
export function Workspace() {
  const inScenario = useLabSelect((c) => !!c.scenario);
  const dock = useUi((s) => s.consoleDock);
  const consoleOpen = useUi((s) => s.consoleOpen);
  const setConsoleOpen = useUi((s) => s.setConsoleOpen);
  const sidebarOpen = useUi((s) => s.sidebarOpen);
  const setSidebarOpen = useUi((s) => s.setSidebarOpen);
  const surfaceRef = usePanelRef();
  const consoleRef = usePanelRef();
  const sidebarRef = usePanelRef();
  const consoleCollapsedPx = dock === 'bottom' ? CONSOLE_HEAD_PX : 0;
  const onConsoleResize = usePanelOpen(consoleRef, consoleOpen, setConsoleOpen, consoleCollapsedPx);
  const onSidebarResize = usePanelOpen(sidebarRef, sidebarOpen, setSidebarOpen, 0);
  useEffect(() => {
    const panel = surfaceRef.current;
    if (!panel) return;
    if (dock === 'max') panel.collapse();
    else if (panel.isCollapsed()) panel.expand();
  }, [surfaceRef, dock]);
  const side = dock === 'side';
  return (
    <Group orientation="horizontal" className="hl-columns" id="hl-columns">
      <Panel id="work" minSize="45%">
        {/* A new group when the console changes side: the library keeps one orientation per group. */}
        <Group key={side ? 'side' : 'below'} orientation={side ? 'horizontal' : 'vertical'} id="hl-work">
          <Panel
            id="surface"
            panelRef={surfaceRef}
            minSize={side ? '35%' : '30%'}
            collapsible
            collapsedSize={0}
            className="hl-pane"
          >
            <SurfaceArea />
          </Panel>
          <Separator className="hl-sep" disabled={dock === 'max'} />
          <Panel
            id="console"
            panelRef={consoleRef}
            defaultSize={side ? '40%' : '36%'}
            minSize={side ? 280 : 140}
            collapsible
            collapsedSize={consoleCollapsedPx}
            onResize={onConsoleResize}
            className="hl-pane"
          >
            <ConsolePanel />
          </Panel>
        </Group>
      </Panel>
      {inScenario && (
        <>
          <Separator className="hl-sep" />
          <Panel
            id="sidebar"
            panelRef={sidebarRef}
            defaultSize={330}
            minSize={240}
            maxSize="45%"
            collapsible
            collapsedSize={0}
            onResize={onSidebarResize}
            className="hl-pane"
          >
            <Suspense fallback={null}>
              <ScenarioSidebar />
            </Suspense>
          </Panel>
        </>
      )}
    </Group>
  );
}
