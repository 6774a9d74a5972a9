/** Schemas of the instructor-only backstage commands (see backstage.ts), for validation. */
import { z } from 'zod';
import { adminActionSchema } from './actionSchemas';
import { AD_RIGHTS } from './directoryTypes';

const regValue = z.object({
  type: z.enum(['REG_DWORD', 'REG_SZ', 'REG_MULTI_SZ', 'REG_QWORD', 'REG_EXPAND_SZ']),
  data: z.union([z.number(), z.string().max(4096), z.array(z.string().max(1024)).max(64)]),
});

export const hostPatchSchema = z.discriminatedUnion('op', [
  z.object({
    op: z.literal('clock'),
    offsetMs: z
      .number()
      .finite()
      .min(-366 * 86_400_000)
      .max(366 * 86_400_000),
    timeType: z.enum(['NT5DS', 'NTP', 'NoSync']).optional(),
  }),
  z.object({ op: z.literal('dns'), servers: z.union([z.array(z.string().max(64)).max(8), z.null()]) }),
  z.object({
    op: z.literal('registry'),
    key: z.string().max(512),
    name: z.string().max(256),
    value: regValue.optional(),
  }),
  z.object({ op: z.literal('tls'), active: z.boolean() }),
  z.object({ op: z.literal('machineSecret'), secret: z.number().int() }),
  z.object({ op: z.literal('dhcpRestart') }),
]);

const right = z.enum(AD_RIGHTS);

/**
 * The domain's password policy within AD's own bounds on the lengths, counts and ages; the lockout
 * times are bounded only below here (a lab definition also caps them).
 */
export const passwordPolicySchema = z.object({
  minLength: z.number().int().min(0).max(128),
  complexity: z.boolean(),
  historyCount: z.number().int().min(0).max(24),
  minAgeDays: z.number().int().min(0).max(998),
  maxAgeDays: z.number().int().min(0).max(999),
  lockoutThreshold: z.number().int().min(0).max(999),
  lockoutDurationMinutes: z.number().int().min(0),
  lockoutWindowMinutes: z.number().int().min(0),
  reversibleEncryption: z.boolean(),
});

export const adOpSchema = z.discriminatedUnion('op', [
  z.object({
    op: z.literal('ace'),
    add: z.boolean(),
    ace: z.object({
      trustee: z.string().max(256),
      right,
      on: z.string().max(1024),
      appliesTo: z.enum(['this', 'descendant-users', 'this-and-descendants']),
      allow: z.boolean(),
    }),
  }),
  z.object({
    op: z.literal('user'),
    identity: z.string().max(256),
    patch: z
      .object({
        enabled: z.boolean(),
        adminCount: z.number().int(),
        inheritanceDisabled: z.boolean(),
        mobile: z.string(),
        mail: z.string(),
        title: z.string(),
        department: z.string(),
        passwordNeverExpires: z.boolean(),
        cannotChangePassword: z.boolean(),
        lockoutTime: z.number(),
        pwdLastSet: z.number(),
        description: z.string(),
      })
      .partial(),
  }),
  z.object({
    op: z.literal('group'),
    group: z.string().max(256),
    identity: z.string().max(256),
    add: z.boolean(),
  }),
  z.object({
    op: z.literal('policy'),
    patch: passwordPolicySchema.partial(),
  }),
  z.object({
    op: z.literal('password'),
    identity: z.string().max(256),
    password: z.string().max(1024),
    mustChange: z.boolean().optional(),
  }),
  z.object({ op: z.literal('computerSecret'), computer: z.string().max(64), secret: z.number().int() }),
  z.object({ op: z.literal('ouInheritance'), dn: z.string().max(1024), blocked: z.boolean() }),
]);

export const adsyncPatchSchema = z
  .object({
    stagingMode: z.boolean(),
    syncCycleEnabled: z.boolean(),
    passwordHashSync: z.boolean(),
    passwordWriteback: z.boolean(),
    ldapSignAndEncrypt: z.boolean(),
    connectorPassword: z.string().max(1024),
    staleManagementAgent: z.boolean(),
  })
  .partial();

export const firewallRuleSchema = z.object({
  id: z.string().min(1).max(64),
  direction: z.enum(['outbound', 'inbound']),
  action: z.enum(['block', 'allow']),
  mode: z.enum(['drop', 'reject']).optional(),
  srcCidr: z.string().max(32).optional(),
  dstCidr: z.string().max(32).optional(),
  host: z.string().max(256).optional(),
  transport: z.enum(['udp', 'tcp', 'icmp']).optional(),
  port: z.number().int().min(0).max(65535).optional(),
});

export const tenantOpSchema = z.discriminatedUnion('op', [
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
