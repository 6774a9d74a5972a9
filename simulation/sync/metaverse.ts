/**
 * The synchronisation step of a sync cycle, as a pure function: from what the AD import read (all of
 * it for a full import, the objects changed since the watermark for a delta), the new connector
 * space, what to export to Entra ID (users, groups) and what to delete there. A delta touches only
 * what it read: the connector space is a persistent map (sync/space.ts), and the groups' members
 * are kept as last imported, so a changed user re-exports the groups it belongs to without reading
 * them again (a change of membership changes the group's uSNChanged, so the group itself is read).
 */
import { hashValue } from '../core/hash';
import type { ExportedUser } from '../net/appMessages';
import type { UserRecord } from '../roles/dcDirectoryReads';
import { spaceGet, spaceWith, type Space } from './space';
import { guidToAnchor, type ConnectConfig, type ConnectorSpaceEntry, type ImportedGroup } from './state';

/** Groups whose membership is never exported. */
const UNEXPORTED_GROUPS = ['domain users', 'domain admins', 'enterprise admins', 'administrators'];
const SYSTEM_ACCOUNTS = ['administrator', 'guest', 'krbtgt'];

export function exportedGroupName(name: string): boolean {
  return !UNEXPORTED_GROUPS.includes(name.toLowerCase());
}

/** Whether the default sync rules and the OU filter put this AD user in scope. */
export function inScope(config: ConnectConfig, u: UserRecord): boolean {
  const sam = u.sam.toLowerCase();
  if (SYSTEM_ACCOUNTS.includes(sam) || /^(msol_|aad_|sync_)/.test(sam)) return false;
  if (u.description?.includes('Azure Active Directory Connect')) return false;
  if (config.ouFilter === 'all') return true;
  const dn = u.dn.toLowerCase();
  return config.ouFilter.some((ou) => dn.endsWith(`,${ou.toLowerCase()}`));
}

/**
 * The userPrincipalName the sync rules give the metaverse: the AD value, or, for an account without
 * one, sAMAccountName@<the domain's FQDN> (the "In from AD - User Common" rule's
 * IIF(IsPresent([userPrincipalName]), [userPrincipalName], [sAMAccountName]&"@"&%Domain.FQDN%)).
 */
function syncedUpn(u: Pick<UserRecord, 'upn' | 'sam' | 'dn'>): string {
  if (u.upn) return u.upn;
  const fqdn = u.dn
    .split(',')
    .filter((p) => /^DC=/i.test(p.trim()))
    .map((p) => p.trim().slice(3))
    .join('.');
  return `${u.sam}@${fqdn}`;
}

function exported(u: UserRecord): ExportedUser {
  return {
    anchor: guidToAnchor(u.guid),
    upn: syncedUpn(u),
    displayName: u.displayName,
    givenName: u.givenName,
    surname: u.surname,
    mail: u.mail,
    mobile: u.mobile,
    enabled: u.enabled,
    sam: u.sam,
    dn: u.dn,
    memberOf: u.memberOf,
  };
}

export interface GroupExport {
  name: string;
  anchor: string;
  members: string[];
}

/** A group as the AD import reads it (members are the users' objectGUIDs, in the DC's order). */
export interface ReadGroup {
  name: string;
  guid: string;
  members: string[];
}

export interface SyncInput {
  /** A full import (everything read): what was not read left the scope. */
  full: boolean;
  /** The users read that are in scope. */
  users: UserRecord[];
  /** The users a delta read that are out of scope (candidates for deletion). */
  leftScope: UserRecord[];
  /** The groups read; undefined when they could not be read (nothing about groups changes). */
  groups: ReadGroup[] | undefined;
  connectorSpace: Space<ConnectorSpaceEntry>;
  groupSpace: Record<string, ImportedGroup>;
  groupsExported: Record<string, string>;
}

export interface SyncPlan {
  connectorSpace: Space<ConnectorSpaceEntry>;
  groupSpace: Record<string, ImportedGroup>;
  toExport: ExportedUser[];
  /**
   * hashValue of each of toExport, where planning already worked it out (a user the connector
   * space knew), so the export does not hash it again; undefined where it did not.
   */
  exportHashes: (string | undefined)[];
  /** Anchors of users to delete in the cloud. */
  deletes: string[];
  /** Groups whose export changed, and the hash each one is exported with. */
  groups: { group: GroupExport; hash: string }[];
  /** Anchors of exported groups that no longer have an exported member (or no longer exist). */
  groupDeletes: string[];
  /** The import's counts: objects new to the connector space, changed, and to delete. */
  imported: { adds: number; updates: number; deletes: number };
}

