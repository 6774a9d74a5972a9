/**
 * Helpers the network and time diagnostics share: a stopwatch that adds up the lab time a running
 * script waits (timed, scripted), seeded numbers that replay identically, the host's clock, a
 * cmdlet's runtime and binder errors, argument lists as PowerShell takes them, and Format-List
 * output.
 */
import { hashString } from '../../../core/hash';
import type { Script, ScriptOp, ScriptResume } from '../../../proc/script';
import { hostTime, type ConsoleLine } from '../../../windows/hostState';
import { bindParams, type BoundValue, type CmdletSpec } from '../../shell/bind';
import { formatPsError } from '../../shell/psError';
import type { CommandEnv, CommandOutcome, CommandResult } from '../types';

export type Step<T> = Generator<ScriptOp, T, ScriptResume>;

/** How much lab time a running script has used so far (exchanges are answered without delay). */
export interface Stopwatch {
  ms: number;
}

/** Passes a script's steps through, adding up the sleeps and the timeouts it waited out. */
export function* timed<T>(sw: Stopwatch, gen: Step<T>): Step<T> {
  let step = gen.next();
  while (!step.done) {
    const op = step.value;
    const resume: ScriptResume = yield op;
    if (op.op === 'sleep') sw.ms += op.ms;
    else if (!resume || resume.status === 'timeout') sw.ms += op.timeoutMs;
    step = gen.next(resume);
  }
  return step.value;
}

/** A command that runs on the network, with a stopwatch for the lab time it takes. */
export function scripted(run: (sw: Stopwatch) => Script<CommandResult>): CommandOutcome {
  return {
    kind: 'script',
    script: () => {
      const sw: Stopwatch = { ms: 0 };
      return timed(sw, run(sw));
    },
  };
}

/** A stable number from text (ids and jitter that look random but replay identically). */
export function seeded(text: string): number {
  return parseInt(hashString(text).slice(0, 8), 16);
}

/** The host's own clock (epoch ms) this far into a running command. */
export function hostClock(env: CommandEnv, sw?: Stopwatch): number {
  return hostTime(env.host, env.now + (sw?.ms ?? 0));
}

/** What a PowerShell cmdlet's runtime error record needs beyond the typed line. */
export interface PsFailure {
  message: string;
  category: string;
  target: string;
  exception: string;
  errorId: string;
}

/** A cmdlet's runtime error: it points at the whole command, as PowerShell prints it. */
export function cmdletFailure(env: CommandEnv, command: string, f: PsFailure): ConsoleLine[] {
  return formatPsError({
    command,
    message: f.message,
    line: env.line,
    column: env.cmd.nameAt,
    length: env.cmd.source.length,
    category: f.category,
    target: f.target,
    activity: `[${command}]`,
    exception: f.exception,
    errorId: f.errorId,
  });
}

/** Binds a cmdlet's parameters; the error lines PowerShell prints when that fails. */
export function bound(env: CommandEnv, spec: CmdletSpec): Record<string, BoundValue> | ConsoleLine[] {
  const b = bindParams(spec, env.cmd.args, env.line);
  return b.ok ? b.values : formatPsError(b.error);
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

/** The token that carried a parameter's value (for the ~~~ under it). */
export function valueToken(env: CommandEnv, value: string): { at: number; end: number } | undefined {
  return env.cmd.args.find((t) => t.text === value && !/^-[A-Za-z]/.test(t.text));
}

/** A PowerShell string[] argument as typed: `a,b`, `"a","b"`, `("a","b")` or `@("a","b")`. */
export function listOf(v: BoundValue | undefined): string[] {
  if (v === undefined || typeof v === 'boolean' || typeof v === 'number')
    return v === undefined ? [] : [String(v)];
  const items = Array.isArray(v) ? v : [v];
  return items
    .flatMap((s) => s.replace(/^@?\(/, '').replace(/\)$/, '').split(','))
    .map((s) => s.trim().replace(/^['"]|['"]$/g, ''))
    .filter((s) => s.length > 0);
}

/** Format-List lines; a value that is a list continues under the first one. */
export function listBlock(rows: readonly (readonly [string, string | string[]])[]): string[] {
  const width = Math.max(...rows.map(([k]) => k.length));
  const lines: string[] = [];
  for (const [k, v] of rows) {
    const vals = Array.isArray(v) ? v : [v];
    lines.push(`${k.padEnd(width)} : ${vals[0] ?? ''}`.trimEnd());
    for (const more of vals.slice(1)) lines.push(`${' '.repeat(width + 3)}${more}`);
  }
  return lines;
}
