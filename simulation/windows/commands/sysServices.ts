/**
 * Services from the console: Get-Service, Start-Service, Stop-Service, Restart-Service,
 * Set-Service, and sc.exe (query, queryex, start, stop, config, qc). What they change goes back to
 * the host as `service` / `serviceStartType` effects (the host tells the ADSync actor about
 * ADSync); what they print follows the real cmdlets' format views and sc.exe's layouts.
 */
import type { ConsoleLine, WindowsHostContext } from '../hostState';
import { dependentsOf, specOf, type ServiceState, type StartType } from '../services';
import type { CmdletSpec } from '../shell/bind';
import { formatPsError, out, warning } from '../shell/psError';
import {
  ambiguousParameterSet,
  bind,
  cmdletError,
  fixedTable,
  likeName,
  smallHash,
  wildcard,
} from './sysShared';
import { done, type CommandDef, type CommandEnv, type CommandOutcome, type HostEffect } from './types';

const NS = 'Microsoft.PowerShell.Commands';

/** Services that take long enough to start or stop for the cmdlets to print "Waiting for service…". */
export const SLOW_SERVICES: Readonly<Record<string, { start: number; stop: number }>> = {
  ADSync: { start: 1, stop: 1 },
  NTDS: { start: 0, stop: 1 },
};

/** Services the Service Control Manager will not stop. */
export const UNSTOPPABLE = ['RpcSs', 'Dnscache'];

/** The Service Control Manager's words for start types (event 7040, sc qc). */
const SCM_START: Record<StartType, string> = {
  Automatic: 'auto start',
  Manual: 'demand start',
  Disabled: 'disabled',
};

const label = (s: ServiceState) => `${s.displayName} (${s.name})`;

const onHost = (host: WindowsHostContext) => Object.values(host.services);

const byName = (a: ServiceState, b: ServiceState) => a.name.toLowerCase().localeCompare(b.name.toLowerCase());

function required(host: WindowsHostContext, name: string): ServiceState[] {
  return (specOf(name)?.dependsOn ?? []).map((n) => host.services[n]).filter((s): s is ServiceState => !!s);
}

/** Services on this host that depend on `name` (directly or not). */
function dependents(host: WindowsHostContext, name: string): ServiceState[] {
  return dependentsOf(name)
    .map((n) => host.services[n])
    .filter((s): s is ServiceState => !!s);
}

/** The stopped services a start has to bring up first (the SCM starts what a service depends on). */
function startChain(host: WindowsHostContext, svc: ServiceState): ServiceState[] {
  const chain: ServiceState[] = [];
  const visit = (s: ServiceState) => {
    for (const r of required(host, s.name)) visit(r);
    if (s.status !== 'Running' && !chain.includes(s)) chain.push(s);
  };
  visit(svc);
  return chain;
}

