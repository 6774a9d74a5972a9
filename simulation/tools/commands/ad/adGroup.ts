/**
 * Groups and computers in the ActiveDirectory module: Get-ADGroup, Get-ADGroupMember,
 * Add-ADGroupMember, Remove-ADGroupMember (the lab behaves as -Confirm:$false: it cannot answer
 * the confirmation prompt), Get-ADPrincipalGroupMembership and Get-ADComputer. Adding a user to a
 * protected group (Domain Admins) makes AdminSDHolder mark it (adminCount=1) on the DC.
 */
import { cmdletSpec } from '../../catalog';
import type { UserRecord } from '../../../roles/dcDirectoryReads';
import type { Script } from '../../../proc/script';
import type { ConsoleLine } from '../../../windows/hostState';
import type { BoundValue } from '../../shell/bind';
import { AD_NS, notFound, openAdws, type AdCmdlet, type AdwsSession } from './adClient';
import { str, strs } from './adValues';
import { adCmdlet, withIdentityInput } from './adCmdlet';
import type { Filter } from './adFilter';
import {
  COMPUTER_DEFAULT,
  COMPUTER_PROPS,
  GROUP_DEFAULT,
  GROUP_PROPS,
  record,
  type Catalog,
  type ComputerRecord,
  type GroupRecord,
  type PropContext,
} from './adProps';
import { adGetCmdlet, propContext, searchDirectory, type AdGetScript } from './adUser';
import { whatIf } from '../../shell/psError';
import type { PsValue } from '../../shell/psFormat';
import { listed } from '../../shell/psViews';
import type { CommandResult } from '../types';

type Values = Record<string, BoundValue>;

const lower = (s: string) => s.toLowerCase();

const AD_GROUP = `${AD_NS}.ADGroup`;
const AD_PRINCIPAL = `${AD_NS}.ADPrincipal`;
const AD_COMPUTER = `${AD_NS}.ADComputer`;

export function findGroup(groups: readonly GroupRecord[], identity: string): GroupRecord | undefined {
  const i = lower(identity.trim());
  return groups.find((g) => lower(g.name) === i || lower(g.dn) === i || g.guid === i || lower(g.sid) === i);
}

function* loadGroups(
  s: AdwsSession,
): Script<{ ok: true; groups: GroupRecord[] } | { ok: false; lines: ConsoleLine[] }> {
  const r = yield* s.call<GroupRecord[]>({ op: 'listGroups' });
  return r.ok ? { ok: true, groups: r.value } : { ok: false, lines: r.lines };
}

function* loadUsers(
  s: AdwsSession,
): Script<{ ok: true; users: UserRecord[] } | { ok: false; lines: ConsoleLine[] }> {
  const r = yield* s.call<UserRecord[]>({ op: 'listUsers' });
  return r.ok ? { ok: true, users: r.value } : { ok: false, lines: r.lines };
}

// --- Get-ADGroup -----------------------------------------------------------------------------------

const getGroupSpec = cmdletSpec('Get-ADGroup');

const getGroupScript: AdGetScript = function* (c, session, v, names, filter) {
  const g = yield* loadGroups(session);
  if (!g.ok) return { lines: g.lines };
  let users: UserRecord[] = [];
  if (names.some((n) => n === 'member' || n === 'Members')) {
    const u = yield* loadUsers(session);
    if (!u.ok) return { lines: u.lines };
    users = u.users;
  }
  const ctx = { ...propContext(c.env, g.groups), users };
  return yield* identityOrSearch(c, session, v, names, filter, {
    all: g.groups,
    props: GROUP_PROPS,
    ctx,
    find: findGroup,
    parentOf: (x) => x.dn.replace(/^[^,]*,/, ''),
    type: AD_GROUP,
  });
};

/** A Get-AD* cmdlet's objects of one kind, all read already, and how to find and print them. */
interface ObjectKind<T> {
  all: T[];
  props: Catalog<T>;
  ctx: PropContext;
  find: (all: readonly T[], identity: string) => T | undefined;
  parentOf: (x: T) => string;
  /** The .NET type the objects are printed as. */
  type: string;
}

/** The one object -Identity names, or those -Filter/-LDAPFilter pick within -SearchBase, printed. */
function* identityOrSearch<T extends { dn: string }>(
  c: AdCmdlet,
  s: AdwsSession,
  v: Values,
  names: string[],
  filter: Filter | undefined,
  kind: ObjectKind<T>,
): Script<CommandResult> {
  const identity = str(v.Identity);
  let list: T[];
  if (identity !== undefined) {
    const one = kind.find(kind.all, identity);
    if (!one) return { lines: notFound(c, identity) };
    list = [one];
  } else {
    const search = { filter, base: str(v.SearchBase), scope: undefined };
    const r = yield* searchDirectory(c, s, search, kind.props, kind.ctx, kind.parentOf, kind.all);
    if (!r.ok) return { lines: r.lines };
    list = r.found;
  }
  return listed(
    kind.type,
    list.map((x) => record(kind.props, names, x, kind.ctx)),
  );
}

const getAdGroupDef = adGetCmdlet(
  ['get-adgroup'],
  getGroupSpec,
  'ADGroup',
  GROUP_PROPS,
  GROUP_DEFAULT,
  getGroupScript,
);

// --- Get-ADGroupMember -------------------------------------------------------------------------

const getMemberSpec = cmdletSpec('Get-ADGroupMember');

/** How the module prints an ADPrincipal (members, group memberships): lower-case LDAP names. */
function principal(u: UserRecord): [string, PsValue][] {
  return [
    ['distinguishedName', u.dn],
    ['name', u.name],
    ['objectClass', 'user'],
    ['objectGUID', u.guid],
    ['SamAccountName', u.sam],
    ['SID', u.sid],
  ];
}

