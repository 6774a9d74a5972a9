/**
 * Every lab command, declared once (see commandKit.ts): its fields as zod schemas (the command's
 * TypeScript type and the device's event type are inferred from them), what the lab checks
 * against its definition, and where it goes. A declarative table: adding a command is one entry
 * here and its handler in the device it goes to.
 */
import { z } from 'zod';
import {
  aducActionSchema,
  adminActionSchema,
  myAccountActionSchema,
  ssprActionSchema,
  wizardActionSchema,
} from '../core/actionSchemas';
import {
  adOpSchema,
  adsyncPatchSchema,
  firewallRuleSchema,
  hostPatchSchema,
  tenantOpSchema,
} from '../core/backstageSchemas';
import { DAY } from '../core/time';
import { SERVICE_CATALOG } from '../windows/services';
import { command, type CommandInputUnion, type CommandUnion, type EventOf, type LabRefs } from './commandKit';

export const MAX_ADVANCE_MS = 366 * DAY;
export const MAX_LINE_LENGTH = 4000;

/** Where a learner can look at something without changing it. */
export const VIEW_SURFACES = ['admin', 'events', 'tool'] as const;

const got = (expected: string) => (iss: { input?: unknown }) =>
  `${expected}, got ${JSON.stringify(iss.input)}`;
const onOff = (withValue = true) =>
  z.boolean({ error: withValue ? got('expected true or false') : 'expected true or false' });
const shell = z.enum(['cmd', 'powershell'], { error: got('expected "cmd" or "powershell"') });
const text = (max: number, error: string, min = 0) =>
  z.string({ error }).min(min, { error }).max(max, { error });
const userName = () => text(256, 'expected a user name', 1);
const password = () => text(256, 'expected a password of at most 256 characters');

const hostOnly = (to: 'host' | 'network' = 'host') =>
  command({ to, fields: (r: LabRefs) => ({ host: r.host }) });

const service = command({
  to: 'host',
  // Any value: whether it names a service depends on the host (checked below, with the host in the message).
  fields: (r) => ({ host: r.host, service: z.custom<string>() }),
  check: (c, r) => {
    const kind = r.def.hosts.find((h) => h.id === c.host)?.kind;
    const svc = SERVICE_CATALOG.find(
      (s) =>
        typeof c.service === 'string' &&
        s.name.toLowerCase() === c.service.toLowerCase() &&
        kind &&
        s.kinds.includes(kind),
    );
    return svc
      ? undefined
      : { path: ['service'], message: `expected a service of ${c.host}, got ${JSON.stringify(c.service)}` };
  },
  normalise: (c) => ({
    ...c,
    service: SERVICE_CATALOG.find((s) => s.name.toLowerCase() === c.service.toLowerCase())?.name ?? c.service,
  }),
});

/** The quick checks (commandKit's `quick`): the exact fields a journal holds, in the schema's order. */
const isShell = (v: unknown): v is 'cmd' | 'powershell' => v === 'cmd' || v === 'powershell';
const isHost = (v: unknown, r: LabRefs): v is string => typeof v === 'string' && r.hostIds.has(v);

const consoleWindow = command({
  to: 'host',
  fields: (r) => ({ host: r.host, shell }),
  quick: (v, r) =>
    isHost(v.host, r) && isShell(v.shell)
      ? { type: v.type as string, host: v.host, shell: v.shell }
      : undefined,
});

const firewall = command({
  to: 'network',
  fields: () => ({
    add: firewallRuleSchema.optional(),
    remove: text(128, 'expected a rule id of at most 128 characters').optional(),
  }),
  check: (c) =>
    c.add || c.remove !== undefined
      ? undefined
      : { path: [], message: 'expected "add" (a rule) or "remove" (a rule id)' },
  // One change at a time: a rule added, or else one removed.
  normalise: (c) => (c.add ? { add: c.add } : { remove: c.remove }),
});

