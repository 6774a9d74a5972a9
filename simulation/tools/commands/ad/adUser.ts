/**
 * Get-ADUser and Set-ADUser (ActiveDirectory module, on the DC and the Entra Connect server). They
 * ask the DC over ADWS with the console user's credentials and print what it answers in the
 * module's shapes: Format-List of the default properties plus those -Properties asks for.
 */
import { whatIf } from '../../shell/psError';
import { cmdletSpec } from '../../catalog';
import type { UserPatch } from '../../../net/appMessages';
import type { UserRecord } from '../../../roles/dcDirectoryReads';
import type { Script } from '../../../proc/script';
import type { ConsoleLine } from '../../../windows/hostState';
import type { BoundValue, CmdletSpec } from '../../shell/bind';
import { hashtableOf } from '../../shell/parse';
import {
  AD_NS,
  adErrorRecord,
  adFailure,
  domainDnOf,
  MSG,
  openAdws,
  type AdCmdlet,
  type AdwsSession,
} from './adClient';
import { adConvertError, str, strs } from './adValues';
import { adCmdlet, IDENTITY_INPUT, parameterSetError, missingMandatory } from './adCmdlet';
import { filterAttributes, matches, parseFilter, parseLdapFilter, type Filter } from './adFilter';
import {
  hasAttribute,
  readAttribute,
  record,
  selectProps,
  USER_DEFAULT,
  USER_NAMED_ONLY,
  USER_PROPS,
  USER_SET_ONLY,
  type Catalog,
  type GroupRecord,
  type PropContext,
} from './adProps';
import { listed } from '../../shell/psViews';
import type { CommandDef, CommandEnv, CommandResult } from '../types';

type Values = Record<string, BoundValue>;

export function propContext(env: CommandEnv, groups: readonly GroupRecord[] = []): PropContext {
  return {
    domainDn: domainDnOf(env.host.domainFqdn),
    fqdn: env.host.domainFqdn,
    offsetMinutes: env.offsetMinutes,
    groups,
  };
}

export function invalidProperty(c: AdCmdlet, name: string): ConsoleLine[] {
  return adErrorRecord(
    c,
    `${MSG.invalidProperties}\nParameter name: ${name}`,
    'InvalidArgument',
    'ArgumentException',
    'ActiveDirectoryCmdlet:System.ArgumentException',
  );
}

export function filterSyntaxError(c: AdCmdlet, filter: string, position: number): ConsoleLine[] {
  return adErrorRecord(
    c,
    `Error parsing query: '${filter}' Error Message: 'syntax error' at position: '${position}'.`,
    'ParserError',
    'ADFilterParsingException',
    'ActiveDirectoryCmdlet:Microsoft.ActiveDirectory.Management.ADFilterParsingException',
  );
}

export function filterNotRecognized(c: AdCmdlet): ConsoleLine[] {
  return adErrorRecord(
    c,
    'The search filter cannot be recognized',
    'NotSpecified',
    'ADException',
    'ActiveDirectoryServer:8254',
  );
}

/** -Filter or -LDAPFilter as a predicate; an error when it does not parse. */
export function filterOf(
  c: AdCmdlet,
  v: Values,
): { ok: true; filter?: Filter } | { ok: false; lines: ConsoleLine[] } {
  const raw = str(v.Filter);
  if (raw !== undefined) {
    const p = parseFilter(raw);
    return p.ok
      ? { ok: true, filter: p.filter }
      : { ok: false, lines: filterSyntaxError(c, raw, p.position) };
  }
  const ldap = str(v.LDAPFilter);
  if (ldap !== undefined) {
    const f = parseLdapFilter(ldap);
    return f ? { ok: true, filter: f } : { ok: false, lines: filterNotRecognized(c) };
  }
  return { ok: true };
}

