/**
 * The console of a Windows host: prompt, parsing, command lookup (what exists on which host and in
 * which shell), pipeline filters, and the real "not recognized" errors. Pure: the host machine
 * calls `interpret` and carries out what comes back.
 */
import { COMMANDS, findCommand } from '../commands';
import type { CommandOutcome } from '../commands/types';
import type { ConsoleLine, ConsoleSession, ShellKind, WindowsHostContext } from '../hostState';
import { parseFilter, type LineFilter } from './filters';
import { parseLine, type ParsedCommand, type StatementCondition } from './parse';
import { cmdNotRecognized, commandNotFound, formatPsError } from './psError';

export function promptOf(session: ConsoleSession): string {
  return session.shell === 'powershell' ? `PS ${session.cwd}> ` : `${session.cwd}>`;
}

/** One command of a line, run when its turn comes (so it sees what the commands before it did). */
export interface Step {
  run: (env: InterpretEnv) => CommandOutcome;
  filters: LineFilter[];
  /** cmd's `&&` / `||`: run only if the step before succeeded / failed. */
  condition: StatementCondition;
}

export interface InterpretEnv {
  host: WindowsHostContext;
  now: number;
  offsetMinutes: number;
}

function say(lines: ConsoleLine[], condition: StatementCondition = 'always'): Step {
  return { run: () => ({ kind: 'done', result: { lines } }), filters: [], condition };
}

/** Turns a typed line into the steps to run, in order. A line that does not parse is one step: its error. */
export function interpret(host: WindowsHostContext, shell: ShellKind, line: string): Step[] {
  const parsed = parseLine(shell, line);
  if (!parsed.ok && shell === 'cmd') return [say([{ kind: 'error', text: parsed.message }])];
  if (!parsed.ok) {
    return [
      say(
        formatPsError({
          message: parsed.message,
          line,
          column: parsed.column,
          length: 1,
          category: 'ParserError',
          target: ':',
          activity: '[]',
          exception: 'ParentContainsErrorRecordException',
          errorId: parsed.errorId,
        }),
      ),
    ];
  }
  const steps: Step[] = [];
  parsed.statements.forEach((statement, index) => {
    const condition = parsed.conditions[index] ?? 'always';
    const [first, ...rest] = statement;
    if (!first) return;
    // In PowerShell a statement that starts with a string just outputs it.
    if (
      shell === 'powershell' &&
      first.args.length === 0 &&
      rest.length === 0 &&
      statement[0] &&
      parsedQuotedHead(line, first)
    ) {
      steps.push(say([{ kind: 'output', text: first.name }], condition));
      return;
    }
    const def = findCommand(first.name);
    const exists =
      def &&
      (def.kind === 'native' || (def.kind === 'cmdlet' ? shell === 'powershell' : shell === 'cmd')) &&
      (def.availableOn?.(host) ?? true);
    if (!def || !exists) {
      steps.push(
        say(
          shell === 'cmd' ? cmdNotRecognized(first.name) : commandNotFound(first.name, line, first.nameAt),
          condition,
        ),
      );
      return;
    }
    const filters: LineFilter[] = [];
    let broken: Step | undefined;
    for (const stage of rest) {
      const f = parseFilter(shell, stage);
      if (f.ok) filters.push(f.filter);
      else if ('unknown' in f) {
        broken = say(
          shell === 'cmd'
            ? cmdNotRecognized(f.unknown.name)
            : commandNotFound(f.unknown.name, line, f.unknown.nameAt),
        );
        break;
      } else {
        broken = say([{ kind: 'error', text: f.error }]);
        break;
      }
    }
    if (broken) {
      steps.push({ ...broken, condition });
      return;
    }
    steps.push({ run: (env) => def.run({ ...env, shell, line, cmd: first }), filters, condition });
  });
  return steps;
}

/** Whether the command name was typed as a string literal ("abc" or 'abc'). */
function parsedQuotedHead(line: string, cmd: ParsedCommand): boolean {
  const c = line[cmd.nameAt];
  return c === '"' || c === "'" || c === '\u201c' || c === '\u2018';
}

/** A step's result counts as success when it printed no error. */
export function succeeded(lines: readonly ConsoleLine[]): boolean {
  return !lines.some((l) => l.kind === 'error');
}

export function applyFilters(lines: ConsoleLine[], filters: readonly LineFilter[]): ConsoleLine[] {
  return filters.reduce((acc, f) => f(acc), lines);
}

/** Names a learner can tab-complete or look up (help). */
export function knownCommandNames(shell: ShellKind): string[] {
  return COMMANDS.filter(
    (c) => c.kind === 'native' || (c.kind === 'cmdlet') === (shell === 'powershell'),
  ).map((c) => c.names[0] ?? '');
}
