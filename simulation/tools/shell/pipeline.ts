/**
 * PowerShell's object pipeline as the lab runs it. A command's output goes through the filters
 * after it (filters.ts); when a command that takes pipeline input follows (Unlock-ADAccount,
 * Get-ADUser, Start-Service…), it runs once per object with its pipeline parameter bound to the
 * object (inputBinding.ts), and what came before is not printed, only its errors. What those runs
 * write is gathered into one stream, and the rest of the pipeline runs once on it (one Measure
 * count, one table). A native program after a `|` runs once (its standard input is not read).
 * Pure: every run may finish later (a network script, the ADSync service), so the gathered output
 * travels in the steps themselves, never in shared state.
 *
 * Steps are plain data (a host keeps the ones still to run in its context while a command waits):
 * what a step runs (`StepAction`) and where its output goes (`Sink`) are tagged records, turned
 * into a run (`runStep`) and into the next steps (`finish`) when their turn comes. Filters and
 * commands are looked up again from their element of the line, so a step holds no closure.
 */
import { existsOn } from '../catalog';
import { findCommand, type Command } from '../commands';
import { display } from './psViews';
import { helpFor } from '../commands/help';
import { done, type CommandEnv, type CommandOutcome, type CommandResult } from '../commands/types';
import type { ConsoleLine, ShellKind, WindowsHostContext } from '../../windows/hostState';
import { parseFilter, type PipeFilter } from './filters';
import { applyMembers, type Member } from './members';
import { bindInput } from './inputBinding';
import type { ParsedCommand, StatementCondition } from './parse';
import { cmdNotRecognized, commandNotFound } from './psError';
import { isOutput, objectsOf, type PsObject, type Stream } from './psObject';

export interface InterpretEnv {
  host: WindowsHostContext;
  now: number;
  offsetMinutes: number;
}

/** A filter after a command (`| findstr x`, `| Select-Object …`): its element of the line. */
export interface FilterRef {
  shell: ShellKind;
  line: string;
  stage: ParsedCommand;
}

/** Where a member chain stands in the line, for its errors. */
export interface MemberSpot {
  line: string;
  column: number;
  length: number;
}

/** A run for one input object: the command bound to it, or the error binding it printed. */
type Run = { kind: 'command'; cmd: ParsedCommand } | { kind: 'say'; lines: ConsoleLine[] };

/** What the runs for each input object wrote so far: their output lines and objects. */
interface Gathered {
  lines: ConsoleLine[];
  objects: PsObject[];
  /** A run wrote text rather than objects. */
  text: boolean;
  /** How many runs wrote anything. */
  parts: number;
}

/** Where (filtered) output goes: turned into the steps it feeds when it arrives (`sinkSteps`). */
export type Sink =
  /** The command after a `|`, run for what reaches it. */
  | { kind: 'feed'; shell: ShellKind; line: string; cmd: ParsedCommand; rest: StepTail }
  /** The runs for the objects still to come (each may wait on the network), then the rest once. */
  | { kind: 'chain'; shell: ShellKind; line: string; runs: Run[]; rest: StepTail; acc: Gathered }
  /** A parenthesised pipeline's member access (`(…).Message`), then the rest of the statement. */
  | { kind: 'members'; members: Member[]; where: MemberSpot; rest: StepTail };

/** What happens to a command's output: its filters, then the command that takes its objects, if any. */
export interface StepTail {
  filters: FilterRef[];
  /** The steps the (filtered) output feeds; they run before the rest of the line. */
  pipeTo?: Sink;
}

/** What a step runs. */
export type StepAction =
  /** A result known already (text to print, a literal string, a pipeline's gathered output). */
  | { kind: 'result'; result: CommandResult }
  /** A command of the line, looked up by its name. */
  | { kind: 'command'; shell: ShellKind; line: string; cmd: ParsedCommand }
  /** `Cmd -?`: the help of the command named. */
  | { kind: 'help'; shell: ShellKind; line: string; cmd: ParsedCommand; name: string }
  /** A member chain applied to what a parenthesised pipeline wrote. */
  | { kind: 'members'; stream: Stream; members: Member[]; where: MemberSpot };

/** One command of a line, run when its turn comes (so it sees what the commands before it did). */
export interface Step extends StepTail {
  action: StepAction;
  /** cmd's `&&` / `||`: run only if the step before succeeded / failed. */
  condition: StatementCondition;
}

export function say(lines: ConsoleLine[], condition: StatementCondition = 'always'): Step {
  return { action: { kind: 'result', result: { lines } }, filters: [], condition };
}

/** The command a step names (it was found on the host when the line was read). */
function commandOf(cmd: ParsedCommand): Command {
  const def = findCommand(cmd.name);
  if (!def) throw new Error(`pipeline: no command named ${cmd.name}`);
  return def;
}

