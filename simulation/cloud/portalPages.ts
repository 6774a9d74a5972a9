/**
 * What the sign-in and My Account machine (portalChart.ts) does on its transitions, as plain
 * functions over one step's context: sign-in checks and their sign-in log entries, phone numbers
 * in Microsoft's "+1 4251234567" form, registration audit entries, Authenticator activation,
 * and the password change written back to AD for synchronised users.
 */
import { nextDigits, nextGuid, nextHex, nextInt } from '../core/random';
import { ACTIVITY, audit, signInLog, ssprAudit } from './audit';
import type { TenantEffect } from './effects';
import { ssprRegistered } from './ssprFlow';
import type { AddMethodStage, PortalPage, PortalSession } from './portalTypes';
import type { WritebackFailure } from '../net/appMessages';
import { MYACCOUNT_TEXT, REGISTRATION_TEXT, SSPR_ERRORS, SSPR_TEXT } from './texts';
import { findCloudUser, updateUser, type CloudUser, type TenantState } from './tenantState';

export interface PortalCtx {
  t: TenantState;
  s: PortalSession;
  now: number;
  effects: TenantEffect[];
  registered?: { account: string; secret: number };
}

export const MY_ACCOUNT_APP = 'My Account';

export function userOf(c: PortalCtx): CloudUser | undefined {
  return c.s.userId ? c.t.users.find((u) => u.id === c.s.userId) : undefined;
}

/** The user whose name is on the password (or "Stay signed in?") page. */
export function namedUser(c: PortalCtx): CloudUser | undefined {
  const p = c.s.page;
  return p.page === 'password' || p.page === 'kmsi' ? findCloudUser(c.t, p.upn) : undefined;
}

export function showPage(c: PortalCtx, page: PortalPage): PortalCtx {
  return { ...c, s: { ...c.s, page } };
}

export function showAdd(c: PortalCtx, add: AddMethodStage | undefined): PortalCtx {
  return showPage(c, { page: 'securityInfo', add });
}

type Add = NonNullable<Extract<PortalPage, { page: 'securityInfo' }>['add']>;
export const addOf = (c: PortalCtx): Add | undefined =>
  c.s.page.page === 'securityInfo' ? c.s.page.add : undefined;

/** An error shown on the page that is open (the sign-in pages, Change password, the dialogs). */
export function withError(c: PortalCtx, error: string): PortalCtx {
  const p = c.s.page;
  if (p.page === 'signin' || p.page === 'password' || p.page === 'changePassword')
    return showPage(c, { ...p, error });
  const a = addOf(c);
  if (
    a &&
    (a.stage === 'enterPhone' || a.stage === 'enterCode' || a.stage === 'scan' || a.stage === 'tryItOut')
  )
    return showAdd(c, { ...a, error });
  return c;
}

/** Sign-in log failures, with Entra's error codes. */
export const FAILURE = {
  unknown: { errorCode: 50034, failureReason: 'The user account does not exist in the directory.' },
  disabled: { errorCode: 50057, failureReason: 'User account is disabled.' },
  password: {
    errorCode: 50126,
    failureReason: 'Error validating credentials due to invalid username or password.',
  },
} as const;

export function logSignIn(
  c: PortalCtx,
  user: string,
  status: 'Success' | 'Failure' | 'Interrupted',
  failure?: { errorCode: number; failureReason: string },
): PortalCtx {
  return { ...c, t: signInLog(c.t, c.now, { user, application: MY_ACCOUNT_APP, status, ...failure }) };
}

/**
 * A phone number as Microsoft stores it: `+<country code> <national number>` (troubleshoot-sspr:
 * "+1 4251234567"). A number typed whole keeps the country code the user typed before the space.
 */
export function normalPhone(phone: string, countryCode?: string): string {
  if (countryCode) return `+${countryCode.replace(/\D/g, '')} ${phone.replace(/\D/g, '')}`;
  const m = /^\s*\+(\d{1,3})[\s-]+(.*)$/.exec(phone);
  if (m) return `+${m[1]} ${(m[2] ?? '').replace(/\D/g, '')}`;
  const d = phone.replace(/[^\d+]/g, '');
  return d.startsWith('+') ? d : `+${d}`;
}

export function phoneValid(phone: string): boolean {
  return phone.replace(/\D/g, '').length >= 8;
}

