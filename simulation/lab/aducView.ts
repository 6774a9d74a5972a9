/**
 * Active Directory Users and Computers as the learner opens it on the domain controller: the
 * domain's containers and OUs as a tree (Advanced Features off, so no System container), each
 * container's objects with ADUC's Name, Type and Description columns, and for each user what its
 * properties dialog shows (General, Account, Member Of). Read from the truth while DC01 is on and
 * AD DS (NTDS) runs; otherwise the console's error. Passwords, history and ACLs never come here.
 */
import { memoOn } from './memo';
import type { AducResult } from '../windows/hostState';
import { isLockedOut, type DirectoryState } from '../roles/directory';
import { BUILTIN_GROUP_DESCRIPTIONS } from '../roles/dcDirectoryReads';
import { wellKnownContainers } from '../roles/directoryObjects';
import { ADUC_TEXT } from '../tools/aduc';
import type { LabDefinition } from '../core/definition';
import type { LabTruth } from './truth';

export type AducNodeKind = 'domain' | 'builtin' | 'container' | 'ou';
export type AducObjectKind = AducNodeKind | 'user' | 'group' | 'computer';

export interface AducObjectView {
  dn: string;
  kind: AducObjectKind;
  name: string;
  /** ADUC's Type column: User, Security Group - Global, Computer, Organizational Unit… */
  type: string;
  description: string;
  /** Disabled accounts show with a down arrow. */
  disabled?: boolean;
}

export interface AducContainerView {
  dn: string;
  name: string;
  kind: AducNodeKind;
  /** The parent node's DN; none for the domain itself. */
  parent?: string;
  /** What the right pane lists when the node is selected, sorted by name. */
  objects: AducObjectView[];
}

export interface AducUserView {
  dn: string;
  sam: string;
  name: string;
  general: { firstName: string; lastName: string; displayName: string; description: string; email: string };
  account: {
    /** User logon name: the UPN, and its two halves as the tab shows them. */
    logonName: string;
    logonPrefix: string;
    upnSuffix: string;
    /** LABORHUB\michael.brown */
    preWindows2000: string;
    lockedOut: boolean;
    unlockText: string;
    lockoutStatus: string;
    mustChange: boolean;
    cannotChange: boolean;
    neverExpires: boolean;
    disabled: boolean;
  };
  memberOf: { name: string; folder: string }[];
  primaryGroup: string;
}

export interface AducView {
  host: string;
  /** Console root: "Active Directory Users and Computers [DC01.laborhub.store]". */
  title: string;
  available: boolean;
  unavailableText?: string;
  containers: AducContainerView[];
  users: AducUserView[];
  /** Every group, for Member Of > Add…: name and folder. */
  groups: { name: string; folder: string }[];
  lastResult?: AducResult & { id: number };
}

const key = (s: string) => s.toLowerCase();
/** The lab keeps every account's primaryGroupID at 513. */
const PRIMARY_GROUP = 'Domain Users';

function rdns(dn: string): string[] {
  return dn.split(/,(?=(?:CN|OU|DC)=)/i);
}

function parentOf(dn: string): string {
  return rdns(dn).slice(1).join(',');
}

/** laborhub.store/LaborHub/Groups: the folder ADUC's Member Of tab shows for a DN. */
function folderOf(dir: DirectoryState, dn: string): string {
  const names = rdns(dn)
    .filter((r) => !/^DC=/i.test(r))
    .map((r) => r.slice(r.indexOf('=') + 1))
    .reverse();
  return [dir.fqdn, ...names].join('/');
}

const GROUP_TYPE: Record<string, string> = {
  Global: 'Security Group - Global',
  DomainLocal: 'Security Group - Domain Local',
  Universal: 'Security Group - Universal',
};

const NODE_TYPE: Record<AducNodeKind, string> = {
  domain: 'Domain',
  builtin: 'builtinDomain',
  container: 'Container',
  ou: 'Organizational Unit',
};

function nodes(dir: DirectoryState): Omit<AducContainerView, 'objects'>[] {
  const system = `CN=System,${dir.domainDn}`;
  const out: Omit<AducContainerView, 'objects'>[] = [];
  for (const c of wellKnownContainers(dir)) {
    if (key(c.dn) === key(system) || key(c.dn).endsWith(`,${key(system)}`)) continue;
    if (c.ou && dir.ous[key(c.dn)]) continue;
    const kind: AducNodeKind = c.ou ? 'ou' : c.name === 'Builtin' ? 'builtin' : 'container';
    out.push({ dn: c.dn, name: c.name, kind, parent: parentOf(c.dn) });
  }
  for (const o of Object.values(dir.ous))
    out.push({ dn: o.dn, name: o.name, kind: 'ou', parent: parentOf(o.dn) });
  return out;
}

