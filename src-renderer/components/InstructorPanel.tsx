import { makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import {
  formatShortDateTime,
  DEFAULT_PARAMS,
  FAULTS,
  type FaultCategory,
  TRIGGERS,
  TRIGGER_IDS,
  type TriggerId,
} from '../../simulation';
import { useDispatch } from '../hooks/useDispatch';
import { useLabController, useLearnerView } from '../lab/LabContext';
import { useUi } from '../state/uiStore';

const useStyles = makeStyles({
  drawer: {
    position: 'fixed',
    // Under the top bar however many rows it wraps to (TopBar measures it).
    top: 'var(--topbar-bottom, 52px)',
    right: 0,
    bottom: 0,
    width: '460px',
    backgroundColor: tokens.colorNeutralBackground1,
    borderLeft: `3px solid ${tokens.colorPaletteMarigoldBorderActive}`,
    boxShadow: tokens.shadow16,
    overflow: 'auto',
    padding: '10px 14px',
    zIndex: 50,
    fontSize: '13px',
    '& h4': { margin: '12px 0 6px' },
    '& table': { borderCollapse: 'collapse', width: '100%' },
    '& th, & td': {
      textAlign: 'left',
      padding: '6px 8px',
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
      verticalAlign: 'top',
    },
    '& th': { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightSemibold },
  },
  head: {
    display: 'flex',
    gap: '8px',
    alignItems: 'center',
    marginBottom: '8px',
    '& .btn': { marginLeft: 'auto' },
  },
  params: { display: 'flex', flexWrap: 'wrap', gap: '8px', marginBottom: '8px' },
  group: {
    fontSize: '11px',
    textTransform: 'uppercase',
    letterSpacing: '0.04em',
    color: tokens.colorNeutralForeground3,
    padding: '10px 0 4px',
  },
  row: {
    display: 'grid',
    gridTemplateColumns: '36px minmax(0, 1fr) auto',
    gap: '6px',
    alignItems: 'center',
    padding: '3px 0',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  id: { fontWeight: tokens.fontWeightSemibold },
});

/**
 * The instructor's drawer: the fault catalog, the faults in place (and whether the learner has
 * fixed them yet), and faults waiting for a lab time or a trigger. It reads the lab's truth through
 * the controller; nothing here is part of the learner's view.
 */
export function InstructorPanel() {
  const st = useStyles();
  const open = useUi((s) => s.instructorOpen);
  const setOpen = useUi((s) => s.setInstructorOpen);
  const view = useLearnerView(); // re-render when the lab changes
  const controller = useLabController();
  const lab = controller.current;
  const { send, error } = useDispatch();
  const [user, setUser] = useState(DEFAULT_PARAMS.user);
  const [pc, setPc] = useState(DEFAULT_PARAMS.pc);
  const [when, setWhen] = useState<'now' | 'minutes' | TriggerId>('now');
  const [minutes, setMinutes] = useState('10');
  const active = open ? lab.faultStatus() : [];
  const report = open && controller.scenario ? controller.scenario.report(true) : undefined;
  const scheduled = open ? lab.scheduledFaults() : [];
  const byCategory = useMemo(() => {
    const m = new Map<FaultCategory, typeof FAULTS>();
    for (const f of FAULTS) m.set(f.category, [...(m.get(f.category) ?? []), f]);
    return [...m.entries()];
  }, []);
  if (!open) return null;
  const tz = view.time.offsetMinutes;
  const pcs = lab.definition.hosts.filter((h) => h.kind === 'client');
  const users = lab.definition.users.filter((u) => !/^administrator$/i.test(u.sam));
  const put = (fault: string) => {
    const params = { user, pc };
    if (when === 'now') send({ type: 'fault.inject', fault, params });
    else if (when === 'minutes') {
      const m = Number(minutes);
      if (!Number.isFinite(m) || m <= 0) return;
      send({ type: 'fault.schedule', fault, params, at: view.time.now + Math.round(m * 60_000) });
    } else send({ type: 'fault.schedule', fault, params, trigger: when });
  };
  return (
    <aside className={st.drawer} aria-label="Instructor" data-testid="instructor-panel">
      <div className={st.head}>
        <strong>Instructor</strong>
        <span className="hint">Hidden from the learner's surfaces. Close it before handing over.</span>
        <button type="button" className="btn btn-small" onClick={() => setOpen(false)}>
          Close
        </button>
      </div>
      {report && (
        <section data-testid="instructor-scenario">
          <h4>Scenario: {report.scenario.title}</h4>
          {controller.scenario?.scenario.summary && (
            <p data-testid="instructor-scenario-summary">{controller.scenario.scenario.summary}</p>
          )}
          <p className="hint">
            Seed {report.seed} · user {report.variant?.user} · PC {report.variant?.pc} · status{' '}
            {report.status} · score {report.score.total}/{report.score.max}
          </p>
          <table>
            <tbody>
              {(report.faults ?? []).map((f) => (
                <tr key={f.id}>
                  <td>
                    <strong>{f.id}</strong>
                  </td>
                  <td>{f.title}</td>
                  <td className="nowrap">
                    {f.injectedAt === undefined
                      ? 'not yet in place'
                      : f.stoppedHoldingAt !== undefined
                        ? `fixed ${formatShortDateTime(f.stoppedHoldingAt, tz)}`
                        : 'still holds'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <section>
        <h4>Faults in place ({active.length})</h4>
        {active.length === 0 && <p className="hint">None.</p>}
        <table data-testid="faults-active">
          <tbody>
            {active.map((f) => (
              <tr key={f.id}>
                <td className="nowrap">
                  <strong>{f.id}</strong>
                </td>
                <td>
                  {f.title}
                  <div className="hint">
                    {f.target} · since {formatShortDateTime(f.injectedAt, tz)}
                  </div>
                </td>
                <td className={f.holds ? 'bad' : 'ok'} data-testid={`fault-state-${f.id}`}>
                  {f.holds ? 'still holds' : 'fixed'}
                </td>
                <td>
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={() => send({ type: 'fault.clear', fault: f.id })}
                  >
                    Clear
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {scheduled.length > 0 && (
        <section>
          <h4>Scheduled ({scheduled.length})</h4>
          <table data-testid="faults-scheduled">
            <tbody>
              {scheduled.map((s) => (
                <tr key={s.id}>
                  <td>
                    <strong>{s.id}</strong>
                  </td>
                  <td>
                    {s.at !== undefined
                      ? `at ${formatShortDateTime(s.at, tz)}`
                      : s.trigger
                        ? `when ${TRIGGERS[s.trigger].label}`
                        : ''}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="btn btn-small"
                      onClick={() => send({ type: 'fault.unschedule', fault: s.id })}
                    >
                      Cancel
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <section>
        <h4>Fault catalog</h4>
        <div className={st.params}>
          <label>
            User{' '}
            <select value={user} onChange={(e) => setUser(e.target.value)}>
              {users.map((u) => (
                <option key={u.sam} value={u.sam}>
                  {u.sam}
                </option>
              ))}
            </select>
          </label>
          <label>
            PC{' '}
            <select value={pc} onChange={(e) => setPc(e.target.value)}>
              {pcs.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.hostname}
                </option>
              ))}
            </select>
          </label>
          <label>
            When{' '}
            <select
              value={when}
              onChange={(e) => setWhen(e.target.value as typeof when)}
              data-testid="fault-when"
            >
              <option value="now">now</option>
              <option value="minutes">after a delay</option>
              {TRIGGER_IDS.map((t) => (
                <option key={t} value={t}>
                  when {TRIGGERS[t].label}
                </option>
              ))}
            </select>
          </label>
          {when === 'minutes' && (
            <label>
              minutes{' '}
              <input value={minutes} onChange={(e) => setMinutes(e.target.value)} style={{ width: 50 }} />
            </label>
          )}
        </div>
        {error && <p className="form-error">{error}</p>}
        {byCategory.map(([cat, faults]) => (
          <div key={cat} className="fault-group">
            <div className={st.group}>{cat}</div>
            {faults.map((f) => {
              const isActive = active.some((a) => a.id === f.id);
              return (
                <div key={f.id} className={st.row}>
                  <span className={st.id}>{f.id}</span>
                  <span className="fault-title">{f.title}</span>
                  <button
                    type="button"
                    className="btn btn-small"
                    disabled={isActive}
                    onClick={() => put(f.id)}
                    data-testid={`inject-${f.id}`}
                  >
                    {when === 'now' ? 'Inject' : 'Schedule'}
                  </button>
                </div>
              );
            })}
          </div>
        ))}
      </section>
    </aside>
  );
}
