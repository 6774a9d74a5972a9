/**
 * How one object on the pipeline binds to the cmdlet after the `|`, as PowerShell's parameter
 * binder decides it: a string binds to the pipeline parameter by value; an object binds through
 * the first of its properties the parameter takes by name (a service's Name, an AD object's
 * DistinguishedName…). An AD identity also takes a custom object (Select-Object's), converted to
 * an AD object: without an identity property (DistinguishedName, ObjectGUID, SID,
 * SamAccountName) it fails the module's validation, it does not bind its Name. What cannot bind
 * is InputObjectNotBound, and so is everything when the line already gives the parameter
 * (`| Unlock-ADAccount emma.wilson`). Pure.
 */
import { cmdletError } from '../commands/errors';
import { psValue } from './psFormat';
import type { Command } from '../commands';
import type { PipelineInput } from '../commands/types';
import type { ConsoleLine } from '../../windows/hostState';
import { bindParams, type CmdletSpec } from './bind';
import type { ParsedCommand, Token } from './parse';
import { formatPsError } from './psError';
import { isCustom, isScalar, objectText, propOf, type PsObject } from './psObject';

export type Binding = { ok: true; cmd: ParsedCommand } | { ok: false; lines: ConsoleLine[] };

export interface BindingContext {
  line: string;
}

const NOT_BOUND =
  'The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.';

/** The command with `-Param 'value'` added, as if typed (the tokens sit on the command's name). */
function withArgument(cmd: ParsedCommand, param: string, value: string): ParsedCommand {
  const at = cmd.nameAt;
  const end = at + cmd.name.length;
  const args: Token[] = [
    ...cmd.args,
    { text: `-${param}`, quoted: false, at, end },
    { text: value, quoted: true, at, end },
  ];
  return { ...cmd, args };
}

/** The cmdlet's name and class for its errors (every cmdlet has a spec: a test checks). */
function specOf(def: Command, cmd: ParsedCommand): CmdletSpec {
  return { name: def.spec?.name ?? cmd.name, className: def.spec?.className ?? '', params: [] };
}

/** Whether the typed arguments already bind the pipeline parameter (by name or by position). */
function alreadyBound(def: Command, cmd: ParsedCommand, input: PipelineInput, line: string): boolean {
  if (!def.spec?.params) return false;
  const b = bindParams({ ...specOf(def, cmd), params: def.spec.params }, cmd.args, line);
  return b.ok && input.param in b.values;
}

function notBound(ctx: BindingContext, def: Command, cmd: ParsedCommand, o: PsObject): ConsoleLine[] {
  const type = isScalar(o) ? o.typeName.replace(/^System\./, '') : 'PSObject';
  return cmdletError({ line: ctx.line, cmd }, specOf(def, cmd), {
    message: NOT_BOUND,
    category: 'InvalidArgument',
    targetName: objectText(o),
    targetType: type,
    exception: 'ParameterBindingException',
    errorId: 'InputObjectNotBound',
  });
}

/** A value the binder refuses before the cmdlet runs (an empty string, an AD object without identity). */
function invalid(ctx: BindingContext, def: Command, cmd: ParsedCommand, message: string, id: string) {
  const spec = specOf(def, cmd);
  return formatPsError({
    command: spec.name,
    message,
    line: ctx.line,
    column: cmd.nameAt,
    length: cmd.source.length,
    category: 'InvalidData',
    target: ':',
    activity: `[${spec.name}]`,
    exception: 'ParameterBindingValidationException',
    errorId: `${id},${spec.className}`,
  });
}

/** What the object gives the parameter: its text, 'none' when nothing fits, 'custom' for an AD identity's custom object. */
function valueFor(o: PsObject, input: PipelineInput): string | 'none' | 'custom' {
  if (isScalar(o)) {
    // The AD types convert from a string only.
    if (input.adIdentity && typeof o.value !== 'string') return 'none';
    return psValue(o.value);
  }
  for (const name of input.from) {
    const v = psValue(propOf(o, name)?.[1]);
    if (v !== '') return v;
  }
  return input.adIdentity && isCustom(o) ? 'custom' : 'none';
}

export function bindInput(ctx: BindingContext, def: Command, cmd: ParsedCommand, o: PsObject): Binding {
  const input = def.pipelineInput;
  if (!input || alreadyBound(def, cmd, input, ctx.line))
    return { ok: false, lines: notBound(ctx, def, cmd, o) };
  const value = valueFor(o, input);
  if (value === 'none') return { ok: false, lines: notBound(ctx, def, cmd, o) };
  if (value === 'custom' || (value === '' && input.adIdentity)) {
    // Unconfirmed wording: the ActiveDirectory module's check of an identity object.
    const message = `Cannot validate argument on parameter '${input.param}'. The ${input.param} property on the argument is null or empty.`;
    return { ok: false, lines: invalid(ctx, def, cmd, message, 'ParameterArgumentValidationError') };
  }
  if (value === '' && input.mandatory) {
    const message = `Cannot bind argument to parameter '${input.param}' because it is an empty string.`;
    return {
      ok: false,
      lines: invalid(ctx, def, cmd, message, 'ParameterArgumentValidationErrorEmptyStringNotAllowed'),
    };
  }
  return { ok: true, cmd: withArgument(cmd, input.param, value) };
}
