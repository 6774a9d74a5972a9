/**
 * What the ADSync PowerShell cmdlets ask of the Microsoft Azure AD Sync service, and what it
 * answers. The console sends a request to the ADSync actor and prints the answer; when the
 * service is stopped, every request fails the way the cmdlets fail.
 */
import { effectiveInterval, type AdSyncState, type ConnectConfig, type RunRecord } from './state';

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
      error: 'service-stopped' | 'busy' | 'not-configured' | 'no-such-connector';
      connector?: string;
    }
  | { ok: true; scheduler: SchedulerView }
  | { ok: true; started: 'Delta' | 'Initial' }
  | { ok: true; connectors: ConnectorView[] }
  | { ok: true; phs: { source: string; target: string; enabled: boolean }[] }
  | { ok: true; runStatus?: { connector: string; state: 'Busy' } }
  | { ok: true; runs: RunRecord[] }
  | { ok: true; account: { name: string; domain: string } }
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
    allowedInterval: 30 * 60_000,
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

export function connectorViews(c: ConnectConfig): ConnectorView[] {
  return [
    {
      name: c.adConnector,
      identifier: 'b891884f-051e-4a83-95af-2544101c9083',
      type: 'AD',
      subType: '',
      partitions: [c.forest],
    },
    {
      name: c.aadConnector,
      identifier: 'f0f15e8a-fc36-4c10-9e6d-4a8b3e8f2b0c',
      type: 'Extensible2',
      subType: 'Windows Azure Active Directory (Microsoft)',
      partitions: ['default'],
    },
  ];
}
