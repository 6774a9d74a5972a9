/**
 * dsacls.exe (AD DS tools: the DC and the Entra Connect server): shows an object's access list
 * as the DC holds it (explicit entries, inherited ones marked "<Inherited from parent>", those
 * passed on to sub-objects), and changes it: /G and /D add allow and deny entries
 * ("LABORHUB\MSOL_x:CA;Reset Password;user" with /I:S|T|P), /R removes a trustee's entries,
 * /P:Y|N protects the object or lets it inherit again. It talks LDAP (389) to the DC.
 *
 * Windows lists many standard entries the lab's ACL model leaves out (it models only the rights
 * password writeback and hash sync use); a few of them are printed as fixed text so the listing
 * looks as it does on a real DC. They never grant or deny anything in the lab.
 */
import type { Ace, AclEdit, AdRight } from '../../../core/directoryTypes';
import type { AclView, DirObject } from '../../../roles/directoryObjects';
import type { Script } from '../../../proc/script';
import type { ConsoleLine, WindowsHostContext } from '../../../windows/hostState';
import { dirCall, findDc, type DcSession } from './adClient';
import type { CommandDef, CommandEnv, CommandResult } from '../types';
import { done } from '../types';

export const DSACLS = {
  ok: 'The command completed successfully',
  failed: 'The command failed to complete successfully.',
  /** Unconfirmed wordings of dsacls' failures. */
  noDomain: 'The specified domain either does not exist or could not be contacted.',
  serverDown: 'The server is not operational.',
  noObject: 'There is no such object on the server.',
  accessDenied: 'Access is denied.',
  badCredentials: 'Logon failure: unknown user name or bad password.',
  noMapping: 'No mapping between account names and security IDs was done.',
  badPermission: 'The parameter is incorrect.',
  notModelled:
    'HybridLab: dsacls here grants only the rights password writeback and hash sync use: CA;Reset Password, CA;Change Password, CA;Unexpire Password, CA;Replicating Directory Changes [All], WP;lockoutTime, WP;pwdLastSet, and GA.',
  usage: [
    'Displays or modifies permissions (ACLS) of an Active Directory Domain Services (AD DS) Object',
    '',
    'DSACLS object [/I:TSP] [/N] [/P:YN] [/G <group/user>:<perms> [...]] [/R <group/user> [...]]',
    '              [/D <group/user>:<perms> [...]] [/S] [/T] [/A] [/resetDefaultDACL]',
    '              [/resetDefaultSACL] [/takeOwnership] [/user:<username>] [/passwd:<passwd> | *]',
    '              [/simple]',
    '',
  ],
} as const;

const COL = 38;
const ADMIN_RIGHTS = [
  'DELETE',
  'READ PERMISSONS',
  'WRITE PERMISSIONS',
  'CHANGE OWNERSHIP',
  'CREATE CHILD',
  'LIST CONTENTS',
  'WRITE SELF',
  'WRITE PROPERTY',
  'READ PROPERTY',
  'LIST OBJECT',
  'CONTROL ACCESS',
];
const READ_RIGHTS = ['READ PERMISSONS', 'LIST CONTENTS', 'READ PROPERTY', 'LIST OBJECT'];

interface Shown {
  allow: boolean;
  trustee: string;
  /** First line, then the indented ones (SPECIAL ACCESS lists). */
  rights: string[];
  inherited: boolean;
}

function trusteeName(t: string, netbios: string): string {
  switch (t.toLowerCase()) {
    case 'everyone':
      return 'Everyone';
    case 'authenticated users':
      return 'NT AUTHORITY\\Authenticated Users';
    case 'self':
      return 'NT AUTHORITY\\SELF';
    case 'system':
      return 'NT AUTHORITY\\SYSTEM';
    case 'administrators':
      return 'BUILTIN\\Administrators';
    default:
      return `${netbios}\\${t}`;
  }
}

