/**
 * Active Directory Domain Services as data, and the operations the lab needs on it: finding
 * objects, authenticating (bad-password count, lockout), setting passwords under the domain's
 * policy, group membership (with AdminSDHolder's adminCount on protected groups), and access
 * checks for the connector account (ACEs on the domain root and OUs, inheritance, protected
 * objects). Pure: the state in, the next state and what happened out.
 */
import type { Ace, AdRight, PasswordPolicy, SetMode } from '../core/directoryTypes';
import { nextGuid, nextInt, seedFrom, type RngState } from '../core/random';
import { MINUTE } from '../core/time';
import type { LabDefinition } from '../core/definition';
import type { NewEvent } from '../windows/eventlog';
import { checkPassword, type PolicyViolation } from './passwordPolicy';
import {
  accountChanged,
  accountLockedOut,
  accountUnlocked,
  kerberosPreauthFailed,
  passwordAttempt,
  accountCreated,
  accountEnabled,
  systemSubject,
  tgtRequested,
  type EventAccount,
  type KdcClient,
} from './securityEvents';
import { formatShortDateTime } from '../core/time';

export interface AdUser {
  guid: string;
  sid: string;
  sam: string;
  upn: string;
  dn: string;
  cn: string;
  parent: string;
  givenName: string;
  surname: string;
  displayName: string;
  enabled: boolean;
  /** Truth only: the current password and the remembered ones (newest first). */
  password: string;
  history: string[];
  /** Lab time of the last set; 0 means "User must change password at next logon". */
  pwdLastSet: number;
  passwordNeverExpires: boolean;
  cannotChangePassword: boolean;
  badPwdCount: number;
  badPasswordTime: number;
  lockoutTime: number;
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
  /** "Include inheritable permissions from this object's parent" unticked. */
  inheritanceDisabled: boolean;
  description?: string;
}

export interface AdComputer {
  name: string;
  dn: string;
  parent: string;
  guid: string;
  enabled: boolean;
  dnsHostName: string;
  os: string;
  /** The machine account password, as a version number both sides must agree on (secure channel). */
  machineSecret: number;
}

export interface AdGroup {
  name: string;
  dn: string;
  scope: 'Global' | 'DomainLocal' | 'Universal';
  description?: string;
  guid: string;
  usnChanged: number;
}

export interface AdOu {
  dn: string;
  name: string;
  description?: string;
  /** Blocks inheritance of permissions from above. */
  inheritanceBlocked: boolean;
}

export interface DirectoryState {
  domainDn: string;
  domainSid: string;
  nextRid: number;
  fqdn: string;
  netbios: string;
  usn: number;
  users: Record<string, AdUser>;
  computers: Record<string, AdComputer>;
  groups: Record<string, AdGroup>;
  ous: Record<string, AdOu>;
  acl: Ace[];
  policy: PasswordPolicy;

  rng: RngState;
}

/** Groups whose members AdminSDHolder protects (adminCount=1, inheritance off). */
export const PROTECTED_GROUPS = [
  'Domain Admins',
  'Enterprise Admins',
  'Schema Admins',
  'Administrators',
  'Account Operators',
  'Backup Operators',
  'Server Operators',
  'Print Operators',
  'Domain Controllers',
  'Replicator',
  'Key Admins',
  'Enterprise Key Admins',
];

const key = (s: string) => s.toLowerCase();

export function userDn(cn: string, parent: string): string {
  return `CN=${cn},${parent}`;
}

export function isProtectedGroup(name: string): boolean {
  return PROTECTED_GROUPS.some((g) => key(g) === key(name));
}

