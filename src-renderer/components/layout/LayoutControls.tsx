import { Button } from '@fluentui/react-components';
import {
  MaximizeRegular,
  PanelBottomRegular,
  PanelRightContractRegular,
  PanelRightExpandRegular,
  PanelRightRegular,
} from '@fluentui/react-icons';
import { memo, type ReactElement } from 'react';
import { useLabSelect } from '../../lab/LabContext';
import { useUi, type ConsoleDock } from '../../state/uiStore';
import { ThemeSwitch } from './ThemeSwitch';
import { LazyTooltip } from '../lazyTooltip';

const DOCKS: { id: ConsoleDock; label: string; icon: ReactElement }[] = [
  { id: 'bottom', label: 'Console below', icon: <PanelBottomRegular /> },
  { id: 'side', label: 'Console beside', icon: <PanelRightRegular /> },
  { id: 'max', label: 'Console maximised', icon: <MaximizeRegular /> },
];

/** Where the console sits, and whether the scenario sidebar shows. */
export const LayoutControls = memo(function LayoutControls() {
  const dock = useUi((s) => s.consoleDock);
  const setDock = useUi((s) => s.setConsoleDock);
  const sidebarOpen = useUi((s) => s.sidebarOpen);
  const setSidebarOpen = useUi((s) => s.setSidebarOpen);
  const inScenario = useLabSelect((c) => !!c.scenario);
  return (
    <div className="hl-layout-controls" role="group" aria-label="Layout">
      {DOCKS.map((d) => (
        <LazyTooltip key={d.id} content={d.label} relationship="label">
          <Button
            appearance={dock === d.id ? 'secondary' : 'subtle'}
            size="small"
            icon={d.icon}
            aria-pressed={dock === d.id}
            onClick={() => setDock(dock === d.id && d.id === 'max' ? 'bottom' : d.id)}
            data-testid={`dock-${d.id}`}
          />
        </LazyTooltip>
      ))}
      {inScenario && (
        <LazyTooltip content={sidebarOpen ? 'Hide the scenario' : 'Show the scenario'} relationship="label">
          <Button
            appearance="subtle"
            size="small"
            icon={sidebarOpen ? <PanelRightContractRegular /> : <PanelRightExpandRegular />}
            aria-expanded={sidebarOpen}
            onClick={() => setSidebarOpen(!sidebarOpen)}
            data-testid="sidebar-toggle"
          />
        </LazyTooltip>
      )}
      <ThemeSwitch />
    </div>
  );
});
