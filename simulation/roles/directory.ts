/**
 * Active Directory Domain Services as data: the objects (users, computers, groups, OUs), finding
 * them, and the two ways a user object changes (a replicated change that moves uSNChanged, or a
 * local note that does not). The operations live beside it: directorySeed.ts (the lab's initial
 * domain), directoryAuth.ts (authentication, passwords, lockout), directoryAccounts.ts (creating
 * users, attributes, group membership), directoryAccess.ts (ACLs and access checks). Pure.
 */
import type { Ace, PasswordPolicy } from '../core/directoryTypes';
import type { RngState } from '../core/random';
import { MINUTE } from '../core/time';
import { recordUserChange } from './directoryChanges';

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

/**
 * What a new account starts with besides its names and password: no failed or successful logons,
 * not locked out, not protected, and a member of Domain Users only.
 */
export function newAccountState(): Pick<
  AdUser,
  | 'cannotChangePassword'
  | 'badPwdCount'
  | 'badPasswordTime'
  | 'lockoutTime'
  | 'adminCount'
  | 'memberOf'
  | 'lastLogon'
  | 'logonCount'
> {
  return {
    cannotChangePassword: false,
    badPwdCount: 0,
    badPasswordTime: 0,
    lockoutTime: 0,
    adminCount: 0,
    memberOf: ['Domain Users'],
    lastLogon: 0,
    logonCount: 0,
  };
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

/** The case-insensitive key every record of the directory is indexed by. */
export const key = (s: string) => s.toLowerCase();

export function userDn(cn: string, parent: string): string {
  return `CN=${cn},${parent}`;
}

export function isProtectedGroup(name: string): boolean {
  return PROTECTED_GROUPS.some((g) => key(g) === key(name));
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

/** A replicated change of a user: the domain's uSN moves on and becomes the user's uSNChanged. */
export function touch(
  dir: DirectoryState,
  user: AdUser,
  patch: Partial<AdUser>,
  now: number,
): DirectoryState {
  const usn = dir.usn + 1;
  const k = key(user.sam);
  const users = { ...dir.users, [k]: { ...user, ...patch, whenChanged: now, usnChanged: usn } };
  recordUserChange(dir.users, users, k, usn);
  return { ...dir, usn, users };
}

/** Like touch, but for attributes AD does not replicate as a change (badPwdCount, lastLogon). */
export function note(dir: DirectoryState, user: AdUser, patch: Partial<AdUser>): DirectoryState {
  const k = key(user.sam);
  const users = { ...dir.users, [k]: { ...user, ...patch } };
  recordUserChange(dir.users, users, k, undefined);
  return { ...dir, users };
}

export function setPolicy(dir: DirectoryState, patch: Partial<PasswordPolicy>): DirectoryState {
  return { ...dir, policy: { ...dir.policy, ...patch } };
}
