/**
 * The lease table's shape (chunks of LEASE_CHUNK records in the order their addresses first got
 * one) is the DHCP server's own business: what it lists and looks up must be what a flat
 * `Record<Ipv4, Lease>` written the same way would give, and a write never changes an older table.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DhcpScopeDefinition } from '../../../simulation/core/definition';
import { MINUTE } from '../../../simulation/core/time';
import { fromInt, toInt, type Ipv4 } from '../../../simulation/net/ipv4';
import type { DhcpClientMessage } from '../../../simulation/net/packets';
import {
  LEASE_CHUNK,
  leaseAt,
  leaseList,
  noLeases,
  putLease,
  type LeaseTable,
} from '../../../simulation/roles/dhcpLeaseIndex';
import {
  handleDhcp,
  initialDhcpServer,
  type DhcpLeaseRecord,
  type DhcpServerState,
} from '../../../simulation/roles/dhcpServer';

const SERVER = '10.0.0.2';
const START = Date.UTC(2026, 2, 2, 8, 0, 0);
/** 100 addresses less 5 excluded: more than two chunks. */
const SCOPE: DhcpScopeDefinition = {
  name: 'Test',
  network: '10.0.0.0',
  mask: '255.255.255.0',
  rangeStart: '10.0.0.10',
  rangeEnd: '10.0.0.109',
  exclusions: [{ start: '10.0.0.40', end: '10.0.0.44' }],
  router: '10.0.0.1',
  dnsServers: [SERVER],
  domainName: 'test.local',
  leaseDays: 1,
};
const ADDRESSES: Ipv4[] = Array.from({ length: 100 }, (_, i) => fromInt(toInt(SCOPE.rangeStart) + i));

function rec(ip: Ipv4, mac: string, expiresAt: number): DhcpLeaseRecord {
  return { ip, mac, hostname: `H-${mac}`, state: 'active', expiresAt };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

describe('putLease', () => {
  it('never changes an older table: each one kept answers and lists as it did when written', () => {
    const kept: { table: LeaseTable<DhcpLeaseRecord>; json: string; list: DhcpLeaseRecord[] }[] = [];
    let table = noLeases<DhcpLeaseRecord>();
    // New addresses past two chunks, then new records for addresses in every chunk.
    const writes: [Ipv4, string][] = [
      ...ADDRESSES.slice(0, 2 * LEASE_CHUNK + 5).map((ip, i): [Ipv4, string] => [ip, `M${i}`]),
      ...ADDRESSES.slice(0, 2 * LEASE_CHUNK + 5)
        .filter((_, i) => i % 7 === 0)
        .map((ip, i): [Ipv4, string] => [ip, `N${i}`]),
    ];
    writes.forEach(([ip, mac], i) => {
      // A frozen table throws if anything writes into it (test files are ES modules: strict mode).
      deepFreeze(table);
      kept.push({ table, json: JSON.stringify(table), list: leaseList(table) });
      table = putLease(table, ip, rec(ip, mac, START + i));
    });
    expect(leaseList(table)).toHaveLength(2 * LEASE_CHUNK + 5);
    for (const k of kept) {
      expect(JSON.stringify(k.table)).toBe(k.json);
      expect(leaseList(k.table)).toStrictEqual(k.list);
      for (const ip of ADDRESSES) expect(leaseAt(k.table, ip)).toBe(k.list.find((l) => l.ip === ip));
    }
  });

  it('copies one chunk and the record of chunks, sharing the rest with the table it was given', () => {
    let table = noLeases<DhcpLeaseRecord>();
    for (const ip of ADDRESSES.slice(0, 3 * LEASE_CHUNK)) table = putLease(table, ip, rec(ip, 'A', START));
    const ip = ADDRESSES[LEASE_CHUNK + 1] as Ipv4;
    const next = putLease(table, ip, rec(ip, 'B', START + 1));
    const changed = Object.keys(next).filter((c) => next[Number(c)] !== table[Number(c)]);
    expect(changed).toStrictEqual(['1']);
    expect(leaseAt(next, ip)?.mac).toBe('B');
    expect(leaseAt(table, ip)?.mac).toBe('A');
  });
});

type Step =
  | { op: 'DISCOVER'; client: number; dt: number; json: boolean }
  | { op: 'REQUEST'; client: number; dt: number; json: boolean; want: number; fromServer: boolean }
  | { op: 'RENEW'; client: number; dt: number; json: boolean }
  | { op: 'RELEASE'; client: number; dt: number; json: boolean };

const CLIENTS = 90;
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    op: fc.constant('DISCOVER' as const),
    client: fc.nat(CLIENTS - 1),
    dt: fc.nat(3 * 60),
    json: fc.boolean(),
  }),
  fc.record({
    op: fc.constant('REQUEST' as const),
    client: fc.nat(CLIENTS - 1),
    dt: fc.nat(3 * 60),
    json: fc.boolean(),
    want: fc.nat(ADDRESSES.length + 2),
    fromServer: fc.boolean(),
  }),
  fc.record({
    op: fc.constant('RENEW' as const),
    client: fc.nat(CLIENTS - 1),
    dt: fc.nat(3 * 60),
    json: fc.boolean(),
  }),
  fc.record({
    op: fc.constant('RELEASE' as const),
    client: fc.nat(CLIENTS - 1),
    dt: fc.nat(3 * 60),
    json: fc.boolean(),
  }),
);

