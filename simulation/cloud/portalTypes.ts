/**
 * The data of the pages a user meets at the cloud's sign-in (login.microsoftonline.com: user name,
 * password, "Stay signed in?", the "More information required" interrupt) and in My Account /
 * Security info (mysignins.microsoft.com: the methods list, adding a phone or Microsoft
 * Authenticator, changing the password). Plain data only; the machine is portalChart.ts.
 */
import type { z } from 'zod';
import type { myAccountActionSchema } from '../core/actionSchemas';
import type { WritebackFailure } from '../net/appMessages';
import type { TenantEffect } from './effects';
import type { TenantState } from './tenantState';

export type AddMethodStage =
  | { method: 'phone'; stage: 'enterPhone'; error?: string }
  | { method: 'phone'; stage: 'enterCode'; phone: string; error?: string }
  /** "Call me": the phone is ringing; the user answers and presses # to finish. */
  | { method: 'phone'; stage: 'calling'; phone: string }
  | { method: 'authenticator'; stage: 'getApp' }
  | { method: 'authenticator'; stage: 'scan'; activationCode: string; url: string; error?: string }
  | { method: 'authenticator'; stage: 'tryItOut'; number: number; error?: string }
  | { method: 'phone' | 'authenticator'; stage: 'done'; text: string };

export type PortalPage =
  | { page: 'closed' }
  /** Sign in: the user name. */
  | { page: 'signin'; upn: string; error?: string }
  /** Enter password, for the user name given. */
  | { page: 'password'; upn: string; error?: string }
  /** "Stay signed in?" */
  | { page: 'kmsi'; upn: string }
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
    callRequestId?: string;
    pendingPassword?: string;
    trackingId?: string;
    pushNumber?: number;
  };
}

export const CLOSED_PORTAL: PortalSession = { page: { page: 'closed' }, secrets: {} };

/**
 * What a user does on the pages (declared once, as the lab command's schema: `signIn` is the whole
 * sign-in in one action, as scenario scripts and earlier sessions write it), and what the cloud
 * tells the session itself.
 */
export type PortalAction =
  | Exclude<z.infer<typeof myAccountActionSchema>, { type: 'submitPassword' }>
  /** `viaShorthand`: the password step of a one-action `signIn`. */
  | { type: 'submitPassword'; password: string; viaShorthand?: boolean }
  | { type: 'authenticatorRegistered'; phoneId: string; activationCode: string; device: string }
  | { type: 'pushAnswer'; requestId: string; approved: boolean; number?: number }
  | { type: 'callAnswered'; requestId: string; keys: string }
  | { type: 'writebackResult'; ok: boolean; failure?: WritebackFailure | 'timeout' };

export interface PortalResult {
  tenant: TenantState;
  session: PortalSession;
  effects: TenantEffect[];
  /** For an Authenticator registration: what the app is told back. */
  registered?: { account: string; secret: number };
}
