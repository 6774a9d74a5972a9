/**
 * The Windows DNS client, as a script step: a literal address is used as is; the host's own name
 * resolves locally; a single-label name gets the primary DNS suffix; then each configured DNS
 * server is asked in turn until one answers. A "name does not exist" from a server that answered
 * ends the search, as on Windows.
 */
import { isIpv4, type Ipv4 } from '../net/ipv4';
import type { DnsResponse, DnsType } from '../net/packets';
import { exchange, type ScriptOp, type ScriptResume } from '../proc/script';
import { TIMINGS } from '../core/timings';
import { effectiveIpConfig, type WindowsHostContext } from './hostState';

export type ResolveResult =
  | { ok: true; name: string; ip: Ipv4; response?: DnsResponse; server?: Ipv4 }
  | { ok: false; reason: 'nxdomain' | 'timeout' | 'no-servers' | 'servfail' | 'no-network'; server?: Ipv4 };

export interface QueryOutcome {
  server: Ipv4;
  status: 'answer' | 'timeout' | 'refused';
  response?: DnsResponse;
}

/** One DNS query to one server. */
export function* queryServer(
  host: WindowsHostContext,
  server: Ipv4,
  name: string,
  qtype: DnsType,
  timeoutMs: number = TIMINGS.dnsQueryTimeout,
): Generator<ScriptOp, QueryOutcome, ScriptResume> {
  const cfg = effectiveIpConfig(host.nic);
  const r = yield* exchange(
    {
      src: cfg.ip ?? '0.0.0.0',
      dst: server,
      transport: 'udp',
      port: 53,
      body: { kind: 'dns.query', name, qtype, recursionDesired: true },
    },
    timeoutMs,
  );
  if (r.status === 'ok' && r.body.kind === 'dns.response')
    return { server, status: 'answer', response: r.body };
  return { server, status: r.status === 'refused' ? 'refused' : 'timeout' };
}

export function qualify(host: WindowsHostContext, name: string): string {
  const n = name.replace(/\.$/, '');
  if (n.includes('.')) return n;
  const suffix = effectiveIpConfig(host.nic).dnsSuffix ?? host.domainFqdn;
  return `${n}.${suffix}`;
}

export function* resolveName(
  host: WindowsHostContext,
  name: string,
  qtype: DnsType = 'A',
): Generator<ScriptOp, ResolveResult, ScriptResume> {
  const cfg = effectiveIpConfig(host.nic);
  if (isIpv4(name)) return { ok: true, name, ip: name };
  const lower = name.toLowerCase().replace(/\.$/, '');
  if (qtype === 'A' && lower === 'localhost') return { ok: true, name: 'localhost', ip: '127.0.0.1' };
  if (
    qtype === 'A' &&
    cfg.ip &&
    (lower === host.hostname.toLowerCase() || lower === `${host.hostname.toLowerCase()}.${host.domainFqdn}`)
  ) {
    return { ok: true, name: `${host.hostname}.${host.domainFqdn}`, ip: cfg.ip };
  }
  if (!cfg.ip) return { ok: false, reason: 'no-network' };
  if (cfg.dnsServers.length === 0) return { ok: false, reason: 'no-servers' };
  const fqdn = qualify(host, name);
  let lastFailure: ResolveResult = { ok: false, reason: 'timeout' };
  for (const server of cfg.dnsServers) {
    const q = yield* queryServer(host, server === '127.0.0.1' ? cfg.ip : server, fqdn, qtype);
    if (q.status !== 'answer' || !q.response) {
      lastFailure = { ok: false, reason: 'timeout', server };
      continue;
    }
    const res = q.response;
    if (res.rcode === 'NXDOMAIN') return { ok: false, reason: 'nxdomain', server };
    if (res.rcode !== 'NOERROR') {
      lastFailure = { ok: false, reason: 'servfail', server };
      continue;
    }
    const a = res.answers.find((x) => x.type === 'A');
    if (qtype === 'A') {
      if (a) return { ok: true, name: fqdn, ip: a.data, response: res, server };
      return { ok: false, reason: 'nxdomain', server };
    }
    return { ok: true, name: fqdn, ip: a?.data ?? '', response: res, server };
  }
  return lastFailure;
}
