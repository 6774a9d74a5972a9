/**
 * The types of a parsed console line (see parse.ts): tokens, commands, statements and the parse
 * result, and the items the tokenisers hand to the statement parser.
 */
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

/** What a tokeniser yields: a token, a pipe, or the end of a statement (and how the next one runs). */
export type Item =
  | { kind: 'token'; token: Token }
  | { kind: 'pipe'; at: number }
  | { kind: 'end'; at: number; next: StatementCondition };

/** A parse error: the real error text, the column it points at and its error id. */
export type ParseFailure = { error: string; column: number; errorId: string };

export type Tokenized = { items: Item[] } | ParseFailure;
