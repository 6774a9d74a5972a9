/**
 * What an administrator does in the Microsoft Entra admin center (and, for contrast, the
 * Microsoft 365 admin center): the Password reset blades, the authentication methods policy,
 * licences and roles, group membership, the authorization policy, and resetting a user's
 * password. Pure over the tenant; a reset of a synchronised user's password from the Entra admin
 * center is written back through the relay (an effect), one from the Microsoft 365 admin center
 * is not (reference §2.7, L22).
 */
import type { z } from 'zod';
import type { adminActionSchema } from '../core/actionSchemas';
import { nextGuid } from '../core/random';
import { ACTIVITY, SSPR_SERVICE, audit } from './audit';
import type { TenantEffect } from './effects';
import { cloudPasswordProblem, listenerAlive, writebackReady } from './policy';
import { setMethodPolicy } from './authMethodsPolicy';
import { ON_PREM_POLICY_REASON, SSPR_ERRORS, SSPR_TEXT } from './texts';
import { findCloudUser, updateUser, type TenantState } from './tenantState';

/** What an administrator does in the admin centers (declared once, as the lab command's schema). */
export type AdminAction = z.infer<typeof adminActionSchema>;

export interface AdminNotice {
  level: 'success' | 'error' | 'info';
  text: string;
}

/** One entry of the admin center's notifications flyout. */
export interface AdminNotification extends AdminNotice {
  id: number;
  at: number;
  /** Where it came from: the blade family of the action. */
  title: string;
}

export const NOTIFICATION_LIMIT = 20;

const TITLES: [prefix: string, title: string][] = [
  ['sspr.', 'Password reset'],
  ['authorizationPolicy', 'Password reset'],
  ['authMethods.', 'Authentication methods'],
  ['user.', 'Users'],
  ['group.', 'Groups'],
];

/** Adds an action's outcome to the flyout (newest last, capped). */
export function notify(
  list: readonly AdminNotification[],
  action: AdminAction['type'],
  notice: AdminNotice,
  now: number,
): AdminNotification[] {
  const title = TITLES.find(([p]) => action.startsWith(p))?.[1] ?? 'Microsoft Entra admin center';
  const id = (list.at(-1)?.id ?? 0) + 1;
  return [...list, { ...notice, id, at: now, title }].slice(-NOTIFICATION_LIMIT);
}

export interface AdminResult {
  tenant: TenantState;
  notice: AdminNotice;
  effects: TenantEffect[];
  /** A reset waiting for the writeback result. */
  pendingReset?: { userId: string; password: string; forceChange: boolean; trackingId: string };
}

export const ADMIN_TEXT = {
  saved: 'Successfully saved settings.',
  selectGroup: 'Select a group before saving, or choose All.',
  /** reference §2.4 */
  onPremPolicyReset:
    "Unfortunately, you cannot reset this user's password because your on-premises policy does not allow it. Please review your on-premises policy to ensure that it is setup correctly.",
  /** unconfirmed wording */
  syncedGroup:
    "You can't change the membership of this group because it's synchronized from your on-premises directory. Make the change in Active Directory.",
  noLicensesLeft: 'There are not enough licenses available to complete this assignment.',
  resetDone: (upn: string) => `Password reset for ${upn}.`,
  writebackOffline:
    "The password couldn't be reset because the on-premises writeback client can't be reached. Try again later.",
} as const;

const ADMIN = (t: TenantState) =>
  t.users.find((u) => u.roles.includes('Global Administrator'))?.upn ?? 'admin';

function policyChange(t: TenantState, now: number, what: string): TenantState {
  return audit(t, now, {
    service: 'Self-service Password Management',
    category: 'Policy',
    activity: ACTIVITY.policyChanges,
    status: 'Success',
    target: 'Password reset policy',
    initiatedBy: ADMIN(t),
    details: { Setting: what },
  });
}

