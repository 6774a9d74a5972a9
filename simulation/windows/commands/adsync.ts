/**
 * The ADSync module's cmdlets on the Entra Connect server: Start-ADSyncSyncCycle,
 * Get-ADSyncScheduler, Set-ADSyncScheduler, Get-ADSyncConnector, Get-ADSyncConnectorRunStatus,
 * Get-/Set-ADSyncAADPasswordSyncConfiguration. They ask the ADSync service and print its answer
 * in the shapes of reference §4.2–§4.4.
 */
import type { AdsyncReply, AdsyncRequest } from '../../sync/requests';
import { bindParams, type CmdletSpec } from '../shell/bind';
import { formatPsError, warning } from '../shell/psError';
import type { ConsoleLine } from '../hostState';
import { formatList, formatTable, psDate, psSpan } from './psFormat';
import { done, type CommandDef, type CommandEnv, type CommandOutcome, type CommandResult } from './types';

const NS = 'Microsoft.IdentityManagement.PowerShell.Cmdlet';
const POLICY_TYPE = 'Microsoft.IdentityManagement.PowerShell.ObjectModel.SynchronizationPolicyType';

const onSync = (h: { kind: string }) => h.kind === 'sync';

/** The error a cmdlet prints when the ADSync service does not answer (unconfirmed wording). */
export const SERVICE_DOWN =
  'Unable to connect to the synchronization service. The Microsoft Azure AD Sync service (ADSync) may not be running.';

function cmdletError(
  env: CommandEnv,
  name: string,
  className: string,
  exception: string,
  message: string,
): ConsoleLine[] {
  return formatPsError({
    command: name,
    message: `${exception}: ${message}`,
    line: env.line,
    column: env.cmd.nameAt,
    length: env.cmd.source.length,
    category: 'WriteError',
    target: `${NS}.${className}:${className}`.replace(/^(.{16}).*(\..{14}):/, '$1...$2:'),
    activity: `[${name}]`,
    exception: exception.replace(/^System\./, ''),
    errorId: `${exception}: ${message},${NS}.${className}`,
  });
}

function local(
  env: CommandEnv,
  spec: CmdletSpec,
  request: (values: Record<string, unknown>) => AdsyncRequest | ConsoleLine[],
  format: (reply: AdsyncReply, values: Record<string, unknown>) => CommandResult,
): CommandOutcome {
  const bound = bindParams(spec, env.cmd.args, env.line);
  if (!bound.ok) return done(formatPsError(bound.error));
  const req = request(bound.values);
  if (Array.isArray(req)) return done(req);
  const className = spec.className.split('.').pop() ?? spec.className;
  return {
    kind: 'local',
    service: 'adsync',
    request: req,
    format: (reply) => {
      if (!reply.ok && reply.error === 'service-stopped')
        return {
          lines: cmdletError(env, spec.name, className, 'System.InvalidOperationException', SERVICE_DOWN),
        };
      if (!reply.ok && reply.error === 'not-configured') {
        return {
          lines: cmdletError(
            env,
            spec.name,
            className,
            'System.InvalidOperationException',
            'The synchronization service has not been configured. Run the Microsoft Entra Connect wizard.',
          ),
        };
      }
      return format(reply, bound.values);
    },
  };
}

const startSpec: CmdletSpec = {
  name: 'Start-ADSyncSyncCycle',
  className: `${NS}.StartADSyncSyncCycleCmdlet`,
  params: [
    { name: 'PolicyType', type: 'enum', values: ['Delta', 'Initial'], typeName: POLICY_TYPE, position: 0 },
    { name: 'InteractiveMode', type: 'bool' },
  ],
};

export const startAdSyncSyncCycle: CommandDef = {
  names: ['start-adsyncsynccycle'],
  kind: 'cmdlet',
  availableOn: onSync,
  run: (env) =>
    local(
      env,
      startSpec,
      (v) => ({ op: 'startCycle', policy: (v.PolicyType as 'Delta' | 'Initial' | undefined) ?? 'Delta' }),
      (reply) => {
        if (!reply.ok) {
          if (reply.error === 'busy') {
            return {
              lines: cmdletError(
                env,
                startSpec.name,
                'StartADSyncSyncCycleCmdlet',
                'System.InvalidOperationException',
                `Connector: ${reply.connector ?? ''} is busy.`,
              ),
            };
          }
          return {
            lines: cmdletError(
              env,
              startSpec.name,
              'StartADSyncSyncCycleCmdlet',
              'System.InvalidOperationException',
              reply.error,
            ),
          };
        }
        return { lines: formatTable(['Result'], [['Success']]) };
      },
    ),
};

