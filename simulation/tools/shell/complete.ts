/**
 * Tab completion for the lab's consoles, from the command catalog. Given a line, the cursor and
 * what the host knows (its services, the directory's users…), it returns the span of the word at
 * the cursor and the candidates for it; `tab` cycles through them the way PowerShell's Tab and
 * Shift+Tab do. Pure: the facade builds the context from the lab's state.
 *
 * PowerShell completes command names (cmdlets, functions, aliases, programs as `name.exe`),
 * `-Parameter` names of the command being typed (declared, then common ones), and parameter values
 * (enumerations and sets, or the lab's values for the parameter's completer). cmd completes file
 * and folder names; the lab's hosts have no file system model, so cmd completes command names.
 */
import { CATALOG, commandsOn, lookup, type CommandDecl } from '../catalog';
import type { ParamDecl, ValueCompleter } from '../catalog/types';
import type { HostKind } from '../../core/definition';
import { COMMON_PARAMS } from './bind';

export interface CompletionContext {
  host: { kind: HostKind };
  shell: 'powershell' | 'cmd';
  /** What the lab knows for each kind of value (service names on this host, AD users, host names…). */
  values: Partial<Record<ValueCompleter, readonly string[]>>;
  catalog?: readonly CommandDecl[];
}

export interface Completion {
  /** The word being completed: `line.slice(start, end)`. */
  start: number;
  end: number;
  candidates: string[];
}

interface Word {
  text: string;
  start: number;
  end: number;
}

const BREAKS = new Set([' ', '\t', '|', ';', '(', ')', '{', '}', '&']);

/** The words of the current pipeline element up to the cursor, and the word the cursor is in. */
function wordsBefore(line: string, cursor: number): { words: Word[]; current: Word } {
  const words: Word[] = [];
  let quote: string | undefined;
  let start = -1;
  for (let i = 0; i < cursor; i++) {
    const c = line[i] as string;
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === "'" || c === '"') {
      if (start < 0) start = i;
      quote = c;
      continue;
    }
    if (BREAKS.has(c)) {
      if (start >= 0) words.push({ text: line.slice(start, i), start, end: i });
      start = -1;
      // A new pipeline element or statement starts a new command.
      if (c !== ' ' && c !== '\t') words.length = 0;
      continue;
    }
    if (start < 0) start = i;
  }
  let end = cursor;
  if (start >= 0) while (end < line.length && !BREAKS.has(line[end] as string)) end++;
  const current =
    start >= 0 ? { text: line.slice(start, cursor), start, end } : { text: '', start: cursor, end: cursor };
  return { words, current };
}

const byName = (a: string, b: string) => a.toLowerCase().localeCompare(b.toLowerCase());
const startsWith = (text: string, prefix: string) => text.toLowerCase().startsWith(prefix.toLowerCase());

/** The names a shell completes for a command typed at the start of a pipeline element. */
function commandNames(here: readonly CommandDecl[], shell: 'powershell' | 'cmd', prefix: string): string[] {
  const names = new Set<string>();
  for (const d of here) {
    const program = !d.params;
    if (shell === 'cmd') names.add(d.name.replace(/\.exe$/i, ''));
    else names.add(program ? `${d.name.replace(/\.exe$/i, '')}.exe` : d.name);
    if (shell === 'powershell' && !program) for (const a of d.aliases ?? []) names.add(a);
  }
  return [...names].filter((n) => startsWith(n, prefix)).sort(byName);
}

function paramByName(d: CommandDecl, typed: string): ParamDecl | undefined {
  const name = typed.replace(/^-/, '').replace(/:.*$/, '').toLowerCase();
  const all = [...(d.params ?? []), ...COMMON_PARAMS];
  const exact = all.find(
    (p) => p.name.toLowerCase() === name || p.aliases?.some((a) => a.toLowerCase() === name),
  );
  if (exact) return exact;
  const prefixed = all.filter((p) => p.name.toLowerCase().startsWith(name));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

/** The parameter the next value binds to: the one just named, or the next free position. */
function valueParam(d: CommandDecl, args: readonly Word[]): ParamDecl | undefined {
  const last = args[args.length - 1];
  if (last?.text.startsWith('-')) {
    const p = paramByName(d, last.text);
    if (p && p.type !== 'switch') return p;
  }
  let positional = 0;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as Word;
    if (a.text.startsWith('-')) {
      const p = paramByName(d, a.text);
      if (p && p.type !== 'switch' && !a.text.includes(':')) i++;
      continue;
    }
    positional++;
  }
  return (d.params ?? [])
    .filter((p) => p.position !== undefined)
    .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))[positional];
}

function quoteIfNeeded(v: string): string {
  return /[\s,;|()&{}]/.test(v) ? `'${v.replace(/'/g, "''")}'` : v;
}

export function complete(line: string, cursor: number, ctx: CompletionContext): Completion {
  const here = commandsOn(ctx.host, ctx.shell, ctx.catalog ?? CATALOG);
  const { words, current } = wordsBefore(line, cursor);
  const none = { start: current.start, end: current.end, candidates: [] };
  if (words.length === 0) return { ...none, candidates: commandNames(here, ctx.shell, current.text) };
  const head = words[0] as Word;
  const d = lookup(head.text.replace(/\.exe$/i, ''), here) ?? lookup(head.text, here);
  if (!d?.params || ctx.shell === 'cmd') return none;
  if (current.text.startsWith('-')) {
    const prefix = current.text.slice(1);
    const params = [...d.params, ...COMMON_PARAMS].filter((p) => startsWith(p.name, prefix));
    return { ...none, candidates: params.map((p) => `-${p.name}`) };
  }
  const p = valueParam(d, words.slice(1));
  if (!p) return none;
  const values = p.values ?? (p.complete ? (ctx.values[p.complete] ?? []) : []);
  const typed = current.text.replace(/^['"]/, '');
  const matches = [...new Set(values)].filter((v) => startsWith(v, typed));
  return { ...none, candidates: (p.values ? matches : matches.sort(byName)).map(quoteIfNeeded) };
}

/** Where repeated Tab presses stand: the line as it was, the word's span, and the candidate shown. */
export interface TabCycle {
  base: string;
  start: number;
  end: number;
  candidates: string[];
  index: number;
  /** The line and cursor after putting the candidate in. */
  line: string;
  cursor: number;
}

function show(c: Omit<TabCycle, 'line' | 'cursor'>): TabCycle {
  const candidate = c.candidates[c.index] ?? '';
  const line = c.base.slice(0, c.start) + candidate + c.base.slice(c.end);
  return { ...c, line, cursor: c.start + candidate.length };
}

/**
 * One Tab (or Shift+Tab, `back`): the next (previous) candidate when the line is still the one the
 * last Tab produced, else the first (last) candidate for the word at the cursor. Undefined when
 * nothing completes.
 */
export function tab(
  prev: TabCycle | undefined,
  line: string,
  cursor: number,
  back: boolean,
  ctx: CompletionContext,
): TabCycle | undefined {
  const n = prev?.candidates.length ?? 0;
  if (prev && n > 0 && prev.line === line && prev.cursor === cursor) {
    return show({ ...prev, index: (prev.index + (back ? n - 1 : 1)) % n });
  }
  const c = complete(line, cursor, ctx);
  if (c.candidates.length === 0) return undefined;
  return show({ base: line, ...c, index: back ? c.candidates.length - 1 : 0 });
}
