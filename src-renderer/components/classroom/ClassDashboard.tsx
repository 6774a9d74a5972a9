import { useEffect, useMemo, useState } from 'react';
import QRCode from 'qrcode';
import {
  Badge,
  Button,
  Checkbox,
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { FAULTS, type DashboardRow, type InstructorAction } from '../../../simulation';
import { useClassroomStore } from './classroomStore';
import { hostChannel } from './hostChannel';

const DEFAULT_PORT = 47800;

const mmss = (ms: number | undefined) => {
  if (ms === undefined) return '–';
  const m = Math.floor(ms / 60_000);
  return `${m}:${String(Math.floor((ms % 60_000) / 1000)).padStart(2, '0')}`;
};

function ago(at: number | undefined, now: number): string {
  if (at === undefined) return '–';
  const s = Math.max(0, Math.round((now - at) / 1000));
  return s < 60 ? `${s} s ago` : `${Math.floor(s / 60)} min ago`;
}

type SortKey = 'name' | 'score' | 'objectives' | 'lastActivity';

const sortValue = (r: DashboardRow, k: SortKey): string | number =>
  k === 'name'
    ? r.name.toLowerCase()
    : k === 'score'
      ? (r.progress?.score ?? -1e9)
      : k === 'objectives'
        ? (r.progress?.objectives.length ?? -1)
        : -(r.lastActivity ?? 0);

/**
 * The instructor's class console: start a class (address, code and a QR to show the room), one
 * live row per learner, actions to the selected learners or everyone, and the class export. Shown
 * only in instructor mode (App renders it only then); fault status lives here, never in a learner's
 * page.
 */
export function ClassDashboard() {
  const open = useClassroomStore((s) => s.dashboardOpen);
  const setOpen = useClassroomStore((s) => s.setDashboardOpen);
  const running = useClassroomStore((s) => s.running);
  return (
    <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)}>
      <DialogSurface className="class-dashboard" data-testid="class-dashboard">
        <DialogBody>
          <DialogTitle
            action={
              <Button appearance="subtle" onClick={() => setOpen(false)} data-testid="class-dashboard-close">
                Close
              </Button>
            }
          >
            Classroom
          </DialogTitle>
          <DialogContent>{running ? <Running /> : <StartClass />}</DialogContent>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function ErrorLine() {
  const error = useClassroomStore((s) => s.error);
  return error ? (
    <p className="form-error" role="alert" data-testid="class-error">
      {error}
    </p>
  ) : null;
}

function StartClass() {
  const interfaces = useClassroomStore((s) => s.interfaces);
  const resumable = useClassroomStore((s) => s.resumable);
  const [host, setHost] = useState('');
  const [port, setPort] = useState(String(DEFAULT_PORT));
  const chosen = host || interfaces[0] || '';
  const start = () => {
    const p = Number(port);
    if (!Number.isInteger(p) || p < 1 || p > 65535) {
      useClassroomStore.setState({ error: 'The port is a number from 1 to 65535.' });
      return;
    }
    useClassroomStore.setState({ error: undefined });
    hostChannel().send({ kind: 'class.start', host: chosen, port: p });
  };
  return (
    <div className="class-start">
      <p>
        Learners join this computer over the classroom network. Pick the network it listens on and a port; the
        firewall must let learners reach that port (TCP).
      </p>
      {resumable && (
        <p data-testid="class-resumable">
          <Badge appearance="tint" color="informative">
            Resumes
          </Badge>{' '}
          A class from before this app was closed is kept: starting resumes it, with its roster and progress.
        </p>
      )}
      <div className="class-start-fields">
        <Field label="Network address">
          <Select value={chosen} onChange={(_, d) => setHost(d.value)} data-testid="class-host">
            {interfaces.map((a) => (
              <option key={a} value={a}>
                {a}
                {a === '127.0.0.1' ? ' (this computer only)' : ''}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Port">
          <Input value={port} onChange={(_, d) => setPort(d.value)} data-testid="class-port" />
        </Field>
      </div>
      <ErrorLine />
      <Button appearance="primary" onClick={start} disabled={!chosen} data-testid="class-start">
        Start class
      </Button>
    </div>
  );
}

function JoinCard({ address, code }: { address: string; code: string }) {
  const [qr, setQr] = useState<string | undefined>();
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(`HybridLab class ${code} at ${address}`, { margin: 1, width: 132 }).then(
      (url) => live && setQr(url),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [address, code]);
  return (
    <div className="class-join-card">
      <div>
        <div className="class-join-label">Address</div>
        <div className="class-join-value" data-testid="class-address">
          {address}
        </div>
        <div className="class-join-label">Class code</div>
        <div className="class-join-value class-code" data-testid="class-code">
          {code}
        </div>
        <p className="hint">Learners: Join class… in the top bar, then this address and code.</p>
      </div>
      {qr && <img src={qr} alt={`Class ${code} at ${address}`} width={132} height={132} />}
    </div>
  );
}

function Running() {
  const running = useClassroomStore((s) => s.running)!;
  const rows = useClassroomStore((s) => s.rows);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [scenarioId, setScenarioId] = useState(running.scenarios[0]?.id ?? '');
  const [fault, setFault] = useState(FAULTS[0]?.id ?? '');
  const [message, setMessage] = useState('');
  /** Lab minutes from each learner's now; empty: at once. */
  const [after, setAfter] = useState('');
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<SortKey>('name');
  const [detail, setDetail] = useState<string | undefined>();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 5_000);
    return () => clearInterval(t);
  }, []);
  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return rows
      .filter((r) => !f || r.name.toLowerCase().includes(f) || (r.progress?.scenarioId ?? '').includes(f))
      .sort((a, b) => {
        const x = sortValue(a, sort);
        const y = sortValue(b, sort);
        return x < y ? -1 : x > y ? 1 : a.name.localeCompare(b.name);
      });
  }, [rows, filter, sort]);
  const targets =
    selected.size > 0 ? [...selected].filter((id) => rows.some((r) => r.learnerId === id)) : 'all';
  const who = targets === 'all' ? 'everyone' : `${targets.length} selected`;
  const act = (action: InstructorAction) => {
    useClassroomStore.setState({ error: undefined });
    hostChannel().send({ kind: 'class.act', targets: targets.length === 0 ? 'all' : targets, action });
  };
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };
  const title = (id: string | undefined) => running.scenarios.find((s) => s.id === id)?.title ?? id ?? '–';
  const detailRow = rows.find((r) => r.learnerId === detail);
  const header = (k: SortKey, label: string) => (
    <TableHeaderCell
      sortable
      sortDirection={sort === k ? 'ascending' : undefined}
      onClick={() => setSort(k)}
      data-testid={`class-sort-${k}`}
    >
      {label}
    </TableHeaderCell>
  );
  return (
    <div className="class-running">
      <div className="class-top">
        <JoinCard address={running.address} code={running.code} />
        <div className="class-actions">
          <div className="class-action-row">
            <span className="class-targets" data-testid="class-targets">
              To {who}:
            </span>
          </div>
          <div className="class-action-row">
            <Select
              value={scenarioId}
              onChange={(_, d) => setScenarioId(d.value)}
              data-testid="class-scenario"
            >
              {running.scenarios.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title} ({s.id})
                </option>
              ))}
            </Select>
            <Button
              appearance="primary"
              disabled={!scenarioId || rows.length === 0}
              onClick={() =>
                act({ type: 'assign', scenarioId, seedBase: 1 + (Math.floor(now / 1000) % 9000) })
              }
              data-testid="class-assign"
            >
              Assign scenario
            </Button>
          </div>
          <div className="class-action-row">
            <Select value={fault} onChange={(_, d) => setFault(d.value)} data-testid="class-fault">
              {FAULTS.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.id} — {f.title}
                </option>
              ))}
            </Select>
            <Input
              value={after}
              onChange={(_, d) => setAfter(d.value)}
              placeholder="now"
              aria-label="Lab minutes from now (empty: now)"
              contentAfter="min"
              className="class-after"
              data-testid="class-after"
            />
            <Button
              disabled={rows.length === 0 || (after.trim() !== '' && !(Number(after) > 0))}
              onClick={() =>
                after.trim() === ''
                  ? act({ type: 'fault.inject', fault })
                  : act({ type: 'fault.schedule', fault, afterMs: Math.round(Number(after) * 60_000) })
              }
              data-testid="class-inject"
            >
              {after.trim() === '' ? 'Inject' : 'Schedule'}
            </Button>
            <Button
              disabled={rows.length === 0}
              onClick={() => act({ type: 'fault.clear', fault })}
              data-testid="class-clear"
            >
              Clear
            </Button>
          </div>
          <div className="class-action-row">
            <Input
              value={message}
              onChange={(_, d) => setMessage(d.value)}
              placeholder="A message to the learners"
              maxLength={500}
              data-testid="class-message"
            />
            <Button
              disabled={!message.trim() || rows.length === 0}
              onClick={() => {
                act({ type: 'message', text: message.trim() });
                setMessage('');
              }}
            >
              Send
            </Button>
          </div>
          <div className="class-action-row">
            <Button
              disabled={rows.length === 0}
              onClick={() => act({ type: 'clock.pause' })}
              data-testid="class-pause"
            >
              Pause lab clocks
            </Button>
            <Button
              disabled={rows.length === 0}
              onClick={() => act({ type: 'clock.resume' })}
              data-testid="class-resume"
            >
              Resume lab clocks
            </Button>
          </div>
          <div className="class-action-row">
            <Button onClick={() => hostChannel().send({ kind: 'class.export' })} data-testid="class-export">
              Export class (CSV)
            </Button>
            <Button
              onClick={() => hostChannel().send({ kind: 'class.export', format: 'json' })}
              data-testid="class-export-json"
            >
              Results (JSON)
            </Button>
            <Button
              onClick={() => hostChannel().send({ kind: 'class.export', format: 'xapi' })}
              data-testid="class-export-xapi"
            >
              xAPI statements
            </Button>
            <Button
              disabled={running.ended}
              onClick={() => {
                if (window.confirm('End the class? Learners keep their labs; no one new can join.'))
                  act({ type: 'class.end' });
              }}
            >
              End class
            </Button>
          </div>
          <ErrorLine />
        </div>
      </div>
      <div className="class-table-head">
        <strong>
          Learners ({rows.filter((r) => r.connected).length} connected of {rows.length})
        </strong>
        <Input
          value={filter}
          onChange={(_, d) => setFilter(d.value)}
          placeholder="Filter by name or scenario"
          size="small"
          data-testid="class-filter"
        />
      </div>
      {rows.length === 0 ? (
        <p className="hint" data-testid="class-empty">
          No learner has joined yet.
        </p>
      ) : (
        <Table size="small" aria-label="Learners" data-testid="class-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>
                <Checkbox
                  aria-label="Select everyone"
                  checked={selected.size === 0 ? false : selected.size === rows.length ? true : 'mixed'}
                  onChange={(_, d) =>
                    setSelected(d.checked ? new Set(rows.map((r) => r.learnerId)) : new Set())
                  }
                />
              </TableHeaderCell>
              {header('name', 'Learner')}
              <TableHeaderCell>Link</TableHeaderCell>
              <TableHeaderCell>Scenario</TableHeaderCell>
              {header('objectives', 'Objectives')}
              {header('score', 'Score')}
              <TableHeaderCell>Hints</TableHeaderCell>
              <TableHeaderCell>Active / lab time</TableHeaderCell>
              <TableHeaderCell>Faults</TableHeaderCell>
              {header('lastActivity', 'Last activity')}
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((r) => {
              const p = r.progress;
              return (
                <TableRow
                  key={r.learnerId}
                  data-testid="class-row"
                  data-name={r.name}
                  aria-selected={detail === r.learnerId}
                  onClick={() => setDetail(detail === r.learnerId ? undefined : r.learnerId)}
                >
                  <TableCell onClick={(e) => e.stopPropagation()}>
                    <Checkbox
                      aria-label={`Select ${r.name}`}
                      checked={selected.has(r.learnerId)}
                      onChange={(_, d) => toggle(r.learnerId, d.checked === true)}
                    />
                  </TableCell>
                  <TableCell>
                    {r.name}
                    {r.results > 0 && r.flags.length === 0 && (
                      <Badge color="success" appearance="tint" data-testid="class-result">
                        result in
                      </Badge>
                    )}
                    {r.flags.length > 0 && (
                      <Badge
                        color="danger"
                        appearance="tint"
                        title={r.flags.join('\n')}
                        data-testid="class-result-flagged"
                      >
                        result differs
                      </Badge>
                    )}
                  </TableCell>
                  <TableCell data-testid="class-connected">
                    <Badge appearance="filled" color={r.connected ? 'success' : 'subtle'}>
                      {r.connected ? 'connected' : 'offline'}
                    </Badge>
                  </TableCell>
                  <TableCell>{p?.scenarioId ? title(p.scenarioId) : '–'}</TableCell>
                  <TableCell data-testid="class-objectives">
                    {p ? `${p.objectives.length}/${p.objectivesTotal}` : '–'}
                  </TableCell>
                  <TableCell data-testid="class-score">{p ? `${p.score}/${p.scoreMax}` : '–'}</TableCell>
                  <TableCell data-testid="class-hints">{p ? p.hints.length : '–'}</TableCell>
                  <TableCell>
                    {mmss(p?.activeMs)} / {mmss(p?.labMs)}
                  </TableCell>
                  <TableCell data-testid="class-faults">
                    {(p?.faults ?? []).map((f) => (
                      <Badge
                        key={f.id}
                        appearance="tint"
                        color={f.holds ? 'warning' : 'success'}
                        data-testid={`class-fault-${f.id}`}
                      >
                        {f.id} {f.holds ? 'holds' : 'fixed'}
                      </Badge>
                    ))}
                  </TableCell>
                  <TableCell>{ago(r.lastActivity, now)}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      {detailRow && (
        <section className="class-detail" data-testid="class-detail">
          <h4>
            {detailRow.name} · {detailRow.progress?.status ?? 'idle'}
          </h4>
          {detailRow.flags.map((f) => (
            <p key={f} className="form-error">
              {f}
            </p>
          ))}
          <ul>
            {(detailRow.progress?.timeline ?? []).map((t, i) => (
              <li key={i}>{t.text}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
