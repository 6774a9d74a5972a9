/**
 * The pipeline elements that filter or format what comes before them: `| findstr`, `| find` and
 * `| more` in both shells, and in PowerShell Select-String (on the printed text), Where-Object,
 * ForEach-Object, Select-Object, Sort-Object, Measure-Object, Format-Table/-List and the Out-*
 * cmdlets. Each works on a `Stream` (the printed lines, and the objects when the command wrote
 * any). Anything else after a `|` is not a filter: the console decides whether it is a command that
 * takes pipeline input.
 */
import type { ConsoleLine, ShellKind } from '../../windows/hostState';
import { forEachObject } from './forEachObject';
import { formatObjects, measureObject, selectObject, sortObject, type PipeFilter } from './objectFilters';
import type { ParsedCommand } from './parse';
import { display } from './psViews';
import { isOutput, objectsOf, withObjects } from './psObject';
import { parseWhere } from './where';

export type { PipeFilter };

export type FilterParse =
  | { ok: true; filter: PipeFilter }
  | { ok: false; unknown: ParsedCommand }
  | { ok: false; lines: ConsoleLine[] };

/**
 * findstr and Select-String search the text the objects would print; what they pass on is text.
 * Errors, warnings and -WhatIf's lines are not their input: they still show.
 */
function textFilter(patterns: readonly string[], ignoreCase: boolean, invert: boolean): PipeFilter {
  const ps = patterns.map((p) => (ignoreCase ? p.toLowerCase() : p));
  return (s) => ({
    lines: s.lines.filter((l) => {
      if (!isOutput(l)) return true;
      const t = ignoreCase ? l.text.toLowerCase() : l.text;
      return ps.some((p) => t.includes(p)) !== invert;
    }),
  });
}

/**
 * findstr's search strings: `/c:"a b"` is one literal string; otherwise the argument's words are
 * alternatives (`findstr "IPv4 Gateway"` matches either). find takes its one string as typed.
 */
function searchStrings(name: 'find' | 'findstr', args: readonly string[]): string[] | undefined {
  const literal = args.filter((a) => /^\/c:/i.test(a)).map((a) => a.slice(3));
  if (name === 'findstr' && literal.length > 0) return literal;
  const first = args.find((a) => !a.startsWith('/'));
  if (first === undefined) return undefined;
  return name === 'findstr' ? first.split(' ').filter((w) => w.length > 0) : [first];
}

const errorLine = (text: string): FilterParse => ({ ok: false, lines: [{ kind: 'error', text }] });

export function parseFilter(shell: ShellKind, cmd: ParsedCommand, line: string): FilterParse {
  const name = cmd.name.toLowerCase().replace(/\.exe$/, '');
  const args = cmd.args.map((a) => a.text);
  if (name === 'findstr' || name === 'find') {
    const flags = args.filter((a) => /^\/[a-z]$/i.test(a)).map((a) => a.toLowerCase());
    const patterns = searchStrings(name, args);
    if (patterns === undefined || patterns.length === 0)
      return errorLine(name === 'find' ? 'FIND: Parameter format not correct' : 'FINDSTR: Bad command line');
    return { ok: true, filter: textFilter(patterns, flags.includes('/i'), flags.includes('/v')) };
  }
  if (name === 'more') return { ok: true, filter: (s) => ({ lines: s.lines }) };
  if (shell !== 'powershell') return { ok: false, unknown: cmd };
  switch (name) {
    case 'select-string':
    case 'sls': {
      const i = args.findIndex((a) => /^-pattern$/i.test(a));
      const pattern = i >= 0 ? args[i + 1] : args.find((a) => !a.startsWith('-'));
      if (!pattern)
        return errorLine("Select-String : Cannot bind argument to parameter 'Pattern' because it is null.");
      const sensitive = args.some((a) => /^-casesensitive$/i.test(a));
      const invert = args.some((a) => /^-notmatch$/i.test(a));
      return { ok: true, filter: textFilter([pattern], !sensitive, invert) };
    }
    case 'where-object':
    case 'where':
    case '?': {
      const w = parseWhere(cmd.args, line);
      if (!w.ok) return w;
      return {
        ok: true,
        filter: (s) => {
          const objs = objectsOf(s).filter(w.test);
          return withObjects(s, objs, display(objs));
        },
      };
    }
    case 'foreach-object':
    case 'foreach':
    case '%':
      return forEachObject(cmd.args);
    case 'select-object':
    case 'select':
      return selectObject(cmd, line);
    case 'sort-object':
    case 'sort':
      return sortObject(cmd, line);
    case 'measure-object':
    case 'measure':
      return measureObject(cmd, line);
    case 'format-table':
    case 'ft':
      return formatObjects(cmd, line, 'table');
    case 'format-list':
    case 'fl':
      return formatObjects(cmd, line, 'list');
    // Out-Null swallows the output; errors and warnings are other streams and still show.
    case 'out-null':
      return {
        ok: true,
        filter: (s) => ({ lines: s.lines.filter((l) => !isOutput(l)), objects: [] }),
      };
    // Out-String passes the text on; Out-Host and Out-Default print it and pass nothing on.
    case 'out-string':
      return { ok: true, filter: (s) => ({ lines: s.lines }) };
    case 'out-host':
    case 'out-default':
      return { ok: true, filter: (s) => ({ lines: s.lines, objects: [] }) };
  }
  return { ok: false, unknown: cmd };
}
