/**
 * What the domain controller answers beyond DHCP and DNS: the DC locator's CLDAP ping, Kerberos
 * authentication (with the 5-minute skew limit), Netlogon secure-channel checks, directory
 * requests over LDAP, ADWS (the AD cmdlets) and SAMR (net user), and DRS replication of password
 * hashes for password hash sync. Each request needs the service that really serves it. Pure.
 */
import type { Packet } from '../net/packets';
import type { DirRequest, DrsChanges, KrbError } from '../net/appMessages';
import { hostTime, type WindowsHostContext } from '../windows/hostState';
import { listenerFor } from '../windows/services';
import { TIMINGS } from '../core/timings';
import { findUser, isLockedOut, type AdUser, type DirectoryState } from './directory';
import { authenticate } from './directoryAuth';
import { hasRight, isDomainAdmin, trusteesOf } from './directoryAccess';
import { dirReply, isReadOp, readDirectory, type DcAnswer } from './dcDirectoryReads';
import { writeDirectory } from './dcDirectoryWrites';

const running = (host: WindowsHostContext, name: string) => host.services[name]?.status === 'Running';

function bindUser(
  dir: DirectoryState,
  creds: { user: string; password: string },
  now: number,
): AdUser | undefined {
  const u = findUser(dir, creds.user);
  if (!u || !u.enabled || u.password !== creds.password || isLockedOut(u, dir.policy, now)) return undefined;
  return u;
}

function serveDirectory(
  host: WindowsHostContext,
  dir: DirectoryState,
  req: DirRequest,
  now: number,
  via: 'ldap' | 'adws' | 'samr' | 'kpasswd',
): DcAnswer {
  const caller = bindUser(dir, req.bind, now);
  if (!caller) return { reply: dirReply({ ok: false, error: 'invalid-credentials' }) };
  const op = req.op;
  if (isReadOp(op)) return readDirectory(dir, op, now);
  return writeDirectory(host, dir, op, now, {
    caller,
    who: trusteesOf(caller),
    admin: isDomainAdmin(caller),
    via,
  });
}

export interface DcContext {
  host: WindowsHostContext;
  dir: DirectoryState;
  dcIp: string;
  domainGuid: string;
  forest: string;
  site: string;
}

