/**
 * Event Viewer on a Windows host: the logs, a level and text filter, the events table and the
 * selected event's details.
 */
import { useEffect, useMemo, useState, type ReactElement } from 'react';
import {
  Button,
  Input,
  Select,
  Tab,
  TabList,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import {
  ErrorCircleFilled,
  InfoRegular,
  KeyRegular,
  LockClosedFilled,
  WarningFilled,
} from '@fluentui/react-icons';
import { type EventView, type ViewerLog, VIEWER_LOGS } from '../../../simulation';
import { useLabController, useLearnerView } from '../../lab/LabContext';
import { useToolsStyles } from './toolsStyles';

const LEVELS = ['Critical', 'Error', 'Warning', 'Information', 'Audit Success', 'Audit Failure'];

/** Event Viewer's level icon, as an SVG from Fluent's icon set (no emoji font needed). */
function LevelIcon({ level }: { level: string }): ReactElement {
  const s = useToolsStyles();
  const props = { className: s.icon, 'aria-hidden': true } as const;
  switch (level) {
    case 'Warning':
      return <WarningFilled {...props} className={`${s.icon} ${s.warn}`} />;
    case 'Error':
    case 'Critical':
      return <ErrorCircleFilled {...props} className={`${s.icon} ${s.bad}`} />;
    case 'Audit Success':
      return <KeyRegular {...props} />;
    case 'Audit Failure':
      return <LockClosedFilled {...props} className={`${s.icon} ${s.bad}`} />;
    default:
      return <InfoRegular {...props} className={`${s.icon} ${s.info}`} />;
  }
}

export function EventViewer({ host }: { host: string }) {
  const s = useToolsStyles();
  const tools = useLearnerView().tools[host];
  const [log, setLog] = useState<ViewerLog>('Application');
  const [selected, setSelected] = useState<number | undefined>();
  const [filter, setFilter] = useState('');
  const [level, setLevel] = useState('all');
  const controller = useLabController();
  // The learner opening (or refreshing) a log is journaled: a scenario may ask that it was read.
  const look = () => {
    controller.dispatch({ type: 'surface.view', surface: 'events', host, target: log });
  };
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(look, [host, log]);
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
    <div className={s.twoPanes} data-testid="event-viewer">
      <nav className={s.side} aria-label="Event Viewer (Local)">
        <div className={s.sideTitle}>Event Viewer (Local) · Windows Logs</div>
        <TabList
          vertical
          selectedValue={log}
          onTabSelect={(_, d) => {
            setLog(d.value as ViewerLog);
            setSelected(undefined);
          }}
          aria-label="Windows Logs"
        >
          {VIEWER_LOGS.map((l) => (
            <Tab key={l} value={l} data-testid={`ev-log-${l}`}>
              {l} <span className={s.muted}>({tools.events[l].length})</span>
            </Tab>
          ))}
        </TabList>
      </nav>
      <section className={s.main} aria-label={log}>
        <div className={s.inline}>
          <Text weight="semibold">
            {log} · Number of events: {tools.events[log].length}
          </Text>
          <Button size="small" onClick={look} data-testid="ev-refresh">
            Refresh
          </Button>
          <Select value={level} onChange={(_, d) => setLevel(d.value)} aria-label="Event level">
            <option value="all">All levels</option>
            {LEVELS.map((l) => (
              <option key={l}>{l}</option>
            ))}
          </Select>
          <Input
            placeholder="Filter: event ID, source or text"
            value={filter}
            onChange={(_, d) => setFilter(d.value)}
            aria-label="Filter events"
          />
        </div>
        <div className={s.list}>
          <Table size="extra-small" aria-label={`${log} events`} data-testid="ev-table">
            <TableHeader>
              <TableRow>
                {['Level', 'Date and Time', 'Source', 'Event ID', 'Task Category'].map((h) => (
                  <TableHeaderCell key={h}>{h}</TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {events.slice(0, 400).map((e) => (
                <TableRow
                  key={e.recordId}
                  className={s.row}
                  appearance={chosen?.recordId === e.recordId ? 'brand' : 'none'}
                  aria-selected={chosen?.recordId === e.recordId}
                  tabIndex={0}
                  onClick={() => setSelected(e.recordId)}
                  onKeyDown={(k) => k.key === 'Enter' && setSelected(e.recordId)}
                >
                  <TableCell className={s.nowrap}>
                    <LevelIcon level={e.level} />
                    {e.level}
                  </TableCell>
                  <TableCell className={s.nowrap}>{e.display}</TableCell>
                  <TableCell>{e.source}</TableCell>
                  <TableCell>{e.eventId}</TableCell>
                  <TableCell>{e.taskCategory}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {events.length === 0 && <Text className={s.muted}>No events match.</Text>}
        </div>
        {chosen && (
          <div className={s.detail} data-testid="ev-detail">
            <Text weight="semibold">
              Event {chosen.eventId}, {chosen.source}
            </Text>
            <pre className={s.message} tabIndex={0}>
              {chosen.message}
            </pre>
            <dl className={s.kv}>
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
