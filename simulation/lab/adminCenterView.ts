/**
 * The Microsoft Entra admin center as the tenant's Global Administrator sees it: the Password
 * reset blades (with the on-premises agent rows, Usage & insights and the troubleshooter checks),
 * the authentication methods policy with each method's targets, users, groups, licences, the
 * Microsoft Entra Connect status, the audit and sign-in logs, and the notifications flyout.
 * Built from the truth by explicit choice: what the cloud knows, never on-premises secrets.
 */
import { memoOn } from './memo';
import { formatShortDateTime } from '../core/time';
import type { AdminNotification } from '../cloud/adminPortal';
import { targetText } from '../cloud/authMethodsPolicy';
import { listenerAlive, writebackReady } from '../cloud/policy';
import { AGENT_STATUS, ONPREM_STATUS } from '../cloud/texts';
import {
  AUTH_METHOD_LABELS,
  type AuditEntry,
  type AuthMethodId,
  type SignInEntry,
  type SsprPolicy,
  type TenantState,
} from '../cloud/tenantState';
import { diagnostics, usageView, type DiagnosticView, type UsageView } from './adminInsights';
import type { LabDefinition } from '../core/definition';
import { methodsOf } from './surfaceViews';
import type { LabTruth } from './truth';

export interface AdminCenterView {
  tenant: { name: string; tenantId: string; domains: { name: string; verified: boolean }[] };
  passwordReset: {
    properties: { enabled: SsprPolicy['enabled']; selectedGroup?: string };
    authenticationMethods: { methodsRequired: 1 | 2; methods: SsprPolicy['methods'] };
    registration: SsprPolicy['registration'];
    notifications: SsprPolicy['notifications'];
    customization: SsprPolicy['customization'];
    onPremises: {
      available: boolean;
      status: string;
      healthy: boolean;
      /** The agent rows: the Connect Sync agent and the cloud sync provisioning agent. */
      agents: { name: string; status: string }[];
    } & SsprPolicy['onPremises'];
    adminSspr: boolean;
  };
  authMethods: {
    migration: TenantState['methodsMigration'];
    policies: {
      id: AuthMethodId;
      label: string;
      enabled: boolean;
      target: string;
      include: 'all' | string[];
      exclude: string[];
    }[];
  };
  usage: UsageView;
  diagnostics: DiagnosticView[];
  users: {
    id: string;
    upn: string;
    mail?: string;
    createdAt: string;
    displayName: string;
    source: 'Windows Server AD' | 'Cloud';
    accountEnabled: boolean;
    licenses: string[];
    roles: string[];
    methods: string[];
    onPremisesSamAccountName?: string;
    lastSync?: string;
  }[];
  groups: { id: string; name: string; source: 'Windows Server AD' | 'Cloud'; members: string[] }[];
  licenses: { sku: string; name: string; total: number; assigned: number }[];
  connect: {
    configured: boolean;
    serverName?: string;
    lastSync?: string;
    lastPasswordSync?: string;
    passwordHashSync: boolean;
    passwordWriteback: boolean;
  };
  audit: AuditEntry[];
  signIns: SignInEntry[];
  notice?: { level: 'success' | 'error' | 'info'; text: string };
  /** The notifications flyout, newest first. */
  notifications: AdminNotification[];
}

/** unconfirmed wording: the agent rows of On-premises integration (seed guide: "Set up complete", "Not detected"). */
function agentRows(t: TenantState, now: number): { name: string; status: string }[] {
  const sync = !t.connect
    ? AGENT_STATUS.notDetected
    : !t.connect.writebackOnboarded
      ? AGENT_STATUS.notSetUp
      : listenerAlive(t, now)
        ? AGENT_STATUS.setUpComplete
        : AGENT_STATUS.notResponding;
  return [
    { name: AGENT_STATUS.connectSync, status: sync },
    // The lab has no cloud sync provisioning agents.
    { name: AGENT_STATUS.cloudSync, status: AGENT_STATUS.notDetected },
  ];
}

function onPremStatus(t: TenantState, now: number): { status: string; healthy: boolean } {
  if (!t.connect) return { status: ONPREM_STATUS.noConnect, healthy: false };
  if (!writebackReady(t)) return { status: ONPREM_STATUS.notConfigured, healthy: false };
  return listenerAlive(t, now)
    ? { status: ONPREM_STATUS.healthy, healthy: true }
    : { status: ONPREM_STATUS.offline, healthy: false };
}