export function planSync(input: SyncInput): SyncPlan {
  const before = input.connectorSpace;
  const toExport: ExportedUser[] = [];
  const exportHashes: (string | undefined)[] = [];
  const changes: [string, ConnectorSpaceEntry][] = [];
  const seen = new Set<string>();
  /** Users that entered or leave the connector space: the groups they are in export differently. */
  const moved: UserRecord[] = [];
  let adds = 0;
  for (const u of input.users) {
    const e = exported(u);
    seen.add(e.anchor);
    const prev = spaceGet(before, e.anchor);
    if (!prev) {
      adds++;
      moved.push(u);
    }
    if (!prev) {
      toExport.push(e);
      exportHashes.push(undefined);
    } else {
      const hash = hashValue(e);
      if (prev.exportedHash !== hash) {
        toExport.push(e);
        exportHashes.push(hash);
      }
    }
    changes.push([
      e.anchor,
      {
        anchor: e.anchor,
        guid: u.guid,
        dn: u.dn,
        sam: u.sam,
        upn: e.upn,
        exportedHash: prev?.exportedHash,
        exportedAt: prev?.exportedAt,
      },
    ]);
  }
  const connectorSpace = spaceWith(before, changes);
  // A full import deletes what it no longer saw; a delta, what changed and left the scope (every
  // other object in the connector space is unchanged since the watermark, so still in scope).
  const deletes: string[] = [];
  if (input.full) {
    for (const b of connectorSpace.buckets) for (const a in b) if (!seen.has(a)) deletes.push(a);
  } else {
    for (const u of input.leftScope) {
      const a = guidToAnchor(u.guid);
      if (spaceGet(connectorSpace, a)) {
        deletes.push(a);
        moved.push(u);
      }
    }
  }
  const deleted = new Set(deletes);
  const { groupSpace, affected } = importGroups(input, moved);
  const memberAnchors = (guids: string[]) =>
    guids.map((g) => guidToAnchor(g)).filter((a) => !!spaceGet(connectorSpace, a) && !deleted.has(a));
  const groups: SyncPlan['groups'] = [];
  const groupDeletes: string[] = [];
  const exportedNow = new Set<string>();
  for (const anchor in groupSpace) {
    if (!affected.has(anchor)) continue;
    const g = groupSpace[anchor] as ImportedGroup;
    const group = { name: g.name, anchor, members: memberAnchors(g.members) };
    if (group.members.length === 0) continue;
    exportedNow.add(anchor);
    const hash = hashValue(group);
    if (input.groupsExported[anchor] !== hash) groups.push({ group, hash });
  }
  // An exported group that now has no exported member (or, after a full import, is gone).
  for (const anchor in input.groupsExported)
    if ((input.full || affected.has(anchor)) && !exportedNow.has(anchor)) groupDeletes.push(anchor);
  return {
    connectorSpace,
    groupSpace,
    toExport,
    exportHashes,
    deletes,
    groups,
    groupDeletes: input.groups === undefined ? [] : groupDeletes,
    imported: { adds, updates: input.users.length - adds, deletes: deletes.length },
  };
}

/** The groups' stored members after this import, and the groups whose export may have changed. */
function importGroups(
  input: SyncInput,
  moved: UserRecord[],
): {
  groupSpace: Record<string, ImportedGroup>;
  affected: Set<string>;
} {
  if (input.groups === undefined) return { groupSpace: input.groupSpace, affected: new Set() };
  const read = input.groups.filter((g) => exportedGroupName(g.name));
  if (input.full) {
    const groupSpace: Record<string, ImportedGroup> = {};
    for (const g of read)
      groupSpace[guidToAnchor(g.guid)] = { name: g.name, guid: g.guid, members: g.members };
    return { groupSpace, affected: new Set(Object.keys(groupSpace)) };
  }
  const groupSpace = { ...input.groupSpace };
  const affected = new Set<string>();
  for (const g of read) {
    const anchor = guidToAnchor(g.guid);
    groupSpace[anchor] = { name: g.name, guid: g.guid, members: g.members };
    affected.add(anchor);
  }
  // A group exports its members' anchors: it changes when a member enters or leaves the connector
  // space, not when a member's attributes change (its group is then left alone, not recomputed).
  const names = new Set(moved.flatMap((u) => u.memberOf.map((m) => m.toLowerCase())));
  if (names.size > 0)
    for (const anchor in groupSpace)
      if (names.has((groupSpace[anchor] as ImportedGroup).name.toLowerCase())) affected.add(anchor);
  return { groupSpace, affected };
}