/**
 * What a command runs with, written out field by field: V8 (Node 20) gives `{ ...env, shell, line,
 * cmd }` a new hidden class on every call (keys added after a spread), some microseconds a command.
 */
function commandEnv(env: InterpretEnv, shell: ShellKind, line: string, cmd: ParsedCommand): CommandEnv {
  return { host: env.host, now: env.now, offsetMinutes: env.offsetMinutes, shell, line, cmd };
}

/** Runs a step. */
export function runStep(step: Step, env: InterpretEnv): CommandOutcome {
  const a = step.action;
  switch (a.kind) {
    case 'result':
      return { kind: 'done', result: a.result };
    case 'command':
      return commandOf(a.cmd).run(commandEnv(env, a.shell, a.line, a.cmd));
    case 'help':
      return helpFor(commandEnv(env, a.shell, a.line, a.cmd), a.name);
    case 'members': {
      const r = applyMembers(objectsOf(a.stream), a.members, {
        ...a.where,
        offsetMinutes: env.offsetMinutes,
      });
      if (!r.ok) return done(r.lines);
      return done(display(r.objects), undefined, r.objects);
    }
  }
}

function filterOf(f: FilterRef): PipeFilter {
  const parsed = parseFilter(f.shell, f.stage, f.line);
  if (!parsed.ok) throw new Error(`pipeline: ${f.stage.name} is not a filter`);
  return parsed.filter;
}

/** What a finished command prints, and the steps its objects feed. Every way a step ends comes here. */
export function finish(tail: StepTail, result: CommandResult): { lines: ConsoleLine[]; next: Step[] } {
  const s = tail.filters.reduce<Stream>((acc, f) => filterOf(f)(acc), {
    lines: result.lines,
    objects: result.objects,
  });
  if (!tail.pipeTo) return { lines: s.lines, next: [] };
  return { lines: s.lines.filter((l) => !isOutput(l)), next: sinkSteps(tail.pipeTo, s) };
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
export function tailOf(ctx: LineContext, stages: readonly ParsedCommand[], end?: Sink): TailParse {
  const filters: FilterRef[] = [];
  for (let i = 0; i < stages.length; i++) {
    const stage = stages[i] as ParsedCommand;
    const f = parseFilter(ctx.shell, stage, ctx.line);
    if (f.ok) {
      filters.push({ shell: ctx.shell, line: ctx.line, stage });
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
    return {
      ok: true,
      tail: {
        filters,
        pipeTo: { kind: 'feed', shell: ctx.shell, line: ctx.line, cmd: stage, rest: after.tail },
      },
    };
  }
  return { ok: true, tail: end ? { filters, pipeTo: end } : { filters } };
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
  return { action: { kind: 'result', result: { lines, objects } }, condition: 'always', ...rest };
}

/** The step that runs `cmd` of the line, its output going to `tail`. */
function commandStep(shell: ShellKind, line: string, cmd: ParsedCommand, tail: StepTail): Step {
  return { action: { kind: 'command', shell, line, cmd }, condition: 'always', ...tail };
}

/** The runs one after another (each may wait on the network), then the rest of the pipeline once. */
function chain(shell: ShellKind, line: string, runs: readonly Run[], rest: StepTail, acc: Gathered): Step[] {
  const [run, ...more] = runs;
  if (!run) return [flush(acc, rest)];
  const tail: StepTail = { filters: [], pipeTo: { kind: 'chain', shell, line, runs: more, rest, acc } };
  return [run.kind === 'command' ? commandStep(shell, line, run.cmd, tail) : { ...say(run.lines), ...tail }];
}

/** The steps what reaches a sink feeds. */
function sinkSteps(sink: Sink, s: Stream): Step[] {
  switch (sink.kind) {
    case 'feed': {
      const def = commandOf(sink.cmd);
      if (def.decl.shell === 'both') return [commandStep(sink.shell, sink.line, sink.cmd, sink.rest)];
      // Text reaches a cmdlet as strings, one a line (a failed command passes nothing on).
      const runs = objectsOf(s).map((o): Run => {
        const b = bindInput({ line: sink.line }, def, sink.cmd, o);
        return b.ok ? { kind: 'command', cmd: b.cmd } : { kind: 'say', lines: b.lines };
      });
      return chain(sink.shell, sink.line, runs, sink.rest, NOTHING);
    }
    case 'chain':
      return chain(sink.shell, sink.line, sink.runs, sink.rest, gather(sink.acc, s));
    case 'members':
      return [
        {
          action: { kind: 'members', stream: s, members: sink.members, where: sink.where },
          condition: 'always',
          ...sink.rest,
        },
      ];
  }
}
