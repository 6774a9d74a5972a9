/** Entra Connect Sync's ADSync module: only on the server where Entra Connect is installed (SYNC01). */
import type { CommandDecl } from './types';

const NS = 'Microsoft.IdentityManagement.PowerShell.Cmdlet';
const POLICY_TYPE = 'Microsoft.IdentityManagement.PowerShell.ObjectModel.SynchronizationPolicyType';
const ADSYNC = { shell: 'powershell', hosts: ['sync'], module: 'ADSync', version: '1.0.0.0' } as const;
const CONNECTOR = { name: 'ConnectorName', type: 'string', position: 0, complete: 'connector' } as const;

export const ADSYNC_DECLS: readonly CommandDecl[] = [
  {
    ...ADSYNC,
    name: 'Start-ADSyncSyncCycle',
    className: `${NS}.StartADSyncSyncCycleCmdlet`,
    params: [
      { name: 'PolicyType', type: 'enum', values: ['Delta', 'Initial'], typeName: POLICY_TYPE, position: 0 },
      { name: 'InteractiveMode', type: 'bool' },
    ],
    synopsis: 'Triggers a synchronization cycle (delta or initial) of all connectors.',
  },
  {
    ...ADSYNC,
    name: 'Get-ADSyncScheduler',
    className: `${NS}.GetADSyncSchedulerCmdlet`,
    params: [],
    synopsis: 'Gets the current sync cycle settings for the sync scheduler.',
  },
  {
    ...ADSYNC,
    name: 'Set-ADSyncScheduler',
    className: `${NS}.SetADSyncSchedulerCmdlet`,
    params: [
      { name: 'CustomizedSyncCycleInterval', type: 'timespan' },
      { name: 'SyncCycleEnabled', type: 'bool' },
      { name: 'NextSyncCyclePolicyType', type: 'enum', values: ['Delta', 'Initial'], typeName: POLICY_TYPE },
      { name: 'PurgeRunHistoryInterval', type: 'timespan' },
      { name: 'MaintenanceEnabled', type: 'bool' },
      { name: 'SchedulerSuspended', type: 'bool' },
      { name: 'Force', type: 'switch' },
    ],
    synopsis: 'Sets the current sync cycle settings for the sync scheduler.',
  },
  {
    ...ADSYNC,
    name: 'Get-ADSyncConnector',
    className: `${NS}.GetADSyncConnectorCmdlet`,
    params: [
      { name: 'Name', type: 'string', position: 0, complete: 'connector' },
      { name: 'Identifier', type: 'string' },
    ],
    synopsis: 'Gets a connector with the specified name or identifier.',
  },
  {
    ...ADSYNC,
    name: 'Get-ADSyncConnectorRunStatus',
    className: `${NS}.GetADSyncConnectorRunStatusCmdlet`,
    params: [CONNECTOR],
    synopsis: 'Gets the run status of the connectors, or of one connector.',
  },
  {
    ...ADSYNC,
    name: 'Get-ADSyncAADPasswordSyncConfiguration',
    className: `${NS}.GetADSyncAADPasswordSyncConfigurationCmdlet`,
    params: [
      { name: 'SourceConnector', type: 'string', position: 0, mandatory: true, complete: 'connector' },
    ],
    synopsis: 'Gets the password hash synchronization configuration of an Active Directory connector.',
  },
  {
    ...ADSYNC,
    name: 'Set-ADSyncAADPasswordSyncConfiguration',
    className: `${NS}.SetADSyncAADPasswordSyncConfigurationCmdlet`,
    params: [
      { name: 'SourceConnector', type: 'string', mandatory: true, complete: 'connector' },
      { name: 'TargetConnector', type: 'string', mandatory: true, complete: 'connector' },
      { name: 'Enable', type: 'bool', mandatory: true },
    ],
    synopsis: 'Enables or disables password hash synchronization between two connectors.',
  },
  {
    ...ADSYNC,
    // A function of a script module: errors name the function itself.
    name: 'Invoke-ADSyncDiagnostics',
    module: 'ADSyncDiagnostics',
    commandType: 'Function',
    className: 'Invoke-ADSyncDiagnostics',
    params: [
      { name: 'PasswordSync', type: 'switch' },
      { name: 'ADConnectorName', type: 'string', complete: 'connector' },
      { name: 'DistinguishedName', type: 'string' },
      { name: 'MemberADConnectorName', type: 'string' },
      { name: 'MemberDistinguishedName', type: 'string' },
      { name: 'NonInteractiveMode', type: 'switch' },
    ],
    synopsis:
      'Runs the Entra Connect troubleshooting diagnostics (password hash synchronization, object sync).',
  },
  {
    ...ADSYNC,
    name: 'Get-ADSyncAADCompanyFeature',
    className: `${NS}.GetADSyncAADCompanyFeatureCmdlet`,
    params: [CONNECTOR],
    synopsis: 'Gets the tenant features Entra Connect has enabled (password hash sync, writeback…).',
  },
  {
    ...ADSYNC,
    name: 'Get-ADSyncRunProfileResult',
    className: `${NS}.GetADSyncRunProfileResultCmdlet`,
    params: [
      { name: 'RunHistoryId', type: 'string' },
      { name: 'ConnectorId', type: 'string' },
      { name: 'RunProfileId', type: 'string' },
      { name: 'NumberRequested', type: 'int' },
      { name: 'RunStepDetails', type: 'switch' },
    ],
    synopsis: 'Gets the results of the run profiles the sync engine has run.',
  },
];
