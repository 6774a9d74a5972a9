/**
 * The console of a Windows host: prompt, parsing, and each statement's steps (statement.ts:
 * command lookup, the real "not recognized" errors, parenthesised pipelines with member access;
 * pipeline.ts: the filters and the commands a command's objects feed). Pure: the host machine calls `interpret`, runs the
 * steps, and passes each finished one through `finish`.
 */
import type { ConsoleLine, ConsoleSession, ShellKind, WindowsHostContext } from '../../windows/hostState';
import { parseLine, type ParseResult } from './parse';
import { say, type Step } from './pipeline';
import { formatPsError } from './psError';
import { statementSteps } from './statement';

export { finish, runStep, type InterpretEnv, type Step, type StepTail } from './pipeline';

export function promptOf(session: ConsoleSession): string {
  return session.shell === 'powershell' ? `PS ${session.cwd}> ` : `${session.cwd}>`;
}

/**
 * The parses of the lines typed lately, per shell: a line parses the same every time, and its parse
 * is plain data that nothing changes (the steps made from it keep parts of it), so labs share them.
 */
const PARSES: Record<ShellKind, Map<string, ParseResult>> = { cmd: new Map(), powershell: new Map() };
const PARSES_KEPT = 256;

function parsedLine(shell: ShellKind, line: string): ParseResult {
  const known = PARSES[shell];
  let r = known.get(line);
  if (r === undefined) {
    r = parseLine(shell, line);
    if (known.size >= PARSES_KEPT) known.clear();
    known.set(line, r);
  }
  return r;
}

/** Turns a typed line into the steps to run, in order. A line that does not parse is one step: its error. */
export function interpret(host: WindowsHostContext, shell: ShellKind, line: string): Step[] {
  const parsed = parsedLine(shell, line);
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
  return parsed.statements.flatMap((statement, index) =>
    statementSteps({ host, shell, line }, statement, parsed.conditions[index] ?? 'always'),
  );
}

/** A step's result counts as success when it printed no error. */
export function succeeded(lines: readonly ConsoleLine[]): boolean {
  return !lines.some((l) => l.kind === 'error');
}
