/**
 * Microsoft Entra smart lockout for the lab's cloud password sign-ins (the My Account sign-in
 * pages). Microsoft Learn, "Protect user accounts from attacks with Microsoft Entra smart lockout":
 * by default an account is locked from sign-in for one minute (60 seconds) after 10 failed attempts
 * (Azure Public tenants); it "locks again after each subsequent failed sign-in attempt"; smart
 * lockout "tracks the last three bad password hashes to avoid incrementing the lockout counter for
 * the same password"; a sign-in during the lockout is refused with AADSTS50053 (IdsLocked) whatever
 * the password; resetting or changing the password ends it. Simplified: the lab keeps one lockout
 * counter (no familiar/unfamiliar locations), and every lockout lasts 60 s (Microsoft does not
 * disclose how the duration grows). A successful sign-in clears the counter. Pure; lab time only.
 */
import { hashString } from '../core/hash';
import { TIMINGS } from '../core/timings';
import type { CloudUser, SmartLockoutState, TenantState } from './tenantState';

/** Failed sign-ins before the first lockout (the default for Azure Public tenants). */
export const SMART_LOCKOUT_THRESHOLD = 10;

/** How many distinct bad passwords smart lockout remembers. */
const TRACKED_BAD_PASSWORDS = 3;

/**
 * The sign-in log's entry for a sign-in refused while locked. The code and its name come from
 * Microsoft Learn's "Microsoft Entra authentication and authorization error codes" (AADSTS50053,
 * IdsLocked); the failure reason is the sentence the sign-in log shows for it (unconfirmed against
 * Microsoft Learn: seen in third-party write-ups of the sign-in log; listed in docs/fidelity.md).
 */
export const LOCKED_FAILURE = {
  errorCode: 50053,
  failureReason:
    'Account is locked because user tried to sign in too many times with an incorrect user ID or password.',
} as const;

/** The counter that still applies: a password set since the failures were counted starts afresh. */
function current(t: TenantState, u: CloudUser): SmartLockoutState | undefined {
  const s = t.smartLockout?.[u.id];
  if (!s || (u.passwordSetAt ?? 0) !== s.passwordSetAt) return undefined;
  return s;
}

/** Whether the user's cloud sign-ins are refused right now. */
export function lockedOut(t: TenantState, u: CloudUser, now: number): boolean {
  const s = current(t, u);
  return !!s && s.lockedUntil !== undefined && s.lockedUntil > now;
}

function withState(t: TenantState, userId: string, s: SmartLockoutState | undefined): TenantState {
  const others = Object.entries(t.smartLockout ?? {}).filter(([id]) => id !== userId);
  return { ...t, smartLockout: Object.fromEntries(s ? [...others, [userId, s]] : others) };
}

/**
 * A failed sign-in with a wrong password: counted unless it repeats one of the last three bad
 * passwords; at the threshold (and at every counted failure after it) the account locks for 60 s.
 */
export function countBadPassword(t: TenantState, u: CloudUser, password: string, now: number): TenantState {
  const before = current(t, u) ?? { failures: 0, badHashes: [], passwordSetAt: u.passwordSetAt ?? 0 };
  const hash = hashString(`${u.id}\u0000${password}`);
  if (before.badHashes.includes(hash)) return t;
  const failures = before.failures + 1;
  return withState(t, u.id, {
    failures,
    badHashes: [...before.badHashes, hash].slice(-TRACKED_BAD_PASSWORDS),
    passwordSetAt: before.passwordSetAt,
    ...(failures >= SMART_LOCKOUT_THRESHOLD ? { lockedUntil: now + TIMINGS.smartLockoutDuration } : {}),
  });
}

/** A successful sign-in clears the counter. */
export function clearLockout(t: TenantState, u: CloudUser): TenantState {
  return t.smartLockout?.[u.id] ? withState(t, u.id, undefined) : t;
}
