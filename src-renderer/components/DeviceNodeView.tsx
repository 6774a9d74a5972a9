import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { DeviceNode } from '../flow/toFlow';
import { DeviceIcon } from './DeviceIcon';

/** One device on the canvas: its name, role and address as a learner would see them. */
export const DeviceNodeView = memo(function DeviceNodeView({ data, selected }: NodeProps<DeviceNode>) {
  const d = data.device;
  return (
    <div
      className={`device device-${d.kind} status-${d.status}${selected ? ' is-selected' : ''}`}
      data-testid={`device-${d.id}`}
    >
      <Handle id="top" type="target" position={Position.Top} isConnectable={false} />
      <Handle id="left" type="target" position={Position.Left} isConnectable={false} />
      <div className="device-head">
        <span className="device-icon">
          <DeviceIcon kind={d.kind} />
        </span>
        <span className="device-name">{d.name}</span>
        <span
          className={`status-dot status-${d.status}`}
          title={d.status === 'on' ? 'On' : d.status === 'off' ? 'Powered off' : 'Cable unplugged'}
        />
      </div>
      <div className="device-role">{d.role}</div>
      {(d.addresses.length > 0 || d.addressNote) && (
        <div className="device-address" data-testid={`address-${d.id}`}>
          <span className="address-list">
            {d.addresses.length > 0 ? d.addresses.map((a) => <span key={a}>{a}</span>) : '—'}
          </span>
          {d.addressNote && <span className="address-note">{d.addressNote}</span>}
        </div>
      )}
      <Handle id="bottom" type="source" position={Position.Bottom} isConnectable={false} />
      <Handle id="right" type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
});
