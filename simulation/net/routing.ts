/**
 * The routing kernel: given the network's state and a packet, decide whether it is delivered (and
 * to whom), refused at once (with a reason the sender can see), or dropped (the sender times out).
 * Pure data in, data out; the network actor calls it for every packet.
 */
import { BROADCAST, inCidr, isApipa, isPrivate, sameSubnet, type Ipv4 } from './ipv4';
import type { FirewallRule } from '../core/definition';
import type { Packet, RefuseReason } from './packets';
import { hearersOf, holdersOf } from './nicTable';

export type SegmentId = 'lan' | 'internet' | 'cellular';

export interface NicState {
  segment: SegmentId;
  mac?: string;
  addresses: { ip: Ipv4; mask: Ipv4 }[];
  gateway?: Ipv4;
  cableConnected: boolean;
  powered: boolean;
  /**
   * The UDP ports on which this device listens for broadcasts (a DHCP server: 67; a Windows host
   * without the role: none). A broadcast to such a port reaches only the devices listening on it,
   * not every NIC of the segment; a device that does not say hears every broadcast.
   */
  udpListen?: number[];
}

/** Broadcast ports that only their listeners hear (the rest of the segment would ignore them). */
const LISTENED_BROADCAST_PORTS = [67];

/** An outbound connection a LAN host keeps open, over which the far end may send to it. */
export interface OpenFlow {
  lanId: string;
  lanIp: Ipv4;
  remoteIp: Ipv4;
  port: number;
  host?: string;
}

export interface NetworkState {
  lan: { cidr: string; gateway: Ipv4 };
  router: { powered: boolean; wanUp: boolean };
  nics: Record<string, NicState>;
  firewall: FirewallRule[];
  flows: OpenFlow[];
}

/**
 * Whether an open flow still carries traffic: the LAN host is on its cable with the same address,
 * the router and WAN are up, and the edge firewall (stateful, re-evaluated) still allows it.
 */
export function flowOpen(state: NetworkState, flow: OpenFlow): boolean {
  const nic = state.nics[flow.lanId];
  if (!up(nic) || !nic.addresses.some((a) => a.ip === flow.lanIp)) return false;
  if (!state.router.powered || !state.router.wanUp) return false;
  const probe: Packet = {
    id: 'flow',
    srcId: flow.lanId,
    src: flow.lanIp,
    dst: flow.remoteIp,
    transport: 'tcp',
    port: flow.port,
    host: flow.host,
    body: { kind: 'tcp.syn' },
  };
  return firewallVerdict(state.firewall, 'outbound', probe, flow.lanIp).pass;
}

export function findFlow(state: NetworkState, lanIp: Ipv4, remoteIp: Ipv4): OpenFlow | undefined {
  return state.flows.find((f) => f.lanIp === lanIp && f.remoteIp === remoteIp);
}

/** Why a packet was dropped where the reason is not a firewall rule (the learner's trace reads these). */
export const DROP_REASON = {
  noHost: 'no such internet host',
  inboundClosed: 'the inbound connection is closed',
} as const;

export type RouteResult =
  | { kind: 'deliver'; to: string[]; path: 'local' | 'lan' | 'routed' | 'internet' | 'cellular' }
  | { kind: 'refuse'; reason: RefuseReason; by?: Ipv4 }
  | { kind: 'drop'; reason: string };

/** The trace's detail of a delivery (`internet → tenant`), made once per path and single target. */
const DELIVERY_DETAIL = new Map<string, Map<string, string>>();

export function deliveryDetail(path: string, to: readonly string[]): string {
  if (to.length !== 1) return `${path} → ${to.join(',')}`;
  const target = to[0] as string;
  let byTarget = DELIVERY_DETAIL.get(path);
  if (!byTarget) DELIVERY_DETAIL.set(path, (byTarget = new Map()));
  let detail = byTarget.get(target);
  if (detail === undefined) {
    detail = `${path} → ${target}`;
    if (byTarget.size < 1024) byTarget.set(target, detail);
  }
  return detail;
}

