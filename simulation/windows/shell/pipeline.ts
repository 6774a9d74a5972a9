/**
 * PowerShell's object pipeline as the lab runs it. A command's output goes through the filters
 * after it (filters.ts); when a command that takes pipeline input follows (Unlock-ADAccount,
 * Start-Service…), it runs once per object with its pipeline parameter bound to the object (its
 * DistinguishedName, Name…), and what came before is not printed, only its errors. A command that
 * takes no pipeline input, or objects it cannot bind, give PowerShell's InputObjectNotBound error;
 * a native program after a `|` runs once (its standard input is not read). Pure.
 */
import { findCommand } from '../commands';
import { psValue } from '../commands/psFormat';
import { ellipsize } from '../commands/sysShared';
import type { CommandDef, CommandOutcome, CommandResult } from '../commands/types';
import type { ConsoleLine, ShellKind, WindowsHostContext } from '../hostState';
import { parseFilter, type PipeFilter } from './filters';
import type { ParsedCommand, StatementCondition, Token } from './parse';
import { cmdNotRecognized, commandNotFound, formatPsError } from './psError';
import { objectText, propOf, type PsObject, type Stream } from './psObject';

export interface InterpretEnv {
  host: WindowsHostContext;
  now: number;
  offsetMinutes: number;
}

/** What happens to a command's output: its filters, then the command that takes its objects, if any. */
export interface StepTail {
  filters: PipeFilter[];
  /** The steps the (filtered) output feeds; they run before the rest of the line. */
  pipeTo?: (s: Stream) => Step[];
}

/** One command of a line, run when its turn comes (so it sees what the commands before it did). */
export interface Step extends StepTail {
  run: (env: InterpretEnv) => CommandOutcome;
  /** cmd's `&&` / `||`: run only if the step before succeeded / failed. */
  condition: StatementCondition;
}

export function say(lines: ConsoleLine[], condition: StatementCondition = 'always'): Step {
  return { run: () => ({ kind: 'done', result: { lines } }), filters: [], condition };
}

/** What a finished command prints, and the steps its objects feed. Every way a step ends comes here. */
export function finish(tail: StepTail, result: CommandResult): { lines: ConsoleLine[]; next: Step[] } {
  const s = tail.filters.reduce<Stream>((acc, f) => f(acc), { lines: result.lines, objects: result.objects });
  if (!tail.pipeTo) return { lines: s.lines, next: [] };
  return { lines: s.lines.filter((l) => l.kind !== 'output'), next: tail.pipeTo(s) };
}

/** The command a name runs in this shell on this host, if it exists there. */
export function available(host: WindowsHostContext, shell: ShellKind, name: string): CommandDef | undefined {
  const def = findCommand(name);
  if (!def) return undefined;
  const inShell = def.kind === 'native' || (def.kind === 'cmdlet' ? shell === 'powershell' : shell === 'cmd');
  return inShell && (def.availableOn?.(host) ?? true) ? def : undefined;
}

export interface LineContext {
  host: WindowsHostContext;
  shell: ShellKind;
  line: string;
}

export type TailParse = { ok: true; tail: StepTail } | { ok: false; lines: ConsoleLine[] };

/** Reads the elements after a command; an unknown command anywhere fails the whole statement. */
export function tailOf(ctx: LineContext, stages: readonly ParsedCommand[]): TailParse {
  const filters: PipeFilter[] = [];
  for (let i = 0; i < stages.length; i++) {
    const stage = stages[i] as ParsedCommand;
    const f = parseFilter(ctx.shell, stage, ctx.line);
    if (f.ok) {
      filters.push(f.filter);
      continue;
    }
    if ('lines' in f) return f;
    const def = ctx.shell === 'powershell' ? available(ctx.host, ctx.shell, stage.name) : undefined;
    if (!def) {
      return {
        ok: false,
        lines:
          ctx.shell === 'cmd'
            ? cmdNotRecognized(stage.name)
            : commandNotFound(stage.name, ctx.line, stage.nameAt),
      };
    }
    const after = tailOf(ctx, stages.slice(i + 1));
    if (!after.ok) return after;
    return { ok: true, tail: { filters, pipeTo: feed(ctx, def, stage, after.tail) } };
  }
  return { ok: true, tail: { filters } };
}

const NOT_BOUND =
  'The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.';

function notBound(ctx: LineContext, def: CommandDef, cmd: ParsedCommand, target: string): Step {
  const name = def.spec?.name ?? cmd.name;
  const className = def.spec?.className ?? `Microsoft.PowerShell.Commands.${name.replace(/-/g, '')}Command`;
  return say(
    formatPsError({
      command: name,
      message: NOT_BOUND,
      line: ctx.line,
      column: cmd.nameAt,
      length: cmd.source.length,
      category: 'InvalidArgument',
      target,
      activity: `[${name}]`,
      exception: 'ParameterBindingException',
      errorId: `InputObjectNotBound,${className}`,
    }),
  );
}

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

function bindable(o: PsObject, from: readonly string[]): string | undefined {
  const v =
    o.value !== undefined ? o.value : from.map((f) => propOf(o, f)?.[1]).find((x) => psValue(x) !== '');
  const text = psValue(v);
  return text === '' ? undefined : text;
}

/** The steps a command after a `|` runs for what reaches it. */
function feed(ctx: LineContext, def: CommandDef, cmd: ParsedCommand, tail: StepTail): (s: Stream) => Step[] {
  const runAs = (c: ParsedCommand): Step => ({
    run: (env) => def.run({ ...env, shell: ctx.shell, line: ctx.line, cmd: c }),
    condition: 'always',
    ...tail,
  });
  return (s) => {
    if (def.kind === 'native') return [runAs(cmd)];
    const input = def.pipelineInput;
    // Text reaches a cmdlet as strings no parameter takes (a failed command passes nothing on).
    if (!s.objects) return s.lines.some((l) => l.kind === 'output') ? [notBound(ctx, def, cmd, ':')] : [];
    return s.objects.map((o) => {
      const value = input ? bindable(o, input.from) : undefined;
      if (!input || value === undefined)
        return notBound(ctx, def, cmd, `${ellipsize(objectText(o))}:PSObject`);
      return runAs(withArgument(cmd, input.param, value));
    });
  };
}
