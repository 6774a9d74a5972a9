/**
 * The SSPR machine's later steps as plain functions over one step's context: the verification
 * page (choose a method, text a code, send a notification and its answer), the new password set
 * in the cloud, and the writeback's answer turned into the result or error page.
 */
import { nextDigits, nextGuid, nextInt } from '../core/random';
import type { WritebackFailure } from '../net/appMessages';
import { ACTIVITY, ssprAudit } from './audit';
import { ssprPrecheck, totpValid, type SsprMethod } from './policy';
import { DONE_TEXT, errorPage, family, userOf, type SsprCtx } from './ssprPages';
import type { SsprPage } from './ssprTypes';
import { ON_PREM_POLICY_REASON, SSPR_ERRORS, SSPR_TEXT, type SsprErrorCode } from './texts';
import { updateUser, type CloudUser } from './tenantState';

type Verify = Extract<SsprPage, { page: 'verify' }>;

export const verifyOf = (c: SsprCtx): Verify | undefined =>
  c.f.page.page === 'verify' ? c.f.page : undefined;
export const workingOn = (c: SsprCtx) => (c.f.page.page === 'working' ? c.f.page.action : undefined);

export function withVerify(c: SsprCtx, patch: Partial<Verify>): SsprCtx {
  const v = verifyOf(c);
  return v ? { ...c, f: { ...c.f, page: { ...v, ...patch } } } : c;
}

/** The checks after the CAPTCHA failed: the audit entry and the page with the code. */
export function precheckError(c: SsprCtx, u: CloudUser, typed: string): SsprCtx {
  const code = ssprPrecheck(c.t, u, c.now);
  if (!code) return c;
  const t = ssprAudit(c.t, c.now, ACTIVITY.progress, 'Failure', u.upn, SSPR_ERRORS[code].auditReason);
  return errorPage({ ...c, t }, code, typed);
}

export function pickMethod(c: SsprCtx, method: SsprMethod): SsprCtx {
  return withVerify(c, {
    method,
    smsSent: false,
    pushSent: false,
    pushNumber: undefined,
    error: undefined,
    message: undefined,
  });
}

export function codeValid(c: SsprCtx, typed: string): boolean {
  const v = verifyOf(c);
  const u = userOf(c);
  if (!v || !u) return false;
  const code = typed.trim();
  if (v.method === 'sms') return v.smsSent && !!c.f.secrets.smsCode && code === c.f.secrets.smsCode;
  return (
    v.method === 'authenticatorCode' &&
    !!u.methods.authenticator &&
    totpValid(u.methods.authenticator.secret, c.now, code)
  );
}

export function sendSmsCode(c: SsprCtx): SsprCtx {
  const u = userOf(c);
  if (!u?.methods.sms) return c;
  const [code, rng] = nextDigits(c.t.rng, 6);
  const v = withVerify(c, { smsSent: true, error: undefined, message: SSPR_TEXT.codeSent });
  return {
    ...v,
    t: { ...c.t, rng },
    f: { ...v.f, secrets: { ...v.f.secrets, smsCode: code } },
    effects: [
      ...c.effects,
      { type: 'sms', to: u.methods.sms.phone, text: SSPR_TEXT.smsBody(c.t.name, code) },
    ],
  };
}

export function markVerified(c: SsprCtx, how: 'code' | 'push'): SsprCtx {
  const m = verifyOf(c)?.method;
  if (!m) return c;
  const secrets =
    how === 'code' ? { ...c.f.secrets, smsCode: undefined } : { ...c.f.secrets, pushRequestId: undefined };
  return { ...c, f: { ...c.f, verified: [...c.f.verified, family(m)], secrets } };
}

export function sendPush(c: SsprCtx): SsprCtx {
  const u = userOf(c);
  if (!u?.methods.authenticator) return c;
  const [requestId, r1] = nextGuid(c.t.rng);
  const [n, r2] = nextInt(r1, 10, 99);
  const v = withVerify(c, {
    pushSent: true,
    pushNumber: n,
    error: undefined,
    message: SSPR_TEXT.notificationSent,
  });
  const { phoneId } = u.methods.authenticator;
  return {
    ...v,
    t: { ...c.t, rng: r2 },
    f: { ...v.f, secrets: { ...v.f.secrets, pushRequestId: requestId } },
    effects: [...c.effects, { type: 'push', phoneId, requestId, account: u.upn, number: n }],
  };
}

