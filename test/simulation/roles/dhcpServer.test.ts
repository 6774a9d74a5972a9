import { describe, expect, it } from 'vitest';
import { DAY, MINUTE } from '../../../simulation/core/time';
import { DEFAULT_LAB } from '../../../simulation/lab/defaultLab';
import type { DhcpScopeDefinition } from '../../../simulation/core/definition';
import { fromInt, toInt } from '../../../simulation/net/ipv4';
import type { DhcpClientMessage } from '../../../simulation/net/packets';
import {
  chooseAddress,
  handleDhcp,
  initialDhcpServer,
  type DhcpLeaseRecord,
  type DhcpServerState,
} from '../../../simulation/roles/dhcpServer';
import { leaseAt, leaseList, putLease } from '../../../simulation/roles/dhcpLeaseIndex';

const SERVER = '192.168.6.2';
const NOW = Date.UTC(2026, 2, 2, 8, 0, 0);
const MAC_A = '00-15-5D-06-01-01';
const MAC_B = '00-15-5D-06-01-02';
const MAC_C = '00-15-5D-06-01-03';

const OPTIONS = {
  router: '192.168.6.1',
  dnsServers: ['192.168.6.2'],
  domainName: 'laborhub.store',
  leaseMs: 8 * DAY,
  serverId: SERVER,
  subnetMask: '255.255.255.0',
};

function msg(
  op: DhcpClientMessage['op'],
  mac: string,
  extra: Partial<Omit<DhcpClientMessage, 'kind' | 'op' | 'mac'>> = {},
): DhcpClientMessage {
  return { kind: 'dhcp.client', op, xid: 0x1234, mac, hostname: `host-${mac.slice(-2)}`, ...extra };
}

function lease(ip: string, mac: string, state: DhcpLeaseRecord['state'], expiresAt: number): DhcpLeaseRecord {
  return { ip, mac, hostname: `host-${mac.slice(-2)}`, state, expiresAt };
}

function server(
  leases: DhcpLeaseRecord[] = [],
  scope: DhcpScopeDefinition = DEFAULT_LAB.dhcpScope,
): DhcpServerState {
  const s = initialDhcpServer(scope);
  return { ...s, leases: leases.reduce((t, l) => putLease(t, l.ip, l), s.leases) };
}

/** DISCOVER then REQUEST (selecting) from 0.0.0.0: the boot-time exchange. */
function dora(state: DhcpServerState, mac: string, now = NOW): { state: DhcpServerState; ip: string } {
  const offer = handleDhcp(state, msg('DISCOVER', mac), now, SERVER, '0.0.0.0');
  const ip = offer.reply?.yiaddr;
  if (!ip) throw new Error('no offer');
  const ack = handleDhcp(
    offer.state,
    msg('REQUEST', mac, { serverId: SERVER, requestedIp: ip }),
    now,
    SERVER,
    '0.0.0.0',
  );
  if (ack.reply?.op !== 'ACK') throw new Error(`no ACK: ${ack.reply?.op}`);
  return { state: ack.state, ip };
}

describe('initialDhcpServer', () => {
  it('starts active with the given scope and no leases', () => {
    expect(initialDhcpServer(DEFAULT_LAB.dhcpScope)).toStrictEqual({
      scope: DEFAULT_LAB.dhcpScope,
      active: true,
      leases: {},
    });
  });
});

