/**
 * What crosses the lab's network. A packet names its sender's systemId (so the network knows which
 * cable it came in on), the addresses the sender wrote, the transport, and an application message.
 * Application messages are a tagged union; each protocol module owns its own members.
 */
import type { Transport } from '../core/definition';
import type { AppMessages } from './appMessages';
import type { Ipv4 } from './ipv4';

export interface IcmpEcho {
  kind: 'icmp.echo';
  bytes: number;
}
export interface IcmpEchoReply {
  kind: 'icmp.echoReply';
  bytes: number;
  ttl: number;
}

/** TCP connection attempt without payload (Test-NetConnection, port probes). */
export interface TcpProbe {
  kind: 'tcp.syn';
}
export interface TcpAccept {
  kind: 'tcp.accept';
}

export interface DhcpOptions {
  router?: Ipv4;
  dnsServers: Ipv4[];
  domainName?: string;
  leaseMs: number;
  serverId: Ipv4;
  subnetMask: Ipv4;
}

export interface DhcpClientMessage {
  kind: 'dhcp.client';
  op: 'DISCOVER' | 'REQUEST' | 'RELEASE';
  xid: number;
  mac: string;
  hostname: string;
  requestedIp?: Ipv4;
  serverId?: Ipv4;
}

export interface DhcpServerMessage {
  kind: 'dhcp.server';
  op: 'OFFER' | 'ACK' | 'NAK';
  xid: number;
  mac: string;
  yiaddr: Ipv4;
  options: DhcpOptions;
}

export type DnsType = 'A' | 'SRV' | 'PTR' | 'ANY';

export interface DnsQuery {
  kind: 'dns.query';
  name: string;
  qtype: DnsType;
  recursionDesired: boolean;
}

export interface DnsRecord {
  name: string;
  type: 'A' | 'SRV' | 'PTR' | 'CNAME';
  ttl: number;
  /** A: the address; PTR/CNAME: the target name; SRV: the target host. */
  data: string;
  priority?: number;
  weight?: number;
  port?: number;
}

export interface DnsResponse {
  kind: 'dns.response';
  name: string;
  qtype: DnsType;
  rcode: 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL' | 'REFUSED';
  authoritative: boolean;
  answers: DnsRecord[];
  /** Glue for SRV targets (the "internet address" lines nslookup prints). */
  additional: DnsRecord[];
}

/** A DHCP client registering its name with the domain's DNS (dynamic update). */
export interface DnsUpdate {
  kind: 'dns.update';
  name: string;
  ip: Ipv4;
}
export interface DnsUpdateResult {
  kind: 'dns.updateResult';
  ok: boolean;
}

export interface NtpRequest {
  kind: 'ntp.request';
}
export interface NtpResponse {
  kind: 'ntp.response';
  /** The server's own idea of the time (epoch ms). */
  serverTime: number;
  stratum: number;
  synchronized: boolean;
}

/** Application messages: the basic protocols here, the higher ones in appMessages.ts. */
export type Message =
  | IcmpEcho
  | IcmpEchoReply
  | TcpProbe
  | TcpAccept
  | DhcpClientMessage
  | DhcpServerMessage
  | DnsQuery
  | DnsResponse
  | DnsUpdate
  | DnsUpdateResult
  | NtpRequest
  | NtpResponse
  | AppMessages;

export interface Packet {
  id: string;
  /** The systemId of the device that put this packet on its cable. */
  srcId: string;
  src: Ipv4;
  dst: Ipv4;
  transport: Transport;
  port?: number;
  /** The host name the sender meant (TLS SNI / HTTP Host); firewall rules may match on it. */
  host?: string;
  /**
   * A LAN host's outbound connection that stays open for the far end to answer over later (the
   * writeback listener's Service Bus relay connection); `closeFlow` ends it.
   */
  keepOpen?: boolean;
  closeFlow?: boolean;
  /**
   * Set on the packets of something the learner ran (a console command, a sign-in): the network
   * keeps the hops they took for the learner's trace view. `id` is the running script's id.
   */
  learnerFlow?: { id: string; label: string };
  body: Message;
}

/** Why the network (or the far end) turned a packet away at once rather than letting it time out. */
export type RefuseReason =
  /** no route / no address / cable unplugged on the sending side: "General failure" */
  | 'local'
  /** no ARP answer on the local link: "Destination host unreachable" from the sender or gateway */
  | 'host-unreachable'
  /** the gateway has no way to the destination network */
  | 'net-unreachable'
  /** TCP reset / ICMP port unreachable from the far host */
  | 'port-closed'
  /** a firewall that rejects rather than drops */
  | 'rejected';

export type ExchangeResult =
  | { status: 'ok'; body: Message; from: Ipv4 }
  | { status: 'refused'; reason: RefuseReason; by?: Ipv4 }
  | { status: 'timeout' };