function rightLines(r: AdRight): string[] {
  if (r === 'Write lockoutTime') return ['SPECIAL ACCESS for lockoutTime', 'WRITE PROPERTY'];
  if (r === 'Write pwdLastSet') return ['SPECIAL ACCESS for pwdLastSet', 'WRITE PROPERTY'];
  return [r];
}

function entryLines(e: Shown): string[] {
  const head = `${(e.allow ? 'Allow' : 'Deny').padEnd(5)} ${e.trustee}`;
  const [first = '', ...more] = e.rights;
  const firstText = first + (e.inherited ? '   <Inherited from parent>' : '');
  const lines = head.length <= COL - 2 ? [head.padEnd(COL) + firstText] : [head, ' '.repeat(COL) + firstText];
  return [...lines, ...more.map((m) => ' '.repeat(COL) + m)];
}

/**
 * The standard entries every object has (display only): its own, and the ones from the domain
 * root that reach every object below (the root holds them itself; a protected object has its own
 * copy, from AdminSDHolder's template).
 */
function baseline(netbios: string, object: DirObject, blocked: boolean): { own: Shown[]; top: Shown[] } {
  const fromRoot = object.objectClass !== 'domainDNS' && !blocked;
  return {
    own: [
      { allow: true, trustee: `${netbios}\\Domain Admins`, rights: ['FULL CONTROL'], inherited: false },
      { allow: true, trustee: 'NT AUTHORITY\\SYSTEM', rights: ['FULL CONTROL'], inherited: false },
      {
        allow: true,
        trustee: 'NT AUTHORITY\\Authenticated Users',
        rights: ['SPECIAL ACCESS', ...READ_RIGHTS],
        inherited: false,
      },
    ],
    top: [
      {
        allow: true,
        trustee: `${netbios}\\Enterprise Admins`,
        rights: ['FULL CONTROL'],
        inherited: fromRoot,
      },
      {
        allow: true,
        trustee: 'BUILTIN\\Administrators',
        rights: ['SPECIAL ACCESS', ...ADMIN_RIGHTS],
        inherited: fromRoot,
      },
    ],
  };
}

/** Explicit entries first, denies before allows, as Windows orders an access list. */
function canonical(list: readonly Shown[]): Shown[] {
  const rank = (s: Shown) => (s.inherited ? 2 : 0) + (s.allow ? 1 : 0);
  return [...list].sort((a, b) => rank(a) - rank(b));
}

/** The listing dsacls prints for an object. */
export function formatAcl(view: AclView, netbios: string): string[] {
  const show = (a: Ace, inherited: boolean): Shown => ({
    allow: a.allow,
    trustee: trusteeName(a.trustee, netbios),
    rights: rightLines(a.right),
    inherited,
  });
  const isUser = view.object.objectClass === 'user';
  const base = baseline(netbios, view.object, view.blocked);
  const effective = view.entries
    .filter((e) =>
      e.inherited
        ? e.ace.appliesTo === 'this-and-descendants' || (isUser && e.ace.appliesTo === 'descendant-users')
        : e.ace.appliesTo !== 'descendant-users',
    )
    .map((e) => show(e.ace, e.inherited));
  const toAll = view.entries
    .filter((e) => e.ace.appliesTo === 'this-and-descendants')
    .map((e) => show(e.ace, e.inherited));
  const toUser = view.entries
    .filter((e) => e.ace.appliesTo === 'descendant-users')
    .map((e) => show(e.ace, e.inherited));
  const lines = [`Owner: ${netbios}\\Domain Admins`, `Group: ${netbios}\\Domain Admins`, '', 'Access list:'];
  for (const s of canonical([...base.own, ...base.top, ...effective])) lines.push(...entryLines(s));
  lines.push('', 'Permissions inherited to subobjects are:', 'Inherited to all subobjects');
  for (const s of canonical([...base.top, ...toAll])) lines.push(...entryLines(s));
  if (toUser.length > 0) {
    lines.push('', 'Inherited to user');
    for (const s of canonical(toUser)) lines.push(...entryLines(s));
  }
  lines.push(DSACLS.ok);
  return lines;
}

// --- Arguments -------------------------------------------------------------------------------------

