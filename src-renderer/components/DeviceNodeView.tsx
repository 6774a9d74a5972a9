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
});

/** One device on the canvas: its name, role and address as a learner would see them. */
export const DeviceNodeView = memo(function DeviceNodeView({ data, selected }: NodeProps<DeviceNode>) {
  const d = data.device;
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
      )}
      data-testid={`device-${d.id}`}
    >
      <Handle id="top" type="target" position={Position.Top} isConnectable={false} />
      <Handle id="left" type="target" position={Position.Left} isConnectable={false} />
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
      <Handle id="bottom" type="source" position={Position.Bottom} isConnectable={false} />
      <Handle id="right" type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
});
