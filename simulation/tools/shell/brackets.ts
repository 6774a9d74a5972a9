/**
 * The bracket and quote scanner of the PowerShell parser (see parse.ts): where a bracketed argument
 * (`( … )`, `@( … )`, `{ … }`, `@{ … }`) opens and closes, strings and nested brackets skipped, the
 * error PowerShell gives when one is left open, and splitting text at top-level separators.
 */
import type { ParseFailure, TokenGroup } from './parseTypes';

export const OPEN_SINGLE = ["'", '\u2018', '\u2019'];
export const OPEN_DOUBLE = ['"', '\u201c', '\u201d'];

export const PS_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '0': '\0',
  a: '\u0007',
  b: '\b',
  f: '\f',
  v: '\v',
};

export interface Opener {
  group: TokenGroup;
  /** `@(` is an array sub-expression (its own error text). */
  array: boolean;
  /** Index of the bracket itself and of the first character inside. */
  bracketAt: number;
  innerAt: number;
}

export function groupAt(line: string, i: number): Opener | undefined {
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
export function skipString(line: string, i: number): number | ParseFailure {
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
export function scanGroup(line: string, o: Opener): { end: number } | ParseFailure {
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
export function splitTopLevel(text: string, separators: readonly string[]): { part: string; at: number }[] {
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