const CONTROL_RIGHTS: AdRight[] = [
  'Reset Password',
  'Change Password',
  'Unexpire Password',
  'Replicating Directory Changes',
  'Replicating Directory Changes All',
];
const ALL_RIGHTS: AdRight[] = [...CONTROL_RIGHTS, 'Write lockoutTime', 'Write pwdLastSet'];

interface Grant {
  trustee: string;
  rights: AdRight[];
  /** The permission named an object type (e.g. `;user`): it reaches only that kind of object. */
  forUsers: boolean;
}

/** `LABORHUB\MSOL_x:CA;Reset Password;user` → trustee and rights; a string when it cannot be used. */
export function parsePermission(text: string, netbios: string, fqdn: string): Grant | 'bad' | 'unmodelled' {
  const colon = text.lastIndexOf(':');
  if (colon <= 0) return 'bad';
  let trustee = text.slice(0, colon).trim();
  const slash = trustee.indexOf('\\');
  if (slash >= 0) {
    const dom = trustee.slice(0, slash).toLowerCase();
    if (dom === netbios.toLowerCase() || dom === fqdn.toLowerCase()) trustee = trustee.slice(slash + 1);
    else if (['nt authority', 'builtin'].includes(dom)) trustee = trustee.slice(slash + 1);
  }
  const [perms = '', object = '', inheritedType = ''] = text
    .slice(colon + 1)
    .split(';')
    .map((p) => p.trim());
  if (!/^[A-Z]+$/i.test(perms) || perms.length % 2 !== 0) return 'bad';
  const codes: string[] = perms.toUpperCase().match(/../g) ?? [];
  const forUsers = inheritedType.toLowerCase() === 'user';
  if (inheritedType !== '' && !forUsers) return 'unmodelled';
  if (codes.includes('GA') && object === '') return { trustee, rights: ALL_RIGHTS, forUsers };
  const rights: AdRight[] = [];
  const o = object.toLowerCase();
  if (codes.includes('CA')) {
    const r = CONTROL_RIGHTS.find((x) => x.toLowerCase() === o);
    if (!r) return 'unmodelled';
    rights.push(r);
  }
  if (codes.includes('WP')) {
    if (o === 'lockouttime') rights.push('Write lockoutTime');
    else if (o === 'pwdlastset') rights.push('Write pwdLastSet');
    else return 'unmodelled';
  }
  if (codes.some((c) => !['CA', 'WP', 'RP', 'LC', 'LO', 'RC'].includes(c))) return 'unmodelled';
  // Read rights alone are always there in the lab: nothing to add.
  return { trustee, rights, forUsers };
}

interface Parsed {
  dn: string;
  grants: { text: string; allow: boolean }[];
  revoke: string[];
  protect?: boolean;
  inherit?: 'T' | 'S' | 'P';
}

function parseArgs(args: readonly string[]): Parsed | undefined {
  let dn: string | undefined;
  const p: Parsed = { dn: '', grants: [], revoke: [] };
  let mode: 'G' | 'D' | 'R' | undefined;
  for (const a of args) {
    const flag = /^\/([a-z]+)(?::(.*))?$/i.exec(a);
    if (flag) {
      const name = (flag[1] ?? '').toUpperCase();
      const value = (flag[2] ?? '').toUpperCase();
      mode = undefined;
      if (name === 'G' || name === 'D' || name === 'R') mode = name;
      else if (name === 'P' && (value === 'Y' || value === 'N')) p.protect = value === 'Y';
      else if (name === 'I' && (value === 'T' || value === 'S' || value === 'P')) p.inherit = value;
      else return undefined;
      continue;
    }
    if (mode === 'G' || mode === 'D') p.grants.push({ text: a, allow: mode === 'G' });
    else if (mode === 'R') p.revoke.push(a);
    else if (dn === undefined) dn = a;
    else return undefined;
  }
  if (dn === undefined) return undefined;
  p.dn = dn;
  return p;
}