export function initialDirectory(def: LabDefinition, seed: number, now: number): DirectoryState {
  let rng = seedFrom(seed, 'directory');
  const guid = () => {
    const [g, r] = nextGuid(rng);
    rng = r;
    return g;
  };
  const d = def.domain;
  const [sidA, r1] = nextInt(rng, 1_000_000_000, 4_000_000_000);
  const [sidB, r2] = nextInt(r1, 1_000_000_000, 4_000_000_000);
  const [sidC, r3] = nextInt(r2, 100_000_000, 999_999_999);
  rng = r3;
  const domainSid = `S-1-5-21-${sidA}-${sidB}-${sidC}`;
  let nextRid = 1103;
  const ous: Record<string, AdOu> = {};
  for (const o of def.ous)
    ous[key(o.dn)] = { dn: o.dn, name: o.name, description: o.description, inheritanceBlocked: false };
  const groups: Record<string, AdGroup> = {};
  let usn = 12000;
  for (const g of def.groups) {
    groups[key(g.name)] = {
      name: g.name,
      dn: g.dn,
      scope: g.scope,
      description: g.description,
      guid: guid(),
      usnChanged: ++usn,
    };
  }
  groups.administrators = {
    name: 'Administrators',
    dn: `CN=Administrators,CN=Builtin,${d.dn}`,
    scope: 'DomainLocal',
    guid: guid(),
    usnChanged: ++usn,
  };
  const users: Record<string, AdUser> = {};
  for (const u of def.users) {
    const cn = u.displayName;
    const memberOf =
      u.sam.toLowerCase() === 'administrator' ? [...u.groups, 'Administrators'] : [...u.groups];
    const protectedMember = memberOf.some(isProtectedGroup);
    const rid = u.sam.toLowerCase() === 'administrator' ? 500 : nextRid++;
    users[key(u.sam)] = {
      guid: guid(),
      sid: `${domainSid}-${rid}`,
      sam: u.sam,
      upn: `${u.sam}@${d.fqdn}`,
      dn: userDn(cn, u.ou),
      cn,
      parent: u.ou,
      givenName: u.givenName,
      surname: u.surname,
      displayName: u.displayName,
      enabled: u.enabled,
      password: u.password,
      history: [],
      pwdLastSet: now - u.passwordAgeDays * 86_400_000,
      passwordNeverExpires: u.passwordNeverExpires ?? false,
      cannotChangePassword: false,
      badPwdCount: 0,
      badPasswordTime: 0,
      lockoutTime: 0,
      adminCount: protectedMember ? 1 : 0,
      memberOf,
      mail: u.mail,
      mobile: u.mobile,
      title: u.title,
      department: u.department,
      lastLogon: 0,
      logonCount: 0,
      whenCreated: now - 120 * 86_400_000,
      whenChanged: now - u.passwordAgeDays * 86_400_000,
      usnChanged: ++usn,
      inheritanceDisabled: protectedMember,
    };
  }
  const computers: Record<string, AdComputer> = {};
  for (const h of def.hosts) {
    computers[key(h.hostname)] = {
      name: h.hostname,
      dn: `CN=${h.hostname},${h.ou}`,
      parent: h.ou,
      guid: guid(),
      enabled: true,
      dnsHostName: `${h.hostname.toLowerCase()}.${d.fqdn}`,
      os: h.os.replace(/^Microsoft /, ''),
      machineSecret: 1,
    };
  }
  const acl: Ace[] = [
    // Default: every user may change their own password (SELF / Everyone "Change password").
    { trustee: 'Everyone', right: 'Change Password', on: d.dn, appliesTo: 'descendant-users', allow: true },
    {
      trustee: 'Domain Controllers',
      right: 'Replicating Directory Changes',
      on: d.dn,
      appliesTo: 'this',
      allow: true,
    },
    {
      trustee: 'Domain Controllers',
      right: 'Replicating Directory Changes All',
      on: d.dn,
      appliesTo: 'this',
      allow: true,
    },
    {
      trustee: 'Administrators',
      right: 'Reset Password',
      on: d.dn,
      appliesTo: 'this-and-descendants',
      allow: true,
    },
    {
      trustee: 'Domain Admins',
      right: 'Reset Password',
      on: d.dn,
      appliesTo: 'this-and-descendants',
      allow: true,
    },
  ];
  // The AD DS connector account Entra Connect created at installation, with its permissions.
  const c = def.connect;
  const msolSam = c.connectorAccount.user;
  users[key(msolSam)] = {
    guid: guid(),
    sid: `${domainSid}-${nextRid++}`,
    sam: msolSam,
    upn: `${msolSam}@${d.fqdn}`,
    dn: userDn(msolSam, `CN=Users,${d.dn}`),
    cn: msolSam,
    parent: `CN=Users,${d.dn}`,
    givenName: '',
    surname: '',
    displayName: msolSam,
    enabled: true,
    password: c.connectorAccount.password,
    history: [],
    pwdLastSet: now - 30 * 86_400_000,
    passwordNeverExpires: true,
    cannotChangePassword: false,
    badPwdCount: 0,
    badPasswordTime: 0,
    lockoutTime: 0,
    adminCount: 0,
    memberOf: ['Domain Users'],
    lastLogon: 0,
    logonCount: 0,
    whenCreated: now - 30 * 86_400_000,
    whenChanged: now - 30 * 86_400_000,
    usnChanged: ++usn,
    inheritanceDisabled: false,
    description:
      'Account created by Microsoft Azure Active Directory Connect with installation identifier 3f9c2a1b7d444c6e8d2f running on computer SYNC01 configured to synchronize to tenant everestitt.onmicrosoft.com. This account must have directory replication permissions in the local Active Directory and write permission on certain attributes to enable Hybrid Deployment.',
  };
  if (c.permissions.passwordHashSync) {
    acl.push({
      trustee: msolSam,
      right: 'Replicating Directory Changes',
      on: d.dn,
      appliesTo: 'this',
      allow: true,
    });
    acl.push({
      trustee: msolSam,
      right: 'Replicating Directory Changes All',
      on: d.dn,
      appliesTo: 'this',
      allow: true,
    });
  }
  if (c.permissions.passwordWriteback) {
    for (const right of [
      'Reset Password',
      'Change Password',
      'Write lockoutTime',
      'Write pwdLastSet',
    ] as const) {
      acl.push({ trustee: msolSam, right, on: d.dn, appliesTo: 'descendant-users', allow: true });
    }
    acl.push({
      trustee: msolSam,
      right: 'Unexpire Password',
      on: d.dn,
      appliesTo: 'this-and-descendants',
      allow: true,
    });
  }
  return {
    domainDn: d.dn,
    domainSid,
    nextRid: nextRid + 100,
    fqdn: d.fqdn,
    netbios: d.netbios,
    usn,
    users,
    computers,
    groups,
    ous,
    acl,
    policy: { ...def.passwordPolicy },
    rng,
  };
}

