/**
 * The properties the ActiveDirectory module shows for users, groups and computers: the default
 * set, the extended ones -Properties asks for (case-insensitive names, shown in their own casing,
 * alphabetical as the module sorts them), and how each value prints (dates in the host's time
 * zone, FILETIME integers, `{a, b…}` collections). Pure.
 */
import type { PasswordPolicy } from '../../../core/directoryTypes';
import type { UserRecord } from '../../../roles/dcDirectoryReads';
import { isTyped, psDateValue, type PsValue } from '../../shell/psFormat';
import { fileTime, NEVER_FILETIME, psCollection } from './adValues';
import type { FilterValue } from './adFilter';

export interface GroupRecord {
  name: string;
  dn: string;
  guid: string;
  scope: 'Global' | 'DomainLocal' | 'Universal';
  sid: string;
  description?: string;
  /** GUIDs of the member users. */
  members: string[];
}

export interface ComputerRecord {
  name: string;
  dn: string;
  parent: string;
  guid: string;
  sid: string;
  enabled: boolean;
  dnsHostName: string;
  os: string;
}

export interface PropContext {
  domainDn: string;
  fqdn: string;
  offsetMinutes: number;
  /** All groups (for MemberOf, PrimaryGroup); empty when not fetched. */
  groups: readonly GroupRecord[];
  /** All users (for a group's Members); empty when not fetched. */
  users?: readonly { guid: string; dn: string }[];
  policy?: PasswordPolicy;
}

type Getter<T> = (o: T, c: PropContext) => PsValue;
export type Catalog<T> = readonly (readonly [string, Getter<T>])[];

export function canonicalName(dn: string, fqdn: string): string {
  const parts = dn.split(/,(?=(?:CN|OU|DC)=)/i);
  const rdns = parts.filter((p) => !/^DC=/i.test(p)).map((p) => p.replace(/^(CN|OU)=/i, ''));
  return `${fqdn}/${rdns.reverse().join('/')}`;
}

const date = (ms: number, c: PropContext) => psDateValue(ms, c.offsetMinutes);
const PRIMARY = 'domain users';

function memberOf(u: UserRecord, c: PropContext): string {
  const dns = u.memberOf
    .filter((g) => g.toLowerCase() !== PRIMARY)
    .map(
      (g) =>
        c.groups.find((x) => x.name.toLowerCase() === g.toLowerCase())?.dn ??
        `CN=${g},CN=Users,${c.domainDn}`,
    );
  return psCollection(dns);
}

function expiryComputed(u: UserRecord, c: PropContext): string {
  if (u.pwdLastSet === 0) return '0';
  if (u.passwordNeverExpires || !u.passwordExpires || c.policy?.maxAgeDays === 0) return NEVER_FILETIME;
  return fileTime(u.passwordExpires);
}

function uac(u: UserRecord): number {
  return 512 + (u.enabled ? 0 : 2) + (u.passwordNeverExpires ? 65536 : 0) + (u.lockedOut ? 16 : 0);
}

export const USER_DEFAULT = [
  'DistinguishedName',
  'Enabled',
  'GivenName',
  'Name',
  'ObjectClass',
  'ObjectGUID',
  'SamAccountName',
  'SID',
  'Surname',
  'UserPrincipalName',
];

