/**
 * DNS server logic shared by the domain controller's DNS Server role and the public resolver on
 * the internet: authoritative zones, dynamic updates from domain members, and (for the DC)
 * forwarding of names it does not own. Pure: a query in, an answer or "forward it" out.
 */
import type { DnsQuery, DnsRecord, DnsResponse } from '../net/packets';
import type { Ipv4 } from '../net/ipv4';

export interface DnsZone {
  name: string;
  records: DnsRecord[];
  dynamicUpdates: boolean;
}

export interface DnsServerState {
  zones: DnsZone[];
  forwarders: Ipv4[];
}

/** A name as zones compare it: lower case, without the trailing dot (no regex: runs per record). */
function lower(s: string): string {
  const l = s.toLowerCase();
  return l.endsWith('.') ? l.slice(0, -1) : l;
}

/** The most specific zone that owns this name. */
export function zoneFor(state: DnsServerState, name: string): DnsZone | undefined {
  const n = lower(name);
  return state.zones
    .filter((z) => z.name === '' || n === lower(z.name) || n.endsWith(`.${lower(z.name)}`))
    .sort((a, b) => b.name.length - a.name.length)[0];
}

/**
 * A zone's record names as queries compare them, lowered once per records array (every query reads
 * them all). Records are never changed in place: an update makes the zone a new array.
 */
const LOWERED = new WeakMap<DnsRecord[], string[]>();

function loweredNames(records: DnsRecord[]): string[] {
  let names = LOWERED.get(records);
  if (!names || names.length !== records.length) {
    names = records.map((r) => lower(r.name));
    LOWERED.set(records, names);
  }
  return names;
}

/** A records for SRV targets, from any zone this server holds (nslookup prints them after the SRV lines). */
function glue(state: DnsServerState, answers: DnsRecord[]): DnsRecord[] {
  const targets = new Set(answers.filter((a) => a.type === 'SRV').map((a) => lower(a.data)));
  const found: DnsRecord[] = [];
  if (targets.size === 0) return found;
  for (const z of state.zones) {
    const names = loweredNames(z.records);
    z.records.forEach((r, i) => {
      if (r.type === 'A' && targets.has(names[i] as string)) found.push(r);
    });
  }
  return found;
}

export type DnsDecision = { kind: 'answer'; response: DnsResponse } | { kind: 'forward'; to: Ipv4[] };

/** The server's own answer to `q`: the question echoed, then what it found. */
function answered(
  q: DnsQuery,
  found: Pick<DnsResponse, 'rcode' | 'authoritative' | 'answers' | 'additional'>,
): DnsDecision {
  return { kind: 'answer', response: { kind: 'dns.response', name: q.name, qtype: q.qtype, ...found } };
}

export function answer(state: DnsServerState, q: DnsQuery): DnsDecision {
  const zone = zoneFor(state, q.name);
  if (!zone) {
    if (state.forwarders.length > 0 && q.recursionDesired) return { kind: 'forward', to: state.forwarders };
    return answered(q, { rcode: 'REFUSED', authoritative: false, answers: [], additional: [] });
  }
  const n = lower(q.name);
  const names = loweredNames(zone.records);
  const named = zone.records.filter((_, i) => names[i] === n);
  let answers = q.qtype === 'ANY' ? named : named.filter((r) => r.type === q.qtype);
  // Follow a CNAME within the zone for A queries.
  if (answers.length === 0 && q.qtype === 'A') {
    const cname = named.find((r) => r.type === 'CNAME');
    if (cname) {
      const target = lower(cname.data);
      answers = [cname, ...zone.records.filter((r, i) => r.type === 'A' && names[i] === target)];
    }
  }
  // A name that exists with other record types is NOERROR with no answers; an unknown name is NXDOMAIN.
  const below = `.${n}`;
  const exists = named.length > 0 || names.some((name) => name.endsWith(below));
  return answered(q, {
    rcode: answers.length > 0 || exists ? 'NOERROR' : 'NXDOMAIN',
    authoritative: true,
    answers,
    additional: glue(state, answers),
  });
}

/** A secure dynamic update: replace the name's A record in the zone that owns it. */
export function applyUpdate(
  state: DnsServerState,
  name: string,
  ip: Ipv4,
): { state: DnsServerState; ok: boolean } {
  const zone = zoneFor(state, name);
  if (!zone || !zone.dynamicUpdates) return { state, ok: false };
  const n = lower(name);
  const records = zone.records.filter((r) => !(r.type === 'A' && lower(r.name) === n));
  records.push({ name: n, type: 'A', ttl: 1200, data: ip });
  return {
    state: { ...state, zones: state.zones.map((z) => (z === zone ? { ...zone, records } : z)) },
    ok: true,
  };
}

export function reverseName(ip: Ipv4): string {
  return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
}

/** The domain's zones as a fresh AD-integrated DNS server has them, with the DC's SRV records. */
export function domainZones(opts: {
  domain: string;
  dcHost: string;
  dcIp: Ipv4;
  siteName: string;
  staticHosts: { name: string; ip: Ipv4 }[];
  reverseZone: string;
}): DnsZone[] {
  const d = opts.domain.toLowerCase();
  const dc = `${opts.dcHost.toLowerCase()}.${d}`;
  const srv = (name: string, port: number): DnsRecord => ({
    name,
    type: 'SRV',
    ttl: 600,
    data: dc,
    priority: 0,
    weight: 100,
    port,
  });
  const records: DnsRecord[] = [
    { name: d, type: 'A', ttl: 600, data: opts.dcIp },
    { name: dc, type: 'A', ttl: 3600, data: opts.dcIp },
    ...opts.staticHosts.map((h) => ({
      name: `${h.name.toLowerCase()}.${d}`,
      type: 'A' as const,
      ttl: 3600,
      data: h.ip,
    })),
    srv(`_ldap._tcp.${d}`, 389),
    srv(`_kerberos._tcp.${d}`, 88),
    srv(`_kerberos._udp.${d}`, 88),
    srv(`_kpasswd._tcp.${d}`, 464),
    srv(`_kpasswd._udp.${d}`, 464),
    srv(`_gc._tcp.${d}`, 3268),
    srv(`_ldap._tcp.${opts.siteName}._sites.${d}`, 389),
    srv(`_kerberos._tcp.${opts.siteName}._sites.${d}`, 88),
  ];
  const msdcs: DnsRecord[] = [
    srv(`_ldap._tcp.dc._msdcs.${d}`, 389),
    srv(`_kerberos._tcp.dc._msdcs.${d}`, 88),
    srv(`_ldap._tcp.pdc._msdcs.${d}`, 389),
    srv(`_ldap._tcp.gc._msdcs.${d}`, 3268),
    srv(`_ldap._tcp.${opts.siteName}._sites.dc._msdcs.${d}`, 389),
    { name: `gc._msdcs.${d}`, type: 'A', ttl: 600, data: opts.dcIp },
  ];
  const reverse: DnsRecord[] = [
    { name: reverseName(opts.dcIp), type: 'PTR', ttl: 3600, data: dc },
    ...opts.staticHosts.map((h) => ({
      name: reverseName(h.ip),
      type: 'PTR' as const,
      ttl: 3600,
      data: `${h.name.toLowerCase()}.${d}`,
    })),
  ];
  return [
    { name: d, records, dynamicUpdates: true },
    { name: `_msdcs.${d}`, records: msdcs, dynamicUpdates: true },
    { name: opts.reverseZone, records: reverse, dynamicUpdates: true },
  ];
}
