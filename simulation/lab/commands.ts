/**
 * The lab's input vocabulary: plain, serialisable commands, lower-case and dot-namespaced. Every
 * learner or instructor action is one of these; a session's journal is a list of them. This
 * module validates a command against a lab definition (with an error that names what is wrong)
 * and says which actor it is for.
 */
import type { FirewallRule, LabDefinition } from '../core/definition';
import type { EventObject } from 'xstate';
import { z } from 'zod';
import type { AdOp, AdSyncPatch, HostPatch, TenantOp } from '../devices/backstage';
import { adOpSchema, adsyncPatchSchema, firewallRuleSchema, hostPatchSchema } from '../core/backstageSchemas';
import {
  aducActionSchema,
  adminActionSchema,
  myAccountActionSchema,
  type AducAction,
  ssprActionSchema,
  wizardActionSchema,
} from '../core/actionSchemas';
import { formatIssues } from './definitionSchema';
import { DAY } from '../core/time';
import type { ShellKind } from '../windows/hostState';
import { SERVICE_CATALOG } from '../windows/services';

export type LabCommand =
  | { type: 'clock.advance'; ms: number }
  | { type: 'clock.next' }
  | { type: 'host.power'; host: string; on: boolean }
  | { type: 'host.restart'; host: string }
  | { type: 'service.start'; host: string; service: string }
  | { type: 'service.stop'; host: string; service: string }
  | { type: 'service.restart'; host: string; service: string }
  | { type: 'link.cut'; host: string }
  | { type: 'link.restore'; host: string }
  | { type: 'console.exec'; host: string; shell: ShellKind; line: string }
  | { type: 'console.clear'; host: string; shell: ShellKind }
  /** The console window is closed; the next one opens with an empty screen and no history. */
  | { type: 'console.close'; host: string; shell: ShellKind }
  | { type: 'phone.power'; phone: string; on: boolean }
  | { type: 'desktop.signIn'; host: string; user: string; password: string }
  | { type: 'desktop.signOut'; host: string }
  /** The forced change at sign-in, or Ctrl+Alt+Del > Change a password while signed in. */
  | { type: 'desktop.changePassword'; host: string; user: string; oldPassword: string; newPassword: string }
  | { type: 'portal.sspr'; action: z.infer<typeof ssprActionSchema> }
  | { type: 'portal.myaccount'; action: z.infer<typeof myAccountActionSchema> }
  | { type: 'portal.admin'; action: z.infer<typeof adminActionSchema> }
  | { type: 'connect.wizard'; action: z.infer<typeof wizardActionSchema> }
  | { type: 'phone.scan'; phone: string; activationCode: string }
  | { type: 'phone.respond'; phone: string; requestId: string; approve: boolean; number?: number }
  /** A ringing verification call answered (with the keys pressed) or declined. */
  | { type: 'phone.call'; phone: string; requestId: string; answer: boolean; keys?: string }
  /** The gateway's admin page: the edge firewall's rules, as the network's admin changes them. */
  | { type: 'gateway.firewall'; add?: FirewallRule; remove?: string }
  /** Synchronization Service Manager > Connectors > (AD connector) > Properties > Connect to Active Directory Forest. */
  | { type: 'syncmanager.connector'; password?: string; ldapSignAndEncrypt?: boolean }
  /** Active Directory Users and Computers on the domain controller (see windows/aduc.ts). */
  | { type: 'aduc.action'; host: string; action: AducAction }
  | ViewCommand
  | BackstageCommand;

/** Where a learner can look at something without changing it. */
export const VIEW_SURFACES = ['admin', 'events', 'tool'] as const;
export type ViewSurface = (typeof VIEW_SURFACES)[number];

/**
 * The learner opens a page that shows the lab's state: an admin center blade (`target` is the
 * blade), an Event Viewer log on a host (`target` is the log), a server tool on a host. It changes
 * nothing in the lab; it is journalled so that what the learner looked at is part of the record
 * (a guided step that asks to verify a status, the debrief's "logs opened").
 */