/** Whether a DN is within -SearchBase/-SearchScope. */
export function inScope(
  dn: string,
  parent: string,
  base: string | undefined,
  scope: string | undefined,
): boolean {
  if (base === undefined) return true;
  const d = dn.toLowerCase();
  const b = base.trim().toLowerCase();
  if (scope === 'Base') return d === b;
  if (scope === 'OneLevel') return parent.toLowerCase() === b;
  return d === b || d.endsWith(`,${b}`);
}

export function* checkSearchBase(
  c: AdCmdlet,
  s: AdwsSession,
  base: string | undefined,
): Script<ConsoleLine[] | undefined> {
  if (base === undefined) return undefined;
  const r = yield* s.call<unknown>({ op: 'listObjects', base });
  if (r.ok) return undefined;
  if (r.error !== 'no-such-object') return r.lines;
  return adErrorRecord(
    c,
    MSG.directoryObjectNotFound,
    'ObjectNotFound',
    'ADIdentityNotFoundException',
    'ActiveDirectoryCmdlet:Microsoft.ActiveDirectory.Management.ADIdentityNotFoundException',
  );
}

/** Users by -Identity, or all users matching -Filter in -SearchBase; the lines to print on failure. */
export function* findUsers(
  c: AdCmdlet,
  s: AdwsSession,
  v: Values,
  filter: Filter | undefined,
  ctx: PropContext,
): Script<{ ok: true; users: UserRecord[] } | { ok: false; lines: ConsoleLine[] }> {
  const identity = str(v.Identity);
  if (identity !== undefined) {
    const r = yield* s.call<UserRecord>({ op: 'getUser', identity }, identity);
    return r.ok ? { ok: true, users: [r.value] } : { ok: false, lines: r.lines };
  }
  const search = { filter, base: str(v.SearchBase), scope: str(v.SearchScope) };
  const found = yield* searchDirectory(
    c,
    s,
    search,
    USER_PROPS,
    ctx,
    (u) => u.parent,
    () => s.call<UserRecord[]>({ op: 'listUsers' }),
  );
  if (!found.ok) return found;
  const users = found.found;
  const size = typeof v.ResultSetSize === 'number' ? v.ResultSetSize : undefined;
  return { ok: true, users: size === undefined || size < 0 ? users : users.slice(0, size) };
}

type Listing<T> = { ok: true; value: T[] } | { ok: false; lines: ConsoleLine[] };

/**
 * The objects of one type that -Filter/-LDAPFilter pick within -SearchBase (and `scope`), once the
 * filter's attributes and the base are checked; the lines to print when they are not. `list` is the
 * objects already read, or how to read them (only after the checks).
 */
export function* searchDirectory<T extends { dn: string }>(
  c: AdCmdlet,
  s: AdwsSession,
  search: { filter: Filter | undefined; base: string | undefined; scope: string | undefined },
  props: Catalog<T>,
  ctx: PropContext,
  parentOf: (x: T) => string,
  list: readonly T[] | (() => Script<Listing<T>>),
): Script<{ ok: true; found: T[] } | { ok: false; lines: ConsoleLine[] }> {
  const { filter, base, scope } = search;
  if (filter && filterAttributes(filter).some((a) => !hasAttribute(props, a)))
    return { ok: false, lines: filterNotRecognized(c) };
  const bad = yield* checkSearchBase(c, s, base);
  if (bad) return { ok: false, lines: bad };
  const r: Listing<T> = typeof list === 'function' ? yield* list() : { ok: true, value: [...list] };
  if (!r.ok) return { ok: false, lines: r.lines };
  const found = r.value.filter(
    (x) =>
      inScope(x.dn, parentOf(x), base, scope) &&
      (!filter || matches(filter, (a) => readAttribute(props, x, ctx, a))),
  );
  return { ok: true, found };
}

export function* groupsFor(s: AdwsSession, names: readonly string[]): Script<GroupRecord[]> {
  if (!names.some((n) => n === 'MemberOf' || n === 'PrimaryGroup')) return [];
  const r = yield* s.call<GroupRecord[]>({ op: 'listGroups' });
  return r.ok ? r.value : [];
}

// --- Get-ADUser ----------------------------------------------------------------------------------

