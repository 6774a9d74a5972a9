/**
 * The schema of a lab definition (zod), so a definition read from a file or a saved session is
 * checked before a lab is built from it, with errors that name the path inside it.
 */
import { z } from 'zod';
import { isIpv4, parseCidr } from '../net/ipv4';
import { parseIsoTime } from '../core/time';
import { passwordPolicySchema } from '../core/backstageSchemas';
import type { LabDefinition } from '../core/definition';

const ip = z.string().refine(isIpv4, { message: 'expected an IPv4 address such as 192.168.6.10' });
const cidr = z
  .string()
  .refine((s) => parseCidr(s) !== undefined, { message: 'expected a network such as 192.168.6.0/24' });
const isoTime = z.string().refine((s) => parseIsoTime(s) !== undefined, {
  message: 'expected an ISO-8601 date-time such as 2026-03-02T08:00:00Z',
});
const mac = z
  .string()
  .regex(/^([0-9A-F]{2}-){5}[0-9A-F]{2}$/, 'expected a MAC address such as 00-15-5D-06-01-02');

const nicConfig = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('static'),
    ip,
    prefix: z.number().int().min(1).max(32),
    gateway: ip.optional(),
    dnsServers: z.array(ip),
  }),
  z.object({ mode: z.literal('dhcp') }),
]);

const firewallRule = z.object({
  id: z.string().min(1),
  direction: z.enum(['outbound', 'inbound']),
  action: z.enum(['block', 'allow']),
  mode: z.enum(['drop', 'reject']).optional(),
  srcCidr: cidr.optional(),
  dstCidr: cidr.optional(),
  host: z.string().optional(),
  transport: z.enum(['udp', 'tcp', 'icmp']).optional(),
  port: z.number().int().min(0).max(65535).optional(),
});

