/**
 * Wrong-guess backoff, as data: the instructor's passphrase and a class code are both guarded by
 * it. A few wrong guesses are free (typos); after that each wrong guess doubles the wait before
 * the next one is even checked, up to a ceiling. The caller passes the time in (wall-clock
 * milliseconds in the shell, anything monotonic in tests), so this stays pure.
 */
export interface AttemptPolicy {
  /** Wrong guesses allowed before any wait. */
  free: number;
  /** The first wait, in ms; each further wrong guess doubles it. */
  baseMs: number;
  /** The longest wait, in ms. */
  maxMs: number;
}

export interface AttemptState {
  failures: number;
  /** No guess is checked before this time. */
  blockedUntil: number;
}

export const PASSPHRASE_POLICY: AttemptPolicy = { free: 3, baseMs: 1_000, maxMs: 5 * 60_000 };

export const NO_ATTEMPTS: AttemptState = { failures: 0, blockedUntil: 0 };

/** How long the caller must still wait before a guess is checked (0: go ahead). */
export function waitBefore(state: AttemptState, now: number): number {
  return Math.max(0, state.blockedUntil - now);
}

/** The state after a guess was checked: a right one clears it, a wrong one may start a wait. */
export function afterAttempt(
  state: AttemptState,
  right: boolean,
  now: number,
  policy: AttemptPolicy = PASSPHRASE_POLICY,
): AttemptState {
  if (right) return NO_ATTEMPTS;
  const failures = state.failures + 1;
  const over = failures - policy.free;
  if (over <= 0) return { failures, blockedUntil: 0 };
  const wait = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(30, over - 1));
  return { failures, blockedUntil: now + wait };
}

/** The refusal a blocked guess gets, in words. */
export function waitMessage(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return `Too many wrong attempts: try again in ${s} second${s === 1 ? '' : 's'}.`;
}
