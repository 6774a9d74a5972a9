/**
 * Instructor-only changes to the lab's state: what someone did to the lab before (or while) the
 * learner looks, without leaving traces a real admin would not find (no console transcript, no
 * "saved" banner). Faults are made of these and of ordinary lab commands. Each op is plain data;
 * the actor it is for applies it with a pure function here.
 */
import type { z } from 'zod';
import type {
  adOpSchema,
  adsyncPatchSchema,
  hostPatchSchema,
  tenantOpSchema,
} from '../core/backstageSchemas';
import { adminStep } from '../cloud/adminPortal';
import { findCloudUser, updateUser, type TenantState } from '../cloud/tenantState';
import { setPolicy, type DirectoryState } from '../roles/directory';
import { setPassword } from '../roles/directoryAuth';
import { grant, revoke } from '../roles/directoryAccess';
import { setUserAttributes, addToGroup, removeFromGroup } from '../roles/directoryAccounts';
import { deleteValue, writeValue } from '../windows/registry';
import type { WindowsHostContext } from '../windows/hostState';
import type { AdSyncState } from '../sync/state';

/** An instructor's change to a host (the DHCP client's `dhcpRestart` forgets its lease and starts over). */
export type HostPatch = z.infer<typeof hostPatchSchema>;
/** An instructor's change to Active Directory. */
export type AdOp = z.infer<typeof adOpSchema>;
/**
 * An instructor's change to Entra Connect (`staleManagementAgent`: the AD connector no longer has
 * password management on, as after a forest re-added once writeback was enabled).
 */
export type AdSyncPatch = z.infer<typeof adsyncPatchSchema>;
/** An instructor's change to the tenant. */
export type TenantOp = z.infer<typeof tenantOpSchema>;

export function applyHostPatch(host: WindowsHostContext, p: HostPatch, now: number): WindowsHostContext {
  switch (p.op) {
    case 'clock':
      return {
        ...host,
        clockOffsetMs: p.offsetMs,
        time: p.timeType
          ? {
              ...host.time,
              type: p.timeType,
              lastSyncAt: p.timeType === 'NoSync' ? undefined : host.time.lastSyncAt,
              source: p.timeType === 'NoSync' ? 'Local CMOS Clock' : host.time.source,
            }
          : host.time,
        registry: p.timeType
          ? writeValue(
              host.registry,
              'HKLM\\SYSTEM\\CurrentControlSet\\Services\\W32Time\\Parameters',
              'Type',
              { type: 'REG_SZ', data: p.timeType },
            )
          : host.registry,
      };
    case 'dns':
      return { ...host, nic: { ...host.nic, dnsOverride: p.servers ?? undefined } };
    case 'registry':
      return {
        ...host,
        registry: p.value
          ? writeValue(host.registry, p.key, p.name, p.value)
          : deleteValue(host.registry, p.key, p.name).reg,
      };
    case 'tls':
      return { ...host, tls12Active: p.active };
    case 'machineSecret':
      return { ...host, machineSecret: p.secret };
    case 'dhcpRestart':
      return host;
  }
  void now;
}

export function applyAdOp(dir: DirectoryState, p: AdOp, now: number): DirectoryState {
  switch (p.op) {
    case 'ace':
      if (p.add) return grant(dir, [p.ace]);
      return revoke(
        dir,
        (a) =>
          a.trustee.toLowerCase() === p.ace.trustee.toLowerCase() &&
          a.right === p.ace.right &&
          a.on.toLowerCase() === p.ace.on.toLowerCase() &&
          a.allow === p.ace.allow,
      );
    case 'user':
      return setUserAttributes(dir, p.identity, p.patch, now);
    case 'group':
      return p.add
        ? addToGroup(dir, p.group, p.identity, now)
        : removeFromGroup(dir, p.group, p.identity, now);
    case 'policy':
      return setPolicy(dir, p.patch);
    case 'password': {
      const r = setPassword(dir, p.identity, p.password, now, {
        mode: 'admin-reset',
        by: 'Administrator',
        mustChange: p.mustChange,
        unlock: true,
      });
      return r.dir;
    }
    case 'computerSecret': {
      const c = dir.computers[p.computer.toLowerCase()];
      return c
        ? {
            ...dir,
            computers: { ...dir.computers, [p.computer.toLowerCase()]: { ...c, machineSecret: p.secret } },
          }
        : dir;
    }
    case 'ouInheritance': {
      const ou = dir.ous[p.dn.toLowerCase()];
      return ou
        ? { ...dir, ous: { ...dir.ous, [p.dn.toLowerCase()]: { ...ou, inheritanceBlocked: p.blocked } } }
        : dir;
    }
  }
}

export function applyAdSyncPatch(s: AdSyncState, p: AdSyncPatch): AdSyncState {
  const c = s.config;
  return {
    ...s,
    scheduler: {
      ...s.scheduler,
      stagingMode: p.stagingMode ?? s.scheduler.stagingMode,
      syncCycleEnabled: p.syncCycleEnabled ?? s.scheduler.syncCycleEnabled,
    },
    config: c
      ? {
          ...c,
          features: {
            ...c.features,
            passwordHashSync: p.passwordHashSync ?? c.features.passwordHashSync,
            passwordWriteback: p.passwordWriteback ?? c.features.passwordWriteback,
          },
          ldapSignAndEncrypt: p.ldapSignAndEncrypt ?? c.ldapSignAndEncrypt,
          connectorAccount:
            p.connectorPassword !== undefined
              ? { ...c.connectorAccount, password: p.connectorPassword }
              : c.connectorAccount,
          staleManagementAgent: p.staleManagementAgent ?? c.staleManagementAgent,
        }
      : c,
  };
}

export function applyTenantOp(t: TenantState, p: TenantOp, now: number): TenantState {
  switch (p.op) {
    case 'admin':
      return adminStep(t, p.action, now).tenant;
    case 'resetAttempts': {
      const u = findCloudUser(t, p.user);
      if (!u) return t;
      return {
        ...t,
        resetAttempts: {
          ...t.resetAttempts,
          [u.id]: Array.from({ length: p.count }, (_, i) => now - (p.count - i) * 60_000),
        },
      };
    }
    case 'methods': {
      const u = findCloudUser(t, p.user);
      if (!u) return t;
      const methods = { ...u.methods };
      if (p.sms === null) methods.sms = undefined;
      else if (p.sms !== undefined) methods.sms = { phone: p.sms, registeredAt: now };
      if (p.authenticator === false) methods.authenticator = undefined;
      return updateUser(t, u.id, { methods, methodsConfirmedAt: now });
    }
    case 'password': {
      const u = findCloudUser(t, p.user);
      return u ? updateUser(t, u.id, { password: p.password ?? undefined, passwordSetAt: now }) : t;
    }
  }
}
