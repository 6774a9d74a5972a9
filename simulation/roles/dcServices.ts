/**
 * What the domain controller answers beyond DHCP and DNS: the DC locator's CLDAP ping, Kerberos
 * authentication (with the 5-minute skew limit), Netlogon secure-channel checks, directory
 * requests over LDAP, ADWS (the AD cmdlets) and SAMR (net user), and DRS replication of password
 * hashes for password hash sync. Each request needs the service that really serves it. Pure.
 */
import type { Ace, AdRight } from '../core/directoryTypes';
import type { Message, Packet } from '../net/packets';
import type { DirOp, DirRequest, DirResponse, DrsChanges, KrbError, UserPatch } from '../net/appMessages';
import type { NewEvent } from '../windows/eventlog';
import { hostTime, type WindowsHostContext } from '../windows/hostState';
import { listenerFor } from '../windows/services';
import { TIMINGS } from '../core/timings';
import { formatShortDateTime } from '../core/time';
import {
  addToGroup,
  addUser,
  authenticate,
  createUser,
  findUser,
  grant,
  hasRight,
  isDomainAdmin,
  isLockedOut,
  removeFromGroup,
  securityEvent,
  setPassword,
  setPolicy,
  setUserAttributes,
  trusteesOf,
  unlockUser,
  type AdUser,
  type DirectoryState,
} from './directory';
import {
  aclOf,
  computerSid,
  editAcl,
  groupSid,
  objectAt,
  objectsUnder,
  wellKnownContainers,
} from './directoryObjects';
import { changeableAt, expiresAt } from './passwordPolicy';
import { accountChanged, accountEnabled, passwordAttempt, type ChangedAttribute } from './securityEvents';
import { restrictRemoteSam } from '../windows/registry';

export interface DcAnswer {
  reply?: Message;
  refuse?: boolean;
  dir?: DirectoryState;
  events?: NewEvent[];
}

/** The attributes of a user as the directory hands them out (never the password). */
export interface UserRecord {
  sam: string;
  upn: string;
  dn: string;
  sid: string;
  guid: string;
  name: string;
  givenName: string;
  surname: string;
  displayName: string;
  enabled: boolean;
  lockedOut: boolean;
  lockoutTime: number;
  badPwdCount: number;
  badPasswordTime: number;
  pwdLastSet: number;
  passwordNeverExpires: boolean;
  passwordExpired: boolean;
  cannotChangePassword: boolean;
  passwordChangeable: number;
  passwordExpires?: number;
  adminCount: number;
  memberOf: string[];
  mail?: string;
  mobile?: string;
  title?: string;
  department?: string;
  lastLogon: number;
  logonCount: number;
  whenCreated: number;
  whenChanged: number;
  usnChanged: number;
  parent: string;
  description?: string;
}

export function userRecord(dir: DirectoryState, u: AdUser, now: number): UserRecord {
  const exp = expiresAt(dir.policy, u.pwdLastSet, u.passwordNeverExpires);
  return {
    sam: u.sam,
    upn: u.upn,
    dn: u.dn,
    sid: u.sid,
    guid: u.guid,
    name: u.cn,
    givenName: u.givenName,
    surname: u.surname,
    displayName: u.displayName,
    enabled: u.enabled,
    lockedOut: isLockedOut(u, dir.policy, now),
    lockoutTime: u.lockoutTime,
    badPwdCount: u.badPwdCount,
    badPasswordTime: u.badPasswordTime,
    pwdLastSet: u.pwdLastSet,
    passwordNeverExpires: u.passwordNeverExpires,
    passwordExpired: u.pwdLastSet === 0 || (exp !== undefined && now > exp),
    cannotChangePassword: u.cannotChangePassword,
    passwordChangeable: changeableAt(dir.policy, u.pwdLastSet),
    passwordExpires: exp,
    adminCount: u.adminCount,
    memberOf: u.memberOf,
    mail: u.mail,
    mobile: u.mobile,
    title: u.title,
    department: u.department,
    lastLogon: u.lastLogon,
    logonCount: u.logonCount,
    whenCreated: u.whenCreated,
    whenChanged: u.whenChanged,
    usnChanged: u.usnChanged,
    parent: u.parent,
    description: u.description,
  };
}

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

