import { describe, expect, it } from 'vitest';
import type { DnsQuery, DnsRecord, DnsResponse, DnsType } from '../../../simulation/net/packets';
import {
  answer,
  applyUpdate,
  domainZones,
  reverseName,
  zoneFor,
  type DnsServerState,
  type DnsZone,
} from '../../../simulation/roles/dnsServer';

const DC_IP = '192.168.6.2';
const SITE = 'Default-First-Site-Name';

function dcZones(): DnsZone[] {
  return domainZones({
    domain: 'LaborHub.Store',
    dcHost: 'DC01',
    dcIp: DC_IP,
    siteName: SITE,
    staticHosts: [{ name: 'SYNC01', ip: '192.168.6.10' }],
    reverseZone: '6.168.192.in-addr.arpa',
  });
}

/** The DC's DNS Server role: the domain zones and Google's resolver as forwarder. */
function dcDns(forwarders = ['8.8.8.8']): DnsServerState {
  return { zones: dcZones(), forwarders };
}

/** The public resolver: one catch-all root zone and no forwarders. */
function publicDns(): DnsServerState {
  return {
    zones: [
      {
        name: '',
        records: [
          { name: 'login.microsoftonline.com', type: 'A', ttl: 300, data: '20.190.160.20' },
          { name: 'dns.google', type: 'A', ttl: 300, data: '8.8.8.8' },
          { name: '8.8.8.8.in-addr.arpa', type: 'PTR', ttl: 300, data: 'dns.google' },
        ],
        dynamicUpdates: false,
      },
    ],
    forwarders: [],
  };
}

function q(name: string, qtype: DnsType = 'A', recursionDesired = true): DnsQuery {
  return { kind: 'dns.query', name, qtype, recursionDesired };
}

function response(state: DnsServerState, query: DnsQuery): DnsResponse {
  const d = answer(state, query);
  if (d.kind !== 'answer') throw new Error(`expected an answer, got ${JSON.stringify(d)}`);
  return d.response;
}

const srv = (name: string, port: number): DnsRecord => ({
  name,
  type: 'SRV',
  ttl: 600,
  data: 'dc01.laborhub.store',
  priority: 0,
  weight: 100,
  port,
});
const DC_A: DnsRecord = { name: 'dc01.laborhub.store', type: 'A', ttl: 3600, data: DC_IP };

describe('domainZones', () => {
  it('builds the domain zone, the _msdcs zone and the reverse zone, all taking dynamic updates', () => {
    expect(dcZones().map((z) => [z.name, z.dynamicUpdates])).toEqual([
      ['laborhub.store', true],
      ['_msdcs.laborhub.store', true],
      ['6.168.192.in-addr.arpa', true],
    ]);
  });

  it('puts the domain’s own A record, the DC, the static hosts and the DC locator SRV records in the domain zone', () => {
    expect(dcZones()[0]?.records).toStrictEqual([
      { name: 'laborhub.store', type: 'A', ttl: 600, data: DC_IP },
      DC_A,
      { name: 'sync01.laborhub.store', type: 'A', ttl: 3600, data: '192.168.6.10' },
      srv('_ldap._tcp.laborhub.store', 389),
      srv('_kerberos._tcp.laborhub.store', 88),
      srv('_kerberos._udp.laborhub.store', 88),
      srv('_kpasswd._tcp.laborhub.store', 464),
      srv('_kpasswd._udp.laborhub.store', 464),
      srv('_gc._tcp.laborhub.store', 3268),
      srv(`_ldap._tcp.${SITE}._sites.laborhub.store`, 389),
      srv(`_kerberos._tcp.${SITE}._sites.laborhub.store`, 88),
    ]);
  });

  it('puts the DC-locator records and gc A record in the _msdcs zone', () => {
    expect(dcZones()[1]?.records).toStrictEqual([
      srv('_ldap._tcp.dc._msdcs.laborhub.store', 389),
      srv('_kerberos._tcp.dc._msdcs.laborhub.store', 88),
      srv('_ldap._tcp.pdc._msdcs.laborhub.store', 389),
      srv('_ldap._tcp.gc._msdcs.laborhub.store', 3268),
      srv(`_ldap._tcp.${SITE}._sites.dc._msdcs.laborhub.store`, 389),
      { name: 'gc._msdcs.laborhub.store', type: 'A', ttl: 600, data: DC_IP },
    ]);
  });

  it('puts PTR records for the DC and the static hosts in the reverse zone', () => {
    expect(dcZones()[2]?.records).toStrictEqual([
      { name: '2.6.168.192.in-addr.arpa', type: 'PTR', ttl: 3600, data: 'dc01.laborhub.store' },
      { name: '10.6.168.192.in-addr.arpa', type: 'PTR', ttl: 3600, data: 'sync01.laborhub.store' },
    ]);
  });
});

