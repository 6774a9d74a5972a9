/**
 * The learner's surfaces beyond the map and the consoles: the Microsoft Entra admin center, the
 * browser pages (SSPR portal, My Account / Security info), the sign-in screen of each client PC,
 * and each phone (the Entra Connect wizard's view is connectView.ts). Each view holds what that real
 * surface shows, built from the truth by explicit choice; secrets the cloud keeps (codes it sent,
 * a password in flight) are left out.
 */
import { formatShortDateTime, SECOND } from '../core/time';
import { listenerAlive, totp, writebackReady } from '../cloud/policy';
import type { SsprPage } from '../cloud/ssprFlow';
import { ONPREM_STATUS } from '../cloud/texts';
import {
  AUTH_METHOD_LABELS,
  type AuditEntry,
  type AuthMethodId,
  type SignInEntry,
  type SsprPolicy,
  type TenantState,
} from '../cloud/tenantState';
import type { PortalPage } from '../cloud/userPortal';
import type { LabDefinition } from '../core/definition';
import type { LabTruth } from './truth';

export interface AdminCenterView {
  tenant: { name: string; tenantId: string; domains: { name: string; verified: boolean }[] };
  passwordReset: {
    properties: { enabled: SsprPolicy['enabled']; selectedGroup?: string };
    authenticationMethods: { methodsRequired: 1 | 2; methods: SsprPolicy['methods'] };
    registration: SsprPolicy['registration'];
    notifications: SsprPolicy['notifications'];
    customization: SsprPolicy['customization'];
    onPremises: { available: boolean; status: string; healthy: boolean } & SsprPolicy['onPremises'];
    adminSspr: boolean;
  };
  authMethods: {
    migration: TenantState['methodsMigration'];
    policies: { id: AuthMethodId; label: string; enabled: boolean; target: string }[];
  };
  users: {
    upn: string;
    displayName: string;
    source: 'Windows Server AD' | 'Cloud';
    accountEnabled: boolean;
    licenses: string[];
    roles: string[];
    methods: string[];
    onPremisesSamAccountName?: string;
    lastSync?: string;
  }[];
  groups: { name: string; source: 'Windows Server AD' | 'Cloud'; members: string[] }[];
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
}

export interface MyAccountView {
  page: PortalPage;
  signedInAs?: { upn: string; displayName: string };
  methods: string[];
}

export interface DesktopView {
  host: string;
  screen: 'signin' | 'desktop' | 'off';
  lastUser?: string;
  message?: string;
  banner?: string;
  /** The sign-in screen wants a new password for this user before signing in. */
  changeRequired?: string;
  session?: { account: string; displayName: string; upn: string; since: string };
  busy: boolean;
}

export interface PhoneView {
  id: string;
  label: string;
  number: string;
  powered: boolean;
  sms: { from: string; text: string; at: string }[];
  authenticator: {
    accounts: { account: string; tenant: string; code: string; secondsLeft: number }[];
    pending: { requestId: string; account: string; number?: number }[];
    lastError?: string;
  };
  /** Verification calls ringing now. */
  calls: { requestId: string; from: string; prompt: string }[];
}

function methodsOf(u: TenantState['users'][number]): string[] {
  const out: string[] = [];
  if (u.methods.sms) out.push(`Phone ${u.methods.sms.phone}`);
  if (u.methods.authenticator) out.push(`Microsoft Authenticator (${u.methods.authenticator.device})`);
  if (u.methods.email) out.push(`Email ${u.methods.email.address}`);
  return out;
}

function onPremStatus(t: TenantState, now: number): { status: string; healthy: boolean } {
  if (!t.connect) return { status: ONPREM_STATUS.noConnect, healthy: false };
  if (!writebackReady(t)) return { status: ONPREM_STATUS.notConfigured, healthy: false };
  return listenerAlive(t, now)
    ? { status: ONPREM_STATUS.healthy, healthy: true }
    : { status: ONPREM_STATUS.offline, healthy: false };
}