function dirReply(r: Omit<DirResponse, 'kind'>): DirResponse {
  return { kind: 'app.dir.response', ...r };
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
  const op: DirOp = req.op;
  const who = trusteesOf(caller);
  const admin = isDomainAdmin(caller);
  switch (op.op) {
    case 'getUser': {
      const u = findUser(dir, op.identity);
      return {
        reply: u
          ? dirReply({ ok: true, result: userRecord(dir, u, now) })
          : dirReply({ ok: false, error: 'no-such-object' }),
      };
    }
    case 'listUsers': {
      const since = op.changedSince ?? Number.NEGATIVE_INFINITY;
      // for…in: the users record is large and often freshly copied, where Object.values is slow.
      const result: UserRecord[] = [];
      for (const k in dir.users) {
        const u = dir.users[k] as AdUser;
        if (u.usnChanged > since) result.push(userRecord(dir, u, now));
      }
      return { reply: dirReply({ ok: true, result }) };
    }
    case 'listGroups': {
      const since = op.changedSince;
      const include = new Set((op.include ?? []).map((n) => n.toLowerCase()));
      const wanted = Object.values(dir.groups).filter(
        (g) => since === undefined || g.usnChanged > since || include.has(g.name.toLowerCase()),
      );
      // Members of the wanted groups, in one pass over the users (in the users' order). A list is
      // found by the name as written, else case-insensitively; a user is listed once per group.
      const members = new Map<string, string[]>();
      for (const g of wanted) {
        const list: string[] = [];
        members.set(g.name.toLowerCase(), list);
        members.set(g.name, list);
      }
      if (wanted.length > 0) {
        for (const k in dir.users) {
          const u = dir.users[k] as AdUser;
          for (const m of u.memberOf) {
            const list = members.get(m) ?? members.get(m.toLowerCase());
            if (list && list[list.length - 1] !== u.guid) list.push(u.guid);
          }
        }
      }
      return {
        reply: dirReply({
          ok: true,
          result: wanted.map((g) => ({
            name: g.name,
            dn: g.dn,
            guid: g.guid,
            scope: g.scope,
            usnChanged: g.usnChanged,
            sid: groupSid(dir, g.name),
            description: g.description ?? BUILTIN_GROUP_DESCRIPTIONS[g.name.toLowerCase()],
            members: members.get(g.name.toLowerCase()) ?? [],
          })),
        }),
      };
    }
    case 'getPolicy':
      return { reply: dirReply({ ok: true, result: dir.policy }) };
    case 'effectiveRights': {
      const account = findUser(dir, op.account);
      if (!account) return { reply: dirReply({ ok: false, error: 'no-such-object' }) };
      const rights = (
        [
          'Reset Password',
          'Change Password',
          'Write lockoutTime',
          'Write pwdLastSet',
          'Unexpire Password',
          'Replicating Directory Changes',
          'Replicating Directory Changes All',
        ] as const
      ).filter((r) => hasRight(dir, trusteesOf(account), r, op.dn));
      return { reply: dirReply({ ok: true, result: rights }) };
    }
    case 'setPassword': {
      const target = findUser(dir, op.identity);
      if (!target) return { reply: dirReply({ ok: false, error: 'no-such-object' }) };
      // "Network access: Restrict clients allowed to make remote calls to SAM", read live from the DC's registry.
      const samAllowed = restrictRemoteSam(host.registry);
      if (
        (via === 'ldap' || via === 'samr') &&
        samAllowed &&
        !samAllowed.some((a) => who.map((w) => w.toLowerCase()).includes(a.toLowerCase()))
      ) {
        return { reply: dirReply({ ok: false, error: 'restricted-sam' }) };
      }
      const needed = op.mode === 'change' ? 'Change Password' : 'Reset Password';
      if (!hasRight(dir, who, needed, target.dn)) {
        const id = op.mode === 'change' ? 4723 : 4724;
        return {
          reply: dirReply({ ok: false, error: 'access-denied' }),
          events: [auditFailure(id, dir, caller, target, op.mode === 'change')],
        };
      }
      const r = setPassword(dir, target.sam, op.newPassword, now, {
        mode: op.mode,
        by: caller.sam,
        localNow: formatShortDateTime(now + host.clockOffsetMs, host.timeZoneOffsetMinutes),
        oldPassword: op.oldPassword,
        unlock: op.unlock,
        mustChange: op.mustChange,
      });
      if (r.error) {
        const error =
          r.error === 'wrong-old'
            ? 'wrong-password'
            : r.error === 'disabled'
              ? 'account-disabled'
              : r.error === 'locked'
                ? 'account-locked'
                : r.error === 'no-such-user'
                  ? 'no-such-object'
                  : 'constraint';
        return { reply: dirReply({ ok: false, error, detail: r.error }), events: r.events };
      }
      return { reply: dirReply({ ok: true }), dir: r.dir, events: r.events };
    }
    case 'unlock': {
      const target = findUser(dir, op.identity);
      if (!target) return { reply: dirReply({ ok: false, error: 'no-such-object' }) };
      if (!hasRight(dir, who, 'Write lockoutTime', target.dn) && !admin)
        return { reply: dirReply({ ok: false, error: 'access-denied' }) };
      const r = unlockUser(dir, target.sam, now, caller.sam);
      return { reply: dirReply({ ok: true }), dir: r.dir, events: r.events };
    }
    case 'setPolicy':
      if (!admin) return { reply: dirReply({ ok: false, error: 'access-denied' }) };
      return { reply: dirReply({ ok: true }), dir: setPolicy(dir, op.patch) };
    case 'groupMember': {
      if (!admin) return { reply: dirReply({ ok: false, error: 'access-denied' }) };
      const target = findUser(dir, op.identity);
      if (!target || !dir.groups[op.group.toLowerCase()])
        return { reply: dirReply({ ok: false, error: 'no-such-object' }) };
      return {
        reply: dirReply({ ok: true }),
        dir: op.add
          ? addToGroup(dir, op.group, target.sam, now)
          : removeFromGroup(dir, op.group, target.sam, now),
      };
    }
    case 'createConnectorAccount': {
      if (!caller.memberOf.some((g) => g.toLowerCase() === 'enterprise admins'))
        return { reply: dirReply({ ok: false, error: 'access-denied' }) };
      let next = createUser(
        dir,
        {
          sam: op.sam,
          cn: op.sam,
          parent: `CN=Users,${dir.domainDn}`,
          password: op.password,
          upn: `${op.sam}@${dir.fqdn}`,
          displayName: op.sam,
          passwordNeverExpires: true,
          description: 'Account created by Microsoft Azure Active Directory Connect',
        },
        now,
      );
      next = grant(next, connectorAces(next, op.sam, op.phs, op.writeback));
      return { reply: dirReply({ ok: true }), dir: next };
    }
    case 'grantWriteback':
    case 'grantPhs': {
      if (!admin) return { reply: dirReply({ ok: false, error: 'access-denied' }) };
      if (!findUser(dir, op.account)) return { reply: dirReply({ ok: false, error: 'no-such-object' }) };
      if (op.op === 'grantPhs')
        return {
          reply: dirReply({ ok: true }),
          dir: grant(dir, connectorAces(dir, op.account, true, false)),
        };
      const target = op.dn ? objectAt(dir, op.dn) : undefined;
      if (op.dn && !target) return { reply: dirReply({ ok: false, error: 'no-such-object' }) };
      // What AdSyncConfig.psm1 grants: "<account>:CA;Reset Password;user", "WP;lockoutTime;user",
      // "WP;pwdLastSet;user" with /I:S — on a user object itself, for that object only.
      const on = [target?.dn ?? dir.domainDn];
      if (!target && op.adminSdHolder) {
        const holder = wellKnownContainers(dir).find((c) => /^CN=AdminSDHolder,/i.test(c.dn))?.dn;
        if (holder) on.push(holder);
      }
      const aces: Ace[] = on.flatMap((dn) =>
        (['Reset Password', 'Write lockoutTime', 'Write pwdLastSet'] as const).map((right): Ace => ({
          trustee: op.account,
          right,
          on: dn,
          appliesTo: target?.objectClass === 'user' ? 'this' : 'descendant-users',
          allow: true,
        })),
      );
      return { reply: dirReply({ ok: true }), dir: grant(dir, aces) };
    }
    case 'setUser': {
      const target = findUser(dir, op.identity);
      if (!target) return { reply: dirReply({ ok: false, error: 'no-such-object' }) };
      const needs = rightsFor(op.patch);
      if (!admin && (needs === 'admin' || !needs.every((r) => hasRight(dir, who, r, target.dn))))
        return { reply: dirReply({ ok: false, error: 'access-denied' }) };
      const p = op.patch;
      // An enabled account needs a password (New-ADUser's "-Enabled": "An enabled account requires a password").
      if (p.enabled === true && target.password === '')
        return { reply: dirReply({ ok: false, error: 'constraint', detail: 'no-password' }) };
      const patch: Parameters<typeof setUserAttributes>[2] = {};
      if (p.enabled !== undefined) patch.enabled = p.enabled;
      if (p.passwordNeverExpires !== undefined) patch.passwordNeverExpires = p.passwordNeverExpires;
      if (p.cannotChangePassword !== undefined) patch.cannotChangePassword = p.cannotChangePassword;
      if (p.mustChange !== undefined) patch.pwdLastSet = p.mustChange ? 0 : now;
      for (const f of ['description', 'title', 'department', 'mail', 'mobile'] as const)
        if (p[f] !== undefined) patch[f] = p[f] ?? undefined;
      if (p.adminCount !== undefined) patch.adminCount = p.adminCount;
      let next = setUserAttributes(dir, target.sam, patch, now);
      // Writing lockoutTime 0 is an unlock: AD also clears the bad-password count.
      if (p.lockoutTime !== undefined) next = unlockUser(next, target.sam, now, caller.sam).dir;
      const events: NewEvent[] = [
        securityEvent(
          4738,
          'Audit Success',
          accountChanged(
            { sid: `${dir.netbios}\\${caller.sam}`, name: caller.sam, domain: dir.netbios },
            { sid: `${dir.netbios}\\${target.sam}`, name: target.sam, domain: dir.netbios },
            changedAttributes(p, target, host, now),
          ),
        ),
      ];
      if (p.enabled !== undefined && p.enabled !== target.enabled)
        events.unshift(
          securityEvent(
            p.enabled ? 4722 : 4725,
            'Audit Success',
            accountEnabled(
              p.enabled,
              { sid: `${dir.netbios}\\${caller.sam}`, name: caller.sam, domain: dir.netbios },
              { sid: `${dir.netbios}\\${target.sam}`, name: target.sam, domain: dir.netbios },
            ),
          ),
        );
      return { reply: dirReply({ ok: true }), dir: next, events };
    }
    case 'createUser': {
      if (!admin) return { reply: dirReply({ ok: false, error: 'access-denied' }) };
      const n = op.user;
      // An enabled account needs a password the policy accepts; an empty one never does.
      if (n.enabled === true && !n.password)
        return { reply: dirReply({ ok: false, error: 'constraint', detail: 'no-password' }) };
      const parent = n.parent ?? `CN=Users,${dir.domainDn}`;
      const r = addUser(
        dir,
        {
          sam: n.sam,
          cn: n.name,
          parent,
          upn: n.upn,
          givenName: n.givenName,
          surname: n.surname,
          displayName: n.displayName,
          description: n.description,
          password: n.password,
          enabled: n.enabled,
          mustChange: n.mustChange,
          passwordNeverExpires: n.passwordNeverExpires,
        },
        now,
        {
          by: caller.sam,
          parentExists: !!objectAt(dir, parent),
          localNow: formatShortDateTime(now + host.clockOffsetMs, host.timeZoneOffsetMinutes),
        },
      );
      if (r.error) {
        const error =
          r.error === 'exists'
            ? 'already-exists'
            : r.error === 'name-in-use'
              ? 'name-in-use'
              : r.error === 'invalid-name'
                ? 'invalid-name'
                : r.error === 'no-parent'
                  ? 'no-such-object'
                  : 'constraint';
        return { reply: dirReply({ ok: false, error, detail: r.error }) };
      }
      return {
        reply: dirReply({ ok: true, result: userRecord(r.dir, r.user as AdUser, now) }),
        dir: r.dir,
        events: r.events,
      };
    }
    case 'listComputers':
      return {
        reply: dirReply({
          ok: true,
          result: Object.values(dir.computers).map((c) => ({
            name: c.name,
            dn: c.dn,
            parent: c.parent,
            guid: c.guid,
            sid: computerSid(dir, c.name),
            enabled: c.enabled,
            dnsHostName: c.dnsHostName,
            os: c.os,
          })),
        }),
      };
    case 'listObjects': {
      const base = op.base ?? dir.domainDn;
      if (!objectAt(dir, base)) return { reply: dirReply({ ok: false, error: 'no-such-object' }) };
      return { reply: dirReply({ ok: true, result: objectsUnder(dir, base) }) };
    }
    case 'getAcl': {
      const view = aclOf(dir, op.dn);
      return {
        reply: view ? dirReply({ ok: true, result: view }) : dirReply({ ok: false, error: 'no-such-object' }),
      };
    }
    case 'editAcl': {
      if (!objectAt(dir, op.dn)) return { reply: dirReply({ ok: false, error: 'no-such-object' }) };
      if (!admin) return { reply: dirReply({ ok: false, error: 'access-denied' }) };
      const next = editAcl(dir, op.dn, op.edit);
      return { reply: dirReply({ ok: true, result: aclOf(next, op.dn) }), dir: next };
    }
  }
}

