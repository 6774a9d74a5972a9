/**
 * Get-Service: the services a -Name or -DisplayName selects, as the Get-Service table.
 */
import { cmdletSpec } from '../../catalog';
import { bind } from '../args';
import { ambiguousParameterSet } from '../errors';
import { formatPsError } from '../../shell/psError';
import { filtered, select, SERVICE_INPUT, serviceOutput } from './select';
import { dependents, required } from './hostServices';
import { done, type CommandDef } from '../types';

const getServiceSpec = cmdletSpec('Get-Service');

export const getService: CommandDef = {
  name: 'Get-Service',
  pipelineInput: SERVICE_INPUT,
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
    const o = serviceOutput(env.host, shown);
    return done([...o.lines, ...sel.errors], undefined, o.objects);
  },
};