function up(nic: NicState | undefined): nic is NicState {
  return !!nic && nic.powered && nic.cableConnected;
}

/** The first NIC (in table order) on the segment, up, holding `ip`: by the table's address index. */
function owner(state: NetworkState, segment: SegmentId, ip: Ipv4): string | undefined {
  for (const id of holdersOf(state.nics, ip)) {
    const nic = state.nics[id];
    if (nic?.segment === segment && up(nic)) return id;
  }
  return undefined;
}

export function hostMatches(pattern: string, host: string | undefined): boolean {
  if (!host) return false;
  const p = pattern.toLowerCase();
  const h = host.toLowerCase();
  if (p.startsWith('*.')) return h.endsWith(p.slice(1)) || h === p.slice(2);
  return p === h;
}

function ruleMatches(
  rule: FirewallRule,
  direction: FirewallRule['direction'],
  packet: Packet,
  src: Ipv4,
): boolean {
  if (rule.direction !== direction) return false;
  if (rule.srcCidr && !inCidr(src, rule.srcCidr)) return false;
  if (rule.dstCidr && !inCidr(packet.dst, rule.dstCidr)) return false;
  if (rule.host && !hostMatches(rule.host, packet.host)) return false;
  if (rule.transport && rule.transport !== packet.transport) return false;
  if (rule.port !== undefined && rule.port !== packet.port) return false;
  return true;
}

/** First matching rule wins; with no match, outbound traffic passes and inbound is dropped. */
export function firewallVerdict(
  rules: readonly FirewallRule[],
  direction: FirewallRule['direction'],
  packet: Packet,
  src: Ipv4,
): { pass: true } | { pass: false; mode: 'drop' | 'reject'; rule?: string } {
  const rule = rules.find((r) => ruleMatches(r, direction, packet, src));
  if (!rule) return direction === 'outbound' ? { pass: true } : { pass: false, mode: 'drop' };
  if (rule.action === 'allow') return { pass: true };
  return { pass: false, mode: rule.mode ?? 'drop', rule: rule.id };
}

/** The address a sender uses on its cable: the first one bound, if any. */
export function primaryAddress(nic: NicState | undefined): { ip: Ipv4; mask: Ipv4 } | undefined {
  return nic?.addresses[0];
}

