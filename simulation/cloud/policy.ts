/**
 * The cloud's decisions about one user: may they use SSPR, under which policy, with which
 * methods; is their password mastered on-premises and can it be written back now; is the
 * writeback client alive. Pure functions of the tenant's state (reference §1.3–§1.6, §2.1).
 */
import { hashString } from '../core/hash';
import { SECOND } from '../core/time';
import type { SsprErrorCode } from './texts';
import { ADMIN_ROLES, isMember, type AuthMethodId, type CloudUser, type TenantState } from './tenantState';
import { TIMINGS } from '../core/timings';

/** SKUs that include SSPR with on-premises writeback (reference §1.6). */
export const WRITEBACK_SKUS = ['AAD_PREMIUM', 'AAD_PREMIUM_P2', 'SPB'];
/** SKUs that include SSPR reset for cloud-only users. */
export const CLOUD_RESET_SKUS = [...WRITEBACK_SKUS, 'O365_BUSINESS_PREMIUM'];

export type SsprMethod = 'sms' | 'authenticatorNotification' | 'authenticatorCode' | 'email';

export function isAdmin(u: CloudUser): boolean {
  return u.roles.some((r) => ADMIN_ROLES.includes(r));
}

/** Whether the tenant's SSPR setting covers this user (None / Selected group / All). */
export function ssprScopeCovers(t: TenantState, u: CloudUser): boolean {
  if (t.sspr.enabled === 'All') return true;
  if (t.sspr.enabled === 'Selected') return !!t.sspr.selectedGroup && isMember(t, t.sspr.selectedGroup, u.id);
  return false;
}

/** Whether a method's policy is on for this user: enabled, included (all or a group), not excluded. */
export function policyTargets(t: TenantState, id: AuthMethodId, u: CloudUser): boolean {
  const p = t.authMethods[id];
  if (!p.enabled || p.exclude.some((g) => isMember(t, g, u.id))) return false;
  return p.include === 'all' || p.include.some((g) => isMember(t, g, u.id));
}

/** Methods this user could be offered for SSPR: allowed by a policy and registered by the user. */
export function usableMethods(t: TenantState, u: CloudUser): SsprMethod[] {
  const legacyCounts = t.methodsMigration !== 'Migration complete';
  const l = t.sspr.methods;
  const legacy = legacyCounts
    ? l
    : {
        ...l,
        mobileAppNotification: false,
        mobileAppCode: false,
        email: false,
        mobilePhone: false,
        officePhone: false,
      };
  const out: SsprMethod[] = [];
  const admin = isAdmin(u);
  const authenticator =
    legacy.mobileAppCode || legacy.mobileAppNotification || policyTargets(t, 'microsoftAuthenticator', u);
  if (u.methods.sms && (legacy.mobilePhone || policyTargets(t, 'sms', u) || admin)) out.push('sms');
  if (u.methods.authenticator && (authenticator || admin)) {
    // Legacy rule: with one method required, the app counts only through its code (reference §1.4).
    const required = admin ? 2 : t.sspr.methodsRequired;
    if (
      required === 2 &&
      (legacy.mobileAppNotification || policyTargets(t, 'microsoftAuthenticator', u) || admin)
    )
      out.push('authenticatorNotification');
    out.push('authenticatorCode');
  }
  if (u.methods.email && (legacy.email || policyTargets(t, 'email', u) || admin)) out.push('email');
  return out;
}

/** How many different methods the user has for SSPR (the app's code and notification are one). */
export function distinctMethodCount(methods: readonly SsprMethod[]): number {
  return new Set(methods.map((m) => (m.startsWith('authenticator') ? 'authenticator' : m))).size;
}

export function methodsRequired(t: TenantState, u: CloudUser): 1 | 2 {
  return isAdmin(u) ? 2 : t.sspr.methodsRequired;
}

export function licensedFor(u: CloudUser, writeback: boolean): boolean {
  return u.licenses.some((l) => (writeback ? WRITEBACK_SKUS : CLOUD_RESET_SKUS).includes(l));
}