describe('reverseName', () => {
  it.each([
    { ip: '192.168.6.2', name: '2.6.168.192.in-addr.arpa' },
    { ip: '192.168.6.101', name: '101.6.168.192.in-addr.arpa' },
    { ip: '8.8.8.8', name: '8.8.8.8.in-addr.arpa' },
    { ip: '20.190.160.20', name: '20.160.190.20.in-addr.arpa' },
  ])('maps $ip to $name', ({ ip, name }) => {
    expect(reverseName(ip)).toBe(name);
  });
});

describe('zoneFor', () => {
  it.each([
    { name: 'laborhub.store', zone: 'laborhub.store' },
    { name: 'dc01.laborhub.store', zone: 'laborhub.store' },
    { name: 'DC01.LaborHub.Store.', zone: 'laborhub.store' },
    { name: '_ldap._tcp.dc._msdcs.laborhub.store', zone: '_msdcs.laborhub.store' },
    { name: '_msdcs.laborhub.store', zone: '_msdcs.laborhub.store' },
    { name: '2.6.168.192.in-addr.arpa', zone: '6.168.192.in-addr.arpa' },
    { name: 'notlaborhub.store', zone: undefined },
    { name: 'store', zone: undefined },
    { name: 'login.microsoftonline.com', zone: undefined },
    { name: '2.7.168.192.in-addr.arpa', zone: undefined },
  ])('puts $name in zone $zone', ({ name, zone }) => {
    expect(zoneFor(dcDns(), name)?.name).toBe(zone);
  });

  it('uses the catch-all root zone for every name no more specific zone owns', () => {
    const s: DnsServerState = { zones: [...publicDns().zones, ...dcZones()], forwarders: [] };
    expect(zoneFor(s, 'example.com')?.name).toBe('');
    expect(zoneFor(s, 'dc01.laborhub.store')?.name).toBe('laborhub.store');
    expect(zoneFor(s, 'x._msdcs.laborhub.store')?.name).toBe('_msdcs.laborhub.store');
  });
});

