/**
 * The directory's objects by distinguished name, for the tools that work on any object (dsacls,
 * Get-ADObject-style searches, Get-ADSyncObjectsWithInheritanceDisabled): what exists at a DN,
 * the SIDs of groups and computers, the access list of an object as Windows shows it (explicit
 * ACEs, then the ones it inherits unless inheritance is off), and edits to ACEs and to the
 * "include inheritable permissions" flag. Pure.
 */
import type { Ace, AclEdit } from '../core/directoryTypes';
import { hashString } from '../core/hash';
import { type AdUser, type DirectoryState } from './directory';
import { ancestors, grant, revoke } from './directoryAccess';

export type DirObjectClass = 'domainDNS' | 'organizationalUnit' | 'container' | 'user' | 'group' | 'computer';

export interface DirObject {
  dn: string;
  objectClass: DirObjectClass;
  name: string;
  guid?: string;
  sid?: string;
  sam?: string;
  upn?: string;
  /** "Include inheritable permissions from this object's parent" is unticked (the DACL is protected). */
  protected: boolean;
}

const key = (s: string) => s.toLowerCase();

const WELL_KNOWN_GROUP_RIDS: Record<string, number> = {
  'domain admins': 512,
  'domain users': 513,
  'domain guests': 514,
  'domain computers': 515,
  'domain controllers': 516,
  'schema admins': 518,
  'enterprise admins': 519,
  'group policy creator owners': 520,
};

/** A stable relative id for objects the lab's data gives no SID (groups and computers it adds). */
function stableRid(base: number, name: string): number {
  return base + (parseInt(hashString(key(name)).slice(0, 6), 16) % 900);
}

export function groupSid(dir: DirectoryState, name: string): string {
  if (key(name) === 'administrators') return 'S-1-5-32-544';
  const rid = WELL_KNOWN_GROUP_RIDS[key(name)] ?? stableRid(3000, name);
  return `${dir.domainSid}-${rid}`;
}

export function computerSid(dir: DirectoryState, name: string): string {
  const c = dir.computers[key(name)];
  // The first domain controller's account is RID 1000.
  if (c && /^OU=Domain Controllers,/i.test(c.parent)) return `${dir.domainSid}-1000`;
  return `${dir.domainSid}-${stableRid(4000, name)}`;
}

/** Containers every domain has, besides the OUs of the lab's definition. */
export function wellKnownContainers(dir: DirectoryState): { dn: string; name: string; ou?: boolean }[] {
  const d = dir.domainDn;
  return [
    { dn: `CN=Users,${d}`, name: 'Users' },
    { dn: `CN=Computers,${d}`, name: 'Computers' },
    { dn: `CN=Builtin,${d}`, name: 'Builtin' },
    { dn: `CN=System,${d}`, name: 'System' },
    { dn: `CN=AdminSDHolder,CN=System,${d}`, name: 'AdminSDHolder' },
    { dn: `OU=Domain Controllers,${d}`, name: 'Domain Controllers', ou: true },
  ];
}

export function userObject(u: AdUser): DirObject {
  return {
    dn: u.dn,
    objectClass: 'user',
    name: u.cn,
    guid: u.guid,
    sid: u.sid,
    sam: u.sam,
    upn: u.upn,
    protected: u.inheritanceDisabled,
  };
}

