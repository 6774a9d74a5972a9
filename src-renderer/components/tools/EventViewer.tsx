/**
 * Event Viewer on a Windows host: the logs, a level and text filter, the events table and the
 * selected event's details.
 */
import { useMemo, useState } from 'react';
import { type EventView, type ViewerLog, VIEWER_LOGS } from '../../../simulation';
import { useLearnerView } from '../../lab/LabContext';

const LEVEL_ICON: Record<string, string> = {
  Information: 'ℹ',
  Warning: '⚠',
  Error: '⛔',
  Critical: '⛔',
  'Audit Success': '🔑',
  'Audit Failure': '🔒',
};

export function EventViewer({ host }: { host: string }) {
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
