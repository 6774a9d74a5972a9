/**
 * The requests that change the directory, each under the access check AD makes: passwords (set,
 * change, reset, with the SAM remote-call restriction), unlocks, the password policy, group
 * membership, new users and attribute changes, the connector account and its delegated rights, and
 * ACL edits; with the Security-log entries the DC writes. Pure.
 */
import type { Ace, AdRight } from '../core/directoryTypes';
import type { DirOp, UserPatch } from '../net/appMessages';
import type { NewEvent } from '../windows/eventlog';
import type { WindowsHostContext } from '../windows/hostState';
import { restrictRemoteSam } from '../windows/registry';
import { formatShortDateTime } from '../core/time';
import { findUser, setPolicy, type AdUser, type DirectoryState } from './directory';
import { securityEvent, setPassword, unlockUser } from './directoryAuth';
import { grant, hasRight } from './directoryAccess';
import { addToGroup, addUser, createUser, removeFromGroup, setUserAttributes } from './directoryAccounts';
import { aclOf, editAcl, objectAt, wellKnownContainers } from './directoryObjects';
import { accountChanged, accountEnabled, passwordAttempt, type ChangedAttribute } from './securityEvents';
import { dirReply, userRecord, type DcAnswer, type ReadOp } from './dcDirectoryReads';

/** Who asks, and how: the bound account, what it acts as, and the protocol the request came over. */
export interface WriteCaller {
  caller: AdUser;
  who: string[];
  admin: boolean;
  via: 'ldap' | 'adws' | 'samr' | 'kpasswd';
}

/** Answers a request that changes the directory. */
export function writeDirectory(
  host: WindowsHostContext,
  dir: DirectoryState,
  op: Exclude<DirOp, ReadOp>,
  now: number,
  { caller, who, admin, via }: WriteCaller,
): DcAnswer {
  switch (op.op) {
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
    case 'editAcl': {
      if (!objectAt(dir, op.dn)) return { reply: dirReply({ ok: false, error: 'no-such-object' }) };
      if (!admin) return { reply: dirReply({ ok: false, error: 'access-denied' }) };
      const next = editAcl(dir, op.dn, op.edit);
      return { reply: dirReply({ ok: true, result: aclOf(next, op.dn) }), dir: next };
    }
  }
}

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