function* getMembersScript(c: AdCmdlet, identity: string, server: string | undefined): Script<CommandResult> {
  const s = yield* openAdws(c, server);
  if (!s.ok) return { lines: s.lines };
  const g = yield* loadGroups(s.session);
  if (!g.ok) return { lines: g.lines };
  const group = findGroup(g.groups, identity);
  if (!group) return { lines: notFound(c, identity) };
  const u = yield* loadUsers(s.session);
  if (!u.ok) return { lines: u.lines };
  const members = u.users.filter((x) => group.members.includes(x.guid));
  return listed(AD_PRINCIPAL, members.map(principal));
}

const getAdGroupMemberDef = adCmdlet(getMemberSpec, (env, v) => {
  const identity = str(v.Identity) ?? '';
  const c: AdCmdlet = {
    env,
    name: 'Get-ADGroupMember',
    className: 'GetADGroupMember',
    target: `${identity}:ADGroup`,
  };
  return () => getMembersScript(c, identity, str(v.Server));
});

// --- Add-/Remove-ADGroupMember -----------------------------------------------------------------

function* changeMembersScript(c: AdCmdlet, v: Values, add: boolean): Script<CommandResult> {
  const identity = str(v.Identity) ?? '';
  const s = yield* openAdws(c, str(v.Server));
  if (!s.ok) return { lines: s.lines };
  const g = yield* loadGroups(s.session);
  if (!g.ok) return { lines: g.lines };
  const group = findGroup(g.groups, identity);
  if (!group) return { lines: notFound(c, identity) };
  if (v.WhatIf) return { lines: whatIf('Set', group.dn) };
  for (const member of strs(v.Members)) {
    const r = yield* s.session.call<unknown>(
      { op: 'groupMember', group: group.name, identity: member, add },
      member,
    );
    if (!r.ok) return { lines: r.lines };
  }
  if (!v.PassThru) return { lines: [] };
  return listed(AD_GROUP, [record(GROUP_PROPS, GROUP_DEFAULT, group, propContext(c.env, g.groups))]);
}

function memberCmdlet(name: string, className: string, add: boolean) {
  return adCmdlet(cmdletSpec(name), (env, v) => {
    const c: AdCmdlet = { env, name, className, target: `${str(v.Identity) ?? ''}:ADGroup` };
    return () => changeMembersScript(c, v, add);
  });
}

export const addAdGroupMember = withIdentityInput(
  memberCmdlet('Add-ADGroupMember', 'AddADGroupMember', true),
);
export const removeAdGroupMember = withIdentityInput(
  memberCmdlet('Remove-ADGroupMember', 'RemoveADGroupMember', false),
);

// --- Get-ADPrincipalGroupMembership ---------------------------------------------------------------

const membershipSpec = cmdletSpec('Get-ADPrincipalGroupMembership');

function* membershipScript(c: AdCmdlet, identity: string, server: string | undefined): Script<CommandResult> {
  const s = yield* openAdws(c, server);
  if (!s.ok) return { lines: s.lines };
  const u = yield* s.session.call<UserRecord>({ op: 'getUser', identity }, identity);
  if (!u.ok) return { lines: u.lines };
  const g = yield* loadGroups(s.session);
  if (!g.ok) return { lines: g.lines };
  const groups = g.groups.filter((x) => x.members.includes(u.value.guid));
  return listed(
    AD_GROUP,
    groups.map((x): [string, PsValue][] => [
      ['distinguishedName', x.dn],
      ['GroupCategory', 'Security'],
      ['GroupScope', x.scope],
      ['name', x.name],
      ['objectClass', 'group'],
      ['objectGUID', x.guid],
      ['SamAccountName', x.name],
      ['SID', x.sid],
    ]),
  );
}

const getAdPrincipalGroupMembershipDef = adCmdlet(membershipSpec, (env, v) => {
  const identity = str(v.Identity) ?? '';
  const c: AdCmdlet = {
    env,
    name: membershipSpec.name,
    className: 'GetADPrincipalGroupMembership',
    target: `${identity}:ADPrincipal`,
  };
  return () => membershipScript(c, identity, str(v.Server));
});

// --- Get-ADComputer --------------------------------------------------------------------------------

const getComputerSpec = cmdletSpec('Get-ADComputer');

function findComputer(list: readonly ComputerRecord[], identity: string): ComputerRecord | undefined {
  const i = lower(identity.trim()).replace(/\$$/, '');
  return list.find((x) => lower(x.name) === i || lower(x.dn) === i || x.guid === i || lower(x.sid) === i);
}

const getComputerScript: AdGetScript = function* (c, session, v, names, filter) {
  const r = yield* session.call<ComputerRecord[]>({ op: 'listComputers' });
  if (!r.ok) return { lines: r.lines };
  return yield* identityOrSearch(c, session, v, names, filter, {
    all: r.value,
    props: COMPUTER_PROPS,
    ctx: propContext(c.env),
    find: findComputer,
    parentOf: (x) => x.parent,
    type: AD_COMPUTER,
  });
};

const getAdComputerDef = adGetCmdlet(
  ['get-adcomputer'],
  getComputerSpec,
  'ADComputer',
  COMPUTER_PROPS,
  COMPUTER_DEFAULT,
  getComputerScript,
);

// The group and principal cmdlets take an AD object from the pipeline as their -Identity.
export const getAdGroup = withIdentityInput(getAdGroupDef);
export const getAdGroupMember = withIdentityInput(getAdGroupMemberDef);
export const getAdPrincipalGroupMembership = withIdentityInput(getAdPrincipalGroupMembershipDef);
export const getAdComputer = withIdentityInput(getAdComputerDef);