export type ViewCommand = { type: 'surface.view'; surface: ViewSurface; target: string; host?: string };

/** Instructor-only changes (see backstage.ts). */
export type BackstageCommand =
  | { type: 'backstage.host'; host: string; patch: HostPatch }
  | { type: 'backstage.ad'; op: AdOp }
  | { type: 'backstage.adsync'; patch: AdSyncPatch }
  | { type: 'backstage.tenant'; op: TenantOp }
  | { type: 'backstage.firewall'; add?: FirewallRule; remove?: string };

export type LabCommandType = LabCommand['type'];

export const COMMAND_TYPES: readonly LabCommandType[] = [
  'clock.advance',
  'clock.next',
  'host.power',
  'host.restart',
  'service.start',
  'service.stop',
  'service.restart',
  'link.cut',
  'link.restore',
  'console.exec',
  'console.clear',
  'console.close',
  'phone.power',
  'desktop.signIn',
  'desktop.signOut',
  'desktop.changePassword',
  'portal.sspr',
  'portal.myaccount',
  'portal.admin',
  'connect.wizard',
  'phone.scan',
  'phone.respond',
  'phone.call',
  'gateway.firewall',
  'syncmanager.connector',
  'aduc.action',
  'surface.view',
  'backstage.host',
  'backstage.ad',
  'backstage.adsync',
  'backstage.tenant',
  'backstage.firewall',
];

const tenantOpSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('admin'), action: adminActionSchema }),
  z.object({
    op: z.literal('resetAttempts'),
    user: z.string().max(256),
    count: z.number().int().min(0).max(50),
  }),
  z.object({
    op: z.literal('methods'),
    user: z.string().max(256),
    sms: z.union([z.string().max(40), z.null()]).optional(),
    authenticator: z.boolean().optional(),
  }),
  z.object({
    op: z.literal('password'),
    user: z.string().max(256),
    password: z.union([z.string().max(256), z.null()]),
  }),
]);

const ACTION_SCHEMAS = {
  'portal.sspr': ssprActionSchema,
  'portal.myaccount': myAccountActionSchema,
  'portal.admin': adminActionSchema,
  'connect.wizard': wizardActionSchema,
} as const;

export const MAX_ADVANCE_MS = 366 * DAY;
export const MAX_LINE_LENGTH = 4000;

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const COMMAND_TYPE_SET: ReadonlySet<string> = new Set(COMMAND_TYPES);

/** Each definition's host ids, found once (a 1,000-PC lab checks a host on every command). */
const HOST_IDS = new WeakMap<LabDefinition, ReadonlySet<string>>();

function hostError(def: LabDefinition, type: string, host: unknown): string | undefined {
  let ids = HOST_IDS.get(def);
  if (!ids) HOST_IDS.set(def, (ids = new Set(def.hosts.map((h) => h.id))));
  if (typeof host === 'string' && ids.has(host)) return undefined;
  return `${type}.host: expected a host of the lab (${[...ids].join(', ')}), got ${JSON.stringify(host)}`;
}

function shellError(type: string, shell: unknown): string | undefined {
  return shell === 'cmd' || shell === 'powershell'
    ? undefined
    : `${type}.shell: expected "cmd" or "powershell", got ${JSON.stringify(shell)}`;
}

/**
 * Checks that `value` is a command this lab can take. Returns the command, typed, or an error
 * that names the field and what was expected.
 */