export function pushDenied(c: SsprCtx): SsprCtx {
  const v = withVerify(c, { pushSent: false, error: SSPR_TEXT.notificationDenied, message: undefined });
  return { ...v, f: { ...v.f, secrets: { ...v.f.secrets, pushRequestId: undefined } } };
}

export function auditBanned(c: SsprCtx): SsprCtx {
  const u = userOf(c);
  if (!u) return c;
  return {
    ...c,
    t: ssprAudit(c.t, c.now, ACTIVITY.reset, 'Failure', u.upn, 'FuzzyPolicyViolationInvalidPassword'),
  };
}

/** A cloud-only user: the password is set in Entra ID at once. */
export function resetInCloud(c: SsprCtx, password: string): SsprCtx {
  const u = userOf(c);
  if (!u) return c;
  let t = updateUser(c.t, u.id, { password, passwordSetAt: c.now });
  t = ssprAudit(t, c.now, ACTIVITY.reset, 'Success', u.upn, 'User successfully reset password');
  return {
    ...c,
    t,
    f: { ...c.f, page: { page: 'done', heading: SSPR_TEXT.success, text: DONE_TEXT.reset } },
  };
}

export function writebackDone(c: SsprCtx): SsprCtx {
  const u = userOf(c);
  const action = workingOn(c);
  if (!u || !action) return c;
  let t = c.t;
  if (action === 'reset' && c.f.secrets.pendingPassword)
    t = updateUser(t, u.id, { password: c.f.secrets.pendingPassword, passwordSetAt: c.now });
  t = ssprAudit(
    t,
    c.now,
    action === 'unlock' ? ACTIVITY.unlock : ACTIVITY.reset,
    'Success',
    u.upn,
    action === 'unlock' ? 'User successfully unlocked account' : 'User successfully reset password',
    { OnPremisesAgent: 'Microsoft Entra Connect' },
  );
  const page: SsprPage =
    action === 'unlock'
      ? { page: 'done', heading: SSPR_TEXT.unlockSuccess, text: DONE_TEXT.unlock }
      : { page: 'done', heading: SSPR_TEXT.success, text: DONE_TEXT.reset };
  return { ...c, t, f: { ...c.f, page, secrets: {} } };
}

/** AD refused the new password (policy): back to "Choose a new password" with the reason. */
export function writebackRefused(c: SsprCtx): SsprCtx {
  const u = userOf(c);
  if (!u) return c;
  const t = ssprAudit(
    c.t,
    c.now,
    ACTIVITY.reset,
    'Failure',
    u.upn,
    // The documented reason for a password AD's policy refuses ("Troubleshoot self-service password
    // reset", SSPR usage table), the same one an admin reset gets (cloud/adminPortal.ts).
    ON_PREM_POLICY_REASON,
  );
  return {
    ...c,
    t,
    f: {
      ...c.f,
      page: { page: 'newPassword', error: SSPR_TEXT.onPremPolicy },
      secrets: { ...c.f.secrets, pendingPassword: undefined },
    },
  };
}

export function writebackFailed(c: SsprCtx, failure: WritebackFailure | 'timeout' | undefined): SsprCtx {
  const u = userOf(c);
  const action = workingOn(c);
  if (!u || !action) return c;
  // The relay not answering is a connectivity error (SSPR_0030); once the agent answers, any
  // failure on the AD side, a DC it cannot locate included, is SSPR_0029 (reference 3.1, L21).
  const code: SsprErrorCode = failure === 'timeout' ? 'SSPR_0030' : 'SSPR_0029';
  const t = ssprAudit(
    c.t,
    c.now,
    action === 'unlock' ? ACTIVITY.unlock : ACTIVITY.reset,
    'Failure',
    u.upn,
    SSPR_ERRORS[code].auditReason,
  );
  const e = errorPage({ ...c, t }, code, u.upn);
  return { ...e, f: { ...e.f, secrets: {} } };
}
