/** A client PC's sign-in screen and desktop: pure transitions the host machine applies. */
import type { WindowsHostContext } from './hostState';
import { log } from './hostOps';
import type { ChangeOutcome, SignInOutcome } from './signin';
import { SIGNIN_TEXT } from './messages';

export function startSigningIn(host: WindowsHostContext, user: string): WindowsHostContext {
  if (!host.desktop) return host;
  return { ...host, desktop: { ...host.desktop, busy: true, message: undefined, lastUser: user } };
}

export function applySignIn(
  host: WindowsHostContext,
  outcome: SignInOutcome,
  now: number,
): WindowsHostContext {
  if (!host.desktop) return host;
  let next = log(host, now, ...outcome.events);
  if (!outcome.ok) {
    const changeRequired = outcome.message === SIGNIN_TEXT.mustChange ? host.desktop.lastUser : undefined;
    return {
      ...next,
      desktop: { ...host.desktop, busy: false, screen: 'signin', message: outcome.message, changeRequired },
    };
  }
  const cachedLogons = outcome.cache
    ? { ...next.cachedLogons, [outcome.cache.sam.toLowerCase()]: outcome.cache }
    : next.cachedLogons;
  next = { ...next, cachedLogons };
  return {
    ...next,
    desktop: {
      screen: 'desktop',
      busy: false,
      session: outcome.session,
      lastUser: outcome.session.account,
      banner: outcome.banner,
      message: undefined,
    },
  };
}

export function signOut(host: WindowsHostContext, now: number): WindowsHostContext {
  const d = host.desktop;
  if (!d || d.screen !== 'desktop' || !d.session) return host;
  const next = log(host, now, {
    log: 'Security',
    source: 'Microsoft-Windows-Security-Auditing',
    eventId: 4634,
    level: 'Audit Success',
    taskCategory: 'Logoff',
    message: `An account was logged off.\n\nSubject:\n\tAccount Name:\t\t${d.session.sam}\n\tAccount Domain:\t\t${host.domainNetbios}\n\nLogon Type:\t\t\t2`,
  });
  return { ...next, desktop: { screen: 'signin', busy: false, lastUser: d.session.account } };
}

export function startChangingPassword(host: WindowsHostContext): WindowsHostContext {
  if (!host.desktop) return host;
  return { ...host, desktop: { ...host.desktop, busy: true, message: undefined, banner: undefined } };
}

export function applyChange(
  host: WindowsHostContext,
  outcome: ChangeOutcome,
  now: number,
): WindowsHostContext {
  const d = host.desktop;
  if (!d) return host;
  let next = log(host, now, ...outcome.events);
  if (outcome.cache) {
    // Windows refreshes the cached verifier with the new password.
    const key = outcome.cache.sam.toLowerCase();
    const cached = next.cachedLogons[key];
    if (cached)
      next = {
        ...next,
        cachedLogons: { ...next.cachedLogons, [key]: { ...cached, password: outcome.cache.password } },
      };
  }
  if (!outcome.ok) return { ...next, desktop: { ...d, busy: false, message: outcome.message } };
  if (outcome.signIn) {
    const signedIn = applySignIn(
      { ...next, desktop: { ...d, changeRequired: undefined } },
      outcome.signIn,
      now,
    );
    return signedIn;
  }
  return {
    ...next,
    desktop: { ...d, busy: false, changeRequired: undefined, banner: outcome.message, message: undefined },
  };
}
