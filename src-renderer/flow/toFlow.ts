/**
 * The canvas's nodes and edges, as a pure function of the learner's view. Positions follow a fixed
 * plan: the cloud on top (the tenant above the Connect server's side, the mobile network and the
 * phone to the right of the internet), gateway and switch in the middle, the LAN's hosts along the
 * bottom. With the trace shown, the hops of the learner's own last flow are marked on nodes and edges.
 */
import { MarkerType, type Edge, type Node } from '@xyflow/react';
import type { DeviceView, LearnerView, LinkView } from '../../simulation';

/** What the map draws from the learner's view. */
type MapView = Pick<LearnerView, 'devices' | 'links' | 'lastFlow'>;

export type TraceMark = 'passed' | 'reached' | 'stopped';

export interface DeviceNodeData extends Record<string, unknown> {
  device: DeviceView;
  /** With the trace shown: what the learner's last flow did at this node. */
  trace?: TraceMark;
}

export type DeviceNode = Node<DeviceNodeData, 'device'>;

const COLUMN = 230;
const ROW = { cloud: 0, gateway: 170, switch: 320, hosts: 470 };

function position(d: DeviceView, hostIndex: number, hostCount: number): { x: number; y: number } {
  const centre = ((hostCount - 1) * COLUMN) / 2;
  switch (d.kind) {
    case 'tenant':
      return { x: 0, y: ROW.cloud };
    case 'internet':
      return { x: centre, y: ROW.cloud };
    case 'mobile':
      return { x: centre + COLUMN, y: ROW.cloud };
    case 'phone':
      return { x: centre + COLUMN * 2, y: ROW.cloud };
    case 'router':
      return { x: centre, y: ROW.gateway };
    case 'switch':
      return { x: centre, y: ROW.switch };
    default:
      return { x: hostIndex * COLUMN, y: ROW.hosts };
  }
}

/**
 * Edges run from a source handle (right, bottom) to a target handle (left, top), so each link is
 * drawn from its upper or left end. The tenant's two relations to the Connect server use handles
 * of their own, side by side, with an arrow for the direction each is opened in.
 */
function edgeOf(l: LinkView, pos: Map<string, { x: number; y: number }>): Edge {
  const a = pos.get(l.from) ?? { x: 0, y: 0 };
  const b = pos.get(l.to) ?? { x: 0, y: 0 };
  const vertical = a.y !== b.y;
  const fromFirst = vertical ? a.y < b.y : a.x < b.x;
  const [source, target] = fromFirst ? [l.from, l.to] : [l.to, l.from];
  const base = {
    id: l.id,
    source,
    target,
    className: `edge edge-${l.kind}${l.connected === false ? ' edge-down' : ''}`,
    // Only what anyone could see (a cable out); the legend tells the relations apart.
    label: l.connected === false ? 'unplugged' : undefined,
  };
  if (l.kind === 'sync' || l.kind === 'relay') {
    const side = l.kind === 'sync' ? 'a' : 'b';
    // Sync is opened by the Connect server towards the tenant; the relay carries the tenant's requests back.
    const towardsSource = l.kind === 'sync';
    return {
      ...base,
      sourceHandle: `bottom-${side}`,
      targetHandle: `top-${side}`,
      type: 'straight',
      ...(towardsSource
        ? { markerStart: { type: MarkerType.ArrowClosed } }
        : { markerEnd: { type: MarkerType.ArrowClosed } }),
    };
  }
  return {
    ...base,
    sourceHandle: vertical ? 'bottom' : 'right',
    targetHandle: vertical ? 'top' : 'left',
    type: vertical ? 'default' : 'straight',
  };
}

export interface FlowOptions {
  /** Mark the learner's last flow on the map. */
  trace?: boolean;
}

/** The hops to draw: the packet that stopped, if one did, else the last one (the test itself). */
function tracedHops(view: MapView): { id: string; state: TraceMark }[] {
  const flow = view.lastFlow;
  if (!flow) return [];
  const failed = flow.packets.find(
    (p) => p.result !== 'answered' || p.hops.some((h) => h.state === 'stopped'),
  );
  return (failed ?? flow.packets[flow.packets.length - 1])?.hops ?? [];
}

export function toFlow(view: MapView, options: FlowOptions = {}): { nodes: DeviceNode[]; edges: Edge[] } {
  const hosts = view.devices.filter((d) => d.kind === 'dc' || d.kind === 'sync' || d.kind === 'client');
  const hops = options.trace ? tracedHops(view) : [];
  const marks = new Map(hops.map((h) => [h.id, h.state]));
  const nodes: DeviceNode[] = view.devices.map((d) => {
    const mark = marks.get(d.id);
    return {
      id: d.id,
      type: 'device',
      position: position(d, hosts.indexOf(d), hosts.length),
      data: mark ? { device: d, trace: mark } : { device: d },
      draggable: false,
    };
  });
  const pos = new Map(nodes.map((n) => [n.id, n.position]));
  const onPath = new Set<string>();
  for (let i = 1; i < hops.length; i++) {
    const a = hops[i - 1]?.id;
    const b = hops[i]?.id;
    onPath.add(`${a}>${b}`).add(`${b}>${a}`);
  }
  const edges: Edge[] = view.links.map((l) => {
    const e = edgeOf(l, pos);
    return onPath.has(`${l.from}>${l.to}`)
      ? { ...e, className: `${e.className} edge-trace`, animated: true }
      : { ...e, animated: false };
  });
  return { nodes, edges };
}