/** Finds a user by sAMAccountName, UPN, DOMAIN\name, distinguished name or GUID. */
export function findUser(dir: DirectoryState, identity: string): AdUser | undefined {
  let id = identity.trim();
  const slash = id.indexOf('\\');
  if (slash >= 0 && key(id.slice(0, slash)) === key(dir.netbios)) id = id.slice(slash + 1);
  const direct = dir.users[key(id)];
  if (direct) return direct;
  const k = key(id);
  return Object.values(dir.users).find((u) => key(u.upn) === k || key(u.dn) === k || u.guid === k);
}

export function isLockedOut(user: AdUser, policy: PasswordPolicy, now: number): boolean {
  if (user.lockoutTime <= 0) return false;
  if (policy.lockoutDurationMinutes === 0) return true;
  return now < user.lockoutTime + policy.lockoutDurationMinutes * MINUTE;
}

function touch(dir: DirectoryState, user: AdUser, patch: Partial<AdUser>, now: number): DirectoryState {
  const usn = dir.usn + 1;
  return {
    ...dir,
    usn,
    users: { ...dir.users, [key(user.sam)]: { ...user, ...patch, whenChanged: now, usnChanged: usn } },
  };
}

/** Like touch, but for attributes AD does not replicate as a change (badPwdCount, lastLogon). */
function note(dir: DirectoryState, user: AdUser, patch: Partial<AdUser>): DirectoryState {
  return { ...dir, users: { ...dir.users, [key(user.sam)]: { ...user, ...patch } } };
}

export type AuthOutcome =
  'ok' | 'bad-password' | 'locked' | 'disabled' | 'no-such-user' | 'must-change' | 'expired' | 'skew';

export interface AuthResult {
  dir: DirectoryState;
  outcome: AuthOutcome;
  user?: AdUser;
  /** Security-log entries the DC writes. */
  events: NewEvent[];
}

