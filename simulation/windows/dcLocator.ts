/**
 * The DC locator, as a script step: ask DNS for the domain's `_ldap._tcp.dc._msdcs` SRV records,
 * then "ping" the DC they name over CLDAP (UDP 389). Shared by sign-in, nltest and the AD cmdlets.
 */
import type { LdapPingReply } from '../net/appMessages';
import { exchange, type ScriptOp, type ScriptResume } from '../proc/script';
import { TIMINGS } from '../core/timings';
import { effectiveIpConfig, type WindowsHostContext } from './hostState';
import { queryServer } from './resolver';

export type LocateResult =
  { ok: true; dc: LdapPingReply } | { ok: false; status: 'ERROR_NO_SUCH_DOMAIN' | 'ERROR_NO_LOGON_SERVERS' };

export function* locateDc(
  host: WindowsHostContext,
  domain: string,
): Generator<ScriptOp, LocateResult, ScriptResume> {
  const cfg = effectiveIpConfig(host.nic);
  if (!cfg.ip) return { ok: false, status: 'ERROR_NO_SUCH_DOMAIN' };
  const srvName = `_ldap._tcp.dc._msdcs.${domain}`;
  let target: { name: string; ip?: string } | undefined;
  for (const server of cfg.dnsServers) {
    const q = yield* queryServer(host, server === '127.0.0.1' ? cfg.ip : server, srvName, 'SRV');
    if (q.status !== 'answer' || !q.response) continue;
    if (q.response.rcode === 'NXDOMAIN') break;
    const srv = q.response.answers.find((a) => a.type === 'SRV');
    if (!srv) break;
    target = {
      name: srv.data,
      ip: q.response.additional.find((a) => a.type === 'A' && a.name.toLowerCase() === srv.data.toLowerCase())
        ?.data,
    };
    if (!target.ip) {
      const a = yield* queryServer(host, server === '127.0.0.1' ? cfg.ip : server, srv.data, 'A');
      target.ip = a.response?.answers.find((x) => x.type === 'A')?.data;
    }
    break;
  }
  if (!target?.ip) return { ok: false, status: 'ERROR_NO_SUCH_DOMAIN' };
  const ping = yield* exchange(
    { src: cfg.ip, dst: target.ip, transport: 'udp', port: 389, body: { kind: 'app.ldap.ping', domain } },
    TIMINGS.dnsQueryTimeout,
  );
  if (ping.status === 'ok' && ping.body.kind === 'app.ldap.pingReply') return { ok: true, dc: ping.body };
  return { ok: false, status: 'ERROR_NO_LOGON_SERVERS' };
}