const pageAction = <S extends z.ZodType>(action: S, to: 'tenant' | 'sync') =>
  command({ to, fields: () => ({ action }) });

export const LAB_COMMANDS = {
  'clock.advance': command({
    to: 'lab',
    fields: () => {
      const error = got(`expected a number of milliseconds from 0 to ${MAX_ADVANCE_MS}`);
      return { ms: z.number({ error }).min(0, { error }).max(MAX_ADVANCE_MS, { error }) };
    },
    quick: ({ ms }) =>
      typeof ms === 'number' && ms >= 0 && ms <= MAX_ADVANCE_MS ? { type: 'clock.advance', ms } : undefined,
  }),
  'clock.next': command({ to: 'lab', fields: () => ({}), quick: () => ({ type: 'clock.next' }) }),
  'host.power': command({ to: 'host', fields: (r) => ({ host: r.host, on: onOff() }) }),
  'host.restart': hostOnly(),
  'service.start': service,
  'service.stop': service,
  'service.restart': service,
  'link.cut': command({
    ...hostOnly('network'),
    event: (c) => ({ type: 'net.cable' as const, id: c.host, connected: false }),
  }),
  'link.restore': command({
    ...hostOnly('network'),
    event: (c) => ({ type: 'net.cable' as const, id: c.host, connected: true }),
  }),
  'console.exec': command({
    to: 'host',
    fields: (r) => ({
      host: r.host,
      shell,
      line: text(MAX_LINE_LENGTH, `expected a line of at most ${MAX_LINE_LENGTH} characters`),
    }),
    quick: ({ host, shell, line }, r) =>
      isHost(host, r) && isShell(shell) && typeof line === 'string' && line.length <= MAX_LINE_LENGTH
        ? { type: 'console.exec', host, shell, line }
        : undefined,
  }),
  'console.clear': consoleWindow,
  /** The console window is closed; the next one opens with an empty screen and no history. */
  'console.close': consoleWindow,
  'phone.power': command({ to: 'phone', fields: (r) => ({ phone: r.phone, on: onOff(false) }) }),
  'desktop.signIn': command({
    to: 'host',
    fields: (r) => ({ host: r.client, user: userName(), password: password() }),
  }),
  'desktop.signOut': command({ to: 'host', fields: (r) => ({ host: r.client }) }),
  /** The forced change at sign-in, or Ctrl+Alt+Del > Change a password while signed in. */
  'desktop.changePassword': command({
    to: 'host',
    fields: (r) => ({ host: r.client, user: userName(), oldPassword: password(), newPassword: password() }),
  }),
  'portal.sspr': pageAction(ssprActionSchema, 'tenant'),
  'portal.myaccount': pageAction(myAccountActionSchema, 'tenant'),
  'portal.admin': pageAction(adminActionSchema, 'tenant'),
  'connect.wizard': pageAction(wizardActionSchema, 'sync'),
  'phone.scan': command({
    to: 'phone',
    fields: (r) => ({
      phone: r.phone,
      activationCode: text(64, 'expected the code shown under the QR code'),
    }),
  }),
  'phone.respond': command({
    to: 'phone',
    fields: (r) => ({
      phone: r.phone,
      requestId: text(64, 'expected a notification id'),
      approve: onOff(false),
      number: z
        .number({ error: 'expected the number shown on the sign-in screen' })
        .int({ error: 'expected the number shown on the sign-in screen' })
        .optional(),
    }),
  }),
  /** A ringing verification call answered (with the keys pressed) or declined. */
  'phone.call': command({
    to: 'phone',
    fields: (r) => {
      const keys = 'expected the keys pressed (0-9, * and #), at most 16';
      return {
        phone: r.phone,
        requestId: text(64, 'expected the id of a ringing call'),
        answer: onOff(false),
        keys: z
          .string({ error: keys })
          .regex(/^[0-9*#]{0,16}$/, { error: keys })
          .optional(),
      };
    },
  }),
  /** The gateway's admin page: the edge firewall's rules, as the network's admin changes them. */
  'gateway.firewall': command({
    ...firewall,
    event: (c) =>
      c.add
        ? { type: 'firewall.add' as const, rule: c.add, first: c.add.action === 'allow' }
        : { type: 'firewall.remove' as const, id: c.remove ?? '' },
  }),
  /** Synchronization Service Manager > Connectors > (AD connector) > Properties > Connect to Active Directory Forest. */
  'syncmanager.connector': command({
    to: 'sync',
    fields: () => ({
      password: text(2048, 'expected a string of at most 2048 characters').optional(),
      ldapSignAndEncrypt: onOff(false).optional(),
    }),
    check: (c) =>
      c.password === undefined && c.ldapSignAndEncrypt === undefined
        ? { path: [], message: 'expected "password" or "ldapSignAndEncrypt"' }
        : undefined,
    event: (c) => ({
      type: 'syncmanager.connector' as const,
      patch: {
        ...(c.password !== undefined ? { connectorPassword: c.password } : {}),
        ...(c.ldapSignAndEncrypt !== undefined ? { ldapSignAndEncrypt: c.ldapSignAndEncrypt } : {}),
      },
    }),
  }),
  /** Active Directory Users and Computers on the domain controller (see tools/aduc.ts). */
  'aduc.action': command({
    to: 'host',
    fields: (r) => ({ host: r.dc, action: aducActionSchema }),
    check: ({ action: a }) =>
      a.type === 'setAccountOptions' &&
      [a.mustChange, a.cannotChange, a.neverExpires, a.disabled].every((x) => x === undefined)
        ? {
            path: ['action'],
            message: 'expected at least one of "mustChange", "cannotChange", "neverExpires", "disabled"',
          }
        : undefined,
  }),
  /**
   * The learner opens a page that shows the lab's state: an admin center blade (`target` is the
   * blade), an Event Viewer log on a host (`target` is the log), a server tool on a host. It
   * changes nothing in the lab; it is journalled so that what the learner looked at is part of
   * the record (a guided step that asks to verify a status, the debrief's "logs opened").
   */
  'surface.view': command({
    to: 'lab',
    fields: (r) => ({
      surface: z.enum(VIEW_SURFACES, { error: got(`expected one of ${VIEW_SURFACES.join(', ')}`) }),
      target: text(64, 'expected the page looked at (at most 64 characters)', 1),
      host: r.host.optional(),
    }),
    check: (c, r) =>
      c.surface !== 'admin' && c.host === undefined
        ? { path: ['host'], message: r.hostError(undefined) }
        : undefined,
  }),
  // Instructor-only changes (see backstage.ts).
  'backstage.host': command({ to: 'host', fields: (r) => ({ host: r.host, patch: hostPatchSchema }) }),
  'backstage.ad': command({ to: 'dc', fields: () => ({ op: adOpSchema }) }),
  'backstage.adsync': command({ to: 'sync', fields: () => ({ patch: adsyncPatchSchema }) }),
  'backstage.tenant': command({ to: 'tenant', fields: () => ({ op: tenantOpSchema }) }),
  'backstage.firewall': command({
    ...firewall,
    event: (c) =>
      c.add
        ? { type: 'firewall.add' as const, rule: c.add, first: false }
        : { type: 'firewall.remove' as const, id: c.remove ?? '' },
  }),
};

type Commands = typeof LAB_COMMANDS;
export type LabCommandType = keyof Commands;

export type LabCommand = CommandUnion<Commands>;
/** A lab command as a caller writes it (before defaults are filled in). */
export type LabCommandInput = CommandInputUnion<Commands>;

/** What a device gets for the commands `K` (inferred from their declarations). */
export type LabCommandEvent<K extends LabCommandType> = { [T in K]: EventOf<Commands, T> }[K];
