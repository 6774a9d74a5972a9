/**
 * Parsing console lines the way cmd.exe and Windows PowerShell 5.1 split them. Pure and total:
 * every input gives either a pipeline of commands or a parse error carrying the real error text
 * and the column it points at. Nothing here knows what any command does.
 */
import type { ShellKind } from '../hostState';

export interface Token {
  /** The text with quotes removed (for PowerShell: variables $true/$false/$null kept as written). */
  text: string;
  quoted: boolean;
  /** Column (0-based) where the token starts in the line. */
  at: number;
}

export interface ParsedCommand {
  name: string;
  nameAt: number;
  args: Token[];
  /** The command's own part of the line, as typed. */
  source: string;
}

export type ParseResult =
  | { ok: true; empty: boolean; commands: ParsedCommand[] }
  | { ok: false; message: string; column: number; errorId: string };

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t';
}

/** cmd.exe: words split on spaces; double quotes group; `|` and `&` separate commands. */
function tokenizeCmd(line: string): { tokens: Token[]; pipes: number[] } | { error: string; column: number } {
  const tokens: Token[] = [];
  const pipes: number[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i] as string;
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === '|' || c === '&') {
      pipes.push(tokens.length);
      i++;
      continue;
    }
    const start = i;
    let text = '';
    let quoted = false;
    while (i < line.length && !isSpace(line[i] as string) && line[i] !== '|' && line[i] !== '&') {
      if (line[i] === '"') {
        quoted = true;
        i++;
        while (i < line.length && line[i] !== '"') text += line[i++];
        i++; // closing quote (cmd tolerates a missing one)
      } else {
        text += line[i++];
      }
    }
    tokens.push({ text, quoted, at: start });
  }
  return { tokens, pipes };
}

/** PowerShell: quotes '…' and "…", backtick escapes, `|` pipelines, `;` statements, `#` comments. */
function tokenizePs(line: string): { tokens: Token[]; pipes: number[] } | { error: string; column: number } {
  const tokens: Token[] = [];
  const pipes: number[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i] as string;
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === '#') break;
    if (c === '|' || c === ';') {
      if (c === '|' && (tokens.length === 0 || pipes.includes(tokens.length))) {
        return { error: 'An empty pipe element is not allowed.', column: i };
      }
      pipes.push(tokens.length);
      i++;
      continue;
    }
    const start = i;
    let text = '';
    let quoted = false;
    while (i < line.length && !isSpace(line[i] as string) && line[i] !== '|' && line[i] !== ';') {
      const ch = line[i] as string;
      if (
        ch === "'" ||
        ch === '"' ||
        ch === '\u2018' ||
        ch === '\u2019' ||
        ch === '\u201c' ||
        ch === '\u201d'
      ) {
        const close =
          ch === "'" || ch === '\u2018' || ch === '\u2019'
            ? ["'", '\u2018', '\u2019']
            : ['"', '\u201c', '\u201d'];
        quoted = true;
        i++;
        let closed = false;
        while (i < line.length) {
          const q = line[i] as string;
          if (close.includes(q)) {
            // Doubled quote inside a string is a literal quote.
            if (line[i + 1] === q) {
              text += q;
              i += 2;
              continue;
            }
            closed = true;
            i++;
            break;
          }
          if (q === '`' && close[0] === '"' && i + 1 < line.length) {
            text += line[i + 1];
            i += 2;
            continue;
          }
          text += q;
          i++;
        }
        if (!closed)
          return { error: `The string is missing the terminator: ${close[0]}.`, column: line.length };
      } else if (ch === '`' && i + 1 < line.length) {
        text += line[i + 1];
        i += 2;
      } else {
        text += ch;
        i++;
      }
    }
    tokens.push({ text, quoted, at: start });
  }
  if (pipes.length > 0 && pipes[pipes.length - 1] === tokens.length && line.trim().endsWith('|')) {
    return { error: 'An empty pipe element is not allowed.', column: line.length };
  }
  return { tokens, pipes };
}

export function parseLine(shell: ShellKind, line: string): ParseResult {
  const tok = shell === 'cmd' ? tokenizeCmd(line) : tokenizePs(line);
  if ('error' in tok) {
    return {
      ok: false,
      message: tok.error,
      column: tok.column,
      errorId: shell === 'cmd' ? 'CmdParse' : 'TerminatorExpectedAtEndOfString',
    };
  }
  const { tokens, pipes } = tok;
  if (tokens.length === 0) return { ok: true, empty: true, commands: [] };
  const bounds = [0, ...pipes.filter((p) => p > 0 && p < tokens.length), tokens.length];
  const commands: ParsedCommand[] = [];
  for (let k = 0; k < bounds.length - 1; k++) {
    const part = tokens.slice(bounds[k], bounds[k + 1]);
    const head = part[0];
    if (!head) continue;
    const last = part[part.length - 1] as Token;
    const end =
      k + 1 < bounds.length - 1
        ? ((tokens[bounds[k + 1] as number] as Token).at ?? line.length)
        : line.length;
    commands.push({
      name: head.text,
      nameAt: head.at,
      args: part.slice(1),
      source: line.slice(head.at, Math.max(end, last.at + last.text.length)).trim(),
    });
  }
  return { ok: true, empty: false, commands };
}
