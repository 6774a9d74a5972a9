/**
 * Pipeline filters applied to a command's finished output: `| findstr`, `| find`, and in
 * PowerShell `| Select-String`, `| Select-Object -First/-Last N`, and the formatters that leave
 * already-formatted text as it is.
 */
import type { ConsoleLine, ShellKind } from '../hostState';
import type { ParsedCommand } from './parse';

export type LineFilter = (lines: ConsoleLine[]) => ConsoleLine[];

export type FilterParse =
  { ok: true; filter: LineFilter } | { ok: false; unknown: ParsedCommand } | { ok: false; error: string };

function textFilter(pattern: string, ignoreCase: boolean, invert: boolean): LineFilter {
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  return (lines) =>
    lines.filter((l) => {
      if (l.kind === 'error') return true;
      const t = ignoreCase ? l.text.toLowerCase() : l.text;
      return t.includes(p) !== invert;
    });
}

export function parseFilter(shell: ShellKind, cmd: ParsedCommand): FilterParse {
  const name = cmd.name.toLowerCase().replace(/\.exe$/, '');
  const args = cmd.args.map((a) => a.text);
  if (name === 'findstr' || name === 'find') {
    const flags = args.filter((a) => /^\/[a-z]$/i.test(a)).map((a) => a.toLowerCase());
    const words = args.filter((a) => !/^\/[a-z]$/i.test(a));
    const pattern = words[0];
    if (pattern === undefined) {
      return {
        ok: false,
        error: name === 'find' ? 'FIND: Parameter format not correct' : 'FINDSTR: Bad command line',
      };
    }
    return { ok: true, filter: textFilter(pattern, flags.includes('/i'), flags.includes('/v')) };
  }
  if (shell === 'powershell') {
    if (name === 'select-string' || name === 'sls') {
      const i = args.findIndex((a) => /^-pattern$/i.test(a));
      const pattern = i >= 0 ? args[i + 1] : args.find((a) => !a.startsWith('-'));
      if (!pattern)
        return {
          ok: false,
          error: "Select-String : Cannot bind argument to parameter 'Pattern' because it is null.",
        };
      const sensitive = args.some((a) => /^-casesensitive$/i.test(a));
      return {
        ok: true,
        filter: textFilter(
          pattern,
          !sensitive,
          args.some((a) => /^-notmatch$/i.test(a)),
        ),
      };
    }
    if (name === 'select-object' || name === 'select') {
      const first = args.findIndex((a) => /^-first$/i.test(a));
      const last = args.findIndex((a) => /^-last$/i.test(a));
      if (first >= 0) {
        const n = Number(args[first + 1]);
        return { ok: true, filter: (lines) => trimToRecords(lines, n, 'first') };
      }
      if (last >= 0) {
        const n = Number(args[last + 1]);
        return { ok: true, filter: (lines) => trimToRecords(lines, n, 'last') };
      }
      return { ok: true, filter: (lines) => lines };
    }
    // Out-Null swallows the output; errors and warnings are other streams and still show.
    if (name === 'out-null') return { ok: true, filter: (lines) => lines.filter((l) => l.kind !== 'output') };
    if (
      ['format-list', 'fl', 'format-table', 'ft', 'out-string', 'out-host', 'out-default', 'more'].includes(
        name,
      )
    ) {
      return { ok: true, filter: (lines) => lines };
    }
  } else if (name === 'more') {
    return { ok: true, filter: (lines) => lines };
  }
  return { ok: false, unknown: cmd };
}

/** Keeps the first/last N non-blank lines (a fair stand-in for N objects of a table). */
function trimToRecords(lines: ConsoleLine[], n: number, end: 'first' | 'last'): ConsoleLine[] {
  if (!Number.isInteger(n) || n < 0) return lines;
  const content = lines.filter((l) => l.text.trim().length > 0);
  return end === 'first' ? content.slice(0, n) : content.slice(Math.max(0, content.length - n));
}
