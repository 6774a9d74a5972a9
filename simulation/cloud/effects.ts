/** What the tenant's pure logic asks the tenant actor to send over the network. */
import type { RelayRequest } from '../net/appMessages';

export type TenantEffect =
  | { type: 'sms'; to: string; text: string }
  | { type: 'push'; phoneId: string; requestId: string; account: string; number?: number }
  | { type: 'writeback'; purpose: 'sspr' | 'myaccount' | 'admin'; request: RelayRequest };
