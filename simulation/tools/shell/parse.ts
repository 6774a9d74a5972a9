/**
 * Parsing console lines the way cmd.exe and Windows PowerShell 5.1 split them. Pure and total:
 * every input gives either statements (each a pipeline of commands) or a parse error carrying the
 * real error text, its error id and the column it points at. Nothing here knows what any command
 * does.
 *
 * - cmd: words split on spaces, double quotes group, `|` pipes, `&`, `&&`, `||` separate commands.
 * - PowerShell: '…' and "…" strings (doubled quotes, backtick escapes inside "…"), `|` pipes,
 *   `;` separates statements, `#` starts a comment. A bracketed argument is one token whatever it
 *   holds (spaces, `;`, `|`, quotes): a parenthesised sub-expression `( … )` or `@( … )`, a script
 *   block `{ … }` and a hashtable literal `@{ … }`, also as the value of `-Name:`. Such a token's
 *   `text` is its source as typed (brackets included), `group` says which kind it is and `inner` is
 *   the text between the brackets. `$true`, `$false`, `$null` and comma lists (`a,'b'`) stay plain
 *   tokens (bind.ts reads them).
 *
 * Helpers for commands (they accept a token or the bound text, e.g. a value from bindParams):
 * - `hashtableOf(x)`: the entries of `@{ Name = value; Other = 'x' }` as a record — strings
 *   (quotes removed), numbers, booleans (`$true`/`$false`), `$null` as '' and comma lists as
 *   string[] (`Id = 611,612` gives ['611', '612']); undefined when `x` is not a hashtable literal.
 *   Keys keep the case they were typed in; PowerShell hashtables are case-insensitive, so look
 *   keys up with `hashtableValue`.
 * - `subExpressionOf(x)`: the command inside `( … )` parsed as a PowerShell line (e.g.
 *   `ConvertTo-SecureString "Pa$$w0rd1!" -AsPlainText -Force`), or undefined.
 */
import type { ShellKind } from '../../windows/hostState';

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
  /** A bracketed argument: `( … )`/`@( … )`, `@{ … }` or `{ … }` (alone or after `-Name:`). */
  group?: TokenGroup;
  /** The text between the brackets, as typed. */
  inner?: string;
  /** For a hashtable literal: its entries. */
  entries?: HashtableEntries;
}

export type TokenGroup = 'paren' | 'hashtable' | 'scriptblock';

