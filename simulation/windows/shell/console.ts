/**
 * The console of a Windows host: prompt, parsing, command lookup (what exists on which host and in
 * which shell), pipeline filters, and the real "not recognized" errors. Pure: the host machine
 * calls `interpret` and carries out what comes back.
 */
import { COMMANDS, findCommand } from '../commands';
import type { CommandOutcome } from '../commands/types';
import type { ConsoleLine, ConsoleSession, ShellKind, WindowsHostContext } from '../hostState';
import { parseFilter, type LineFilter } from './filters';
import { parseLine } from './parse';
import { cmdNotRecognized, commandNotFound, formatPsError } from './psError';

export function promptOf(session: ConsoleSession): string {
  return session.shell === 'powershell' ? `PS ${session.cwd}> ` : `${session.cwd}>`;
}

export interface Interpretation {
  outcome?: CommandOutcome;
  filters: LineFilter[];
}

export interface InterpretEnv {
  host: WindowsHostContext;
  now: number;
  offsetMinutes: number;
}

function immediate(lines: ConsoleLine[]): Interpretation {
  return { outcome: { kind: 'done', result: { lines } }, filters: [] };
}

export function interpret(env: InterpretEnv, shell: ShellKind, line: string): Interpretation {
  const parsed = parseLine(shell, line);
  if (!parsed.ok) {
    return immediate(
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
    );
  }
  if (parsed.empty) return { filters: [] };
  const [first, ...rest] = parsed.commands;
  if (!first) return { filters: [] };

  const def = findCommand(first.name);
  const exists =
    def &&
    (def.kind === 'native' || (def.kind === 'cmdlet' ? shell === 'powershell' : shell === 'cmd')) &&
    (def.availableOn?.(env.host) ?? true);
  if (!def || !exists) {
    return immediate(
      shell === 'cmd' ? cmdNotRecognized(first.name) : commandNotFound(first.name, line, first.nameAt),
    );
  }

  const filters: LineFilter[] = [];
  for (const stage of rest) {
    const f = parseFilter(shell, stage);
    if (f.ok) filters.push(f.filter);
    else if ('unknown' in f) {
      return immediate(
        shell === 'cmd'
          ? cmdNotRecognized(f.unknown.name)
          : commandNotFound(f.unknown.name, line, f.unknown.nameAt),
      );
    } else return immediate([{ kind: 'error', text: f.error }]);
  }
  return { outcome: def.run({ ...env, shell, line, cmd: first }), filters };
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
