/**
 * User accounts as an administrator manages them: creating one (name rules, the password policy,
 * 4720 and its companions), changing attributes, and group membership (protected groups mark the
 * member with adminCount, as AdminSDHolder does). Pure.
 */
import { nextGuid } from '../core/random';
import { formatShortDateTime } from '../core/time';
import type { NewEvent } from '../windows/eventlog';
import { checkPassword, type PolicyViolation } from './passwordPolicy';
import { accountChanged, accountCreated, accountEnabled, passwordAttempt } from './securityEvents';
import {
  findUser,
  isProtectedGroup,
  key,
  newAccountState,
  touch,
  userDn,
  type AdUser,
  type DirectoryState,
} from './directory';
import { accountOf, securityEvent } from './directoryAuth';
import { recordUserChange } from './directoryChanges';

export function setUserAttributes(
  dir: DirectoryState,
  identity: string,
  patch: Partial<
    Pick<
      AdUser,
      | 'enabled'
      | 'adminCount'
      | 'inheritanceDisabled'
      | 'mobile'
      | 'mail'
      | 'title'
      | 'department'
      | 'passwordNeverExpires'
      | 'cannotChangePassword'
      | 'lockoutTime'
      | 'pwdLastSet'
      | 'description'
    >
  >,
  now: number,
): DirectoryState {
  const user = findUser(dir, identity);
  return user ? touch(dir, user, patch, now) : dir;
}

/** Adds a user to a group; protected groups mark the user (AdminSDHolder: adminCount=1, inheritance off). */
export function addToGroup(
  dir: DirectoryState,
  group: string,
  identity: string,
  now: number,
): DirectoryState {
  const user = findUser(dir, identity);
  const g = dir.groups[key(group)];
  if (!user || !g || user.memberOf.some((m) => key(m) === key(g.name))) return dir;
  const patch: Partial<AdUser> = { memberOf: [...user.memberOf, g.name] };
  if (isProtectedGroup(g.name)) Object.assign(patch, { adminCount: 1, inheritanceDisabled: true });
  const usn = dir.usn + 1;
  const next = touch(
    { ...dir, groups: { ...dir.groups, [key(g.name)]: { ...g, usnChanged: usn } } },
    user,
    patch,
    now,
  );
  return next;
}

/** Removes a user from a group. Like AD, this does not clear adminCount or re-enable inheritance. */
export function removeFromGroup(
  dir: DirectoryState,
  group: string,
  identity: string,
  now: number,
): DirectoryState {
  const user = findUser(dir, identity);
  const g = dir.groups[key(group)];
  if (!user || !g) return dir;
  // The group's member attribute changes too (as adding does): its uSNChanged moves on.
  const groups = user.memberOf.some((m) => key(m) === key(g.name))
    ? { ...dir.groups, [key(g.name)]: { ...g, usnChanged: dir.usn + 1 } }
    : dir.groups;
  return touch(
    { ...dir, groups },
    user,
    { memberOf: user.memberOf.filter((m) => key(m) !== key(g.name)) },
    now,
  );
}
/** Creates a user (e.g. the connector account MSOL_…) in a container. */
/** What a new user account is made of (the connector account, net user /add, New-ADUser, ADUC). */
export interface NewUserSpec {
  sam: string;
  cn: string;
  parent: string;
  /** Empty or absent: no password yet (the account must stay disabled). */
  password?: string;
  description?: string;
  /** Absent: the account has no userPrincipalName (net user /add, New-ADUser without one). */
  upn?: string;
  givenName?: string;
  surname?: string;
  displayName?: string;
  enabled?: boolean;
  /** "User must change password at next logon" (pwdLastSet 0). */
  mustChange?: boolean;
  passwordNeverExpires?: boolean;
}