export function sendSmsCode(c: PortalCtx, phone: string): PortalCtx {
  const [code, rng] = nextDigits(c.t.rng, 6);
  return {
    ...c,
    t: { ...c.t, rng },
    s: {
      ...c.s,
      page: { page: 'securityInfo', add: { method: 'phone', stage: 'enterCode', phone } },
      secrets: { ...c.s.secrets, smsCode: code },
    },
    effects: [...c.effects, { type: 'sms', to: phone, text: REGISTRATION_TEXT.smsBody(code) }],
  };
}

export function placeCall(c: PortalCtx, phone: string): PortalCtx {
  const [requestId, rng] = nextGuid(c.t.rng);
  return {
    ...c,
    t: { ...c.t, rng },
    s: {
      ...c.s,
      page: { page: 'securityInfo', add: { method: 'phone', stage: 'calling', phone } },
      secrets: { ...c.s.secrets, callRequestId: requestId },
    },
    effects: [...c.effects, { type: 'call', to: phone, requestId, prompt: REGISTRATION_TEXT.callPrompt }],
  };
}

/** Audits the completion of SSPR registration the moment a user first has all the policy needs. */
export function registeredNow(
  before: TenantState,
  after: TenantState,
  u: CloudUser,
  now: number,
): TenantState {
  const b = before.users.find((x) => x.id === u.id);
  const a = after.users.find((x) => x.id === u.id);
  if (!b || !a || ssprRegistered(before, b) || !ssprRegistered(after, a)) return after;
  const t = ssprAudit(
    after,
    now,
    ACTIVITY.registered,
    'Success',
    u.upn,
    'User registered all required data for SSPR',
  );
  return updateUser(t, u.id, { methodsConfirmedAt: now });
}

/** Security info keeps the phone: the method, the audit entry, and registration if now complete. */
export function registerPhone(c: PortalCtx, u: CloudUser, phone: string, how: 'SMS' | 'Voice'): PortalCtx {
  let t = updateUser(c.t, u.id, {
    methods: { ...u.methods, sms: { phone, registeredAt: c.now } },
    methodsConfirmedAt: c.now,
  });
  t = audit(t, c.now, {
    service: 'Authentication Methods',
    category: 'UserManagement',
    activity: 'User registered security info',
    status: 'Success',
    statusReason: how === 'SMS' ? 'User registered Mobile Phone SMS' : 'User registered Mobile Phone Call',
    target: u.upn,
    initiatedBy: u.upn,
  });
  t = registeredNow(c.t, t, u, c.now);
  const text = how === 'SMS' ? REGISTRATION_TEXT.smsVerified : REGISTRATION_TEXT.callAnswered;
  return {
    ...c,
    t,
    s: { ...c.s, page: { page: 'securityInfo', add: { method: 'phone', stage: 'done', text } }, secrets: {} },
  };
}

export function showQrCode(c: PortalCtx): PortalCtx {
  const [code, rng] = nextDigits(c.t.rng, 9);
  const [url, rng2] = nextHex(rng, 8);
  return {
    ...c,
    t: { ...c.t, rng: rng2 },
    s: {
      ...c.s,
      page: {
        page: 'securityInfo',
        add: {
          method: 'authenticator',
          stage: 'scan',
          activationCode: code,
          url: `https://mobileappcommunicator.auth.microsoft.net/activate/${url}/WEU`,
        },
      },
      secrets: { ...c.s.secrets, activationCode: code },
    },
  };
}

/**
 * The app scanned the code: the account is added in the app and on the user. The page stays on
 * "Scan the QR code" until the user chooses Next (sendTestPush); the test notification's request
 * and number are drawn now, so they are the same whichever way the session goes on.
 */
export function activateAuthenticator(
  c: PortalCtx,
  u: CloudUser,
  phoneId: string,
  device: string,
): PortalCtx {
  const [secret, r1] = nextInt(c.t.rng, 1, 2 ** 31 - 1);
  const [requestId, r2] = nextGuid(r1);
  const [n, r3] = nextInt(r2, 10, 99);
  const t = updateUser({ ...c.t, rng: r3 }, u.id, {
    methods: { ...u.methods, authenticator: { device, phoneId, secret, registeredAt: c.now } },
  });
  const a = addOf(c);
  return {
    ...c,
    t,
    s: {
      ...c.s,
      page: a?.stage === 'scan' ? { page: 'securityInfo', add: { ...a, error: undefined } } : c.s.page,
      secrets: { ...c.s.secrets, activationCode: undefined, pushRequestId: requestId, pushNumber: n },
    },
    registered: { account: u.upn, secret },
  };
}

