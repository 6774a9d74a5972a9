/**
 * Authentication against the directory (Kerberos pre-authentication: bad-password count, lockout,
 * the N-2 history rule, clock skew), setting and resetting passwords under the domain's policy,
 * unlocking, and the Security-log entries the DC writes for each. Pure.
 */
import type { PasswordPolicy, SetMode } from '../core/directoryTypes';
import { MINUTE, formatShortDateTime } from '../core/time';
import type { NewEvent } from '../windows/eventlog';
import { checkPassword, type PolicyViolation } from './passwordPolicy';
import {
  accountChanged,
  accountLockedOut,
  accountUnlocked,
  kerberosPreauthFailed,
  passwordAttempt,
  systemSubject,
  tgtRequested,
  type EventAccount,
  type KdcClient,
} from './securityEvents';
import { findUser, isLockedOut, key, note, touch, type AdUser, type DirectoryState } from './directory';

export type AuthOutcome =
  'ok' | 'bad-password' | 'locked' | 'disabled' | 'no-such-user' | 'must-change' | 'expired' | 'skew';

export interface AuthResult {
  dir: DirectoryState;
  outcome: AuthOutcome;
  user?: AdUser;
  /** Security-log entries the DC writes. */
  events: NewEvent[];
}

export function authenticate(
  dir: DirectoryState,
  identity: string,
  password: string,
  now: number,
  client: KdcClient,
  /** The client's timestamp is further from the KDC's clock than Kerberos policy allows. */
  skewed = false,
): AuthResult {
  const user = findUser(dir, identity);
  const failure = (account: { sid: string; name: string }, code: string) =>
    securityEvent(4771, 'Audit Failure', kerberosPreauthFailed(account, dir.fqdn, client, now, code));
  if (!user) {
    return { dir, outcome: 'no-such-user', events: [failure({ sid: 'NULL SID', name: identity }, '0x6')] };
  }
  const named = { sid: `${dir.netbios}\\${user.sam}`, name: user.sam };
  if (isLockedOut(user, dir.policy, now)) {
    return {
      dir,
      outcome: 'locked',
      user,
      events: [failure(named, '0x12')],
    };
  }
  if (!user.enabled)
    return {
      dir,
      outcome: 'disabled',
      user,
      events: [failure(named, '0x12')],
    };
  if (password !== user.password) {
    const events: NewEvent[] = [failure(named, '0x18')];
    // AD's "N-2" history check (NTLM and Kerberos, Windows Server 2003 SP1 and later, with a
    // password history of 3 or more): a password equal to one of the user's two previous ones
    // is refused like any wrong one but does not count towards lockout (TechNet wiki 32490).
    if (isRecentPassword(dir.policy, user, password)) return { dir, outcome: 'bad-password', user, events };
    const window = dir.policy.lockoutWindowMinutes * MINUTE;
    const count = user.badPasswordTime > 0 && now - user.badPasswordTime < window ? user.badPwdCount + 1 : 1;
    const lock = dir.policy.lockoutThreshold > 0 && count >= dir.policy.lockoutThreshold;
    if (lock) {
      events.push(
        securityEvent(
          4740,
          'Audit Success',
          accountLockedOut(systemSubject(dcNameOf(dir), dir.netbios), named, client.workstation),
        ),
      );
    }
    const next = note(dir, user, {
      badPwdCount: count,
      badPasswordTime: now,
      lockoutTime: lock ? now : user.lockoutTime,
    });
    return { dir: next, outcome: 'bad-password', user: next.users[key(user.sam)], events };
  }
  // The timestamp decrypted with the right key but lies outside the tolerance: KRB_AP_ERR_SKEW,
  // logged as 4771 with Failure Code 0x25 (Microsoft Learn, 4768/4771 failure codes: "This error
  // is logged if a client computer sends a timestamp whose value differs from that of the
  // server's timestamp by more than ... Maximum tolerance for computer clock synchronization").
  // Not a bad password: badPwdCount does not move.
  if (skewed) return { dir, outcome: 'skew', user, events: [failure(named, '0x25')] };
  const ok = note(dir, user, {
    badPwdCount: 0,
    lastLogon: now,
    logonCount: user.logonCount + 1,
    lockoutTime: isLockedOut(user, dir.policy, now) ? user.lockoutTime : 0,
  });
  const events = [
    securityEvent(4768, 'Audit Success', tgtRequested(named, dir.netbios, dir.fqdn, client, now)),
  ];
  const fresh = ok.users[key(user.sam)];
  if (user.pwdLastSet === 0) return { dir: ok, outcome: 'must-change', user: fresh, events };
  const max = dir.policy.maxAgeDays;
  if (!user.passwordNeverExpires && max > 0 && now - user.pwdLastSet > max * 86_400_000)
    return { dir: ok, outcome: 'expired', user: fresh, events };
  return { dir: ok, outcome: 'ok', user: fresh, events };
}

