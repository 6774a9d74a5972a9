/**
 * Named starting states of the default lab. "fresh" is the seed guide's start; "configured" is the
 * seed guide's end: SSPR for all users with one method, Microsoft Authenticator and SMS enabled,
 * registration required every 180 days, password hash sync and password writeback on in Entra
 * Connect and in the portal, and Michael and Emma registered with SMS and the Authenticator app.
 */
import { DEFAULT_LAB } from './defaultLab';
import type { LabDefinition } from '../core/definition';

export type PresetId = 'fresh' | 'configured';

export function presetDefinition(id: PresetId, base: LabDefinition = DEFAULT_LAB): LabDefinition {
  if (id === 'fresh') return base;
  const michaelPhone = base.phones.find((p) => p.owner === 'michael.brown');
  const fqdn = base.domain.fqdn;
  return {
    ...base,
    id: `${base.id}-configured`,
    connect: { ...base.connect, features: { passwordHashSync: true, passwordWriteback: true } },
    tenant: {
      ...base.tenant,
      initial: {
        ssprEnabled: 'All',
        methodsRequired: 1,
        registration: { requireOnSignIn: true, reconfirmDays: 180 },
        onPremisesWriteback: true,
        allowUnlock: false,
        authMethods: [
          { method: 'microsoftAuthenticator', enabled: true },
          { method: 'sms', enabled: true },
        ],
        registrations: [
          { upn: `michael.brown@${fqdn}`, sms: '+1 4255550142', authenticator: michaelPhone?.id },
          { upn: `emma.wilson@${fqdn}`, sms: '+1 4255550187' },
        ],
      },
    },
  };
}
