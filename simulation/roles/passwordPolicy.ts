/**
 * The domain's password policy as Windows applies it: length, complexity (three of four character
 * classes, and not containing the account name or a 3+ character part of the display name),
 * history, and minimum age. Which rules apply depends on who sets the password and how
 * (reference §2.4): a user's change and a writeback reset apply them all; an administrator's reset
 * applies length and complexity only.
 */
import type { PasswordPolicy, SetMode } from '../core/directoryTypes';
import { DAY } from '../core/time';

export type PolicyViolation = 'length' | 'complexity' | 'history' | 'min-age';

function tokens(displayName: string): string[] {
  return displayName
    .split(/[,.\-_#\s\t]+/)
    .map((t) => t.toLowerCase())
    .filter((t) => t.length >= 3);
}

export function meetsComplexity(password: string, sam: string, displayName: string): boolean {
  const lower = password.toLowerCase();
  if (sam.length >= 3 && lower.includes(sam.toLowerCase())) return false;
  if (tokens(displayName).some((t) => lower.includes(t))) return false;
  let classes = 0;
  if (/[A-Z]/.test(password)) classes++;
  if (/[a-z]/.test(password)) classes++;
  if (/[0-9]/.test(password)) classes++;
  if (/[^A-Za-z0-9]/.test(password)) classes++;
  return classes >= 3;
}

export interface PasswordSubject {
  sam: string;
  displayName: string;
  password: string;
  history: readonly string[];
  pwdLastSet: number;
}

/** The first rule the new password breaks, if any. */
export function checkPassword(
  policy: PasswordPolicy,
  user: PasswordSubject,
  newPassword: string,
  now: number,
  mode: SetMode,
): PolicyViolation | undefined {
  if (
    mode !== 'admin-reset' &&
    policy.minAgeDays > 0 &&
    user.pwdLastSet > 0 &&
    now - user.pwdLastSet < policy.minAgeDays * DAY
  ) {
    return 'min-age';
  }
  if (newPassword.length < policy.minLength) return 'length';
  if (policy.complexity && !meetsComplexity(newPassword, user.sam, user.displayName)) return 'complexity';
  if (mode !== 'admin-reset' && policy.historyCount > 0) {
    const remembered = [user.password, ...user.history].slice(0, policy.historyCount);
    if (remembered.includes(newPassword)) return 'history';
  }
  return undefined;
}

/** When the password may next be changed (net user's "Password changeable"). */
export function changeableAt(policy: PasswordPolicy, pwdLastSet: number): number {
  return pwdLastSet + policy.minAgeDays * DAY;
}

/** When the password expires, or undefined when it never does. */
export function expiresAt(
  policy: PasswordPolicy,
  pwdLastSet: number,
  neverExpires: boolean,
): number | undefined {
  if (neverExpires || policy.maxAgeDays === 0 || pwdLastSet === 0) return undefined;
  return pwdLastSet + policy.maxAgeDays * DAY;
}