export function authenticate(
  dir: DirectoryState,
  identity: string,
  password: string,
  now: number,
  client: KdcClient,
  /** The client's timestamp is further from the KDC's clock than Kerberos policy allows. */
  skewed = false,
): AuthResult {
  const user = findUser(dir, identity);
  const failure = (account: { sid: string; name: string }, code: string) =>
    securityEvent(4771, 'Audit Failure', kerberosPreauthFailed(account, dir.fqdn, client, now, code));
  if (!user) {
    return { dir, outcome: 'no-such-user', events: [failure({ sid: 'NULL SID', name: identity }, '0x6')] };
  }
  const named = { sid: `${dir.netbios}\\${user.sam}`, name: user.sam };
  if (isLockedOut(user, dir.policy, now)) {
    return {
      dir,
      outcome: 'locked',
      user,
      events: [failure(named, '0x12')],
    };
  }
  if (!user.enabled)
    return {
      dir,
      outcome: 'disabled',
      user,
      events: [failure(named, '0x12')],
    };
  if (password !== user.password) {
    const events: NewEvent[] = [failure(named, '0x18')];
    // AD's "N-2" history check (NTLM and Kerberos, Windows Server 2003 SP1 and later, with a
    // password history of 3 or more): a password equal to one of the user's two previous ones
    // is refused like any wrong one but does not count towards lockout (TechNet wiki 32490).
    if (isRecentPassword(dir.policy, user, password)) return { dir, outcome: 'bad-password', user, events };
    const window = dir.policy.lockoutWindowMinutes * MINUTE;
    const count = user.badPasswordTime > 0 && now - user.badPasswordTime < window ? user.badPwdCount + 1 : 1;
    const lock = dir.policy.lockoutThreshold > 0 && count >= dir.policy.lockoutThreshold;
    if (lock) {
      events.push(
        securityEvent(
          4740,
          'Audit Success',
          accountLockedOut(systemSubject(dcNameOf(dir), dir.netbios), named, client.workstation),
        ),
      );
    }
    const next = note(dir, user, {
      badPwdCount: count,
      badPasswordTime: now,
      lockoutTime: lock ? now : user.lockoutTime,
    });
    return { dir: next, outcome: 'bad-password', user: next.users[key(user.sam)], events };
  }
  // The timestamp decrypted with the right key but lies outside the tolerance: KRB_AP_ERR_SKEW,
  // logged as 4771 with Failure Code 0x25 (Microsoft Learn, 4768/4771 failure codes: "This error
  // is logged if a client computer sends a timestamp whose value differs from that of the
  // server's timestamp by more than ... Maximum tolerance for computer clock synchronization").
  // Not a bad password: badPwdCount does not move.
  if (skewed) return { dir, outcome: 'skew', user, events: [failure(named, '0x25')] };
  const ok = note(dir, user, {
    badPwdCount: 0,
    lastLogon: now,
    logonCount: user.logonCount + 1,
    lockoutTime: isLockedOut(user, dir.policy, now) ? user.lockoutTime : 0,
  });
  const events = [
    securityEvent(4768, 'Audit Success', tgtRequested(named, dir.netbios, dir.fqdn, client, now)),
  ];
  const fresh = ok.users[key(user.sam)];
  if (user.pwdLastSet === 0) return { dir: ok, outcome: 'must-change', user: fresh, events };
  const max = dir.policy.maxAgeDays;
  if (!user.passwordNeverExpires && max > 0 && now - user.pwdLastSet > max * 86_400_000)
    return { dir: ok, outcome: 'expired', user: fresh, events };
  return { dir: ok, outcome: 'ok', user: fresh, events };
}

/** The typed password is the user's previous or the one before (N-1, N-2), and history keeps 3+. */
function isRecentPassword(policy: PasswordPolicy, user: AdUser, password: string): boolean {
  return policy.historyCount >= 3 && user.history.slice(0, 2).includes(password);
}

/** The DC's own name, from its computer object in the Domain Controllers OU. */
function dcNameOf(dir: DirectoryState): string {
  const dc = Object.values(dir.computers).find((c) => /OU=Domain Controllers,/i.test(c.dn));
  return dc?.name ?? 'DC01';
}

/** An account as a Security-log Subject or Target block names it. */
const accountOf = (dir: DirectoryState, sam: string): EventAccount => ({
  sid: `${dir.netbios}\\${sam}`,
  name: sam,
  domain: dir.netbios,
});

