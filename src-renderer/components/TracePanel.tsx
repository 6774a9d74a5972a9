/**
 * The trace of the learner's own last flow (a ping, a Test-NetConnection, a sign-in on a PC): each
 * packet's hops in order, where it stopped, and the reason the lab recorded. Only what the learner
 * ran is ever here (the engine records nothing else), so it answers "where did my test stop?",
 * never "what is broken?".
 */
import { makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import type { TracePacketView } from '../../simulation';
import { useFirstScreenView } from '../lab/LabContext';
import { useMapUi } from '../state/mapUi';
import { ResultIcon } from './DeviceNodeView';

const useStyles = makeStyles({
  panel: {
    borderLeft: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    padding: '14px 16px',
    overflow: 'auto',
    '& h2': { margin: 0, fontSize: '18px' },
    '& h3': { margin: '14px 0 4px', fontSize: '13px', overflowWrap: 'anywhere' },
  },
  label: {
    fontFamily: 'var(--mono)',
    fontSize: '12px',
    wordBreak: 'break-all',
    margin: '6px 0',
  },
  verdict: { display: 'flex', alignItems: 'center', gap: '6px', fontWeight: tokens.fontWeightSemibold },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
  hops: { listStyle: 'none', padding: 0, margin: '4px 0', display: 'flex', flexWrap: 'wrap', gap: '2px' },
  hop: {
    fontSize: '12px',
    padding: '1px 6px',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  arrow: { color: tokens.colorNeutralForeground3, fontSize: '12px', padding: '1px 0' },
  reached: { ...shorthands.borderColor(tokens.colorPaletteGreenBorderActive) },
  stopped: {
    ...shorthands.borderColor(tokens.colorPaletteRedBorderActive),
    color: tokens.colorPaletteRedForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
  text: { fontSize: '12px', margin: '2px 0 0' },
  close: { marginTop: '12px' },
});

function Packet({ p }: { p: TracePacketView }) {
  const s = useStyles();
  return (
    <li data-testid="trace-packet">
      <h3>
        {p.what} <span className="muted">to {p.dst}</span>
      </h3>
      <ol className={s.hops} aria-label={`Hops of ${p.what}`}>
        {p.hops.map((h, i) => (
          <li key={`${h.id}-${i}`} style={{ display: 'contents' }}>
            {i > 0 && (
              <span className={s.arrow} aria-hidden="true">
                →
              </span>
            )}
            <span
              className={mergeClasses(
                s.hop,
                h.state === 'reached' && s.reached,
                h.state === 'stopped' && s.stopped,
              )}
              data-testid={`trace-hop-${h.state}`}
            >
              {h.name}
              {h.state === 'stopped' && <span className="visually-hidden"> (stopped here)</span>}
            </span>
          </li>
        ))}
      </ol>
      <p className={mergeClasses(s.text, p.result !== 'answered' && s.bad)} data-testid="trace-text">
        {p.text}
      </p>
    </li>
  );
}

export function TracePanel() {
  const s = useStyles();
  const flow = useFirstScreenView().lastFlow;
  const setTraceOpen = useMapUi((st) => st.setTraceOpen);
  return (
    <aside className={s.panel} aria-label="Trace of your last test" data-testid="trace-panel">
      <h2>Trace</h2>
      {!flow ? (
        <p className="muted">
          Run a test to see its path here: ping, Test-NetConnection, Resolve-DnsName or nslookup in a console,
          a sign-in on a PC, or a password reset that goes back to Active Directory. Only what you run is
          traced.
        </p>
      ) : (
        <>
          <p className="muted">Your last test, run on {flow.fromName}:</p>
          <p className={s.label} data-testid="trace-label">
            {flow.label}
          </p>
          <p className={mergeClasses(s.verdict, flow.ok ? s.ok : s.bad)} data-testid="trace-verdict">
            <ResultIcon ok={flow.ok} />
            {flow.ok ? 'Every packet got an answer' : 'Stopped: see the hop marked in red'}
          </p>
          <ol style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {flow.packets.map((p, i) => (
              <Packet key={i} p={p} />
            ))}
          </ol>
          {flow.more > 0 && <p className="muted">…and {flow.more} more packets like these.</p>}
        </>
      )}
      <button type="button" className={mergeClasses('btn', s.close)} onClick={() => setTraceOpen(false)}>
        Back to device details
      </button>
    </aside>
  );
}
