/** Entra Connect's state on the sync server as the lab definition starts it. */
import type { LabDefinition } from '../core/definition';
import { emptySpace } from './space';
import { ADSYNC_VERSION, type AdSyncState } from './state';

export function initialAdSync(def: LabDefinition, now: number): AdSyncState {
  const c = def.connect;
  const host = def.hosts.find((h) => h.id === c.host);
  const configured = c.state === 'configured';
  return {
    installed: true,
    version: ADSYNC_VERSION,
    serverName: host?.hostname ?? c.host.toUpperCase(),
    config: configured
      ? {
          tenantDomain: def.tenant.initialDomain,
          tenantId: def.tenant.tenantId,
          adConnector: def.domain.forest,
          aadConnector: `${def.tenant.initialDomain} - AAD`,
          forest: def.domain.forest,
          connectorAccount: { ...c.connectorAccount },
          syncAccount: { ...c.syncAccount },
          ouFilter: c.ouFilter,
          features: {
            passwordHashSync: c.features.passwordHashSync,
            passwordWriteback: c.features.passwordWriteback,
            exchangeHybrid: false,
            exchangeMailPublicFolders: false,
            appAttributeFiltering: false,
            groupWriteback: false,
            deviceWriteback: false,
            directoryExtensions: false,
          },
          signIn: c.features.passwordHashSync ? 'PasswordHashSync' : 'DoNotConfigure',
          sourceAnchor: 'mS-DS-ConsistencyGuid',
          ldapSignAndEncrypt: true,
        }
      : undefined,
    // A freshly installed server ran an Initial cycle; the lab starts with it.
    scheduler: {
      syncCycleEnabled: true,
      nextPolicy: 'Initial',
      nextRunAt: now,
      maintenanceEnabled: true,
      stagingMode: false,
      purgeRunHistoryInterval: 7 * 86_400_000,
    },
    connectorSpace: emptySpace(),
    groupSpace: {},
    groupsExported: {},
    phs: { synced: {}, fullSyncDone: false, log: [] },
    writeback: { listener: 'stopped' },
    runHistory: [],
    runSeq: 0,
    cycleInProgress: false,
  };
}
