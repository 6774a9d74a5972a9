/**
 * The Server tools surface: the machine picker and the tool buttons, and the tool that is open
 * (Event Viewer, Services, the Synchronization Service Manager, Active Directory Users and
 * Computers or the gateway's firewall page, one component per file beside this one).
 */
import { useLearnerView } from '../../lab/LabContext';
import { useUi, type ToolId } from '../../state/uiStore';
import { ActiveDirectoryUsers } from './ActiveDirectoryUsers';
import { EventViewer } from './EventViewer';
import { GatewayPage } from './GatewayPage';
import { ServicesConsole } from './ServicesConsole';
import { SyncServiceManager } from './SyncServiceManager';

type Tool = ToolId;

/**
 * The administrator's tools on the lab's machines: Event Viewer and Services on each Windows host,
 * the Synchronization Service Manager on the Entra Connect server, Active Directory Users and
 * Computers on the domain controller, and the gateway's firewall page.
 */
export function ServerTools() {
  const view = useLearnerView();
  const host = useUi((s) => s.toolsHost);
  const setHost = useUi((s) => s.setToolsHost);
  const tool = useUi((s) => s.tool);
  const setTool = useUi((s) => s.setTool);
  const hosts = Object.values(view.tools);
  const current = view.tools[host] ?? hosts[0];
  const isSync = view.syncManager?.host === current?.host;
  const isDc = view.aduc?.host === current?.host;
  const tools: { id: Tool; label: string; show: boolean }[] = [
    { id: 'events', label: 'Event Viewer', show: true },
    { id: 'services', label: 'Services', show: true },
    { id: 'syncmanager', label: 'Synchronization Service Manager', show: isSync },
    { id: 'aduc', label: 'Active Directory Users and Computers', show: isDc },
  ];
  const activeTool: Tool =
    (tool === 'syncmanager' && !isSync) || (tool === 'aduc' && !isDc) ? 'events' : tool;
  return (
    <div className="tools" data-testid="server-tools">
      <div className="tools-bar">
        <label className="tools-host">
          <span>Machine</span>
          <select
            value={tool === 'gateway' ? 'gateway' : (current?.host ?? '')}
            onChange={(e) => {
              if (e.target.value === 'gateway') setTool('gateway');
              else {
                setHost(e.target.value);
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
          </select>
        </label>
        {tool !== 'gateway' &&
          tools
            .filter((t) => t.show)
            .map((t) => (
              <button
                key={t.id}
                type="button"
                className={`btn btn-small${activeTool === t.id ? ' btn-active' : ''}`}
                onClick={() => setTool(t.id)}
                data-testid={`tool-${t.id}`}
              >
                {t.label}
              </button>
            ))}
      </div>
      {tool === 'gateway' ? (
        <GatewayPage />
      ) : !current ? null : !current.available ? (
        <p className="tools-off">
          {current.hostname} is turned off. Turn it on from the lab map to use its tools.
        </p>
      ) : activeTool === 'events' ? (
        <EventViewer key={current.host} host={current.host} />
      ) : activeTool === 'services' ? (
        <ServicesConsole host={current.host} />
      ) : activeTool === 'aduc' ? (
        <ActiveDirectoryUsers />
      ) : (
        <SyncServiceManager />
      )}
    </div>
  );
}
