/** The tenant as the lab definition starts it: a fresh Entra ID tenant with one cloud-only admin. */
import { nextGuid, seedFrom } from '../core/random';
import type { LabDefinition } from '../core/definition';
import type { AuthMethodId, AuthMethodPolicy, RegisteredMethods, TenantState } from './tenantState';
import { authenticatorSecret } from './seed';

export function initialTenant(def: LabDefinition, seed: number, now: number): TenantState {
  const t = def.tenant;
  const [adminId, r0] = nextGuid(seedFrom(seed, 'tenant'));
  const [syncId, rng] = nextGuid(r0);
  const c = def.connect;
  const host = def.hosts.find((h) => h.id === c.host);
  const configured = c.state === 'configured';
  const off: AuthMethodPolicy = { enabled: false, include: 'all', exclude: [] };
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
  const base: TenantState = {
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
    seededMethods: seeded(def, seed, now),
    ...(def.compat ? { compat: def.compat } : {}),
    rng,
  };
  return applyInitial(base, def);
}

function seeded(def: LabDefinition, seed: number, now: number): Record<string, RegisteredMethods> {
  const out: Record<string, RegisteredMethods> = {};
  for (const r of def.tenant.initial?.registrations ?? []) {
    const phone = def.phones.find((p) => p.id === r.authenticator);
    out[r.upn.toLowerCase()] = {
      sms: r.sms ? { phone: r.sms, registeredAt: now - 7 * 86_400_000 } : undefined,
      authenticator: phone
        ? {
            device: phone.model,
            phoneId: phone.id,
            secret: authenticatorSecret(seed, r.upn),
            registeredAt: now - 7 * 86_400_000,
          }
        : undefined,
    };
  }
  return out;
}

/** The tenant's settings when the lab starts configured (a named preset such as "SSPR and writeback configured"). */
function applyInitial(t: TenantState, def: LabDefinition): TenantState {
  const i = def.tenant.initial;
  if (!i) return t;
  const authMethods = { ...t.authMethods };
  for (const m of i.authMethods ?? []) {
    if (m.method in authMethods)
      authMethods[m.method as AuthMethodId] = { enabled: m.enabled, include: 'all', exclude: [] };
  }
  return {
    ...t,
    authMethods,
    sspr: {
      ...t.sspr,
      enabled: i.ssprEnabled ?? t.sspr.enabled,
      methodsRequired: i.methodsRequired ?? t.sspr.methodsRequired,
      registration: i.registration ?? t.sspr.registration,
      onPremises: {
        ...t.sspr.onPremises,
        writeback: i.onPremisesWriteback ?? t.sspr.onPremises.writeback,
        allowUnlock: i.allowUnlock ?? t.sspr.onPremises.allowUnlock,
      },
    },
  };
}