describe('answer', () => {
  it('answers the DC-locator SRV query with the DC and the glue A record for dc01.laborhub.store', () => {
    expect(response(dcDns(), q('_ldap._tcp.dc._msdcs.laborhub.store', 'SRV'))).toStrictEqual({
      kind: 'dns.response',
      name: '_ldap._tcp.dc._msdcs.laborhub.store',
      qtype: 'SRV',
      rcode: 'NOERROR',
      authoritative: true,
      answers: [srv('_ldap._tcp.dc._msdcs.laborhub.store', 389)],
      additional: [DC_A],
    });
  });

  it.each([
    { name: '_kerberos._tcp.laborhub.store', port: 88 },
    { name: '_kpasswd._udp.laborhub.store', port: 464 },
    { name: '_ldap._tcp.gc._msdcs.laborhub.store', port: 3268 },
    { name: `_ldap._tcp.${SITE}._sites.dc._msdcs.laborhub.store`, port: 389 },
  ])('answers SRV $name with port $port', ({ name, port }) => {
    const r = response(dcDns(), q(name, 'SRV'));
    expect(r.answers).toStrictEqual([srv(name, port)]);
    expect(r.additional).toStrictEqual([DC_A]);
  });

  it('answers an A query for the DC, case-insensitively and with a trailing dot, echoing the name as asked', () => {
    expect(response(dcDns(), q('DC01.LaborHub.Store.'))).toStrictEqual({
      kind: 'dns.response',
      name: 'DC01.LaborHub.Store.',
      qtype: 'A',
      rcode: 'NOERROR',
      authoritative: true,
      answers: [DC_A],
      additional: [],
    });
  });

  it('answers NXDOMAIN, authoritatively, for an unknown name in the zone', () => {
    expect(response(dcDns(), q('nosuch.laborhub.store'))).toStrictEqual({
      kind: 'dns.response',
      name: 'nosuch.laborhub.store',
      qtype: 'A',
      rcode: 'NXDOMAIN',
      authoritative: true,
      answers: [],
      additional: [],
    });
  });

  it.each([
    { title: 'a host asked for SRV', name: 'dc01.laborhub.store', qtype: 'SRV' as const },
    { title: 'an SRV name asked for A', name: '_ldap._tcp.laborhub.store', qtype: 'A' as const },
    { title: 'an A name asked for PTR', name: 'sync01.laborhub.store', qtype: 'PTR' as const },
    { title: 'a name with only names below it (_tcp)', name: '_tcp.laborhub.store', qtype: 'A' as const },
    { title: 'the _msdcs zone apex', name: '_msdcs.laborhub.store', qtype: 'A' as const },
  ])('answers NOERROR with no answers for $title', ({ name, qtype }) => {
    const r = response(dcDns(), q(name, qtype));
    expect(r.rcode).toBe('NOERROR');
    expect(r.authoritative).toBe(true);
    expect(r.answers).toStrictEqual([]);
    expect(r.additional).toStrictEqual([]);
  });

  it('answers ANY with every record of the name', () => {
    expect(response(dcDns(), q('laborhub.store', 'ANY')).answers).toStrictEqual([
      { name: 'laborhub.store', type: 'A', ttl: 600, data: DC_IP },
    ]);
  });

  it.each([
    { ip: DC_IP, host: 'dc01.laborhub.store' },
    { ip: '192.168.6.10', host: 'sync01.laborhub.store' },
  ])('answers the PTR query for $ip with $host', ({ ip, host }) => {
    const r = response(dcDns(), q(reverseName(ip), 'PTR'));
    expect(r.rcode).toBe('NOERROR');
    expect(r.answers).toStrictEqual([{ name: reverseName(ip), type: 'PTR', ttl: 3600, data: host }]);
    expect(r.additional).toStrictEqual([]);
  });

  it('answers NXDOMAIN for a PTR query of an address with no record in the reverse zone', () => {
    expect(response(dcDns(), q(reverseName('192.168.6.101'), 'PTR')).rcode).toBe('NXDOMAIN');
  });

  it('follows a CNAME to the A record within the zone for an A query', () => {
    const s = dcDns();
    s.zones[0]?.records.push({
      name: 'www.laborhub.store',
      type: 'CNAME',
      ttl: 300,
      data: 'DC01.laborhub.store',
    });
    const r = response(s, q('www.laborhub.store'));
    expect(r.rcode).toBe('NOERROR');
    expect(r.answers).toStrictEqual([
      { name: 'www.laborhub.store', type: 'CNAME', ttl: 300, data: 'DC01.laborhub.store' },
      DC_A,
    ]);
  });

  it('takes glue for an SRV target from any zone the server holds', () => {
    const s: DnsServerState = {
      zones: [
        {
          name: 'a.test',
          records: [{ ...srv('_ldap._tcp.a.test', 389), data: 'DC9.B.TEST' }],
          dynamicUpdates: false,
        },
        {
          name: 'b.test',
          records: [{ name: 'dc9.b.test', type: 'A', ttl: 60, data: '10.0.0.9' }],
          dynamicUpdates: false,
        },
      ],
      forwarders: [],
    };
    expect(response(s, q('_ldap._tcp.a.test', 'SRV')).additional).toStrictEqual([
      { name: 'dc9.b.test', type: 'A', ttl: 60, data: '10.0.0.9' },
    ]);
  });

  describe('names outside the server’s zones', () => {
    it('decides to forward to the forwarders when recursion is desired', () => {
      expect(answer(dcDns(['8.8.8.8', '1.1.1.1']), q('login.microsoftonline.com'))).toStrictEqual({
        kind: 'forward',
        to: ['8.8.8.8', '1.1.1.1'],
      });
    });

    const refused = (name: string): DnsResponse => ({
      kind: 'dns.response',
      name,
      qtype: 'A',
      rcode: 'REFUSED',
      authoritative: false,
      answers: [],
      additional: [],
    });

    it('answers REFUSED when the server has no forwarders', () => {
      expect(answer(dcDns([]), q('login.microsoftonline.com'))).toStrictEqual({
        kind: 'answer',
        response: refused('login.microsoftonline.com'),
      });
    });

    it('answers REFUSED when recursion is not desired, even with forwarders', () => {
      expect(answer(dcDns(), q('login.microsoftonline.com', 'A', false))).toStrictEqual({
        kind: 'answer',
        response: refused('login.microsoftonline.com'),
      });
    });
  });

  describe('the public resolver’s catch-all root zone', () => {
    it('answers the public names it knows', () => {
      const r = response(publicDns(), q('LOGIN.microsoftonline.com'));
      expect(r.rcode).toBe('NOERROR');
      expect(r.answers).toStrictEqual([
        { name: 'login.microsoftonline.com', type: 'A', ttl: 300, data: '20.190.160.20' },
      ]);
    });

    it('answers NXDOMAIN for the lab’s internal names instead of refusing', () => {
      const r = response(publicDns(), q('dc01.laborhub.store'));
      expect(r.rcode).toBe('NXDOMAIN');
      expect(r.answers).toStrictEqual([]);
    });

    it('answers NOERROR with no answers for a parent of a known name', () => {
      const r = response(publicDns(), q('microsoftonline.com'));
      expect(r.rcode).toBe('NOERROR');
      expect(r.answers).toStrictEqual([]);
    });

    it('answers the PTR query for 8.8.8.8 with dns.google', () => {
      expect(response(publicDns(), q(reverseName('8.8.8.8'), 'PTR')).answers).toStrictEqual([
        { name: '8.8.8.8.in-addr.arpa', type: 'PTR', ttl: 300, data: 'dns.google' },
      ]);
    });

    it('never forwards, even for a recursive query', () => {
      expect(answer(publicDns(), q('example.com')).kind).toBe('answer');
    });
  });
});