export function adminStep(t: TenantState, a: AdminAction, now: number): AdminResult {
  const done = (
    tenant: TenantState,
    text: string = ADMIN_TEXT.saved,
    effects: TenantEffect[] = [],
  ): AdminResult => ({ tenant, notice: { level: 'success', text }, effects });
  const error = (text: string): AdminResult => ({ tenant: t, notice: { level: 'error', text }, effects: [] });
  const userOf = (id: string) => findCloudUser(t, id);

  switch (a.type) {
    case 'sspr.properties': {
      if (
        a.enabled === 'Selected' &&
        !t.groups.some((g) => g.name.toLowerCase() === (a.group ?? '').toLowerCase())
      )
        return error(ADMIN_TEXT.selectGroup);
      const sspr = {
        ...t.sspr,
        enabled: a.enabled,
        selectedGroup:
          a.enabled === 'Selected'
            ? t.groups.find((g) => g.name.toLowerCase() === a.group?.toLowerCase())?.name
            : t.sspr.selectedGroup,
      };
      return done(
        policyChange(
          { ...t, sspr },
          now,
          `Self service password reset enabled: ${a.enabled}${a.enabled === 'Selected' ? ` (${sspr.selectedGroup})` : ''}`,
        ),
      );
    }
    case 'sspr.authenticationMethods': {
      const sspr = {
        ...t.sspr,
        methodsRequired: a.methodsRequired,
        methods: { ...t.sspr.methods, ...(a.methods ?? {}) },
      };
      return done(
        policyChange({ ...t, sspr }, now, `Number of methods required to reset: ${a.methodsRequired}`),
      );
    }
    case 'sspr.registration': {
      if (!Number.isInteger(a.reconfirmDays) || a.reconfirmDays < 0 || a.reconfirmDays > 730)
        return error('The number of days must be between 0 and 730.');
      return done(
        policyChange(
          {
            ...t,
            sspr: {
              ...t.sspr,
              registration: { requireOnSignIn: a.requireOnSignIn, reconfirmDays: a.reconfirmDays },
            },
          },
          now,
          `Require users to register when signing in: ${a.requireOnSignIn ? 'Yes' : 'No'}; re-confirm after ${a.reconfirmDays} days`,
        ),
      );
    }
    case 'sspr.notifications':
      return done(
        policyChange(
          {
            ...t,
            sspr: { ...t.sspr, notifications: { notifyUsers: a.notifyUsers, notifyAdmins: a.notifyAdmins } },
          },
          now,
          'Notifications',
        ),
      );
    case 'sspr.customization':
      return done(
        policyChange(
          {
            ...t,
            sspr: { ...t.sspr, customization: { helpdeskLink: a.helpdeskLink, helpdeskUrl: a.helpdeskUrl } },
          },
          now,
          'Customization',
        ),
      );
    case 'sspr.onPremises': {
      const onPremises = {
        writeback: a.writeback,
        cloudSyncWriteback: a.cloudSyncWriteback ?? t.sspr.onPremises.cloudSyncWriteback,
        allowUnlock: a.allowUnlock,
      };
      return done(
        policyChange(
          { ...t, sspr: { ...t.sspr, onPremises } },
          now,
          `Enable password write back for synced users: ${a.writeback ? 'Yes' : 'No'}; unlock: ${a.allowUnlock ? 'Yes' : 'No'}`,
        ),
      );
    }
    case 'authMethods.policy': {
      const r = setMethodPolicy(t, a, now, ADMIN(t));
      return 'error' in r ? error(r.error) : done(r.tenant);
    }
    case 'authMethods.migration':
      return done({ ...t, methodsMigration: a.state });
    case 'user.license': {
      const u = userOf(a.user);
      if (!u) return error(`User ${a.user} was not found.`);
      if (!t.licenses.some((l) => l.sku === a.sku))
        return error(`The licence ${a.sku} is not available in this tenant.`);
      if (a.assigned) {
        const used = t.users.filter((x) => x.licenses.includes(a.sku)).length;
        const total = t.licenses.find((l) => l.sku === a.sku)?.total ?? 0;
        if (!u.licenses.includes(a.sku) && used >= total) return error(ADMIN_TEXT.noLicensesLeft);
      }
      const licenses = a.assigned
        ? [...new Set([...u.licenses, a.sku])]
        : u.licenses.filter((l) => l !== a.sku);
      return done(updateUser(t, u.id, { licenses }), 'Successfully updated license assignments.');
    }
    case 'user.role': {
      const u = userOf(a.user);
      if (!u) return error(`User ${a.user} was not found.`);
      const roles = a.assigned ? [...new Set([...u.roles, a.role])] : u.roles.filter((r) => r !== a.role);
      return done(
        updateUser(t, u.id, { roles }),
        a.assigned ? `${a.role} assigned to ${u.upn}.` : `${a.role} removed from ${u.upn}.`,
      );
    }
    case 'user.deleteMethod': {
      const u = userOf(a.user);
      if (!u) return error(`User ${a.user} was not found.`);
      const methods =
        a.method === 'sms' ? { ...u.methods, sms: undefined } : { ...u.methods, authenticator: undefined };
      return done(updateUser(t, u.id, { methods }), 'Authentication method deleted.');
    }
    case 'group.create': {
      if (a.name.trim() === '' || t.groups.some((g) => g.name.toLowerCase() === a.name.toLowerCase()))
        return error('A group with that name already exists.');
      const [id, rng] = nextGuid(t.rng);
      return done(
        { ...t, rng, groups: [...t.groups, { id, name: a.name, onPremisesSyncEnabled: false, members: [] }] },
        `Group ${a.name} created.`,
      );
    }
    case 'group.member': {
      const g = t.groups.find((x) => x.name.toLowerCase() === a.group.toLowerCase());
      const u = userOf(a.user);
      if (!g || !u) return error('Group or user not found.');
      if (g.onPremisesSyncEnabled) return error(ADMIN_TEXT.syncedGroup);
      const members = a.add ? [...new Set([...g.members, u.id])] : g.members.filter((m) => m !== u.id);
      return done({ ...t, groups: t.groups.map((x) => (x === g ? { ...x, members } : x)) });
    }
    case 'authorizationPolicy':
      return done({ ...t, allowedToUseSspr: a.allowedToUseSspr });
    case 'user.resetPassword': {
      const u = userOf(a.user);
      if (!u) return error(`User ${a.user} was not found.`);
      if (cloudPasswordProblem(a.password)) return error(SSPR_TEXT.cloudPolicy);
      if (!u.onPremisesSyncEnabled || a.portal === 'm365') {
        // The Microsoft 365 admin center sets the cloud password only: no writeback (L22).
        let tenant = updateUser(t, u.id, { password: a.password, passwordSetAt: now });
        tenant = adminResetAudit(tenant, now, u.upn, 'Success', undefined, 'None');
        return done(tenant, ADMIN_TEXT.resetDone(u.upn));
      }
      if (!writebackReady(t) || !listenerAlive(t, now)) return error(ADMIN_TEXT.writebackOffline);
      const [trackingId, rng] = nextGuid(t.rng);
      return {
        tenant: { ...t, rng },
        notice: { level: 'info', text: 'Resetting password…' },
        effects: [
          {
            type: 'writeback',
            purpose: 'admin',
            request: {
              kind: 'app.relay.request',
              trackingId,
              op: 'admin-reset',
              anchor: u.onPremisesImmutableId ?? '',
              upn: u.upn,
              newPassword: a.password,
            },
          },
        ],
        pendingReset: { userId: u.id, password: a.password, forceChange: a.forceChange, trackingId },
      };
    }
  }
}

