/**
 * Checks: the predicates a scenario's objectives, hints and collateral costs are made of. Each is
 * a question about the lab's state or its history (audit log, event logs), never about which keys
 * the learner pressed, so any valid fix satisfies it. `$user` and `$pc` stand for the scenario's
 * variant parameters. Pure.
 */
import { z } from 'zod';
import { listenerAlive, writebackReady } from '../cloud/policy';
import { findCloudUser, isMember as isCloudMember } from '../cloud/tenantState';
import { faultSpec, type FaultParams } from '../faults/catalog';
import { adUserOf, lockedOut } from '../faults/helpers';
import { VIEW_SURFACES, type ViewSurface } from '../lab/commands';
import type { LabDefinition } from '../core/definition';
import type { JournalEntry } from '../facade/lab';
import type { LabTruth } from '../lab/truth';
import type { Observation } from './observe';

export const SETTINGS = {
  ssprEnabled: (t: LabTruth) => t.tenant.sspr.enabled,
  ssprGroup: (t: LabTruth) => t.tenant.sspr.selectedGroup ?? '',
  methodsRequired: (t: LabTruth) => t.tenant.sspr.methodsRequired,
  registrationRequired: (t: LabTruth) => t.tenant.sspr.registration.requireOnSignIn,
  portalWriteback: (t: LabTruth) => t.tenant.sspr.onPremises.writeback,
  allowUnlock: (t: LabTruth) => t.tenant.sspr.onPremises.allowUnlock,
  adminSspr: (t: LabTruth) => t.tenant.allowedToUseSspr,
  smsEnabled: (t: LabTruth) => t.tenant.authMethods.sms?.enabled ?? false,
  authenticatorEnabled: (t: LabTruth) => t.tenant.authMethods.microsoftAuthenticator?.enabled ?? false,
  connectPhs: (t: LabTruth, def: LabDefinition) =>
    t.hosts[def.connect.host]?.adsync?.state.config?.features.passwordHashSync ?? false,
  connectWriteback: (t: LabTruth, def: LabDefinition) =>
    t.hosts[def.connect.host]?.adsync?.state.config?.features.passwordWriteback ?? false,
  stagingMode: (t: LabTruth, def: LabDefinition) =>
    t.hosts[def.connect.host]?.adsync?.state.scheduler.stagingMode ?? false,
  syncCycleEnabled: (t: LabTruth, def: LabDefinition) =>
    t.hosts[def.connect.host]?.adsync?.state.scheduler.syncCycleEnabled ?? false,
  /** The admin center's on-premises integration status is the healthy one. */
  writebackHealthy: (t: LabTruth) =>
    !!t.tenant.connect && writebackReady(t.tenant) && listenerAlive(t.tenant, t.time),
  firewallRules: (t: LabTruth) => t.network.firewall.length,
} as const satisfies Record<string, (t: LabTruth, def: LabDefinition) => string | number | boolean>;

export type SettingName = keyof typeof SETTINGS;
const SETTING_NAMES = Object.keys(SETTINGS) as [SettingName, ...SettingName[]];

const name = z.string().min(1).max(128);
const scalar = z.union([z.string().max(256), z.number(), z.boolean()]);

export type Check =
  | { kind: 'all'; checks: Check[] }
  | { kind: 'any'; checks: Check[] }
  | { kind: 'not'; check: Check }
  | { kind: 'faultFixed'; fault: string }
  | { kind: 'allFaultsFixed' }
  | { kind: 'setting'; name: SettingName; equals: string | number | boolean }
  | { kind: 'ssprReset'; user: string }
  | { kind: 'ssprUnlock'; user: string }
  | { kind: 'signedIn'; host: string; user: string; cached?: boolean }
  | { kind: 'registered'; user: string; methods: ('sms' | 'authenticator')[] }
  | { kind: 'serviceRunning'; host: string; service: string; running?: boolean }
  | { kind: 'event'; host: string; id: number; source?: string; log?: 'Application' | 'System' | 'Security' }
  | { kind: 'passwordsInSync'; user: string }
  | { kind: 'adGroupMember'; user: string; group: string; member?: boolean }
  | { kind: 'cloudGroupMember'; user: string; group: string; member?: boolean }
  | { kind: 'lockedOut'; user: string; locked?: boolean }
  | { kind: 'licensed'; user: string; licensed?: boolean }
  | { kind: 'audit'; activity: string; detail?: string }
  | {
      kind: 'viewing';
      surface: ViewSurface;
      target: string;
      host?: string;
      /**
       * Opened (or refreshed) with the learner's last action, no lab time passed since: they read
       * the page as it is now, not as it was when they last looked.
       */
      justNow?: boolean;
    }
  | { kind: 'ran'; host: string; shell?: 'cmd' | 'powershell'; command: string; contains?: string };

