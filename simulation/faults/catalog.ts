/**
 * The fault catalog: every row of reference §8 (L1–L33) as data. A fault is the commands that put
 * it in place (ordinary lab commands and instructor-only backstage changes), the commands an
 * instructor uses to take it away again, and a predicate over the lab's truth that says whether it
 * still holds. Symptoms are not written anywhere: they follow from the state the fault leaves.
 * A learner fixes a fault by any route that makes its predicate false.
 */
import { DAY, MINUTE } from '../core/time';
import {
  isAdmin,
  licensedFor,
  distinctMethodCount,
  methodsRequired,
  ssprScopeCovers,
  usableMethods,
  writebackReady,
} from '../cloud/policy';
import { isMember } from '../cloud/tenantState';
import type { LabCommandInput } from '../lab/commands';
import type { AdminAction } from '../cloud/adminPortal';
import type { AdOp, AdSyncPatch, HostPatch } from '../devices/backstage';
import type { FaultParams } from '../lab/lab.machine';

// The scenarios name the parameters by the catalog they belong to.
export type { FaultParams };
import type { LabDefinition } from '../core/definition';
import type { Ace, AdRight } from '../core/directoryTypes';
import type { LabTruth } from '../lab/truth';
import { KEYS, restrictRemoteSam } from '../windows/registry';
import { effectiveIpConfig } from '../windows/hostState';
import {
  adUserOf,
  cloudUserOf,
  connectorAccount,
  connectorHas,
  dnsPointsAtDc,
  directoryOf,
  lockedOut,
  relayPortOpen,
  syncHostOf,
} from './helpers';

export type FaultId = `L${number}`;

export type FaultCategory =
  | 'SSPR policy'
  | 'Licensing'
  | 'Registration'
  | 'Writeback'
  | 'Entra Connect'
  | 'Password policy'
  | 'AD DS'
  | 'Client'
  | 'Cloud';

/** Which user and which PC a fault is about (a scenario may draw them from its seed). */
export interface FaultContext {
  def: LabDefinition;
  truth: LabTruth;
  params: FaultParams;
}

export interface FaultSpec {
  id: FaultId;
  title: string;
  category: FaultCategory;
  /**
   * Words that name the cause (or point straight at it): a troubleshooting scenario's learner-visible
   * texts must not contain them before the run ends (scenarios/giveaway.ts checks it).
   */
  giveaway: readonly string[];
  /** The device or object it changes. */
  target: (p: FaultParams, def: LabDefinition) => string;
  inject: (ctx: FaultContext) => LabCommandInput[];
  /** What an instructor runs to take the fault away (one working route, not the only one). */
  repair: (ctx: FaultContext) => LabCommandInput[];
  holds: (truth: LabTruth, ctx: { def: LabDefinition; params: FaultParams; injectedAt: number }) => boolean;
}

export const DEFAULT_PARAMS: FaultParams = { user: 'michael.brown', pc: 'pc2' };

const upn = (p: FaultParams, def: LabDefinition) => `${p.user}@${def.domain.fqdn}`;
const admin = (action: AdminAction): LabCommandInput => ({
  type: 'backstage.tenant',
  op: { op: 'admin', action },
});
const ad = (op: AdOp): LabCommandInput => ({ type: 'backstage.ad', op });
/** The connector account's grant of `right` on the domain root, made (`add`) or taken away. */
const connectorGrant = (c: FaultContext, add: boolean, right: AdRight, appliesTo: Ace['appliesTo']) =>
  ad({
    op: 'ace',
    add,
    ace: { trustee: connectorAccount(c.truth, c.def), right, on: c.def.domain.dn, appliesTo, allow: true },
  });
const host = (h: string, patch: HostPatch): LabCommandInput => ({ type: 'backstage.host', host: h, patch });
const adsync = (patch: AdSyncPatch): LabCommandInput => ({ type: 'backstage.adsync', patch });
const ouOf = (ctx: FaultContext) =>
  adUserOf(ctx.truth, ctx.def, ctx.params.user)?.parent ?? ctx.def.domain.dn;
const dcId = (def: LabDefinition) => def.hosts.find((h) => h.kind === 'dc')?.id ?? 'dc01';
const syncIp = (def: LabDefinition) => {
  const h = def.hosts.find((x) => x.id === def.connect.host);
  return h && h.nic.config.mode === 'static' ? h.nic.config.ip : '192.168.6.10';
};
const user = (truth: LabTruth, c: { def: LabDefinition; params: FaultParams }) =>
  cloudUserOf(truth, c.def, c.params.user);
