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
 *
 * This file is the parser's entry: it joins tokens into pipelines and statements. Its parts are
 * parseTypes.ts (the types), tokenize.ts (the cmd and PowerShell tokenisers), brackets.ts (the
 * bracket and quote scanner) and hashtable.ts (hashtable literals).
 */
import type { ShellKind } from '../../windows/hostState';
import { tokenizeCmd, tokenizePs } from './tokenize';
import type { ParsedCommand, ParseResult, StatementCondition, Token } from './parseTypes';

export { hashtableOf, hashtableValue } from './hashtable';
export type { HashtableValue, ParsedCommand, ParseResult, StatementCondition, Token } from './parseTypes';

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