export function adminCenterView(truth: LabTruth, def: LabDefinition): AdminCenterView {
  const t = truth.tenant;
  const off = def.timeZone.offsetMinutes;
  const upnOf = (id: string) => t.users.find((u) => u.id === id)?.upn ?? id;
  return {
    tenant: { name: t.name, tenantId: t.tenantId, domains: t.domains },
    passwordReset: {
      properties: { enabled: t.sspr.enabled, selectedGroup: t.sspr.selectedGroup },
      authenticationMethods: { methodsRequired: t.sspr.methodsRequired, methods: t.sspr.methods },
      registration: t.sspr.registration,
      notifications: t.sspr.notifications,
      customization: t.sspr.customization,
      onPremises: { available: !!t.connect, ...onPremStatus(t, truth.time), ...t.sspr.onPremises },
      adminSspr: t.allowedToUseSspr,
    },
    authMethods: {
      migration: t.methodsMigration,
      policies: (Object.keys(AUTH_METHOD_LABELS) as AuthMethodId[]).map((id) => ({
        id,
        label: AUTH_METHOD_LABELS[id],
        enabled: t.authMethods[id].enabled,
        target: t.authMethods[id].target === 'all' ? 'All users' : t.authMethods[id].target,
      })),
    },
    users: t.users.map((u) => ({
      upn: u.upn,
      displayName: u.displayName,
      source: u.onPremisesSyncEnabled ? 'Windows Server AD' : 'Cloud',
      accountEnabled: u.accountEnabled,
      licenses: u.licenses.map((l) => t.licenses.find((x) => x.sku === l)?.name ?? l),
      roles: u.roles,
      methods: methodsOf(u),
      onPremisesSamAccountName: u.onPremisesSamAccountName,
      lastSync: u.onPremisesLastSyncAt ? formatShortDateTime(u.onPremisesLastSyncAt, off) : undefined,
    })),
    groups: t.groups.map((g) => ({
      name: g.name,
      source: g.onPremisesSyncEnabled ? 'Windows Server AD' : 'Cloud',
      members: g.members.map(upnOf),
    })),
    licenses: t.licenses.map((l) => ({
      ...l,
      assigned: t.users.filter((u) => u.licenses.includes(l.sku)).length,
    })),
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
  };
}

export function ssprView(truth: LabTruth): SsprPage {
  return truth.browser.sspr.page;
}

export function myAccountView(truth: LabTruth): MyAccountView {
  const s = truth.browser.myAccount;
  const u = s.userId ? truth.tenant.users.find((x) => x.id === s.userId) : undefined;
  return {
    page: s.page,
    signedInAs: u ? { upn: u.upn, displayName: u.displayName } : undefined,
    methods: u ? methodsOf(u) : [],
  };
}

export function desktopViews(truth: LabTruth, def: LabDefinition): Record<string, DesktopView> {
  const out: Record<string, DesktopView> = {};
  for (const h of def.hosts) {
    const t = truth.hosts[h.id];
    const d = t?.host.desktop;
    if (!t || !d) continue;
    out[h.id] = {
      host: h.id,
      screen: t.power === 'off' ? 'off' : d.screen,
      lastUser: d.lastUser,
      message: d.message,
      banner: d.banner,
      changeRequired: d.changeRequired,
      session: d.session
        ? {
            account: d.session.account,
            displayName: d.session.displayName,
            upn: d.session.upn,
            since: formatShortDateTime(d.session.since + t.host.clockOffsetMs, def.timeZone.offsetMinutes),
          }
        : undefined,
      busy: d.busy,
    };
  }
  return out;
}

export function phoneViews(truth: LabTruth, def: LabDefinition): Record<string, PhoneView> {
  const out: Record<string, PhoneView> = {};
  const now = truth.time;
  for (const p of def.phones) {
    const ph = truth.phones[p.id];
    if (!ph) continue;
    out[p.id] = {
      id: p.id,
      label: p.label,
      number: p.number,
      powered: ph.powered,
      sms: ph.sms.map((m) => ({
        from: m.from,
        text: m.text,
        at: formatShortDateTime(m.at, def.timeZone.offsetMinutes),
      })),
      authenticator: {
        accounts: ph.powered
          ? ph.authenticator.accounts.map((a) => ({
              account: a.account,
              tenant: a.tenant,
              code: totp(a.secret, now),
              secondsLeft: 30 - Math.floor((now / SECOND) % 30),
            }))
          : [],
        pending: ph.powered
          ? ph.authenticator.pending.map((n) => ({
              requestId: n.requestId,
              account: n.account,
              number: n.number,
            }))
          : [],
        lastError: ph.authenticator.lastError,
      },
      calls: ph.powered
        ? ph.calls.map((c) => ({ requestId: c.requestId, from: c.from, prompt: c.prompt }))
        : [],
    };
  }
  return out;
}