describe('chooseAddress', () => {
  it('offers the lowest address after the exclusions (192.168.6.100 in the default scope)', () => {
    expect(chooseAddress(server(), MAC_A, NOW)).toBe('192.168.6.100');
  });

  it('skips addresses with live leases of other clients', () => {
    const s = server([
      lease('192.168.6.100', MAC_B, 'active', NOW + DAY),
      lease('192.168.6.101', MAC_C, 'offered', NOW + MINUTE),
    ]);
    expect(chooseAddress(s, MAC_A, NOW)).toBe('192.168.6.102');
  });

  it('reuses an address whose lease of another client has expired', () => {
    const s = server([lease('192.168.6.100', MAC_B, 'active', NOW)]);
    expect(chooseAddress(s, MAC_A, NOW)).toBe('192.168.6.100');
  });

  it('gives a client its current live address even when a lower one is free', () => {
    const s = server([lease('192.168.6.105', MAC_A, 'active', NOW + DAY)]);
    expect(chooseAddress(s, MAC_A, NOW)).toBe('192.168.6.105');
  });

  it('gives a client its previous, expired address back when nobody took it since', () => {
    const s = server([lease('192.168.6.120', MAC_A, 'offered', NOW - DAY)]);
    expect(chooseAddress(s, MAC_A, NOW)).toBe('192.168.6.120');
  });

  it('skips every exclusion range, not only the first', () => {
    const scope: DhcpScopeDefinition = {
      ...DEFAULT_LAB.dhcpScope,
      exclusions: [
        { start: '192.168.6.1', end: '192.168.6.99' },
        { start: '192.168.6.101', end: '192.168.6.110' },
      ],
    };
    const s = server([lease('192.168.6.100', MAC_B, 'active', NOW + DAY)], scope);
    expect(chooseAddress(s, MAC_A, NOW)).toBe('192.168.6.111');
  });

  // A client's previous address is handed back without checking it is still in the range: after an
  // exclusion grows over it, the server OFFERs an address its own REQUEST handling then NAKs.
  it('does not hand a client back a previous address that is now excluded', () => {
    const scope: DhcpScopeDefinition = {
      ...DEFAULT_LAB.dhcpScope,
      exclusions: [{ start: '192.168.6.1', end: '192.168.6.120' }],
    };
    const s = server([lease('192.168.6.100', MAC_A, 'offered', NOW - DAY)], scope);
    expect(chooseAddress(s, MAC_A, NOW)).toBe('192.168.6.121');
  });

  it('is undefined when every address of the scope is taken', () => {
    const taken: DhcpLeaseRecord[] = [];
    for (let n = toInt('192.168.6.100'); n <= toInt('192.168.6.254'); n++) {
      taken.push(lease(fromInt(n), `MAC-${n}`, 'active', NOW + DAY));
    }
    expect(chooseAddress(server(taken), MAC_A, NOW)).toBeUndefined();
  });
});