export function securityEvent(
  eventId: number,
  level: 'Audit Success' | 'Audit Failure',
  message: string,
): NewEvent {
  const category: Record<number, string> = {
    4720: 'User Account Management',
    4722: 'User Account Management',
    4725: 'User Account Management',
    4723: 'User Account Management',
    4724: 'User Account Management',
    4738: 'User Account Management',
    4740: 'User Account Management',
    4767: 'User Account Management',
    4728: 'Security Group Management',
    4729: 'Security Group Management',
    4768: 'Kerberos Authentication Service',
    4771: 'Kerberos Authentication Service',
    4624: 'Logon',
    4625: 'Logon',
  };
  return {
    log: 'Security',
    source: 'Microsoft-Windows-Security-Auditing',
    eventId,
    level,
    message,
    taskCategory: category[eventId],
  };
}

export interface SetPasswordOptions {
  mode: SetMode;
  /** Who does it (for the Security log). */
  by: string;
  /** For a change: the password the user says is current. */
  oldPassword?: string;
  /** Resets also clear a lockout (SSPR does by default). */
  unlock?: boolean;
  /** Set "User must change password at next logon". */
  mustChange?: boolean;
  /** The DC's local time now, as 4738's Password Last Set shows it (default: lab time, UTC). */
  localNow?: string;
}

export type SetPasswordError =
  PolicyViolation | 'wrong-old' | 'disabled' | 'locked' | 'cannot-change' | 'no-such-user';

export interface SetPasswordResult {
  dir: DirectoryState;
  error?: SetPasswordError;
  events: NewEvent[];
}

export function setPassword(
  dir: DirectoryState,
  identity: string,
  newPassword: string,
  now: number,
  opts: SetPasswordOptions,
): SetPasswordResult {
  const user = findUser(dir, identity);
  if (!user) return { dir, error: 'no-such-user', events: [] };
  const isChange = opts.mode === 'change';
  const eventId = isChange ? 4723 : 4724;
  const by = accountOf(dir, opts.by);
  const target = accountOf(dir, user.sam);
  const body = passwordAttempt(isChange ? 'change' : 'reset', by, target);
  const fail = (error: SetPasswordError): SetPasswordResult => ({
    dir,
    error,
    events: [securityEvent(eventId, 'Audit Failure', body)],
  });
  if (isChange) {
    if (!user.enabled) return fail('disabled');
    if (isLockedOut(user, dir.policy, now)) return fail('locked');
    if (user.cannotChangePassword) return fail('cannot-change');
    if (opts.oldPassword !== user.password) return fail('wrong-old');
  }
  const violation = checkPassword(dir.policy, user, newPassword, now, opts.mode);
  if (violation) return fail(violation);
  const history = [user.password, ...user.history].slice(0, 24);
  const patch: Partial<AdUser> = {
    password: newPassword,
    history,
    pwdLastSet: opts.mustChange ? 0 : now,
  };
  if (opts.unlock) Object.assign(patch, { lockoutTime: 0, badPwdCount: 0 });
  const events = [
    securityEvent(eventId, 'Audit Success', body),
    securityEvent(
      4738,
      'Audit Success',
      accountChanged(by, target, {
        'Password Last Set': opts.mustChange ? '<never>' : (opts.localNow ?? formatShortDateTime(now)),
      }),
    ),
  ];
  return { dir: touch(dir, user, patch, now), events };
}

export function unlockUser(
  dir: DirectoryState,
  identity: string,
  now: number,
  by: string,
): { dir: DirectoryState; events: NewEvent[]; found: boolean } {
  const user = findUser(dir, identity);
  if (!user) return { dir, events: [], found: false };
  return {
    dir: touch(dir, user, { lockoutTime: 0, badPwdCount: 0 }, now),
    events: [
      securityEvent(4767, 'Audit Success', accountUnlocked(accountOf(dir, by), accountOf(dir, user.sam))),
    ],
    found: true,
  };
}

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

/** The chain of containers from a DN up to the domain root (nearest first). */
export function ancestors(dn: string, domainDn: string): string[] {
  const out: string[] = [];
  let rest = dn;
  while (key(rest) !== key(domainDn)) {
    const comma = rest.search(/,(?=(?:CN|OU|DC)=)/i);
    if (comma < 0) break;
    rest = rest.slice(comma + 1);
    out.push(rest);
  }
  return out;
}