export function parseCommand(
  def: LabDefinition,
  value: unknown,
  /** Types a layer above adds (the instructor's fault commands), named in the error for an unknown type. */
  moreTypes: readonly string[] = [],
): { ok: true; command: LabCommand } | { ok: false; error: string } {
  if (!isObject(value)) return { ok: false, error: 'command: expected an object' };
  const type = value.type;
  if (typeof type !== 'string' || !COMMAND_TYPE_SET.has(type)) {
    return {
      ok: false,
      error: `command.type: expected one of ${[...COMMAND_TYPES, ...moreTypes].join(', ')}, got ${JSON.stringify(type)}`,
    };
  }
  let error: string | undefined;
  switch (type) {
    case 'clock.advance': {
      const ms = value.ms;
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0 || ms > MAX_ADVANCE_MS) {
        error = `clock.advance.ms: expected a number of milliseconds from 0 to ${MAX_ADVANCE_MS}, got ${JSON.stringify(ms)}`;
      }
      break;
    }
    case 'clock.next':
      break;
    case 'host.power':
      error =
        hostError(def, type, value.host) ??
        (typeof value.on === 'boolean'
          ? undefined
          : `host.power.on: expected true or false, got ${JSON.stringify(value.on)}`);
      break;
    case 'host.restart':
    case 'link.cut':
    case 'link.restore':
      error = hostError(def, type, value.host);
      break;
    case 'service.start':
    case 'service.stop':
    case 'service.restart': {
      error = hostError(def, type, value.host);
      if (!error) {
        const kind = def.hosts.find((h) => h.id === value.host)?.kind;
        const svc = SERVICE_CATALOG.find(
          (s) =>
            typeof value.service === 'string' &&
            s.name.toLowerCase() === value.service.toLowerCase() &&
            kind &&
            s.kinds.includes(kind),
        );
        if (!svc)
          error = `${type}.service: expected a service of ${String(value.host)}, got ${JSON.stringify(value.service)}`;
      }
      break;
    }
    case 'console.exec':
      error =
        hostError(def, type, value.host) ??
        shellError(type, value.shell) ??
        (typeof value.line === 'string' && value.line.length <= MAX_LINE_LENGTH
          ? undefined
          : `console.exec.line: expected a line of at most ${MAX_LINE_LENGTH} characters`);
      break;
    case 'console.clear':
    case 'console.close':
      error = hostError(def, type, value.host) ?? shellError(type, value.shell);
      break;
    case 'desktop.signIn':
    case 'desktop.changePassword':
    case 'desktop.signOut': {
      const clients = def.hosts.filter((h) => h.kind === 'client').map((h) => h.id);
      if (typeof value.host !== 'string' || !clients.includes(value.host)) {
        error = `${type}.host: expected a client PC of the lab (${clients.join(', ')}), got ${JSON.stringify(value.host)}`;
      } else if (type === 'desktop.signIn') {
        if (typeof value.user !== 'string' || value.user.length === 0 || value.user.length > 256)
          error = 'desktop.signIn.user: expected a user name';
        else if (typeof value.password !== 'string' || value.password.length > 256)
          error = 'desktop.signIn.password: expected a password of at most 256 characters';
      } else if (type === 'desktop.changePassword') {
        if (typeof value.user !== 'string' || value.user.length === 0 || value.user.length > 256)
          error = 'desktop.changePassword.user: expected a user name';
        else if (typeof value.oldPassword !== 'string' || value.oldPassword.length > 256)
          error = 'desktop.changePassword.oldPassword: expected a password of at most 256 characters';
        else if (typeof value.newPassword !== 'string' || value.newPassword.length > 256)
          error = 'desktop.changePassword.newPassword: expected a password of at most 256 characters';
      }
      break;
    }
    case 'portal.sspr':
    case 'portal.myaccount':
    case 'portal.admin':
    case 'connect.wizard': {
      const r = ACTION_SCHEMAS[type].safeParse(value.action);
      if (!r.success) error = formatIssues(r.error.issues, `${type}.action`)[0];
      else return { ok: true, command: { type, action: r.data } as LabCommand };
      break;
    }
    case 'backstage.host': {
      error = hostError(def, type, value.host);
      if (!error) {
        const r = hostPatchSchema.safeParse(value.patch);
        if (!r.success) error = formatIssues(r.error.issues, 'backstage.host.patch')[0];
        else return { ok: true, command: { type, host: value.host as string, patch: r.data } };
      }
      break;
    }
    case 'backstage.ad':
    case 'backstage.adsync':
    case 'backstage.tenant': {
      const schema =
        type === 'backstage.ad'
          ? adOpSchema
          : type === 'backstage.adsync'
            ? adsyncPatchSchema
            : tenantOpSchema;
      const field = type === 'backstage.adsync' ? 'patch' : 'op';
      const r = schema.safeParse(value[field]);
      if (!r.success) error = formatIssues(r.error.issues, `${type}.${field}`)[0];
      else return { ok: true, command: { type, [field]: r.data } as LabCommand };
      break;
    }
    case 'gateway.firewall':
    case 'backstage.firewall': {
      if (value.add !== undefined) {
        const r = firewallRuleSchema.safeParse(value.add);
        if (!r.success) error = formatIssues(r.error.issues, `${type}.add`)[0];
        else return { ok: true, command: { type, add: r.data } };
      } else if (typeof value.remove === 'string' && value.remove.length <= 128) {
        return { ok: true, command: { type, remove: value.remove } };
      } else error = `${type}: expected "add" (a rule) or "remove" (a rule id)`;
      break;
    }
    case 'syncmanager.connector': {
      const { password, ldapSignAndEncrypt } = value;
      if (password === undefined && ldapSignAndEncrypt === undefined)
        error = 'syncmanager.connector: expected "password" or "ldapSignAndEncrypt"';
      else if (password !== undefined && (typeof password !== 'string' || password.length > 2048))
        error = 'syncmanager.connector.password: expected a string of at most 2048 characters';
      else if (ldapSignAndEncrypt !== undefined && typeof ldapSignAndEncrypt !== 'boolean')
        error = 'syncmanager.connector.ldapSignAndEncrypt: expected true or false';
      else
        return {
          ok: true,
          command: {
            type,
            ...(password !== undefined ? { password: password as string } : {}),
            ...(ldapSignAndEncrypt !== undefined
              ? { ldapSignAndEncrypt: ldapSignAndEncrypt as boolean }
              : {}),
          },
        };
      break;
    }
    case 'aduc.action': {
      const dcs = def.hosts.filter((h) => h.kind === 'dc').map((h) => h.id);
      if (typeof value.host !== 'string' || !dcs.includes(value.host)) {
        error = `aduc.action.host: expected the domain controller (${dcs.join(', ')}), got ${JSON.stringify(value.host)}`;
        break;
      }
      const r = aducActionSchema.safeParse(value.action);
      if (!r.success) error = formatIssues(r.error.issues, 'aduc.action.action')[0];
      else if (
        r.data.type === 'setAccountOptions' &&
        [r.data.mustChange, r.data.cannotChange, r.data.neverExpires, r.data.disabled].every(
          (x) => x === undefined,
        )
      )
        error =
          'aduc.action.action: expected at least one of "mustChange", "cannotChange", "neverExpires", "disabled"';
      else return { ok: true, command: { type, host: value.host, action: r.data } };
      break;
    }
    case 'surface.view': {
      const surface = value.surface;
      if (!(VIEW_SURFACES as readonly unknown[]).includes(surface))
        error = `surface.view.surface: expected one of ${VIEW_SURFACES.join(', ')}, got ${JSON.stringify(surface)}`;
      else if (typeof value.target !== 'string' || value.target.length === 0 || value.target.length > 64)
        error = 'surface.view.target: expected the page looked at (at most 64 characters)';
      else if (value.host !== undefined || surface !== 'admin') error = hostError(def, type, value.host);
      if (!error)
        return {
          ok: true,
          command: {
            type,
            surface: surface as ViewSurface,
            target: value.target as string,
            ...(typeof value.host === 'string' ? { host: value.host } : {}),
          },
        };
      break;
    }
    case 'phone.scan':
    case 'phone.respond':
    case 'phone.call': {
      const ids = def.phones.map((p) => p.id);
      if (typeof value.phone !== 'string' || !ids.includes(value.phone)) {
        error = `${type}.phone: expected a phone of the lab (${ids.join(', ')}), got ${JSON.stringify(value.phone)}`;
      } else if (type === 'phone.call') {
        if (typeof value.requestId !== 'string' || value.requestId.length > 64)
          error = 'phone.call.requestId: expected the id of a ringing call';
        else if (typeof value.answer !== 'boolean') error = 'phone.call.answer: expected true or false';
        else if (
          value.keys !== undefined &&
          (typeof value.keys !== 'string' || !/^[0-9*#]{0,16}$/.test(value.keys))
        )
          error = 'phone.call.keys: expected the keys pressed (0-9, * and #), at most 16';
      } else if (type === 'phone.scan') {
        if (typeof value.activationCode !== 'string' || value.activationCode.length > 64)
          error = 'phone.scan.activationCode: expected the code shown under the QR code';
      } else if (typeof value.requestId !== 'string' || value.requestId.length > 64)
        error = 'phone.respond.requestId: expected a notification id';
      else if (typeof value.approve !== 'boolean') error = 'phone.respond.approve: expected true or false';
      else if (
        value.number !== undefined &&
        (typeof value.number !== 'number' || !Number.isInteger(value.number))
      )
        error = 'phone.respond.number: expected the number shown on the sign-in screen';
      break;
    }
    case 'phone.power': {
      const ids = def.phones.map((p) => p.id);
      error =
        typeof value.phone === 'string' && ids.includes(value.phone)
          ? typeof value.on === 'boolean'
            ? undefined
            : `phone.power.on: expected true or false`
          : `phone.power.phone: expected a phone of the lab (${ids.join(', ')}), got ${JSON.stringify(value.phone)}`;
      break;
    }
  }
  if (error) return { ok: false, error };
  // Keep only the fields of the command's type, so a journal never carries stray data.
  return { ok: true, command: normalise(value as LabCommand) };
}

function normalise(c: LabCommand): LabCommand {
  switch (c.type) {
    case 'clock.advance':
      return { type: c.type, ms: c.ms };
    case 'clock.next':
      return { type: c.type };
    case 'host.power':
      return { type: c.type, host: c.host, on: c.on };
    case 'host.restart':
    case 'link.cut':
    case 'link.restore':
      return { type: c.type, host: c.host };
    case 'service.start':
    case 'service.stop':
    case 'service.restart':
      return {
        type: c.type,
        host: c.host,
        service:
          SERVICE_CATALOG.find((s) => s.name.toLowerCase() === c.service.toLowerCase())?.name ?? c.service,
      };
    case 'console.exec':
      return { type: c.type, host: c.host, shell: c.shell, line: c.line };
    case 'console.clear':
    case 'console.close':
      return { type: c.type, host: c.host, shell: c.shell };
    case 'phone.power':
      return { type: c.type, phone: c.phone, on: c.on };
    case 'desktop.signIn':
      return { type: c.type, host: c.host, user: c.user, password: c.password };
    case 'desktop.signOut':
      return { type: c.type, host: c.host };
    case 'desktop.changePassword':
      return {
        type: c.type,
        host: c.host,
        user: c.user,
        oldPassword: c.oldPassword,
        newPassword: c.newPassword,
      };
    case 'phone.scan':
      return { type: c.type, phone: c.phone, activationCode: c.activationCode };
    case 'phone.call':
      return c.keys === undefined
        ? { type: c.type, phone: c.phone, requestId: c.requestId, answer: c.answer }
        : { type: c.type, phone: c.phone, requestId: c.requestId, answer: c.answer, keys: c.keys };
    case 'phone.respond':
      return c.number === undefined
        ? { type: c.type, phone: c.phone, requestId: c.requestId, approve: c.approve }
        : { type: c.type, phone: c.phone, requestId: c.requestId, approve: c.approve, number: c.number };
    default:
      return c;
  }
}

/** The actor a (non-clock) command goes to, and the event it becomes there. */
export function routeCommand(
  c: Exclude<LabCommand, { type: 'clock.advance' } | { type: 'clock.next' } | ViewCommand>,
  syncHost: string,
  dcHost: string,
): {
  target: string;
  event: EventObject & Record<string, unknown>;
} {
  switch (c.type) {
    case 'link.cut':
    case 'link.restore':
      return {
        target: 'network',
        event: { type: 'net.cable', id: c.host, connected: c.type === 'link.restore' },
      };
    case 'phone.power':
      return { target: c.phone, event: { type: 'phone.power', on: c.on } };
    case 'host.power':
      return { target: c.host, event: { type: 'host.power', on: c.on } };
    case 'host.restart':
      return { target: c.host, event: { type: 'host.restart' } };
    case 'service.start':
    case 'service.stop':
    case 'service.restart':
      return { target: c.host, event: { type: c.type, service: c.service } };
    case 'console.exec':
      return { target: c.host, event: { type: 'console.exec', shell: c.shell, line: c.line } };
    case 'console.clear':
    case 'console.close':
      return { target: c.host, event: { type: c.type, shell: c.shell } };
    case 'desktop.signIn':
      return { target: c.host, event: { type: 'desktop.signIn', user: c.user, password: c.password } };
    case 'desktop.signOut':
      return { target: c.host, event: { type: 'desktop.signOut' } };
    case 'desktop.changePassword':
      return {
        target: c.host,
        event: {
          type: 'desktop.changePassword',
          user: c.user,
          oldPassword: c.oldPassword,
          newPassword: c.newPassword,
        },
      };
    case 'portal.sspr':
    case 'portal.myaccount':
    case 'portal.admin':
      return { target: 'tenant', event: { type: c.type, action: c.action } };
    case 'connect.wizard':
      return { target: syncHost, event: { type: 'connect.wizard', action: c.action } };
    case 'backstage.host':
      return { target: c.host, event: { type: 'backstage.host', patch: c.patch } };
    case 'backstage.ad':
      return { target: dcHost, event: { type: 'backstage.ad', op: c.op } };
    case 'backstage.adsync':
      return { target: syncHost, event: { type: 'backstage.adsync', patch: c.patch } };
    case 'backstage.tenant':
      return { target: 'tenant', event: { type: 'backstage.tenant', op: c.op } };
    case 'syncmanager.connector':
      return {
        target: syncHost,
        event: {
          type: 'syncmanager.connector',
          patch: {
            ...(c.password !== undefined ? { connectorPassword: c.password } : {}),
            ...(c.ldapSignAndEncrypt !== undefined ? { ldapSignAndEncrypt: c.ldapSignAndEncrypt } : {}),
          },
        },
      };
    case 'aduc.action':
      return { target: c.host, event: { type: 'aduc.action', action: c.action } };
    case 'gateway.firewall':
    case 'backstage.firewall':
      return {
        target: 'network',
        event: c.add
          ? {
              type: 'firewall.add',
              rule: c.add,
              first: c.type === 'gateway.firewall' && c.add.action === 'allow',
            }
          : { type: 'firewall.remove', id: c.remove ?? '' },
      };
    case 'phone.scan':
      return { target: c.phone, event: { type: 'phone.scan', activationCode: c.activationCode } };
    case 'phone.respond':
      return {
        target: c.phone,
        event: { type: 'phone.respond', requestId: c.requestId, approve: c.approve, number: c.number },
      };
    case 'phone.call':
      return {
        target: c.phone,
        event: { type: 'phone.call', requestId: c.requestId, answer: c.answer, keys: c.keys },
      };
  }
}
