/**
 * The ADSync module's cmdlets on the Entra Connect server: Start-ADSyncSyncCycle,
 * Get-ADSyncScheduler, Set-ADSyncScheduler, Get-ADSyncConnector, Get-ADSyncConnectorRunStatus,
 * Get-/Set-ADSyncAADPasswordSyncConfiguration, Get-ADSyncAADCompanyFeature,
 * Get-ADSyncRunProfileResult, and the ADSyncDiagnostics module's Invoke-ADSyncDiagnostics. They
 * ask the ADSync service and print its answer in the shapes of reference §4.2–§4.5.
 */
import { connectorRecord } from './connectorObject';
import { cmdletSpec } from '../../catalog';
import { PHS_RIGHTS, type PhsDiagnostics } from '../../../sync/diagnostics';
import type { AdsyncReply, AdsyncRequest } from '../../../sync/requests';
import { RUN_HISTORY_LIMIT, type RunRecord } from '../../../sync/state';
import { bindParams, type CmdletSpec } from '../../shell/bind';
import { formatPsError, out, warning } from '../../shell/psError';
import type { ConsoleLine } from '../../../windows/hostState';
import { formatList, formatTable, psDate, psDateValue, psSpan, type PsValue } from '../../shell/psFormat';
import { listed, shown } from '../../shell/psViews';
import { done, type CommandDef, type CommandEnv, type CommandOutcome, type CommandResult } from '../types';
import { cmdletError } from '../errors';

const NS = 'Microsoft.IdentityManagement.PowerShell.Cmdlet';
const OBJECT_MODEL = 'Microsoft.IdentityManagement.PowerShell.ObjectModel';

/** The error a cmdlet prints when the ADSync service does not answer (unconfirmed wording). */
export const SERVICE_DOWN =
  'Unable to connect to the synchronization service. The Microsoft Azure AD Sync service (ADSync) may not be running.';

