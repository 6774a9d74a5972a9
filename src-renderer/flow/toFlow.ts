/**
 * The canvas's nodes and edges, as a pure function of the learner's view. Positions follow a fixed
 * plan: cloud on top, gateway and switch in the middle, the LAN's hosts along the bottom.
 */
import type { Edge, Node } from '@xyflow/react';
import type { DeviceView, LearnerView } from '../../simulation';

export interface DeviceNodeData extends Record<string, unknown> {
  device: DeviceView;
}

export type DeviceNode = Node<DeviceNodeData, 'device'>;

const COLUMN = 230;
const ROW = { cloud: 0, gateway: 170, switch: 320, hosts: 470 };

function position(d: DeviceView, hostIndex: number, hostCount: number): { x: number; y: number } {
  const centre = ((hostCount - 1) * COLUMN) / 2;
  switch (d.kind) {
    case 'internet':
      return { x: centre, y: ROW.cloud };
    case 'tenant':
      return { x: centre + COLUMN * 1.5, y: ROW.cloud };
    case 'phone':
      return { x: centre - COLUMN * 1.5, y: ROW.cloud };
    case 'router':
      return { x: centre, y: ROW.gateway };
    case 'switch':
      return { x: centre, y: ROW.switch };
    default:
      return { x: hostIndex * COLUMN, y: ROW.hosts };
  }
}

export function toFlow(view: LearnerView): { nodes: DeviceNode[]; edges: Edge[] } {
  const hosts = view.devices.filter((d) => d.kind === 'dc' || d.kind === 'sync' || d.kind === 'client');
  const nodes: DeviceNode[] = view.devices.map((d) => ({
    id: d.id,
    type: 'device',
    position: position(d, hosts.indexOf(d), hosts.length),
    data: { device: d },
    draggable: false,
  }));
  // Cloud-side links run sideways from the internet; cables run down from switch to hosts.
  const sideways = (kind: string) => kind === 'cloud' || kind === 'cellular';
  const edges: Edge[] = view.links.map((l) => ({
    id: l.id,
    source: l.kind === 'cellular' ? l.from : l.to,
    target: l.kind === 'cellular' ? l.to : l.from,
    sourceHandle: sideways(l.kind) ? 'right' : 'bottom',
    targetHandle: sideways(l.kind) ? 'left' : 'top',
    type: sideways(l.kind) ? 'straight' : 'default',
    className: `edge edge-${l.kind}${l.connected === false ? ' edge-down' : ''}`,
    animated: false,
    label: l.kind === 'cellular' ? 'mobile network' : l.connected === false ? 'unplugged' : undefined,
  }));
  return { nodes, edges };
}