export type HashtableValue = string | number | boolean | string[];
export type HashtableEntries = Record<string, HashtableValue>;

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
    let grouped: Token | undefined;
    while (i < line.length && !isSpace(line[i]) && line[i] !== '|' && line[i] !== ';' && line[i] !== '&') {
      const ch = line[i] as string;
      // `Name,@{…}`: a hashtable after a comma starts a token of its own (the list joins again later).
      if (!quoted && text.endsWith(',') && groupAt(line, i)?.group === 'hashtable') break;
      // A bracketed argument, alone or as the value of `-Name:`, is one token up to its closing bracket.
      if (!quoted && (i === start || /^-[A-Za-z_]\w*:$/.test(text))) {
        const opener = groupAt(line, i);
        if (opener) {
          const g = scanGroup(line, opener);
          if ('error' in g) return g;
          grouped = {
            text: text + line.slice(i, g.end),
            quoted: false,
            at: start,
            end: g.end,
            group: opener.group,
            inner: line.slice(opener.innerAt, g.end - 1),
          };
          if (opener.group === 'hashtable') {
            const entries = parseHashtableBody(line, opener.innerAt, g.end - 1);
            if ('error' in entries) return entries;
            grouped.entries = entries.entries;
          }
          i = g.end;
          break;
        }
      }
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
    if (grouped) {
      items.push({ kind: 'token', token: grouped });
      continue;
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

// --- Bracketed arguments -----------------------------------------------------------------------

interface Opener {
  group: TokenGroup;
  /** `@(` is an array sub-expression (its own error text). */
  array: boolean;
  /** Index of the bracket itself and of the first character inside. */
  bracketAt: number;
  innerAt: number;
}

type ParseFailure = { error: string; column: number; errorId: string };

function groupAt(line: string, i: number): Opener | undefined {
  const c = line[i];
  const n = line[i + 1];
  if (c === '(') return { group: 'paren', array: false, bracketAt: i, innerAt: i + 1 };
  if (c === '{') return { group: 'scriptblock', array: false, bracketAt: i, innerAt: i + 1 };
  if (c === '@' && n === '(') return { group: 'paren', array: true, bracketAt: i + 1, innerAt: i + 2 };
  if (c === '@' && n === '{') return { group: 'hashtable', array: false, bracketAt: i + 1, innerAt: i + 2 };
  return undefined;
}

/** Where PowerShell reports a missing closing bracket: just after the last thing typed. */
function endOfInput(line: string): number {
  return line.trimEnd().length;
}

function missingClose(line: string, o: Opener): ParseFailure {
  if (o.group === 'hashtable')
    // Windows PowerShell 5.1's text (PowerShell 7 says "Missing closing '}' in statement block…").
    return {
      error: 'The hash literal was incomplete.',
      column: endOfInput(line),
      errorId: 'IncompleteHashLiteral',
    };
  if (o.group === 'scriptblock')
    return {
      error: "Missing closing '}' in statement block or type definition.",
      column: o.bracketAt,
      errorId: 'MissingEndCurlyBrace',
    };
  return o.array
    ? {
        error: "Missing closing ')' in subexpression.",
        column: endOfInput(line),
        errorId: 'MissingEndParenthesisInSubexpression',
      }
    : {
        error: "Missing closing ')' in expression.",
        column: endOfInput(line),
        errorId: 'MissingEndParenthesisInExpression',
      };
}

/** Skips a quoted string starting at `i`; the index past its closing quote, or an error. */
function skipString(line: string, i: number): number | ParseFailure {
  const single = OPEN_SINGLE.includes(line[i] as string);
  const closers = single ? OPEN_SINGLE : OPEN_DOUBLE;
  let j = i + 1;
  while (j < line.length) {
    const q = line[j] as string;
    if (!single && q === '`') {
      j += 2;
      continue;
    }
    if (closers.includes(q)) {
      if (line[j + 1] !== undefined && closers.includes(line[j + 1] as string)) {
        j += 2;
        continue;
      }
      return j + 1;
    }
    j++;
  }
  return {
    error: `The string is missing the terminator: ${single ? "'" : '"'}.`,
    column: i,
    errorId: 'TerminatorExpectedAtEndOfString',
  };
}

/** Finds the bracket that closes the group opened at `i`; strings and nested brackets are skipped. */
function scanGroup(line: string, o: Opener): { end: number } | ParseFailure {
  const stack: string[] = [];
  let j = o.bracketAt;
  while (j < line.length) {
    const c = line[j] as string;
    if (OPEN_SINGLE.includes(c) || OPEN_DOUBLE.includes(c)) {
      const next = skipString(line, j);
      if (typeof next !== 'number') return next;
      j = next;
      continue;
    }
    if (c === '`') {
      j += 2;
      continue;
    }
    if (c === '(' || c === '{') stack.push(c === '(' ? ')' : '}');
    else if (c === ')' || c === '}') {
      if (stack[stack.length - 1] !== c) return missingClose(line, o);
      stack.pop();
      if (stack.length === 0) {
        if (o.group === 'paren' && !o.array && line.slice(o.innerAt, j).trim() === '')
          return {
            error: "An expression was expected after '('.",
            column: o.bracketAt + 1,
            errorId: 'ExpectedExpression',
          };
        return { end: j + 1 };
      }
    }
    j++;
  }
  return missingClose(line, o);
}

/** Splits `text` at top-level separators (outside strings and brackets). */
function splitTopLevel(text: string, separators: readonly string[]): { part: string; at: number }[] {
  const parts: { part: string; at: number }[] = [];
  let depth = 0;
  let from = 0;
  let j = 0;
  while (j < text.length) {
    const c = text[j] as string;
    if (OPEN_SINGLE.includes(c) || OPEN_DOUBLE.includes(c)) {
      const next = skipString(text, j);
      j = typeof next === 'number' ? next : text.length;
      continue;
    }
    if (c === '`') {
      j += 2;
      continue;
    }
    if (c === '(' || c === '{') depth++;
    else if (c === ')' || c === '}') depth--;
    else if (depth === 0 && separators.includes(c)) {
      parts.push({ part: text.slice(from, j), at: from });
      from = j + 1;
    }
    j++;
  }
  parts.push({ part: text.slice(from), at: from });
  return parts;
}

/** A literal as PowerShell reads it in a hashtable value: quotes removed, escapes applied. */
function literalText(raw: string): string {
  const t = raw.trim();
  const first = t[0] as string;
  if (t.length >= 2 && OPEN_SINGLE.includes(first)) return t.slice(1, -1).replace(/''/g, "'");
  if (t.length >= 2 && OPEN_DOUBLE.includes(first)) {
    let out = '';
    const body = t.slice(1, -1);
    for (let k = 0; k < body.length; k++) {
      const ch = body[k] as string;
      if (ch === '`' && k + 1 < body.length) {
        const e = body[++k] as string;
        out += PS_ESCAPES[e] ?? e;
      } else if (OPEN_DOUBLE.includes(ch) && OPEN_DOUBLE.includes(body[k + 1] as string)) {
        out += ch;
        k++;
      } else out += ch;
    }
    return out;
  }
  return t;
}

function literalValue(raw: string): HashtableValue {
  const items = splitTopLevel(raw, [',']).map((p) => p.part.trim());
  if (items.length > 1) return items.map((x) => (/^\$null$/i.test(x) ? '' : literalText(x)));
  const t = raw.trim();
  if (/^\$true$/i.test(t)) return true;
  if (/^\$false$/i.test(t)) return false;
  if (/^\$null$/i.test(t)) return '';
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  return literalText(t);
}

/** The entries of a hashtable literal whose body is line[from, to). */
function parseHashtableBody(
  line: string,
  from: number,
  to: number,
): { entries: HashtableEntries } | ParseFailure {
  const entries: HashtableEntries = {};
  for (const { part, at } of splitTopLevel(line.slice(from, to), [';', '\n'])) {
    if (part.trim() === '') continue;
    const lead = part.length - part.trimStart().length;
    const body = part.trimStart();
    const bare = /^[A-Za-z_][\w-]*/.exec(body);
    let keyEnd: number;
    let name: string;
    if (bare) {
      keyEnd = bare[0].length;
      name = bare[0];
    } else if (OPEN_SINGLE.includes(body[0] as string) || OPEN_DOUBLE.includes(body[0] as string)) {
      const next = skipString(body, 0);
      keyEnd = typeof next === 'number' ? next : body.length;
      name = literalText(body.slice(0, keyEnd));
    } else {
      keyEnd = body.search(/[\s=]/) < 0 ? body.length : body.search(/[\s=]/);
      name = body.slice(0, keyEnd);
    }
    const keyAt = from + at + lead;
    const rest = body.slice(keyEnd);
    const eq = rest.search(/\S/);
    if (eq < 0 || rest[eq] !== '=')
      return {
        error: "Missing '=' operator after key in hash literal.",
        column: keyAt + keyEnd,
        errorId: 'MissingEqualsInHashLiteral',
      };
    const value = rest.slice(eq + 1);
    if (value.trim() === '')
      return {
        error: "Missing statement after '=' in hash literal.",
        column: keyAt + keyEnd + eq + 1,
        errorId: 'MissingStatementInHashLiteral',
      };
    entries[name] = literalValue(value);
  }
  return { entries };
}

/** Parses `@{ … }` (a token or its text); undefined when it is not a hashtable literal. */
export function hashtableOf(x: Token | string | undefined): HashtableEntries | undefined {
  if (x === undefined) return undefined;
  if (typeof x !== 'string') {
    if (x.entries) return x.entries;
    if (x.quoted) return undefined;
  }
  const text = (typeof x === 'string' ? x : x.text).trim();
  if (!text.startsWith('@{') || !text.endsWith('}')) return undefined;
  const g = scanGroup(text, { group: 'hashtable', array: false, bracketAt: 1, innerAt: 2 });
  if ('error' in g || g.end !== text.length) return undefined;
  const r = parseHashtableBody(text, 2, text.length - 1);
  return 'error' in r ? undefined : r.entries;
}

/** A hashtable's value for a key, matched without regard to case (as PowerShell does). */
export function hashtableValue(entries: HashtableEntries, key: string): HashtableValue | undefined {
  const k = Object.keys(entries).find((n) => n.toLowerCase() === key.toLowerCase());
  return k === undefined ? undefined : entries[k];
}

/** The command inside `( … )` or `@( … )` (a token or its text); undefined when there is none. */
export function subExpressionOf(x: Token | string | undefined): ParsedCommand | undefined {
  if (x === undefined) return undefined;
  let inner: string | undefined;
  if (typeof x !== 'string' && x.group) inner = x.group === 'paren' ? x.inner : undefined;
  else if (typeof x !== 'string' && x.quoted) return undefined;
  else {
    const text = (typeof x === 'string' ? x : x.text).trim();
    const m = /^@?\(([\s\S]*)\)$/.exec(text);
    inner = m?.[1];
  }
  if (inner === undefined) return undefined;
  const parsed = parseLine('powershell', inner);
  if (!parsed.ok || parsed.statements.length !== 1) return undefined;
  const [only] = parsed.statements;
  return only?.length === 1 ? only[0] : undefined;
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
