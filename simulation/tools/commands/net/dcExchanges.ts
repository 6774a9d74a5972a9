/**
 * What a Windows host asks its domain controller over the lab's network: Netlogon's secure-channel
 * check and machine-password reset with the host's machine secret (TCP 445), and a Kerberos AS
 * exchange with the console user's credentials and the host's own clock (UDP 88). nltest, klist,
 * gpupdate and Test-ComputerSecureChannel build on them.
 */
import type { KrbErrorCode, LdapPingReply } from '../../../net/appMessages';
import type { Ipv4 } from '../../../net/ipv4';
import { exchange } from '../../../proc/script';
import { TIMINGS } from '../../../core/timings';
import { locateDc } from '../../../windows/dcLocator';
import { effectiveIpConfig, hasUsableAddress, type WindowsHostContext } from '../../../windows/hostState';
import { hostClock, type Step, type Stopwatch } from '../stopwatch';
import type { CommandEnv } from '../types';

const sourceIp = (host: WindowsHostContext): Ipv4 => effectiveIpConfig(host.nic).ip ?? '0.0.0.0';

/** Whether a name typed for "this domain" means the host's own domain (DNS or NetBIOS name). */
export function ownDomain(host: WindowsHostContext, name: string): boolean {
  const n = name.toLowerCase().replace(/\.$/, '');
  return n === '' || n === host.domainFqdn.toLowerCase() || n === host.domainNetbios.toLowerCase();
}

/** The secure-channel check Netlogon makes with this host's machine password (TCP 445). */
export function* verifyChannel(
  host: WindowsHostContext,
  dc: LdapPingReply,
): Step<'ok' | 'denied' | 'unreachable'> {
  const r = yield* exchange(
    {
      src: sourceIp(host),
      dst: dc.dcIp,
      transport: 'tcp',
      port: 445,
      body: { kind: 'app.netlogon.verify', computer: host.hostname, secret: host.machineSecret },
    },
    TIMINGS.tcpConnectTimeout,
  );
  if (r.status !== 'ok' || r.body.kind !== 'app.netlogon.result') return 'unreachable';
  return r.body.ok ? 'ok' : 'denied';
}

/** Resetting the machine password on the DC (and so the secure channel), as an administrator. */
export function* resetChannel(
  host: WindowsHostContext,
  dcIp: Ipv4,
  secret: number,
): Step<'ok' | 'ERROR_ACCESS_DENIED' | 'ERROR_LOGON_FAILURE' | 'unreachable'> {
  const r = yield* exchange(
    {
      src: sourceIp(host),
      dst: dcIp,
      transport: 'tcp',
      port: 445,
      body: {
        kind: 'app.netlogon.reset',
        computer: host.hostname,
        secret,
        admin: { user: host.logon.user, password: host.logon.password },
      },
    },
    TIMINGS.tcpConnectTimeout,
  );
  if (r.status !== 'ok' || r.body.kind !== 'app.netlogon.result') return 'unreachable';
  if (r.body.ok) return 'ok';
  return r.body.status === 'ERROR_LOGON_FAILURE' ? 'ERROR_LOGON_FAILURE' : 'ERROR_ACCESS_DENIED';
}

/** The machine password a reset sets: the next version after the one this host holds. */
export const nextSecret = (host: WindowsHostContext): number => host.machineSecret + 1;

export type KdcFailure =
  | 'no-network'
  | 'no-dc'
  | 'no-answer'
  | 'locked'
  | 'disabled'
  | Exclude<KrbErrorCode, 'KDC_ERR_CLIENT_REVOKED'>;

export type KdcOutcome = { ok: true; dc: LdapPingReply } | { ok: false; why: KdcFailure; dc?: LdapPingReply };

export const samOfLogon = (user: string): string => user.split('\\').pop()?.split('@')[0] ?? user;

/**
 * Asks the domain's KDC for a TGT with the console user's credentials and the host's own clock,
 * as Windows does when a ticket is needed and none is cached.
 */
export function* askKdc(env: CommandEnv, sw: Stopwatch, located?: LdapPingReply): Step<KdcOutcome> {
  const host = env.host;
  if (!hasUsableAddress(host.nic)) return { ok: false, why: 'no-network' };
  let dc = located;
  if (!dc) {
    const loc = yield* locateDc(host, host.domainFqdn);
    if (!loc.ok) return { ok: false, why: 'no-dc' };
    dc = loc.dc;
  }
  const r = yield* exchange(
    {
      src: sourceIp(host),
      dst: dc.dcIp,
      transport: 'udp',
      port: 88,
      body: {
        kind: 'app.krb.asreq',
        user: samOfLogon(host.logon.user),
        password: host.logon.password,
        clientTime: hostClock(env, sw),
        workstation: host.hostname,
      },
    },
    TIMINGS.tcpConnectTimeout,
  );
  if (r.status !== 'ok') return { ok: false, why: 'no-answer', dc };
  if (r.body.kind === 'app.krb.asrep') return { ok: true, dc };
  if (r.body.kind !== 'app.krb.error') return { ok: false, why: 'no-answer', dc };
  const code = r.body.code;
  if (code === 'KDC_ERR_CLIENT_REVOKED') return { ok: false, why: r.body.detail ?? 'locked', dc };
  return { ok: false, why: code, dc };
}