describe('handleDhcp', () => {
  describe('DISCOVER', () => {
    it('answers the first client with an OFFER of 192.168.6.100 carrying the scope options', () => {
      const { state, reply } = handleDhcp(server(), msg('DISCOVER', MAC_A), NOW, SERVER, '0.0.0.0');
      expect(reply).toStrictEqual({
        kind: 'dhcp.server',
        op: 'OFFER',
        xid: 0x1234,
        mac: MAC_A,
        yiaddr: '192.168.6.100',
        options: OPTIONS,
      });
      expect(leaseList(state.leases)).toStrictEqual([
        lease('192.168.6.100', MAC_A, 'offered', NOW + 2 * MINUTE),
      ]);
    });

    it('offers the same address again to the same MAC while its offer is held', () => {
      const first = handleDhcp(server(), msg('DISCOVER', MAC_A), NOW, SERVER, '0.0.0.0');
      const again = handleDhcp(first.state, msg('DISCOVER', MAC_A), NOW + MINUTE, SERVER, '0.0.0.0');
      expect(again.reply?.yiaddr).toBe('192.168.6.100');
      expect(leaseAt(again.state.leases, '192.168.6.100')?.expiresAt).toBe(NOW + 3 * MINUTE);
    });

    it('offers the next address to another MAC while the first offer is held', () => {
      const first = handleDhcp(server(), msg('DISCOVER', MAC_A), NOW, SERVER, '0.0.0.0');
      const second = handleDhcp(first.state, msg('DISCOVER', MAC_B), NOW + MINUTE, SERVER, '0.0.0.0');
      expect(second.reply?.yiaddr).toBe('192.168.6.101');
    });

    it('lets an unclaimed offer lapse after two minutes, so another MAC gets that address', () => {
      const first = handleDhcp(server(), msg('DISCOVER', MAC_A), NOW, SERVER, '0.0.0.0');
      const atHold = handleDhcp(first.state, msg('DISCOVER', MAC_B), NOW + 2 * MINUTE - 1, SERVER, '0.0.0.0');
      const afterHold = handleDhcp(first.state, msg('DISCOVER', MAC_B), NOW + 2 * MINUTE, SERVER, '0.0.0.0');
      expect(atHold.reply?.yiaddr).toBe('192.168.6.101');
      expect(afterHold.reply?.yiaddr).toBe('192.168.6.100');
    });

    it('offers a client with an active lease that address and keeps the active lease as it was', () => {
      const { state } = dora(server(), MAC_A);
      const rec = leaseAt(state.leases, '192.168.6.100');
      const again = handleDhcp(state, msg('DISCOVER', MAC_A), NOW + DAY, SERVER, '0.0.0.0');
      expect(again.reply?.op).toBe('OFFER');
      expect(again.reply?.yiaddr).toBe('192.168.6.100');
      expect(leaseAt(again.state.leases, '192.168.6.100')).toBe(rec);
    });

    it('sends no OFFER and keeps its state when the scope is exhausted', () => {
      const scope: DhcpScopeDefinition = {
        ...DEFAULT_LAB.dhcpScope,
        rangeStart: '192.168.6.100',
        rangeEnd: '192.168.6.101',
        exclusions: [],
      };
      let state = server([], scope);
      state = dora(state, MAC_A).state;
      state = dora(state, MAC_B).state;
      const third = handleDhcp(state, msg('DISCOVER', MAC_C), NOW, SERVER, '0.0.0.0');
      expect(third.reply).toBeUndefined();
      expect(third.state).toBe(state);
    });

    it('does not change the state it was given', () => {
      const before = server();
      handleDhcp(before, msg('DISCOVER', MAC_A), NOW, SERVER, '0.0.0.0');
      expect(before.leases).toStrictEqual({});
    });
  });

  describe('REQUEST', () => {
    it('ACKs the selected offer and records an active lease that expires eight days later', () => {
      const offer = handleDhcp(server(), msg('DISCOVER', MAC_A), NOW, SERVER, '0.0.0.0');
      const { state, reply } = handleDhcp(
        offer.state,
        msg('REQUEST', MAC_A, { serverId: SERVER, requestedIp: '192.168.6.100', xid: 77 }),
        NOW + 1000,
        SERVER,
        '0.0.0.0',
      );
      expect(reply).toStrictEqual({
        kind: 'dhcp.server',
        op: 'ACK',
        xid: 77,
        mac: MAC_A,
        yiaddr: '192.168.6.100',
        options: OPTIONS,
      });
      expect(leaseAt(state.leases, '192.168.6.100')).toStrictEqual(
        lease('192.168.6.100', MAC_A, 'active', NOW + 1000 + 8 * DAY),
      );
    });

    it('ignores a REQUEST that names another server’s id (the client chose that server)', () => {
      const offer = handleDhcp(server(), msg('DISCOVER', MAC_A), NOW, SERVER, '0.0.0.0');
      const r = handleDhcp(
        offer.state,
        msg('REQUEST', MAC_A, { serverId: '192.168.6.3', requestedIp: '192.168.6.100' }),
        NOW,
        SERVER,
        '0.0.0.0',
      );
      expect(r.reply).toBeUndefined();
      expect(r.state).toBe(offer.state);
    });

    it.each([
      { title: 'held by another MAC (active)', state: 'active' as const, expiresAt: NOW + DAY },
      { title: 'offered to another MAC', state: 'offered' as const, expiresAt: NOW + MINUTE },
    ])('NAKs a REQUEST for an address $title', ({ state, expiresAt }) => {
      const s = server([lease('192.168.6.100', MAC_B, state, expiresAt)]);
      const r = handleDhcp(
        s,
        msg('REQUEST', MAC_A, { requestedIp: '192.168.6.100' }),
        NOW,
        SERVER,
        '0.0.0.0',
      );
      expect(r.reply).toStrictEqual({
        kind: 'dhcp.server',
        op: 'NAK',
        xid: 0x1234,
        mac: MAC_A,
        yiaddr: '0.0.0.0',
        options: OPTIONS,
      });
      expect(r.state).toBe(s);
    });

    it('ACKs a REQUEST for an address whose other holder’s lease has expired', () => {
      const s = server([lease('192.168.6.100', MAC_B, 'active', NOW)]);
      const r = handleDhcp(
        s,
        msg('REQUEST', MAC_A, { requestedIp: '192.168.6.100' }),
        NOW,
        SERVER,
        '0.0.0.0',
      );
      expect(r.reply?.op).toBe('ACK');
      expect(leaseAt(r.state.leases, '192.168.6.100')?.mac).toBe(MAC_A);
    });

    it.each([
      { title: 'in another subnet', requestedIp: '192.168.7.5' },
      { title: 'in the excluded range', requestedIp: '192.168.6.50' },
      { title: 'at the router’s address (excluded)', requestedIp: '192.168.6.1' },
      { title: 'past the end of the range', requestedIp: '192.168.6.255' },
      { title: 'in APIPA space', requestedIp: '169.254.12.34' },
    ])('NAKs a REQUEST for an address $title', ({ requestedIp }) => {
      const s = server();
      const r = handleDhcp(s, msg('REQUEST', MAC_A, { requestedIp }), NOW, SERVER, '0.0.0.0');
      expect(r.reply?.op).toBe('NAK');
      expect(r.reply?.yiaddr).toBe('0.0.0.0');
      expect(r.state).toBe(s);
    });

    it('NAKs a REQUEST that names no address and comes from 0.0.0.0', () => {
      const r = handleDhcp(server(), msg('REQUEST', MAC_A), NOW, SERVER, '0.0.0.0');
      expect(r.reply?.op).toBe('NAK');
    });

    it('renews a lease requested from the lease address itself, with a new expiry of now + 8 days', () => {
      const { state } = dora(server(), MAC_A);
      const later = NOW + 4 * DAY;
      const r = handleDhcp(state, msg('REQUEST', MAC_A), later, SERVER, '192.168.6.100');
      expect(r.reply?.op).toBe('ACK');
      expect(r.reply?.yiaddr).toBe('192.168.6.100');
      expect(leaseAt(r.state.leases, '192.168.6.100')).toStrictEqual(
        lease('192.168.6.100', MAC_A, 'active', later + 8 * DAY),
      );
    });

    it('prefers the requested address over the source address when both are given', () => {
      const r = handleDhcp(
        server(),
        msg('REQUEST', MAC_A, { requestedIp: '192.168.6.130' }),
        NOW,
        SERVER,
        '192.168.6.120',
      );
      expect(r.reply?.yiaddr).toBe('192.168.6.130');
    });

    it('takes the client’s hostname into the lease record', () => {
      const r = handleDhcp(
        server(),
        msg('REQUEST', MAC_A, { requestedIp: '192.168.6.100', hostname: 'PC2' }),
        NOW,
        SERVER,
        '0.0.0.0',
      );
      expect(leaseAt(r.state.leases, '192.168.6.100')?.hostname).toBe('PC2');
    });
  });

  describe('RELEASE', () => {
    it('keeps the record but expired, and sends no answer', () => {
      const { state } = dora(server(), MAC_A);
      const r = handleDhcp(state, msg('RELEASE', MAC_A), NOW + DAY, SERVER, '192.168.6.100');
      expect(r.reply).toBeUndefined();
      expect(leaseAt(r.state.leases, '192.168.6.100')).toStrictEqual(
        lease('192.168.6.100', MAC_A, 'offered', NOW + DAY),
      );
    });

    it('gives the released client the same address back later', () => {
      let { state } = dora(server(), MAC_A);
      state = dora(state, MAC_B).state; // MAC_B holds .101
      state = handleDhcp(state, msg('RELEASE', MAC_A), NOW + DAY, SERVER, '192.168.6.100').state;
      const offer = handleDhcp(state, msg('DISCOVER', MAC_A), NOW + 2 * DAY, SERVER, '0.0.0.0');
      expect(offer.reply?.yiaddr).toBe('192.168.6.100');
    });

    it('makes the released address free for another client that asks first', () => {
      let { state } = dora(server(), MAC_A);
      state = handleDhcp(state, msg('RELEASE', MAC_A), NOW + DAY, SERVER, '192.168.6.100').state;
      expect(chooseAddress(state, MAC_B, NOW + DAY)).toBe('192.168.6.100');
    });

    it.each([
      { title: 'from a MAC that does not hold the address', mac: MAC_B, src: '192.168.6.100' },
      { title: 'from an address with no lease', mac: MAC_A, src: '192.168.6.140' },
    ])('ignores a RELEASE $title', ({ mac, src }) => {
      const { state } = dora(server(), MAC_A);
      const r = handleDhcp(state, msg('RELEASE', mac), NOW + DAY, SERVER, src);
      expect(r.reply).toBeUndefined();
      expect(r.state).toBe(state);
    });
  });

  describe('an inactive scope', () => {
    it.each([
      { op: 'DISCOVER' as const, extra: {}, src: '0.0.0.0' },
      { op: 'REQUEST' as const, extra: { serverId: SERVER, requestedIp: '192.168.6.100' }, src: '0.0.0.0' },
      { op: 'REQUEST' as const, extra: {}, src: '192.168.6.100' },
      { op: 'RELEASE' as const, extra: {}, src: '192.168.6.100' },
    ])('does not answer a $op (from $src) and keeps its state', ({ op, extra, src }) => {
      const active = dora(server(), MAC_A).state;
      const inactive = { ...active, active: false };
      const r = handleDhcp(inactive, msg(op, MAC_A, extra), NOW + DAY, SERVER, src);
      expect(r).toStrictEqual({ state: inactive });
      expect(r.state).toBe(inactive);
    });
  });

  describe('options', () => {
    it('carry the scope’s router, DNS servers, domain and lease time, and this server’s id', () => {
      const r = handleDhcp(server(), msg('DISCOVER', MAC_A), NOW, '10.9.9.9', '0.0.0.0');
      expect(r.reply?.options).toStrictEqual({ ...OPTIONS, serverId: '10.9.9.9' });
    });

    it('follow a scope with other settings', () => {
      const scope: DhcpScopeDefinition = {
        ...DEFAULT_LAB.dhcpScope,
        leaseDays: 1,
        router: '192.168.6.254',
        dnsServers: ['192.168.6.2', '192.168.6.3'],
        domainName: 'example.test',
      };
      const r = handleDhcp(server([], scope), msg('DISCOVER', MAC_A), NOW, SERVER, '0.0.0.0');
      expect(r.reply?.options).toStrictEqual({
        router: '192.168.6.254',
        dnsServers: ['192.168.6.2', '192.168.6.3'],
        domainName: 'example.test',
        leaseMs: DAY,
        serverId: SERVER,
        subnetMask: '255.255.255.0',
      });
    });
  });

  it('hands out consecutive addresses to three PCs booting one after another', () => {
    let state = server();
    const ips: string[] = [];
    for (const mac of [MAC_A, MAC_B, MAC_C]) {
      const r = dora(state, mac);
      state = r.state;
      ips.push(r.ip);
    }
    expect(ips).toEqual(['192.168.6.100', '192.168.6.101', '192.168.6.102']);
    expect(leaseList(state.leases).map((l) => [l.ip, l.mac, l.state])).toEqual([
      ['192.168.6.100', MAC_A, 'active'],
      ['192.168.6.101', MAC_B, 'active'],
      ['192.168.6.102', MAC_C, 'active'],
    ]);
  });
});
