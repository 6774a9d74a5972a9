/**
 * The learner's last flow: the hops that the packets of something the learner ran (a console
 * command, a sign-in) actually took, from the network's own delivery, refusal and drop decisions,
 * and where each one stopped. Only packets marked `learnerFlow` are recorded, so background traffic
 * (sync cycles, password hash sync, DHCP) and anything an instructor does never shows up. A stop is
 * recorded as what the packets met (a gateway with no route, a drop at the edge firewall, a closed
 * port), never as a fault: no rule id, no fault id.
 *
 * Pure data in, data out; the network actor keeps the record and calls these on every decision.
 */
import { inCidr, type Ipv4 } from './ipv4';
import type { Message, Packet, RefuseReason } from './packets';
import { DROP_REASON, type NetworkState, type NicState, type RouteResult } from './routing';

/** Why a packet went no further, as the lab recorded it. */
export type FlowStop =
  /** The sender's adapter has no link (cable out, or the machine is off). */
  | { code: 'no-link' }
  /** The sender has no usable IPv4 address on that adapter. */
  | { code: 'no-address' }
  /** The destination is off-link and the sender has no usable default gateway. */
  | { code: 'no-gateway' }
  /** Nothing answered ARP for the next hop on the LAN. */
  | { code: 'host-unreachable'; by: Ipv4 }
  /** The gateway has no way to the destination network. */
  | { code: 'net-unreachable'; by: Ipv4 }
  /** The edge firewall dropped it: nothing comes back, the sender times out. */
  | { code: 'firewall-drop' }
  /** The edge firewall rejected it at once. */
  | { code: 'firewall-reject' }
  /** No host answers at that address on the internet. */
  | { code: 'no-host' }
  /** From outside, a LAN host is reachable only over a connection it opened, and there is none open. */
  | { code: 'inbound-closed' }
  /** The destination itself turned it away (TCP reset / ICMP port unreachable). */
  | { code: 'refused'; reason: RefuseReason }
  /** An answer was sent, but could not travel back to the sender. */
  | { code: 'reply-lost' };

export interface FlowPacket {
  packetId: string;
  /** What the packet was: `ICMP echo`, `TCP 443`, `DNS A login.microsoftonline.com`... */
  what: string;
  from: string;
  dst: Ipv4;
  /** Map nodes the packet passed, in order: device ids, `switch`, `router`, `internet`, `mobile`. */
  hops: string[];
  /** `answered`: a reply came back; `stopped`: see `stop` (at the last hop); `pending`: on its way. */
  result: 'answered' | 'stopped' | 'pending';
  stop?: FlowStop;
  /** What came back, in a word or two (`echo reply`, `connected`, `NOERROR`, `NXDOMAIN`). */
  answer?: string;
}

export interface LearnerFlow {
  id: string;
  label: string;
  /** The device the learner ran it on. */
  from: string;
  packets: FlowPacket[];
  /** Packets beyond the first FLOW_PACKET_LIMIT (a long ping), counted but not kept. */
  more: number;
}

export const FLOW_PACKET_LIMIT = 12;

export function describePacket(p: Packet): string {
  const body = p.body;
  switch (body.kind) {
    case 'icmp.echo':
      return 'ICMP echo';
    case 'tcp.syn':
      return `TCP ${p.port ?? ''}`.trim();
    case 'dns.query':
      return `DNS ${body.qtype} ${body.name}`;
    case 'app.relay.request':
      return `TCP ${p.port ?? 443} writeback request (relay)`;
    default: {
      const proto = p.transport.toUpperCase();
      return p.port !== undefined ? `${proto} ${p.port} (${body.kind})` : `${proto} (${body.kind})`;
    }
  }
}

/**
 * What an answer says, briefly: its kind, never its content beyond what the learner's tool prints
 * (a writeback reply is not opened: whether it succeeded is for the SSPR page and the logs to say).
 */
export function describeAnswer(body: Message): string {
  switch (body.kind) {
    case 'icmp.echoReply':
      return 'echo reply';
    case 'tcp.accept':
      return 'connected';
    case 'dns.response':
      return body.rcode;
    case 'app.relay.response':
      return 'writeback reply';
    default:
      return 'reply';
  }
}

function up(nic: NicState | undefined): boolean {
  return !!nic && nic.powered && nic.cableConnected;
}

/** The map node that owns an address on the internet side, or undefined. */
function outsideOwner(state: NetworkState, ip: Ipv4): string | undefined {
  for (const [id, nic] of Object.entries(state.nics)) {
    if (nic.segment !== 'lan' && up(nic) && nic.addresses.some((a) => a.ip === ip)) return id;
  }
  return undefined;
}

