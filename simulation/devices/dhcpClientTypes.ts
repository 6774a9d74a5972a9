/**
 * The DHCP client machine's types and the pure helpers its chart uses (dhcpClient.machine.ts):
 * its input and context, the events it takes and reports, and how a lease is read from the
 * server's ACK and timed (T1 at half the lease, T2 at 7/8).
 */
import type { Ipv4 } from '../net/ipv4';
import type { DhcpServerMessage, Message } from '../net/packets';
import type { LabEnv } from '../core/env';
import type { RngState } from '../core/random';
import type { DhcpLease } from '../windows/hostState';

export interface DhcpClientInput {
  deviceId: string;
  mac: string;
  hostname: string;
  env: LabEnv;
  rng: RngState;
  /** The lease the adapter held before a restart or a cable pull (INIT-REBOOT asks for it again). */
  previousLease?: DhcpLease;
}

export interface DhcpClientContext extends DhcpClientInput {
  xid: number;
  attempt: number;
  offer?: DhcpServerMessage;
  lease?: DhcpLease;
  apipa?: Ipv4;
  sent: number;
  /** A learner's `ipconfig /renew` waiting for the result. */
  pending?: 'renew';
}

export type DhcpClientEvent =
  | { type: 'net.reply'; requestId: string; body: Message; from: Ipv4 }
  | { type: 'net.refused'; requestId: string; reason: string }
  | { type: 'dhcp.start' }
  /** Forget the lease and start over with a DISCOVER. */
  | { type: 'dhcp.restart' }
  | { type: 'dhcp.renew' }
  | { type: 'dhcp.release' }
  | { type: 'dhcp.media'; connected: boolean };

/** Sent to the host. */
export type DhcpClientReport =
  | { type: 'dhcp.update'; lease?: DhcpLease; apipa?: Ipv4 }
  | { type: 'dhcp.outcome'; op: 'renew' | 'release'; ok: boolean };

export function packetId(ctx: DhcpClientContext): string {
  return `${ctx.deviceId}.dhcp.${ctx.sent}`;
}

export function serverMessage(event: DhcpClientEvent): DhcpServerMessage | undefined {
  return event.type === 'net.reply' && event.body.kind === 'dhcp.server' ? event.body : undefined;
}

export function leaseFrom(msg: DhcpServerMessage, now: number): DhcpLease {
  return {
    ip: msg.yiaddr,
    mask: msg.options.subnetMask,
    router: msg.options.router,
    dnsServers: msg.options.dnsServers,
    domainName: msg.options.domainName,
    server: msg.options.serverId,
    obtainedAt: now,
    expiresAt: now + msg.options.leaseMs,
  };
}

export const t1 = (l: DhcpLease) => l.obtainedAt + (l.expiresAt - l.obtainedAt) / 2;
export const t2 = (l: DhcpLease) => l.obtainedAt + ((l.expiresAt - l.obtainedAt) * 7) / 8;
