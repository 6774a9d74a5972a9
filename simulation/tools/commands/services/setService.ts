/**
 * Set-Service: -StartupType (a `serviceStartType` effect and the SCM's event 7040) and -Status,
 * with the cmdlet's errors.
 */
import { cmdletSpec } from '../../catalog';
import { bind } from '../args';
import { cmdletError } from '../errors';
import type { StartType } from '../../../windows/services';
import { formatPsError, whatIf } from '../../shell/psError';
import { SERVICE_CHANGE_INPUT, serviceOutput } from './select';
import { scmStartTypeEvent } from './controlManager';
import { dependents, label, onHost } from './hostServices';
import { planStart, planStop, serviceError, type Plan } from './startStop';
import { done, type CommandDef } from '../types';

const setServiceSpec = cmdletSpec('Set-Service');

export const setService: CommandDef = {
  name: 'Set-Service',
  pipelineInput: SERVICE_CHANGE_INPUT,
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
    if (v.WhatIf) return done(whatIf('Set-Service', label(svc)));
    const plan: Plan = { lines: [], effects: [], host: env.host };
    const mode = v.StartupType as string | undefined;
    if (mode === 'Boot' || mode === 'System') {
      return done(
        serviceError(
          env,
          spec,
          `Service '${label(svc)}' cannot be configured due to the following error: The parameter is incorrect`,
          'PermissionDenied',
          'CouldNotSetService',
        ),
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
          ...serviceError(
            env,
            spec,
            `Cannot stop service '${label(svc)}' because it is dependent on other services.`,
            'InvalidOperation',
            'ServiceIsDependentOnNoForce',
          ),
        );
      } else planStop(env, spec, plan, current, false);
    } else if (status?.toLowerCase() === 'paused' && current.status === 'Running') {
      plan.lines.push(
        ...serviceError(
          env,
          spec,
          `Service '${label(svc)}' cannot be suspended because the service does not support being suspended or resumed.`,
          'CloseError',
          'CouldNotSuspendServiceNotSupported',
        ),
      );
    }
    const passThru = v.PassThru ? serviceOutput(plan.host, [plan.host.services[svc.name] ?? svc]) : undefined;
    return done([...plan.lines, ...(passThru?.lines ?? [])], plan.effects, passThru?.objects);
  },
};
