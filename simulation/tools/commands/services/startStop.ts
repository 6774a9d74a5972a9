/**
 * Start-Service, Stop-Service and Restart-Service: a plan of `service` effects (what a start needs
 * first, what a forced stop takes down), "Waiting for service…" for the slow ones, and the errors
 * for services that are disabled, will not stop or have running dependents.
 */
import { cmdletSpec } from '../../catalog';
import { bind } from '../args';
import { ambiguousParameterSet, cmdletError, missingMandatory } from '../errors';
import type { HostEffect } from '../../../windows/hostOps';
import type { ConsoleLine, WindowsHostContext } from '../../../windows/hostState';
import type { ServiceState } from '../../../windows/services';
import type { CmdletSpec } from '../../shell/bind';
import { formatPsError, warning, whatIf } from '../../shell/psError';
import { filtered, select, SERVICE_CHANGE_INPUT, serviceOutput } from './select';
import { SLOW_SERVICES, UNSTOPPABLE } from './controlManager';
import { dependents, label, startChain } from './hostServices';
import { done, type CommandDef, type CommandEnv, type CommandOutcome } from '../types';

const startSpec = cmdletSpec('Start-Service');
const stopSpec = cmdletSpec('Stop-Service');
const restartSpec = cmdletSpec('Restart-Service');

/**
 * A service cmdlet's error about the service it was handed (the ServiceController): the message,
 * its category and error id; the target and exception are the same for all of them.
 */
export function serviceError(
  env: CommandEnv,
  spec: CmdletSpec,
  message: string,
  category: string,
  errorId: string,
): ConsoleLine[] {
  return cmdletError(env, spec, {
    message,
    category,
    targetName: 'System.ServiceProcess.ServiceController',
    targetType: 'ServiceController',
    exception: 'ServiceCommandException',
    errorId,
  });
}

const cannotStart = (env: CommandEnv, spec: CmdletSpec, s: ServiceState): ConsoleLine[] =>
  serviceError(
    env,
    spec,
    `Service '${label(s)}' cannot be started due to the following error: Cannot start service ${s.name} on computer '.'.`,
    'OpenError',
    'CouldNotStartService',
  );

const cannotStop = (env: CommandEnv, spec: CmdletSpec, s: ServiceState): ConsoleLine[] =>
  serviceError(
    env,
    spec,
    `Service '${label(s)}' cannot be stopped due to the following error: Cannot stop ${s.name} service on computer '.'.`,
    'CloseError',
    'CouldNotStopService',
  );

const hasDependents = (env: CommandEnv, spec: CmdletSpec, s: ServiceState): ConsoleLine[] =>
  serviceError(
    env,
    spec,
    `Cannot stop service '${label(s)}' because it has dependent services. It can only be stopped if the Force flag is set.`,
    'InvalidOperation',
    'ServiceHasDependentServices',
  );

export interface Plan {
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
export function planStart(env: CommandEnv, spec: CmdletSpec, plan: Plan, s: ServiceState): boolean {
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
export function planStop(
  env: CommandEnv,
  spec: CmdletSpec,
  plan: Plan,
  s: ServiceState,
  force: boolean,
): boolean {
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

function changeCommand(spec: CmdletSpec, op: 'start' | 'stop' | 'restart'): CommandDef {
  return {
    name: spec.name,
    pipelineInput: SERVICE_CHANGE_INPUT,
    run: (env): CommandOutcome => {
      const b = bind(env, spec);
      if (!b.ok) return done(formatPsError(b.error));
      const v = b.values;
      if (v.Name !== undefined && v.DisplayName !== undefined) return done(ambiguousParameterSet(env, spec));
      if (v.Name === undefined && v.DisplayName === undefined) {
        return done(missingMandatory(env, spec, ['InputObject']));
      }
      const sel = select(env, spec, v.Name as string[] | undefined, v.DisplayName as string[] | undefined);
      const targets = filtered(sel.found, v);
      const plan: Plan = { lines: [], effects: [], host: env.host };
      const opName = op === 'start' ? 'Start-Service' : op === 'stop' ? 'Stop-Service' : 'Restart-Service';
      for (const s of targets) {
        if (v.WhatIf) {
          plan.lines.push(...whatIf(opName, label(s)));
          continue;
        }
        const force = !!v.Force;
        if (op === 'start') planStart(env, spec, plan, s);
        else if (op === 'stop') planStop(env, spec, plan, s, force);
        else if (planStop(env, spec, plan, s, force)) planStart(env, spec, plan, s);
      }
      const passThru =
        v.PassThru && !v.WhatIf
          ? serviceOutput(
              plan.host,
              targets.map((s) => plan.host.services[s.name] ?? s),
            )
          : { lines: [], objects: undefined };
      return done([...sel.errors, ...plan.lines, ...passThru.lines], plan.effects, passThru.objects);
    },
  };
}

export const startService = changeCommand(startSpec, 'start');
export const stopService = changeCommand(stopSpec, 'stop');
export const restartService = changeCommand(restartSpec, 'restart');
