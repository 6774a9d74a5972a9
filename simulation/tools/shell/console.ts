/**
 * The console of a Windows host: prompt, parsing, command lookup (what exists on which host and in
 * which shell), the real "not recognized" errors, and each command's pipeline (pipeline.ts: its
 * filters and the commands its objects feed). Pure: the host machine calls `interpret`, runs the
 * steps, and passes each finished one through `finish`.
 */
import type { ConsoleLine, ConsoleSession, ShellKind, WindowsHostContext } from '../../windows/hostState';
import { helpFor } from '../commands/help';
import { parseLine, type ParsedCommand } from './parse';
import { available, say, tailOf, type Step } from './pipeline';
import { cmdNotRecognized, commandNotFound, formatPsError, out } from './psError';
import { scalar } from './psObject';

export { finish, type Step, type StepTail } from './pipeline';

export function promptOf(session: ConsoleSession): string {
  return session.shell === 'powershell' ? `PS ${session.cwd}> ` : `${session.cwd}>`;
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
    // In PowerShell a statement that starts with a string (or a list of them) writes it to the pipeline.
    if (shell === 'powershell' && first.args.length === 0 && parsedQuotedHead(line, first)) {
      const after = tailOf({ host, shell, line }, rest);
      if (!after.ok) {
        steps.push(say(after.lines, condition));
        return;
      }
      const values = stringsOf(first);
      const result = { lines: out(...values), objects: values.map((v) => scalar(v)) };
      steps.push({ run: () => ({ kind: 'done', result }), ...after.tail, condition });
      return;
    }
    const def = available(host, shell, first.name);
    // `Get-Service -?` is Get-Help Get-Service.
    if (def && shell === 'powershell' && first.args.length === 1 && first.args[0]?.text === '-?') {
      steps.push({
        run: (env) => helpFor({ ...env, shell, line, cmd: first }, def.decl.name),
        filters: [],
        condition,
      });
      return;
    }
    if (!def) {
      steps.push(
        say(
          shell === 'cmd' ? cmdNotRecognized(first.name) : commandNotFound(first.name, line, first.nameAt),
          condition,
        ),
      );
      return;
    }
    const after = tailOf({ host, shell, line }, rest);
    if (!after.ok) {
      steps.push(say(after.lines, condition));
      return;
    }
    steps.push({ run: (env) => def.run({ ...env, shell, line, cmd: first }), ...after.tail, condition });
  });
  return steps;
}

/** The strings a literal head holds: `'a'`, or `'a','b'` (which the parser hands over as one name). */
function stringsOf(cmd: ParsedCommand): string[] {
  const quoted = /'((?:[^']|'')*)'|"((?:[^"]|"")*)"/g;
  const list = /^\s*(?:(?:'(?:[^']|'')*'|"(?:[^"]|"")*")\s*,\s*)+(?:'(?:[^']|'')*'|"(?:[^"]|"")*")\s*$/;
  if (!list.test(cmd.source)) return [cmd.name];
  return [...cmd.source.matchAll(quoted)].map((m) =>
    m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? '').replace(/""/g, '"'),
  );
}

/** Whether the command name was typed as a string literal ("abc" or 'abc'), not called with `&`. */
function parsedQuotedHead(line: string, cmd: ParsedCommand): boolean {
  if (line.slice(0, cmd.nameAt).trimEnd().endsWith('&')) return false;
  const c = line[cmd.nameAt];
  return c === '"' || c === "'" || c === '\u201c' || c === '\u2018';
}

/** A step's result counts as success when it printed no error. */
export function succeeded(lines: readonly ConsoleLine[]): boolean {
  return !lines.some((l) => l.kind === 'error');
}
