/**
 * Parsing console lines the way cmd.exe and Windows PowerShell 5.1 split them. Pure and total:
 * every input gives either statements (each a pipeline of commands) or a parse error carrying the
 * real error text, its error id and the column it points at. Nothing here knows what any command
 * does.
 *
 * - cmd: words split on spaces, double quotes group, `|` pipes, `&`, `&&`, `||` separate commands.
 * - PowerShell: '…' and "…" strings (doubled quotes, backtick escapes inside "…"), `|` pipes,
 *   `;` separates statements, `#` starts a comment.
 */
import type { ShellKind } from '../hostState';

export interface Token {
  /** The text with quotes removed and escapes applied. */
  text: string;
  /** The token is a string literal (it began with a quote): never a parameter name. */
  quoted: boolean;
  /** Column (0-based) where the token starts in the line. */
  at: number;
  /** Column just past the token's last character. */
  end: number;
  /** For `-Name:value`: the value part was a quoted string. */
  valueQuoted?: boolean;
}

export interface ParsedCommand {
  name: string;
  nameAt: number;
  args: Token[];
  /** The command's own part of the line, as typed (no separators, no comment). */
  source: string;
}

/** When a statement runs: always, only if the one before succeeded (cmd `&&`), or only if it failed (`||`). */
export type StatementCondition = 'always' | 'and' | 'or';

export type ParseResult =
  | { ok: true; empty: boolean; statements: ParsedCommand[][]; conditions: StatementCondition[] }
  | { ok: false; message: string; column: number; errorId: string };

type Item =
  | { kind: 'token'; token: Token }
  | { kind: 'pipe'; at: number }
  | { kind: 'end'; at: number; next: StatementCondition };

const isSpace = (c: string | undefined) => c === ' ' || c === '\t';

const OPEN_SINGLE = ["'", '\u2018', '\u2019'];
const OPEN_DOUBLE = ['"', '\u201c', '\u201d'];

const PS_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '0': '\0',
  a: '\u0007',
  b: '\b',
  f: '\f',
  v: '\v',
};

type Tokenized = { items: Item[] } | { error: string; column: number; errorId: string };

function tokenizeCmd(line: string): Tokenized {
  const items: Item[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i] as string;
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === '|' || c === '&') {
      const double = line[i + 1] === c;
      const leading = !items.some((x) => x.kind === 'token') || items[items.length - 1]?.kind !== 'token';
      if (leading)
        return {
          error: `${double ? c + c : c} was unexpected at this time.`,
          column: i,
          errorId: 'CmdSyntax',
        };
      items.push(
        c === '|' && !double
          ? { kind: 'pipe', at: i }
          : { kind: 'end', at: i, next: !double ? 'always' : c === '&' ? 'and' : 'or' },
      );
      i += double ? 2 : 1;
      continue;
    }
    const start = i;
    let text = '';
    const quoted = c === '"';
    while (i < line.length && !isSpace(line[i]) && line[i] !== '|' && line[i] !== '&') {
      if (line[i] === '^' && i + 1 < line.length) {
        text += line[i + 1];
        i += 2;
      } else if (line[i] === '"') {
        i++;
        while (i < line.length && line[i] !== '"') text += line[i++];
        if (i < line.length) i++; // cmd tolerates a missing closing quote
      } else {
        text += line[i++];
      }
    }
    items.push({ kind: 'token', token: { text, quoted, at: start, end: i } });
  }
  const last = items[items.length - 1];
  // cmd ignores one trailing `&`, but a pipe or a conditional with nothing after it is an error.
  if (last && last.kind === 'end' && last.next === 'always') return { items: items.slice(0, -1) };
  if (last && last.kind !== 'token')
    return { error: 'The syntax of the command is incorrect.', column: last.at, errorId: 'CmdSyntax' };
  return { items };
}