export const USER_PROPS: Catalog<UserRecord> = [
  ['AccountExpirationDate', () => ''],
  ['accountExpires', () => NEVER_FILETIME],
  ['AccountLockoutTime', (u, c) => (u.lockoutTime > 0 ? date(u.lockoutTime, c) : '')],
  ['AccountNotDelegated', () => false],
  ['AllowReversiblePasswordEncryption', () => false],
  ['adminCount', (u) => (u.adminCount > 0 ? u.adminCount : '')],
  ['BadLogonCount', (u) => u.badPwdCount],
  ['badPasswordTime', (u) => fileTime(u.badPasswordTime)],
  ['badPwdCount', (u) => u.badPwdCount],
  ['CannotChangePassword', (u) => u.cannotChangePassword],
  ['CanonicalName', (u, c) => canonicalName(u.dn, c.fqdn)],
  ['Certificates', () => '{}'],
  ['City', () => ''],
  ['CN', (u) => u.name],
  ['codePage', () => 0],
  ['Company', () => ''],
  ['Country', () => ''],
  ['countryCode', () => 0],
  ['Created', (u, c) => date(u.whenCreated, c)],
  ['createTimeStamp', (u, c) => date(u.whenCreated, c)],
  ['Deleted', () => ''],
  ['Department', (u) => u.department ?? ''],
  ['Description', (u) => u.description ?? ''],
  ['DisplayName', (u) => u.displayName],
  ['DistinguishedName', (u) => u.dn],
  ['Division', () => ''],
  ['DoesNotRequirePreAuth', () => false],
  ['EmailAddress', (u) => u.mail ?? ''],
  ['EmployeeID', () => ''],
  ['EmployeeNumber', () => ''],
  ['Enabled', (u) => u.enabled],
  ['Fax', () => ''],
  ['GivenName', (u) => u.givenName],
  ['HomeDirectory', () => ''],
  ['HomedirRequired', () => false],
  ['HomeDrive', () => ''],
  ['HomePage', () => ''],
  ['HomePhone', () => ''],
  ['Initials', () => ''],
  ['instanceType', () => 4],
  ['isDeleted', () => ''],
  ['LastBadPasswordAttempt', (u, c) => date(u.badPasswordTime, c)],
  ['LastKnownParent', () => ''],
  ['lastLogoff', () => 0],
  ['LastLogonDate', (u, c) => date(u.lastLogon, c)],
  ['lastLogon', (u) => fileTime(u.lastLogon)],
  ['lastLogonTimestamp', (u) => (u.lastLogon > 0 ? fileTime(u.lastLogon) : '')],
  ['LockedOut', (u) => u.lockedOut],
  ['lockoutTime', (u) => fileTime(u.lockoutTime)],
  ['logonCount', (u) => u.logonCount],
  ['LogonWorkstations', () => ''],
  ['mail', (u) => u.mail ?? ''],
  ['Manager', () => ''],
  ['MemberOf', memberOf],
  ['MNSLogonAccount', () => false],
  ['mobile', (u) => u.mobile ?? ''],
  ['MobilePhone', (u) => u.mobile ?? ''],
  ['Modified', (u, c) => date(u.whenChanged, c)],
  ['modifyTimeStamp', (u, c) => date(u.whenChanged, c)],
  ['msDS-User-Account-Control-Computed', (u) => (u.lockedOut ? 16 : 0) + (u.passwordExpired ? 0x800000 : 0)],
  ['msDS-UserPasswordExpiryTimeComputed', expiryComputed],
  ['Name', (u) => u.name],
  ['nTSecurityDescriptor', () => 'System.DirectoryServices.ActiveDirectorySecurity'],
  ['ObjectCategory', (_u, c) => `CN=Person,CN=Schema,CN=Configuration,${c.domainDn}`],
  ['ObjectClass', () => 'user'],
  ['ObjectGUID', (u) => u.guid],
  ['objectSid', (u) => u.sid],
  ['Office', () => ''],
  ['OfficePhone', () => ''],
  ['Organization', () => ''],
  ['OtherName', () => ''],
  ['PasswordExpired', (u) => u.passwordExpired],
  ['PasswordLastSet', (u, c) => date(u.pwdLastSet, c)],
  ['PasswordNeverExpires', (u) => u.passwordNeverExpires],
  ['PasswordNotRequired', () => false],
  ['POBox', () => ''],
  ['PostalCode', () => ''],
  [
    'PrimaryGroup',
    (_u, c) =>
      c.groups.find((g) => g.name.toLowerCase() === PRIMARY)?.dn ?? `CN=Domain Users,CN=Users,${c.domainDn}`,
  ],
  ['primaryGroupID', () => 513],
  ['ProfilePath', () => ''],
  ['ProtectedFromAccidentalDeletion', () => false],
  ['pwdLastSet', (u) => fileTime(u.pwdLastSet)],
  ['SamAccountName', (u) => u.sam],
  ['sAMAccountType', () => 805306368],
  ['ScriptPath', () => ''],
  ['sDRightsEffective', () => 15],
  ['ServicePrincipalNames', () => '{}'],
  ['SID', (u) => u.sid],
  ['SIDHistory', () => '{}'],
  ['SmartcardLogonRequired', () => false],
  ['sn', (u) => u.surname],
  ['State', () => ''],
  ['StreetAddress', () => ''],
  ['Surname', (u) => u.surname],
  ['telephoneNumber', () => ''],
  ['Title', (u) => u.title ?? ''],
  ['TrustedForDelegation', () => false],
  ['TrustedToAuthForDelegation', () => false],
  ['UseDESKeyOnly', () => false],
  ['userAccountControl', uac],
  ['userCertificate', () => '{}'],
  ['UserPrincipalName', (u) => u.upn],
  ['uSNChanged', (u) => u.usnChanged],
  ['whenChanged', (u, c) => date(u.whenChanged, c)],
  ['whenCreated', (u, c) => date(u.whenCreated, c)],
];

/**
 * LDAP attributes `-Properties *` lists only when the object has a value (the directory returns no
 * attribute that is not set), and constructed ones it never lists (asked for by name only). The
 * rest of USER_PROPS is what a real `Get-ADUser -Properties *` shows for a user (a listing from a
 * Windows Server DC; the Server 2012+ Kerberos and authentication-policy properties are unconfirmed
 * and left out, see docs/fidelity.md).
 */