const adu = (truth: LabTruth, c: { def: LabDefinition; params: FaultParams }) =>
  adUserOf(truth, c.def, c.params.user);
const LONG_PASSWORD = 'Qx7!'.repeat(75);
/** L12: the password the user used before and wants back, and the one the fault leaves in place. */
export const HISTORY_PASSWORD = 'Harbor#Light2025';
const CURRENT_PASSWORD = 'Autumn#2025!x';

/** TLS 1.2 for the .NET client on the Connect server: the two SCHANNEL values and what the host makes of them. */
function tls12(def: LabDefinition, on: boolean): LabCommandInput[] {
  const value = (data: number) => ({ type: 'REG_DWORD' as const, data });
  return [
    host(def.connect.host, {
      op: 'registry',
      key: KEYS.tls12Client,
      name: 'Enabled',
      value: value(on ? 1 : 0),
    }),
    host(def.connect.host, {
      op: 'registry',
      key: KEYS.tls12Client,
      name: 'DisabledByDefault',
      value: value(on ? 0 : 1),
    }),
    host(def.connect.host, { op: 'tls', active: on }),
  ];
}

export const FAULTS: readonly FaultSpec[] = [
  {
    id: 'L1',
    title: 'SSPR is set to None',
    category: 'SSPR policy',
    giveaway: [
      'None',
      'switched off',
      'turned off',
      'disabled',
      'not enabled',
      'Self service password reset enabled',
    ],
    target: () => 'tenant: Password reset > Properties',
    inject: () => [admin({ type: 'sspr.properties', enabled: 'None' })],
    repair: () => [admin({ type: 'sspr.properties', enabled: 'All' })],
    holds: (t) => t.tenant.sspr.enabled === 'None',
  },
  {
    id: 'L2',
    title: 'SSPR is set to Selected, and the user is not in the group',
    category: 'SSPR policy',
    giveaway: ['Selected', 'SSPR Pilot', 'pilot group', 'scope', 'scoped'],
    target: (p) => `tenant: Password reset > Properties (${p.user})`,
    inject: () => [
      admin({ type: 'group.create', name: 'SSPR Pilot' }),
      admin({ type: 'sspr.properties', enabled: 'Selected', group: 'SSPR Pilot' }),
    ],
    repair: () => [admin({ type: 'sspr.properties', enabled: 'All' })],
    holds: (t, c) => {
      const u = user(t, c);
      return (
        t.tenant.sspr.enabled === 'Selected' &&
        !!u &&
        !(t.tenant.sspr.selectedGroup && isMember(t.tenant, t.tenant.sspr.selectedGroup, u.id))
      );
    },
  },
  {
    id: 'L3',
    title: 'The user has no Entra ID P1 licence',
    category: 'Licensing',
    giveaway: [
      'licence',
      'licences',
      'license',
      'licenses',
      'licensed',
      'unlicensed',
      'P1',
      'AAD_PREMIUM',
      'Premium',
    ],
    target: (p) => `tenant: ${p.user} > Licenses`,
    inject: (c) => [
      admin({
        type: 'user.license',
        user: upn(c.params, c.def),
        sku: c.def.tenant.licenses[0]?.sku ?? 'AAD_PREMIUM',
        assigned: false,
      }),
    ],
    repair: (c) => [
      admin({
        type: 'user.license',
        user: upn(c.params, c.def),
        sku: c.def.tenant.licenses[0]?.sku ?? 'AAD_PREMIUM',
        assigned: true,
      }),
    ],
    holds: (t, c) => {
      const u = user(t, c);
      return !!u && !licensedFor(u, u.onPremisesSyncEnabled);
    },
  },
  {
    id: 'L4',
    title: 'Two methods are required, and the user registered only one',
    category: 'Registration',
    giveaway: [
      'two methods',
      '2 methods',
      'second method',
      'methods required',
      'number of methods',
      'only one method',
      'Authenticator',
    ],
    target: () => 'tenant: Password reset > Authentication methods',
    inject: (c) => [
      admin({ type: 'sspr.authenticationMethods', methodsRequired: 2 }),
      {
        type: 'backstage.tenant',
        op: { op: 'methods', user: upn(c.params, c.def), authenticator: false },
      },
    ],
    repair: () => [admin({ type: 'sspr.authenticationMethods', methodsRequired: 1 })],
    holds: (t, c) => {
      const u = user(t, c);
      return (
        !!u &&
        ssprScopeCovers(t.tenant, u) &&
        distinctMethodCount(usableMethods(t.tenant, u)) < methodsRequired(t.tenant, u)
      );
    },
  },
  {
    id: 'L5',
    title: 'Password writeback is off in the portal',
    category: 'Writeback',
    giveaway: ['writeback', 'write back', 'write-back', 'On-premises integration'],
    target: () => 'tenant: Password reset > On-premises integration',
    inject: () => [admin({ type: 'sspr.onPremises', writeback: false, allowUnlock: false })],
    repair: () => [admin({ type: 'sspr.onPremises', writeback: true, allowUnlock: false })],
    holds: (t) => !writebackReady(t.tenant),
  },
  {
    id: 'L6',
    title: 'The ADSync service is stopped on the Connect server',
    category: 'Entra Connect',
    giveaway: [
      'ADSync',
      'Azure AD Sync',
      'sync service',
      'service stopped',
      'stopped service',
      'Start-Service',
      'Services console',
    ],
    target: (_p, def) => `${def.connect.host}: service ADSync`,
    inject: (c) => [{ type: 'service.stop', host: c.def.connect.host, service: 'ADSync' }],
    repair: (c) => [{ type: 'service.start', host: c.def.connect.host, service: 'ADSync' }],
    holds: (t, c) => {
      const h = syncHostOf(t, c.def);
      return !h || h.power === 'off' || h.host.services.ADSync?.status !== 'Running';
    },
  },
  {
    id: 'L7',
    title: 'The edge firewall blocks outbound 443 from the Connect server',
    category: 'Writeback',
    giveaway: ['firewall', 'gateway', '443', 'relay', 'Service Bus', 'servicebus', 'outbound', 'port'],
    target: (_p, def) => `edge firewall: ${syncIp(def)} → 443`,
    inject: (c) => [
      {
        type: 'backstage.firewall',
        add: {
          id: 'block-443-sync',
          direction: 'outbound',
          action: 'block',
          mode: 'drop',
          srcCidr: `${syncIp(c.def)}/32`,
          transport: 'tcp',
          port: 443,
        },
      },
    ],
    repair: () => [{ type: 'backstage.firewall', remove: 'block-443-sync' }],
    holds: (t, c) => !relayPortOpen(t, c.def),
  },
  {
    id: 'L8',
    title: 'TLS 1.2 is disabled on the Connect server',
    category: 'Writeback',
    giveaway: [
      'TLS',
      'TLS 1.2',
      'SSL',
      'SCHANNEL',
      'protocol',
      'protocols',
      'cipher',
      'handshake',
      'certificate',
    ],
    target: (_p, def) => `${def.connect.host}: SCHANNEL TLS 1.2`,
    inject: (c) => tls12(c.def, false),
    repair: (c) => tls12(c.def, true),
    holds: (t, c) => syncHostOf(t, c.def)?.host.tls12Active === false,
  },
  {
    id: 'L9',
    title: "Inheritance is disabled on the user's OU: the connector account lacks Reset password there",
    category: 'Writeback',
    giveaway: [
      'permission',
      'permissions',
      'delegation',
      'delegations',
      'Deny',
      'denied',
      'inheritance',
      'ACL',
      'access control',
      'dsacls',
    ],
    target: (p) => `AD DS: ACL on ${p.user}'s OU`,
    inject: (c) => [ad({ op: 'ouInheritance', dn: ouOf(c), blocked: true })],
    repair: (c) => [ad({ op: 'ouInheritance', dn: ouOf(c), blocked: false })],
    holds: (t, c) => {
      const u = adu(t, c);
      return !!u && !connectorHas(t, c.def, 'Reset Password', u.dn);
    },
  },
  {
    id: 'L10',
    title: 'The user is a member of Domain Admins (adminCount=1)',
    category: 'AD DS',
    giveaway: [
      'Domain Admins',
      'adminCount',
      'AdminSDHolder',
      'protected',
      'admin rights',
      'administrative rights',
      'privileged',
    ],
    target: (p) => `AD DS: ${p.user} (Domain Admins)`,
    inject: (c) => [ad({ op: 'group', group: 'Domain Admins', identity: c.params.user, add: true })],
    repair: (c) => [
      ad({ op: 'group', group: 'Domain Admins', identity: c.params.user, add: false }),
      ad({ op: 'user', identity: c.params.user, patch: { adminCount: 0, inheritanceDisabled: false } }),
    ],
    holds: (t, c) => {
      const u = adu(t, c);
      return !!u && (u.adminCount === 1 || u.inheritanceDisabled);
    },
  },
  {
    id: 'L11',
    title: 'Minimum password age is 1 day and the user changed the password today',
    category: 'Password policy',
    giveaway: ['age', 'minimum password age', 'MinPasswordAge', '1 day', 'one day', 'tomorrow', '24 hours'],
    target: () => 'AD DS: Default Domain Policy',
    inject: (c) => [
      ad({ op: 'policy', patch: { minAgeDays: 1 } }),
      ad({ op: 'user', identity: c.params.user, patch: { pwdLastSet: c.truth.time } }),
    ],
    repair: () => [ad({ op: 'policy', patch: { minAgeDays: 0 } })],
    // Holds until a day has passed since the change the fault made (the user can reset again) or
    // the minimum age is lowered. An admin reset meanwhile does not end it: it is a change too.
    holds: (t, c) => {
      const dir = directoryOf(t, c.def);
      const u = adu(t, c);
      return (
        !!dir &&
        !!u &&
        dir.policy.minAgeDays > 0 &&
        u.pwdLastSet > 0 &&
        t.time - c.injectedAt < dir.policy.minAgeDays * DAY
      );
    },
  },
  {
    id: 'L12',
    title: 'The new password is one of the last 24',
    category: 'Password policy',
    giveaway: [
      'history',
      'PasswordHistoryCount',
      'used before',
      'last 24',
      'previous passwords',
      'earlier passwords',
      'remembered',
    ],
    target: (p) => `AD DS: ${p.user}'s password history`,
    // The user's favourite password (HISTORY_PASSWORD) was in use until a recent change, so it is
    // in the history; the user wants it back. Holds while the user still has the password the fault set.
    inject: (c) => [
      ad({ op: 'policy', patch: { historyCount: 24 } }),
      ad({ op: 'password', identity: c.params.user, password: HISTORY_PASSWORD }),
      ad({ op: 'password', identity: c.params.user, password: CURRENT_PASSWORD }),
    ],
    repair: () => [ad({ op: 'policy', patch: { historyCount: 0 } })],
    holds: (t, c) => {
      const dir = directoryOf(t, c.def);
      const u = adu(t, c);
      return !!dir && !!u && dir.policy.historyCount > 0 && u.password === CURRENT_PASSWORD;
    },
  },
  {
    id: 'L13',
    title: 'The password is long enough for the cloud but too short for AD (minimum length 14)',
    category: 'Password policy',
    giveaway: ['length', 'too short', '14', 'MinPasswordLength', 'minimum length', 'characters long'],
    target: () => 'AD DS: Default Domain Policy',
    inject: () => [ad({ op: 'policy', patch: { minLength: 14 } })],
    repair: () => [ad({ op: 'policy', patch: { minLength: 7 } })],
    holds: (t, c) => {
      const dir = directoryOf(t, c.def);
      const u = adu(t, c);
      // Holds until the user has a password set since the change of policy (which then complies).
      return !!dir && !!u && dir.policy.minLength > 12 && u.pwdLastSet < c.injectedAt;
    },
  },
  {
    id: 'L14',
    title: 'The AD account is locked out by bad sign-ins on the PC',
    category: 'AD DS',
    giveaway: [
      'lockout threshold',
      'badPwdCount',
      'bad password count',
      'Unlock-ADAccount',
      'Search-ADAccount',
      'lockoutTime',
    ],
    target: (p) => `AD DS: ${p.user} (locked out)`,
    inject: (c) => {
      const threshold =
        directoryOf(c.truth, c.def)?.policy.lockoutThreshold || c.def.passwordPolicy.lockoutThreshold || 5;
      return Array.from(
        { length: threshold },
        (_, i) =>
          ({
            type: 'desktop.signIn',
            host: c.params.pc,
            user: c.params.user,
            password: `wrong-${i}`,
          }) as const,
      );
    },
    repair: (c) => [ad({ op: 'user', identity: c.params.user, patch: { lockoutTime: 0 } })],
    holds: (t, c) => lockedOut(t, c.def, c.params.user),
  },
  {
    id: 'L15',
    title: 'The connector account lacks Write lockoutTime (unlock without reset fails)',
    category: 'Writeback',
    giveaway: [
      'lockoutTime',
      'permission',
      'permissions',
      'rights',
      'dsacls',
      'ACL',
      'Set-ADSyncPasswordWritebackPermissions',
    ],
    target: () => 'AD DS: ACL on the domain root',
    // The "Write lockoutTime" grant for descendant users was never made (or was removed).
    inject: (c) => [
      connectorGrant(c, false, 'Write lockoutTime', 'descendant-users'),
      admin({ type: 'sspr.onPremises', writeback: true, allowUnlock: true }),
    ],
    repair: (c) => [connectorGrant(c, true, 'Write lockoutTime', 'descendant-users')],
    holds: (t, c) => {
      const u = adu(t, c);
      return !!u && !connectorHas(t, c.def, 'Write lockoutTime', u.dn);
    },
  },
  {
    id: 'L16',
    title: 'RestrictRemoteSam on the DC locks the connector account out of SAM',
    category: 'AD DS',
    giveaway: [
      'SAM',
      'RestrictRemoteSam',
      'remote SAM',
      'remote calls',
      'baseline',
      'security baseline',
      'Lsa',
    ],
    target: (_p, def) => `${dcId(def)}: Network access: Restrict clients allowed to make remote calls to SAM`,
    inject: (c) => [
      host(dcId(c.def), {
        op: 'registry',
        key: KEYS.lsa,
        name: 'RestrictRemoteSam',
        value: { type: 'REG_SZ', data: 'O:BAG:BAD:(A;;RC;;;BA)' },
      }),
    ],
    repair: (c) => [host(dcId(c.def), { op: 'registry', key: KEYS.lsa, name: 'RestrictRemoteSam' })],
    holds: (t, c) => {
      const dc = t.hosts[dcId(c.def)];
      const allowed = dc ? restrictRemoteSam(dc.host.registry) : undefined;
      const account = connectorAccount(t, c.def).toLowerCase();
      return !!allowed && !allowed.some((a) => a.toLowerCase() === account || a.toLowerCase() === 'everyone');
    },
  },
  {
    id: 'L17',
    title: 'The Connect server is in staging mode',
    category: 'Entra Connect',
    giveaway: ['staging', 'staging mode', 'StagingModeEnabled', 'standby', 'active server'],
    target: (_p, def) => `${def.connect.host}: staging mode`,
    inject: () => [adsync({ stagingMode: true })],
    repair: () => [adsync({ stagingMode: false })],
    holds: (t, c) => !!syncHostOf(t, c.def)?.adsync?.state.scheduler.stagingMode,
  },
  {
    id: 'L18',
    title: 'The sync scheduler is disabled (SyncCycleEnabled False)',
    category: 'Entra Connect',
    giveaway: ['scheduler', 'SyncCycleEnabled', 'sync cycle', 'schedule', 'scheduled', 'Set-ADSyncScheduler'],
    target: (_p, def) => `${def.connect.host}: scheduler`,
    inject: () => [adsync({ syncCycleEnabled: false })],
    repair: () => [adsync({ syncCycleEnabled: true })],
    holds: (t, c) => syncHostOf(t, c.def)?.adsync?.state.scheduler.syncCycleEnabled === false,
  },
  {
    id: 'L19',
    title: 'Password hash sync is disabled for the AD connector',
    category: 'Entra Connect',
    giveaway: [
      'password hash sync',
      'password hash synchronization',
      'hash',
      'PHS',
      'Get-ADSyncAADPasswordSyncConfiguration',
    ],
    target: (_p, def) => `${def.connect.host}: password sync channel`,
    inject: () => [adsync({ passwordHashSync: false })],
    repair: () => [adsync({ passwordHashSync: true })],
    holds: (t, c) =>
      syncHostOf(t, c.def)?.adsync?.state.config?.features.passwordHashSync === false ||
      t.tenant.connect?.passwordHashSync === false,
  },
  {
    id: 'L20',
    title: 'The connector account lost Replicating Directory Changes All',
    category: 'Entra Connect',
    giveaway: [
      'replication',
      'replicating',
      'Replicating Directory Changes',
      'DS-Replication',

      'permission',
      'permissions',
      'delegation',
      'delegations',
    ],
    target: () => 'AD DS: ACL on the domain root',
    inject: (c) => [connectorGrant(c, false, 'Replicating Directory Changes All', 'this')],
    repair: (c) => [connectorGrant(c, true, 'Replicating Directory Changes All', 'this')],
    holds: (t, c) => !connectorHas(t, c.def, 'Replicating Directory Changes All', c.def.domain.dn),
  },
  {
    id: 'L21',
    title: 'The Connect server cannot find the DC (its DNS points at 8.8.8.8)',
    category: 'Entra Connect',
    giveaway: ['DNS', '8.8.8.8', 'name server', 'name resolution', 'resolve', 'Set-DnsClientServerAddress'],
    target: (_p, def) => `${def.connect.host}: DNS client`,
    inject: (c) => [host(c.def.connect.host, { op: 'dns', servers: ['8.8.8.8'] })],
    repair: (c) => [host(c.def.connect.host, { op: 'dns', servers: null })],
    holds: (t, c) => !dnsPointsAtDc(t, c.def, c.def.connect.host),
  },
  {
    id: 'L22',
    title: "An admin reset the user's password in the Microsoft 365 admin center (not written back)",
    category: 'Cloud',
    giveaway: [
      'Microsoft 365 admin center',
      'Microsoft 365',
      'M365',
      '365',
      'not written back',
      'cloud only',
      'cloud-only',
    ],
    target: (p) => `tenant: ${p.user}'s cloud password`,
    inject: (c) => [
      admin({
        type: 'user.resetPassword',
        user: upn(c.params, c.def),
        password: 'Helpdesk#Temp26',
        forceChange: false,
        portal: 'm365',
      }),
    ],
    repair: (c) => [
      {
        type: 'backstage.tenant',
        op: {
          op: 'password',
          user: upn(c.params, c.def),
          password: adUserOf(c.truth, c.def, c.params.user)?.password ?? null,
        },
      },
    ],
    holds: (t, c) => {
      const u = user(t, c);
      const a = adu(t, c);
      return !!u && !!a && u.password !== undefined && u.password !== a.password;
    },
  },
  {
    id: 'L23',
    title: 'The AD forest was re-added after writeback was enabled (0x8023061f)',
    category: 'Writeback',
    giveaway: ['re-added', 'readded', 're-add', 'removed the directory', 'forest', 'management agent'],
    target: (_p, def) => `${def.connect.host}: AD connector`,
    inject: () => [adsync({ staleManagementAgent: true })],
    repair: () => [adsync({ staleManagementAgent: false })],
    holds: (t, c) => !!syncHostOf(t, c.def)?.adsync?.state.config?.staleManagementAgent,
  },
  {
    id: 'L24',
    title: 'The connector account password is longer than 256 characters',
    category: 'Writeback',
    giveaway: ['256', 'too long', 'password length', 'length', 'maximum strength', 'long password'],
    target: (_p, def) => `${def.connect.host}: AD DS connector account`,
    inject: (c) => [
      ad({ op: 'password', identity: connectorAccount(c.truth, c.def), password: LONG_PASSWORD }),
      adsync({ connectorPassword: LONG_PASSWORD }),
    ],
    repair: (c) => [
      ad({
        op: 'password',
        identity: connectorAccount(c.truth, c.def),
        password: c.def.connect.connectorAccount.password,
      }),
      adsync({ connectorPassword: c.def.connect.connectorAccount.password }),
    ],
    holds: (t, c) =>
      (syncHostOf(t, c.def)?.adsync?.state.config?.connectorAccount.password.length ?? 0) > 256,
  },
  {
    id: 'L25',
    title: 'Sign and Encrypt LDAP Traffic is off on the AD connector',
    category: 'Writeback',
    giveaway: ['Sign and Encrypt', 'LDAP', 'signing', 'sign and seal', 'encrypt', 'encryption', 'encrypted'],
    target: (_p, def) => `${def.connect.host}: AD connector connection options`,
    inject: (c) => [
      adsync({ ldapSignAndEncrypt: false }),
      { type: 'service.restart', host: c.def.connect.host, service: 'ADSync' },
    ],
    repair: (c) => [
      adsync({ ldapSignAndEncrypt: true }),
      { type: 'service.restart', host: c.def.connect.host, service: 'ADSync' },
    ],
    holds: (t, c) => {
      const s = syncHostOf(t, c.def)?.adsync?.state;
      return s?.engine?.ldapSignAndEncrypt === false || s?.config?.ldapSignAndEncrypt === false;
    },
  },
  {
    id: 'L26',
    title: 'The DHCP server is down and the PC is on APIPA',
    category: 'Client',
    giveaway: ['DHCP', 'DHCPServer', 'APIPA', '169.254', 'lease', 'renew', 'IP address', 'autoconfiguration'],
    target: (p, def) => `${dcId(def)}: DHCP Server; ${p.pc}`,
    inject: (c) => [
      { type: 'service.stop', host: dcId(c.def), service: 'DHCPServer' },
      host(c.params.pc, { op: 'dhcpRestart' }),
      { type: 'clock.advance', ms: 61_000 },
    ],
    repair: (c) => [
      { type: 'service.start', host: dcId(c.def), service: 'DHCPServer' },
      { type: 'console.exec', host: c.params.pc, shell: 'cmd', line: 'ipconfig /renew' },
    ],
    holds: (t, c) => {
      const dc = t.hosts[dcId(c.def)];
      const pc = t.hosts[c.params.pc];
      const ip = pc ? effectiveIpConfig(pc.host.nic) : undefined;
      return dc?.host.services.DHCPServer?.status !== 'Running' || !ip || ip.source !== 'dhcp';
    },
  },
  {
    id: 'L27',
    title: "The PC's DNS server is 8.8.8.8",
    category: 'Client',
    giveaway: ['DNS', '8.8.8.8', 'name server', 'name resolution', 'resolve', 'SRV'],
    target: (p) => `${p.pc}: DNS client`,
    inject: (c) => [host(c.params.pc, { op: 'dns', servers: ['8.8.8.8'] })],
    repair: (c) => [host(c.params.pc, { op: 'dns', servers: null })],
    holds: (t, c) => !dnsPointsAtDc(t, c.def, c.params.pc),
  },
  {
    // A domain member's Windows Time service polls the DC (every 1024 s to 32768 s) and accepts any correction
    // (MaxPos/MaxNegPhaseCorrection 0xFFFFFFFF), so a clock that is merely off heals by itself at
    // the next poll. What a real lab needs for the clock to stay off is a time service with no
    // input: W32Time's Type set to NoSync (what `w32tm /config /syncfromflags:NO` writes), so the
    // service runs, answers w32tm, but never samples a source. The fault stays until the Type is
    // back to NT5DS (the next poll, or `w32tm /resync`, then sets the clock).
    id: 'L28',
    title: "The PC's clock is 10 minutes off and its time service has no source (Type NoSync)",
    category: 'Client',
    giveaway: [
      'clock',
      'clocks',
      'skew',
      'w32tm',
      'NTP',
      'time sync',
      'time service',
      'Windows Time',
      'CMOS',
      'ten minutes',
      '10 minutes',
      'Kerberos',
    ],
    target: (p) => `${p.pc}: Windows Time`,
    inject: (c) => [host(c.params.pc, { op: 'clock', offsetMs: 10 * MINUTE, timeType: 'NoSync' })],
    repair: (c) => [host(c.params.pc, { op: 'clock', offsetMs: 0, timeType: 'NT5DS' })],
    holds: (t, c) => {
      const pc = t.hosts[c.params.pc];
      const dc = t.hosts[dcId(c.def)];
      return !!pc && !!dc && Math.abs(pc.host.clockOffsetMs - dc.host.clockOffsetMs) > 5 * MINUTE;
    },
  },
  {
    id: 'L29',
    title: "The PC's secure channel with the domain is broken",
    category: 'Client',
    giveaway: [
      'secure channel',
      'machine account',
      'computer account',
      'computer password',
      'machine password',
      'Test-ComputerSecureChannel',
      'Reset-ComputerMachinePassword',
      'rejoin',
    ],
    target: (p) => `${p.pc}: computer account`,
    inject: (c) => {
      const name = c.def.hosts.find((h) => h.id === c.params.pc)?.hostname ?? c.params.pc;
      const current = directoryOf(c.truth, c.def)?.computers[name.toLowerCase()]?.machineSecret ?? 1;
      return [ad({ op: 'computerSecret', computer: name, secret: current + 1 })];
    },
    repair: (c) => {
      const name = c.def.hosts.find((h) => h.id === c.params.pc)?.hostname ?? c.params.pc;
      const current = directoryOf(c.truth, c.def)?.computers[name.toLowerCase()]?.machineSecret ?? 1;
      return [host(c.params.pc, { op: 'machineSecret', secret: current })];
    },
    holds: (t, c) => {
      const name = c.def.hosts.find((h) => h.id === c.params.pc)?.hostname ?? c.params.pc;
      const comp = directoryOf(t, c.def)?.computers[name.toLowerCase()];
      const pc = t.hosts[c.params.pc];
      return !!comp && !!pc && comp.machineSecret !== pc.host.machineSecret;
    },
  },
  {
    id: 'L30',
    title: 'The user keeps typing the old password on the PC',
    category: 'Client',
    giveaway: [
      'habit',
      'old password',
      'previous password',
      'Welcome@2026',
      'typed the old',
      'types the old',
    ],
    target: (p) => `${p.user} on ${p.pc}`,
    // The user changes the password on the PC (Ctrl+Alt+Del > Change a password), signs out, and
    // signs in again with the old one from habit: all real steps, so the DC logs them as it would.
    inject: (c) => {
      const old = adUserOf(c.truth, c.def, c.params.user)?.password ?? '';
      const at = (password: string): LabCommandInput => ({
        type: 'desktop.signIn',
        host: c.params.pc,
        user: c.params.user,
        password,
      });
      return [
        { type: 'desktop.signOut', host: c.params.pc },
        at(old),
        {
          type: 'desktop.changePassword',
          host: c.params.pc,
          user: c.params.user,
          oldPassword: old,
          newPassword: 'Renewed#2026z',
        },
        { type: 'desktop.signOut', host: c.params.pc },
        at(old),
      ];
    },
    repair: (c) => [
      {
        type: 'desktop.signIn',
        host: c.params.pc,
        user: c.params.user,
        password: 'Renewed#2026z',
      },
    ],
    holds: (t, c) => {
      const d = t.hosts[c.params.pc]?.host.desktop;
      return !(
        d?.session &&
        d.session.sam.toLowerCase() === c.params.user.toLowerCase() &&
        d.session.since >= c.injectedAt &&
        !d.session.cached
      );
    },
  },
  {
    id: 'L31',
    title: 'The user is throttled (a 6th reset within an hour)',
    category: 'Cloud',
    giveaway: [
      'throttle',
      'throttled',
      'throttling',
      'blocked',
      'too many attempts',
      'too many resets',
      '24 hours',
    ],
    target: (p) => `tenant: SSPR attempts of ${p.user}`,
    inject: (c) => [
      {
        type: 'backstage.tenant',
        op: { op: 'resetAttempts', user: upn(c.params, c.def), count: 5 },
      },
    ],
    repair: (c) => [
      {
        type: 'backstage.tenant',
        op: { op: 'resetAttempts', user: upn(c.params, c.def), count: 0 },
      },
    ],
    holds: (t, c) => {
      const u = user(t, c);
      if (!u) return false;
      const recent = (t.tenant.resetAttempts[u.id] ?? []).filter((x) => t.time - x < 60 * MINUTE);
      return (t.tenant.blockedUntil[u.id] ?? 0) > t.time || recent.length >= 5;
    },
  },
  {
    id: 'L32',
    title: 'The user holds an admin role and admin SSPR is off',
    category: 'SSPR policy',
    giveaway: [
      'role',
      'roles',
      'Helpdesk Administrator',
      'administrator policy',
      'admin role',
      'allowedToUseSspr',
      'admin SSPR',
      'administrators',
    ],
    target: (p) => `tenant: ${p.user}'s roles; authorization policy`,
    inject: (c) => [
      admin({
        type: 'user.role',
        user: upn(c.params, c.def),
        role: 'Helpdesk Administrator',
        assigned: true,
      }),
      admin({ type: 'authorizationPolicy', allowedToUseSspr: false }),
    ],
    repair: () => [admin({ type: 'authorizationPolicy', allowedToUseSspr: true })],
    holds: (t, c) => {
      const u = user(t, c);
      return !!u && isAdmin(u) && !t.tenant.allowedToUseSspr;
    },
  },
  {
    id: 'L33',
    title: 'The password was reset on-premises with "must change at next logon"',
    category: 'AD DS',
    giveaway: ['must change', 'next logon', 'pwdLastSet', 'FilteredByTarget', 'User must change password'],
    target: (p) => `AD DS: ${p.user}`,
    inject: (c) => [
      ad({ op: 'password', identity: c.params.user, password: 'Temp#Pass2026', mustChange: true }),
    ],
    repair: (c) => [ad({ op: 'user', identity: c.params.user, patch: { pwdLastSet: c.truth.time } })],
    holds: (t, c) => {
      const a = adu(t, c);
      const u = user(t, c);
      return !!a && (a.pwdLastSet === 0 || (!!u && u.password !== a.password));
    },
  },
];

export const FAULT_IDS = FAULTS.map((f) => f.id);

export function faultSpec(id: string): FaultSpec | undefined {
  return FAULTS.find((f) => f.id.toLowerCase() === id.toLowerCase());
}
