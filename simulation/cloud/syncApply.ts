/**
 * What the tenant does with what the Connect server sends it: configuration (company features,
 * writeback onboarding, the sync account), exports of users and groups, password hashes, and the
 * writeback relay's connection and heartbeats. Pure.
 */
import { nextGuid, nextHex } from '../core/random';
import type { AadConfigure, AadExport, AadPhs, AadResult, Credentials } from '../net/appMessages';
import { findCloudUser, type CloudGroup, type CloudUser, type TenantState } from './tenantState';

const ok = (extra: Partial<AadResult> = {}): AadResult => ({ kind: 'app.aad.result', ok: true, ...extra });
const fail = (error: string, errorCode?: number): AadResult => ({
  kind: 'app.aad.result',
  ok: false,
  error,
  errorCode,
});

/** A cloud administrator who may configure Connect (Global Administrator or Hybrid Identity Administrator). */
export function checkAdmin(t: TenantState, creds: Credentials): CloudUser | undefined {
  const u = findCloudUser(t, creds.user);
  if (!u || !u.accountEnabled || u.password !== creds.password) return undefined;
  return u.roles.some((r) => r === 'Global Administrator' || r === 'Hybrid Identity Administrator')
    ? u
    : undefined;
}

export function applyConfigure(
  t: TenantState,
  msg: AadConfigure,
): { tenant: TenantState; result: AadResult } {
  if (!checkAdmin(t, msg.credentials))
    return {
      tenant: t,
      result: fail('The credentials are incorrect or the account is not a Global Administrator.'),
    };
  let rng = t.rng;
  let syncAccount = t.connect?.syncAccount;
  let syncPassword = t.connect?.syncPassword;
  if (!syncAccount || !syncPassword) {
    const [suffix, r1] = nextHex(rng, 12);
    const [pw, r2] = nextHex(r1, 24);
    rng = r2;
    syncAccount = `Sync_${msg.serverName}_${suffix}@${t.initialDomain}`;
    syncPassword = `${pw}Aa1!`;
  }
  const tenant: TenantState = {
    ...t,
    rng,
    connect: {
      ...(t.connect ?? {}),
      serverName: msg.serverName,
      passwordHashSync: msg.phs,
      writebackOnboarded: msg.writeback,
      connectorAccount: msg.connectorAccount,
      syncAccount,
      syncPassword,
    },
    // Turning writeback off on the Connect server closes its relay listener.
    relay: msg.writeback ? t.relay : undefined,
  };
  return { tenant, result: ok({ syncAccount: { user: syncAccount, password: syncPassword } }) };
}

function syncAccountValid(t: TenantState, creds: Credentials): boolean {
  return !!t.connect && t.connect.syncAccount === creds.user && t.connect.syncPassword === creds.password;
}

/**
 * The position of the first synced user with each anchor (as a search from the start finds it), per
 * users array. Arrays are never changed once in a tenant state, so an index stays true for its
 * array; an export hands its array's index on to the array it makes (takeSyncedIndex).
 */
const SYNCED_INDEX = new WeakMap<readonly CloudUser[], Map<string, number>>();

function syncedIndex(users: readonly CloudUser[]): Map<string, number> {
  const index = new Map<string, number>();
  users.forEach((u, i) => {
    const a = u.onPremisesImmutableId;
    if (u.onPremisesSyncEnabled && a !== undefined && !index.has(a)) index.set(a, i);
  });
  return index;
}

/** The index of `users`, taken over (its array's entry goes) by a copy with the same positions. */
function takeSyncedIndex(users: readonly CloudUser[]): Map<string, number> {
  const index = SYNCED_INDEX.get(users);
  if (!index) return syncedIndex(users);
  SYNCED_INDEX.delete(users);
  return index;
}

