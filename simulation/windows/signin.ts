/**
 * Signing in to a domain-joined PC: locate a DC; without one, fall back to the cached logon (the
 * last password that worked on this PC) or fail; with one, check the computer's secure channel,
 * then ask the KDC (which refuses a clock more than 5 minutes off). The result is data; the host
 * applies it to its sign-in screen, its cache and its Security log.
 */
import type { KrbError } from '../net/appMessages';
import { exchange, type Script } from '../proc/script';
import { TIMINGS } from '../core/timings';
import type { NewEvent } from './eventlog';
import {
  effectiveIpConfig,
  hostTime,
  type CachedLogon,
  type UserSession,
  type WindowsHostContext,
} from './hostState';
import { locateDc } from './dcLocator';
import { SIGNIN_TEXT } from './messages';

export type SignInOutcome =
  | { ok: true; session: UserSession; cache?: CachedLogon; banner?: string; events: NewEvent[] }
  | { ok: false; message: string; events: NewEvent[] };

/** `michael.brown`, `LABORHUB\michael.brown` or `michael.brown@laborhub.store` → `michael.brown`. */
export function samOf(typed: string, netbios: string, fqdn: string): string | undefined {
  const t = typed.trim();
  const slash = t.indexOf('\\');
  if (slash >= 0)
    return t.slice(0, slash).toLowerCase() === netbios.toLowerCase() ? t.slice(slash + 1) : undefined;
  const at = t.indexOf('@');
  if (at >= 0) return t.slice(at + 1).toLowerCase() === fqdn.toLowerCase() ? t.slice(0, at) : undefined;
  return t || undefined;
}

function logonEvent(id: 4624 | 4625, host: WindowsHostContext, sam: string, detail: string): NewEvent {
  return {
    log: 'Security',
    source: 'Microsoft-Windows-Security-Auditing',
    eventId: id,
    level: id === 4624 ? 'Audit Success' : 'Audit Failure',
    taskCategory: 'Logon',
    message: `${id === 4624 ? 'An account was successfully logged on.' : 'An account failed to log on.'}\n\nLogon Type:\t\t\t2\n\nAccount For Which Logon ${id === 4624 ? 'Succeeded' : 'Failed'}:\n\tAccount Name:\t\t${sam}\n\tAccount Domain:\t\t${host.domainNetbios}\n\n${detail}\n\nNetwork Information:\n\tWorkstation Name:\t${host.hostname}`,
  };
}

/** Windows signs the user in from the credentials cached at their last domain sign-in on this PC. */
function cachedSignIn(host: WindowsHostContext, cached: CachedLogon, now: number): SignInOutcome {
  return {
    ok: true,
    session: {
      account: `${host.domainNetbios}\\${cached.sam}`,
      sam: cached.sam,
      upn: cached.upn,
      displayName: cached.displayName,
      since: now,
      cached: true,
    },
    banner: SIGNIN_TEXT.cachedBanner,
    events: [logonEvent(4624, host, cached.sam, 'Logon Process:\t\tUser32 (cached credentials)')],
  };
}

function krbMessage(e: KrbError): string {
  switch (e.code) {
    case 'KRB_AP_ERR_SKEW':
      return SIGNIN_TEXT.clockSkew;
    case 'KDC_ERR_CLIENT_REVOKED':
      return e.detail === 'disabled' ? SIGNIN_TEXT.disabled : SIGNIN_TEXT.lockedOut;
    case 'KDC_ERR_KEY_EXPIRED':
      return SIGNIN_TEXT.expired;
    default:
      return SIGNIN_TEXT.badPassword;
  }
}

