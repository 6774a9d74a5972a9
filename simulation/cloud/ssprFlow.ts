/**
 * The self-service password reset pages at passwordreset.microsoftonline.com, as a pure state
 * machine over the tenant: "Get back into your account" (user ID and CAPTCHA), the checks in
 * Microsoft's order, "Why are you having trouble signing in?", one or two verification steps with
 * the methods the policy allows and the user registered, "Choose a new password", and the result
 * or a "We're sorry" page with its SSPR_00xx code. Network work (SMS, Authenticator push,
 * writeback over the relay) comes out as effects; their results come back in as actions.
 */
import { nextDigits, nextGuid, nextInt, pick } from '../core/random';
import { HOUR } from '../core/time';
import type { WritebackFailure } from '../net/appMessages';
import { ACTIVITY, ssprAudit } from './audit';
import type { TenantEffect } from './effects';
import {
  cloudPasswordProblem,
  distinctMethodCount,
  isBanned,
  methodsRequired,
  ssprPrecheck,
  totpValid,
  usableMethods,
  type SsprMethod,
} from './policy';
import { SSPR_ERRORS, SSPR_TEXT, type SsprErrorCode } from './texts';
import { findCloudUser, updateUser, type CloudUser, type TenantState } from './tenantState';

export type SsprPage =
  | { page: 'closed' }
  | { page: 'userId'; captcha: string; userId: string; error?: string }
  | { page: 'trouble' }
  | {
      page: 'verify';
      step: number;
      required: number;
      options: SsprMethod[];
      method?: SsprMethod;
      smsSent: boolean;
      pushSent: boolean;
      /** Number matching: the number to type into the Authenticator app. */
      pushNumber?: number;
      error?: string;
      message?: string;
    }
  | { page: 'newPassword'; error?: string }
  | { page: 'working'; action: 'reset' | 'unlock' }
  | { page: 'done'; heading: string; text: string }
  | {
      page: 'error';
      heading: string;
      technical: string;
      code?: SsprErrorCode | 'blocked';
      supportCode: string;
    };

export interface SsprFlow {
  page: SsprPage;
  /** The cloud user the flow is for, once known. */
  userId?: string;
  mode: 'forgot' | 'unlock';
  verified: string[];
  /** Truth only: what the cloud sent and must check. */
  secrets: { smsCode?: string; pushRequestId?: string; pendingPassword?: string; trackingId?: string };
}

export type SsprAction =
  | { type: 'open' }
  | { type: 'close' }
  | { type: 'submitUser'; userId: string; captcha: string }
  | { type: 'chooseTrouble'; option: 'forgot' | 'unlock' }
  | { type: 'chooseMethod'; method: SsprMethod }
  | { type: 'sendSms'; phone: string }
  | { type: 'enterCode'; code: string }
  | { type: 'sendNotification' }
  | { type: 'pushAnswer'; requestId: string; approved: boolean; number?: number }
  | { type: 'submitPassword'; password: string; confirm: string }
  | { type: 'writebackResult'; ok: boolean; failure?: WritebackFailure | 'timeout' };

export const CLOSED_FLOW: SsprFlow = { page: { page: 'closed' }, mode: 'forgot', verified: [], secrets: {} };

export interface StepResult {
  tenant: TenantState;
  flow: SsprFlow;
  effects: TenantEffect[];
}

const CAPTCHA_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'.split('');
const family = (m: SsprMethod) => (m.startsWith('authenticator') ? 'authenticator' : m);
const digits = (s: string) => s.replace(/\D/g, '');

function newCaptcha(t: TenantState): [string, TenantState] {
  let rng = t.rng;
  const [len, r0] = nextInt(rng, 6, 8);
  rng = r0;
  let out = '';
  for (let i = 0; i < len; i++) {
    const [c, r] = pick(rng, CAPTCHA_CHARS);
    out += c;
    rng = r;
  }
  return [out, { ...t, rng }];
}