export function applyExport(
  t: TenantState,
  msg: AadExport,
  now: number,
): { tenant: TenantState; result: AadResult } {
  if (!syncAccountValid(t, msg.credentials)) {
    return {
      tenant: t,
      result: fail(
        'Access to Windows Azure Active Directory has been denied. Contact Technical Support.',
        115,
      ),
    };
  }
  let rng = t.rng;
  const deleted = new Set(msg.deletes);
  const removes = deleted.size > 0;
  const users = removes
    ? t.users.filter((u) => !(u.onPremisesSyncEnabled && deleted.has(u.onPremisesImmutableId ?? '')))
    : [...t.users];
  // Where each synced user is, by anchor: the index of the users before, carried over when no user
  // left (positions unchanged), so an export of 10 users does not index 10,000.
  const synced = removes ? syncedIndex(users) : takeSyncedIndex(t.users);
  for (const e of msg.users) {
    const at = synced.get(e.anchor);
    const existing = at !== undefined ? users[at] : undefined;
    const attrs = {
      upn: e.upn,
      displayName: e.displayName,
      givenName: e.givenName,
      surname: e.surname,
      mail: e.mail,
      mobile: e.mobile,
      accountEnabled: e.enabled,
      onPremisesSamAccountName: e.sam,
      onPremisesDistinguishedName: e.dn,
      onPremisesLastSyncAt: now,
    };
    if (existing && at !== undefined) {
      users[at] = { ...existing, ...attrs };
    } else {
      const [id, r] = nextGuid(rng);
      rng = r;
      synced.set(e.anchor, users.length);
      users.push({
        id,
        ...attrs,
        onPremisesSyncEnabled: true,
        onPremisesImmutableId: e.anchor,
        licenses: t.autoLicense ? [t.autoLicense] : [],
        roles: [],
        methods: t.seededMethods[e.upn.toLowerCase()] ?? {},
        methodsConfirmedAt: t.seededMethods[e.upn.toLowerCase()] ? now : undefined,
        createdAt: now,
      });
    }
  }
  SYNCED_INDEX.set(users, synced);
  // Only the groups the export deletes leave the cloud: an export that carries no group (a user's
  // change) leaves the synced groups as they are.
  const deletedGroups = new Set(msg.groupDeletes);
  let groups: CloudGroup[] =
    deletedGroups.size > 0
      ? t.groups.filter((g) => !(g.onPremisesSyncEnabled && deletedGroups.has(g.anchor ?? '')))
      : [...t.groups];
  // A member's cloud user, from the index of the synced users (only an export gives a user an
  // immutable ID, always a synced one, so the first user with an anchor is its first synced user).
  const idOf = (a: string) => {
    const at = synced.get(a);
    return at !== undefined ? users[at]?.id : undefined;
  };
  for (const g of msg.groups) {
    const members = g.members.map(idOf).filter((x): x is string => !!x);
    const existing = groups.find((x) => x.onPremisesSyncEnabled && x.anchor === g.anchor);
    if (existing) groups = groups.map((x) => (x === existing ? { ...x, name: g.name, members } : x));
    else {
      const [id, r] = nextGuid(rng);
      rng = r;
      groups.push({ id, name: g.name, onPremisesSyncEnabled: true, anchor: g.anchor, members });
    }
  }
  const connect = t.connect ? { ...t.connect, lastSyncAt: now } : t.connect;
  return { tenant: { ...t, rng, users, groups, connect }, result: ok() };
}

export function applyPhs(
  t: TenantState,
  msg: AadPhs,
  now: number,
): { tenant: TenantState; result: AadResult } {
  if (!t.connect?.passwordHashSync) {
    return {
      tenant: t,
      result: fail('Password Synchronization has not been activated for this company.', 90),
    };
  }
  const users = [...t.users];
  const synced = takeSyncedIndex(t.users);
  const items = msg.items.map((i) => {
    const at = synced.get(i.anchor);
    const u = at !== undefined ? users[at] : undefined;
    if (!u || at === undefined) return { anchor: i.anchor, ok: false };
    users[at] = { ...u, password: i.password, passwordSetAt: now };
    return { anchor: i.anchor, ok: true };
  });
  SYNCED_INDEX.set(users, synced);
  return {
    tenant: { ...t, users, connect: { ...t.connect, lastPasswordSyncAt: now } },
    result: ok({ items }),
  };
}

export function relayListen(
  t: TenantState,
  serverName: string,
  lanIp: string,
  now: number,
): { tenant: TenantState; ok: boolean } {
  if (!t.connect?.writebackOnboarded || t.connect.serverName !== serverName) return { tenant: t, ok: false };
  return { tenant: { ...t, relay: { serverName, lanIp, since: now, lastHeartbeat: now } }, ok: true };
}

export function relayHeartbeat(
  t: TenantState,
  serverName: string,
  lanIp: string,
  now: number,
): { tenant: TenantState; ok: boolean } {
  if (!t.relay || t.relay.serverName !== serverName) return relayListen(t, serverName, lanIp, now);
  return { tenant: { ...t, relay: { ...t.relay, lanIp, lastHeartbeat: now } }, ok: true };
}

export function relayClose(t: TenantState): TenantState {
  return { ...t, relay: undefined };
}