export const checkSchema: z.ZodType<Check> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('all'), checks: z.array(checkSchema).min(1).max(50) }).strict(),
    z.object({ kind: z.literal('any'), checks: z.array(checkSchema).min(1).max(50) }).strict(),
    z.object({ kind: z.literal('not'), check: checkSchema }).strict(),
    z.object({ kind: z.literal('faultFixed'), fault: name }).strict(),
    z.object({ kind: z.literal('allFaultsFixed') }).strict(),
    z.object({ kind: z.literal('setting'), name: z.enum(SETTING_NAMES), equals: scalar }).strict(),
    z.object({ kind: z.literal('ssprReset'), user: name }).strict(),
    z.object({ kind: z.literal('ssprUnlock'), user: name }).strict(),
    z
      .object({ kind: z.literal('signedIn'), host: name, user: name, cached: z.boolean().optional() })
      .strict(),
    z
      .object({
        kind: z.literal('registered'),
        user: name,
        methods: z
          .array(z.enum(['sms', 'authenticator']))
          .min(1)
          .max(2),
      })
      .strict(),
    z
      .object({
        kind: z.literal('serviceRunning'),
        host: name,
        service: name,
        running: z.boolean().optional(),
      })
      .strict(),
    z
      .object({
        kind: z.literal('event'),
        host: name,
        id: z.number().int().min(0).max(65535),
        source: name.optional(),
        log: z.enum(['Application', 'System', 'Security']).optional(),
      })
      .strict(),
    z.object({ kind: z.literal('passwordsInSync'), user: name }).strict(),
    z
      .object({ kind: z.literal('adGroupMember'), user: name, group: name, member: z.boolean().optional() })
      .strict(),
    z
      .object({
        kind: z.literal('cloudGroupMember'),
        user: name,
        group: name,
        member: z.boolean().optional(),
      })
      .strict(),
    z.object({ kind: z.literal('lockedOut'), user: name, locked: z.boolean().optional() }).strict(),
    z.object({ kind: z.literal('licensed'), user: name, licensed: z.boolean().optional() }).strict(),
    z
      .object({ kind: z.literal('audit'), activity: name, detail: z.string().min(1).max(256).optional() })
      .strict(),
    z
      .object({
        kind: z.literal('viewing'),
        surface: z.enum(VIEW_SURFACES),
        target: z.string().min(1).max(64),
        host: name.optional(),
        justNow: z.boolean().optional(),
      })
      .strict(),
    z
      .object({
        kind: z.literal('ran'),
        host: name,
        shell: z.enum(['cmd', 'powershell']).optional(),
        command: z.string().min(1).max(128),
        contains: z.string().min(1).max(256).optional(),
      })
      .strict(),
  ]),
);