/** The way out of the sender's segment, as map nodes. */
function exitOf(state: NetworkState, src: string): string[] {
  const seg = state.nics[src]?.segment;
  return seg === 'lan'
    ? [src, 'switch', 'router', 'internet']
    : seg === 'cellular'
      ? [src, 'mobile', 'internet']
      : [src, 'internet'];
}

function dedupe(hops: string[]): string[] {
  return hops.filter((h, i) => h !== hops[i - 1]);
}

/** The hops a routing decision sent a packet over, and where it stopped if it did. */
export function flowHops(
  state: NetworkState,
  packet: Packet,
  verdict: RouteResult,
): { hops: string[]; stop?: FlowStop } {
  const src = packet.srcId;
  const nic = state.nics[src];
  const lan = nic?.segment === 'lan';
  if (verdict.kind === 'deliver') {
    const to = verdict.to[0] ?? src;
    switch (verdict.path) {
      case 'local':
        return { hops: [src] };
      case 'lan':
        return { hops: dedupe([src, 'switch', to === 'router' ? 'router' : to]) };
      case 'routed':
        return { hops: [src, 'switch', 'router', 'switch', to] };
      case 'cellular':
      case 'internet':
        if (lan) return { hops: dedupe([...exitOf(state, src), to]) };
        // From outside into the LAN, over a connection the LAN host opened.
        if (inCidr(packet.dst, state.lan.cidr) && !outsideOwner(state, packet.dst))
          return { hops: dedupe([...exitOf(state, src), 'router', 'switch', to]) };
        return { hops: dedupe([...exitOf(state, src), to]) };
    }
  }
  if (verdict.kind === 'refuse') {
    switch (verdict.reason) {
      case 'local': {
        const code = !up(nic) ? 'no-link' : nic?.addresses.length ? 'no-gateway' : 'no-address';
        return { hops: [src], stop: { code } };
      }
      case 'host-unreachable':
        return verdict.by === state.lan.gateway
          ? { hops: [src, 'switch', 'router'], stop: { code: 'host-unreachable', by: verdict.by } }
          : { hops: [src, 'switch'], stop: { code: 'host-unreachable', by: verdict.by ?? packet.src } };
      case 'net-unreachable':
        return {
          hops: [src, 'switch', 'router'],
          stop: { code: 'net-unreachable', by: verdict.by ?? state.lan.gateway },
        };
      case 'rejected':
        return { hops: [src, 'switch', 'router'], stop: { code: 'firewall-reject' } };
      default:
        return { hops: [src], stop: { code: 'refused', reason: verdict.reason } };
    }
  }
  if (verdict.reason === DROP_REASON.noHost) return { hops: exitOf(state, src), stop: { code: 'no-host' } };
  if (verdict.reason === DROP_REASON.inboundClosed)
    return { hops: [...exitOf(state, src), 'router'], stop: { code: 'inbound-closed' } };
  return { hops: [src, 'switch', 'router'], stop: { code: 'firewall-drop' } };
}

/** The record after the network routed a learner packet (a new flow id starts a new record). */
export function noteRoute(
  flow: LearnerFlow | undefined,
  state: NetworkState,
  packet: Packet,
  verdict: RouteResult,
): LearnerFlow | undefined {
  const tag = packet.learnerFlow;
  if (!tag) return flow;
  const base: LearnerFlow =
    flow?.id === tag.id ? flow : { id: tag.id, label: tag.label, from: packet.srcId, packets: [], more: 0 };
  if (base.packets.length >= FLOW_PACKET_LIMIT) return { ...base, more: base.more + 1 };
  const { hops, stop } = flowHops(state, packet, verdict);
  const entry: FlowPacket = {
    packetId: packet.id,
    what: describePacket(packet),
    from: packet.srcId,
    dst: packet.dst,
    hops,
    result: stop ? 'stopped' : 'pending',
    ...(stop ? { stop } : {}),
  };
  return { ...base, packets: [...base.packets, entry] };
}

/** What became of a learner packet once it arrived: answered, refused by the far end, or answer lost. */
export function noteAnswer(
  flow: LearnerFlow | undefined,
  request: Packet,
  answer: { kind: 'reply'; body: Message } | { kind: 'refuse'; reason: RefuseReason },
  returned: boolean,
): LearnerFlow | undefined {
  if (!flow || request.learnerFlow?.id !== flow.id) return flow;
  const i = flow.packets.findIndex((p) => p.packetId === request.id);
  const old = flow.packets[i];
  if (!old || old.result !== 'pending') return flow;
  const next: FlowPacket = !returned
    ? { ...old, result: 'stopped', stop: { code: 'reply-lost' } }
    : answer.kind === 'reply'
      ? { ...old, result: 'answered', answer: describeAnswer(answer.body) }
      : { ...old, result: 'stopped', stop: { code: 'refused', reason: answer.reason } };
  const packets = flow.packets.slice();
  packets[i] = next;
  return { ...flow, packets };
}
