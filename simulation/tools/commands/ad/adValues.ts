/**
 * Values the AD tools read and print: FILETIMEs, TimeSpan arguments (with their binding error),
 * bound strings and string lists, and -AsSecureString passwords (ConvertTo-SecureString).
 */
import { cmdletSpec } from '../../catalog';
import type { ConsoleLine } from '../../../windows/hostState';
import { bindParams, parseTimeSpan, type BoundValue, type Unconvertible } from '../../shell/bind';
import { subExpressionOf } from '../../shell/parse';
import { formatPsError, out } from '../../shell/psError';
import { done, type CommandDef, type CommandEnv } from '../types';
import { cannotConvertArgument } from '../errors';
import { AD_NS, LAB, type AdCmdlet } from './adClient';
// --- Values ------------------------------------------------------------------------------------

/** Windows FILETIME (100 ns since 1601) of a lab time; 0 stays 0. */
export function fileTime(ms: number): string {
  if (ms <= 0) return '0';
  return ((BigInt(Math.round(ms)) + 11644473600000n) * 10000n).toString();
}

export const NEVER_FILETIME = '9223372036854775807';

export { psCollection } from '../../shell/psFormat';

/** A TimeSpan argument: `1.00:00:00`, `00:30:00`, or a bare number (ticks, as PowerShell converts it). */
export function timeSpanArg(raw: string): number | undefined {
  const t = raw.trim();
  if (/^\d+$/.test(t)) return Math.floor(Number(t) / 10000);
  if (/^\d+\.\d{1,2}:\d{2}:\d{2}$/.test(t) || /^\d{1,2}:\d{2}(:\d{2})?$/.test(t)) return parseTimeSpan(t);
  return undefined;
}

/** The binder's error for an AD cmdlet's argument it could not convert, underlined where it was typed. */
export function adConvertError(c: AdCmdlet, arg: Unconvertible): ConsoleLine[] {
  const spec = { name: c.name, className: `${AD_NS}.Commands.${c.className}` };
  return cannotConvertArgument(c.env, spec, arg, argPosition(c.env, arg.raw));
}

/** Where an argument's text sits in the line (for the ~~~ under a binding error). */
export function argPosition(env: CommandEnv, text: string): { column: number; length: number } {
  const tok = env.cmd.args.find((a) => a.text === text || a.text.endsWith(`:${text}`));
  return tok
    ? { column: tok.at, length: tok.end - tok.at }
    : { column: env.cmd.nameAt, length: env.cmd.source.length };
}

const CONVERT_SPEC = cmdletSpec('ConvertTo-SecureString');

const PLAIN_TEXT_NEEDS_FORCE =
  'The system cannot protect plain text input. To suppress this warning and convert the plain text to a SecureString, reissue the command specifying the Force parameter. For more information ,type: get-help ConvertTo-SecureString.';
/** ConvertTo-SecureString without -AsPlainText expects an encrypted standard string (unconfirmed text). */
const NOT_ENCRYPTED = 'Input string was not in a correct format.';

/**
 * A SecureString argument: `(ConvertTo-SecureString "x" -AsPlainText -Force)` gives "x"; anything
 * else gives the error PowerShell prints, or a lab note where PowerShell would wait for input.
 */
export function secureStringArg(
  c: AdCmdlet,
  param: string,
  raw: BoundValue | undefined,
): { ok: true; value: string } | { ok: false; lines: ConsoleLine[] } {
  const lab = (text: string) => ({ ok: false as const, lines: [{ kind: 'error' as const, text }] });
  if (raw === undefined) return lab(LAB.noPrompt);
  const text = Array.isArray(raw) ? raw.join(',') : String(raw);
  const inner = subExpressionOf(text);
  const pos = argPosition(c.env, text);
  if (!inner) {
    if (text.startsWith('$')) return lab(LAB.variables);
    return {
      ok: false,
      lines: adConvertError(c, { param, raw: text, type: 'System.Security.SecureString' }),
    };
  }
  const name = inner.name.toLowerCase();
  if (name === 'read-host') return lab(LAB.readHost);
  if (name !== 'convertto-securestring') return lab(LAB.noPrompt);
  const bound = bindParams(CONVERT_SPEC, inner.args, c.env.line);
  const convertError = (message: string, exception: string, errorId: string): ConsoleLine[] =>
    formatPsError({
      command: CONVERT_SPEC.name,
      message,
      line: c.env.line,
      column: pos.column + 1,
      length: inner.source.length,
      category: 'InvalidArgument',
      activity: `[${CONVERT_SPEC.name}]`,
      exception,
      errorId: `${errorId},${CONVERT_SPEC.className}`,
    });
  if (!bound.ok)
    return {
      ok: false,
      lines: formatPsError({ ...bound.error, column: pos.column + 1 + bound.error.column }),
    };
  const v = bound.values;
  if (!v.AsPlainText)
    return {
      ok: false,
      lines: convertError(NOT_ENCRYPTED, 'FormatException', 'ImportSecureString_InvalidArgument'),
    };
  if (!v.Force)
    return {
      ok: false,
      lines: convertError(PLAIN_TEXT_NEEDS_FORCE, 'ArgumentException', 'ImportSecureString_InvalidArgument'),
    };
  return { ok: true, value: String(v.String) };
}

/** ConvertTo-SecureString on its own line: it writes a SecureString, which PowerShell prints by its type name. */
export const convertToSecureString: CommandDef = {
  name: 'ConvertTo-SecureString',
  run: (env) => {
    const bound = bindParams(CONVERT_SPEC, env.cmd.args, env.line);
    if (!bound.ok) return done(formatPsError(bound.error));
    const fail = (message: string, exception: string) =>
      done(
        formatPsError({
          command: CONVERT_SPEC.name,
          message,
          line: env.line,
          column: env.cmd.nameAt,
          length: env.cmd.source.length,
          category: 'InvalidArgument',
          activity: `[${CONVERT_SPEC.name}]`,
          exception,
          errorId: `ImportSecureString_InvalidArgument,${CONVERT_SPEC.className}`,
        }),
      );
    if (!bound.values.AsPlainText) return fail(NOT_ENCRYPTED, 'FormatException');
    if (!bound.values.Force) return fail(PLAIN_TEXT_NEEDS_FORCE, 'ArgumentException');
    return done(out('System.Security.SecureString'));
  },
};

export function str(v: BoundValue | undefined): string | undefined {
  if (v === undefined) return undefined;
  return Array.isArray(v) ? v.join(',') : String(v);
}

export function strs(v: BoundValue | undefined): string[] {
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [String(v)];
}
