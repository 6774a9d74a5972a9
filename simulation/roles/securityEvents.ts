/**
 * The bodies of the DC's Security-log events, laid out as Microsoft's event pages show them
 * (Microsoft Learn, "4771(F): Kerberos pre-authentication failed.", "4768(S, F)", "4740(S)",
 * "4723(S, F)", "4724(S, F)", "4738(S)", "4767(S)", "4720(S)", "4722(S)", "4725(S)"): tab-aligned blocks, `-` for an empty field,
 * the client as an IPv4-mapped IPv6 address. Pure text builders: data in, message out.
 */
import { crc32 } from '../core/crc32';

/** Where a Kerberos request came from, as the KDC sees it. */
export interface KdcClient {
  /** The workstation's name (4740's Caller Computer Name). */
  workstation: string;
  /** The sender's IPv4 address. */
  address: string;
}

/** An account as the Subject or Target block names it. */
export interface EventAccount {
  sid: string;
  name: string;
  domain: string;
  logonId?: string;
}

/** The well-known account a DC acts as on its own (4740's Subject): SYSTEM, the DC's machine account. */
export const systemSubject = (dc: string, domain: string): EventAccount => ({
  sid: 'SYSTEM',
  name: `${dc.toUpperCase()}$`,
  domain,
  logonId: '0x3E7',
});

/** A logon session id for an account (stable per account, as a session's id is while it lasts). */
export const logonIdOf = (name: string) =>
  `0x${((crc32(name.toLowerCase()) % 0xfffff) + 0x10000).toString(16).toUpperCase()}`;

/** The client's ephemeral source port for one request (Windows' dynamic range 49152–65535). */
const clientPort = (client: KdcClient, now: number) => 49152 + (crc32(`${client.address}:${now}`) % 16384);

const mapped = (ip: string) => `::ffff:${ip}`;

function subject(a: EventAccount): string {
  return `Subject:\n\tSecurity ID:\t\t${a.sid}\n\tAccount Name:\t\t${a.name}\n\tAccount Domain:\t\t${a.domain}\n\tLogon ID:\t\t${a.logonId ?? logonIdOf(a.name)}`;
}

function target(heading: string, a: EventAccount): string {
  return `${heading}:\n\tSecurity ID:\t\t${a.sid}\n\tAccount Name:\t\t${a.name}\n\tAccount Domain:\t\t${a.domain}`;
}

/** 4771: Kerberos pre-authentication failed (0x18 bad password, 0x12 revoked, 0x6 unknown). */
export function kerberosPreauthFailed(
  account: { sid: string; name: string },
  realm: string,
  client: KdcClient,
  now: number,
  failureCode: string,
): string {
  return [
    'Kerberos pre-authentication failed.',
    `Account Information:\n\tSecurity ID:\t\t${account.sid}\n\tAccount Name:\t\t${account.name}`,
    `Service Information:\n\tService Name:\t\tkrbtgt/${realm.toUpperCase()}`,
    `Network Information:\n\tClient Address:\t\t${mapped(client.address)}\n\tClient Port:\t\t${clientPort(client, now)}`,
    `Additional Information:\n\tTicket Options:\t\t0x40810010\n\tFailure Code:\t\t${failureCode}\n\tPre-Authentication Type:\t2`,
    'Certificate Information:\n\tCertificate Issuer Name:\t\t\n\tCertificate Serial Number:\t\n\tCertificate Thumbprint:\t\t',
    'Certificate information is only provided if a certificate was used for pre-authentication.',
    'Pre-authentication types, ticket options and failure codes are defined in RFC 4120.',
    'If the ticket was malformed or damaged during transit and could not be decrypted, then many fields in this event might not be present.',
  ].join('\n\n');
}

/** 4768: a TGT was issued (Result Code 0x0). */
export function tgtRequested(
  account: { sid: string; name: string },
  netbios: string,
  realm: string,
  client: KdcClient,
  now: number,
): string {
  return [
    'A Kerberos authentication ticket (TGT) was requested.',
    `Account Information:\n\tAccount Name:\t\t${account.name}\n\tSupplied Realm Name:\t${netbios}\n\tUser ID:\t\t\t${account.sid}`,
    `Service Information:\n\tService Name:\t\tkrbtgt\n\tService ID:\t\t${netbios}\\krbtgt`,
    `Network Information:\n\tClient Address:\t\t${mapped(client.address)}\n\tClient Port:\t\t${clientPort(client, now)}`,
    `Additional Information:\n\tTicket Options:\t\t0x40810010\n\tResult Code:\t\t0x0\n\tTicket Encryption Type:\t0x12\n\tPre-Authentication Type:\t2`,
    `Realm:\t\t\t${realm.toUpperCase()}`,
  ].join('\n\n');
}