export function route(state: NetworkState, packet: Packet): RouteResult {
  const srcNic = state.nics[packet.srcId];
  // Loopback never touches the cable.
  if (packet.dst === '127.0.0.1' && srcNic?.powered)
    return { kind: 'deliver', to: [packet.srcId], path: 'local' };
  if (!up(srcNic)) return { kind: 'refuse', reason: 'local' };

  // Broadcast (DHCP): every other powered, connected NIC on the same segment hears it.
  if (packet.dst === BROADCAST) {
    const port =
      packet.transport === 'udp' &&
      packet.port !== undefined &&
      LISTENED_BROADCAST_PORTS.includes(packet.port)
        ? packet.port
        : undefined;
    const to: string[] = [];
    for (const id of hearersOf(state.nics, port)) {
      const nic = state.nics[id] as NicState;
      if (id === packet.srcId || nic.segment !== srcNic.segment || !up(nic)) continue;
      to.push(id);
    }
    return {
      kind: 'deliver',
      to,
      path: srcNic.segment === 'lan' ? 'lan' : srcNic.segment === 'cellular' ? 'cellular' : 'internet',
    };
  }

  const me = srcNic.addresses.find((a) => a.ip === packet.src) ?? primaryAddress(srcNic);
  if (!me) return { kind: 'refuse', reason: 'local' };
  if (
    packet.dst === me.ip ||
    packet.dst === '127.0.0.1' ||
    srcNic.addresses.some((a) => a.ip === packet.dst)
  ) {
    return { kind: 'deliver', to: [packet.srcId], path: 'local' };
  }

  // Devices out on the internet or the mobile network reach each other directly, and reach a LAN
  // host only over a connection that host opened and that is still open.
  if (srcNic.segment !== 'lan') {
    const target = owner(state, 'internet', packet.dst) ?? owner(state, 'cellular', packet.dst);
    if (target)
      return { kind: 'deliver', to: [target], path: srcNic.segment === 'cellular' ? 'cellular' : 'internet' };
    const flow = inCidr(packet.dst, state.lan.cidr) ? findFlow(state, packet.dst, me.ip) : undefined;
    if (flow && flowOpen(state, flow)) return { kind: 'deliver', to: [flow.lanId], path: 'internet' };
    return { kind: 'drop', reason: flow ? DROP_REASON.inboundClosed : DROP_REASON.noHost };
  }

  // On-link: ARP for the destination itself.
  if (sameSubnet(me.ip, packet.dst, me.mask)) {
    const target = owner(state, 'lan', packet.dst);
    if (target) return { kind: 'deliver', to: [target], path: 'lan' };
    if (packet.dst === state.lan.gateway && state.router.powered) {
      return { kind: 'deliver', to: ['router'], path: 'lan' };
    }
    return { kind: 'refuse', reason: 'host-unreachable', by: me.ip };
  }

  // Off-link: needs a default gateway on this link, and that gateway must answer ARP.
  const gw = srcNic.gateway;
  if (!gw || isApipa(me.ip) || !sameSubnet(me.ip, gw, me.mask)) return { kind: 'refuse', reason: 'local' };
  if (gw !== state.lan.gateway || !state.router.powered) {
    return { kind: 'refuse', reason: 'host-unreachable', by: me.ip };
  }

  // The router: another LAN address, or out to the internet through the edge firewall.
  if (inCidr(packet.dst, state.lan.cidr)) {
    const target = owner(state, 'lan', packet.dst);
    return target
      ? { kind: 'deliver', to: [target], path: 'routed' }
      : { kind: 'refuse', reason: 'host-unreachable', by: gw };
  }
  if (isPrivate(packet.dst)) {
    return { kind: 'refuse', reason: 'net-unreachable', by: gw };
  }
  if (!state.router.wanUp) return { kind: 'refuse', reason: 'net-unreachable', by: gw };
  const fw = firewallVerdict(state.firewall, 'outbound', packet, me.ip);
  if (!fw.pass) {
    return fw.mode === 'reject'
      ? { kind: 'refuse', reason: 'rejected', by: gw }
      : { kind: 'drop', reason: `edge firewall rule ${fw.rule ?? ''}`.trim() };
  }
  const target = owner(state, 'internet', packet.dst) ?? owner(state, 'cellular', packet.dst);
  return target
    ? { kind: 'deliver', to: [target], path: 'internet' }
    : { kind: 'drop', reason: DROP_REASON.noHost };
}

/**
 * Whether a reply can travel back to the requester. Replies ride the requester's own flow, so the
 * stateful edge firewall lets them in; what matters is that the requester is still on its cable
 * with the address it asked from, and (for internet traffic) that the WAN is still up and the
 * outbound rule still lets the flow exist.
 */
export function canReturn(state: NetworkState, request: Packet): boolean {
  const nic = state.nics[request.srcId];
  if (!up(nic)) return false;
  // An answer from a LAN host to something out on the internet rides that host's open flow.
  if (nic.segment !== 'lan' && inCidr(request.dst, state.lan.cidr)) {
    const flow = findFlow(state, request.dst, request.src);
    return !!flow && flowOpen(state, flow);
  }
  if (request.src !== '0.0.0.0' && !nic.addresses.some((a) => a.ip === request.src)) return false;
  const crossesWan =
    nic.segment === 'lan' && request.dst !== '255.255.255.255' && !inCidr(request.dst, state.lan.cidr);
  if (crossesWan) {
    if (!state.router.powered || !state.router.wanUp) return false;
    if (!firewallVerdict(state.firewall, 'outbound', request, request.src).pass) return false;
  }
  return true;
}