export const labDefinitionSchema = z
  .object({
    schemaVersion: z.literal(1),
    id: z.string().min(1),
    title: z.string(),
    startTime: isoTime,
    timeZone: z.object({
      id: z.string(),
      displayName: z.string(),
      offsetMinutes: z.number().int().min(-720).max(840),
    }),
    domain: z.object({
      fqdn: z.string().min(3),
      netbios: z.string().min(1).max(15),
      dn: z.string(),
      forest: z.string(),
      siteName: z.string(),
      domainGuid: z.string(),
    }),
    lan: z.object({ cidr, gateway: ip }),
    firewall: z.array(firewallRule),
    internet: z.object({
      publicDns: ip,
      endpoints: z.array(
        z.object({
          owner: z.enum(['tenant', 'internet']),
          ip,
          names: z.array(z.string()),
          ports: z.array(z.number().int().min(1).max(65535)),
          ptr: z.string().optional(),
        }),
      ),
    }),
    hosts: z
      .array(
        z.object({
          id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected a lower-case id such as pc2'),
          kind: z.enum(['dc', 'sync', 'client']),
          hostname: z
            .string()
            .regex(
              /^[A-Za-z0-9-]{1,15}$/,
              'expected a NetBIOS-compatible host name (up to 15 letters, digits or -)',
            ),
          role: z.string(),
          os: z.string(),
          osBuild: z.string(),
          nic: z.object({ mac, description: z.string(), config: nicConfig }),
          ou: z.string(),
          primaryUser: z.string().optional(),
        }),
      )
      .min(1),
    dhcpScope: z.object({
      name: z.string(),
      network: ip,
      mask: ip,
      rangeStart: ip,
      rangeEnd: ip,
      exclusions: z.array(z.object({ start: ip, end: ip })),
      leaseDays: z.number().positive().max(999),
      router: ip,
      dnsServers: z.array(ip),
      domainName: z.string(),
    }),
    ous: z.array(z.object({ dn: z.string(), name: z.string(), description: z.string().optional() })),
    groups: z.array(
      z.object({
        name: z.string(),
        dn: z.string(),
        scope: z.enum(['Global', 'DomainLocal', 'Universal']),
        description: z.string().optional(),
        builtin: z.boolean().optional(),
      }),
    ),
    users: z.array(
      z.object({
        sam: z.string().min(1).max(20),
        givenName: z.string(),
        surname: z.string(),
        displayName: z.string(),
        ou: z.string(),
        password: z.string(),
        title: z.string().optional(),
        department: z.string().optional(),
        mobile: z.string().optional(),
        mail: z.string().optional(),
        groups: z.array(z.string()),
        enabled: z.boolean(),
        passwordAgeDays: z.number().min(0),
        passwordNeverExpires: z.boolean().optional(),
      }),
    ),
    passwordPolicy: passwordPolicySchema.extend({
      lockoutDurationMinutes: z.number().int().min(0).max(99999),
      lockoutWindowMinutes: z.number().int().min(0).max(99999),
    }),
    tenant: z.object({
      name: z.string(),
      tenantId: z.string(),
      initialDomain: z.string(),
      customDomains: z.array(z.object({ name: z.string(), verified: z.boolean() })),
      globalAdmin: z.object({ upn: z.string(), displayName: z.string(), password: z.string() }),
      licenses: z.array(z.object({ sku: z.string(), name: z.string(), total: z.number().int().min(0) })),
      initial: z
        .object({
          ssprEnabled: z.enum(['None', 'Selected', 'All']).optional(),
          methodsRequired: z.union([z.literal(1), z.literal(2)]).optional(),
          registration: z
            .object({ requireOnSignIn: z.boolean(), reconfirmDays: z.number().int().min(0).max(730) })
            .optional(),
          onPremisesWriteback: z.boolean().optional(),
          allowUnlock: z.boolean().optional(),
          authMethods: z.array(z.object({ method: z.string(), enabled: z.boolean() })).optional(),
          registrations: z
            .array(
              z.object({ upn: z.string(), sms: z.string().optional(), authenticator: z.string().optional() }),
            )
            .optional(),
        })
        .optional(),
    }),
    phones: z.array(
      z.object({
        id: z.string(),
        owner: z.string(),
        label: z.string(),
        number: z.string(),
        model: z.string(),
      }),
    ),
    connect: z.object({
      host: z.string(),
      state: z.enum(['installed', 'configured']),
      connectorAccount: z.object({ user: z.string().min(1), password: z.string().min(1) }),
      syncAccount: z.object({ user: z.string().min(1), password: z.string().min(1) }),
      features: z.object({ passwordHashSync: z.boolean(), passwordWriteback: z.boolean() }),
      ouFilter: z.union([z.literal('all'), z.array(z.string())]),
      permissions: z.object({ passwordHashSync: z.boolean(), passwordWriteback: z.boolean() }),
    }),
    compat: z.object({ authenticatorPushOnScan: z.boolean().optional() }).optional(),
  })
  .superRefine((d, ctx) => {
    const ids = new Set<string>();
    d.hosts.forEach((h, i) => {
      if (ids.has(h.id))
        ctx.addIssue({ code: 'custom', path: ['hosts', i, 'id'], message: `duplicate host id "${h.id}"` });
      ids.add(h.id);
    });
    if (!d.hosts.some((h) => h.kind === 'dc'))
      ctx.addIssue({ code: 'custom', path: ['hosts'], message: 'expected a domain controller (kind "dc")' });
    if (!d.hosts.some((h) => h.id === d.connect.host && h.kind === 'sync')) {
      ctx.addIssue({
        code: 'custom',
        path: ['connect', 'host'],
        message: `expected the id of a host of kind "sync", got "${d.connect.host}"`,
      });
    }
  });

/** `hosts[2].nic.config.ip: expected an IPv4 address such as 192.168.6.10` */
export function formatIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  prefix = '',
): string[] {
  return issues.map((i) => {
    const path = i.path.reduce<string>(
      (acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)),
      prefix,
    );
    return `${path || '(root)'}: ${i.message}`;
  });
}

export function parseDefinition(
  value: unknown,
): { ok: true; definition: LabDefinition } | { ok: false; errors: string[] } {
  const r = labDefinitionSchema.safeParse(value);
  if (r.success) return { ok: true, definition: r.data as LabDefinition };
  return { ok: false, errors: formatIssues(r.error.issues, 'definition') };
}
