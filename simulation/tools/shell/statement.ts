/**
 * One statement of a console line as steps: a literal string written to the pipeline, `Cmd -?`,
 * an unknown name's error, a command with its pipeline, or (PowerShell) a parenthesised pipeline
 * with member access after it, `(Get-EventLog -LogName Application -Newest 1).Message`: the
 * pipeline inside runs first and what it writes goes through the member chain (members.ts) into
 * the rest of the statement. Pure.
 */
import { parseMembers } from './members';
import { parseLine, type ParsedCommand, type StatementCondition } from './parse';
import { available, say, tailOf, type LineContext, type Sink, type Step, type StepTail } from './pipeline';
import { cmdNotRecognized, commandNotFound, formatPsError, out } from './psError';
import { scalar } from './psObject';

type End = Sink | undefined;

/** The steps one statement runs; `end` takes what its last element writes (inside parentheses). */
export function statementSteps(
  ctx: LineContext,
  statement: readonly ParsedCommand[],
  condition: StatementCondition,
  end?: End,
): Step[] {
  const { host, shell, line } = ctx;
  const [first, ...rest] = statement;
  if (!first) return [];
  if (shell === 'powershell' && isSubExpression(line, first))
    return subExpression(ctx, first, rest, condition, end);
  // In PowerShell a statement that starts with a string (or a list of them) writes it to the pipeline.
  if (shell === 'powershell' && first.args.length === 0 && parsedQuotedHead(line, first)) {
    const after = tailOf(ctx, rest, end);
    if (!after.ok) return [say(after.lines, condition)];
    const values = stringsOf(first);
    const result = { lines: out(...values), objects: values.map((v) => scalar(v)) };
    return [{ action: { kind: 'result', result }, ...after.tail, condition }];
  }
  const def = available(host, shell, first.name);
  // `Get-Service -?` is Get-Help Get-Service.
  if (def && shell === 'powershell' && first.args.length === 1 && first.args[0]?.text === '-?') {
    const tail: StepTail = end ? { filters: [], pipeTo: end } : { filters: [] };
    return [{ action: { kind: 'help', shell, line, cmd: first, name: def.decl.name }, ...tail, condition }];
  }
  if (!def) {
    return [
      say(
        shell === 'cmd' ? cmdNotRecognized(first.name) : commandNotFound(first.name, line, first.nameAt),
        condition,
      ),
    ];
  }
  const after = tailOf(ctx, rest, end);
  if (!after.ok) return [say(after.lines, condition)];
  return [{ action: { kind: 'command', shell, line, cmd: first }, ...after.tail, condition }];
}

/** `( … )` or `@( … )` typed where a command name goes (not a quoted string). */
function isSubExpression(line: string, cmd: ParsedCommand): boolean {
  return (line.startsWith('(', cmd.nameAt) || line.startsWith('@(', cmd.nameAt)) && cmd.name.endsWith(')');
}

function parserError(line: string, message: string, column: number, length: number, errorId: string) {
  return formatPsError({
    message,
    line,
    column,
    length,
    category: 'ParserError',
    target: ':',
    activity: '[]',
    exception: 'ParentContainsErrorRecordException',
    errorId,
  });
}

function subExpression(
  ctx: LineContext,
  head: ParsedCommand,
  rest: readonly ParsedCommand[],
  condition: StatementCondition,
  end: End,
): Step[] {
  const { line } = ctx;
  const innerAt = head.nameAt + (head.name.startsWith('@') ? 2 : 1);
  const headEnd = head.nameAt + head.name.length;
  // The member chain is what follows the `)` without a space; anything else is a stray token.
  let chainEnd = headEnd;
  let chain = '';
  const stray = head.args.find((t) => {
    if (t.at === chainEnd && !t.quoted && t.text.startsWith('.')) {
      chain += t.text;
      chainEnd = t.end;
      return false;
    }
    return true;
  });
  if (stray)
    return [
      say(
        parserError(
          line,
          `Unexpected token '${line.slice(stray.at, stray.end)}' in expression or statement.`,
          stray.at,
          stray.end - stray.at,
          'UnexpectedToken',
        ),
        condition,
      ),
    ];
  const members = parseMembers(chain);
  if (!members)
    return [
      say(
        parserError(
          line,
          'Missing property name after reference operator.',
          headEnd + 1,
          1,
          'MissingPropertyName',
        ),
        condition,
      ),
    ];
  // Parsed in place, so every column an error points at is the column in the typed line.
  const parsed = parseLine('powershell', ' '.repeat(innerAt) + line.slice(innerAt, headEnd - 1));
  if (!parsed.ok)
    return [say(parserError(line, parsed.message, parsed.column, 1, parsed.errorId), condition)];
  const [inner, second] = parsed.statements;
  if (!inner) return [];
  if (second)
    return [
      say(
        parserError(
          line,
          "Missing closing ')' in expression.",
          (second[0]?.nameAt ?? innerAt) - 1,
          1,
          'MissingEndParenthesisInExpression',
        ),
        condition,
      ),
    ];
  const after = tailOf(ctx, rest, end);
  if (!after.ok) return [say(after.lines, condition)];
  const where = { line, column: head.nameAt, length: chainEnd - head.nameAt };
  const then: Sink = { kind: 'members', members, where, rest: after.tail };
  return statementSteps(ctx, inner, condition, then);
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
