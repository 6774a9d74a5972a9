import { useMemo, useState } from 'react';
import type { EventView, ViewerLog } from '../../simulation/lab/toolViews';
import { VIEWER_LOGS } from '../../simulation/lab/toolViews';
import { useDispatch } from '../hooks/useDispatch';
import { useLearnerView } from '../lab/LabContext';
import { useUi, type ToolId } from '../state/uiStore';

type Tool = ToolId;

/**
 * The administrator's tools on the lab's machines: Event Viewer and Services on each Windows host,
 * the Synchronization Service Manager on the Entra Connect server, and the gateway's firewall page.
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
  const tools: { id: Tool; label: string; show: boolean }[] = [
    { id: 'events', label: 'Event Viewer', show: true },
    { id: 'services', label: 'Services', show: true },
    { id: 'syncmanager', label: 'Synchronization Service Manager', show: isSync },
  ];
  const activeTool: Tool = tool === 'syncmanager' && !isSync ? 'events' : tool;
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
      ) : (
        <SyncServiceManager />
      )}
    </div>
  );
}

const LEVEL_ICON: Record<string, string> = {
  Information: 'ℹ',
  Warning: '⚠',
  Error: '⛔',
  Critical: '⛔',
  'Audit Success': '🔑',
  'Audit Failure': '🔒',
};

function EventViewer({ host }: { host: string }) {
  const tools = useLearnerView().tools[host];
  const [log, setLog] = useState<ViewerLog>('Application');
  const [selected, setSelected] = useState<number | undefined>();
  const [filter, setFilter] = useState('');
  const [level, setLevel] = useState('all');
  const events = useMemo(() => {
    const all = tools?.events[log] ?? [];
    const f = filter.trim().toLowerCase();
    return all.filter(
      (e) =>
        (level === 'all' || e.level === level) &&
        (!f ||
          String(e.eventId) === f ||
          e.source.toLowerCase().includes(f) ||
          e.message.toLowerCase().includes(f)),
    );
  }, [tools, log, filter, level]);
  if (!tools) return null;
  const chosen: EventView | undefined = events.find((e) => e.recordId === selected) ?? events[0];
  return (
    <div className="event-viewer" data-testid="event-viewer">
      <nav className="ev-tree">
        <div className="blade-nav-title">Event Viewer (Local) · Windows Logs</div>
        {VIEWER_LOGS.map((l) => (
          <button
            key={l}
            type="button"
            className={`blade-link${l === log ? ' is-active' : ''}`}
            onClick={() => {
              setLog(l);
              setSelected(undefined);
            }}
            data-testid={`ev-log-${l}`}
          >
            {l} <span className="hint">({tools.events[l].length})</span>
          </button>
        ))}
      </nav>
      <section className="ev-main">
        <div className="ev-head">
          <strong>
            {log} · Number of events: {tools.events[log].length}
          </strong>
          <select value={level} onChange={(e) => setLevel(e.target.value)} aria-label="Event level">
            <option value="all">All levels</option>
            {['Critical', 'Error', 'Warning', 'Information', 'Audit Success', 'Audit Failure'].map((l) => (
              <option key={l}>{l}</option>
            ))}
          </select>
          <input
            placeholder="Filter: event ID, source or text"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            aria-label="Filter events"
          />
        </div>
        <div className="ev-list">
          <table className="grid" data-testid="ev-table">
            <thead>
              <tr>
                <th>Level</th>
                <th>Date and Time</th>
                <th>Source</th>
                <th>Event ID</th>
                <th>Task Category</th>
              </tr>
            </thead>
            <tbody>
              {events.slice(0, 400).map((e) => (
                <tr
                  key={e.recordId}
                  className={chosen?.recordId === e.recordId ? 'is-selected' : ''}
                  onClick={() => setSelected(e.recordId)}
                >
                  <td className="nowrap">
                    <span className={`lvl lvl-${e.level.replace(/\s/g, '')}`}>{LEVEL_ICON[e.level]}</span>{' '}
                    {e.level}
                  </td>
                  <td className="nowrap">{e.display}</td>
                  <td>{e.source}</td>
                  <td>{e.eventId}</td>
                  <td>{e.taskCategory}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {events.length === 0 && <p className="hint">No events match.</p>}
        </div>
        {chosen && (
          <div className="ev-detail" data-testid="ev-detail">
            <div className="ev-detail-title">
              Event {chosen.eventId}, {chosen.source}
            </div>
            <pre className="ev-message">{chosen.message}</pre>
            <dl className="kv ev-props">
              <dt>Log Name:</dt>
              <dd>{log}</dd>
              <dt>Source:</dt>
              <dd>{chosen.source}</dd>
              <dt>Logged:</dt>
              <dd>{chosen.display}</dd>
              <dt>Event ID:</dt>
              <dd>{chosen.eventId}</dd>
              <dt>Task Category:</dt>
              <dd>{chosen.taskCategory}</dd>
              <dt>Level:</dt>
              <dd>{chosen.level}</dd>
              <dt>User:</dt>
              <dd>{chosen.user}</dd>
              <dt>Computer:</dt>
              <dd>{chosen.computer}</dd>
            </dl>
          </div>
        )}
      </section>
    </div>
  );
}

function ServicesConsole({ host }: { host: string }) {
  const tools = useLearnerView().tools[host];
  const { send, error } = useDispatch();
  const [selected, setSelected] = useState<string | undefined>();
  if (!tools) return null;
  const s = tools.services.find((x) => x.name === selected);
  return (
    <div className="services" data-testid="services">
      <div className="services-side">
        {s ? (
          <>
            <h3>{s.displayName}</h3>
            <div className="actions">
              {s.status === 'Stopped' ? (
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={s.startType === 'Disabled'}
                  onClick={() => send({ type: 'service.start', host, service: s.name })}
                  data-testid="svc-start"
                >
                  Start the service
                </button>
              ) : (
                <>
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={() => send({ type: 'service.stop', host, service: s.name })}
                    data-testid="svc-stop"
                  >
                    Stop the service
                  </button>
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={() => send({ type: 'service.restart', host, service: s.name })}
                    data-testid="svc-restart"
                  >
                    Restart the service
                  </button>
                </>
              )}
            </div>
            <p className="hint">Description:</p>
            <p>{s.description}</p>
            <p className="hint">Service name: {s.name}</p>
            {error && <p className="form-error">{error}</p>}
          </>
        ) : (
          <p className="hint">Select an item to view its description.</p>
        )}
      </div>
      <table className="grid" data-testid="services-table">
        <thead>
          <tr>
            <th>Name</th>
            <th>Description</th>
            <th>Status</th>
            <th>Startup Type</th>
            <th>Log On As</th>
          </tr>
        </thead>
        <tbody>
          {tools.services.map((x) => (
            <tr
              key={x.name}
              className={x.name === selected ? 'is-selected' : ''}
              onClick={() => setSelected(x.name)}
            >
              <td>{x.displayName}</td>
              <td className="svc-desc">{x.description}</td>
              <td>{x.status === 'Running' ? 'Running' : ''}</td>
              <td>{x.startType}</td>
              <td className="nowrap">{x.logOnAs}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SyncServiceManager() {
  const sm = useLearnerView().syncManager;
  const { send, error } = useDispatch();
  const [tab, setTab] = useState<'operations' | 'connectors'>('operations');
  const [selectedRun, setSelectedRun] = useState<number | undefined>();
  const [editing, setEditing] = useState(false);
  const [password, setPassword] = useState('');
  const [sign, setSign] = useState<boolean | undefined>();
  if (!sm) return <p className="tools-off">Microsoft Entra Connect is not installed on this server.</p>;
  if (!sm.available)
    return (
      <div className="dialog-like" role="alert" data-testid="syncmanager-unavailable">
        <strong>Synchronization Service Manager</strong>
        <p>{sm.unavailableText}</p>
      </div>
    );
  const run = sm.operations.find((o) => o.id === selectedRun) ?? sm.operations[0];
  const ad = sm.connectors[0];
  return (
    <div className="sync-manager" data-testid="syncmanager">
      <div className="tools-bar">
        <button
          type="button"
          className={`btn btn-small${tab === 'operations' ? ' btn-active' : ''}`}
          onClick={() => setTab('operations')}
        >
          Operations
        </button>
        <button
          type="button"
          className={`btn btn-small${tab === 'connectors' ? ' btn-active' : ''}`}
          onClick={() => setTab('connectors')}
          data-testid="sm-connectors"
        >
          Connectors
        </button>
      </div>
      {tab === 'operations' ? (
        <>
          <div className="ev-list">
            <table className="grid" data-testid="sm-operations">
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Profile Name</th>
                  <th>Status</th>
                  <th>Start Time</th>
                  <th>End Time</th>
                </tr>
              </thead>
              <tbody>
                {sm.operations.slice(0, 200).map((o) => (
                  <tr
                    key={o.id}
                    className={run?.id === o.id ? 'is-selected' : ''}
                    onClick={() => setSelectedRun(o.id)}
                  >
                    <td>{o.connector}</td>
                    <td>{o.profile}</td>
                    <td className={o.status === 'success' ? '' : 'bad'}>{o.status}</td>
                    <td className="nowrap">{o.start}</td>
                    <td className="nowrap">{o.end}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {sm.operations.length === 0 && <p className="hint">No run history.</p>}
          </div>
          {run && (
            <div className="ev-detail">
              <div className="ev-detail-title">
                {run.connector} · {run.profile} · Status: {run.status}
              </div>
              <dl className="kv">
                <dt>Adds</dt>
                <dd>{run.adds}</dd>
                <dt>Updates</dt>
                <dd>{run.updates}</dd>
                <dt>Deletes</dt>
                <dd>{run.deletes}</dd>
                <dt>Errors</dt>
                <dd>{run.errors}</dd>
              </dl>
              {run.detail && <pre className="ev-message">{run.detail}</pre>}
            </div>
          )}
        </>
      ) : (
        <div>
          <table className="grid">
            <thead>
              <tr>
                <th>Name</th>
                <th>Type</th>
                <th>State</th>
              </tr>
            </thead>
            <tbody>
              {sm.connectors.map((c) => (
                <tr key={c.name}>
                  <td>{c.name}</td>
                  <td>{c.type}</td>
                  <td>{c.state}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {ad && !editing && (
            <div className="actions">
              <button
                type="button"
                className="btn btn-small"
                onClick={() => {
                  setEditing(true);
                  setSign(ad.ldapSignAndEncrypt);
                  setPassword('');
                }}
                data-testid="sm-properties"
              >
                Properties of {ad.name}
              </button>
            </div>
          )}
          {ad && editing && (
            <form
              className="blade-form sm-props"
              onSubmit={(e) => {
                e.preventDefault();
                const ok = send({
                  type: 'syncmanager.connector',
                  ...(password ? { password } : {}),
                  ...(sign !== ad.ldapSignAndEncrypt ? { ldapSignAndEncrypt: sign } : {}),
                });
                if (ok) setEditing(false);
              }}
            >
              <h3>Connect to Active Directory Forest</h3>
              <label className="field">
                <span>Forest name</span>
                <input value={ad.forest ?? ''} readOnly />
              </label>
              <label className="field">
                <span>User name</span>
                <input value={ad.account ?? ''} readOnly />
              </label>
              <label className="field">
                <span>Password</span>
                <input
                  type="password"
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                  placeholder="(unchanged)"
                  data-testid="sm-password"
                />
              </label>
              <label className="field">
                <span>Domain</span>
                <input value={ad.domain ?? ''} readOnly />
              </label>
              <fieldset>
                <legend>Configure Connection Options</legend>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={sign ?? false}
                    onChange={(e) => setSign(e.target.checked)}
                    data-testid="sm-sign"
                  />{' '}
                  Sign and Encrypt LDAP Traffic
                </label>
              </fieldset>
              <div className="actions">
                <button
                  type="submit"
                  className="btn btn-primary"
                  disabled={!password && sign === ad.ldapSignAndEncrypt}
                >
                  OK
                </button>
                <button type="button" className="btn" onClick={() => setEditing(false)}>
                  Cancel
                </button>
              </div>
              {error && <p className="form-error">{error}</p>}
            </form>
          )}
        </div>
      )}
    </div>
  );
}

function GatewayPage() {
  const g = useLearnerView().gateway;
  const { send, error } = useDispatch();
  const [host, setHost] = useState('*.servicebus.windows.net');
  const [port, setPort] = useState('443');
  return (
    <div className="gateway" data-testid="gateway">
      <h3>
        {g.name} ({g.lanAddress}) · Firewall rules
      </h3>
      <p className="hint">
        Rules are checked from the top; the first that matches decides. New allow rules go to the top.
        Outbound traffic that matches no rule is allowed.
      </p>
      <table className="grid" data-testid="fw-rules">
        <thead>
          <tr>
            <th>#</th>
            <th>Rule</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {g.rules.map((r, i) => (
            <tr key={r.id}>
              <td>{i + 1}</td>
              <td>{r.summary}</td>
              <td>
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={() => send({ type: 'gateway.firewall', remove: r.id })}
                  data-testid={`fw-delete-${i}`}
                >
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {g.rules.length === 0 && <p className="hint">No rules: all outbound traffic is allowed.</p>}
      <form
        className="actions"
        onSubmit={(e) => {
          e.preventDefault();
          const n = Number(port);
          send({
            type: 'gateway.firewall',
            add: {
              id: `allow-${host}-${port}`.replace(/[^a-z0-9.*-]/gi, '-'),
              direction: 'outbound',
              action: 'allow',
              transport: 'tcp',
              ...(host ? { host } : {}),
              ...(Number.isInteger(n) && n > 0 ? { port: n } : {}),
            },
          });
        }}
      >
        <span>Allow outbound TCP to</span>
        <input value={host} onChange={(e) => setHost(e.target.value)} aria-label="Destination host pattern" />
        <span>port</span>
        <input
          value={port}
          onChange={(e) => setPort(e.target.value)}
          aria-label="Port"
          style={{ minWidth: 60, width: 60 }}
        />
        <button type="submit" className="btn">
          Add rule
        </button>
      </form>
      {error && <p className="form-error">{error}</p>}
    </div>
  );
}
