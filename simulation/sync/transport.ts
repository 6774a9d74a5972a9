/**
 * How Entra Connect's scripts reach the cloud and the directory: HTTPS to a named cloud endpoint
 * (DNS, then TCP 443 with the name as SNI) and LDAP to the DC with the connector account.
 */
import type { Credentials, DirResponse } from '../net/appMessages';
import type { Message } from '../net/packets';
import { exchange, type ScriptOp, type ScriptResume } from '../proc/script';
import { TIMINGS } from '../core/timings';
import { effectiveIpConfig, type WindowsHostContext } from '../windows/hostState';
import { resolveName } from '../windows/resolver';

type Gen<T> = Generator<ScriptOp, T, ScriptResume>;

export const ENDPOINTS = {
  sync: 'adminwebservice.microsoftonline.com',
  login: 'login.microsoftonline.com',
};

/** HTTPS to a named cloud endpoint: DNS, then TCP 443 with the name as SNI. */
export function* https(
  host: WindowsHostContext,
  name: string,
  body: Message,
  options: { keepOpen?: boolean; closeFlow?: boolean; timeout?: number } = {},
): Gen<{ ok: true; body: Message } | { ok: false; reason: 'dns' | 'timeout' | 'refused' | 'tls' }> {
  const r = yield* resolveName(host, name);
  if (!r.ok) return { ok: false, reason: 'dns' };
  // Microsoft's endpoints accept TLS 1.2 only: without it the handshake fails after the TCP connect.
  if (!host.tls12Active) {
    const src = effectiveIpConfig(host.nic).ip ?? '0.0.0.0';
    const probe = yield* exchange(
      { src, dst: r.ip, transport: 'tcp', port: 443, host: name, body: { kind: 'tcp.syn' } },
      options.timeout ?? TIMINGS.tcpConnectTimeout,
    );
    return {
      ok: false,
      reason: probe.status === 'ok' ? 'tls' : probe.status === 'timeout' ? 'timeout' : 'refused',
    };
  }
  const src = effectiveIpConfig(host.nic).ip ?? '0.0.0.0';
  const x = yield* exchange(
    {
      src,
      dst: r.ip,
      transport: 'tcp',
      port: 443,
      host: name,
      keepOpen: options.keepOpen,
      closeFlow: options.closeFlow,
      body,
    },
    options.timeout ?? TIMINGS.tcpConnectTimeout,
  );
  if (x.status === 'ok') return { ok: true, body: x.body };
  return { ok: false, reason: x.status === 'timeout' ? 'timeout' : 'refused' };
}

/** A request to the DC's directory over LDAP (389) with the connector account. */
export function* ldap(
  host: WindowsHostContext,
  dcIp: string,
  bind: Credentials,
  op: Extract<Message, { kind: 'app.dir.request' }>['op'],
): Gen<DirResponse | undefined> {
  const src = effectiveIpConfig(host.nic).ip ?? '0.0.0.0';
  const r = yield* exchange(
    { src, dst: dcIp, transport: 'tcp', port: 389, body: { kind: 'app.dir.request', bind, op } },
    TIMINGS.tcpConnectTimeout,
  );
  return r.status === 'ok' && r.body.kind === 'app.dir.response' ? r.body : undefined;
}