function errorPage(t: TenantState, code: SsprErrorCode | 'blocked'): [SsprPage, TenantState] {
  const [support, rng] = nextGuid(t.rng);
  const tenant = { ...t, rng };
  if (code === 'blocked')
    return [
      { page: 'error', heading: "We're sorry", technical: SSPR_TEXT.blocked, code, supportCode: support },
      tenant,
    ];
  const e = SSPR_ERRORS[code];
  return [{ page: 'error', heading: e.heading, technical: e.technical, code, supportCode: support }, tenant];
}

function verifyPage(t: TenantState, u: CloudUser, flow: SsprFlow): SsprPage {
  const options = usableMethods(t, u).filter((m) => !flow.verified.includes(family(m)));
  return {
    page: 'verify',
    step: flow.verified.length + 1,
    required: methodsRequired(t, u),
    options,
    smsSent: false,
    pushSent: false,
  };
}

function afterVerified(t: TenantState, u: CloudUser, flow: SsprFlow): StepResult {
  if (flow.verified.length < methodsRequired(t, u))
    return { tenant: t, flow: { ...flow, page: verifyPage(t, u, flow) }, effects: [] };
  if (flow.mode === 'unlock') {
    const [trackingId, rng] = nextGuid(t.rng);
    return {
      tenant: { ...t, rng },
      flow: {
        ...flow,
        page: { page: 'working', action: 'unlock' },
        secrets: { ...flow.secrets, trackingId },
      },
      effects: [
        {
          type: 'writeback',
          purpose: 'sspr',
          request: {
            kind: 'app.relay.request',
            trackingId,
            op: 'unlock',
            anchor: u.onPremisesImmutableId ?? '',
            upn: u.upn,
          },
        },
      ],
    };
  }
  return { tenant: t, flow: { ...flow, page: { page: 'newPassword' } }, effects: [] };
}