export const USER_SET_ONLY = [
  'adminCount',
  'lastLogonTimestamp',
  'lockoutTime',
  'mail',
  'mobile',
  'telephoneNumber',
];
export const USER_NAMED_ONLY = ['msDS-UserPasswordExpiryTimeComputed'];

export const GROUP_DEFAULT = [
  'DistinguishedName',
  'GroupCategory',
  'GroupScope',
  'Name',
  'ObjectClass',
  'ObjectGUID',
  'SamAccountName',
  'SID',
];

export const GROUP_PROPS: Catalog<GroupRecord> = [
  ['CanonicalName', (g, c) => canonicalName(g.dn, c.fqdn)],
  ['CN', (g) => g.name],
  ['Description', (g) => g.description ?? ''],
  ['DistinguishedName', (g) => g.dn],
  ['GroupCategory', () => 'Security'],
  ['GroupScope', (g) => g.scope],
  ['member', (g, c) => psCollection(g.members.map((m) => c.users?.find((u) => u.guid === m)?.dn ?? m))],
  ['Members', (g, c) => psCollection(g.members.map((m) => c.users?.find((u) => u.guid === m)?.dn ?? m))],
  ['Name', (g) => g.name],
  ['ObjectClass', () => 'group'],
  ['ObjectGUID', (g) => g.guid],
  ['SamAccountName', (g) => g.name],
  ['SID', (g) => g.sid],
];

export const COMPUTER_DEFAULT = [
  'DistinguishedName',
  'DNSHostName',
  'Enabled',
  'Name',
  'ObjectClass',
  'ObjectGUID',
  'SamAccountName',
  'SID',
  'UserPrincipalName',
];

export const COMPUTER_PROPS: Catalog<ComputerRecord> = [
  ['CanonicalName', (o, c) => canonicalName(o.dn, c.fqdn)],
  ['CN', (o) => o.name],
  ['Description', () => ''],
  ['DistinguishedName', (o) => o.dn],
  ['DNSHostName', (o) => o.dnsHostName],
  ['Enabled', (o) => o.enabled],
  ['IPv4Address', () => ''],
  ['Name', (o) => o.name],
  ['ObjectClass', () => 'computer'],
  ['ObjectGUID', (o) => o.guid],
  ['OperatingSystem', (o) => o.os],
  [
    'PrimaryGroup',
    (o, c) =>
      `CN=${/^OU=Domain Controllers,/i.test(o.parent) ? 'Domain Controllers' : 'Domain Computers'},CN=Users,${c.domainDn}`,
  ],
  ['SamAccountName', (o) => `${o.name}$`],
  ['SID', (o) => o.sid],
  ['UserPrincipalName', () => ''],
];

export type PropSelection = { ok: true; names: string[] } | { ok: false; invalid: string };

/** The properties to show: the default set plus those asked for (`*` for all), in the module's order. */
export function selectProps<T>(
  catalog: Catalog<T>,
  defaults: readonly string[],
  requested: readonly string[],
  namedOnly: readonly string[] = [],
): PropSelection {
  const names = new Set(defaults);
  for (const r of requested) {
    if (r === '*') {
      for (const [n] of catalog) if (!namedOnly.includes(n)) names.add(n);
      continue;
    }
    const hit = catalog.find(([n]) => n.toLowerCase() === r.toLowerCase());
    if (!hit) return { ok: false, invalid: r };
    names.add(hit[0]);
  }
  const list = [...names];
  if (requested.length > 0) list.sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
  return { ok: true, names: list };
}

export function record<T>(
  catalog: Catalog<T>,
  names: readonly string[],
  o: T,
  c: PropContext,
  /** Attributes left out when they have no value (`-Properties *`'s LDAP-only attributes). */
  ifSet: readonly string[] = [],
): [string, PsValue][] {
  return names.flatMap((n): [string, PsValue][] => {
    const get = catalog.find(([k]) => k === n)?.[1];
    const v = get ? get(o, c) : '';
    const unset = v === '' || v === '0' || v === undefined || v === null;
    return ifSet.includes(n) && unset ? [] : [[n, v]];
  });
}

/** An attribute for -Filter; undefined when the object has no such attribute. */
export function readAttribute<T>(
  catalog: Catalog<T>,
  o: T,
  c: PropContext,
  attribute: string,
): FilterValue | undefined {
  const a = attribute.toLowerCase();
  const get = catalog.find(([k]) => k.toLowerCase() === a)?.[1];
  if (!get) return undefined;
  const v = get(o, c);
  // -Filter compares a date as the text the module shows.
  return v === null || v === undefined ? '' : isTyped(v) ? v.text : v;
}

export function hasAttribute<T>(catalog: Catalog<T>, attribute: string): boolean {
  return catalog.some(([k]) => k.toLowerCase() === attribute.toLowerCase());
}