const getSchedulerSpec: CmdletSpec = {
  name: 'Get-ADSyncScheduler',
  className: `${NS}.GetADSyncSchedulerCmdlet`,
  params: [],
};

export const getAdSyncScheduler: CommandDef = {
  names: ['get-adsyncscheduler'],
  kind: 'cmdlet',
  availableOn: onSync,
  run: (env) =>
    local(
      env,
      getSchedulerSpec,
      () => ({ op: 'getScheduler' }),
      (reply) => {
        if (!reply.ok || !('scheduler' in reply)) return { lines: [] };
        const s = reply.scheduler;
        return {
          lines: formatList([
            [
              ['AllowedSyncCycleInterval', psSpan(s.allowedInterval)],
              ['CurrentlyEffectiveSyncCycleInterval', psSpan(s.currentInterval)],
              ['CustomizedSyncCycleInterval', psSpan(s.customizedInterval)],
              ['NextSyncCyclePolicyType', s.nextPolicy],
              // The scheduler reports UTC whatever the server's time zone.
              ['NextSyncCycleStartTimeInUTC', psDate(s.nextRunAt, 0)],
              ['PurgeRunHistoryInterval', psSpan(s.purgeRunHistoryInterval)],
              ['SyncCycleEnabled', s.syncCycleEnabled],
              ['MaintenanceEnabled', s.maintenanceEnabled],
              ['StagingModeEnabled', s.stagingMode],
              ['SchedulerSuspended', s.suspended],
              ['SyncCycleInProgress', s.inProgress],
            ],
          ]),
        };
      },
    ),
};

const setSchedulerSpec: CmdletSpec = {
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
};

export const setAdSyncScheduler: CommandDef = {
  names: ['set-adsyncscheduler'],
  kind: 'cmdlet',
  availableOn: onSync,
  run: (env) =>
    local(
      env,
      setSchedulerSpec,
      (v) => {
        if (v.SchedulerSuspended !== undefined) {
          return cmdletError(
            env,
            setSchedulerSpec.name,
            'SetADSyncSchedulerCmdlet',
            'System.InvalidOperationException',
            'Setting SchedulerSuspended is not supported. It is managed by the synchronization service.',
          );
        }
        return {
          op: 'setScheduler',
          syncCycleEnabled: v.SyncCycleEnabled as boolean | undefined,
          customizedInterval: v.CustomizedSyncCycleInterval as number | undefined,
          nextPolicy: v.NextSyncCyclePolicyType as 'Delta' | 'Initial' | undefined,
          maintenanceEnabled: v.MaintenanceEnabled as boolean | undefined,
          purgeRunHistoryInterval: v.PurgeRunHistoryInterval as number | undefined,
        };
      },
      (_reply, v) => ({
        lines:
          v.CustomizedSyncCycleInterval !== undefined
            ? [
                warning(
                  'The sync interval you provided will only become effective after a sync cycle has completed.',
                ),
              ]
            : [],
      }),
    ),
};

const getConnectorSpec: CmdletSpec = {
  name: 'Get-ADSyncConnector',
  className: `${NS}.GetADSyncConnectorCmdlet`,
  params: [
    { name: 'Name', type: 'string', position: 0 },
    { name: 'Identifier', type: 'string' },
  ],
};

export const getAdSyncConnector: CommandDef = {
  names: ['get-adsyncconnector'],
  kind: 'cmdlet',
  availableOn: onSync,
  run: (env) =>
    local(
      env,
      getConnectorSpec,
      () => ({ op: 'getConnectors' }),
      (reply, v) => {
        if (!reply.ok || !('connectors' in reply)) return { lines: [] };
        const name = (v.Name as string | undefined)?.toLowerCase();
        const list = reply.connectors.filter((c) => !name || c.name.toLowerCase() === name);
        if (name && list.length === 0) {
          return {
            lines: cmdletError(
              env,
              getConnectorSpec.name,
              'GetADSyncConnectorCmdlet',
              'System.ArgumentException',
              `Connector '${v.Name as string}' could not be found.`,
            ),
          };
        }
        return {
          lines: formatList(
            list.map((c) => [
              ['Identifier', c.identifier],
              ['Name', c.name],
              ['Description', ''],
              ['Version', 1],
              ['ConnectorTypeName', c.type],
              ['SubType', c.subType],
              ['CompanyName', c.type === 'AD' ? 'Microsoft' : ''],
              ['Partitions', `{${c.partitions.join(', ')}}`],
              ['HasConfiguredPartitions', true],
            ]),
          ),
        };
      },
    ),
};