/** Next after the scan: "Let's try it out", and the test notification goes to the app. */
export function sendTestPush(c: PortalCtx, u: CloudUser): PortalCtx {
  const { pushRequestId: requestId, pushNumber: n } = c.s.secrets;
  const phoneId = u.methods.authenticator?.phoneId;
  if (!requestId || n === undefined || !phoneId) return c;
  return {
    ...c,
    s: {
      ...c.s,
      page: { page: 'securityInfo', add: { method: 'authenticator', stage: 'tryItOut', number: n } },
    },
    effects: [...c.effects, { type: 'push', phoneId, requestId, account: u.upn, number: n }],
  };
}

export function authenticatorApproved(c: PortalCtx, u: CloudUser): PortalCtx {
  let t = updateUser(c.t, u.id, { methodsConfirmedAt: c.now });
  t = audit(t, c.now, {
    service: 'Authentication Methods',
    category: 'UserManagement',
    activity: 'User registered security info',
    status: 'Success',
    statusReason: 'User registered Microsoft Authenticator',
    target: u.upn,
    initiatedBy: u.upn,
  });
  t = registeredNow(c.t, t, u, c.now);
  return {
    ...c,
    t,
    s: {
      ...c.s,
      page: {
        page: 'securityInfo',
        add: { method: 'authenticator', stage: 'done', text: REGISTRATION_TEXT.authenticatorApproved },
      },
      secrets: {},
    },
  };
}

export function requestChange(
  c: PortalCtx,
  u: CloudUser,
  oldPassword: string,
  newPassword: string,
): PortalCtx {
  const [trackingId, rng] = nextGuid(c.t.rng);
  return {
    ...c,
    t: { ...c.t, rng },
    s: { ...c.s, page: { page: 'working' }, secrets: { pendingPassword: newPassword, trackingId } },
    effects: [
      ...c.effects,
      {
        type: 'writeback',
        purpose: 'myaccount',
        request: {
          kind: 'app.relay.request',
          trackingId,
          op: 'change',
          anchor: u.onPremisesImmutableId ?? '',
          upn: u.upn,
          newPassword,
          oldPassword,
        },
      },
    ],
  };
}

/** A cloud-only user's change: the password is set in Entra ID at once. */
export function changeInCloud(c: PortalCtx, newPassword: string): PortalCtx {
  const u = userOf(c);
  if (!u) return c;
  let t = updateUser(c.t, u.id, { password: newPassword, passwordSetAt: c.now });
  t = ssprAudit(t, c.now, ACTIVITY.change, 'Success', u.upn, 'User successfully changed password');
  return { ...c, t, s: { ...c.s, page: { page: 'changed', text: MYACCOUNT_TEXT.changed } } };
}

export function changeWrittenBack(c: PortalCtx): PortalCtx {
  const u = userOf(c);
  if (!u) return c;
  let t = c.s.secrets.pendingPassword
    ? updateUser(c.t, u.id, { password: c.s.secrets.pendingPassword, passwordSetAt: c.now })
    : c.t;
  t = ssprAudit(t, c.now, ACTIVITY.change, 'Success', u.upn, 'User successfully changed password', {
    OnPremisesAgent: 'Microsoft Entra Connect',
  });
  return { ...c, t, s: { ...c.s, page: { page: 'changed', text: MYACCOUNT_TEXT.changed }, secrets: {} } };
}

/** AD (or the way to it) refused the change: back to Change password with the reason. */
export function changeRefused(c: PortalCtx, failure: WritebackFailure | 'timeout' | undefined): PortalCtx {
  const u = userOf(c);
  if (!u) return c;
  const reason =
    failure === 'wrong-password'
      ? MYACCOUNT_TEXT.wrongOld
      : failure === 'policy'
        ? SSPR_TEXT.onPremPolicy
        : failure === 'timeout'
          ? SSPR_ERRORS.SSPR_0030.technical
          : SSPR_ERRORS.SSPR_0029.technical;
  const t = ssprAudit(c.t, c.now, ACTIVITY.change, 'Failure', u.upn, reason);
  return { ...c, t, s: { ...c.s, page: { page: 'changePassword', error: reason }, secrets: {} } };
}