/** Characters a sAMAccountName may not hold (Microsoft Learn, "sAMAccountName"): " / \\ [ ] : ; | = , + * ? < > @. */
const BAD_SAM = /["/\\[\]:;|=,+*?<>@]/;

/** Why AD refuses a new account's name: bad characters or length (20), or a trailing dot; undefined when fine. */
function badAccountName(sam: string): boolean {
  return sam.trim() === '' || sam.length > 20 || BAD_SAM.test(sam) || sam.endsWith('.');
}

export function createUser(dir: DirectoryState, spec: NewUserSpec, now: number): DirectoryState {
  if (findUser(dir, spec.sam)) return dir;
  const [guid, rng] = nextGuid(dir.rng);
  const usn = dir.usn + 1;
  const password = spec.password ?? '';
  const u: AdUser = {
    guid,
    sid: `${dir.domainSid}-${dir.nextRid}`,
    sam: spec.sam,
    upn: spec.upn ?? '',
    dn: userDn(spec.cn, spec.parent),
    cn: spec.cn,
    parent: spec.parent,
    givenName: spec.givenName ?? '',
    surname: spec.surname ?? '',
    displayName: spec.displayName ?? '',
    enabled: (spec.enabled ?? true) && password !== '',
    password,
    history: [],
    pwdLastSet: password === '' || spec.mustChange ? 0 : now,
    passwordNeverExpires: spec.passwordNeverExpires ?? false,
    ...newAccountState(),
    whenCreated: now,
    whenChanged: now,
    usnChanged: usn,
    inheritanceDisabled: false,
    description: spec.description,
  };
  const users = { ...dir.users, [key(spec.sam)]: u };
  recordUserChange(dir.users, users, key(spec.sam), usn);
  return { ...dir, rng, usn, nextRid: dir.nextRid + 1, users };
}

export type CreateUserError = 'exists' | 'name-in-use' | 'invalid-name' | 'no-parent' | PolicyViolation;

/**
 * A new account as the DC makes it for a request: the name checked, the password (if any) checked
 * against the domain policy as a reset would be, then created, with 4720 (and 4722, 4724, 4738 when
 * it is created enabled with a password). `parentExists` says whether the container is there.
 */
export function addUser(
  dir: DirectoryState,
  spec: NewUserSpec,
  now: number,
  opts: { by: string; parentExists: boolean; localNow?: string },
): { dir: DirectoryState; error?: CreateUserError; user?: AdUser; events: NewEvent[] } {
  if (badAccountName(spec.sam)) return { dir, error: 'invalid-name', events: [] };
  if (findUser(dir, spec.sam) || (spec.upn && findUser(dir, spec.upn)))
    return { dir, error: 'exists', events: [] };
  if (!opts.parentExists) return { dir, error: 'no-parent', events: [] };
  const dn = userDn(spec.cn, spec.parent);
  if (Object.values(dir.users).some((u) => key(u.dn) === key(dn)))
    return { dir, error: 'name-in-use', events: [] };
  const password = spec.password ?? '';
  const draft = createUser(dir, { ...spec, password: '', enabled: false }, now);
  const created = findUser(draft, spec.sam) as AdUser;
  if (password !== '') {
    const violation = checkPassword(dir.policy, created, password, now, 'admin-reset');
    if (violation) return { dir, error: violation, events: [] };
  }
  const next = createUser(dir, spec, now);
  const user = findUser(next, spec.sam) as AdUser;
  const by = accountOf(next, opts.by);
  const target = accountOf(next, user.sam);
  const localNow = opts.localNow ?? formatShortDateTime(now);
  // The object is made disabled and without a password, then given its password and enabled (SAMR's
  // SamrCreateUser2InDomain, then SamrSetInformationUser): 4720 shows the state it was created in.
  const events = [
    securityEvent(
      4720,
      'Audit Success',
      accountCreated(by, target, { ...user, enabled: false, pwdLastSet: 0 }, localNow),
    ),
  ];
  if (user.enabled) {
    events.push(securityEvent(4724, 'Audit Success', passwordAttempt('reset', by, target)));
    events.push(securityEvent(4722, 'Audit Success', accountEnabled(true, by, target)));
    events.push(
      securityEvent(
        4738,
        'Audit Success',
        accountChanged(by, target, {
          'Password Last Set': user.pwdLastSet === 0 ? '<never>' : localNow,
        }),
      ),
    );
  }
  return { dir: next, user, events };
}