/** The writeback client counts as alive while its relay connection is up and it has sent a heartbeat lately. */
export const LISTENER_GRACE = TIMINGS.listenerGrace;

export function writebackReady(t: TenantState): boolean {
  return t.sspr.onPremises.writeback && !!t.connect?.writebackOnboarded;
}

export function listenerAlive(t: TenantState, now: number): boolean {
  return !!t.relay && now - t.relay.lastHeartbeat <= LISTENER_GRACE;
}

/**
 * The checks Microsoft runs after the CAPTCHA, in its order (reference §1.3). Returns the error
 * page's code, or undefined when the user may go on to verification.
 */
export function ssprPrecheck(t: TenantState, u: CloudUser, now: number): SsprErrorCode | undefined {
  const admin = isAdmin(u);
  if (admin) {
    if (!t.allowedToUseSspr) return 'SSPR_009';
  } else {
    if (t.sspr.enabled === 'None') return 'SSPR_0009';
    if (!ssprScopeCovers(t, u)) return 'SSPR_0013';
  }
  if (!licensedFor(u, u.onPremisesSyncEnabled)) return 'SSPR_0012';
  if (distinctMethodCount(usableMethods(t, u)) < methodsRequired(t, u)) return 'SSPR_0014';
  if (u.onPremisesSyncEnabled) {
    if (!writebackReady(t)) return 'SSPR_0010';
    if (!listenerAlive(t, now)) return 'SSPR_0030';
  }
  return undefined;
}

/** Whether SSPR registration applies to the user at sign-in (registration enforcement). */
export function registrationDue(t: TenantState, u: CloudUser, now: number): boolean {
  if (!t.sspr.registration.requireOnSignIn) return false;
  if (isAdmin(u) ? !t.allowedToUseSspr : !ssprScopeCovers(t, u)) return false;
  if (distinctMethodCount(usableMethods(t, u)) < methodsRequired(t, u)) return true;
  const days = t.sspr.registration.reconfirmDays;
  return days > 0 && u.methodsConfirmedAt !== undefined && now - u.methodsConfirmedAt > days * 86_400_000;
}

/** Authenticator's time-based code for a registered secret at a lab time (30-second steps). */
export function totp(secret: number, time: number): string {
  const step = Math.floor(time / (30 * SECOND));
  return String(parseInt(hashString(`${secret}:${step}`).slice(0, 8), 16) % 1_000_000).padStart(6, '0');
}

export function totpValid(secret: number, time: number, code: string): boolean {
  return code === totp(secret, time) || code === totp(secret, time - 30 * SECOND);
}

/** The cloud's own password rules, which Microsoft applies before writing back (8+ chars, 3 of 4 classes). */
export function cloudPasswordProblem(password: string): 'length' | 'complexity' | undefined {
  if (password.length < 8 || password.length > 256) return 'length';
  let classes = 0;
  if (/[A-Z]/.test(password)) classes++;
  if (/[a-z]/.test(password)) classes++;
  if (/[0-9]/.test(password)) classes++;
  if (/[^A-Za-z0-9]/.test(password)) classes++;
  return classes >= 3 ? undefined : 'complexity';
}

/** A small banned-password list, standing in for Microsoft's global list (FuzzyPolicyViolationInvalidPassword). */
export const BANNED_PASSWORDS = [
  'password',
  'p@ssw0rd',
  'welcome',
  'qwerty',
  '123456',
  'letmein',
  'microsoft',
  'contoso',
  'laborhub',
];

export function isBanned(password: string): boolean {
  const normal = password
    .toLowerCase()
    .replace(/[@]/g, 'a')
    .replace(/0/g, 'o')
    .replace(/[1!]/g, 'i')
    .replace(/\$/g, 's')
    .replace(/3/g, 'e');
  return BANNED_PASSWORDS.some(
    (b) =>
      normal.includes(b.replace(/[@]/g, 'a').replace(/0/g, 'o')) &&
      normal.replace(/[^a-z]/g, '').length - b.length < 4,
  );
}
