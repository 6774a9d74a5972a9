/**
 * The data of the self-service password reset pages (passwordreset.microsoftonline.com): which page
 * shows what, the flow the cloud keeps for one visit, and the actions a user takes. Plain data only.
 */
import type { z } from 'zod';
import type { ssprActionSchema } from '../core/actionSchemas';
import type { WritebackFailure } from '../net/appMessages';
import type { TenantEffect } from './effects';
import type { SsprMethod } from './policy';
import type { SsprErrorCode } from './texts';
import type { TenantState } from './tenantState';

export type SsprPage =
  | { page: 'closed' }
  | { page: 'userId'; captcha: string; userId: string; error?: string }
  | { page: 'trouble' }
  | {
      page: 'verify';
      step: number;
      required: number;
      options: SsprMethod[];
      /** The registered mobile number as the page shows it (`+X XXXXXXXX42`). */
      maskedPhone?: string;
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
      /** The page's lead sentence; empty where Microsoft's page shows only the code lines. */
      details: string;
      technical: string;
      followUp?: string;
      code?: SsprErrorCode | 'blocked';
      /** What the "Support code" link reveals: the code, when (lab time) and for whom. */
      supportCode: string;
      at: number;
      userId?: string;
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

/** What a user does on the pages (declared once, as the lab command's schema), and what the cloud tells the flow itself. */
export type SsprAction =
  | z.infer<typeof ssprActionSchema>
  | { type: 'pushAnswer'; requestId: string; approved: boolean; number?: number }
  | { type: 'writebackResult'; ok: boolean; failure?: WritebackFailure | 'timeout' };

export const CLOSED_FLOW: SsprFlow = { page: { page: 'closed' }, mode: 'forgot', verified: [], secrets: {} };

export interface StepResult {
  tenant: TenantState;
  flow: SsprFlow;
  effects: TenantEffect[];
}
