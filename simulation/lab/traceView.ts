/**
 * The learner's trace view: the last thing the learner ran over the network (a ping, a
 * Test-NetConnection, a Resolve-DnsName, a sign-in on a PC), packet by packet and hop by hop, with
 * where each packet stopped and the reason the lab recorded (net/learnerFlow.ts). Only the learner's
 * own flows are recorded, so nothing here reveals a cause the learner has not already run into:
 * the texts say what the packets met, in the words a network tool would use, never a fault.
 */
import type { LabDefinition } from '../core/definition';
import type { Ipv4 } from '../net/ipv4';
import type { FlowPacket, FlowStop } from '../net/learnerFlow';
import type { LabTruth } from './truth';

export interface TraceHopView {
  /** The map node (a device id, `switch`, `router`, `internet`, `mobile`). */
  id: string;
  name: string;
  state: 'passed' | 'reached' | 'stopped';
}

export interface TracePacketView {
  what: string;
  dst: Ipv4;
  hops: TraceHopView[];
  result: 'answered' | 'stopped' | 'no-answer';
  /** One line: what came back, or why it went no further. */
  text: string;
}

export interface TraceView {
  /** What the learner ran, as typed (`Test-NetConnection sspr... -Port 443`, `Sign in as ...`). */
  label: string;
  from: string;
  fromName: string;
  packets: TracePacketView[];
  /** Packets sent beyond those shown (a long ping). */
  more: number;
  ok: boolean;
  /** The map node the test aimed at (the last packet's destination), when it is on the map. */
  target?: string;
  /** Where the first packet that failed stopped. */
  stoppedAt?: string;
}

/** The names the map gives its nodes. */
export function nodeNames(truth: LabTruth, def: LabDefinition): Record<string, string> {
  const names: Record<string, string> = {
    switch: 'LAN switch',
    router: 'Gateway',
    internet: 'Internet',
    mobile: 'Mobile network',
    tenant: truth.tenant.name,
  };
  for (const h of def.hosts) names[h.id] = h.hostname;
  for (const p of def.phones) names[p.id] = p.label;
  return names;
}

const DNS_FAILURES = new Set(['NXDOMAIN', 'SERVFAIL', 'REFUSED']);

function stopText(stop: FlowStop, p: FlowPacket, name: (id: string) => string): string {
  const last = name(p.hops[p.hops.length - 1] ?? p.from);
  const sender = name(p.from);
  switch (stop.code) {
    case 'no-link':
      return `${sender}'s network adapter has no link (cable or power): the packet never left`;
    case 'no-address':
      return `${sender} has no IPv4 address to send from`;
    case 'no-gateway':
      return `${p.dst} is not on ${sender}'s subnet and ${sender} has no usable default gateway`;
    case 'host-unreachable':
      return `Destination host unreachable (reported by ${stop.by}): nothing answered on the LAN`;
    case 'net-unreachable':
      return `Destination net unreachable (reported by ${stop.by}): the gateway has no route to ${p.dst}`;
    case 'firewall-drop':
      return 'Dropped at the edge firewall: nothing came back, the request timed out';
    case 'firewall-reject':
      return 'Rejected at the edge firewall';
    case 'no-host':
      return `No host answers at ${p.dst} on the internet: the request timed out`;
    case 'inbound-closed':
      return `From outside, ${p.dst} is reachable only over a connection it opened, and none is open`;
    case 'refused':
      return stop.reason === 'port-closed'
        ? `${last} refused it: nothing listens on ${p.what}`
        : `${last} refused it`;
    case 'reply-lost':
      return `${last} answered, but the answer could not travel back to ${sender}`;
  }
}

function packetView(p: FlowPacket, name: (id: string) => string): TracePacketView {
  const result = p.result === 'pending' ? 'no-answer' : p.result;
  const dnsFailed = p.answer !== undefined && DNS_FAILURES.has(p.answer);
  const hops = p.hops.map((id, i): TraceHopView => {
    const lastHop = i === p.hops.length - 1;
    return {
      id,
      name: name(id),
      state: !lastHop ? 'passed' : result === 'answered' && !dnsFailed ? 'reached' : 'stopped',
    };
  });
  const lastId = p.hops[p.hops.length - 1] ?? p.from;
  // "Internet" stands for every public host: name the address that answered.
  const last = lastId === 'internet' ? `${p.dst} (internet)` : name(lastId);
  const text =
    result === 'answered'
      ? `${last} answered: ${p.answer ?? 'reply'}`
      : result === 'no-answer'
        ? `Arrived at ${last}; no answer came back`
        : stopText(p.stop ?? { code: 'reply-lost' }, p, name);
  return { what: p.what, dst: p.dst, hops, result, text };
}

/** Which map node owns an address (a host on the LAN, the tenant or the internet out there). */
function ownerNode(truth: LabTruth, ip: Ipv4): string | undefined {
  for (const [id, nic] of Object.entries(truth.network.nics)) {
    if (nic.addresses.some((a) => a.ip === ip)) return id;
  }
  return ip === truth.network.lan.gateway ? 'router' : undefined;
}

export function traceView(truth: LabTruth, def: LabDefinition): TraceView | undefined {
  const flow = truth.network.learnerFlow;
  if (!flow) return undefined;
  const names = nodeNames(truth, def);
  const name = (id: string) => names[id] ?? id;
  const packets = flow.packets.map((p) => packetView(p, name));
  const failed = packets.find((p) => p.hops.some((h) => h.state === 'stopped'));
  const main = flow.packets[flow.packets.length - 1];
  const target = main ? ownerNode(truth, main.dst) : undefined;
  return {
    label: flow.label,
    from: flow.from,
    fromName: name(flow.from),
    packets,
    more: flow.more,
    ok: packets.length > 0 && !failed,
    ...(target && target in names ? { target } : {}),
    ...(failed ? { stoppedAt: failed.hops[failed.hops.length - 1]?.id } : {}),
  };
}
