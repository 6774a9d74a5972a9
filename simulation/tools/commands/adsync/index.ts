/**
 * The ADSync module's cmdlets on the Entra Connect server: Start-ADSyncSyncCycle,
 * Get-ADSyncScheduler, Set-ADSyncScheduler, Get-ADSyncConnector, Get-ADSyncConnectorRunStatus,
 * Get-/Set-ADSyncAADPasswordSyncConfiguration, Get-ADSyncAADCompanyFeature,
 * Get-ADSyncRunProfileResult, and the ADSyncDiagnostics module's Invoke-ADSyncDiagnostics. They
 * ask the ADSync service and print its answer in the shapes of reference §4.2–§4.5.
 */
import type { CommandDef } from '../types';
import {
  getAdSyncAdConnectorAccount,
  getAdSyncConnector,
  getAdSyncConnectorRunStatus,
  getAdSyncPhsConfig,
  setAdSyncPhsConfig,
} from './connectors';
import { getAdSyncAadCompanyFeature, invokeAdSyncDiagnostics } from './diagnostics';
import { getAdSyncRunProfileResult } from './runHistory';
import { getAdSyncScheduler, setAdSyncScheduler, startAdSyncSyncCycle } from './scheduler';

export const ADSYNC_COMMANDS: readonly CommandDef[] = [
  startAdSyncSyncCycle,
  getAdSyncScheduler,
  setAdSyncScheduler,
  getAdSyncConnector,
  getAdSyncAdConnectorAccount,
  getAdSyncConnectorRunStatus,
  getAdSyncPhsConfig,
  setAdSyncPhsConfig,
  invokeAdSyncDiagnostics,
  getAdSyncAadCompanyFeature,
  getAdSyncRunProfileResult,
];
