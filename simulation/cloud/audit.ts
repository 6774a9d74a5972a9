/** Audit-log and sign-in-log entries, with Microsoft's service, category and activity names. */
import { nextGuid } from '../core/random';
import { pushCapped, type AuditEntry, type SignInEntry, type TenantState } from './tenantState';

export const SSPR_SERVICE = 'Self-service Password Management' as const;

export const ACTIVITY = {
  policyChanges: 'Self-service password reset policy changes',
  blocked: 'Blocked from self-service password reset',
  change: 'Change password (self-service)',
  adminReset: 'Reset password (by admin)',
  reset: 'Reset password (self-service)',
  progress: 'Self-service password reset flow activity progress',
  unlock: 'Unlock user account (self-service)',
  registered: 'User registered for self-service password reset',
} as const;

export function audit(t: TenantState, now: number, entry: Omit<AuditEntry, 'id' | 'time'>): TenantState {
  const [id, rng] = nextGuid(t.rng);
  return { ...t, rng, audit: pushCapped(t.audit, { ...entry, id, time: now }) };
}

export function ssprAudit(
  t: TenantState,
  now: number,
  activity: (typeof ACTIVITY)[keyof typeof ACTIVITY],
  status: 'Success' | 'Failure',
  target: string | undefined,
  statusReason?: string,
  details?: Record<string, string>,
): TenantState {
  return audit(t, now, {
    service: SSPR_SERVICE,
    category: activity === ACTIVITY.policyChanges ? 'Policy' : 'UserManagement',
    activity,
    status,
    statusReason,
    target,
    initiatedBy: target ?? 'Unknown',
    details,
  });
}

export function signInLog(t: TenantState, now: number, entry: Omit<SignInEntry, 'id' | 'time'>): TenantState {
  const [id, rng] = nextGuid(t.rng);
  return { ...t, rng, signIns: pushCapped(t.signIns, { ...entry, id, time: now }) };
}
