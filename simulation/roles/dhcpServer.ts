/**
 * The DHCP server role (on the domain controller): one IPv4 scope with exclusions, options 003
 * (router), 006 (DNS servers) and 015 (DNS domain name), and a lease table. Pure: a client
 * message and the current state in, the answer and the next state out.
 */
import type { DhcpScopeDefinition } from '../core/definition';
import { toInt, type Ipv4 } from '../net/ipv4';
import {
  excluded,
  leaseAt,
  leasesOf,
  lowestFree,
  noLeases,
  putLease,
  type LeaseTable,
} from './dhcpLeaseIndex';
import type { DhcpClientMessage, DhcpServerMessage } from '../net/packets';
import { DAY } from '../core/time';
import { TIMINGS } from '../core/timings';

export interface DhcpLeaseRecord {
  ip: Ipv4;
  mac: string;
  hostname: string;
  state: 'offered' | 'active';
  expiresAt: number;
}

export interface DhcpServerState {
  scope: DhcpScopeDefinition;
  /** Scope state as in the DHCP console (Active / Inactive). */
  active: boolean;
  /** Read and written only through roles/dhcpLeaseIndex.ts (leaseAt, leaseList, putLease). */
  leases: LeaseTable<DhcpLeaseRecord>;
}

const OFFER_HOLD = TIMINGS.dhcpOfferHold;

export function initialDhcpServer(scope: DhcpScopeDefinition): DhcpServerState {
  return { scope, active: true, leases: noLeases() };
}

function inRange(scope: DhcpScopeDefinition, ip: Ipv4): boolean {
  const n = toInt(ip);
  return n >= toInt(scope.rangeStart) && n <= toInt(scope.rangeEnd) && !excluded(scope, ip);
}

function live(rec: DhcpLeaseRecord | undefined, now: number): rec is DhcpLeaseRecord {
  return !!rec && rec.expiresAt > now;
}

/** The address this client should get: its current one if it has one, else the lowest free one. */
export function chooseAddress(state: DhcpServerState, mac: string, now: number): Ipv4 | undefined {
  const records = leasesOf(state.leases, mac);
  const mine = records.find((l) => live(l, now));
  if (mine) return mine.ip;
  // A client that had an address before gets it back if nobody took it since.
  const previous = records.find((l) => !live(leaseAt(state.leases, l.ip), now) && inRange(state.scope, l.ip));
  if (previous) return previous.ip;
  return lowestFree(state.leases, state.scope, now);
}

function options(state: DhcpServerState, serverIp: Ipv4) {
  return {
    router: state.scope.router,
    dnsServers: state.scope.dnsServers,
    domainName: state.scope.domainName,
    leaseMs: state.scope.leaseDays * DAY,
    serverId: serverIp,
    subnetMask: state.scope.mask,
  };
}

export interface DhcpAnswer {
  state: DhcpServerState;
  reply?: DhcpServerMessage;
}

/**
 * The server's answer to one client message, and its next state. The state given is left as it
 * was (a message that writes a lease copies one chunk of the lease table: roles/dhcpLeaseIndex.ts).
 */
export function handleDhcp(
  state: DhcpServerState,
  msg: DhcpClientMessage,
  now: number,
  serverIp: Ipv4,
  srcIp: Ipv4,
): DhcpAnswer {
  if (!state.active) return { state };
  const opts = options(state, serverIp);
  const base = { kind: 'dhcp.server' as const, xid: msg.xid, mac: msg.mac, options: opts };

  if (msg.op === 'DISCOVER') {
    const ip = chooseAddress(state, msg.mac, now);
    if (!ip) return { state }; // scope full: no OFFER
    const existing = leaseAt(state.leases, ip);
    const rec: DhcpLeaseRecord =
      live(existing, now) && existing.state === 'active'
        ? existing
        : { ip, mac: msg.mac, hostname: msg.hostname, state: 'offered', expiresAt: now + OFFER_HOLD };
    return {
      state: { ...state, leases: putLease(state.leases, ip, rec) },
      reply: { ...base, op: 'OFFER', yiaddr: ip },
    };
  }

  if (msg.op === 'RELEASE') {
    const rec = leaseAt(state.leases, srcIp);
    if (!rec || rec.mac !== msg.mac) return { state };
    // Windows keeps the record (expired) so the client gets the same address back later.
    const leases = putLease<DhcpLeaseRecord>(state.leases, srcIp, {
      ...rec,
      state: 'offered',
      expiresAt: now,
    });
    return { state: { ...state, leases } };
  }

  // REQUEST: selecting (server id given), init-reboot/rebinding (requested ip only), or renewing (from its address).
  if (msg.serverId && msg.serverId !== serverIp) return { state }; // the client chose another server
  const wanted = msg.requestedIp ?? (srcIp !== '0.0.0.0' ? srcIp : undefined);
  if (!wanted || !inRange(state.scope, wanted)) {
    return { state, reply: { ...base, op: 'NAK', yiaddr: '0.0.0.0' } };
  }
  const holder = leaseAt(state.leases, wanted);
  if (live(holder, now) && holder.mac !== msg.mac) {
    return { state, reply: { ...base, op: 'NAK', yiaddr: '0.0.0.0' } };
  }
  const rec: DhcpLeaseRecord = {
    ip: wanted,
    mac: msg.mac,
    hostname: msg.hostname,
    state: 'active',
    expiresAt: now + opts.leaseMs,
  };
  return {
    state: { ...state, leases: putLease(state.leases, wanted, rec) },
    reply: { ...base, op: 'ACK', yiaddr: wanted },
  };
}
