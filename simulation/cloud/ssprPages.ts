/**
 * What the SSPR pages' state machine does on its transitions, as plain functions over one step's
 * context: build each page's data, draw a CAPTCHA, record an attempt, audit, and turn a reset or
 * an unlock into a writeback request. The chart (ssprChart.ts) names them; they hold the logic.
 */
import { nextGuid, nextInt, pick } from '../core/random';
import { HOUR } from '../core/time';
import { ACTIVITY, ssprAudit } from './audit';
import type { TenantEffect } from './effects';
import { methodsRequired, usableMethods, type SsprMethod } from './policy';
import { SSPR_ERRORS, SSPR_TEXT, maskPhone, type SsprErrorCode } from './texts';
import type { SsprFlow, SsprPage } from './ssprTypes';
import type { CloudUser, TenantState } from './tenantState';

/** One step of the SSPR machine: the tenant and the flow it may change, the time, what goes out. */
export interface SsprCtx {
  t: TenantState;
  f: SsprFlow;
  now: number;
  effects: TenantEffect[];
}

/** Microsoft's own limit: five attempts for the same account within an hour block it for 24 hours. */
export const RESET_ATTEMPTS_PER_HOUR = 5;
export const BLOCK_HOURS = 24;

const CAPTCHA_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'.split('');

export const family = (m: SsprMethod) => (m.startsWith('authenticator') ? 'authenticator' : m);
export const digits = (s: string) => s.replace(/\D/g, '');

export function userOf(c: SsprCtx): CloudUser | undefined {
  return c.f.userId ? c.t.users.find((u) => u.id === c.f.userId) : undefined;
}

export function newCaptcha(t: TenantState): [string, TenantState] {
  let rng = t.rng;
  const [len, r0] = nextInt(rng, 6, 8);
  rng = r0;
  let out = '';
  for (let i = 0; i < len; i++) {
    const [ch, r] = pick(rng, CAPTCHA_CHARS);
    out += ch;
    rng = r;
  }
  return [out, { ...t, rng }];
}

/** "Get back into your account" with a fresh CAPTCHA, the user ID kept (or prefilled). */
export function userIdPage(c: SsprCtx, userId: string, error?: string): SsprCtx {
  const [captcha, t] = newCaptcha(c.t);
  return { ...c, t, f: { ...c.f, page: { page: 'userId', captcha, userId, error } } };
}

/** A "We're sorry" page with its code, and the support code the page's link reveals. */
export function errorPage(c: SsprCtx, code: SsprErrorCode | 'blocked', userId?: string): SsprCtx {
  const [supportCode, rng] = nextGuid(c.t.rng);
  const common = { page: 'error' as const, code, supportCode, at: c.now, userId };
  const page: SsprPage =
    code === 'blocked'
      ? { ...common, heading: "We're sorry", details: '', technical: SSPR_TEXT.blocked }
      : {
          ...common,
          heading: SSPR_ERRORS[code].heading,
          details: SSPR_ERRORS[code].details,
          technical: SSPR_ERRORS[code].technical,
          followUp: SSPR_ERRORS[code].followUp,
        };
  return { ...c, t: { ...c.t, rng }, f: { ...c.f, page } };
}

/** "verification step n": the methods the policy allows and the user registered, not yet used. */
export function verifyPage(c: SsprCtx): SsprCtx {
  const u = userOf(c);
  if (!u) return c;
  const options = usableMethods(c.t, u).filter((m) => !c.f.verified.includes(family(m)));
  const page: SsprPage = {
    page: 'verify',
    step: c.f.verified.length + 1,
    required: methodsRequired(c.t, u),
    options,
    maskedPhone: u.methods.sms ? maskPhone(u.methods.sms.phone) : undefined,
    smsSent: false,
    pushSent: false,
  };
  return { ...c, f: { ...c.f, page } };
}

export function recentAttempts(c: SsprCtx, u: CloudUser): number[] {
  return (c.t.resetAttempts[u.id] ?? []).filter((x) => c.now - x < HOUR);
}

export function recordAttempt(c: SsprCtx, u: CloudUser): SsprCtx {
  const attempts = [...recentAttempts(c, u), c.now];
  return { ...c, t: { ...c.t, resetAttempts: { ...c.t.resetAttempts, [u.id]: attempts } } };
}

export function block(c: SsprCtx, u: CloudUser): SsprCtx {
  let t: TenantState = {
    ...c.t,
    blockedUntil: { ...c.t.blockedUntil, [u.id]: c.now + BLOCK_HOURS * HOUR },
  };
  t = ssprAudit(
    t,
    c.now,
    ACTIVITY.blocked,
    'Success',
    u.upn,
    // unconfirmed: no source gives this activity's status reason (the 2017 list has none for
    // resets); the activity's name says what happened, so none is invented here.
  );
  return { ...c, t };
}

/** A writeback request over the relay for this user, remembered by its tracking id. */
export function writeback(c: SsprCtx, u: CloudUser, op: 'reset' | 'unlock', newPassword?: string): SsprCtx {
  const [trackingId, rng] = nextGuid(c.t.rng);
  const effect: TenantEffect = {
    type: 'writeback',
    purpose: 'sspr',
    request: {
      kind: 'app.relay.request',
      trackingId,
      op,
      anchor: u.onPremisesImmutableId ?? '',
      upn: u.upn,
      ...(newPassword !== undefined ? { newPassword } : {}),
    },
  };
  return {
    ...c,
    t: { ...c.t, rng },
    f: {
      ...c.f,
      page: { page: 'working', action: op },
      secrets: { ...c.f.secrets, trackingId, pendingPassword: newPassword },
    },
    effects: [...c.effects, effect],
  };
}

export const DONE_TEXT = {
  reset: 'To sign in with your new password, go to https://myapps.microsoft.com.',
  unlock: 'You can now sign in with your existing password.',
} as const;