function objectsOf(dir: DirectoryState): (AducObjectView & { parent: string })[] {
  const ouDesc = (dn: string) => dir.ous[key(dn)]?.description ?? '';
  return [
    ...nodes(dir).map((n) => ({
      dn: n.dn,
      kind: n.kind,
      name: n.name,
      type: NODE_TYPE[n.kind],
      description: ouDesc(n.dn),
      parent: n.parent ?? '',
    })),
    ...Object.values(dir.users).map((u) => ({
      dn: u.dn,
      kind: 'user' as const,
      name: u.cn,
      type: 'User',
      description: u.description ?? '',
      parent: u.parent,
      ...(u.enabled ? {} : { disabled: true }),
    })),
    ...Object.values(dir.groups).map((g) => ({
      dn: g.dn,
      kind: 'group' as const,
      name: g.name,
      type: GROUP_TYPE[g.scope] ?? 'Security Group',
      description: g.description ?? BUILTIN_GROUP_DESCRIPTIONS[key(g.name)] ?? '',
      parent: parentOf(g.dn),
    })),
    ...Object.values(dir.computers).map((c) => ({
      dn: c.dn,
      kind: 'computer' as const,
      name: c.name,
      type: 'Computer',
      description: '',
      parent: c.parent,
      ...(c.enabled ? {} : { disabled: true }),
    })),
  ];
}

/** Depth-first, children by name, as the console's tree shows them. */
function tree(dir: DirectoryState): AducContainerView[] {
  const all = nodes(dir);
  const objects = objectsOf(dir);
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  const out: AducContainerView[] = [];
  const visit = (n: Omit<AducContainerView, 'objects'>) => {
    out.push({
      ...n,
      objects: objects
        .filter((o) => key(o.parent) === key(n.dn))
        .sort(byName)
        .map(({ parent: _parent, ...o }) => o),
    });
    all
      .filter((c) => key(c.parent ?? '') === key(n.dn))
      .sort(byName)
      .forEach(visit);
  };
  visit({ dn: dir.domainDn, name: dir.fqdn, kind: 'domain' });
  return out;
}

function users(dir: DirectoryState, now: number): AducUserView[] {
  return Object.values(dir.users)
    .map((u): AducUserView => {
      const locked = isLockedOut(u, dir.policy, now);
      const at = u.upn.lastIndexOf('@');
      return {
        dn: u.dn,
        sam: u.sam,
        name: u.cn,
        general: {
          firstName: u.givenName,
          lastName: u.surname,
          displayName: u.displayName,
          description: u.description ?? '',
          email: u.mail ?? '',
        },
        account: {
          logonName: u.upn,
          logonPrefix: at >= 0 ? u.upn.slice(0, at) : u.upn,
          upnSuffix: at >= 0 ? u.upn.slice(at) : '',
          preWindows2000: `${dir.netbios}\\${u.sam}`,
          lockedOut: locked,
          unlockText: locked ? ADUC_TEXT.unlockLocked : ADUC_TEXT.unlockIdle,
          lockoutStatus: ADUC_TEXT.lockoutStatus(locked),
          mustChange: u.pwdLastSet === 0,
          cannotChange: u.cannotChangePassword,
          neverExpires: u.passwordNeverExpires,
          disabled: !u.enabled,
        },
        memberOf: u.memberOf
          .map((m) => dir.groups[key(m)])
          .filter((g) => g !== undefined)
          .map((g) => ({ name: g.name, folder: folderOf(dir, parentOf(g.dn)) })),
        primaryGroup: PRIMARY_GROUP,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Which users are locked out at `now` (only a user with a lockoutTime can be). */
const lockoutCandidates = memoOn(
  (dir: DirectoryState) => [dir.users],
  (dir) => Object.values(dir.users).filter((u) => u.lockoutTime > 0),
);

function lockedKey(dir: DirectoryState, now: number): string {
  return lockoutCandidates(dir)
    .filter((u) => isLockedOut(u, dir.policy, now))
    .map((u) => u.sam)
    .join('\n');
}

/** The users' list: the same while the users, groups, policy and who is locked out are. */
const cachedUsers = memoOn(
  ({ dir, locked }: { dir: DirectoryState; now: number; locked: string }) => [
    dir.users,
    dir.groups,
    dir.policy,
    dir.netbios,
    dir.fqdn,
    locked,
  ],
  ({ dir, now }) => users(dir, now),
);

const cachedTree = memoOn(
  (dir: DirectoryState) => [dir.users, dir.groups, dir.computers, dir.ous, dir.domainDn, dir.fqdn],
  tree,
);

const cachedGroups = memoOn(
  (dir: DirectoryState) => [dir.groups, dir.fqdn],
  (dir) =>
    Object.values(dir.groups)
      .map((g) => ({ name: g.name, folder: folderOf(dir, parentOf(g.dn)) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
);

export function aducView(truth: LabTruth, def: LabDefinition): AducView | undefined {
  const dc = def.hosts.find((h) => h.kind === 'dc');
  const t = dc ? truth.hosts[dc.id] : undefined;
  const dir = t?.roles.directory;
  if (!dc || !t || !dir) return undefined;
  const lastResult = t.host.aduc?.lastResult;
  const base = {
    host: dc.id,
    title: `Active Directory Users and Computers [${dc.hostname}.${dir.fqdn}]`,
    ...(lastResult ? { lastResult } : {}),
  };
  const running = t.power === 'on' && t.host.services.NTDS?.status === 'Running';
  if (!running)
    return {
      ...base,
      available: false,
      unavailableText: ADUC_TEXT.namingUnavailable,
      containers: [],
      users: [],
      groups: [],
    };
  return {
    ...base,
    available: true,
    containers: cachedTree(dir),
    users: cachedUsers({ dir, now: truth.time, locked: lockedKey(dir, truth.time) }),
    groups: cachedGroups(dir),
  };
}