export function ssprStep(t: TenantState, flow: SsprFlow, action: SsprAction, now: number): StepResult {
  const same = (tenant: TenantState = t, f: SsprFlow = flow): StepResult => ({
    tenant,
    flow: f,
    effects: [],
  });
  const page = flow.page;

  if (action.type === 'open') {
    const [captcha, tenant] = newCaptcha(t);
    return same(tenant, { ...CLOSED_FLOW, page: { page: 'userId', captcha, userId: '' } });
  }
  if (action.type === 'close') return same(t, CLOSED_FLOW);

  const user = flow.userId ? t.users.find((u) => u.id === flow.userId) : undefined;

  switch (action.type) {
    case 'submitUser': {
      if (page.page !== 'userId') return same();
      const retry = (error: string): StepResult => {
        const [captcha, tenant] = newCaptcha(t);
        return same(tenant, { ...flow, page: { page: 'userId', captcha, userId: action.userId, error } });
      };
      if (action.userId.trim() === '') return retry(SSPR_TEXT.emptyUser);
      if (action.captcha.trim().toUpperCase() !== page.captcha.toUpperCase())
        return retry(SSPR_TEXT.captchaWrong);
      const u = findCloudUser(t, action.userId);
      if (!u) return retry(SSPR_TEXT.unknownUser);
      let tenant = t;
      if ((tenant.blockedUntil[u.id] ?? 0) > now) {
        const [p, t2] = errorPage(tenant, 'blocked');
        return same(t2, { ...flow, userId: u.id, page: p });
      }
      const recent = (tenant.resetAttempts[u.id] ?? []).filter((x) => now - x < HOUR);
      if (recent.length >= 5) {
        tenant = { ...tenant, blockedUntil: { ...tenant.blockedUntil, [u.id]: now + 24 * HOUR } };
        tenant = ssprAudit(
          tenant,
          now,
          ACTIVITY.blocked,
          'Success',
          u.upn,
          'User tried to reset password too many times and is blocked for 24 hours',
        );
        const [p, t2] = errorPage(tenant, 'blocked');
        return same(t2, { ...flow, userId: u.id, page: p });
      }
      tenant = { ...tenant, resetAttempts: { ...tenant.resetAttempts, [u.id]: [...recent, now] } };
      const code = ssprPrecheck(tenant, u, now);
      if (code) {
        tenant = ssprAudit(tenant, now, ACTIVITY.progress, 'Failure', u.upn, SSPR_ERRORS[code].auditReason);
        const [p, t2] = errorPage(tenant, code);
        return same(t2, { ...flow, userId: u.id, page: p });
      }
      const next: SsprFlow = { ...flow, userId: u.id, verified: [], mode: 'forgot', secrets: {} };
      if (tenant.sspr.onPremises.allowUnlock && u.onPremisesSyncEnabled)
        return same(tenant, { ...next, page: { page: 'trouble' } });
      return same(tenant, { ...next, page: verifyPage(tenant, u, next) });
    }
    case 'chooseTrouble': {
      if (page.page !== 'trouble' || !user) return same();
      const next = { ...flow, mode: action.option };
      return same(t, { ...next, page: verifyPage(t, user, next) });
    }
    case 'chooseMethod': {
      if (page.page !== 'verify' || !page.options.includes(action.method)) return same();
      return same(t, {
        ...flow,
        page: {
          ...page,
          method: action.method,
          smsSent: false,
          pushSent: false,
          pushNumber: undefined,
          error: undefined,
          message: undefined,
        },
      });
    }
    case 'sendSms': {
      if (page.page !== 'verify' || page.method !== 'sms' || !user?.methods.sms) return same();
      if (digits(action.phone) !== digits(user.methods.sms.phone)) {
        return same(t, { ...flow, page: { ...page, error: SSPR_TEXT.phoneMismatch, message: undefined } });
      }
      const [code, rng] = nextDigits(t.rng, 6);
      return {
        tenant: { ...t, rng },
        flow: {
          ...flow,
          page: { ...page, smsSent: true, error: undefined, message: SSPR_TEXT.codeSent },
          secrets: { ...flow.secrets, smsCode: code },
        },
        effects: [{ type: 'sms', to: user.methods.sms.phone, text: SSPR_TEXT.smsBody(t.name, code) }],
      };
    }
    case 'enterCode': {
      if (page.page !== 'verify' || !user || !page.method) return same();
      const code = action.code.trim();
      const good =
        page.method === 'sms'
          ? page.smsSent && !!flow.secrets.smsCode && code === flow.secrets.smsCode
          : page.method === 'authenticatorCode' &&
            !!user.methods.authenticator &&
            totpValid(user.methods.authenticator.secret, now, code);
      if (!good) return same(t, { ...flow, page: { ...page, error: SSPR_TEXT.codeWrong } });
      const next = {
        ...flow,
        verified: [...flow.verified, family(page.method)],
        secrets: { ...flow.secrets, smsCode: undefined },
      };
      return afterVerified(t, user, next);
    }
    case 'sendNotification': {
      if (
        page.page !== 'verify' ||
        page.method !== 'authenticatorNotification' ||
        !user?.methods.authenticator
      )
        return same();
      const [requestId, r1] = nextGuid(t.rng);
      const [n, r2] = nextInt(r1, 10, 99);
      return {
        tenant: { ...t, rng: r2 },
        flow: {
          ...flow,
          page: {
            ...page,
            pushSent: true,
            pushNumber: n,
            error: undefined,
            message: SSPR_TEXT.notificationSent,
          },
          secrets: { ...flow.secrets, pushRequestId: requestId },
        },
        effects: [
          {
            type: 'push',
            phoneId: user.methods.authenticator.phoneId,
            requestId,
            account: user.upn,
            number: n,
          },
        ],
      };
    }
    case 'pushAnswer': {
      if (
        page.page !== 'verify' ||
        !user ||
        page.method !== 'authenticatorNotification' ||
        action.requestId !== flow.secrets.pushRequestId
      )
        return same();
      if (!action.approved || action.number !== page.pushNumber) {
        return same(t, {
          ...flow,
          page: { ...page, pushSent: false, error: SSPR_TEXT.notificationDenied, message: undefined },
          secrets: { ...flow.secrets, pushRequestId: undefined },
        });
      }
      return afterVerified(t, user, {
        ...flow,
        verified: [...flow.verified, 'authenticator'],
        secrets: { ...flow.secrets, pushRequestId: undefined },
      });
    }
    case 'submitPassword': {
      if (page.page !== 'newPassword' || !user) return same();
      const err = (error: string) => same(t, { ...flow, page: { page: 'newPassword', error } });
      if (action.password === '') return err(SSPR_TEXT.passwordEmpty);
      if (action.password !== action.confirm) return err(SSPR_TEXT.passwordsDontMatch);
      if (isBanned(action.password)) {
        return same(
          ssprAudit(t, now, ACTIVITY.reset, 'Failure', user.upn, 'FuzzyPolicyViolationInvalidPassword'),
          { ...flow, page: { page: 'newPassword', error: SSPR_TEXT.banned } },
        );
      }
      if (cloudPasswordProblem(action.password)) return err(SSPR_TEXT.cloudPolicy);
      if (!user.onPremisesSyncEnabled) {
        let tenant = updateUser(t, user.id, { password: action.password, passwordSetAt: now });
        tenant = ssprAudit(
          tenant,
          now,
          ACTIVITY.reset,
          'Success',
          user.upn,
          'User successfully reset password',
        );
        return same(tenant, {
          ...flow,
          page: {
            page: 'done',
            heading: SSPR_TEXT.success,
            text: 'To sign in with your new password, go to https://myapps.microsoft.com.',
          },
        });
      }
      const [trackingId, rng] = nextGuid(t.rng);
      return {
        tenant: { ...t, rng },
        flow: {
          ...flow,
          page: { page: 'working', action: 'reset' },
          secrets: { ...flow.secrets, pendingPassword: action.password, trackingId },
        },
        effects: [
          {
            type: 'writeback',
            purpose: 'sspr',
            request: {
              kind: 'app.relay.request',
              trackingId,
              op: 'reset',
              anchor: user.onPremisesImmutableId ?? '',
              upn: user.upn,
              newPassword: action.password,
            },
          },
        ],
      };
    }
    case 'writebackResult': {
      if (page.page !== 'working' || !user) return same();
      const activity = page.action === 'unlock' ? ACTIVITY.unlock : ACTIVITY.reset;
      if (action.ok) {
        let tenant = t;
        if (page.action === 'reset' && flow.secrets.pendingPassword) {
          tenant = updateUser(tenant, user.id, {
            password: flow.secrets.pendingPassword,
            passwordSetAt: now,
          });
        }
        tenant = ssprAudit(
          tenant,
          now,
          activity,
          'Success',
          user.upn,
          page.action === 'unlock'
            ? 'User successfully unlocked account'
            : 'User successfully reset password',
          {
            OnPremisesAgent: 'Microsoft Entra Connect',
          },
        );
        const done: SsprPage =
          page.action === 'unlock'
            ? {
                page: 'done',
                heading: SSPR_TEXT.unlockSuccess,
                text: 'You can now sign in with your existing password.',
              }
            : {
                page: 'done',
                heading: SSPR_TEXT.success,
                text: 'To sign in with your new password, go to https://myapps.microsoft.com.',
              };
        return same(tenant, { ...flow, page: done, secrets: {} });
      }
      if (action.failure === 'policy' && page.action === 'reset') {
        const tenant = ssprAudit(
          t,
          now,
          activity,
          'Failure',
          user.upn,
          "We encountered a problem while resetting the user's on-premises password. Check your sync machine's event log",
        );
        return same(tenant, {
          ...flow,
          page: { page: 'newPassword', error: SSPR_TEXT.onPremPolicy },
          secrets: { ...flow.secrets, pendingPassword: undefined },
        });
      }
      const code: SsprErrorCode =
        action.failure === 'timeout' || action.failure === 'dc-unreachable' ? 'SSPR_0030' : 'SSPR_0029';
      let tenant = ssprAudit(t, now, activity, 'Failure', user.upn, SSPR_ERRORS[code].auditReason);
      const [p, t2] = errorPage(tenant, code);
      tenant = t2;
      return same(tenant, { ...flow, page: p, secrets: {} });
    }
  }
  return same();
}

/** Whether the user has everything SSPR needs (for the "User registered for self-service password reset" audit). */
export function ssprRegistered(t: TenantState, u: CloudUser): boolean {
  return distinctMethodCount(usableMethods(t, u)) >= methodsRequired(t, u);
}