const runStatusSpec: CmdletSpec = {
  name: 'Get-ADSyncConnectorRunStatus',
  className: `${NS}.GetADSyncConnectorRunStatusCmdlet`,
  params: [{ name: 'ConnectorName', type: 'string', position: 0 }],
};

export const getAdSyncConnectorRunStatus: CommandDef = {
  names: ['get-adsyncconnectorrunstatus'],
  kind: 'cmdlet',
  availableOn: onSync,
  run: (env) =>
    local(
      env,
      runStatusSpec,
      () => ({ op: 'getRunStatus' }),
      (reply) => {
        if (!reply.ok || !('runStatus' in reply) || !reply.runStatus) return { lines: [] };
        return {
          lines: formatTable(
            ['RunState', 'ConnectorName'],
            [[reply.runStatus.state, reply.runStatus.connector]],
          ),
        };
      },
    ),
};

const getPhsSpec: CmdletSpec = {
  name: 'Get-ADSyncAADPasswordSyncConfiguration',
  className: `${NS}.GetADSyncAADPasswordSyncConfigurationCmdlet`,
  params: [{ name: 'SourceConnector', type: 'string', position: 0, mandatory: true }],
};

export const getAdSyncPhsConfig: CommandDef = {
  names: ['get-adsyncaadpasswordsyncconfiguration'],
  kind: 'cmdlet',
  availableOn: onSync,
  run: (env) =>
    local(
      env,
      getPhsSpec,
      (v) => ({ op: 'getPhsConfig', sourceConnector: v.SourceConnector as string }),
      (reply, v) => {
        if (!reply.ok && reply.error === 'no-such-connector') {
          return {
            lines: cmdletError(
              env,
              getPhsSpec.name,
              'GetADSyncAADPasswordSyncConfigurationCmdlet',
              'System.ArgumentException',
              `Connector '${v.SourceConnector as string}' could not be found.`,
            ),
          };
        }
        if (!reply.ok || !('phs' in reply)) return { lines: [] };
        return {
          lines: formatTable(
            ['SourceConnector', 'TargetConnector', 'Enabled'],
            reply.phs.map((p) => [p.source, p.target, p.enabled]),
          ),
        };
      },
    ),
};

const setPhsSpec: CmdletSpec = {
  name: 'Set-ADSyncAADPasswordSyncConfiguration',
  className: `${NS}.SetADSyncAADPasswordSyncConfigurationCmdlet`,
  params: [
    { name: 'SourceConnector', type: 'string', mandatory: true },
    { name: 'TargetConnector', type: 'string', mandatory: true },
    { name: 'Enable', type: 'bool', mandatory: true },
  ],
};

export const setAdSyncPhsConfig: CommandDef = {
  names: ['set-adsyncaadpasswordsyncconfiguration'],
  kind: 'cmdlet',
  availableOn: onSync,
  run: (env) =>
    local(
      env,
      setPhsSpec,
      (v) => ({
        op: 'setPhsConfig',
        sourceConnector: v.SourceConnector as string,
        targetConnector: v.TargetConnector as string,
        enable: v.Enable as boolean,
      }),
      (reply, v) => {
        if (!reply.ok && reply.error === 'no-such-connector') {
          return {
            lines: cmdletError(
              env,
              setPhsSpec.name,
              'SetADSyncAADPasswordSyncConfigurationCmdlet',
              'System.ArgumentException',
              `Connector '${v.SourceConnector as string}' could not be found.`,
            ),
          };
        }
        return { lines: [] };
      },
    ),
};

export const ADSYNC_COMMANDS: readonly CommandDef[] = [
  startAdSyncSyncCycle,
  getAdSyncScheduler,
  setAdSyncScheduler,
  getAdSyncConnector,
  getAdSyncConnectorRunStatus,
  getAdSyncPhsConfig,
  setAdSyncPhsConfig,
];
