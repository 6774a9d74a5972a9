/**
 * The pages a user sees at the cloud's sign-in and in My Account / Security info (combined
 * registration): signing in with the cloud password (the hash PHS synchronised, or the one set by
 * writeback or a cloud reset), the "More information required" interrupt when SSPR registration
 * is due, adding a phone (SMS code or a call) or Microsoft Authenticator (QR activation, then a
 * test notification with number matching), and changing the password (written back to AD for
 * synced users). `portalStep` runs one action through the pages' state machine (portalChart.ts),
 * rebuilt from the stored session each time, so the session stays plain data.
 */
import { transition, type StateValue } from 'xstate';
import { portalChart } from './portalChart';
import type { PortalAction, PortalPage, PortalResult, PortalSession } from './portalTypes';
import type { TenantState } from './tenantState';

export { CLOSED_PORTAL } from './portalTypes';
export type { PortalAction, PortalPage, PortalResult, PortalSession } from './portalTypes';

/**
 * The machine state a stored page stands for. On "Scan the QR code", the activation code is
 * cleared once the app has used it: then the page is waiting for Next (state `scanned`).
 */
export function portalStateValue(p: PortalPage, secrets: PortalSession['secrets'] = {}): StateValue {
  if (p.page !== 'securityInfo') return p.page;
  const a = p.add;
  if (!a) return { securityInfo: 'list' };
  if (a.stage === 'done') return { securityInfo: 'added' };
  if (a.stage === 'scan' && secrets.activationCode === undefined)
    return { securityInfo: { authenticator: 'scanned' } };
  return { securityInfo: { [a.method]: a.stage } };
}

export function portalStep(
  t: TenantState,
  s: PortalSession,
  action: PortalAction,
  now: number,
): PortalResult {
  const snapshot = portalChart.resolveState({
    value: portalStateValue(s.page, s.secrets),
    context: { t, s, now, effects: [] },
  });
  const [next] = transition(portalChart, snapshot, action);
  const c = next.context;
  if (JSON.stringify(next.value) !== JSON.stringify(portalStateValue(c.s.page, c.s.secrets)))
    throw new Error(
      `My Account chart is in ${JSON.stringify(next.value)} but its page is ${JSON.stringify(c.s.page)}`,
    );
  return { tenant: c.t, session: c.s, effects: c.effects, registered: c.registered };
}