export interface CheckContext {
  truth: LabTruth;
  def: LabDefinition;
  params: FaultParams;
  /** Lab time the scenario started: history checks look only at what happened since. */
  startedAt: number;
  /** The scenario's faults, with the parameters each was put in place with. */
  faults: { id: string; params: FaultParams; injectedAt?: number }[];
  /** The learner's part of the journal (what they did, what they looked at). */
  journal: readonly JournalEntry[];
  /** What the learner's actions answered (console output, error pages). */
  observed: readonly Observation[];
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** `$user` → the variant's user, `$pc` → its PC; anything else as written. */
export function bind(value: string, params: FaultParams): string {
  if (value === '$user') return params.user;
  if (value === '$pc') return params.pc;
  return value;
}

const upnOf = (sam: string, def: LabDefinition) => (sam.includes('@') ? sam : `${sam}@${def.domain.fqdn}`);
const samOf = (user: string) => user.split('@')[0] ?? user;

export function evaluate(check: Check, ctx: CheckContext): boolean {
  const { truth, def, params } = ctx;
  switch (check.kind) {
    case 'all':
      return check.checks.every((c) => evaluate(c, ctx));
    case 'any':
      return check.checks.some((c) => evaluate(c, ctx));
    case 'not':
      return !evaluate(check.check, ctx);
    case 'faultFixed': {
      const f = ctx.faults.find((x) => x.id === check.fault);
      const spec = faultSpec(check.fault);
      if (!spec) return false;
      // A scheduled fault that has not gone in yet is not "fixed".
      if (!f || f.injectedAt === undefined) return false;
      return !spec.holds(truth, { def, params: f.params, injectedAt: f.injectedAt });
    }
    case 'allFaultsFixed':
      return ctx.faults.every((f) => evaluate({ kind: 'faultFixed', fault: f.id }, ctx));
    case 'setting':
      return SETTINGS[check.name](truth, def) === check.equals;
    case 'ssprReset':
    case 'ssprUnlock': {
      const upn = upnOf(bind(check.user, params), def).toLowerCase();
      const activity =
        check.kind === 'ssprReset' ? 'Reset password (self-service)' : 'Unlock user account (self-service)';
      return truth.tenant.audit.some(
        (a) =>
          a.time >= ctx.startedAt &&
          a.activity === activity &&
          a.status === 'Success' &&
          a.target?.toLowerCase() === upn,
      );
    }
    case 'signedIn': {
      const d = truth.hosts[bind(check.host, params)]?.host.desktop;
      const sam = samOf(bind(check.user, params)).toLowerCase();
      if (!d?.session || d.screen !== 'desktop' || d.session.sam.toLowerCase() !== sam) return false;
      if (d.session.since < ctx.startedAt) return false;
      return check.cached === undefined ? true : d.session.cached === check.cached;
    }
    case 'registered': {
      const u = findCloudUser(truth.tenant, upnOf(bind(check.user, params), def));
      if (!u) return false;
      return check.methods.every((m) => (m === 'sms' ? !!u.methods.sms : !!u.methods.authenticator));
    }
    case 'serviceRunning': {
      const h = truth.hosts[bind(check.host, params)];
      const running = h?.power === 'on' && h.host.services[check.service]?.status === 'Running';
      return running === (check.running ?? true);
    }
    case 'event': {
      const h = truth.hosts[bind(check.host, params)];
      const logs = check.log ? [check.log] : (['Application', 'System', 'Security'] as const);
      return logs.some((l) =>
        (h?.host.logs[l]?.entries ?? []).some(
          (e) =>
            e.time >= ctx.startedAt && e.eventId === check.id && (!check.source || e.source === check.source),
        ),
      );
    }
    case 'passwordsInSync': {
      const sam = samOf(bind(check.user, params));
      const ad = adUserOf(truth, def, sam);
      const cloud = findCloudUser(truth.tenant, upnOf(sam, def));
      return !!ad && !!cloud && cloud.password === ad.password;
    }
    case 'adGroupMember': {
      const u = adUserOf(truth, def, samOf(bind(check.user, params)));
      const member = !!u?.memberOf.some((g) => g.toLowerCase() === check.group.toLowerCase());
      return member === (check.member ?? true);
    }
    case 'cloudGroupMember': {
      const u = findCloudUser(truth.tenant, upnOf(bind(check.user, params), def));
      const member = !!u && isCloudMember(truth.tenant, check.group, u.id);
      return member === (check.member ?? true);
    }
    case 'lockedOut':
      return lockedOut(truth, def, samOf(bind(check.user, params))) === (check.locked ?? true);
    case 'licensed': {
      const u = findCloudUser(truth.tenant, upnOf(bind(check.user, params), def));
      return (!!u && u.licenses.length > 0) === (check.licensed ?? true);
    }
    case 'audit': {
      const detail = check.detail?.toLowerCase();
      return truth.tenant.audit.some(
        (a) =>
          a.time >= ctx.startedAt &&
          a.status === 'Success' &&
          a.activity === check.activity &&
          (!detail || Object.values(a.details ?? {}).some((v) => v.toLowerCase().includes(detail))),
      );
    }
    case 'viewing': {
      // What that surface shows now: the last page the learner opened on it.
      if (check.justNow) {
        const last = ctx.journal.at(-1);
        const c = last?.command;
        return (
          c?.type === 'surface.view' &&
          last?.at === truth.time &&
          c.surface === check.surface &&
          c.target === check.target &&
          (check.host === undefined || c.host === bind(check.host, params))
        );
      }
      for (let i = ctx.journal.length - 1; i >= 0; i--) {
        const c = ctx.journal[i]?.command;
        if (c?.type !== 'surface.view' || c.surface !== check.surface) continue;
        return c.target === check.target && (check.host === undefined || c.host === bind(check.host, params));
      }
      return false;
    }
    case 'ran': {
      const host = bind(check.host, params);
      const want = squash(check.command);
      const contains = check.contains ? squash(check.contains) : undefined;
      return ctx.observed.some(
        (o) =>
          o.kind === 'console' &&
          o.host === host &&
          (!check.shell || o.shell === check.shell) &&
          !o.error &&
          squash(o.line).split(' ')[0] === want &&
          (!contains || squash(o.line).includes(contains)),
      );
    }
  }
}

/** Meaning checks beyond the schema: hosts, users, services and faults named must exist. */
export function checkMeaning(
  check: Check,
  def: LabDefinition,
  faultIds: readonly string[],
  path: string,
): string[] {
  const errors: string[] = [];
  const hosts = def.hosts.map((h) => h.id);
  const users = def.users.map((u) => u.sam.toLowerCase());
  const userOk = (u: string) =>
    u === '$user' ||
    users.includes(samOf(u).toLowerCase()) ||
    (u.includes('@') && !u.toLowerCase().endsWith(`@${def.domain.fqdn}`));
  const hostOk = (h: string) => h === '$pc' || hosts.includes(h);
  const visit = (c: Check, p: string) => {
    switch (c.kind) {
      case 'all':
      case 'any':
        c.checks.forEach((x, i) => visit(x, `${p}.checks[${i}]`));
        return;
      case 'not':
        visit(c.check, `${p}.check`);
        return;
      case 'faultFixed':
        if (!faultIds.includes(c.fault))
          errors.push(
            `${p}.fault: expected a fault this scenario puts in place (${faultIds.join(', ') || 'none'}), got "${c.fault}"`,
          );
        return;
      default:
        break;
    }
    if ('user' in c && !userOk(c.user)) errors.push(`${p}.user: expected a user of the lab, got "${c.user}"`);
    if ('host' in c && c.host !== undefined && !hostOk(c.host))
      errors.push(`${p}.host: expected a host of the lab (${hosts.join(', ')}), got "${c.host}"`);
  };
  visit(check, path);
  return errors;
}