/** 4740: the DC (SYSTEM, as DC01$) locked the account after a bad password from a workstation. */
export function accountLockedOut(
  by: EventAccount,
  locked: { sid: string; name: string },
  workstation: string,
): string {
  return [
    'A user account was locked out.',
    subject(by),
    `Account That Was Locked Out:\n\tSecurity ID:\t\t${locked.sid}\n\tAccount Name:\t\t${locked.name}`,
    `Additional Information:\n\tCaller Computer Name:\t${workstation}`,
  ].join('\n\n');
}

/** 4723 (change) and 4724 (reset). */
export function passwordAttempt(kind: 'change' | 'reset', by: EventAccount, account: EventAccount): string {
  return [
    kind === 'change'
      ? "An attempt was made to change an account's password."
      : "An attempt was made to reset an account's password.",
    subject(by),
    target('Target Account', account),
  ].join('\n\n');
}

/** 4767: an account was unlocked. */
export function accountUnlocked(by: EventAccount, account: EventAccount): string {
  return ['A user account was unlocked.', subject(by), target('Target Account', account)].join('\n\n');
}

/** 4738's changed attributes, in the page's order; the ones not given print `-`. */
const CHANGED_ATTRIBUTES = [
  'SAM Account Name',
  'Display Name',
  'User Principal Name',
  'Home Directory',
  'Home Drive',
  'Script Path',
  'Profile Path',
  'User Workstations',
  'Password Last Set',
  'Account Expires',
  'Primary Group ID',
  'AllowedToDelegateTo',
  'Old UAC Value',
  'New UAC Value',
  'User Account Control',
  'User Parameters',
  'SID History',
  'Logon Hours',
] as const;

export type ChangedAttribute = (typeof CHANGED_ATTRIBUTES)[number];

/** 4738: a user account was changed, listing each attribute (a date for Password Last Set). */
export function accountChanged(
  by: EventAccount,
  account: EventAccount,
  changed: Partial<Record<ChangedAttribute, string>>,
): string {
  const rows = CHANGED_ATTRIBUTES.map((a) => `\t${a}:${a.length < 15 ? '\t\t' : '\t'}${changed[a] ?? '-'}`);
  return [
    'A user account was changed.',
    subject(by),
    target('Target Account', account),
    `Changed Attributes:\n${rows.join('\n')}`,
    'Additional Information:\n\tPrivileges:\t\t-',
  ].join('\n\n');
}

/** 4722 (enabled) and 4725 (disabled). */
export function accountEnabled(enabled: boolean, by: EventAccount, account: EventAccount): string {
  return [
    enabled ? 'A user account was enabled.' : 'A user account was disabled.',
    subject(by),
    target('Target Account', account),
  ].join('\n\n');
}

/** What 4720 needs of the new account. */
export interface CreatedAccount {
  sam: string;
  displayName: string;
  upn: string;
  enabled: boolean;
  pwdLastSet: number;
  passwordNeverExpires: boolean;
}

/**
 * 4720: a user account was created. The Attributes block as the event page lists it; a disabled
 * account without a password is created with UAC 0x15 (Account Disabled, 'Password Not Required',
 * 'Normal Account'), an enabled one with 0x200 (normal account), plus 0x10000 for "never expires".
 */
export function accountCreated(
  by: EventAccount,
  account: EventAccount,
  u: CreatedAccount,
  passwordLastSet = '<never>',
): string {
  let uac = u.enabled ? 0x200 : 0x15;
  const flags = u.enabled
    ? ["'Normal Account' - Enabled"]
    : ['Account Disabled', "'Password Not Required' - Enabled", "'Normal Account' - Enabled"];
  if (u.passwordNeverExpires) {
    uac |= 0x10000;
    flags.push("'Don't Expire Password' - Enabled");
  }
  const dash = (v: string) => (v === '' ? '-' : v);
  return [
    'A user account was created.',
    subject(by),
    target('New Account', account),
    [
      'Attributes:',
      `\tSAM Account Name:\t${u.sam}`,
      `\tDisplay Name:\t\t${dash(u.displayName)}`,
      `\tUser Principal Name:\t${dash(u.upn)}`,
      '\tHome Directory:\t\t-',
      '\tHome Drive:\t\t-',
      '\tScript Path:\t\t-',
      '\tProfile Path:\t\t-',
      '\tUser Workstations:\t-',
      `\tPassword Last Set:\t${u.pwdLastSet > 0 ? passwordLastSet : '<never>'}`,
      '\tAccount Expires:\t\t<never>',
      '\tPrimary Group ID:\t513',
      '\tAllowed To Delegate To:\t-',
      '\tOld UAC Value:\t\t0x0',
      `\tNew UAC Value:\t\t0x${uac.toString(16).toUpperCase()}`,
      `\tUser Account Control:\t\n\t\t${flags.join('\n\t\t')}`,
      '\tUser Parameters:\t-',
      '\tSID History:\t\t-',
      '\tLogon Hours:\t\t<value not set>',
    ].join('\n'),
    'Additional Information:\n\tPrivileges\t\t-',
  ].join('\n\n');
}