/**
 * Whether `trustee` holds `right` on the object at `targetDn`, as Windows evaluates it: explicit
 * ACEs on the object, then inherited ones from each parent (descendant-user ACEs for users) up to
 * the domain root, stopping where inheritance is disabled; a protected object (adminCount=1) gets
 * only what AdminSDHolder grants, never the connector account's delegated rights. Deny wins.
 */
export function hasRight(
  dir: DirectoryState,
  trustees: string | readonly string[],
  right: AdRight,
  targetDn: string,
): boolean {
  const names = new Set((typeof trustees === 'string' ? [trustees] : trustees).map(key));
  const user = Object.values(dir.users).find((u) => key(u.dn) === key(targetDn));
  const relevant = (a: Ace) => names.has(key(a.trustee)) && a.right === right;
  const found: Ace[] = [];
  // Explicit ACEs on the object itself.
  found.push(
    ...dir.acl.filter(
      (a) => relevant(a) && key(a.on) === key(targetDn) && a.appliesTo !== 'descendant-users',
    ),
  );
  const protectedObject = user?.adminCount === 1;
  // AdminSDHolder's template gives the administrators' groups full control of protected objects.
  if (protectedObject && ['domain admins', 'enterprise admins', 'administrators'].some((g) => names.has(g)))
    return true;
  // The user class's default security descriptor lets Everyone change a password (knowing the old
  // one). It is explicit on every user object, so no inheritance block takes it away.
  if (user && right === 'Change Password' && names.has('everyone'))
    found.push({ trustee: 'Everyone', right, on: user.dn, appliesTo: 'this', allow: true });
  const blockedHere = user ? user.inheritanceDisabled || protectedObject : false;
  if (!blockedHere) {
    for (const parent of ancestors(targetDn, dir.domainDn)) {
      found.push(
        ...dir.acl.filter(
          (a) =>
            relevant(a) &&
            key(a.on) === key(parent) &&
            (a.appliesTo === 'this-and-descendants' || (a.appliesTo === 'descendant-users' && !!user)),
        ),
      );
      const ou = dir.ous[key(parent)];
      if (ou?.inheritanceBlocked) break;
    }
  }
  if (found.some((a) => !a.allow)) return false;
  return found.some((a) => a.allow);
}

/** The names an account acts as in access checks: itself, its groups, and the well-known ones. */
export function trusteesOf(user: AdUser): string[] {
  return [user.sam, ...user.memberOf, 'Everyone', 'Authenticated Users'];
}

export function isDomainAdmin(user: AdUser): boolean {
  return user.memberOf.some((g) => ['domain admins', 'enterprise admins', 'administrators'].includes(key(g)));
}

export function grant(dir: DirectoryState, aces: readonly Ace[]): DirectoryState {
  const same = (a: Ace, b: Ace) =>
    key(a.trustee) === key(b.trustee) &&
    a.right === b.right &&
    key(a.on) === key(b.on) &&
    a.appliesTo === b.appliesTo &&
    a.allow === b.allow;
  const acl = [...dir.acl];
  for (const a of aces) if (!acl.some((b) => same(a, b))) acl.push(a);
  return { ...dir, acl };
}

export function revoke(dir: DirectoryState, predicate: (a: Ace) => boolean): DirectoryState {
  return { ...dir, acl: dir.acl.filter((a) => !predicate(a)) };
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
    cannotChangePassword: false,
    badPwdCount: 0,
    badPasswordTime: 0,
    lockoutTime: 0,
    adminCount: 0,
    memberOf: ['Domain Users'],
    lastLogon: 0,
    logonCount: 0,
    whenCreated: now,
    whenChanged: now,
    usnChanged: usn,
    inheritanceDisabled: false,
    description: spec.description,
  };
  return { ...dir, rng, usn, nextRid: dir.nextRid + 1, users: { ...dir.users, [key(spec.sam)]: u } };
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

export function setPolicy(dir: DirectoryState, patch: Partial<PasswordPolicy>): DirectoryState {
  return { ...dir, policy: { ...dir.policy, ...patch } };
}
