import { makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { DeviceNode } from '../flow/toFlow';
import { DeviceIcon } from './DeviceIcon';

const useStyles = makeStyles({
  device: {
    width: '190px',
    padding: '8px 10px',
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusXLarge,
    boxShadow: tokens.shadow2,
    cursor: 'pointer',
    '& .react-flow__handle': { opacity: 0 },
  },
  narrow: { width: '170px' },
  wide: { width: '210px' },
  selected: {
    ...shorthands.borderColor(tokens.colorBrandForeground1),
    boxShadow: `0 0 0 2px ${tokens.colorBrandBackground2}, ${tokens.shadow4}`,
  },
  off: { opacity: 0.6 },
  head: { display: 'flex', alignItems: 'center', gap: '8px' },
  icon: { display: 'flex', color: tokens.colorBrandForeground1 },
  server: { color: tokens.colorPalettePurpleForeground2 },
  cloud: { color: '#0078d4' },
  name: { fontWeight: tokens.fontWeightSemibold, flex: 1 },
  role: { color: tokens.colorNeutralForeground3, fontSize: '12px', marginTop: '2px' },
  address: {
    fontFamily: 'var(--mono)',
    fontSize: '12px',
    marginTop: '6px',
    display: 'flex',
    justifyContent: 'space-between',
    gap: '6px',
    wordBreak: 'break-all',
  },
  stacked: { flexDirection: 'column' },
  list: { display: 'flex', flexDirection: 'column' },
  note: {
    fontFamily: tokens.fontFamilyBase,
    color: tokens.colorNeutralForeground3,
    fontSize: '11px',
    whiteSpace: 'nowrap',
  },
  dot: {
    width: '9px',
    height: '9px',
    borderRadius: '50%',
    backgroundColor: tokens.colorPaletteGreenForeground1,
  },
  dotOff: { backgroundColor: tokens.colorNeutralForeground4 },
  dotCut: { backgroundColor: tokens.colorPaletteRedForeground1 },
  test: {
    display: 'flex',
    alignItems: 'center',
    gap: '4px',
    marginTop: '6px',
    fontSize: '11px',
    fontWeight: tokens.fontWeightSemibold,
  },
  testOk: { color: tokens.colorPaletteGreenForeground1 },
  testFailed: { color: tokens.colorPaletteRedForeground1 },
  passed: { ...shorthands.borderColor(tokens.colorBrandStroke1) },
  reached: {
    ...shorthands.borderColor(tokens.colorPaletteGreenBorderActive),
    boxShadow: `0 0 0 2px ${tokens.colorPaletteGreenBorderActive}`,
  },
  stopped: {
    ...shorthands.borderColor(tokens.colorPaletteRedBorderActive),
    boxShadow: `0 0 0 2px ${tokens.colorPaletteRedBorderActive}`,
  },
});

/** The small mark of a test's result: a tick in a circle, or a cross in one (SVG, not emoji). */
export function ResultIcon({ ok }: { ok: boolean }) {
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" fill="none" stroke="currentColor">
      <circle cx="6" cy="6" r="5.2" strokeWidth="1.3" />
      {ok ? (
        <path d="M3.6 6.2 5.3 7.9 8.5 4.4" strokeWidth="1.5" />
      ) : (
        <path d="M4.2 4.2 7.8 7.8M7.8 4.2 4.2 7.8" strokeWidth="1.5" />
      )}
    </svg>
  );
}

/** One device on the canvas: its name, role and address as a learner would see them. */
/**
 * Where edges meet a device: targets on its top and left (two extra on top, for the tenant's
 * relations to SYNC01 beside the LAN's), sources on its bottom and right. Not connectable: the map
 * is drawn from the lab, not edited.
 */
const HANDLES = {
  in: [
    { id: 'top', type: 'target', position: Position.Top },
    { id: 'top-a', type: 'target', position: Position.Top, left: '20%' },
    { id: 'top-b', type: 'target', position: Position.Top, left: '34%' },
    { id: 'left', type: 'target', position: Position.Left },
  ],
  out: [
    { id: 'bottom', type: 'source', position: Position.Bottom },
    { id: 'bottom-a', type: 'source', position: Position.Bottom, left: '42%' },
    { id: 'bottom-b', type: 'source', position: Position.Bottom, left: '58%' },
    { id: 'right', type: 'source', position: Position.Right },
  ],
} as const satisfies Record<
  'in' | 'out',
  readonly { id: string; type: 'source' | 'target'; position: Position; left?: string }[]
>;

function Handles({ side }: { side: 'in' | 'out' }) {
  return HANDLES[side].map((h) => (
    <Handle
      key={h.id}
      id={h.id}
      type={h.type}
      position={h.position}
      isConnectable={false}
      {...('left' in h ? { style: { left: h.left } } : {})}
    />
  ));
}

export const DeviceNodeView = memo(function DeviceNodeView({ data, selected }: NodeProps<DeviceNode>) {
  const d = data.device;
  const mark = data.trace;
  const s = useStyles();
  const cloudy = d.kind === 'tenant' || d.kind === 'phone';
  return (
    <div
      className={mergeClasses(
        s.device,
        (d.kind === 'switch' || d.kind === 'router' || d.kind === 'internet') && s.narrow,
        d.kind === 'tenant' && s.wide,
        selected && s.selected,
        d.status === 'off' && s.off,
        mark && s[mark],
      )}
      data-testid={`device-${d.id}`}
      data-trace={mark}
    >
      <Handles side="in" />
      <div className={s.head}>
        <span
          className={mergeClasses(
            s.icon,
            (d.kind === 'dc' || d.kind === 'sync') && s.server,
            d.kind === 'tenant' && s.cloud,
          )}
        >
          <DeviceIcon kind={d.kind} />
        </span>
        <span className={s.name}>{d.name}</span>
        <span
          className={mergeClasses(
            s.dot,
            d.status === 'off' && s.dotOff,
            d.status === 'disconnected' && s.dotCut,
          )}
          title={d.status === 'on' ? 'On' : d.status === 'off' ? 'Powered off' : 'Cable unplugged'}
        />
      </div>
      <div className={s.role}>{d.role}</div>
      {(d.addresses.length > 0 || d.addressNote) && (
        <div className={mergeClasses(s.address, cloudy && s.stacked)} data-testid={`address-${d.id}`}>
          <span className={s.list}>
            {d.addresses.length > 0 ? d.addresses.map((a) => <span key={a}>{a}</span>) : '—'}
          </span>
          {d.addressNote && <span className={s.note}>{d.addressNote}</span>}
        </div>
      )}
      {d.lastTest && (
        <div
          className={mergeClasses(s.test, d.lastTest.ok ? s.testOk : s.testFailed)}
          data-testid={`last-test-${d.id}`}
          title={d.lastTest.label}
        >
          <ResultIcon ok={d.lastTest.ok} />
          {d.lastTest.ok ? 'Your last test got through' : 'Your last test failed'}
        </div>
      )}
      <Handles side="out" />
    </div>
  );
});