/** Answers a packet meant for the DC's directory services; undefined when it is not one. */
export function serveDc(ctx: DcContext, packet: Packet, now: number): DcAnswer | undefined {
  const { host, dir } = ctx;
  const body = packet.body;
  switch (body.kind) {
    case 'app.ldap.ping': {
      if (!listenerFor(host.services, 'udp', 389) || !running(host, 'Netlogon'))
        return { refuse: !listenerFor(host.services, 'udp', 389) };
      return {
        reply: {
          kind: 'app.ldap.pingReply',
          dcName: host.hostname,
          dcFqdn: `${host.hostname.toLowerCase()}.${dir.fqdn}`,
          dcIp: ctx.dcIp,
          domain: dir.fqdn,
          netbios: dir.netbios,
          forest: ctx.forest,
          site: ctx.site,
          domainGuid: ctx.domainGuid,
          flags: [
            'PDC',
            'GC',
            'DS',
            'LDAP',
            'KDC',
            'TIMESERV',
            'GTIMESERV',
            'WRITABLE',
            'DNS_DC',
            'DNS_DOMAIN',
            'DNS_FOREST',
            'CLOSE_SITE',
            'FULL_SECRET',
            'WS',
            'DS_8',
            'DS_9',
            'DS_10',
            // A Windows Server 2016+ DC answers with KEYLIST last (Kerberos key list support).
            'KEYLIST',
          ],
        },
      };
    }
    case 'app.krb.asreq': {
      if (!listenerFor(host.services, packet.transport, 88)) return { refuse: true };
      const dcTime = hostTime(host, now);
      const skewed = Math.abs(body.clientTime - dcTime) > TIMINGS.kerberosMaxSkew;
      const r = authenticate(
        dir,
        body.user,
        body.password,
        now,
        { workstation: body.workstation, address: packet.src },
        skewed,
      );
      const err = (code: KrbError['code'], detail?: KrbError['detail']): DcAnswer => ({
        reply: { kind: 'app.krb.error', code, detail },
        dir: r.dir,
        events: r.events,
      });
      switch (r.outcome) {
        case 'no-such-user':
          return err('KDC_ERR_C_PRINCIPAL_UNKNOWN');
        case 'bad-password':
          return err('KDC_ERR_PREAUTH_FAILED');
        case 'locked':
          return err('KDC_ERR_CLIENT_REVOKED', 'locked');
        case 'disabled':
          return err('KDC_ERR_CLIENT_REVOKED', 'disabled');
        case 'expired':
          return err('KDC_ERR_KEY_EXPIRED');
        case 'skew':
          return err('KRB_AP_ERR_SKEW');
        default: {
          const u = r.user as AdUser;
          return {
            reply: {
              kind: 'app.krb.asrep',
              sam: u.sam,
              upn: u.upn,
              displayName: u.displayName,
              mustChange: r.outcome === 'must-change',
            },
            dir: r.dir,
            events: r.events,
          };
        }
      }
    }
    case 'app.netlogon.verify': {
      if (!running(host, 'Netlogon') || !listenerFor(host.services, 'tcp', 445)) return { refuse: true };
      const c = dir.computers[body.computer.toLowerCase()];
      const ok = !!c && c.enabled && c.machineSecret === body.secret;
      return {
        reply: { kind: 'app.netlogon.result', ok, status: ok ? undefined : 'ERROR_ACCESS_DENIED' },
        events: ok
          ? []
          : [
              {
                log: 'System',
                source: 'NETLOGON',
                eventId: 5805,
                level: 'Error',
                message: `The session setup from the computer ${body.computer} failed to authenticate. The following error occurred: \nAccess is denied.`,
              },
            ],
      };
    }
    case 'app.netlogon.reset': {
      if (!running(host, 'Netlogon') || !listenerFor(host.services, 'tcp', 445)) return { refuse: true };
      const admin = bindUser(dir, body.admin, now);
      const c = dir.computers[body.computer.toLowerCase()];
      if (!admin || !isDomainAdmin(admin) || !c)
        return {
          reply: {
            kind: 'app.netlogon.result',
            ok: false,
            status: admin ? 'ERROR_ACCESS_DENIED' : 'ERROR_LOGON_FAILURE',
          },
        };
      return {
        reply: { kind: 'app.netlogon.result', ok: true },
        dir: {
          ...dir,
          computers: { ...dir.computers, [c.name.toLowerCase()]: { ...c, machineSecret: body.secret } },
        },
      };
    }
    case 'app.dir.request': {
      const port = packet.port;
      const via = port === 9389 ? 'adws' : port === 445 ? 'samr' : port === 464 ? 'kpasswd' : 'ldap';
      if (port === undefined || !listenerFor(host.services, packet.transport, port)) return { refuse: true };
      if (via !== 'adws' && !running(host, 'NTDS')) return { refuse: true };
      return serveDirectory(host, dir, body, now, via);
    }
    case 'app.drs.getChanges': {
      if (!listenerFor(host.services, 'tcp', 135) || !running(host, 'NTDS')) return { refuse: true };
      const caller = bindUser(dir, body.bind, now);
      if (!caller)
        return {
          reply: { kind: 'app.drs.changes', ok: false, rpcError: 1326, items: [] } satisfies DrsChanges,
        };
      const who = trusteesOf(caller);
      const allowed =
        hasRight(dir, who, 'Replicating Directory Changes', dir.domainDn) &&
        hasRight(dir, who, 'Replicating Directory Changes All', dir.domainDn);
      if (!allowed)
        return {
          reply: { kind: 'app.drs.changes', ok: false, rpcError: 8453, items: [] } satisfies DrsChanges,
        };
      return {
        reply: {
          kind: 'app.drs.changes',
          ok: true,
          items: Object.values(dir.users).map((u) => ({
            guid: u.guid,
            dn: u.dn,
            sam: u.sam,
            password: u.password,
            pwdLastSet: u.pwdLastSet,
            mustChange: u.pwdLastSet === 0,
          })),
        },
      };
    }
    default:
      return undefined;
  }
}
