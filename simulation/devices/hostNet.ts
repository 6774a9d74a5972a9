/**
 * A Windows host on the network, as pure functions its machine (windowsHost.machine.ts) calls:
 * what it tells the network about its adapter, what it sends on its own (its DNS registration, a
 * forwarded DNS query as a script) and its answer to a packet that arrives on its cable (serve.ts).
 */
import type { AnyActorRef } from 'xstate';
import type { NetworkEvent } from '../net/network.machine';
import type { Message, Packet } from '../net/packets';
import type { Ipv4 } from '../net/ipv4';
import { exchange, type Script } from '../proc/script';
import { TIMINGS } from '../core/timings';
import { effectiveIpConfig, type HostCore } from '../windows/hostState';
import { log } from '../windows/hostOps';
import { serve } from '../windows/serve';
import type { HostMachineContext, Job } from './hostTypes';
import { hostView } from './hostView';
import type { JobStart } from './hostJobs';
import type { DhcpClientInput } from './dhcpClientTypes';

export function networkOf(system: { get: (id: string) => unknown }): AnyActorRef {
  return system.get('network') as AnyActorRef;
}

/** The host's adapter plugged into the lab's switch (at each boot). */
export function attachEvent(context: HostMachineContext): NetworkEvent {
  return {
    type: 'net.attach',
    id: context.host.id,
    nic: {
      segment: 'lan',
      mac: context.host.nic.mac,
      addresses: [],
      cableConnected: context.host.nic.mediaConnected,
      powered: true,
      // The DHCP Server role listens for clients' broadcasts (serve() checks the service).
      udpListen: context.roles.dhcpServer ? [67] : [],
    },
  };
}

export function dhcpClientInput(context: HostMachineContext): DhcpClientInput {
  return {
    deviceId: context.host.id,
    mac: context.host.nic.mac,
    hostname: context.host.hostname,
    env: context.env,
    rng: (context.host.rng ^ 0x5bd1e995) >>> 0,
    previousLease: context.host.nic.lease,
  };
}

export function bindEvent(host: HostCore): NetworkEvent {
  const cfg = effectiveIpConfig(host.nic);
  return {
    type: 'net.bind',
    id: host.id,
    addresses: cfg.ip && cfg.mask ? [{ ip: cfg.ip, mask: cfg.mask }] : [],
    gateway: cfg.gateway,
  };
}

/**
 * A domain member registers its own A record with its DNS server after it gets an address: the
 * dns.update it sends as job `job` (undefined when it has no address or no DNS server to send it
 * to). The host sends it itself and takes the answer, or gives up after TIMINGS.dnsQueryTimeout
 * (windowsHost.machine.ts), instead of running a script actor: every PC does this once as a lab
 * starts, and at 1,000 PCs the thousand short-lived actors cost more than the exchange. The packet
 * is the one the script runner would send (its id the job's first, `<host>.<job>.1`).
 */
export function dnsRegistration(host: HostCore, job: string): Packet | undefined {
  const cfg = effectiveIpConfig(host.nic);
  const server = cfg.dnsServers[0];
  if (!cfg.ip || !server) return undefined;
  return {
    src: cfg.ip,
    dst: server,
    transport: 'udp',
    port: 53,
    body: { kind: 'dns.update', name: `${host.hostname}.${host.domainFqdn}`, ip: cfg.ip },
    id: `${host.id}.${job}.1`,
    srcId: host.id,
  };
}

/** The delayed event that ends an unanswered DNS registration (job `id`). */
export function registrationTimer(id: string): string {
  return `${id}.dns-timeout`;
}

/** The job whose DNS registration `requestId` answers (its packet id is `<host>.<job>.1`). */
export function registrationJob(context: HostMachineContext, requestId: string): string | undefined {
  const prefix = `${context.host.id}.`;
  if (!requestId.startsWith(prefix) || !requestId.endsWith('.1')) return undefined;
  return requestId.slice(prefix.length, -2);
}

