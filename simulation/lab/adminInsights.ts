/**
 * What the admin center computes from the tenant for Password reset's Activity and Troubleshooting
 * blades: Usage & insights (who registered which method; resets, unlocks and changes from the
 * audit log) and Diagnose and solve problems (checks of what the cloud itself can see: the SSPR
 * switch, the writeback settings, whether the on-premises client answers, the last sync, and users
 * in scope who could not reset). Nothing here reads on-premises state the cloud cannot see.
 */
import { ACTIVITY, SSPR_SERVICE } from '../cloud/audit';
import {
  distinctMethodCount,
  isAdmin,
  licensedFor,
  listenerAlive,
  methodsRequired,
  ssprScopeCovers,
  usableMethods,
} from '../cloud/policy';
import { ONPREM_STATUS } from '../cloud/texts';
import type { TenantState } from '../cloud/tenantState';
import { HOUR } from '../core/time';

export interface UsageView {
  registration: { method: string; users: number }[];
  usersInScope: number;
  usersRegistered: number;
  activity: { activity: string; succeeded: number; failed: number }[];
}

export interface DiagnosticView {
  id: string;
  title: string;
  status: 'ok' | 'warning' | 'error';
  detail: string;
}

/** unconfirmed: this lab's wording of the troubleshooter lines. */
export const DIAGNOSTIC_TEXT = {
  ssprTitle: 'Self-service password reset is enabled',
  ssprOff: 'Self service password reset enabled is set to None: no user can reset their password.',
  ssprOn: (scope: string) => `Self service password reset enabled: ${scope}.`,
  writebackTitle: 'Password writeback is configured',
  writebackNoConnect: 'Microsoft Entra Connect has not been set up for this tenant.',
  writebackNotOnboarded: 'Password writeback is not enabled in Microsoft Entra Connect.',
  writebackPortalOff: 'Enable password write back for synced users is off (On-premises integration).',
  writebackOn: 'Password writeback is enabled in Microsoft Entra Connect and for synced users.',
  clientTitle: 'The on-premises writeback client responds',
  syncTitle: 'Directory synchronization is running',
  syncNever: 'Microsoft Entra Connect has not synchronized yet.',
  syncStale: (hours: number) => `The last synchronization was ${hours} hours ago.`,
  syncRecent: 'The last synchronization ran within the last hour.',
  readyTitle: 'Users in scope can reset their password',
  readyAll: (n: number) => `All ${n} users in scope have what they need to reset their password.`,
  readyMissing: (names: string[]) =>
    `${names.length} users in scope cannot reset their password (not enough registered methods or no license): ${names.join(', ')}.`,
} as const;

export function usageView(t: TenantState): UsageView {
  const users = t.users.filter((u) => u.accountEnabled);
  const inScope = users.filter((u) => (isAdmin(u) ? t.allowedToUseSspr : ssprScopeCovers(t, u)));
  const registered = inScope.filter((u) => distinctMethodCount(usableMethods(t, u)) >= methodsRequired(t, u));
  const count = (pick: (u: TenantState['users'][number]) => unknown) => users.filter((u) => !!pick(u)).length;
  const activities = [
    ACTIVITY.reset,
    ACTIVITY.unlock,
    ACTIVITY.change,
    ACTIVITY.adminReset,
    ACTIVITY.blocked,
  ];
  const sspr = t.audit.filter((a) => a.service === SSPR_SERVICE);
  return {
    registration: [
      { method: 'Microsoft Authenticator', users: count((u) => u.methods.authenticator) },
      { method: 'Mobile phone', users: count((u) => u.methods.sms) },
      { method: 'Email', users: count((u) => u.methods.email) },
    ],
    usersInScope: inScope.length,
    usersRegistered: registered.length,
    activity: activities.map((activity) => ({
      activity,
      succeeded: sspr.filter((a) => a.activity === activity && a.status === 'Success').length,
      failed: sspr.filter((a) => a.activity === activity && a.status === 'Failure').length,
    })),
  };
}

export function diagnostics(t: TenantState, now: number): DiagnosticView[] {
  const out: DiagnosticView[] = [];
  out.push({
    id: 'sspr',
    title: DIAGNOSTIC_TEXT.ssprTitle,
    status: t.sspr.enabled === 'None' ? 'error' : 'ok',
    detail:
      t.sspr.enabled === 'None'
        ? DIAGNOSTIC_TEXT.ssprOff
        : DIAGNOSTIC_TEXT.ssprOn(
            t.sspr.enabled === 'All' ? 'All' : `Selected (${t.sspr.selectedGroup ?? ''})`,
          ),
  });
  const wb = !t.connect
    ? DIAGNOSTIC_TEXT.writebackNoConnect
    : !t.connect.writebackOnboarded
      ? DIAGNOSTIC_TEXT.writebackNotOnboarded
      : !t.sspr.onPremises.writeback
        ? DIAGNOSTIC_TEXT.writebackPortalOff
        : undefined;
  out.push({
    id: 'writeback',
    title: DIAGNOSTIC_TEXT.writebackTitle,
    status: wb ? 'error' : 'ok',
    detail: wb ?? DIAGNOSTIC_TEXT.writebackOn,
  });
  if (t.connect?.writebackOnboarded) {
    const alive = listenerAlive(t, now);
    out.push({
      id: 'client',
      title: DIAGNOSTIC_TEXT.clientTitle,
      status: alive ? 'ok' : 'error',
      detail: alive ? ONPREM_STATUS.healthy : ONPREM_STATUS.offline,
    });
  }
  if (t.connect) {
    const last = t.connect.lastSyncAt;
    const hours = last === undefined ? undefined : Math.floor((now - last) / HOUR);
    out.push({
      id: 'sync',
      title: DIAGNOSTIC_TEXT.syncTitle,
      status: hours === undefined || hours >= 2 ? 'warning' : 'ok',
      detail:
        hours === undefined
          ? DIAGNOSTIC_TEXT.syncNever
          : hours >= 1
            ? DIAGNOSTIC_TEXT.syncStale(hours)
            : DIAGNOSTIC_TEXT.syncRecent,
    });
  }
  if (t.sspr.enabled !== 'None') {
    const inScope = t.users.filter((u) => u.accountEnabled && !isAdmin(u) && ssprScopeCovers(t, u));
    const blocked = inScope.filter(
      (u) =>
        !licensedFor(u, u.onPremisesSyncEnabled) ||
        distinctMethodCount(usableMethods(t, u)) < methodsRequired(t, u),
    );
    out.push({
      id: 'ready',
      title: DIAGNOSTIC_TEXT.readyTitle,
      status: blocked.length > 0 ? 'warning' : 'ok',
      detail:
        blocked.length > 0
          ? DIAGNOSTIC_TEXT.readyMissing(blocked.map((u) => u.upn))
          : DIAGNOSTIC_TEXT.readyAll(inScope.length),
    });
  }
  return out;
}