/** The typed password is the user's previous or the one before (N-1, N-2), and history keeps 3+. */
function isRecentPassword(policy: PasswordPolicy, user: AdUser, password: string): boolean {
  return policy.historyCount >= 3 && user.history.slice(0, 2).includes(password);
}

/** The DC's own name, from its computer object in the Domain Controllers OU. */
function dcNameOf(dir: DirectoryState): string {
  const dc = Object.values(dir.computers).find((c) => /OU=Domain Controllers,/i.test(c.dn));
  return dc?.name ?? 'DC01';
}

/** An account as a Security-log Subject or Target block names it. */
export const accountOf = (dir: DirectoryState, sam: string): EventAccount => ({
  sid: `${dir.netbios}\\${sam}`,
  name: sam,
  domain: dir.netbios,
});

export function securityEvent(
  eventId: number,
  level: 'Audit Success' | 'Audit Failure',
  message: string,
): NewEvent {
  const category: Record<number, string> = {
    4720: 'User Account Management',
    4722: 'User Account Management',
    4725: 'User Account Management',
    4723: 'User Account Management',
    4724: 'User Account Management',
    4738: 'User Account Management',
    4740: 'User Account Management',
    4767: 'User Account Management',
    4728: 'Security Group Management',
    4729: 'Security Group Management',
    4768: 'Kerberos Authentication Service',
    4771: 'Kerberos Authentication Service',
    4624: 'Logon',
    4625: 'Logon',
  };
  return {
    log: 'Security',
    source: 'Microsoft-Windows-Security-Auditing',
    eventId,
    level,
    message,
    taskCategory: category[eventId],
  };
}

export interface SetPasswordOptions {
  mode: SetMode;
  /** Who does it (for the Security log). */
  by: string;
  /** For a change: the password the user says is current. */
  oldPassword?: string;
  /** Resets also clear a lockout (SSPR does by default). */
  unlock?: boolean;
  /** Set "User must change password at next logon". */
  mustChange?: boolean;
  /** The DC's local time now, as 4738's Password Last Set shows it (default: lab time, UTC). */
  localNow?: string;
}

export type SetPasswordError =
  PolicyViolation | 'wrong-old' | 'disabled' | 'locked' | 'cannot-change' | 'no-such-user';

export interface SetPasswordResult {
  dir: DirectoryState;
  error?: SetPasswordError;
  events: NewEvent[];
}

export function setPassword(
  dir: DirectoryState,
  identity: string,
  newPassword: string,
  now: number,
  opts: SetPasswordOptions,
): SetPasswordResult {
  const user = findUser(dir, identity);
  if (!user) return { dir, error: 'no-such-user', events: [] };
  const isChange = opts.mode === 'change';
  const eventId = isChange ? 4723 : 4724;
  const by = accountOf(dir, opts.by);
  const target = accountOf(dir, user.sam);
  const body = passwordAttempt(isChange ? 'change' : 'reset', by, target);
  const fail = (error: SetPasswordError): SetPasswordResult => ({
    dir,
    error,
    events: [securityEvent(eventId, 'Audit Failure', body)],
  });
  if (isChange) {
    if (!user.enabled) return fail('disabled');
    if (isLockedOut(user, dir.policy, now)) return fail('locked');
    if (user.cannotChangePassword) return fail('cannot-change');
    if (opts.oldPassword !== user.password) return fail('wrong-old');
  }
  const violation = checkPassword(dir.policy, user, newPassword, now, opts.mode);
  if (violation) return fail(violation);
  const history = [user.password, ...user.history].slice(0, 24);
  const patch: Partial<AdUser> = {
    password: newPassword,
    history,
    pwdLastSet: opts.mustChange ? 0 : now,
  };
  if (opts.unlock) Object.assign(patch, { lockoutTime: 0, badPwdCount: 0 });
  const events = [
    securityEvent(eventId, 'Audit Success', body),
    securityEvent(
      4738,
      'Audit Success',
      accountChanged(by, target, {
        'Password Last Set': opts.mustChange ? '<never>' : (opts.localNow ?? formatShortDateTime(now)),
      }),
    ),
  ];
  return { dir: touch(dir, user, patch, now), events };
}

export function unlockUser(
  dir: DirectoryState,
  identity: string,
  now: number,
  by: string,
): { dir: DirectoryState; events: NewEvent[]; found: boolean } {
  const user = findUser(dir, identity);
  if (!user) return { dir, events: [], found: false };
  return {
    dir: touch(dir, user, { lockoutTime: 0, badPwdCount: 0 }, now),
    events: [
      securityEvent(4767, 'Audit Success', accountUnlocked(accountOf(dir, by), accountOf(dir, user.sam))),
    ],
    found: true,
  };
}
