/**
 * The guards of the sign-in and My Account chart (portalChart.ts): what the user typed and what
 * the tenant says about that user, page by page. Pure predicates over the chart's context and the
 * event being handled.
 */
import type { PortalAction } from './portalTypes';
import { cloudPasswordProblem, isBanned, listenerAlive, registrationDue, writebackReady } from './policy';
import { namedUser, normalPhone, phoneValid, userOf, type PortalCtx } from './portalPages';
import { lockedOut } from './smartLockout';
import { findCloudUser } from './tenantState';

export const typedName = (e: PortalAction) =>
  e.type === 'submitUsername' || e.type === 'signIn' ? e.upn.trim() : '';
export const typedPassword = (e: PortalAction) =>
  e.type === 'submitPassword' || e.type === 'signIn' ? e.password : '';

/** What a guard of the chart is handed (XState passes more; these read only the two). */
interface GuardArgs {
  context: PortalCtx;
  event: PortalAction;
}

export const portalGuards = {
  hasUser: ({ context }) => !!userOf(context),
  usernameEmpty: ({ event }) => typedName(event) === '',
  usernameUnknown: ({ context, event }) => !findCloudUser(context.t, typedName(event)),
  passwordEmpty: ({ event }) => typedPassword(event) === '',
  accountDisabled: ({ context }) => namedUser(context)?.accountEnabled === false,
  smartLockedOut: ({ context }) => {
    const u = namedUser(context);
    return !!u && lockedOut(context.t, u, context.now);
  },
  passwordWrong: ({ context, event }) => {
    const u = namedUser(context);
    return !u || u.password === undefined || u.password !== typedPassword(event);
  },
  registrationDue: ({ context }) => {
    const u = namedUser(context);
    return !!u && registrationDue(context.t, u, context.now);
  },
  viaShorthand: ({ event }) => event.type === 'submitPassword' && !!event.viaShorthand,
  canNavigate: ({ context }) =>
    !!userOf(context) && !['signin', 'password', 'kmsi', 'working'].includes(context.s.page.page),
  gotoHome: ({ event }) => event.type === 'goto' && event.page === 'home',
  gotoSecurityInfo: ({ event }) => event.type === 'goto' && event.page === 'securityInfo',
  addPhone: ({ event }) => event.type === 'addMethod' && event.method === 'phone',
  addAuthenticator: ({ event }) => event.type === 'addMethod' && event.method === 'authenticator',
  phoneInvalid: ({ event }) =>
    event.type === 'setPhone' && !phoneValid(normalPhone(event.phone, event.countryCode)),
  callMe: ({ event }) => event.type === 'setPhone' && event.method === 'call',
  smsCodeRight: ({ context, event }) =>
    event.type === 'enterCode' && event.code.trim() === context.s.secrets.smsCode,
  thisCall: ({ context, event }) =>
    event.type === 'callAnswered' && event.requestId === context.s.secrets.callRequestId,
  callConfirmed: ({ event }) => event.type === 'callAnswered' && event.keys.includes('#'),
  activationMatches: ({ context, event }) =>
    event.type === 'authenticatorRegistered' && event.activationCode === context.s.secrets.activationCode,
  pushOnScan: ({ context }) => !!context.t.compat?.authenticatorPushOnScan,
  thisPush: ({ context, event }) =>
    event.type === 'pushAnswer' && event.requestId === context.s.secrets.pushRequestId,
  pushApproved: ({ context, event }) =>
    event.type === 'pushAnswer' && event.approved && event.number === context.s.secrets.pushNumber,
  newPasswordsDiffer: ({ event }) => event.type === 'changePassword' && event.newPassword !== event.confirm,
  newPasswordBanned: ({ event }) => event.type === 'changePassword' && isBanned(event.newPassword),
  newPasswordWeak: ({ event }) =>
    event.type === 'changePassword' && !!cloudPasswordProblem(event.newPassword),
  cloudOnlyUser: ({ context }) => !userOf(context)?.onPremisesSyncEnabled,
  oldPasswordWrong: ({ context, event }) =>
    event.type === 'changePassword' && event.oldPassword !== userOf(context)?.password,
  writebackOff: ({ context }) => !writebackReady(context.t),
  writebackClientDown: ({ context }) => !listenerAlive(context.t, context.now),
  writebackOk: ({ event }) => event.type === 'writebackResult' && event.ok,
} satisfies Record<string, (args: GuardArgs) => boolean>;