/** The ADSync cmdlets' errors: a .NET exception from the sync engine's object model. */
function adsyncError(
  env: CommandEnv,
  name: string,
  className: string,
  exception: string,
  message: string,
): ConsoleLine[] {
  // The target is the object model's type, shortened as the module's error records show it.
  const target = `${NS}.${className}:${className}`.replace(/^(.{16}).*(\..{14}):/, '$1...$2:');
  return cmdletError(
    env,
    { name, className: `${NS}.${className}` },
    {
      message: `${exception}: ${message}`,
      category: 'WriteError',
      target,
      exception: exception.replace(/^System\./, ''),
      errorId: `${exception}: ${message}`,
    },
  );
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
          lines: adsyncError(env, spec.name, className, 'System.InvalidOperationException', SERVICE_DOWN),
        };
      if (!reply.ok && reply.error === 'not-configured') {
        return {
          lines: adsyncError(
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

const startSpec = cmdletSpec('Start-ADSyncSyncCycle');

export const startAdSyncSyncCycle: CommandDef = {
  name: 'Start-ADSyncSyncCycle',
  run: (env) =>
    local(
      env,
      startSpec,
      (v) => ({ op: 'startCycle', policy: (v.PolicyType as 'Delta' | 'Initial' | undefined) ?? 'Delta' }),
      (reply) => {
        if (!reply.ok) {
          if (reply.error === 'busy') {
            return {
              lines: adsyncError(
                env,
                startSpec.name,
                'StartADSyncSyncCycleCmdlet',
                'System.InvalidOperationException',
                `Connector: ${reply.connector ?? ''} is busy.`,
              ),
            };
          }
          return {
            lines: adsyncError(
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

const getSchedulerSpec = cmdletSpec('Get-ADSyncScheduler');

export const getAdSyncScheduler: CommandDef = {
  name: 'Get-ADSyncScheduler',
  run: (env) =>
    local(
      env,
      getSchedulerSpec,
      () => ({ op: 'getScheduler' }),
      (reply) => {
        if (!reply.ok || !('scheduler' in reply)) return { lines: [] };
        const s = reply.scheduler;
        return listed(`${OBJECT_MODEL}.SchedulerSettings`, [
          [
            ['AllowedSyncCycleInterval', psSpan(s.allowedInterval)],
            ['CurrentlyEffectiveSyncCycleInterval', psSpan(s.currentInterval)],
            ['CustomizedSyncCycleInterval', psSpan(s.customizedInterval)],
            ['NextSyncCyclePolicyType', s.nextPolicy],
            // The scheduler reports UTC whatever the server's time zone.
            ['NextSyncCycleStartTimeInUTC', psDateValue(s.nextRunAt, 0)],
            ['PurgeRunHistoryInterval', psSpan(s.purgeRunHistoryInterval)],
            ['SyncCycleEnabled', s.syncCycleEnabled],
            ['MaintenanceEnabled', s.maintenanceEnabled],
            ['StagingModeEnabled', s.stagingMode],
            ['SchedulerSuspended', s.suspended],
            ['SyncCycleInProgress', s.inProgress],
          ],
        ]);
      },
    ),
};

const setSchedulerSpec = cmdletSpec('Set-ADSyncScheduler');

export const setAdSyncScheduler: CommandDef = {
  name: 'Set-ADSyncScheduler',
  run: (env) =>
    local(
      env,
      setSchedulerSpec,
      (v) => {
        if (v.SchedulerSuspended !== undefined) {
          return adsyncError(
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

const getConnectorSpec = cmdletSpec('Get-ADSyncConnector');

export const getAdSyncConnector: CommandDef = {
  name: 'Get-ADSyncConnector',
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
            lines: adsyncError(
              env,
              getConnectorSpec.name,
              'GetADSyncConnectorCmdlet',
              'System.ArgumentException',
              `Connector '${v.Name as string}' could not be found.`,
            ),
          };
        }
        return listed(`${OBJECT_MODEL}.Connector`, list.map(connectorRecord));
      },
    ),
};

const connectorAccountSpec = cmdletSpec('Get-ADSyncADConnectorAccount');

/**
 * Get-ADSyncADConnectorAccount (ADSyncConfig.psm1): reads each AD connector's connectivity
 * parameters through Get-ADSyncConnector and prints one object per connector, four properties, so
 * PowerShell shows a table (Microsoft Learn, "ADSyncConfig PowerShell Reference").
 */
export const getAdSyncAdConnectorAccount: CommandDef = {
  name: 'Get-ADSyncADConnectorAccount',
  run: (env) =>
    local(
      env,
      connectorAccountSpec,
      () => ({ op: 'getConnectorAccount' }),
      (reply) => {
        if (!reply.ok || !('account' in reply)) return { lines: [] };
        const a = reply.account;
        return shown('System.Management.Automation.PSCustomObject', [
          [
            ['ADConnectorName', a.connector],
            ['ADConnectorForest', a.domain],
            ['ADConnectorAccountName', a.name],
            ['ADConnectorAccountDomain', a.domain],
          ],
        ]);
      },
    ),
};

const runStatusSpec = cmdletSpec('Get-ADSyncConnectorRunStatus');

export const getAdSyncConnectorRunStatus: CommandDef = {
  name: 'Get-ADSyncConnectorRunStatus',
  run: (env) =>
    local(
      env,
      runStatusSpec,
      () => ({ op: 'getRunStatus' }),
      (reply) => {
        if (!reply.ok || !('runStatus' in reply) || !reply.runStatus) return { lines: [] };
        return shown(`${OBJECT_MODEL}.ConnectorRunStatus`, [
          [
            ['RunState', reply.runStatus.state],
            ['ConnectorName', reply.runStatus.connector],
          ],
        ]);
      },
    ),
};

const getPhsSpec = cmdletSpec('Get-ADSyncAADPasswordSyncConfiguration');

export const getAdSyncPhsConfig: CommandDef = {
  name: 'Get-ADSyncAADPasswordSyncConfiguration',
  run: (env) =>
    local(
      env,
      getPhsSpec,
      (v) => ({ op: 'getPhsConfig', sourceConnector: v.SourceConnector as string }),
      (reply, v) => {
        if (!reply.ok && reply.error === 'no-such-connector') {
          return {
            lines: adsyncError(
              env,
              getPhsSpec.name,
              'GetADSyncAADPasswordSyncConfigurationCmdlet',
              'System.ArgumentException',
              `Connector '${v.SourceConnector as string}' could not be found.`,
            ),
          };
        }
        if (!reply.ok || !('phs' in reply)) return { lines: [] };
        return shown(
          `${OBJECT_MODEL}.AADPasswordSyncConfiguration`,
          reply.phs.map((p): [string, PsValue][] => [
            ['SourceConnector', p.source],
            ['TargetConnector', p.target],
            ['Enabled', p.enabled],
          ]),
        );
      },
    ),
};

const setPhsSpec = cmdletSpec('Set-ADSyncAADPasswordSyncConfiguration');

export const setAdSyncPhsConfig: CommandDef = {
  name: 'Set-ADSyncAADPasswordSyncConfiguration',
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
            lines: adsyncError(
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

// ---------------------------------------------------------------------------------------------
// Diagnostics: Invoke-ADSyncDiagnostics (ADSyncDiagnostics module), Get-ADSyncAADCompanyFeature,
// Get-ADSyncRunProfileResult.

/** The ADSyncDiagnostics module's menu, as Show-MainMenu writes it. */
export const DIAG_MAIN_MENU = [
  '',
  '----------------------------------------AADConnect Troubleshooting------------------------------------------',
  '',
  "\tEnter '1' - Troubleshoot Object Synchronization",
  "\tEnter '2' - Troubleshoot Password Hash Synchronization",
  "\tEnter '3' - Collect General Diagnostics",
  "\tEnter '4' - Configure AD DS Connector Account Permissions",
  "\tEnter '5' - Test Azure Active Directory Connectivity",
  "\tEnter '6' - Test Active Directory Connectivity",
  "\tEnter 'Q' - Quit",
  '',
];

export const DIAG_MORE_HELP = [
  '',
  'For more help:',
  '+ Please see - https://go.microsoft.com/fwlink/?linkid=847231 or',
  '+ Open a service request through Azure Portal or Office 365 Admin Portal.',
  '',
];

/**
 * The result lines of "Password Hash Synchronization does NOT work at all". Microsoft documents
 * them only as screenshots (reference §4.5, §9 item 5): the wording here is unconfirmed.
 */
export const DIAG_TEXT = {
  labNoMenu:
    'The interactive troubleshooting menu is not available in the lab. Run Invoke-ADSyncDiagnostics -PasswordSync for the password hash synchronization checks.',
  labNoSingleObject:
    'Single-object password hash synchronization diagnostics are not available in the lab. Run Invoke-ADSyncDiagnostics -PasswordSync without -ADConnectorName and -DistinguishedName.',
  tenant: (domain: string) => `AAD Tenant - ${domain}`,
  cloudEnabled: 'Password Hash Synchronization cloud configuration is enabled',
  cloudDisabled: 'Password Hash Synchronization cloud configuration is disabled',
  cloudUnknown: (detail: string) =>
    `Unable to retrieve the Password Hash Synchronization cloud configuration: ${detail}`,
  staging:
    'Azure AD Connect server is in staging mode. Password Hash Synchronization is not active on a server in staging mode.',
  connector: (name: string) => `AD Connector - ${name}`,
  phsEnabled: 'Password Hash Synchronization is enabled',
  phsDisabled: 'Password Hash Synchronization is disabled',
  heartbeat: (time: string) => `Latest Password Hash Synchronization heartbeat is detected at: ${time} UTC`,
  noHeartbeat: 'Password Hash Synchronization heartbeat is not detected in the last 3 hours',
  partitions: ['Directory Partitions:', '====================='],
  partition: (name: string) => `Directory Partition - ${name}`,
  preferredDcs: 'Only Use Preferred Domain Controllers: False',
  checkingDomain: 'Checking connectivity to the domain...',
  reachable: (domain: string) => `Domain "${domain}" is reachable`,
  unreachable: (domain: string) => `Domain "${domain}" is not reachable`,
  account: (account: string) => `AD Connector Account - ${account}`,
  checkingRights: (dn: string) => `Checking the permissions of the AD Connector account on "${dn}"...`,
  hasRight: (right: string) => `The AD Connector account has the "${right}" permission`,
  lacksRight: (right: string) => `The AD Connector account does NOT have the "${right}" permission`,
  rightsUnknown: {
    unreachable:
      'Unable to check the permissions: Active Directory Web Services on the domain controller could not be reached.',
    'invalid-credentials':
      'Unable to check the permissions: the credentials of the current user were rejected.',
    'no-such-object':
      'Unable to check the permissions: the AD Connector account was not found in the domain.',
    denied: 'Unable to check the permissions: access to the domain root was denied.',
  },
} as const;

const diagSpec = cmdletSpec('Invoke-ADSyncDiagnostics');

const HEARTBEAT_WINDOW = 3 * 3600_000;

function diagnosticsLines(env: CommandEnv, d: PhsDiagnostics): ConsoleLine[] {
  const lines: ConsoleLine[] = [];
  const ok = (text: string) => lines.push({ kind: 'output', text });
  const bad = (text: string) => lines.push({ kind: 'error', text });
  ok('');
  ok(DIAG_TEXT.tenant(d.tenantDomain));
  if (!d.cloud.ok) bad(DIAG_TEXT.cloudUnknown(d.cloud.detail));
  else if (d.cloud.passwordHashSync) ok(DIAG_TEXT.cloudEnabled);
  else bad(DIAG_TEXT.cloudDisabled);
  ok('');
  if (d.stagingMode) {
    bad(DIAG_TEXT.staging);
    ok('');
  }
  const c = d.connector;
  ok(DIAG_TEXT.connector(c.name));
  if (c.phsEnabled) ok(DIAG_TEXT.phsEnabled);
  else bad(DIAG_TEXT.phsDisabled);
  // The heartbeat is the latest "Provision credentials ping end." (654) in the Application log.
  const hostNow = env.now + env.host.clockOffsetMs;
  const pings = (env.host.logs.Application?.entries ?? []).filter(
    (e) =>
      e.source === 'Directory Synchronization' &&
      e.eventId === 654 &&
      hostNow - (e.time + env.host.clockOffsetMs) <= HEARTBEAT_WINDOW,
  );
  const latest = pings[pings.length - 1];
  if (latest) ok(DIAG_TEXT.heartbeat(psDate(latest.time + env.host.clockOffsetMs, 0)));
  else bad(DIAG_TEXT.noHeartbeat);
  ok('');
  for (const t of DIAG_TEXT.partitions) ok(t);
  ok(DIAG_TEXT.partition(c.forest));
  ok('');
  ok(DIAG_TEXT.preferredDcs);
  ok(DIAG_TEXT.checkingDomain);
  if (c.dc) ok(DIAG_TEXT.reachable(c.forest));
  else bad(DIAG_TEXT.unreachable(c.forest));
  ok('');
  ok(DIAG_TEXT.account(c.account));
  ok(DIAG_TEXT.checkingRights(c.domainDn));
  if (!c.rights.ok) bad(DIAG_TEXT.rightsUnknown[c.rights.reason]);
  else {
    const granted = c.rights.granted.map((r) => r.toLowerCase());
    for (const r of PHS_RIGHTS) {
      if (granted.includes(r.toLowerCase())) ok(DIAG_TEXT.hasRight(r));
      else bad(DIAG_TEXT.lacksRight(r));
    }
  }
  ok('');
  for (const t of DIAG_MORE_HELP) ok(t);
  return lines;
}

export const invokeAdSyncDiagnostics: CommandDef = {
  name: 'Invoke-ADSyncDiagnostics',
  run: (env) => {
    const bound = bindParams(diagSpec, env.cmd.args, env.line);
    if (!bound.ok) return done(formatPsError(bound.error));
    const v = bound.values;
    if (!v.PasswordSync) return done([...out(...DIAG_MAIN_MENU), warning(DIAG_TEXT.labNoMenu)]);
    if (v.ADConnectorName !== undefined && v.DistinguishedName !== undefined)
      return done([warning(DIAG_TEXT.labNoSingleObject)]);
    // The module's first call to the service is Get-ADSyncConnector: its error is what shows when the service is down.
    return local(
      env,
      { ...diagSpec, name: 'Get-ADSyncConnector', className: `${NS}.GetADSyncConnectorCmdlet` },
      () => ({ op: 'diagnosePhs', bind: env.host.logon }),
      (reply) => {
        if (!reply.ok || !('diagnostics' in reply)) return { lines: [] };
        return { lines: diagnosticsLines(env, reply.diagnostics) };
      },
    );
  },
};

/** Get-ADSyncAADCompanyFeature's properties besides PasswordHashSync (the lab turns none of them on). */
export const COMPANY_FEATURES_OFF = [
  'ForcePasswordChangeOnLogOn',
  'UserForcePasswordChangeOnLogOn',
  'UnifiedGroupWriteback',
  'UserWriteback',
] as const;

const companyFeatureSpec = cmdletSpec('Get-ADSyncAADCompanyFeature');

export const getAdSyncAadCompanyFeature: CommandDef = {
  name: 'Get-ADSyncAADCompanyFeature',
  run: (env) =>
    local(
      env,
      companyFeatureSpec,
      () => ({ op: 'getCompanyFeature' }),
      (reply) => {
        if (!reply.ok && reply.error === 'cloud-unreachable') {
          const m = /^([\w.]+Exception): ([\s\S]*)$/.exec(reply.detail ?? '');
          return {
            lines: adsyncError(
              env,
              companyFeatureSpec.name,
              'GetADSyncAADCompanyFeatureCmdlet',
              m?.[1] ?? 'System.Net.WebException',
              m?.[2] ?? 'Unable to connect to the remote server',
            ),
          };
        }
        if (!reply.ok || !('companyFeature' in reply)) return { lines: [] };
        return {
          lines: formatList([
            [
              ['PasswordHashSync', reply.companyFeature.passwordHashSync],
              ...COMPANY_FEATURES_OFF.map((f): [string, boolean] => [f, false]),
            ],
          ]),
        };
      },
    ),
};

/** A stable GUID for a run history entry or run profile (the lab has no database to hand them out). */
function labGuid(seed: string): string {
  const hex = (s: string) => {
    let h = 2166136261;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
    return h.toString(16).padStart(8, '0');
  };
  const a = hex(seed) + hex(`${seed}#1`) + hex(`${seed}#2`) + hex(`${seed}#3`);
  return `${a.slice(0, 8)}-${a.slice(8, 12)}-4${a.slice(13, 16)}-a${a.slice(17, 20)}-${a.slice(20, 32)}`;
}

/** Run dates as the sync engine stores them (UTC); unconfirmed whether the cmdlet converts them. */
const RUN_DATES_OFFSET_MINUTES = 0;

const runProfileResultSpec = cmdletSpec('Get-ADSyncRunProfileResult');

const GUID_RE = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;

export const getAdSyncRunProfileResult: CommandDef = {
  name: 'Get-ADSyncRunProfileResult',
  run: (env) => {
    const spec = runProfileResultSpec;
    const bound = bindParams(spec, env.cmd.args, env.line);
    if (!bound.ok) return done(formatPsError(bound.error));
    for (const p of ['RunHistoryId', 'ConnectorId', 'RunProfileId']) {
      const raw = bound.values[p] as string | undefined;
      if (raw !== undefined && !GUID_RE.test(raw)) {
        const at = env.cmd.args.find((t) => t.text === raw);
        return done(
          formatPsError({
            command: spec.name,
            message: `Cannot bind parameter '${p}'. Cannot convert value "${raw}" to type "System.Guid". Error: "Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)."`,
            line: env.line,
            column: at?.at ?? env.cmd.nameAt,
            length: at ? at.end - at.at : 1,
            category: 'InvalidArgument',
            target: ':',
            activity: `[${spec.name}]`,
            exception: 'ParameterBindingException',
            errorId: `CannotConvertArgumentNoMessage,${spec.className}`,
          }),
        );
      }
    }
    return local(
      env,
      spec,
      () => ({ op: 'getRunHistory', count: RUN_HISTORY_LIMIT }),
      (reply, v) => {
        if (!reply.ok || !('runs' in reply)) return { lines: [] };
        const strip = (g: unknown) =>
          typeof g === 'string' ? g.replace(/[{}]/g, '').toLowerCase() : undefined;
        const connectorId = strip(v.ConnectorId);
        const historyId = strip(v.RunHistoryId);
        const profileId = strip(v.RunProfileId);
        const idOf = (name: string) =>
          Object.entries(reply.connectorIds).find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1] ??
          labGuid(name);
        const profileGuid = (r: RunRecord) => labGuid(`${idOf(r.connector)}:${r.profile}`);
        let runs = [...reply.runs]
          .reverse()
          .filter(
            (r) =>
              (!connectorId || idOf(r.connector) === connectorId) &&
              (!historyId || labGuid(`run:${r.id}`) === historyId) &&
              (!profileId || profileGuid(r) === profileId),
          );
        const n = v.NumberRequested as number | undefined;
        if (n !== undefined && n > 0) runs = runs.slice(0, n);
        const offset = env.host.clockOffsetMs;
        return listed(
          `${OBJECT_MODEL}.RunHistory`,
          runs.map((r): [string, PsValue][] => [
            ['RunHistoryId', labGuid(`run:${r.id}`)],
            ['ConnectorId', idOf(r.connector)],
            ['ConnectorName', r.connector],
            ['RunProfileId', profileGuid(r)],
            ['RunProfileName', r.profile],
            ['RunNumber', r.id],
            ['Username', 'NT SERVICE\\ADSync'],
            ['IsRunComplete', true],
            ['Result', r.status],
            ['CurrentStepNumber', 1],
            ['TotalSteps', 1],
            ['StartDate', psDateValue(r.start + offset, RUN_DATES_OFFSET_MINUTES)],
            ['EndDate', psDateValue(r.end + offset, RUN_DATES_OFFSET_MINUTES)],
            ['RunStepResults', `{${labGuid(`step:${r.id}`)}}`],
          ]),
        );
      },
    );
  },
};

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