describe('applyUpdate', () => {
  it('adds an A record for a new member, lower-cased, with a TTL of 1200', () => {
    const before = dcDns();
    const { state, ok } = applyUpdate(before, 'PC2.LaborHub.Store', '192.168.6.101');
    expect(ok).toBe(true);
    expect(response(state, q('pc2.laborhub.store')).answers).toStrictEqual([
      { name: 'pc2.laborhub.store', type: 'A', ttl: 1200, data: '192.168.6.101' },
    ]);
  });

  it('replaces the existing A record of the name rather than adding a second one', () => {
    let s = applyUpdate(dcDns(), 'pc2.laborhub.store', '192.168.6.101').state;
    s = applyUpdate(s, 'pc2.laborhub.store.', '192.168.6.150').state;
    expect(response(s, q('pc2.laborhub.store')).answers).toStrictEqual([
      { name: 'pc2.laborhub.store', type: 'A', ttl: 1200, data: '192.168.6.150' },
    ]);
  });

  it('replaces only the A record of that name and keeps the zone’s other records', () => {
    const before = dcDns();
    const { state } = applyUpdate(before, 'dc01.laborhub.store', '192.168.6.3');
    const records = state.zones[0]?.records ?? [];
    expect(records).toHaveLength(before.zones[0]?.records.length ?? -1);
    expect(records.filter((r) => r.name === 'dc01.laborhub.store')).toStrictEqual([
      { name: 'dc01.laborhub.store', type: 'A', ttl: 1200, data: '192.168.6.3' },
    ]);
    expect(response(state, q('_ldap._tcp.dc._msdcs.laborhub.store', 'SRV')).additional).toStrictEqual([
      { name: 'dc01.laborhub.store', type: 'A', ttl: 1200, data: '192.168.6.3' },
    ]);
  });

  it('does not change the state it was given, nor the zones it does not touch', () => {
    const before = dcDns();
    const snapshot = JSON.parse(JSON.stringify(before)) as DnsServerState;
    const { state } = applyUpdate(before, 'pc2.laborhub.store', '192.168.6.101');
    expect(before).toStrictEqual(snapshot);
    expect(state.zones[1]).toBe(before.zones[1]);
    expect(state.zones[2]).toBe(before.zones[2]);
    expect(state.forwarders).toBe(before.forwarders);
  });

  it('writes into the most specific zone that owns the name', () => {
    const { state } = applyUpdate(dcDns(), 'x._msdcs.laborhub.store', '192.168.6.9');
    expect(state.zones[1]?.records.at(-1)).toStrictEqual({
      name: 'x._msdcs.laborhub.store',
      type: 'A',
      ttl: 1200,
      data: '192.168.6.9',
    });
    expect(state.zones[0]?.records.some((r) => r.name === 'x._msdcs.laborhub.store')).toBe(false);
  });

  it.each([
    { title: 'a name outside every zone', state: dcDns(), name: 'pc2.example.com' },
    { title: 'a zone that takes no dynamic updates', state: publicDns(), name: 'pc2.laborhub.store' },
  ])('refuses an update for $title and keeps the state', ({ state, name }) => {
    const r = applyUpdate(state, name, '192.168.6.101');
    expect(r.ok).toBe(false);
    expect(r.state).toBe(state);
  });
});