/** The Comment of the built-in groups (net group, Get-ADGroup -Properties Description). */
export const BUILTIN_GROUP_DESCRIPTIONS: Record<string, string> = {
  'domain admins': 'Designated administrators of the domain',
  'domain users': 'All domain users',
  'enterprise admins': 'Designated administrators of the enterprise',
  administrators: 'Administrators have complete and unrestricted access to the computer/domain',
};

/** What a non-administrator needs to write these attributes; 'admin' when the ACL model has no right for it. */
function rightsFor(p: UserPatch): AdRight[] | 'admin' {
  const rights: AdRight[] = [];
  for (const [k, v] of Object.entries(p)) {
    if (v === undefined) continue;
    if (k === 'mustChange') rights.push('Write pwdLastSet');
    else if (k === 'lockoutTime') rights.push('Write lockoutTime');
    else return 'admin';
  }
  return rights;
}

/** The ACEs the Connect wizard (or Set-ADSync…Permissions) grants the AD DS connector account. */
export function connectorAces(dir: DirectoryState, account: string, phs: boolean, writeback: boolean): Ace[] {
  const on = dir.domainDn;
  const aces: Ace[] = [];
  if (phs) {
    aces.push({
      trustee: account,
      right: 'Replicating Directory Changes',
      on,
      appliesTo: 'this',
      allow: true,
    });
    aces.push({
      trustee: account,
      right: 'Replicating Directory Changes All',
      on,
      appliesTo: 'this',
      allow: true,
    });
  }
  if (writeback) {
    aces.push({ trustee: account, right: 'Reset Password', on, appliesTo: 'descendant-users', allow: true });
    aces.push({ trustee: account, right: 'Change Password', on, appliesTo: 'descendant-users', allow: true });
    aces.push({
      trustee: account,
      right: 'Write lockoutTime',
      on,
      appliesTo: 'descendant-users',
      allow: true,
    });
    aces.push({
      trustee: account,
      right: 'Write pwdLastSet',
      on,
      appliesTo: 'descendant-users',
      allow: true,
    });
    aces.push({
      trustee: account,
      right: 'Unexpire Password',
      on,
      appliesTo: 'this-and-descendants',
      allow: true,
    });
  }
  return aces;
}

