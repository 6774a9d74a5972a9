/**
 * The ActiveDirectory module's cmdlet plumbing: binding then printing or running a network script,
 * pipeline input by identity, and the module's parameter-set and mandatory-parameter errors.
 */
import type { Script } from '../../../proc/script';
import type { ConsoleLine } from '../../../windows/hostState';
import { bindParams, type BoundValue, type CmdletSpec } from '../../shell/bind';
import { formatPsError } from '../../shell/psError';
import { done, type CommandDef, type CommandEnv, type CommandResult, type PipelineInput } from '../types';
import { AD_NS, MSG, type AdCmdlet } from './adClient';
// --- Command plumbing ----------------------------------------------------------------------------

export const AD_CMDLETS = `${AD_NS}.Commands`;

/** The account cmdlets take an AD object from the pipeline as their -Identity. */
export const IDENTITY_INPUT: PipelineInput = {
  param: 'Identity',
  // What an AD identity can be (DN, GUID, SID, sAMAccountName): not the Name.
  from: ['DistinguishedName', 'ObjectGUID', 'SID', 'SamAccountName'],
  adIdentity: true,
};

export const withIdentityInput = (def: CommandDef): CommandDef => ({ ...def, pipelineInput: IDENTITY_INPUT });

/**
 * An AD cmdlet: bind its parameters (printing PowerShell's binding errors), then either print at
 * once (a returned array of lines) or run a script on the network.
 */
export function adCmdlet(
  spec: CmdletSpec,
  body: (
    env: CommandEnv,
    values: Record<string, BoundValue>,
  ) => ConsoleLine[] | (() => Script<CommandResult>),
): CommandDef {
  return {
    name: spec.name,
    run: (env) => {
      const bound = bindParams(spec, env.cmd.args, env.line);
      if (!bound.ok) return done(formatPsError(bound.error));
      const r = body(env, bound.values);
      return Array.isArray(r) ? done(r) : { kind: 'script', script: r };
    },
  };
}

/** PowerShell's error when the parameters fit no parameter set (or two). */
export function parameterSetError(c: AdCmdlet): ConsoleLine[] {
  return formatPsError({
    command: c.name,
    message: MSG.ambiguousParameterSet,
    line: c.env.line,
    column: c.env.cmd.nameAt,
    length: c.env.cmd.source.length,
    category: 'InvalidArgument',
    activity: `[${c.name}]`,
    exception: 'ParameterBindingException',
    errorId: `AmbiguousParameterSet,${AD_CMDLETS}.${c.className}`,
  });
}

export function missingMandatory(c: AdCmdlet, names: string): ConsoleLine[] {
  return formatPsError({
    command: c.name,
    message: `Cannot process command because of one or more missing mandatory parameters: ${names}.`,
    line: c.env.line,
    column: c.env.line.length,
    length: 1,
    category: 'InvalidArgument',
    activity: `[${c.name}]`,
    exception: 'ParameterBindingException',
    errorId: `MissingMandatoryParameter,${AD_CMDLETS}.${c.className}`,
  });
}
