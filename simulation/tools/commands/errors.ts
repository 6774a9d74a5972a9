/**
 * PowerShell's error records as cmdlets write them: a runtime error that points at the whole
 * command, an argument that failed validation, an ambiguous parameter set, missing mandatory
 * parameters, an argument the binder could not convert (cannotConvertArgument), the binder's errors
 * that bindParams has no case for (binderError). Every cmdlet of the lab prints its errors through
 * these.
 */
import type { ConsoleLine } from '../../windows/hostState';
import { cannotConvertMessage, type CmdletSpec, type Unconvertible } from '../shell/bind';
import { formatPsError } from '../shell/psError';
import { valueToken } from './args';
import type { CommandEnv } from './types';

/** ErrorCategoryInfo shortens long target names: first 15 characters, "...", last 15. */
export function ellipsize(text: string): string {
  return text.length > 40 ? `${text.slice(0, 15)}...${text.slice(-15)}` : text;
}

export interface RuntimeError {
  message: string;
  category: string;
  /** `name:type`, e.g. `foo:String` (the name is shortened the way PowerShell does). */
  targetName?: string;
  targetType?: string;
  /** The whole `name:type` text when the cmdlet's module shows its target its own way. */
  target?: string;
  exception: string;
  /** Without the class: `PathNotFound`, not `PathNotFound,Microsoft.PowerShell.Commands.…`. */
  errorId: string;
}

/** Where an error points: the typed line and the command in it. */
export type AtCommand = Pick<CommandEnv, 'line' | 'cmd'>;

/**
 * A runtime error record a cmdlet writes while it runs: it points at the whole command. `errorId`
 * is given without the class; the FullyQualifiedErrorId adds `,<spec.className>`.
 */
export function cmdletError(
  env: AtCommand,
  spec: Pick<CmdletSpec, 'name' | 'className'>,
  e: RuntimeError,
): ConsoleLine[] {
  return formatPsError({
    command: spec.name,
    message: e.message,
    line: env.line,
    column: env.cmd.nameAt,
    length: env.cmd.source.length,
    category: e.category,
    target: e.target ?? `${ellipsize(e.targetName ?? '')}:${e.targetType ?? ''}`,
    activity: `[${spec.name}]`,
    exception: e.exception,
    errorId: `${e.errorId},${spec.className}`,
  });
}

/** An argument that failed a validation attribute: it points at the argument. */
export function validationError(
  env: AtCommand,
  spec: CmdletSpec,
  param: string,
  message: string,
): ConsoleLine[] {
  const at = valueToken(env.cmd.args, param);
  return formatPsError({
    command: spec.name,
    message: `Cannot validate argument on parameter '${param}'. ${message}`,
    line: env.line,
    column: at?.at ?? env.cmd.nameAt,
    length: at ? Math.max(1, at.end - at.at) : env.cmd.source.length,
    category: 'InvalidData',
    target: ':',
    activity: `[${spec.name}]`,
    exception: 'ParameterBindingValidationException',
    errorId: `ParameterArgumentValidationError,${spec.className}`,
  });
}

/**
 * ValidateRange's words for an argument below `min` or above `max`, as they follow "Cannot validate
 * argument on parameter 'X'. ".
 */
export function outOfRange(value: number, min: number, max?: number): string {
  return value < min
    ? `The ${value} argument is less than the minimum allowed range of ${min}. Supply an argument that is greater than or equal to ${min} and then try the command again.`
    : `The ${value} argument is greater than the maximum allowed range of ${max}. Supply an argument that is less than or equal to ${max} and then try the command again.`;
}

/** "Parameter set cannot be resolved using the specified named parameters." */
export function ambiguousParameterSet(env: CommandEnv, spec: CmdletSpec): ConsoleLine[] {
  return formatPsError({
    command: spec.name,
    message: 'Parameter set cannot be resolved using the specified named parameters.',
    line: env.line,
    column: env.cmd.nameAt,
    length: env.cmd.source.length,
    category: 'InvalidArgument',
    target: ':',
    activity: `[${spec.name}]`,
    exception: 'ParameterBindingException',
    errorId: `AmbiguousParameterSet,${spec.className}`,
  });
}

export function missingMandatory(env: CommandEnv, spec: CmdletSpec, names: string[]): ConsoleLine[] {
  return formatPsError({
    command: spec.name,
    message: `Cannot process command because of one or more missing mandatory parameters: ${names.join(' ')}.`,
    line: env.line,
    column: env.line.length,
    length: 1,
    category: 'InvalidArgument',
    target: ':',
    activity: `[${spec.name}]`,
    exception: 'ParameterBindingException',
    errorId: `MissingMandatoryParameter,${spec.className}`,
  });
}

/** Where an error's ~~~ underline goes in the typed line. */
export interface Span {
  column: number;
  length: number;
}

/**
 * The binder's "Cannot bind parameter 'X'. Cannot convert …" error (CannotConvertArgumentNoMessage).
 * `at` is the argument's place in the line; without it the error points at the whole command.
 */
export function cannotConvertArgument(
  env: AtCommand,
  spec: Pick<CmdletSpec, 'name' | 'className'>,
  arg: Unconvertible,
  at: Span = { column: env.cmd.nameAt, length: env.cmd.source.length },
): ConsoleLine[] {
  return formatPsError({
    command: spec.name,
    message: cannotConvertMessage(arg),
    line: env.line,
    column: at.column,
    length: at.length,
    category: 'InvalidArgument',
    target: ':',
    activity: `[${spec.name}]`,
    exception: 'ParameterBindingException',
    errorId: `CannotConvertArgumentNoMessage,${spec.className}`,
  });
}

/** Errors of the parameter binder that bindParams has no case for (ValidateSet, parameter sets). */
export function binderError(
  env: CommandEnv,
  command: string,
  className: string,
  message: string,
  errorId: string,
  at?: { at: number; end: number },
  category = 'InvalidArgument',
  exception = 'ParameterBindingException',
): ConsoleLine[] {
  return formatPsError({
    command,
    message,
    line: env.line,
    column: at ? at.at : env.cmd.nameAt,
    length: at ? Math.max(1, at.end - at.at) : env.cmd.source.length,
    category,
    target: ':',
    activity: `[${command}]`,
    exception,
    errorId: `${errorId},${className}`,
  });
}
