/**
 * The Server tools surface: the machine picker and the tool tabs, and the tool that is open
 * (Event Viewer, Services, the Synchronization Service Manager, Active Directory Users and
 * Computers or the gateway's firewall page, one component per file beside this one).
 */
import { Label, Select, Tab, TabList, Text, useId } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useLabController, useLearnerView } from '../../lab/LabContext';
import { useUi, type ToolId } from '../../state/uiStore';
import { ActiveDirectoryUsers } from './ActiveDirectoryUsers';
import { EventViewer } from './EventViewer';
import { GatewayPage } from './GatewayPage';
import { ServerManager } from './ServerManager';
import { ServicesConsole } from './ServicesConsole';
import { SyncServiceManager } from './SyncServiceManager';
import { useToolsStyles } from './toolsStyles';

type Tool = ToolId;

/**
 * The administrator's tools on the lab's machines: Event Viewer and Services on each Windows host,
 * the Synchronization Service Manager on the Entra Connect server, Active Directory Users and
 * Computers on the domain controller, and the gateway's firewall page.
 */
export function ServerTools() {
  const s = useToolsStyles();
  const hostId = useId('tools-host');
  const view = useLearnerView();
  const host = useUi((st) => st.toolsHost);
  const setHost = useUi((st) => st.setToolsHost);
  const tool = useUi((st) => st.tool);
  const setTool = useUi((st) => st.setTool);
  const hosts = Object.values(view.tools);
  const current = view.tools[host] ?? hosts[0];
  const isSync = view.syncManager?.host === current?.host;
  const isDc = view.aduc?.host === current?.host;
  const isServer = !!current && !!view.serverManager[current.host];
  const tools: { id: Tool; label: string; show: boolean }[] = [
    { id: 'servermanager', label: 'Server Manager', show: isServer },
    { id: 'events', label: 'Event Viewer', show: true },
    { id: 'services', label: 'Services', show: true },
    { id: 'syncmanager', label: 'Synchronization Service Manager', show: isSync },
    { id: 'aduc', label: 'Active Directory Users and Computers', show: isDc },
  ];
  const activeTool: Tool =
    (tool === 'syncmanager' && !isSync) ||
    (tool === 'aduc' && !isDc) ||
    (tool === 'servermanager' && !isServer)
      ? 'events'
      : tool;
  const controller = useLabController();
  const shown = tool === 'gateway' ? 'gateway' : activeTool;
  const on = tool === 'gateway' ? undefined : current?.available ? current.host : undefined;
  // Opening a tool is journaled (Event Viewer journals the log it opens itself).
  useEffect(() => {
    if (shown === 'events' || (shown !== 'gateway' && !on)) return;
    controller.dispatch({
      type: 'surface.view',
      surface: 'tool',
      target: shown,
      ...(on ? { host: on } : {}),
    });
  }, [controller, shown, on]);
  return (
    <div className={s.root} data-testid="server-tools" data-help-topic={shown}>
      <div className={s.bar}>
        <Label htmlFor={hostId} weight="semibold">
          Machine
        </Label>
        <Select
          id={hostId}
          value={tool === 'gateway' ? 'gateway' : (current?.host ?? '')}
          onChange={(_, d) => {
            if (d.value === 'gateway') setTool('gateway');
            else {
              setHost(d.value);
              if (tool === 'gateway') setTool('events');
            }
          }}
          data-testid="tools-host"
        >
          {hosts.map((h) => (
            <option key={h.host} value={h.host}>
              {h.hostname}
            </option>
          ))}
          <option value="gateway">Gateway (edge firewall)</option>
        </Select>
        {tool !== 'gateway' && (
          <TabList
            selectedValue={activeTool}
            onTabSelect={(_, d) => setTool(d.value as Tool)}
            aria-label="Tools"
          >
            {tools
              .filter((t) => t.show)
              .map((t) => (
                <Tab key={t.id} value={t.id} data-testid={`tool-${t.id}`}>
                  {t.label}
                </Tab>
              ))}
          </TabList>
        )}
      </div>
      {tool === 'gateway' ? (
        <GatewayPage />
      ) : !current ? null : !current.available ? (
        <Text className={s.off}>
          {current.hostname} is turned off. Turn it on from the lab map to use its tools.
        </Text>
      ) : activeTool === 'events' ? (
        <EventViewer key={current.host} host={current.host} />
      ) : activeTool === 'services' ? (
        <ServicesConsole host={current.host} />
      ) : activeTool === 'servermanager' ? (
        <ServerManager host={current.host} />
      ) : activeTool === 'aduc' ? (
        <ActiveDirectoryUsers />
      ) : (
        <SyncServiceManager />
      )}
    </div>
  );
}