/** What 4738 lists for an attribute change: the UAC flags that moved, a new Password Last Set. */
function changedAttributes(
  p: UserPatch,
  target: AdUser,
  host: WindowsHostContext,
  now: number,
): Partial<Record<ChangedAttribute, string>> {
  const out: Partial<Record<ChangedAttribute, string>> = {};
  const uac: string[] = [];
  if (p.enabled !== undefined && p.enabled !== target.enabled)
    uac.push(p.enabled ? 'Account Enabled' : 'Account Disabled');
  if (p.passwordNeverExpires !== undefined && p.passwordNeverExpires !== target.passwordNeverExpires)
    uac.push(
      p.passwordNeverExpires ? "'Don't Expire Password' - Enabled" : "'Don't Expire Password' - Disabled",
    );
  if (uac.length) out['User Account Control'] = `\n\t\t${uac.join('\n\t\t')}`;
  if (p.mustChange !== undefined)
    out['Password Last Set'] = p.mustChange
      ? '<never>'
      : formatShortDateTime(now + host.clockOffsetMs, host.timeZoneOffsetMinutes);
  return out;
}

function auditFailure(
  id: 4723 | 4724,
  dir: DirectoryState,
  caller: AdUser,
  target: AdUser,
  change: boolean,
): NewEvent {
  return {
    log: 'Security',
    source: 'Microsoft-Windows-Security-Auditing',
    eventId: id,
    level: 'Audit Failure',
    taskCategory: 'User Account Management',
    message: passwordAttempt(
      change ? 'change' : 'reset',
      { sid: `${dir.netbios}\\${caller.sam}`, name: caller.sam, domain: dir.netbios },
      { sid: `${dir.netbios}\\${target.sam}`, name: target.sam, domain: dir.netbios },
    ),
  };
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
