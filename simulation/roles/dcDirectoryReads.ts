/**
 * The directory as the DC hands it out: a user's attributes (never the password), and the requests
 * that only read (users, changed users, groups with their members, computers, objects, ACLs, the
 * password policy, effective rights). Pure.
 */
import { AD_RIGHTS } from '../core/directoryTypes';
import type { DirOp, DirResponse } from '../net/appMessages';
import type { Message } from '../net/packets';
import type { NewEvent } from '../windows/eventlog';
import { findUser, isLockedOut, type AdUser, type DirectoryState } from './directory';
import { membersOf, usersChangedSince } from './directoryChanges';
import { hasRight, trusteesOf } from './directoryAccess';
import { aclOf, computerSid, groupSid, objectAt, objectsUnder } from './directoryObjects';
import { changeableAt, expiresAt } from './passwordPolicy';

export interface DcAnswer {
  reply?: Message;
  refuse?: boolean;
  dir?: DirectoryState;
  events?: NewEvent[];
}

/** The attributes a user's record hands out just as the user object holds them. */
type HeldAttribute =
  | 'sam'
  | 'upn'
  | 'dn'
  | 'sid'
  | 'guid'
  | 'givenName'
  | 'surname'
  | 'displayName'
  | 'enabled'
  | 'lockoutTime'
  | 'badPwdCount'
  | 'badPasswordTime'
  | 'pwdLastSet'
  | 'passwordNeverExpires'
  | 'cannotChangePassword'
  | 'adminCount'
  | 'memberOf'
  | 'mail'
  | 'mobile'
  | 'title'
  | 'department'
  | 'lastLogon'
  | 'logonCount'
  | 'whenCreated'
  | 'whenChanged'
  | 'usnChanged'
  | 'parent'
  | 'description';

/**
 * The attributes of a user as the directory hands them out (never the password): those held as
 * they are, and those the DC works out from the policy and the clock.
 */
export interface UserRecord extends Pick<AdUser, HeldAttribute> {
  name: string;
  lockedOut: boolean;
  passwordExpired: boolean;
  passwordChangeable: number;
  passwordExpires?: number;
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

export function dirReply(r: Omit<DirResponse, 'kind'>): DirResponse {
  return { kind: 'app.dir.response', ...r };
}

const READ_OPS = new Set<DirOp['op']>([
  'getUser',
  'listUsers',
  'listGroups',
  'getPolicy',
  'effectiveRights',
  'listComputers',
  'listObjects',
  'getAcl',
]);

/** The requests that only read the directory (any bound account may make them). */
export type ReadOp = Extract<
  DirOp,
  {
    op:
      | 'getUser'
      | 'listUsers'
      | 'listGroups'
      | 'getPolicy'
      | 'effectiveRights'
      | 'listComputers'
      | 'listObjects'
      | 'getAcl';
  }
>;

export function isReadOp(op: DirOp): op is ReadOp {
  return READ_OPS.has(op.op);
}

/** Answers a request that only reads the directory. */
export function readDirectory(dir: DirectoryState, op: ReadOp, now: number): DcAnswer {
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
      // A delta (changedSince) walks the changes since the watermark when the directory's change
      // index knows them, as a DC's USN index serves a DirSync search.
      const changed =
        op.changedSince !== undefined ? usersChangedSince(dir.users, op.changedSince) : undefined;
      if (changed)
        return { reply: dirReply({ ok: true, result: changed.map((u) => userRecord(dir, u, now)) }) };
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
      // A delta's few groups take their members from the directory's change index when it knows them.
      const indexed =
        wanted.length > 0 && since !== undefined
          ? membersOf(dir.users, (m) => members.get(m) ?? members.get(m.toLowerCase()))
          : undefined;
      if (indexed) {
        for (const [list, users] of indexed) for (const u of users) list.push(u.guid);
      } else if (wanted.length > 0) {
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
      const rights = AD_RIGHTS.filter((r) => hasRight(dir, trusteesOf(account), r, op.dn));
      return { reply: dirReply({ ok: true, result: rights }) };
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
  }
}

/** The Comment of the built-in groups (net group, Get-ADGroup -Properties Description). */
export const BUILTIN_GROUP_DESCRIPTIONS: Record<string, string> = {
  'domain admins': 'Designated administrators of the domain',
  'domain users': 'All domain users',
  'enterprise admins': 'Designated administrators of the enterprise',
  administrators: 'Administrators have complete and unrestricted access to the computer/domain',
};
