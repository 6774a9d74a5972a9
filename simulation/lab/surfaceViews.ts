/**
 * The learner's surfaces beyond the map and the consoles (the admin center is adminCenterView.ts,
 * the wizard connectView.ts): the browser pages (SSPR portal, My Account / Security info), the sign-in screen of each client PC,
 * and each phone (the Entra Connect wizard's view is connectView.ts). Each view holds what that real
 * surface shows, built from the truth by explicit choice; secrets the cloud keeps (codes it sent,
 * a password in flight) are left out.
 */
import { formatLongDateTime, formatShortDateTime, SECOND } from '../core/time';
import { totp } from '../cloud/policy';
import type { SsprPage } from '../cloud/ssprFlow';
import type { TenantState } from '../cloud/tenantState';
import type { PortalPage } from '../cloud/userPortal';
import type { LabDefinition } from '../core/definition';
import type { LabTruth } from './truth';

export interface MyAccountView {
  page: PortalPage;
  signedInAs?: { upn: string; displayName: string };
  methods: string[];
  /** Security info's list: each registered method and what it shows beside it. */
  methodList: { kind: 'phone' | 'authenticator' | 'email'; label: string; detail: string }[];
}

export interface DesktopView {
  host: string;
  screen: 'signin' | 'desktop' | 'off';
  lastUser?: string;
  /** The last user's name as the sign-in screen's tile shows it (Windows remembers it from the last logon). */
  lastUserName?: string;
  /** The lock screen's clock, in the PC's own time. */
  clock: { time: string; date: string };
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

function methodList(u: TenantState['users'][number]): MyAccountView['methodList'] {
  const out: MyAccountView['methodList'] = [];
  if (u.methods.sms) out.push({ kind: 'phone', label: 'Phone', detail: u.methods.sms.phone });
  if (u.methods.authenticator)
    out.push({
      kind: 'authenticator',
      label: 'Microsoft Authenticator',
      detail: u.methods.authenticator.device,
    });
  if (u.methods.email) out.push({ kind: 'email', label: 'Email', detail: u.methods.email.address });
  return out;
}

export function methodsOf(u: TenantState['users'][number]): string[] {
  const out: string[] = [];
  if (u.methods.sms) out.push(`Phone ${u.methods.sms.phone}`);
  if (u.methods.authenticator) out.push(`Microsoft Authenticator (${u.methods.authenticator.device})`);
  if (u.methods.email) out.push(`Email ${u.methods.email.address}`);
  return out;
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
    methodList: u ? methodList(u) : [],
  };
}

export function desktopViews(truth: LabTruth, def: LabDefinition): Record<string, DesktopView> {
  const out: Record<string, DesktopView> = {};
  for (const h of def.hosts) {
    const t = truth.hosts[h.id];
    const d = t?.host.desktop;
    if (!t || !d) continue;
    const local = formatLongDateTime(truth.time + t.host.clockOffsetMs, def.timeZone.offsetMinutes);
    const [, date = '', time = ''] = /^(\w+, \w+ \d+), \d{4} (\d+:\d+)/.exec(local) ?? [];
    const sam = d.lastUser?.replace(/^.*\\/, '').toLowerCase();
    out[h.id] = {
      host: h.id,
      screen: t.power === 'off' ? 'off' : d.screen,
      lastUser: d.lastUser,
      lastUserName: sam ? t.host.cachedLogons[sam]?.displayName : undefined,
      clock: { time, date },
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
