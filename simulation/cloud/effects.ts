/** What the tenant's pure logic asks the tenant actor to send over the network. */
import type { RelayRequest } from '../net/appMessages';

export type TenantEffect =
  | { type: 'sms'; to: string; text: string }
  | { type: 'push'; phoneId: string; requestId: string; account: string; number?: number }
  /** A verification voice call: the phone rings and the user presses a key to answer the prompt. */
  | { type: 'call'; to: string; requestId: string; prompt: string }
  | { type: 'writeback'; purpose: 'sspr' | 'myaccount' | 'admin'; request: RelayRequest };
