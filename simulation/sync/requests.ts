/**
 * What the ADSync PowerShell cmdlets ask of the Microsoft Azure AD Sync service, and what it
 * answers. The console sends a request to the ADSync actor and prints the answer; when the
 * service is stopped, every request fails the way the cmdlets fail.
 */
import type { Credentials } from '../net/appMessages';
import type { CompanyFeatureView, PhsDiagnostics } from './diagnostics';
import { effectiveInterval, type AdSyncState, type ConnectConfig, type RunRecord } from './state';
import { TIMINGS } from '../core/timings';

export type AdsyncRequest =
  | { op: 'getScheduler' }
  | {
      op: 'setScheduler';
      syncCycleEnabled?: boolean;
      customizedInterval?: number;
      nextPolicy?: 'Delta' | 'Initial';
      maintenanceEnabled?: boolean;
      purgeRunHistoryInterval?: number;
    }
  | { op: 'startCycle'; policy: 'Delta' | 'Initial' }
  | { op: 'getConnectors' }
  | { op: 'getPhsConfig'; sourceConnector?: string }
  | { op: 'setPhsConfig'; sourceConnector: string; targetConnector: string; enable: boolean }
  | { op: 'getRunStatus' }
  | { op: 'getRunHistory'; count: number }
  | { op: 'getConnectorAccount' }
  /** Invoke-ADSyncDiagnostics -PasswordSync: the service checks the cloud and the directory (with `bind`). */
  | { op: 'diagnosePhs'; bind: Credentials }
  /** Get-ADSyncAADCompanyFeature: the tenant's features, asked of the cloud. */
  | { op: 'getCompanyFeature' }
  | { op: 'status' };

export interface SchedulerView {
  allowedInterval: number;
  currentInterval: number;
  customizedInterval?: number;
  nextPolicy: 'Delta' | 'Initial';
  nextRunAt: number;
  purgeRunHistoryInterval: number;
  syncCycleEnabled: boolean;
  maintenanceEnabled: boolean;
  stagingMode: boolean;
  suspended: boolean;
  inProgress: boolean;
}

export type AdsyncReply =
  | {
      ok: false;
      error:
        'service-stopped' | 'busy' | 'not-configured' | 'no-such-connector' | 'cloud-unreachable' | 'failed';
      connector?: string;
      /** For cloud-unreachable: what went wrong, as the exception text. */
      detail?: string;
    }
  | { ok: true; scheduler: SchedulerView }
  | { ok: true; started: 'Delta' | 'Initial' }
  | { ok: true; connectors: ConnectorView[] }
  | { ok: true; phs: { source: string; target: string; enabled: boolean }[] }
  | { ok: true; runStatus?: { connector: string; state: 'Busy' } }
  /** Run history, oldest first, with each connector's identifier by name. */
  | { ok: true; runs: RunRecord[]; connectorIds: Record<string, string> }
  | { ok: true; account: { name: string; domain: string; connector: string } }
  | { ok: true; diagnostics: PhsDiagnostics }
  | { ok: true; companyFeature: CompanyFeatureView }
  | { ok: true; done: true };

export interface ConnectorView {
  name: string;
  identifier: string;
  type: 'AD' | 'Extensible2';
  subType: string;
  partitions: string[];
}

export function schedulerView(s: AdSyncState, wizardOpen: boolean): SchedulerView {
  return {
    allowedInterval: TIMINGS.syncSchedulerInterval,
    currentInterval: effectiveInterval(s.scheduler),
    customizedInterval: s.scheduler.customizedInterval,
    nextPolicy: s.scheduler.nextPolicy,
    nextRunAt: s.scheduler.nextRunAt,
    purgeRunHistoryInterval: s.scheduler.purgeRunHistoryInterval,
    syncCycleEnabled: s.scheduler.syncCycleEnabled,
    maintenanceEnabled: s.scheduler.maintenanceEnabled,
    stagingMode: s.scheduler.stagingMode,
    suspended: wizardOpen,
    inProgress: s.cycleInProgress,
  };
}

/** The connectors' identifiers (Get-ADSyncConnector's Identifier, Get-ADSyncRunProfileResult's ConnectorId). */
export const CONNECTOR_IDS = {
  ad: 'b891884f-051e-4a83-95af-2544101c9083',
  aad: 'f0f15e8a-fc36-4c10-9e6d-4a8b3e8f2b0c',
} as const;

export function connectorViews(c: ConnectConfig): ConnectorView[] {
  return [
    {
      name: c.adConnector,
      identifier: CONNECTOR_IDS.ad,
      type: 'AD',
      subType: '',
      partitions: [c.forest],
    },
    {
      name: c.aadConnector,
      identifier: CONNECTOR_IDS.aad,
      type: 'Extensible2',
      subType: 'Windows Azure Active Directory (Microsoft)',
      partitions: ['default'],
    },
  ];
}