describe('the lease table', () => {
  it('lists and looks up what a flat table written the same way would, for any DISCOVER/REQUEST/RELEASE traffic', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 400 }), (steps) => {
        let state: DhcpServerState = initialDhcpServer(SCOPE);
        let now = START;
        const held = new Map<number, Ipv4>();
        /** The flat table: a record per address, keys in the order they were first set. */
        const flat: Record<Ipv4, DhcpLeaseRecord> = {};
        steps.forEach((s, xid) => {
          now += s.dt * MINUTE;
          const mac = `00-15-5D-00-01-${String(s.client).padStart(2, '0')}`;
          const base = { kind: 'dhcp.client' as const, xid, mac, hostname: `PC${s.client}` };
          const mine = held.get(s.client);
          let msg: DhcpClientMessage;
          let src: Ipv4 = '0.0.0.0';
          if (s.op === 'DISCOVER') msg = { ...base, op: 'DISCOVER' };
          else if (s.op === 'REQUEST') {
            const want = ADDRESSES[s.want] ?? '10.0.0.250';
            msg = {
              ...base,
              op: 'REQUEST',
              requestedIp: want,
              ...(s.fromServer ? { serverId: SERVER } : {}),
            };
          } else if (s.op === 'RENEW' && mine) {
            msg = { ...base, op: 'REQUEST' };
            src = mine;
          } else if (s.op === 'RELEASE' && mine) {
            msg = { ...base, op: 'RELEASE' };
            src = mine;
          } else msg = { ...base, op: 'DISCOVER' };
          const answer = handleDhcp(state, msg, now, SERVER, src);
          if (answer.reply?.op === 'ACK') held.set(s.client, answer.reply.yiaddr);
          if (msg.op === 'RELEASE') held.delete(s.client);
          for (const ip of ADDRESSES) {
            const after = leaseAt(answer.state.leases, ip);
            if (after && after !== leaseAt(state.leases, ip)) flat[ip] = after;
          }
          // A state read back from JSON (no index yet) goes on as the one it was read from.
          state = s.json ? (JSON.parse(JSON.stringify(answer.state)) as DhcpServerState) : answer.state;
          expect(leaseList(state.leases)).toStrictEqual(Object.values(flat));
        });
        for (const ip of [...ADDRESSES, '10.0.0.250'])
          expect(leaseAt(state.leases, ip)).toStrictEqual(flat[ip]);
      }),
      { numRuns: 60 },
    );
  });
});
