/**
 * PowerShell's object pipeline as the lab runs it. A command's output goes through the filters
 * after it (filters.ts); when a command that takes pipeline input follows (Unlock-ADAccount,
 * Get-ADUser, Start-Service…), it runs once per object with its pipeline parameter bound to the
 * object (inputBinding.ts), and what came before is not printed, only its errors. What those runs
 * write is gathered into one stream, and the rest of the pipeline runs once on it (one Measure
 * count, one table). A native program after a `|` runs once (its standard input is not read).
 * Pure: every run may finish later (a network script, the ADSync service), so the gathered output
 * travels in the steps themselves, never in shared state.
 */
import { existsOn } from '../catalog';
import { findCommand, type Command } from '../commands';
import { display } from './psViews';
import type { CommandOutcome, CommandResult } from '../commands/types';
import type { ConsoleLine, ShellKind, WindowsHostContext } from '../../windows/hostState';
import { parseFilter, type PipeFilter } from './filters';
import { bindInput } from './inputBinding';
import type { ParsedCommand, StatementCondition } from './parse';
import { cmdNotRecognized, commandNotFound } from './psError';
import { isOutput, objectsOf, type PsObject, type Stream } from './psObject';

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
  return { lines: s.lines.filter((l) => !isOutput(l)), next: tail.pipeTo(s) };
}

/** The command a name runs in this shell on this host, if it exists there. */
export function available(host: WindowsHostContext, shell: ShellKind, name: string): Command | undefined {
  const def = findCommand(name);
  return def && existsOn(def.decl, host, shell) ? def : undefined;
}

export interface LineContext {
  host: WindowsHostContext;
  shell: ShellKind;
  line: string;
}

export type TailParse = { ok: true; tail: StepTail } | { ok: false; lines: ConsoleLine[] };

/**
 * Reads the elements after a command; an unknown command anywhere fails the whole statement.
 * `end` takes what the last element writes (a parenthesised pipeline's member access).
 */
export function tailOf(
  ctx: LineContext,
  stages: readonly ParsedCommand[],
  end?: (s: Stream) => Step[],
): TailParse {
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
    const after = tailOf(ctx, stages.slice(i + 1), end);
    if (!after.ok) return after;
    return { ok: true, tail: { filters, pipeTo: feed(ctx, def, stage, after.tail) } };
  }
  return { ok: true, tail: end ? { filters, pipeTo: end } : { filters } };
}

/** What the runs for each input object wrote so far: their output lines and objects. */
interface Gathered {
  lines: ConsoleLine[];
  objects: PsObject[];
  /** A run wrote text rather than objects. */
  text: boolean;
  /** How many runs wrote anything. */
  parts: number;
}

const NOTHING: Gathered = { lines: [], objects: [], text: false, parts: 0 };

/** Adds one run's output (its errors and warnings were printed as it finished). */
function gather(acc: Gathered, s: Stream): Gathered {
  const lines = s.lines.filter(isOutput);
  if (lines.length === 0 && !s.objects?.length) return acc;
  return {
    lines: [...acc.lines, ...lines],
    objects: [...acc.objects, ...(s.objects ?? [])],
    text: acc.text || !s.objects,
    parts: acc.parts + 1,
  };
}

/** The gathered output as one command's result, fed to the rest of the pipeline. */
function flush(acc: Gathered, rest: StepTail): Step {
  const objects = acc.text ? undefined : acc.objects;
  // Objects from several runs print as one table or list, as Out-Default would show them.
  const lines = objects && acc.parts > 1 ? display(objects) : acc.lines;
  return { run: () => ({ kind: 'done', result: { lines, objects } }), condition: 'always', ...rest };
}

/** A run for one input object: given where its output goes, the step that runs it. */
type Run = (tail: StepTail) => Step;

/** The runs one after another (each may wait on the network), then the rest of the pipeline once. */
function chain(runs: readonly Run[], rest: StepTail, acc: Gathered): Step[] {
  const [run, ...more] = runs;
  if (!run) return [flush(acc, rest)];
  return [run({ filters: [], pipeTo: (s) => chain(more, rest, gather(acc, s)) })];
}

/** The steps a command after a `|` runs for what reaches it. */
function feed(ctx: LineContext, def: Command, cmd: ParsedCommand, rest: StepTail): (s: Stream) => Step[] {
  const runAs =
    (c: ParsedCommand): Run =>
    (tail) => ({
      run: (env) => def.run({ ...env, shell: ctx.shell, line: ctx.line, cmd: c }),
      condition: 'always',
      ...tail,
    });
  return (s) => {
    if (def.decl.shell === 'both') return [runAs(cmd)(rest)];
    // Text reaches a cmdlet as strings, one a line (a failed command passes nothing on).
    const runs = objectsOf(s).map((o): Run => {
      const b = bindInput(ctx, def, cmd, o);
      if (b.ok) return runAs(b.cmd);
      return (tail) => ({ ...say(b.lines), ...tail });
    });
    return chain(runs, rest, NOTHING);
  };
}