// The lists grow with the tenant: each is rebuilt only when what it shows changed.
const usersList = memoOn(
  ({ t, off }: { t: TenantState; off: number }) => [t.users, t.licenses, off],
  ({ t, off }): AdminCenterView['users'] =>
    t.users.map((u) => ({
      id: u.id,
      upn: u.upn,
      mail: u.mail,
      createdAt: formatShortDateTime(u.createdAt, off),
      displayName: u.displayName,
      source: u.onPremisesSyncEnabled ? 'Windows Server AD' : 'Cloud',
      accountEnabled: u.accountEnabled,
      licenses: u.licenses.map((l) => t.licenses.find((x) => x.sku === l)?.name ?? l),
      roles: u.roles,
      methods: methodsOf(u),
      onPremisesSamAccountName: u.onPremisesSamAccountName,
      lastSync: u.onPremisesLastSyncAt ? formatShortDateTime(u.onPremisesLastSyncAt, off) : undefined,
    })),
);

const groupsList = memoOn(
  (t: TenantState) => [t.groups, t.users],
  (t): AdminCenterView['groups'] => {
    const upns = new Map<string, string>();
    for (const u of t.users) if (!upns.has(u.id)) upns.set(u.id, u.upn);
    return t.groups.map((g) => ({
      id: g.id,
      name: g.name,
      source: g.onPremisesSyncEnabled ? 'Windows Server AD' : 'Cloud',
      members: g.members.map((id) => upns.get(id) ?? id),
    }));
  },
);

const licensesList = memoOn(
  (t: TenantState) => [t.licenses, t.users],
  (t) =>
    t.licenses.map((l) => ({
      ...l,
      assigned: t.users.filter((u) => u.licenses.includes(l.sku)).length,
    })),
);

const usage = memoOn((t: TenantState) => [t], usageView);

export function adminCenterView(truth: LabTruth, def: LabDefinition): AdminCenterView {
  const t = truth.tenant;
  const off = def.timeZone.offsetMinutes;
  return {
    tenant: { name: t.name, tenantId: t.tenantId, domains: t.domains },
    passwordReset: {
      properties: { enabled: t.sspr.enabled, selectedGroup: t.sspr.selectedGroup },
      authenticationMethods: { methodsRequired: t.sspr.methodsRequired, methods: t.sspr.methods },
      registration: t.sspr.registration,
      notifications: t.sspr.notifications,
      customization: t.sspr.customization,
      onPremises: {
        available: !!t.connect,
        ...onPremStatus(t, truth.time),
        agents: agentRows(t, truth.time),
        ...t.sspr.onPremises,
      },
      adminSspr: t.allowedToUseSspr,
    },
    authMethods: {
      migration: t.methodsMigration,
      policies: (Object.keys(AUTH_METHOD_LABELS) as AuthMethodId[]).map((id) => ({
        id,
        label: AUTH_METHOD_LABELS[id],
        enabled: t.authMethods[id].enabled,
        target: targetText(t.authMethods[id]),
        include: t.authMethods[id].include,
        exclude: t.authMethods[id].exclude,
      })),
    },
    usage: usage(t),
    diagnostics: diagnostics(t, truth.time),
    users: usersList({ t, off }),
    groups: groupsList(t),
    licenses: licensesList(t),
    connect: {
      configured: !!t.connect,
      serverName: t.connect?.serverName,
      lastSync: t.connect?.lastSyncAt ? formatShortDateTime(t.connect.lastSyncAt, off) : undefined,
      lastPasswordSync: t.connect?.lastPasswordSyncAt
        ? formatShortDateTime(t.connect.lastPasswordSyncAt, off)
        : undefined,
      passwordHashSync: !!t.connect?.passwordHashSync,
      passwordWriteback: !!t.connect?.writebackOnboarded,
    },
    audit: t.audit.slice(-300),
    signIns: t.signIns.slice(-300),
    notice: truth.browser.adminNotice,
    notifications: [...truth.browser.adminNotifications].reverse(),
  };
}