/**
 * "Reset password (by admin)": the admin who reset is the initiator, the user the target, and
 * the OnPremisesAgent detail says which agent wrote the password on-premises (reference 3.2).
 */
function adminResetAudit(
  t: TenantState,
  now: number,
  target: string,
  status: 'Success' | 'Failure',
  statusReason: string | undefined,
  agent: 'None' | 'Microsoft Entra Connect',
): TenantState {
  return audit(t, now, {
    service: SSPR_SERVICE,
    category: 'UserManagement',
    activity: ACTIVITY.adminReset,
    status,
    statusReason,
    target,
    initiatedBy: ADMIN(t),
    details: { OnPremisesAgent: agent },
  });
}

/**
 * Why an admin reset failed on-premises, in the words Microsoft documents: AD's policy refusal is
 * "On-premises policy violation" (Troubleshoot self-service password reset, SSPR usage table); an
 * agent that cannot be reached and any other on-premises failure take the coded reasons of
 * SSPR_0030 (OnPremisesConnectivityError) and SSPR_0029 (OnPremisesAdminActionRequired).
 */
function adminResetReason(failure: string | undefined): string {
  if (failure === 'policy') return ON_PREM_POLICY_REASON;
  if (failure === 'timeout') return SSPR_ERRORS.SSPR_0030.auditReason;
  return SSPR_ERRORS.SSPR_0029.auditReason;
}

export function adminResetResult(
  t: TenantState,
  pending: { userId: string; password: string },
  ok: boolean,
  failure: string | undefined,
  now: number,
): { tenant: TenantState; notice: AdminNotice } {
  const u = t.users.find((x) => x.id === pending.userId);
  if (!u) return { tenant: t, notice: { level: 'error', text: 'The user no longer exists.' } };
  if (ok) {
    let tenant = updateUser(t, u.id, { password: pending.password, passwordSetAt: now });
    tenant = adminResetAudit(tenant, now, u.upn, 'Success', undefined, 'Microsoft Entra Connect');
    return { tenant, notice: { level: 'success', text: ADMIN_TEXT.resetDone(u.upn) } };
  }
  const tenant = adminResetAudit(
    t,
    now,
    u.upn,
    'Failure',
    adminResetReason(failure),
    'Microsoft Entra Connect',
  );
  return {
    tenant,
    notice: {
      level: 'error',
      text:
        failure === 'policy'
          ? ADMIN_TEXT.onPremPolicyReset
          : failure === 'timeout'
            ? ADMIN_TEXT.writebackOffline
            : `The password could not be reset on-premises (${failure ?? 'unknown error'}).`,
    },
  };
}