const getUserSpec = cmdletSpec('Get-ADUser');

const getUserScript: AdGetScript = function* (c, session, v, names, filter) {
  const groups = yield* groupsFor(session, names);
  const ctx = propContext(c.env, groups);
  const found = yield* findUsers(c, session, v, filter, ctx);
  if (!found.ok) return { lines: found.lines };
  const star = strs(v.Properties).includes('*');
  return listed(
    AD_USER,
    found.users.map((u) => record(USER_PROPS, names, u, ctx, star ? USER_SET_ONLY : [])),
  );
};

const AD_USER = `${AD_NS}.ADUser`;

/**
 * What a Get-AD* cmdlet does once its parameters are checked: read the directory over the ADWS
 * session adGetCmdlet opened, for the properties named and the filter given.
 */
export type AdGetScript = (
  c: AdCmdlet,
  session: AdwsSession,
  v: Values,
  props: string[],
  filter: Filter | undefined,
) => Script<CommandResult>;

/**
 * A Get-AD* cmdlet with -Identity or -Filter/-LDAPFilter and -Properties: the parameter-set and
 * property checks they share, then the script that reads the directory over an ADWS session to the
 * DC (-Server or the located one).
 */
export function adGetCmdlet<T>(
  names: readonly string[],
  spec: CmdletSpec,
  objectType: string,
  catalog: Catalog<T>,
  defaults: readonly string[],
  script: AdGetScript,
  namedOnly: readonly string[] = [],
): CommandDef {
  const className = spec.className.slice(spec.className.lastIndexOf('.') + 1);
  return adCmdlet(spec, (env, v) => {
    const identity = str(v.Identity);
    const c: AdCmdlet = {
      env,
      name: spec.name,
      className,
      target: identity ? `${identity}:${objectType}` : undefined,
    };
    const searches = [v.Filter, v.LDAPFilter].filter((x) => x !== undefined).length;
    if (searches > 1 || (identity !== undefined && searches > 0)) return parameterSetError(c);
    if (identity === undefined && searches === 0) return missingMandatory(c, 'Filter');
    const props = selectProps(catalog, defaults, strs(v.Properties), namedOnly);
    if (!props.ok) return invalidProperty(c, props.invalid);
    const f = filterOf(c, v);
    if (!f.ok) return f.lines;
    return function* () {
      const s = yield* openAdws(c, str(v.Server));
      if (!s.ok) return { lines: s.lines };
      return yield* script(c, s.session, v, props.names, f.filter);
    };
  });
}

const getAdUserDef = adGetCmdlet(
  ['get-aduser'],
  getUserSpec,
  'ADUser',
  USER_PROPS,
  USER_DEFAULT,
  getUserScript,
  USER_NAMED_ONLY,
);
export const getAdUser = { ...getAdUserDef, pipelineInput: IDENTITY_INPUT };

// --- Set-ADUser ----------------------------------------------------------------------------------

const setUserSpec = cmdletSpec('Set-ADUser');

type TextField = 'description' | 'title' | 'department' | 'mail' | 'mobile';

/** LDAP attributes -Replace and -Clear may write, and where they go in the patch. */
const WRITABLE: Record<string, keyof UserPatch> = {
  admincount: 'adminCount',
  description: 'description',
  title: 'title',
  department: 'department',
  mail: 'mail',
  mobile: 'mobile',
  lockouttime: 'lockoutTime',
  pwdlastset: 'mustChange',
};

function attributeError(c: AdCmdlet, name: string): ConsoleLine[] {
  return adErrorRecord(
    c,
    `The specified directory service attribute or value does not exist\nParameter name: ${name}`,
    'InvalidArgument',
    'ArgumentException',
    'ActiveDirectoryCmdlet:System.ArgumentException',
  );
}

function hashtableBindError(c: AdCmdlet, raw: string): ConsoleLine[] {
  return adConvertError(c, { param: 'Replace', raw, type: 'System.Collections.Hashtable' });
}