function appliesTo(object: DirObject, inherit: Parsed['inherit'], forUsers: boolean): Ace['appliesTo'] {
  if (object.objectClass === 'user') return 'this';
  if (inherit === undefined) return forUsers ? 'descendant-users' : 'this';
  if (inherit === 'T' && !forUsers) return 'this-and-descendants';
  return 'descendant-users';
}

// --- The command --------------------------------------------------------------------------------------

function fail(...texts: string[]): CommandResult {
  return { lines: [...texts, DSACLS.failed].map((text) => ({ kind: 'error' as const, text })) };
}

function failureText(error: string): string {
  switch (error) {
    case 'unreachable':
      return DSACLS.serverDown;
    case 'no-such-object':
      return DSACLS.noObject;
    case 'invalid-credentials':
      return DSACLS.badCredentials;
    default:
      return DSACLS.accessDenied;
  }
}

function* dsaclsScript(host: WindowsHostContext, p: Parsed): Script<CommandResult> {
  const found = yield* findDc(host);
  if (!found.ok) return fail(DSACLS.noDomain);
  const dc: DcSession = found.dc;
  const current = yield* dirCall(host, dc, 'ldap', { op: 'getAcl', dn: p.dn });
  if (!current.ok) return fail(failureText(current.error));
  const view = current.result as AclView;
  if (p.grants.length === 0 && p.revoke.length === 0 && p.protect === undefined)
    return { lines: formatAcl(view, host.domainNetbios).map((text) => ({ kind: 'output', text })) };
  const listed = yield* dirCall(host, dc, 'ldap', { op: 'listObjects' });
  const known = new Set([
    'everyone',
    'authenticated users',
    'self',
    'system',
    'administrators',
    ...((listed.ok ? listed.result : []) as DirObject[]).flatMap((o) => (o.sam ? [o.sam.toLowerCase()] : [])),
  ]);
  const edit: AclEdit = { grant: [] };
  for (const g of p.grants) {
    const perm = parsePermission(g.text, host.domainNetbios, host.domainFqdn);
    if (perm === 'bad') return fail(DSACLS.badPermission);
    if (perm === 'unmodelled') return { lines: [{ kind: 'error', text: DSACLS.notModelled }] };
    if (!known.has(perm.trustee.toLowerCase())) return fail(DSACLS.noMapping);
    for (const right of perm.rights)
      edit.grant?.push({
        trustee: perm.trustee,
        right,
        appliesTo: appliesTo(view.object, p.inherit, perm.forUsers),
        allow: g.allow,
      });
  }
  for (const r of p.revoke) {
    const t = r.includes('\\') ? r.slice(r.indexOf('\\') + 1) : r;
    if (!known.has(t.toLowerCase())) return fail(DSACLS.noMapping);
  }
  let after = view;
  for (const [i, r] of p.revoke.entries()) {
    const t = r.includes('\\') ? r.slice(r.indexOf('\\') + 1) : r;
    const res = yield* dirCall(host, dc, 'ldap', {
      op: 'editAcl',
      dn: p.dn,
      edit: i === 0 ? { ...edit, revoke: t, protect: p.protect } : { revoke: t },
    });
    if (!res.ok) return fail(failureText(res.error));
    after = res.result as AclView;
  }
  if (p.revoke.length === 0) {
    const res = yield* dirCall(host, dc, 'ldap', {
      op: 'editAcl',
      dn: p.dn,
      edit: { ...edit, protect: p.protect },
    });
    if (!res.ok) return fail(failureText(res.error));
    after = res.result as AclView;
  }
  return { lines: formatAcl(after, host.domainNetbios).map((text) => ({ kind: 'output', text })) };
}

export const dsacls: CommandDef = {
  name: 'dsacls',
  run: (env: CommandEnv) => {
    const args = env.cmd.args.map((a) => a.text);
    const parsed = args.length === 0 || args.some((a) => a === '/?') ? undefined : parseArgs(args);
    if (!parsed) return done(DSACLS.usage.map((text): ConsoleLine => ({ kind: 'output', text })));
    return { kind: 'script', script: () => dsaclsScript(env.host, parsed) };
  },
};
