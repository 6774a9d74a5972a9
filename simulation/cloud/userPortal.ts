/**
 * The pages a user sees at the cloud's sign-in, My Account and Security info (combined
 * registration): signing in with the cloud password (the hash PHS synchronised, or the one set by
 * writeback or a cloud reset), the "More information required" interrupt when SSPR registration is
 * due, adding a phone (SMS code) or Microsoft Authenticator (QR activation, then a test
 * notification with number matching), and changing the password (written back to AD for synced
 * users). Pure over the tenant; network work comes out as effects.
 */
import { nextDigits, nextGuid, nextHex, nextInt } from '../core/random';
import type { WritebackFailure } from '../net/appMessages';
import { ACTIVITY, audit, signInLog, ssprAudit } from './audit';
import type { TenantEffect } from './effects';
import { cloudPasswordProblem, isBanned, listenerAlive, registrationDue, writebackReady } from './policy';
import { ssprRegistered } from './ssprFlow';
import { CLOUD_SIGNIN_TEXT, MYACCOUNT_TEXT, REGISTRATION_TEXT, SSPR_ERRORS, SSPR_TEXT } from './texts';
import { findCloudUser, updateUser, type CloudUser, type TenantState } from './tenantState';

export type AddMethodStage =
  | { method: 'phone'; stage: 'enterPhone'; error?: string }
  | { method: 'phone'; stage: 'enterCode'; phone: string; error?: string }
  | { method: 'authenticator'; stage: 'getApp' }
  | { method: 'authenticator'; stage: 'scan'; activationCode: string; url: string }
  | { method: 'authenticator'; stage: 'tryItOut'; number: number; error?: string }
  | { method: 'phone' | 'authenticator'; stage: 'done'; text: string };

export type PortalPage =
  | { page: 'closed' }
  | { page: 'signin'; upn: string; error?: string }
  | { page: 'moreInfo' }
  | { page: 'home' }
  | { page: 'securityInfo'; add?: AddMethodStage }
  | { page: 'changePassword'; error?: string }
  | { page: 'working' }
  | { page: 'changed'; text: string };

export interface PortalSession {
  page: PortalPage;
  userId?: string;
  /** Truth only. */
  secrets: {
    smsCode?: string;
    activationCode?: string;
    pushRequestId?: string;
    pendingPassword?: string;
    trackingId?: string;
    pushNumber?: number;
  };
}

export const CLOSED_PORTAL: PortalSession = { page: { page: 'closed' }, secrets: {} };

export type PortalAction =
  | { type: 'open' }
  | { type: 'close' }
  | { type: 'signIn'; upn: string; password: string }
  | { type: 'signOut' }
  | { type: 'next' }
  | { type: 'goto'; page: 'home' | 'securityInfo' | 'changePassword' }
  | { type: 'addMethod'; method: 'phone' | 'authenticator' }
  | { type: 'setPhone'; phone: string }
  | { type: 'enterCode'; code: string }
  | { type: 'authenticatorNext' }
  | { type: 'authenticatorRegistered'; phoneId: string; activationCode: string; device: string }
  | { type: 'pushAnswer'; requestId: string; approved: boolean; number?: number }
  | { type: 'changePassword'; oldPassword: string; newPassword: string; confirm: string }
  | { type: 'writebackResult'; ok: boolean; failure?: WritebackFailure | 'timeout' };

export interface PortalResult {
  tenant: TenantState;
  session: PortalSession;
  effects: TenantEffect[];
  /** For an Authenticator registration: what the app is told back. */
  registered?: { account: string; secret: number };
}

const normalPhone = (s: string) => {
  const d = s.replace(/[^\d+]/g, '');
  return d.startsWith('+') ? d : `+${d}`;
};