/** The DNS Server role asks its forwarder for a name it does not own. */
function* forwardQuery(host: HostCore, request: Packet, to: Ipv4[]): Script<Message> {
  const cfg = effectiveIpConfig(host.nic);
  const q = request.body;
  for (const fwd of to) {
    const r = yield* exchange(
      { src: cfg.ip ?? '0.0.0.0', dst: fwd, transport: 'udp', port: 53, body: q },
      TIMINGS.dnsForwarderTimeout,
    );
    if (r.status === 'ok' && r.body.kind === 'dns.response') return { ...r.body, authoritative: false };
  }
  const name = q.kind === 'dns.query' ? q.name : '';
  const qtype = q.kind === 'dns.query' ? q.qtype : 'A';
  return {
    kind: 'dns.response',
    name,
    qtype,
    rcode: 'SERVFAIL',
    authoritative: false,
    answers: [],
    additional: [],
  };
}

/** What a host does with a packet: what it sends the network, its new state, a forward it starts. */
export interface PacketAnswer {
  network?: NetworkEvent;
  patch?: Partial<HostMachineContext>;
  /** A query for a name the DNS Server role does not own, asked of its forwarders as a script. */
  forward?: JobStart;
}

export function answerPacket(
  context: HostMachineContext,
  packet: Packet,
  replyTo: AnyActorRef | undefined,
  now: number,
): PacketAnswer {
  const r = serve(hostView(context.host, context.consoles), context.roles, packet, now);
  // Loopback answers come from 127.0.0.1, everything else from the adapter's address.
  const from =
    packet.dst === '127.0.0.1' ? packet.dst : (effectiveIpConfig(context.host.nic).ip ?? packet.dst);
  let host = context.host;
  if ((r.kind === 'reply' || r.kind === 'ignore') && r.events && r.events.length > 0)
    host = log(host, now, ...r.events);
  if (r.kind === 'reply') {
    const network: NetworkEvent = { type: 'net.respond', request: packet, body: r.body, from, replyTo };
    const roles = r.roles ?? context.roles;
    // Most answers (a DNS lookup, an LDAP ping) change nothing on the host: no patch, no new context.
    return host === context.host && roles === context.roles
      ? { network }
      : { network, patch: { host, roles } };
  }
  if (r.kind === 'refuse')
    return { network: { type: 'net.reject', request: packet, reason: r.reason, by: from, replyTo } };
  if (r.kind === 'forward') {
    const id = `job-${host.seq + 1}`;
    host = { ...host, seq: host.seq + 1 };
    const job: Job = { kind: 'dns.forward', request: packet, replyTo, from };
    const snapshot = host;
    return {
      forward: {
        id,
        host,
        jobs: { ...context.jobs, [id]: job },
        start: () => forwardQuery(snapshot, packet, r.to),
      },
    };
  }
  // Nothing to answer, yet the server's state may have changed (a DHCP RELEASE frees a lease).
  if (r.roles) return { patch: { host, roles: r.roles } };
  return host !== context.host ? { patch: { host } } : {};
}

/**
 * A delivery's answer made on the host's direct path and left to its chart (a DNS query to forward
 * spawns a script child): serveDelivery takes it (answerDelivery) rather than serving the packet a
 * second time. Held by the event, for the same context and lab time only: answerPacket is a
 * function of those and the packet, so what is taken is what would be made.
 */
const kept = new WeakMap<object, { context: HostMachineContext; now: number; answer: PacketAnswer }>();

/** Keeps `answer` for the chart's transition that follows (returns undefined: no direct snapshot). */
export function keepAnswer(
  event: object,
  context: HostMachineContext,
  now: number,
  answer: PacketAnswer,
): undefined {
  kept.set(event, { context, now, answer });
  return undefined;
}

/** answerPacket for a delivery: the answer kept for it, if any, else made now. */
export function answerDelivery(
  context: HostMachineContext,
  event: { packet: Packet; replyTo?: AnyActorRef },
  now: number,
): PacketAnswer {
  const made = kept.get(event);
  if (made) {
    kept.delete(event);
    if (made.context === context && made.now === now) return made.answer;
  }
  return answerPacket(context, event.packet, event.replyTo, now);
}
