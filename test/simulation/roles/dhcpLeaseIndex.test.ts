import { describe, expect, it } from 'vitest';
import { MINUTE } from '../../../simulation/core/time';
import type { DhcpScopeDefinition } from '../../../simulation/core/definition';
import { fromInt, toInt, type Ipv4 } from '../../../simulation/net/ipv4';
import type { DhcpClientMessage } from '../../../simulation/net/packets';
import {
  chooseAddress,
  handleDhcp,
  initialDhcpServer,
  type DhcpServerState,
} from '../../../simulation/roles/dhcpServer';
import { leaseAt, leaseList } from '../../../simulation/roles/dhcpLeaseIndex';

const SERVER = '10.0.0.2';
const START = Date.UTC(2026, 2, 2, 8, 0, 0);
const SCOPE: DhcpScopeDefinition = {
  name: 'Test',
  network: '10.0.0.0',
  mask: '255.255.255.0',
  rangeStart: '10.0.0.10',
  rangeEnd: '10.0.0.29',
  exclusions: [{ start: '10.0.0.13', end: '10.0.0.15' }],
  router: '10.0.0.1',
  dnsServers: [SERVER],
  domainName: 'test.local',
  leaseDays: 1,
};

/** The address choice as it was written before the index: scans of the table and the range. */
function scanChoice(state: DhcpServerState, mac: string, now: number): Ipv4 | undefined {
  const live = (l: { expiresAt: number } | undefined) => !!l && l.expiresAt > now;
  const excluded = (ip: Ipv4) =>
    state.scope.exclusions.some((x) => toInt(ip) >= toInt(x.start) && toInt(ip) <= toInt(x.end));
  const inRange = (ip: Ipv4) =>
    toInt(ip) >= toInt(state.scope.rangeStart) && toInt(ip) <= toInt(state.scope.rangeEnd) && !excluded(ip);
  const all = leaseList(state.leases);
  const mine = all.find((l) => l.mac === mac && live(l));
  if (mine) return mine.ip;
  const previous = all.find((l) => l.mac === mac && !live(leaseAt(state.leases, l.ip)) && inRange(l.ip));
  if (previous) return previous.ip;
  for (let n = toInt(state.scope.rangeStart); n <= toInt(state.scope.rangeEnd); n++) {
    const ip = fromInt(n);
    if (!excluded(ip) && !live(leaseAt(state.leases, ip))) return ip;
  }
  return undefined;
}

/** A seeded stream of DHCP traffic: 24 clients (more than the scope holds) over a few lab days. */
function* traffic(seed: number): Generator<{ msg: DhcpClientMessage; src: Ipv4; now: number }> {
  let x = seed;
  const next = (n: number) => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return (x >>> 8) % n;
  };
  let now = START;
  const held = new Map<string, Ipv4>();
  for (let i = 0; i < 600; i++) {
    now += next(4) === 0 ? next(30) * 60 * MINUTE : next(3) * MINUTE;
    const mac = `00-15-5D-00-00-${String(next(24)).padStart(2, '0')}`;
    const ip = held.get(mac);
    const pick = next(10);
    const base = { kind: 'dhcp.client' as const, xid: i, mac, hostname: `H${mac.slice(-2)}` };
    if (pick < 4) yield { msg: { ...base, op: 'DISCOVER' }, src: '0.0.0.0', now };
    else if (pick < 8) {
      const want = ip ?? fromInt(toInt(SCOPE.rangeStart) + next(22));
      yield { msg: { ...base, op: 'REQUEST', requestedIp: want, serverId: SERVER }, src: '0.0.0.0', now };
      held.set(mac, want);
    } else if (pick < 9 && ip) yield { msg: { ...base, op: 'REQUEST' }, src: ip, now };
    else if (ip) {
      yield { msg: { ...base, op: 'RELEASE' }, src: ip, now };
      held.delete(mac);
    }
  }
}

describe('the DHCP lease index', () => {
  for (const seed of [1, 2, 3, 42]) {
    it(`chooses what a scan of the table chooses, message after message (seed ${seed})`, () => {
      let state = initialDhcpServer(SCOPE);
      let offers = 0;
      for (const { msg, src, now } of traffic(seed)) {
        expect(chooseAddress(state, msg.mac, now)).toBe(scanChoice(state, msg.mac, now));
        const before = JSON.stringify(state);
        const a = handleDhcp(state, msg, now, SERVER, src);
        // The state given is left as it was (the next one is a copy).
        expect(JSON.stringify(state)).toBe(before);
        if (a.reply?.op === 'OFFER') offers++;
        state = a.state;
      }
      // The stream does fill the scope and reuse addresses, or it proves little.
      expect(offers).toBeGreaterThan(50);
      expect(leaseList(state.leases).length).toBeGreaterThanOrEqual(15);
    });
  }

  it('leaves the state it was given as it was', () => {
    const s = initialDhcpServer(SCOPE);
    const msg: DhcpClientMessage = { kind: 'dhcp.client', op: 'DISCOVER', xid: 1, mac: 'AA', hostname: 'A' };
    const offered = handleDhcp(s, msg, START, SERVER, '0.0.0.0');
    expect(s.leases).toStrictEqual({});
    // An older state used again answers from its own table, not the newer one's.
    expect(chooseAddress(s, 'BB', START)).toBe('10.0.0.10');
    expect(chooseAddress(offered.state, 'BB', START)).toBe('10.0.0.11');
    handleDhcp(s, msg, START, SERVER, '0.0.0.0');
    expect(s.leases).toStrictEqual({});
    expect(leaseList(offered.state.leases).map((l) => l.ip)).toStrictEqual(['10.0.0.10']);
  });

  it('starts the free-address search over for another scope over the same table', () => {
    const msg: DhcpClientMessage = { kind: 'dhcp.client', op: 'DISCOVER', xid: 1, mac: 'AA', hostname: 'A' };
    const s = handleDhcp(initialDhcpServer(SCOPE), msg, START, SERVER, '0.0.0.0').state;
    expect(chooseAddress(s, 'BB', START)).toBe('10.0.0.11');
    const wider = { ...s, scope: { ...SCOPE, rangeStart: '10.0.0.5' } };
    expect(chooseAddress(wider, 'BB', START)).toBe('10.0.0.5');
    expect(chooseAddress(s, 'BB', START)).toBe('10.0.0.11');
  });
});