/** The attribute changes the parameters ask for, or the error the module gives. */
function userPatch(
  c: AdCmdlet,
  v: Values,
): { ok: true; patch: UserPatch } | { ok: false; lines: ConsoleLine[] } {
  const patch: UserPatch = {};
  if (typeof v.Enabled === 'boolean') patch.enabled = v.Enabled;
  if (typeof v.ChangePasswordAtLogon === 'boolean') patch.mustChange = v.ChangePasswordAtLogon;
  if (typeof v.PasswordNeverExpires === 'boolean') patch.passwordNeverExpires = v.PasswordNeverExpires;
  if (typeof v.CannotChangePassword === 'boolean') patch.cannotChangePassword = v.CannotChangePassword;
  const text: [string, TextField][] = [
    ['Description', 'description'],
    ['Title', 'title'],
    ['Department', 'department'],
    ['EmailAddress', 'mail'],
    ['MobilePhone', 'mobile'],
  ];
  for (const [param, field] of text) if (v[param] !== undefined) patch[field] = str(v[param]) ?? null;
  const rawReplace = str(v.Replace);
  if (rawReplace !== undefined) {
    const entries = hashtableOf(rawReplace);
    if (!entries) return { ok: false, lines: hashtableBindError(c, rawReplace) };
    for (const [name, value] of Object.entries(entries)) {
      const field = WRITABLE[name.toLowerCase()];
      if (!field) return { ok: false, lines: attributeError(c, name) };
      const n = Number(Array.isArray(value) ? NaN : value);
      if (field === 'adminCount') {
        if (!Number.isInteger(n)) return { ok: false, lines: attributeError(c, name) };
        patch.adminCount = n;
      } else if (field === 'lockoutTime') {
        if (n !== 0) return { ok: false, lines: adFailure(c, 'unwilling') };
        patch.lockoutTime = 0;
      } else if (field === 'mustChange') {
        if (n !== 0 && n !== -1) return { ok: false, lines: adFailure(c, 'unwilling') };
        patch.mustChange = n === 0;
      } else patch[field as TextField] = Array.isArray(value) ? value.join(' ') : String(value);
    }
  }
  for (const name of strs(v.Clear)) {
    const field = WRITABLE[name.toLowerCase()];
    if (!field || field === 'lockoutTime' || field === 'mustChange')
      return { ok: false, lines: attributeError(c, name) };
    if (field === 'adminCount') patch.adminCount = 0;
    else patch[field as TextField] = null;
  }
  return { ok: true, patch };
}

function* setUserScript(c: AdCmdlet, v: Values, patch: UserPatch): Script<CommandResult> {
  const identity = str(v.Identity) ?? '';
  const s = yield* openAdws(c, str(v.Server));
  if (!s.ok) return { lines: s.lines };
  const found = yield* s.session.call<UserRecord>({ op: 'getUser', identity }, identity);
  if (!found.ok) return { lines: found.lines };
  if (v.WhatIf) return { lines: whatIf('Set', found.value.dn) };
  if (Object.keys(patch).length > 0) {
    const r = yield* s.session.call<unknown>({ op: 'setUser', identity, patch }, identity);
    if (!r.ok) return { lines: r.lines };
  }
  if (!v.PassThru) return { lines: [] };
  const after = yield* s.session.call<UserRecord>({ op: 'getUser', identity }, identity);
  if (!after.ok) return { lines: after.lines };
  return listed(AD_USER, [record(USER_PROPS, USER_DEFAULT, after.value, propContext(c.env))]);
}

const setAdUserDef = adCmdlet(setUserSpec, (env, v) => {
  const c: AdCmdlet = {
    env,
    name: 'Set-ADUser',
    className: 'SetADUser',
    target: `${str(v.Identity) ?? ''}:ADUser`,
  };
  const p = userPatch(c, v);
  if (!p.ok) return p.lines;
  return () => setUserScript(c, v, p.patch);
});
export const setAdUser = { ...setAdUserDef, pipelineInput: IDENTITY_INPUT };