function tokenizePs(line: string): Tokenized {
  const items: Item[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i] as string;
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === '#') break;
    if ((c === '&' || c === '|') && line[i + 1] === c) {
      return {
        error: `The token '${c}${c}' is not a valid statement separator in this version.`,
        column: i,
        errorId: 'InvalidEndOfLine',
      };
    }
    if (c === '&') {
      // At the start of a statement or a pipeline element `&` is the call operator; anywhere else it is not allowed.
      const atStart = items.length === 0 || items[items.length - 1]?.kind !== 'token';
      const after = line.slice(i + 1).trim();
      if (
        atStart &&
        (after === '' || after.startsWith('|') || after.startsWith(';') || after.startsWith('&'))
      ) {
        return {
          error: "Missing expression after '&' in pipeline element.",
          column: i + 1,
          errorId: 'MissingExpression',
        };
      }
      if (!atStart) {
        return {
          error:
            'The ampersand (&) character is not allowed. The & operator is reserved for future use; wrap an ampersand in double quotation marks ("&") to pass it as part of a string.',
          column: i,
          errorId: 'AmpersandNotAllowed',
        };
      }
      i++;
      continue;
    }
    if (c === '|' || c === ';') {
      items.push(c === '|' ? { kind: 'pipe', at: i } : { kind: 'end', at: i, next: 'always' });
      i++;
      continue;
    }
    const start = i;
    let text = '';
    const quoted = OPEN_SINGLE.includes(c) || OPEN_DOUBLE.includes(c);
    let valueQuoted = false;
    while (i < line.length && !isSpace(line[i]) && line[i] !== '|' && line[i] !== ';' && line[i] !== '&') {
      const ch = line[i] as string;
      const single = OPEN_SINGLE.includes(ch);
      if (single || OPEN_DOUBLE.includes(ch)) {
        const closers = single ? OPEN_SINGLE : OPEN_DOUBLE;
        const opened = i;
        if (!quoted && text.startsWith('-') && text.endsWith(':')) valueQuoted = true;
        i++;
        let closed = false;
        while (i < line.length) {
          const q = line[i] as string;
          if (closers.includes(q)) {
            if (line[i + 1] !== undefined && closers.includes(line[i + 1] as string)) {
              text += q;
              i += 2;
              continue;
            }
            closed = true;
            i++;
            break;
          }
          if (q === '`' && !single && i + 1 < line.length) {
            const e = line[i + 1] as string;
            text += PS_ESCAPES[e] ?? e;
            i += 2;
            continue;
          }
          text += q;
          i++;
        }
        if (!closed) {
          return {
            error: `The string is missing the terminator: ${single ? "'" : '"'}.`,
            column: opened,
            errorId: 'TerminatorExpectedAtEndOfString',
          };
        }
      } else if (ch === '`' && i + 1 < line.length) {
        text += line[i + 1];
        i += 2;
      } else {
        text += ch;
        i++;
      }
    }
    items.push({
      kind: 'token',
      token: valueQuoted
        ? { text, quoted, at: start, end: i, valueQuoted }
        : { text, quoted, at: start, end: i },
    });
  }
  return { items };
}

export function parseLine(shell: ShellKind, line: string): ParseResult {
  const tok = shell === 'cmd' ? tokenizeCmd(line) : tokenizePs(line);
  if ('error' in tok) return { ok: false, message: tok.error, column: tok.column, errorId: tok.errorId };
  const statements: ParsedCommand[][] = [];
  const conditions: StatementCondition[] = [];
  let nextCondition: StatementCondition = 'always';
  let pipeline: ParsedCommand[] = [];
  let current: Token[] = [];
  let pendingPipe: number | undefined;

  const flushCommand = (): void => {
    const head = current[0];
    if (!head) return;
    const last = current[current.length - 1] as Token;
    pipeline.push({
      name: head.text,
      nameAt: head.at,
      args: current.slice(1),
      source: line.slice(head.at, last.end),
    });
    current = [];
  };
  const emptyPipe = (at: number): ParseResult => ({
    ok: false,
    message: 'An empty pipe element is not allowed.',
    column: at,
    errorId: shell === 'cmd' ? 'CmdSyntax' : 'EmptyPipeElement',
  });

  for (const item of tok.items) {
    if (item.kind === 'token') {
      current.push(item.token);
      pendingPipe = undefined;
      continue;
    }
    if (item.kind === 'pipe') {
      if (current.length === 0) return emptyPipe(item.at);
      flushCommand();
      pendingPipe = item.at;
      continue;
    }
    // End of a statement.
    if (pendingPipe !== undefined) return emptyPipe(pendingPipe);
    flushCommand();
    if (pipeline.length > 0) {
      statements.push(pipeline);
      conditions.push(nextCondition);
    }
    nextCondition = item.next;
    pipeline = [];
  }
  if (pendingPipe !== undefined) return emptyPipe(pendingPipe);
  flushCommand();
  if (pipeline.length > 0) {
    statements.push(pipeline);
    conditions.push(nextCondition);
  }
  return { ok: true, empty: statements.length === 0, statements, conditions };
}