/** Every object of the directory, the domain root first. */
export function listObjects(dir: DirectoryState): DirObject[] {
  const root: DirObject = {
    dn: dir.domainDn,
    objectClass: 'domainDNS',
    name: dir.netbios.toLowerCase(),
    sid: dir.domainSid,
    protected: false,
  };
  const out: DirObject[] = [root];
  for (const c of wellKnownContainers(dir)) {
    if (c.ou && dir.ous[key(c.dn)]) continue;
    out.push({
      dn: c.dn,
      objectClass: c.ou ? 'organizationalUnit' : 'container',
      name: c.name,
      protected: false,
    });
  }
  for (const o of Object.values(dir.ous))
    out.push({ dn: o.dn, objectClass: 'organizationalUnit', name: o.name, protected: o.inheritanceBlocked });
  for (const g of Object.values(dir.groups))
    out.push({
      dn: g.dn,
      objectClass: 'group',
      name: g.name,
      guid: g.guid,
      sid: groupSid(dir, g.name),
      sam: g.name,
      protected: false,
    });
  for (const c of Object.values(dir.computers))
    out.push({
      dn: c.dn,
      objectClass: 'computer',
      name: c.name,
      guid: c.guid,
      sid: computerSid(dir, c.name),
      sam: `${c.name}$`,
      protected: false,
    });
  for (const u of Object.values(dir.users)) out.push(userObject(u));
  return out;
}

export function objectAt(dir: DirectoryState, dn: string): DirObject | undefined {
  const k = key(dn.trim());
  return listObjects(dir).find((o) => key(o.dn) === k);
}

/** Objects at or below `base` (a DN), in directory order. */
export function objectsUnder(dir: DirectoryState, base: string): DirObject[] {
  const b = key(base.trim());
  return listObjects(dir).filter((o) => key(o.dn) === b || key(o.dn).endsWith(`,${b}`));
}

export interface AclEntry {
  ace: Ace;
  /** Inherited from a parent (shown "<Inherited from parent>"), rather than set on the object. */
  inherited: boolean;
}

export interface AclView {
  object: DirObject;
  /** Whether inherited ACEs stop here: the protected flag, or AdminSDHolder's protection (adminCount=1). */
  blocked: boolean;
  entries: AclEntry[];
}

/**
 * The ACEs on an object as Windows lists them: its own, then those it inherits from each parent
 * up to the domain root (inheritable ones only), unless inheritance is off at the object or
 * blocked at an OU on the way. The same rules as `hasRight`.
 */
export function aclOf(dir: DirectoryState, dn: string): AclView | undefined {
  const object = objectAt(dir, dn);
  if (!object) return undefined;
  const user =
    object.objectClass === 'user' ? Object.values(dir.users).find((u) => key(u.dn) === key(dn)) : undefined;
  const blocked = object.protected || user?.adminCount === 1;
  const entries: AclEntry[] = dir.acl
    .filter((a) => key(a.on) === key(object.dn))
    .map((ace) => ({ ace, inherited: false }));
  if (!blocked) {
    for (const parent of ancestors(object.dn, dir.domainDn)) {
      for (const ace of dir.acl)
        if (key(ace.on) === key(parent) && ace.appliesTo !== 'this') entries.push({ ace, inherited: true });
      if (dir.ous[key(parent)]?.inheritanceBlocked) break;
    }
  }
  return { object, blocked, entries };
}

/** Applies an ACL edit to the object at `dn` (which must exist). */
export function editAcl(dir: DirectoryState, dn: string, edit: AclEdit): DirectoryState {
  const object = objectAt(dir, dn);
  if (!object) return dir;
  let next = dir;
  if (edit.revoke !== undefined) {
    const who = key(edit.revoke);
    next = revoke(next, (a) => key(a.on) === key(object.dn) && key(a.trustee) === who);
  }
  if (edit.grant)
    next = grant(
      next,
      edit.grant.map((a) => ({ ...a, on: object.dn })),
    );
  if (edit.protect !== undefined) {
    if (object.objectClass === 'user') {
      const u = Object.values(next.users).find((x) => key(x.dn) === key(object.dn));
      if (u)
        next = {
          ...next,
          users: { ...next.users, [key(u.sam)]: { ...u, inheritanceDisabled: edit.protect } },
        };
    } else if (object.objectClass === 'organizationalUnit') {
      const o = next.ous[key(object.dn)];
      if (o)
        next = { ...next, ous: { ...next.ous, [key(o.dn)]: { ...o, inheritanceBlocked: edit.protect } } };
    }
  }
  return next;
}