function registeredNow(before: TenantState, after: TenantState, u: CloudUser, now: number): TenantState {
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

export function portalStep(
  t: TenantState,
  s: PortalSession,
  action: PortalAction,
  now: number,
): PortalResult {
  const same = (
    tenant: TenantState = t,
    session: PortalSession = s,
    effects: TenantEffect[] = [],
  ): PortalResult => ({ tenant, session, effects });
  const user = s.userId ? t.users.find((u) => u.id === s.userId) : undefined;
  const page = s.page;

  switch (action.type) {
    case 'open':
      return user
        ? same(t, { ...s, page: { page: 'home' } })
        : same(t, { page: { page: 'signin', upn: '' }, secrets: {} });
    case 'close':
      return same(t, { ...s, page: { page: 'closed' } });
    case 'signOut':
      return same(t, CLOSED_PORTAL);
    case 'signIn': {
      if (page.page !== 'signin') return same();
      const u = findCloudUser(t, action.upn);
      if (!u) {
        const tenant = signInLog(t, now, {
          user: action.upn,
          application: 'My Account',
          status: 'Failure',
          errorCode: 50034,
          failureReason: 'The user account does not exist in the directory.',
        });
        return same(tenant, {
          ...s,
          page: { page: 'signin', upn: action.upn, error: CLOUD_SIGNIN_TEXT.unknownUser },
        });
      }
      if (!u.accountEnabled) {
        const tenant = signInLog(t, now, {
          user: u.upn,
          application: 'My Account',
          status: 'Failure',
          errorCode: 50057,
          failureReason: 'User account is disabled.',
        });
        return same(tenant, {
          ...s,
          page: { page: 'signin', upn: action.upn, error: CLOUD_SIGNIN_TEXT.disabled },
        });
      }
      if (u.password === undefined || u.password !== action.password) {
        const tenant = signInLog(t, now, {
          user: u.upn,
          application: 'My Account',
          status: 'Failure',
          errorCode: 50126,
          failureReason: 'Error validating credentials due to invalid username or password.',
        });
        return same(tenant, {
          ...s,
          page: { page: 'signin', upn: action.upn, error: CLOUD_SIGNIN_TEXT.badPassword },
        });
      }
      const due = registrationDue(t, u, now);
      const tenant = signInLog(t, now, {
        user: u.upn,
        application: 'My Account',
        status: due ? 'Interrupted' : 'Success',
      });
      return same(tenant, { page: due ? { page: 'moreInfo' } : { page: 'home' }, userId: u.id, secrets: {} });
    }
    case 'next':
      if (page.page === 'moreInfo') return same(t, { ...s, page: { page: 'securityInfo' } });
      return same();
    case 'goto':
      if (!user) return same();
      return same(t, {
        ...s,
        page:
          action.page === 'home'
            ? { page: 'home' }
            : action.page === 'securityInfo'
              ? { page: 'securityInfo' }
              : { page: 'changePassword' },
      });
    case 'addMethod': {
      if (!user || page.page !== 'securityInfo') return same();
      return same(t, {
        ...s,
        page: {
          page: 'securityInfo',
          add:
            action.method === 'phone'
              ? { method: 'phone', stage: 'enterPhone' }
              : { method: 'authenticator', stage: 'getApp' },
        },
      });
    }
    case 'setPhone': {
      if (
        !user ||
        page.page !== 'securityInfo' ||
        page.add?.method !== 'phone' ||
        page.add.stage !== 'enterPhone'
      )
        return same();
      const phone = normalPhone(action.phone);
      if (phone.replace(/\D/g, '').length < 8)
        return same(t, {
          ...s,
          page: {
            page: 'securityInfo',
            add: { method: 'phone', stage: 'enterPhone', error: 'Please enter a valid phone number.' },
          },
        });
      const [code, rng] = nextDigits(t.rng, 6);
      return same(
        { ...t, rng },
        {
          ...s,
          page: { page: 'securityInfo', add: { method: 'phone', stage: 'enterCode', phone } },
          secrets: { ...s.secrets, smsCode: code },
        },
        [{ type: 'sms', to: phone, text: REGISTRATION_TEXT.smsBody(code) }],
      );
    }
    case 'enterCode': {
      if (
        !user ||
        page.page !== 'securityInfo' ||
        page.add?.method !== 'phone' ||
        page.add.stage !== 'enterCode'
      )
        return same();
      if (action.code.trim() !== s.secrets.smsCode) {
        return same(t, {
          ...s,
          page: { page: 'securityInfo', add: { ...page.add, error: REGISTRATION_TEXT.codeWrong } },
        });
      }
      let tenant = updateUser(t, user.id, {
        methods: { ...user.methods, sms: { phone: page.add.phone, registeredAt: now } },
        methodsConfirmedAt: now,
      });
      tenant = audit(tenant, now, {
        service: 'Authentication Methods',
        category: 'UserManagement',
        activity: 'User registered security info',
        status: 'Success',
        statusReason: 'User registered Mobile Phone SMS',
        target: user.upn,
        initiatedBy: user.upn,
      });
      tenant = registeredNow(t, tenant, user, now);
      return same(tenant, {
        ...s,
        page: {
          page: 'securityInfo',
          add: { method: 'phone', stage: 'done', text: REGISTRATION_TEXT.smsVerified },
        },
        secrets: {},
      });
    }
    case 'authenticatorNext': {
      if (
        !user ||
        page.page !== 'securityInfo' ||
        page.add?.method !== 'authenticator' ||
        page.add.stage !== 'getApp'
      )
        return same();
      const [code, rng] = nextDigits(t.rng, 9);
      const [url, rng2] = nextHex(rng, 8);
      return same(
        { ...t, rng: rng2 },
        {
          ...s,
          page: {
            page: 'securityInfo',
            add: {
              method: 'authenticator',
              stage: 'scan',
              activationCode: code,
              url: `https://mobileappcommunicator.auth.microsoft.net/activate/${url}/WEU`,
            },
          },
          secrets: { ...s.secrets, activationCode: code },
        },
      );
    }
    case 'authenticatorRegistered': {
      if (
        !user ||
        page.page !== 'securityInfo' ||
        page.add?.method !== 'authenticator' ||
        page.add.stage !== 'scan' ||
        action.activationCode !== s.secrets.activationCode
      )
        return same();
      const [secret, r1] = nextInt(t.rng, 1, 2 ** 31 - 1);
      const [requestId, r2] = nextGuid(r1);
      const [n, r3] = nextInt(r2, 10, 99);
      const tenant = updateUser({ ...t, rng: r3 }, user.id, {
        methods: {
          ...user.methods,
          authenticator: { device: action.device, phoneId: action.phoneId, secret, registeredAt: now },
        },
      });
      return {
        tenant,
        session: {
          ...s,
          page: { page: 'securityInfo', add: { method: 'authenticator', stage: 'tryItOut', number: n } },
          secrets: { ...s.secrets, activationCode: undefined, pushRequestId: requestId, pushNumber: n },
        },
        effects: [{ type: 'push', phoneId: action.phoneId, requestId, account: user.upn, number: n }],
        registered: { account: user.upn, secret },
      };
    }
    case 'pushAnswer': {
      if (
        !user ||
        page.page !== 'securityInfo' ||
        page.add?.method !== 'authenticator' ||
        page.add.stage !== 'tryItOut' ||
        action.requestId !== s.secrets.pushRequestId
      )
        return same();
      if (!action.approved || action.number !== s.secrets.pushNumber) {
        return same(t, {
          ...s,
          page: { page: 'securityInfo', add: { ...page.add, error: SSPR_TEXT.notificationDenied } },
        });
      }
      let tenant = updateUser(t, user.id, { methodsConfirmedAt: now });
      tenant = audit(tenant, now, {
        service: 'Authentication Methods',
        category: 'UserManagement',
        activity: 'User registered security info',
        status: 'Success',
        statusReason: 'User registered Microsoft Authenticator',
        target: user.upn,
        initiatedBy: user.upn,
      });
      tenant = registeredNow(t, tenant, user, now);
      return same(tenant, {
        ...s,
        page: {
          page: 'securityInfo',
          add: { method: 'authenticator', stage: 'done', text: REGISTRATION_TEXT.authenticatorApproved },
        },
        secrets: {},
      });
    }
    case 'changePassword': {
      if (!user || page.page !== 'changePassword') return same();
      const err = (error: string) => same(t, { ...s, page: { page: 'changePassword', error } });
      if (action.newPassword !== action.confirm) return err(SSPR_TEXT.passwordsDontMatch);
      if (isBanned(action.newPassword)) return err(SSPR_TEXT.banned);
      if (cloudPasswordProblem(action.newPassword)) return err(SSPR_TEXT.cloudPolicy);
      if (!user.onPremisesSyncEnabled) {
        if (action.oldPassword !== user.password) return err(MYACCOUNT_TEXT.wrongOld);
        let tenant = updateUser(t, user.id, { password: action.newPassword, passwordSetAt: now });
        tenant = ssprAudit(
          tenant,
          now,
          ACTIVITY.change,
          'Success',
          user.upn,
          'User successfully changed password',
        );
        return same(tenant, { ...s, page: { page: 'changed', text: MYACCOUNT_TEXT.changed } });
      }
      if (!writebackReady(t)) return err(MYACCOUNT_TEXT.writebackOff);
      if (!listenerAlive(t, now)) return err(SSPR_ERRORS.SSPR_0030.technical);
      const [trackingId, rng] = nextGuid(t.rng);
      return same(
        { ...t, rng },
        { ...s, page: { page: 'working' }, secrets: { pendingPassword: action.newPassword, trackingId } },
        [
          {
            type: 'writeback',
            purpose: 'myaccount',
            request: {
              kind: 'app.relay.request',
              trackingId,
              op: 'change',
              anchor: user.onPremisesImmutableId ?? '',
              upn: user.upn,
              newPassword: action.newPassword,
              oldPassword: action.oldPassword,
            },
          },
        ],
      );
    }
    case 'writebackResult': {
      if (!user || page.page !== 'working') return same();
      if (action.ok) {
        let tenant = s.secrets.pendingPassword
          ? updateUser(t, user.id, { password: s.secrets.pendingPassword, passwordSetAt: now })
          : t;
        tenant = ssprAudit(
          tenant,
          now,
          ACTIVITY.change,
          'Success',
          user.upn,
          'User successfully changed password',
          { OnPremisesAgent: 'Microsoft Entra Connect' },
        );
        return same(tenant, { ...s, page: { page: 'changed', text: MYACCOUNT_TEXT.changed }, secrets: {} });
      }
      const reason =
        action.failure === 'wrong-password'
          ? MYACCOUNT_TEXT.wrongOld
          : action.failure === 'policy'
            ? SSPR_TEXT.onPremPolicy
            : action.failure === 'timeout' || action.failure === 'dc-unreachable'
              ? SSPR_ERRORS.SSPR_0030.technical
              : SSPR_ERRORS.SSPR_0029.technical;
      const tenant = ssprAudit(t, now, ACTIVITY.change, 'Failure', user.upn, reason);
      return same(tenant, { ...s, page: { page: 'changePassword', error: reason }, secrets: {} });
    }
  }
  return same();
}
