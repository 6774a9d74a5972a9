/**
 * How a Windows host answers what arrives on its cable: ping, DHCP (if it is the DHCP server),
 * DNS (if it runs the DNS Server role), time (W32Time), and TCP connection attempts to the ports
 * its running services listen on. The host's state and one packet in; the answer, any change to
 * the host's state, and any follow-up work (a DNS forward) out. Pure but for one thing: a DHCP
 * server's lease table is updated in place (the host actor keeps the new roles it returns).
 */
import type { Ipv4 } from '../net/ipv4';
import { BROADCAST } from '../net/ipv4';
import type { DnsQuery, Message, Packet, RefuseReason } from '../net/packets';
import { handleDhcp, type DhcpServerState } from '../roles/dhcpServer';
import { serveDc } from '../roles/dcServices';
import type { DirectoryState } from '../roles/directory';
import type { NewEvent } from './eventlog';
import { answer, applyUpdate, type DnsServerState } from '../roles/dnsServer';
import { effectiveIpConfig, hostTime, type WindowsHostContext } from './hostState';
import { listenerFor } from './services';

export interface ServerRoles {
  dhcpServer?: DhcpServerState;
  dnsServer?: DnsServerState;
  /** Whether this host is the domain's time source (the PDC emulator). */
  timeSource?: { synchronized: boolean; stratum: number };
  /** AD DS: the directory this domain controller holds. */
  directory?: DirectoryState;
  /** What the DC locator reports about the forest. */
  dcInfo?: { domainGuid: string; forest: string; site: string };
}

export type ServeResult =
  | { kind: 'ignore'; events?: NewEvent[]; roles?: ServerRoles }
  | { kind: 'reply'; body: Message; roles?: ServerRoles; events?: NewEvent[] }
  | { kind: 'refuse'; reason: RefuseReason }
  | { kind: 'forward'; query: DnsQuery; to: Ipv4[] };

export function serve(
  host: WindowsHostContext,
  roles: ServerRoles,
  packet: Packet,
  now: number,
): ServeResult {
  const cfg = effectiveIpConfig(host.nic);
  const me = cfg.ip ?? '0.0.0.0';
  const broadcast = packet.dst === BROADCAST;
  const body = packet.body;

  if (body.kind === 'icmp.echo') {
    return { kind: 'reply', body: { kind: 'icmp.echoReply', bytes: body.bytes, ttl: 128 } };
  }

  if (body.kind === 'dhcp.client') {
    if (!roles.dhcpServer || !listenerFor(host.services, 'udp', 67)) return { kind: 'ignore' };
    // The host keeps the roles returned (the given ones are left as they were), with a reply (OFFER, ACK, NAK) or without one (a RELEASE frees the client's lease).
    const r = handleDhcp(roles.dhcpServer, body, now, me, packet.src);
    if (r.reply) return { kind: 'reply', body: r.reply, roles: { ...roles, dhcpServer: r.state } };
    return r.state === roles.dhcpServer
      ? { kind: 'ignore' }
      : { kind: 'ignore', roles: { ...roles, dhcpServer: r.state } };
  }
  if (broadcast) return { kind: 'ignore' };

  if (packet.port === 53 && (body.kind === 'dns.query' || body.kind === 'dns.update')) {
    if (!roles.dnsServer || !listenerFor(host.services, packet.transport, 53))
      return { kind: 'refuse', reason: 'port-closed' };
    if (body.kind === 'dns.update') {
      const u = applyUpdate(roles.dnsServer, body.name, body.ip);
      return {
        kind: 'reply',
        body: { kind: 'dns.updateResult', ok: u.ok },
        roles: { ...roles, dnsServer: u.state },
      };
    }
    const d = answer(roles.dnsServer, body);
    return d.kind === 'answer'
      ? { kind: 'reply', body: d.response }
      : { kind: 'forward', query: body, to: d.to };
  }

  if (packet.port === 123 && body.kind === 'ntp.request') {
    if (!listenerFor(host.services, 'udp', 123)) return { kind: 'refuse', reason: 'port-closed' };
    const synced = roles.timeSource?.synchronized ?? true;
    return {
      kind: 'reply',
      body: {
        kind: 'ntp.response',
        serverTime: hostTime(host, now),
        stratum: roles.timeSource?.stratum ?? 3,
        synchronized: synced,
      },
    };
  }

  if (roles.directory && roles.dcInfo) {
    const dc = serveDc({ host, dir: roles.directory, dcIp: me, ...roles.dcInfo }, packet, now);
    if (dc) {
      const next = dc.dir ? { ...roles, directory: dc.dir } : undefined;
      if (dc.reply) return { kind: 'reply', body: dc.reply, roles: next, events: dc.events };
      if (dc.refuse) return { kind: 'refuse', reason: 'port-closed' };
      return { kind: 'ignore', events: dc.events };
    }
  }

  if (body.kind === 'tcp.syn' && packet.port !== undefined) {
    return listenerFor(host.services, 'tcp', packet.port)
      ? { kind: 'reply', body: { kind: 'tcp.accept' } }
      : { kind: 'refuse', reason: 'port-closed' };
  }

  // Anything else to a port nobody listens on: a TCP reset or an ICMP port-unreachable.
  if (packet.port !== undefined && !listenerFor(host.services, packet.transport, packet.port)) {
    return { kind: 'refuse', reason: 'port-closed' };
  }
  return { kind: 'ignore' };
}