function scmStartTypeEvent(s: ServiceState, to: StartType): HostEffect {
  return {
    type: 'log',
    entry: {
      log: 'System',
      source: 'Service Control Manager',
      eventId: 7040,
      level: 'Information',
      message: `The start type of the ${s.displayName} service was changed from ${SCM_START[s.startType]} to ${SCM_START[to]}.`,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Finding services by -Name / -DisplayName

interface Selection {
  found: ServiceState[];
  errors: ConsoleLine[];
}

function notFound(env: CommandEnv, spec: CmdletSpec, value: string, display: boolean): ConsoleLine[] {
  return cmdletError(env, spec, {
    message: display
      ? `Cannot find any service with display name '${value}'.`
      : `Cannot find any service with service name '${value}'.`,
    category: 'ObjectNotFound',
    targetName: value,
    targetType: 'String',
    exception: 'ServiceCommandException',
    errorId: display ? 'NoServiceFoundForGivenDisplayName' : 'NoServiceFoundForGivenName',
  });
}

function select(
  env: CommandEnv,
  spec: CmdletSpec,
  names: string[] | undefined,
  displayNames: string[] | undefined,
): Selection {
  const all = onHost(env.host).sort(byName);
  const found: ServiceState[] = [];
  const errors: ConsoleLine[] = [];
  if (names) {
    for (const n of names) {
      if (wildcard(n)) {
        found.push(...all.filter((s) => likeName(n, s.name)));
        continue;
      }
      // Without wildcards the name may also be a display name (ServiceController resolves both).
      const s =
        all.find((x) => x.name.toLowerCase() === n.toLowerCase()) ??
        all.find((x) => x.displayName.toLowerCase() === n.toLowerCase());
      if (s) found.push(s);
      else errors.push(...notFound(env, spec, n, false));
    }
  } else if (displayNames) {
    for (const n of displayNames) {
      const matches = all.filter((s) => likeName(n, s.displayName));
      if (matches.length === 0 && !wildcard(n)) errors.push(...notFound(env, spec, n, true));
      found.push(...matches);
    }
  } else {
    found.push(...all);
  }
  return { found, errors };
}

/** The Get-Service table (Status 8, Name 18, DisplayName 38, as the format view has them). */
export function serviceTable(services: readonly ServiceState[]): ConsoleLine[] {
  if (services.length === 0) return [];
  return out(
    '',
    ...fixedTable(
      [
        { header: 'Status', width: 8 },
        { header: 'Name', width: 18 },
        { header: 'DisplayName', width: 38 },
      ],
      services.map((s) => [s.status, s.name, s.displayName]),
    ),
    '',
  );
}

const nameParams = [
  { name: 'Name', type: 'strings', position: 0, aliases: ['ServiceName'] },
  { name: 'DisplayName', type: 'strings' },
  { name: 'Include', type: 'strings' },
  { name: 'Exclude', type: 'strings' },
] as const;

function filtered(found: ServiceState[], v: Record<string, unknown>): ServiceState[] {
  const inc = v.Include as string[] | undefined;
  const exc = v.Exclude as string[] | undefined;
  return found.filter(
    (s) => (!inc || inc.some((p) => likeName(p, s.name))) && !(exc ?? []).some((p) => likeName(p, s.name)),
  );
}

// ---------------------------------------------------------------------------------------------
// Get-Service

const getServiceSpec: CmdletSpec = {
  name: 'Get-Service',
  className: `${NS}.GetServiceCommand`,
  params: [
    ...nameParams,
    { name: 'DependentServices', type: 'switch', aliases: ['DS'] },
    { name: 'RequiredServices', type: 'switch', aliases: ['SDO', 'ServicesDependedOn'] },
  ],
};

export const getService: CommandDef = {
  names: ['get-service', 'gsv'],
  kind: 'cmdlet',
  run: (env) => {
    const b = bind(env, getServiceSpec);
    if (!b.ok) return done(formatPsError(b.error));
    const v = b.values;
    if (v.Name !== undefined && v.DisplayName !== undefined)
      return done(ambiguousParameterSet(env, getServiceSpec));
    const sel = select(
      env,
      getServiceSpec,
      v.Name as string[] | undefined,
      v.DisplayName as string[] | undefined,
    );
    let shown = filtered(sel.found, v);
    if (v.DependentServices) shown = shown.flatMap((s) => dependents(env.host, s.name));
    else if (v.RequiredServices) shown = shown.flatMap((s) => required(env.host, s.name));
    return done([...serviceTable(shown), ...sel.errors]);
  },
};

// ---------------------------------------------------------------------------------------------
// Start-Service / Stop-Service / Restart-Service

const changeParams = [
  ...nameParams,
  { name: 'PassThru', type: 'switch' },
  { name: 'WhatIf', type: 'switch', aliases: ['wi'] },
  { name: 'Confirm', type: 'switch', aliases: ['cf'] },
] as const;

const startSpec: CmdletSpec = {
  name: 'Start-Service',
  className: `${NS}.StartServiceCommand`,
  params: [...changeParams],
};
const stopSpec: CmdletSpec = {
  name: 'Stop-Service',
  className: `${NS}.StopServiceCommand`,
  params: [...changeParams, { name: 'Force', type: 'switch' }, { name: 'NoWait', type: 'switch' }],
};
const restartSpec: CmdletSpec = {
  name: 'Restart-Service',
  className: `${NS}.RestartServiceCommand`,
  params: [...changeParams, { name: 'Force', type: 'switch' }],
};

function cannotStart(env: CommandEnv, spec: CmdletSpec, s: ServiceState): ConsoleLine[] {
  return cmdletError(env, spec, {
    message: `Service '${label(s)}' cannot be started due to the following error: Cannot start service ${s.name} on computer '.'.`,
    category: 'OpenError',
    targetName: 'System.ServiceProcess.ServiceController',
    targetType: 'ServiceController',
    exception: 'ServiceCommandException',
    errorId: 'CouldNotStartService',
  });
}

function cannotStop(env: CommandEnv, spec: CmdletSpec, s: ServiceState): ConsoleLine[] {
  return cmdletError(env, spec, {
    message: `Service '${label(s)}' cannot be stopped due to the following error: Cannot stop ${s.name} service on computer '.'.`,
    category: 'CloseError',
    targetName: 'System.ServiceProcess.ServiceController',
    targetType: 'ServiceController',
    exception: 'ServiceCommandException',
    errorId: 'CouldNotStopService',
  });
}

function hasDependents(env: CommandEnv, spec: CmdletSpec, s: ServiceState): ConsoleLine[] {
  return cmdletError(env, spec, {
    message: `Cannot stop service '${label(s)}' because it has dependent services. It can only be stopped if the Force flag is set.`,
    category: 'InvalidOperation',
    targetName: 'System.ServiceProcess.ServiceController',
    targetType: 'ServiceController',
    exception: 'ServiceCommandException',
    errorId: 'ServiceHasDependentServices',
  });
}

function whatIf(op: string, s: ServiceState): ConsoleLine {
  return { kind: 'output', text: `What if: Performing the operation "${op}" on target "${label(s)}".` };
}

interface Plan {
  lines: ConsoleLine[];
  effects: HostEffect[];
  /** The host as it will be after the effects so far (later steps see earlier ones). */
  host: WindowsHostContext;
}

function applyStatus(
  host: WindowsHostContext,
  names: string[],
  status: 'Running' | 'Stopped',
): WindowsHostContext {
  const services = { ...host.services };
  for (const n of names) {
    const s = services[n];
    if (s) services[n] = { ...s, status };
  }
  return { ...host, services };
}

/** Starts one service (and what it needs); false when it could not. */
function planStart(env: CommandEnv, spec: CmdletSpec, plan: Plan, s: ServiceState): boolean {
  const current = plan.host.services[s.name] ?? s;
  if (current.status === 'Running') return true;
  const chain = startChain(plan.host, current);
  const disabled = chain.find((x) => x.startType === 'Disabled');
  if (disabled) {
    plan.lines.push(...cannotStart(env, spec, current));
    return false;
  }
  for (const x of chain) {
    for (let i = 0; i < (SLOW_SERVICES[x.name]?.start ?? 0); i++)
      plan.lines.push(warning(`Waiting for service '${label(x)}' to start...`));
    plan.effects.push({ type: 'service', op: 'start', name: x.name });
  }
  plan.host = applyStatus(
    plan.host,
    chain.map((x) => x.name),
    'Running',
  );
  return true;
}

/** Stops one service; with force, the services that depend on it stop first. */
function planStop(env: CommandEnv, spec: CmdletSpec, plan: Plan, s: ServiceState, force: boolean): boolean {
  const current = plan.host.services[s.name] ?? s;
  if (current.status !== 'Running') return true;
  const running = dependents(plan.host, current.name).filter((d) => d.status === 'Running');
  if (running.length > 0 && !force) {
    plan.lines.push(...hasDependents(env, spec, current));
    return false;
  }
  if (UNSTOPPABLE.includes(current.name) || running.some((d) => UNSTOPPABLE.includes(d.name))) {
    plan.lines.push(...cannotStop(env, spec, current));
    return false;
  }
  for (const x of [...running, current]) {
    for (let i = 0; i < (SLOW_SERVICES[x.name]?.stop ?? 0); i++)
      plan.lines.push(warning(`Waiting for service '${label(x)}' to stop...`));
  }
  // The host stops the dependants along with the service (and logs 7036 for each).
  plan.effects.push({ type: 'service', op: 'stop', name: current.name });
  plan.host = applyStatus(plan.host, [...running.map((d) => d.name), current.name], 'Stopped');
  return true;
}

function changeCommand(names: string[], spec: CmdletSpec, op: 'start' | 'stop' | 'restart'): CommandDef {
  return {
    names,
    kind: 'cmdlet',
    run: (env): CommandOutcome => {
      const b = bind(env, spec);
      if (!b.ok) return done(formatPsError(b.error));
      const v = b.values;
      if (v.Name !== undefined && v.DisplayName !== undefined) return done(ambiguousParameterSet(env, spec));
      if (v.Name === undefined && v.DisplayName === undefined) {
        return done(
          formatPsError({
            command: spec.name,
            message: `Cannot process command because of one or more missing mandatory parameters: InputObject.`,
            line: env.line,
            column: env.line.length,
            length: 1,
            category: 'InvalidArgument',
            target: ':',
            activity: `[${spec.name}]`,
            exception: 'ParameterBindingException',
            errorId: `MissingMandatoryParameter,${spec.className}`,
          }),
        );
      }
      const sel = select(env, spec, v.Name as string[] | undefined, v.DisplayName as string[] | undefined);
      const targets = filtered(sel.found, v);
      const plan: Plan = { lines: [], effects: [], host: env.host };
      const opName = op === 'start' ? 'Start-Service' : op === 'stop' ? 'Stop-Service' : 'Restart-Service';
      for (const s of targets) {
        if (v.WhatIf) {
          plan.lines.push(whatIf(opName, s));
          continue;
        }
        const force = !!v.Force;
        if (op === 'start') planStart(env, spec, plan, s);
        else if (op === 'stop') planStop(env, spec, plan, s, force);
        else if (planStop(env, spec, plan, s, force)) planStart(env, spec, plan, s);
      }
      const passThru =
        v.PassThru && !v.WhatIf ? serviceTable(targets.map((s) => plan.host.services[s.name] ?? s)) : [];
      return done([...sel.errors, ...plan.lines, ...passThru], plan.effects);
    },
  };
}

export const startService = changeCommand(['start-service', 'sasv'], startSpec, 'start');
export const stopService = changeCommand(['stop-service', 'spsv'], stopSpec, 'stop');
export const restartService = changeCommand(['restart-service'], restartSpec, 'restart');

// ---------------------------------------------------------------------------------------------
// Set-Service

const START_MODE = 'System.ServiceProcess.ServiceStartMode';

const setServiceSpec: CmdletSpec = {
  name: 'Set-Service',
  className: `${NS}.SetServiceCommand`,
  params: [
    { name: 'Name', type: 'string', position: 0, mandatory: true, aliases: ['ServiceName', 'SN'] },
    {
      name: 'StartupType',
      type: 'enum',
      values: ['Boot', 'System', 'Automatic', 'Manual', 'Disabled'],
      typeName: START_MODE,
      aliases: ['StartMode', 'SM', 'ST'],
    },
    { name: 'Status', type: 'string' },
    { name: 'PassThru', type: 'switch' },
    { name: 'WhatIf', type: 'switch', aliases: ['wi'] },
    { name: 'Confirm', type: 'switch', aliases: ['cf'] },
  ],
};

export const setService: CommandDef = {
  names: ['set-service'],
  kind: 'cmdlet',
  run: (env) => {
    const spec = setServiceSpec;
    const b = bind(env, spec);
    if (!b.ok) return done(formatPsError(b.error));
    const v = b.values;
    const name = v.Name as string;
    const status = v.Status as string | undefined;
    const okStatus = ['Running', 'Stopped', 'Paused'];
    if (status !== undefined && !okStatus.some((x) => x.toLowerCase() === status.toLowerCase())) {
      return done(
        formatPsError({
          command: spec.name,
          message: `Cannot validate argument on parameter 'Status'. The argument "${status}" does not belong to the set "Running,Stopped,Paused" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.`,
          line: env.line,
          column: env.cmd.nameAt,
          length: env.cmd.source.length,
          category: 'InvalidData',
          target: ':',
          activity: `[${spec.name}]`,
          exception: 'ParameterBindingValidationException',
          errorId: `ParameterArgumentValidationError,${spec.className}`,
        }),
      );
    }
    const svc =
      onHost(env.host).find((s) => s.name.toLowerCase() === name.toLowerCase()) ??
      onHost(env.host).find((s) => s.displayName.toLowerCase() === name.toLowerCase());
    if (!svc) {
      return done(
        cmdletError(env, spec, {
          message: `Service ${name} was not found on computer '.'.`,
          category: 'ObjectNotFound',
          targetName: '.',
          targetType: 'String',
          exception: 'InvalidOperationException',
          errorId: 'InvalidOperationException',
        }),
      );
    }
    if (v.WhatIf) return done([whatIf('Set-Service', svc)]);
    const plan: Plan = { lines: [], effects: [], host: env.host };
    const mode = v.StartupType as string | undefined;
    if (mode === 'Boot' || mode === 'System') {
      return done(
        cmdletError(env, spec, {
          message: `Service '${label(svc)}' cannot be configured due to the following error: The parameter is incorrect`,
          category: 'PermissionDenied',
          targetName: 'System.ServiceProcess.ServiceController',
          targetType: 'ServiceController',
          exception: 'ServiceCommandException',
          errorId: 'CouldNotSetService',
        }),
      );
    }
    if (mode && mode !== svc.startType) {
      const to = mode as StartType;
      plan.effects.push(
        { type: 'serviceStartType', name: svc.name, startType: to },
        scmStartTypeEvent(svc, to),
      );
      plan.host = {
        ...plan.host,
        services: { ...plan.host.services, [svc.name]: { ...svc, startType: to } },
      };
    }
    const current = plan.host.services[svc.name] ?? svc;
    if (status?.toLowerCase() === 'running') planStart(env, spec, plan, current);
    else if (status?.toLowerCase() === 'stopped') {
      const running = dependents(plan.host, svc.name).filter((d) => d.status === 'Running');
      if (running.length > 0 && current.status === 'Running') {
        plan.lines.push(
          ...cmdletError(env, spec, {
            message: `Cannot stop service '${label(svc)}' because it is dependent on other services.`,
            category: 'InvalidOperation',
            targetName: 'System.ServiceProcess.ServiceController',
            targetType: 'ServiceController',
            exception: 'ServiceCommandException',
            errorId: 'ServiceIsDependentOnNoForce',
          }),
        );
      } else planStop(env, spec, plan, current, false);
    } else if (status?.toLowerCase() === 'paused' && current.status === 'Running') {
      plan.lines.push(
        ...cmdletError(env, spec, {
          message: `Service '${label(svc)}' cannot be suspended because the service does not support being suspended or resumed.`,
          category: 'CloseError',
          targetName: 'System.ServiceProcess.ServiceController',
          targetType: 'ServiceController',
          exception: 'ServiceCommandException',
          errorId: 'CouldNotSuspendServiceNotSupported',
        }),
      );
    }
    const passThru = v.PassThru ? serviceTable([plan.host.services[svc.name] ?? svc]) : [];
    return done([...plan.lines, ...passThru], plan.effects);
  },
};

// ---------------------------------------------------------------------------------------------
// sc.exe

interface ScInfo {
  type: number;
  path: string;
  account: string;
  flags?: string;
}

const SVCHOST = (group: string) => `C:\\Windows\\system32\\svchost.exe -k ${group} -p`;

/** sc.exe's view of the services the lab runs (image paths and accounts as on Windows Server 2022). */
export const SC_INFO: Readonly<Record<string, ScInfo>> = {
  Dhcp: { type: 30, path: SVCHOST('LocalServiceNetworkRestricted'), account: 'NT Authority\\LocalService' },
  Dnscache: {
    type: 30,
    path: SVCHOST('NetworkService'),
    account: 'NT AUTHORITY\\NetworkService',
    flags: '(NOT_STOPPABLE, NOT_PAUSABLE, IGNORES_SHUTDOWN)',
  },
  EventLog: {
    type: 30,
    path: SVCHOST('LocalServiceNetworkRestricted'),
    account: 'NT AUTHORITY\\LocalService',
  },
  LanmanServer: {
    type: 30,
    path: SVCHOST('smbsvcs'),
    account: 'LocalSystem',
    flags: '(STOPPABLE, PAUSABLE, IGNORES_SHUTDOWN)',
  },
  LanmanWorkstation: {
    type: 30,
    path: SVCHOST('NetworkService'),
    account: 'NT AUTHORITY\\NetworkService',
    flags: '(STOPPABLE, PAUSABLE, IGNORES_SHUTDOWN)',
  },
  mpssvc: { type: 30, path: SVCHOST('LocalServiceNoNetworkFirewall'), account: 'NT Authority\\LocalService' },
  Netlogon: {
    type: 20,
    path: 'C:\\Windows\\system32\\lsass.exe',
    account: 'LocalSystem',
    flags: '(STOPPABLE, PAUSABLE, IGNORES_SHUTDOWN)',
  },
  RpcSs: {
    type: 30,
    path: SVCHOST('rpcss'),
    account: 'NT AUTHORITY\\NetworkService',
    flags: '(NOT_STOPPABLE, NOT_PAUSABLE, IGNORES_SHUTDOWN)',
  },
  W32Time: {
    type: 30,
    path: 'C:\\Windows\\system32\\svchost.exe -k LocalService',
    account: 'NT AUTHORITY\\LocalService',
  },
  WinRM: { type: 30, path: SVCHOST('NetworkService'), account: 'NT AUTHORITY\\NetworkService' },
  NTDS: { type: 20, path: 'C:\\Windows\\System32\\lsass.exe', account: 'LocalSystem' },
  Kdc: { type: 20, path: 'C:\\Windows\\System32\\lsass.exe', account: 'LocalSystem' },
  ADWS: {
    type: 10,
    path: 'C:\\Windows\\ADWS\\Microsoft.ActiveDirectory.WebServices.exe',
    account: 'LocalSystem',
  },
  DNS: { type: 10, path: 'C:\\Windows\\system32\\dns.exe', account: 'LocalSystem' },
  DHCPServer: { type: 30, path: SVCHOST('DHCPServer'), account: 'NT AUTHORITY\\NetworkService' },
  DFSR: { type: 10, path: 'C:\\Windows\\system32\\DFSRs.exe', account: 'LocalSystem' },
  IsmServ: { type: 10, path: 'C:\\Windows\\System32\\ismserv.exe', account: 'LocalSystem' },
  ADSync: {
    type: 10,
    path: '"C:\\Program Files\\Microsoft Azure AD Sync\\Bin\\miiserver.exe"',
    account: 'NT SERVICE\\ADSync',
  },
  AzureADConnectHealthSyncMonitor: {
    type: 10,
    path: '"C:\\Program Files\\Microsoft Azure AD Connect Health Sync Agent\\Monitor\\Microsoft.Identity.AadConnect.Health.AadSync.Host.exe"',
    account: 'LocalSystem',
  },
  wuauserv: { type: 30, path: SVCHOST('netsvcs'), account: 'LocalSystem' },
  Spooler: { type: 110, path: 'C:\\Windows\\System32\\spoolsv.exe', account: 'LocalSystem' },
};

const TYPE_TEXT: Record<number, string> = {
  10: '10  WIN32_OWN_PROCESS',
  20: '20  WIN32_SHARE_PROCESS',
  30: '30  WIN32',
  110: '110  WIN32_OWN_PROCESS  (interactive)',
};

const SC_START: Record<StartType, string> = {
  Automatic: '2   AUTO_START',
  Manual: '3   DEMAND_START',
  Disabled: '4   DISABLED',
};

function infoOf(name: string): ScInfo {
  return SC_INFO[name] ?? { type: 10, path: `C:\\Windows\\system32\\${name}.exe`, account: 'LocalSystem' };
}

/** A stable process id for a running service (a multiple of 4, as Windows hands them out). */
function pidOf(host: WindowsHostContext, s: ServiceState): number {
  if (s.status !== 'Running') return 0;
  const shared = ['lsass.exe'].some((x) => infoOf(s.name).path.toLowerCase().includes(x));
  const key = shared ? `${host.id}:lsass:${host.bootedAt}` : `${host.id}:${s.name}:${host.bootedAt}`;
  return 400 + (smallHash(key) % 2000) * 4;
}

function scBlock(
  host: WindowsHostContext,
  s: ServiceState,
  opts: { ex?: boolean; display?: boolean; state?: 'start' | 'stop' },
): string[] {
  const info = infoOf(s.name);
  const lines = ['', `SERVICE_NAME: ${s.name}`];
  if (opts.display) lines.push(`DISPLAY_NAME: ${s.displayName}`);
  lines.push(`        TYPE               : ${TYPE_TEXT[info.type] ?? String(info.type)}`);
  if (opts.state === 'start') {
    lines.push('        STATE              : 2  START_PENDING');
    lines.push('                                (NOT_STOPPABLE, NOT_PAUSABLE, IGNORES_SHUTDOWN)');
  } else if (opts.state === 'stop') {
    lines.push('        STATE              : 3  STOP_PENDING');
    lines.push(
      `                                ${info.flags ?? '(STOPPABLE, NOT_PAUSABLE, ACCEPTS_SHUTDOWN)'}`,
    );
  } else if (s.status === 'Running') {
    lines.push('        STATE              : 4  RUNNING');
    lines.push(
      `                                ${info.flags ?? '(STOPPABLE, NOT_PAUSABLE, ACCEPTS_SHUTDOWN)'}`,
    );
  } else {
    lines.push('        STATE              : 1  STOPPED');
  }
  // A service that has not run since boot reports ERROR_SERVICE_NEVER_STARTED.
  const neverStarted = s.status !== 'Running' && !!specOf(s.name)?.stoppedAtBoot && opts.state === undefined;
  lines.push(`        WIN32_EXIT_CODE    : ${neverStarted ? '1077  (0x435)' : '0  (0x0)'}`);
  lines.push('        SERVICE_EXIT_CODE  : 0  (0x0)');
  lines.push('        CHECKPOINT         : 0x0');
  lines.push(`        WAIT_HINT          : ${opts.state === 'start' ? '0x7d0' : '0x0'}`);
  if (opts.ex || opts.state === 'start') {
    const pid = opts.state === 'stop' ? pidOf(host, s) : pidOf(host, { ...s, status: 'Running' });
    lines.push(`        PID                : ${s.status === 'Running' || opts.state ? pid : 0}`);
    lines.push('        FLAGS              :');
  }
  return lines;
}

const scError = (...texts: string[]): ConsoleLine[] =>
  texts.map((text) => ({ kind: 'error' as const, text }));

const SC_MESSAGES = {
  noService: 'The specified service does not exist as an installed service.',
  alreadyRunning: 'An instance of the service is already running.',
  disabled:
    'The service cannot be started, either because it is disabled or because it has no enabled devices associated with it.',
  notStarted: 'The service has not been started.',
  dependents: 'A stop control has been sent to a service that other running services are dependent on.',
  notValid: 'The requested control is not valid for this service.',
  badParameter: 'The parameter is incorrect.',
} as const;

export const SC_USAGE = [
  'DESCRIPTION:',
  '        SC is a command line program used for communicating with the',
  '        Service Control Manager and services.',
  'USAGE:',
  '        sc <server> [command] [service name] <option1> <option2>...',
  '',
  '',
  '        The option <server> has the form "\\\\ServerName"',
  '        Further help on commands can be obtained by typing: "sc [command]"',
  '        Commands:',
  '          query-----------Queries the status for a service, or',
  '                          enumerates the status for types of services.',
  '          queryex---------Queries the extended status for a service, or',
  '                          enumerates the status for types of services.',
  '          start-----------Starts a service.',
  '          pause-----------Sends a PAUSE control request to a service.',
  '          interrogate-----Sends an INTERROGATE control request to a service.',
  '          continue--------Sends a CONTINUE control request to a service.',
  '          stop------------Sends a STOP request to a service.',
  '          config----------Changes the configuration of a service (persistent).',
  '          description-----Changes the description of a service.',
  '          failure---------Changes the actions taken by a service upon failure.',
  '          qc--------------Queries the configuration information for a service.',
  '          qdescription----Queries the description for a service.',
  '          qfailure--------Queries the actions taken by a service upon failure.',
  '          delete----------Deletes a service (from the registry).',
  '          create----------Creates a service. (adds it to the registry).',
  '          GetDisplayName--Gets the DisplayName for a service.',
  '          GetKeyName------Gets the ServiceKeyName for a service.',
  '          EnumDepend------Enumerates Service Dependencies.',
  '',
  "        The following commands don't require a service name:",
  '        sc <server> <command> <option>',
  '          boot------------(ok | bad) Indicates whether the last boot should',
  '                          be saved as the last-known-good boot configuration',
  '          Lock------------Locks the Service Database',
  '          QueryLock-------Queries the LockStatus for the SCManager Database',
  'EXAMPLE:',
  '        sc start MyService',
];

export const SC_CONFIG_USAGE = [
  'DESCRIPTION:',
  '        Modifies a service entry in the registry and Service Database.',
  'USAGE:',
  '        sc <server> config [service name] <option1> <option2>...',
  '',
  'OPTIONS:',
  'NOTE: The option name includes the equal sign.',
  '      A space is required between the equal sign and the value.',
  '      To remove the dependency, use a single / as dependency value.',
  ' type= <own|share|interact|kernel|filesys|rec|userown|usershare>',
  ' start= <boot|system|auto|demand|disabled|delayed-auto>',
  ' error= <normal|severe|critical|ignore>',
  ' binPath= <BinaryPathName to the .exe file>',
  ' group= <LoadOrderGroup>',
  ' tag= <yes|no>',
  ' depend= <Dependencies(separated by / (forward slash))>',
  ' obj= <AccountName|ObjectName>',
  ' DisplayName= <display name>',
  ' password= <password>',
];

const SC_START_TYPES: Record<string, StartType | 'bad'> = {
  auto: 'Automatic',
  'delayed-auto': 'Automatic',
  demand: 'Manual',
  disabled: 'Disabled',
  boot: 'bad',
  system: 'bad',
};

function scFind(host: WindowsHostContext, name: string | undefined): ServiceState | undefined {
  if (!name) return undefined;
  return onHost(host).find((s) => s.name.toLowerCase() === name.toLowerCase());
}

function runSc(env: CommandEnv): CommandOutcome {
  const args = env.cmd.args.map((a) => a.text);
  // A leading \\server names the machine: only this one is reachable through its own SCM here.
  if (args[0]?.startsWith('\\\\')) {
    const server = args[0].slice(2).toLowerCase();
    const self = [
      env.host.hostname.toLowerCase(),
      `${env.host.hostname}.${env.host.domainFqdn}`.toLowerCase(),
      'localhost',
      '127.0.0.1',
    ];
    if (!self.includes(server))
      return done(scError('[SC] OpenSCManager FAILED 1722:', '', 'The RPC server is unavailable.', ''));
    args.shift();
  }
  const command = args[0]?.toLowerCase();
  const name = args[1];
  const svc = scFind(env.host, name);
  const missing = (prefix: string) =>
    done(scError(`[SC] ${prefix} FAILED 1060:`, '', SC_MESSAGES.noService, ''));
  switch (command) {
    case 'query':
    case 'queryex': {
      const ex = command === 'queryex';
      // `sc query` with options only (type= / state=) enumerates.
      if (!name || /=$/.test(name)) {
        const stateIdx = args.findIndex((a) => a.toLowerCase() === 'state=');
        const state = stateIdx >= 0 ? args[stateIdx + 1]?.toLowerCase() : 'active';
        const list = onHost(env.host)
          .sort(byName)
          .filter((s) =>
            state === 'all' ? true : state === 'inactive' ? s.status !== 'Running' : s.status === 'Running',
          );
        return done(out(...list.flatMap((s) => scBlock(env.host, s, { ex, display: true })), ''));
      }
      if (!svc) return missing('EnumQueryServicesStatus:OpenService');
      return done(out(...scBlock(env.host, svc, { ex }), ''));
    }
    case 'start': {
      if (!name)
        return done(
          out(
            'DESCRIPTION:',
            '        Starts a service running.',
            'USAGE:',
            '        sc <server> start [service name] <arg1> <arg2> ...',
          ),
        );
      if (!svc) return missing('OpenService');
      if (svc.status === 'Running')
        return done(scError('[SC] StartService FAILED 1056:', '', SC_MESSAGES.alreadyRunning, ''));
      const chain = startChain(env.host, svc);
      if (chain.some((x) => x.startType === 'Disabled'))
        return done(scError('[SC] StartService FAILED 1058:', '', SC_MESSAGES.disabled, ''));
      return done(
        out(...scBlock(env.host, svc, { state: 'start' }), ''),
        chain.map((x): HostEffect => ({ type: 'service', op: 'start', name: x.name })),
      );
    }
    case 'stop': {
      if (!name)
        return done(
          out(
            'DESCRIPTION:',
            '        Sends a STOP control request to a service.',
            'USAGE:',
            '        sc <server> stop [service name]',
          ),
        );
      if (!svc) return missing('OpenService');
      if (svc.status !== 'Running')
        return done(scError('[SC] ControlService FAILED 1062:', '', SC_MESSAGES.notStarted, ''));
      if (dependents(env.host, svc.name).some((d) => d.status === 'Running'))
        return done(scError('[SC] ControlService FAILED 1051:', '', SC_MESSAGES.dependents, ''));
      if (UNSTOPPABLE.includes(svc.name))
        return done(scError('[SC] ControlService FAILED 1052:', '', SC_MESSAGES.notValid, ''));
      return done(out(...scBlock(env.host, svc, { state: 'stop' }), ''), [
        { type: 'service', op: 'stop', name: svc.name },
      ]);
    }
    case 'config': {
      if (!name) return done(out(...SC_CONFIG_USAGE));
      const opts = args.slice(2);
      // Options come as `start=` followed by the value (sc needs the space after the equal sign).
      const effects: HostEffect[] = [];
      let startType: StartType | 'bad' | undefined;
      for (let i = 0; i < opts.length; i++) {
        const o = (opts[i] as string).toLowerCase();
        if (!o.endsWith('=') || opts[i + 1] === undefined) return done(out(...SC_CONFIG_USAGE));
        const value = (opts[++i] as string).toLowerCase();
        if (o === 'start=') {
          startType = SC_START_TYPES[value];
          if (!startType) return done(out(...SC_CONFIG_USAGE));
        } else if (
          ![
            'type=',
            'error=',
            'binpath=',
            'group=',
            'tag=',
            'depend=',
            'obj=',
            'displayname=',
            'password=',
          ].includes(o)
        ) {
          return done(out(...SC_CONFIG_USAGE));
        }
      }
      if (!svc) return missing('OpenService');
      if (startType === 'bad')
        return done(scError('[SC] ChangeServiceConfig FAILED 87:', '', SC_MESSAGES.badParameter, ''));
      if (startType && startType !== svc.startType)
        effects.push(
          { type: 'serviceStartType', name: svc.name, startType },
          scmStartTypeEvent(svc, startType),
        );
      return done(out('[SC] ChangeServiceConfig SUCCESS'), effects);
    }
    case 'qc': {
      if (!name)
        return done(
          out(
            'DESCRIPTION:',
            '        Queries the configuration information for a service.',
            'USAGE:',
            '        sc <server> qc [service name] <bufferSize>',
          ),
        );
      if (!svc) return missing('OpenService');
      const info = infoOf(svc.name);
      const deps = specOf(svc.name)?.dependsOn ?? [];
      return done(
        out(
          '[SC] QueryServiceConfig SUCCESS',
          '',
          `SERVICE_NAME: ${svc.name}`,
          `        TYPE               : ${TYPE_TEXT[info.type] ?? String(info.type)}`,
          `        START_TYPE         : ${SC_START[svc.startType]}`,
          '        ERROR_CONTROL      : 1   NORMAL',
          `        BINARY_PATH_NAME   : ${info.path}`,
          '        LOAD_ORDER_GROUP   :',
          '        TAG                : 0',
          `        DISPLAY_NAME       : ${svc.displayName}`,
          `        DEPENDENCIES       : ${deps[0] ?? ''}`.trimEnd(),
          ...deps.slice(1).map((d) => `                           : ${d}`),
          `        SERVICE_START_NAME : ${info.account}`,
          '',
        ),
      );
    }
    case 'getdisplayname':
      if (!svc) return missing('GetServiceDisplayName');
      return done(out(`[SC] GetServiceDisplayName SUCCESS  Name = ${svc.displayName}`));
    case 'getkeyname': {
      const byDisplay = onHost(env.host).find(
        (s) => s.displayName.toLowerCase() === (name ?? '').toLowerCase(),
      );
      if (!byDisplay) return missing('GetServiceKeyName');
      return done(out(`[SC] GetServiceKeyName SUCCESS  Name = ${byDisplay.name}`));
    }
    default:
      return done(out(...SC_USAGE));
  }
}

/** sc.exe, in cmd and (as sc.exe) in PowerShell. */
export const scExe: CommandDef = {
  names: ['sc.exe'],
  kind: 'native',
  run: runSc,
};

/**
 * `sc` in cmd is sc.exe; in Windows PowerShell 5.1 it is the alias of Set-Content, so `sc query
 * ADSync` quietly writes "ADSync" into a file named "query" and prints nothing. The lab keeps that
 * trap (it has no file system to write to).
 */
export const sc: CommandDef = {
  names: ['sc'],
  kind: 'native',
  run: (env) => (env.shell === 'cmd' ? runSc(env) : done([])),
};

export const SERVICE_COMMANDS: readonly CommandDef[] = [
  getService,
  startService,
  stopService,
  restartService,
  setService,
  scExe,
  sc,
];
