/** The tenant as the lab definition starts it: a fresh Entra ID tenant with one cloud-only admin. */
import { nextGuid, seedFrom } from '../core/random';
import type { LabDefinition } from '../lab/definition';
import type { AuthMethodId, AuthMethodPolicy, TenantState } from './tenantState';

export function initialTenant(def: LabDefinition, seed: number, now: number): TenantState {
  const t = def.tenant;
  const [adminId, r0] = nextGuid(seedFrom(seed, 'tenant'));
  const [syncId, rng] = nextGuid(r0);
  const c = def.connect;
  const host = def.hosts.find((h) => h.id === c.host);
  const configured = c.state === 'configured';
  const off: AuthMethodPolicy = { enabled: false, target: 'all' };
  const methods: Record<AuthMethodId, AuthMethodPolicy> = {
    fido2: off,
    microsoftAuthenticator: off,
    sms: off,
    temporaryAccessPass: off,
    hardwareOath: off,
    softwareOath: off,
    voice: off,
    email: off,
  };
  return {
    name: t.name,
    tenantId: t.tenantId,
    initialDomain: t.initialDomain,
    domains: [{ name: t.initialDomain, verified: true }, ...t.customDomains],
    licenses: t.licenses.map((l) => ({ sku: l.sku, name: l.name, total: l.total })),
    autoLicense: t.licenses[0]?.sku,
    users: [
      {
        id: adminId,
        upn: t.globalAdmin.upn,
        displayName: t.globalAdmin.displayName,
        givenName: '',
        surname: '',
        accountEnabled: true,
        onPremisesSyncEnabled: false,
        password: t.globalAdmin.password,
        passwordSetAt: now,
        licenses: t.licenses[0] ? [t.licenses[0].sku] : [],
        roles: ['Global Administrator'],
        methods: {},
        createdAt: now - 90 * 86_400_000,
      },
      ...(configured
        ? [
            {
              id: syncId,
              upn: c.syncAccount.user,
              displayName: 'On-Premises Directory Synchronization Service Account',
              givenName: '',
              surname: '',
              accountEnabled: true,
              onPremisesSyncEnabled: false,
              password: c.syncAccount.password,
              passwordSetAt: now - 30 * 86_400_000,
              licenses: [],
              roles: ['Directory Synchronization Accounts'],
              methods: {},
              createdAt: now - 30 * 86_400_000,
            },
          ]
        : []),
    ],
    connect: configured
      ? {
          serverName: host?.hostname ?? c.host.toUpperCase(),
          passwordHashSync: c.features.passwordHashSync,
          writebackOnboarded: c.features.passwordWriteback,
          connectorAccount: c.connectorAccount.user,
          syncAccount: c.syncAccount.user,
          syncPassword: c.syncAccount.password,
        }
      : undefined,
    groups: [],
    sspr: {
      enabled: 'None',
      methodsRequired: 1,
      methods: {
        mobileAppNotification: false,
        mobileAppCode: false,
        email: true,
        mobilePhone: true,
        officePhone: false,
        securityQuestions: false,
      },
      registration: { requireOnSignIn: true, reconfirmDays: 180 },
      notifications: { notifyUsers: true, notifyAdmins: false },
      customization: { helpdeskLink: false },
      onPremises: { writeback: false, cloudSyncWriteback: false, allowUnlock: false },
    },
    authMethods: methods,
    methodsMigration: 'Migration complete',
    allowedToUseSspr: true,
    audit: [],
    signIns: [],
    resetAttempts: {},
    blockedUntil: {},
    rng,
  };
}