export function* signInScript(
  host: WindowsHostContext,
  typedUser: string,
  password: string,
  now: number,
): Script<SignInOutcome> {
  const sam = samOf(typedUser, host.domainNetbios, host.domainFqdn);
  if (!sam) return { ok: false, message: SIGNIN_TEXT.badPassword, events: [] };
  const located = yield* locateDc(host, host.domainFqdn);

  if (!located.ok) {
    const cached = host.cachedLogons[sam.toLowerCase()];
    if (cached && cached.password === password) {
      return cachedSignIn(host, cached, now);
    }
    if (cached)
      return {
        ok: false,
        message: SIGNIN_TEXT.badPassword,
        events: [logonEvent(4625, host, sam, 'Failure Reason:\t\tUnknown user name or bad password.')],
      };
    return { ok: false, message: SIGNIN_TEXT.domainUnavailable(host.domainNetbios), events: [] };
  }

  const src = effectiveIpConfig(host.nic).ip ?? '0.0.0.0';
  const dcIp = located.dc.dcIp;
  const trust = yield* exchange(
    {
      src,
      dst: dcIp,
      transport: 'tcp',
      port: 445,
      body: { kind: 'app.netlogon.verify', computer: host.hostname, secret: host.machineSecret },
    },
    TIMINGS.tcpConnectTimeout,
  );
  if (trust.status === 'ok' && trust.body.kind === 'app.netlogon.result' && !trust.body.ok) {
    return {
      ok: false,
      message: SIGNIN_TEXT.trustFailed,
      events: [
        {
          log: 'System',
          source: 'NETLOGON',
          eventId: 3210,
          level: 'Error',
          message: `This computer could not authenticate with \\\\${located.dc.dcFqdn.toUpperCase().replace(/\..*$/, '')}.${host.domainFqdn}, a Windows domain controller for domain ${host.domainNetbios}, and therefore this computer might deny logon requests. This inability to authenticate might be caused by another computer on the same network using the same name or the password for this computer account is not recognized. If this message appears again, contact your system administrator.`,
        },
      ],
    };
  }

  const r = yield* exchange(
    {
      src,
      dst: dcIp,
      transport: 'udp',
      port: 88,
      body: {
        kind: 'app.krb.asreq',
        user: sam,
        password,
        clientTime: hostTime(host, now),
        workstation: host.hostname,
      },
    },
    TIMINGS.tcpConnectTimeout,
  );
  if (r.status !== 'ok') {
    // The DC answered the locator but not Kerberos: Windows falls back to the cache.
    const cached = host.cachedLogons[sam.toLowerCase()];
    if (cached && cached.password === password) {
      return cachedSignIn(host, cached, now);
    }
    return {
      ok: false,
      message: cached ? SIGNIN_TEXT.badPassword : SIGNIN_TEXT.domainUnavailable(host.domainNetbios),
      events: [],
    };
  }
  if (r.body.kind === 'app.krb.error') {
    return {
      ok: false,
      message: krbMessage(r.body),
      events: [logonEvent(4625, host, sam, `Failure Reason:\t\t${r.body.code}`)],
    };
  }
  if (r.body.kind !== 'app.krb.asrep') return { ok: false, message: SIGNIN_TEXT.badPassword, events: [] };
  const rep = r.body;
  if (rep.mustChange) return { ok: false, message: SIGNIN_TEXT.mustChange, events: [] };
  return {
    ok: true,
    session: {
      account: `${host.domainNetbios}\\${rep.sam}`,
      sam: rep.sam,
      upn: rep.upn,
      displayName: rep.displayName,
      since: now,
      cached: false,
    },
    cache: { sam: rep.sam, upn: rep.upn, displayName: rep.displayName, password, at: now },
    events: [logonEvent(4624, host, rep.sam, 'Logon Process:\t\tKerberos')],
  };
}

/** What a password change on the PC (forced at sign-in, or Ctrl+Alt+Del) comes to. */
export interface ChangeOutcome {
  ok: boolean;
  message: string;
  events: NewEvent[];
  /** After a forced change at sign-in Windows goes on to sign the user in with the new password. */
  signIn?: SignInOutcome;
  /** The new password becomes the cached verifier for this user on this PC. */
  cache?: { sam: string; password: string };
}

/**
 * Changes a domain password from the PC: locate a DC and send the change (kpasswd, TCP 464) with
 * the old password; the DC applies its policy (length, complexity, history, minimum age).
 */
export function* changePasswordScript(
  host: WindowsHostContext,
  typedUser: string,
  oldPassword: string,
  newPassword: string,
  now: number,
  thenSignIn: boolean,
): Script<ChangeOutcome> {
  const sam = samOf(typedUser, host.domainNetbios, host.domainFqdn);
  if (!sam) return { ok: false, message: SIGNIN_TEXT.badPassword, events: [] };
  const located = yield* locateDc(host, host.domainFqdn);
  if (!located.ok) return { ok: false, message: SIGNIN_TEXT.noDcForChange, events: [] };
  const src = effectiveIpConfig(host.nic).ip ?? '0.0.0.0';
  const r = yield* exchange(
    {
      src,
      dst: located.dc.dcIp,
      transport: 'tcp',
      port: 464,
      body: {
        kind: 'app.dir.request',
        bind: { user: sam, password: oldPassword },
        op: { op: 'setPassword', identity: sam, newPassword, mode: 'change', oldPassword },
      },
    },
    TIMINGS.tcpConnectTimeout,
  );
  if (r.status !== 'ok' || r.body.kind !== 'app.dir.response')
    return { ok: false, message: SIGNIN_TEXT.noDcForChange, events: [] };
  const res = r.body;
  if (!res.ok) {
    const message =
      res.error === 'constraint'
        ? SIGNIN_TEXT.passwordPolicy
        : res.error === 'account-locked'
          ? SIGNIN_TEXT.lockedOut
          : res.error === 'account-disabled'
            ? SIGNIN_TEXT.disabled
            : res.error === 'access-denied'
              ? SIGNIN_TEXT.accessDenied
              : SIGNIN_TEXT.badPassword;
    return { ok: false, message, events: [] };
  }
  const cache = { sam, password: newPassword };
  if (!thenSignIn) return { ok: true, message: SIGNIN_TEXT.passwordChanged, events: [], cache };
  const signIn = yield* signInScript(host, typedUser, newPassword, now);
  return { ok: true, message: SIGNIN_TEXT.passwordChanged, events: [], signIn, cache };
}
