/**
 * Finding services by -Name / -DisplayName (wildcards, -Include, -Exclude) with the cmdlets' not-
 * found errors, and the Get-Service table.
 */
import { likeName, wildcard } from '../../shell/wildcard';
import { cmdletError } from '../errors';
import type { ConsoleLine, WindowsHostContext } from '../../../windows/hostState';
import type { ServiceState } from '../../../windows/services';
import type { CmdletSpec } from '../../shell/bind';
import type { PsObject } from '../../shell/psObject';
import { psCollection, psEnum } from '../../shell/psFormat';
import { display, SERVICE_TYPE } from '../../shell/psViews';
import { infoOf } from './scStatus';
import { byName, dependents, onHost, required } from './hostServices';
import type { CommandEnv, PipelineInput } from '../types';

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

export function select(
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

/** ServiceControllerStatus and ServiceStartMode: Sort-Object orders them by value. */
const STATUS = {
  Stopped: 1,
  StartPending: 2,
  StopPending: 3,
  Running: 4,
  ContinuePending: 5,
  PausePending: 6,
  Paused: 7,
};
const START_MODE = { Boot: 0, System: 1, Automatic: 2, Manual: 3, Disabled: 4 };
const SERVICE_TYPES: Readonly<Record<number, string>> = {
  10: 'Win32OwnProcess',
  20: 'Win32ShareProcess',
  30: 'Win32OwnProcess, Win32ShareProcess',
  110: 'Win32OwnProcess, InteractiveProcess',
};

const names = (list: readonly ServiceState[]) => psCollection(list.map((x) => x.name));

/**
 * A ServiceController as the service cmdlets write it to the pipeline. What it accepts (stop,
 * pause, shutdown) follows sc.exe's flags for the service, and only while it runs.
 */
export function serviceObject(host: WindowsHostContext, s: ServiceState): PsObject {
  const info = infoOf(s.name);
  const running = s.status === 'Running';
  const flags = info.flags ?? '(STOPPABLE, NOT_PAUSABLE, ACCEPTS_SHUTDOWN)';
  const dependsOn = names(required(host, s.name));
  return {
    typeName: SERVICE_TYPE,
    // In the order `Format-List *` shows them in Windows PowerShell 5.1.
    props: [
      ['Name', s.name],
      ['RequiredServices', dependsOn],
      ['CanPauseAndContinue', running && flags.includes(' PAUSABLE')],
      ['CanShutdown', running && flags.includes('ACCEPTS_SHUTDOWN')],
      ['CanStop', running && !flags.includes('NOT_STOPPABLE')],
      ['DisplayName', s.displayName],
      ['DependentServices', names(dependents(host, s.name))],
      ['MachineName', '.'],
      ['ServiceName', s.name],
      ['ServicesDependedOn', dependsOn],
      ['ServiceHandle', 'SafeServiceHandle'],
      ['Status', psEnum('System.ServiceProcess.ServiceControllerStatus', STATUS, s.status)],
      ['ServiceType', SERVICE_TYPES[info.type] ?? 'Win32OwnProcess'],
      ['StartType', psEnum('System.ServiceProcess.ServiceStartMode', START_MODE, s.startType)],
      ['Site', ''],
      ['Container', ''],
    ],
  };
}

/** Services as the cmdlets print them (the ServiceController table view) and the objects they write. */
export function serviceOutput(
  host: WindowsHostContext,
  services: readonly ServiceState[],
): {
  lines: ConsoleLine[];
  objects: PsObject[];
} {
  const objects = services.map((s) => serviceObject(host, s));
  return { lines: display(objects), objects };
}

/** Get-Service takes a service (or its name) from the pipeline as -Name. */
export const SERVICE_INPUT: PipelineInput = { param: 'Name', from: ['Name', 'ServiceName'] };

/** Start-, Stop-, Restart- and Set-Service: there -Name is mandatory, so an empty name cannot bind. */
export const SERVICE_CHANGE_INPUT: PipelineInput = { ...SERVICE_INPUT, mandatory: true };

export function filtered(found: ServiceState[], v: Record<string, unknown>): ServiceState[] {
  const inc = v.Include as string[] | undefined;
  const exc = v.Exclude as string[] | undefined;
  return found.filter(
    (s) => (!inc || inc.some((p) => likeName(p, s.name))) && !(exc ?? []).some((p) => likeName(p, s.name)),
  );
}
