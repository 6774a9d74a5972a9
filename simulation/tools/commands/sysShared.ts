/**
 * Helpers the system-administration commands share: PowerShell's runtime error records, its
 * wildcards, the fixed-width tables and lists its format views print, dates typed on the command
 * line, and the host's own clock.
 */
import { DAY, HOUR, MINUTE, SECOND } from '../../core/time';
import type { ConsoleLine } from '../../windows/hostState';
import { bindParams, type BindResult, type CmdletSpec } from '../shell/bind';
import type { Token } from '../shell/parse';
import { formatPsError } from '../shell/psError';
import type { CommandEnv } from './types';

/** Windows PowerShell 5.1's default console buffer width: tables fit in one character less. */
export const CONSOLE_WIDTH = 120;

/** ErrorCategoryInfo shortens long target names: first 15 characters, "...", last 15. */
export function ellipsize(text: string): string {
  return text.length > 40 ? `${text.slice(0, 15)}...${text.slice(-15)}` : text;
}

export interface RuntimeError {
  message: string;
  category: string;
  /** `name:type`, e.g. `foo:String` (the name is shortened the way PowerShell does). */
  targetName?: string;
  targetType?: string;
  exception: string;
  errorId: string;
}

/** Where an error points: the typed line and the command in it. */
export type AtCommand = Pick<CommandEnv, 'line' | 'cmd'>;

/** A non-terminating error a cmdlet writes while it runs: it points at the whole command. */
export function cmdletError(env: AtCommand, spec: CmdletSpec, e: RuntimeError): ConsoleLine[] {
  return formatPsError({
    command: spec.name,
    message: e.message,
    line: env.line,
    column: env.cmd.nameAt,
    length: env.cmd.source.length,
    category: e.category,
    target: `${ellipsize(e.targetName ?? '')}:${e.targetType ?? ''}`,
    activity: `[${spec.name}]`,
    exception: e.exception,
    errorId: `${e.errorId},${spec.className}`,
  });
}

/** An argument that failed a validation attribute: it points at the argument. */
export function validationError(
  env: AtCommand,
  spec: CmdletSpec,
  param: string,
  message: string,
): ConsoleLine[] {
  const at = valueToken(env.cmd.args, param);
  return formatPsError({
    command: spec.name,
    message: `Cannot validate argument on parameter '${param}'. ${message}`,
    line: env.line,
    column: at?.at ?? env.cmd.nameAt,
    length: at ? Math.max(1, at.end - at.at) : env.cmd.source.length,
    category: 'InvalidData',
    target: ':',
    activity: `[${spec.name}]`,
    exception: 'ParameterBindingValidationException',
    errorId: `ParameterArgumentValidationError,${spec.className}`,
  });
}

/** "Parameter set cannot be resolved using the specified named parameters." */
export function ambiguousParameterSet(env: CommandEnv, spec: CmdletSpec): ConsoleLine[] {
  return formatPsError({
    command: spec.name,
    message: 'Parameter set cannot be resolved using the specified named parameters.',
    line: env.line,
    column: env.cmd.nameAt,
    length: env.cmd.source.length,
    category: 'InvalidArgument',
    target: ':',
    activity: `[${spec.name}]`,
    exception: 'ParameterBindingException',
    errorId: `AmbiguousParameterSet,${spec.className}`,
  });
}

export function missingMandatory(env: CommandEnv, spec: CmdletSpec, names: string[]): ConsoleLine[] {
  return formatPsError({
    command: spec.name,
    message: `Cannot process command because of one or more missing mandatory parameters: ${names.join(' ')}.`,
    line: env.line,
    column: env.line.length,
    length: 1,
    category: 'InvalidArgument',
    target: ':',
    activity: `[${spec.name}]`,
    exception: 'ParameterBindingException',
    errorId: `MissingMandatoryParameter,${spec.className}`,
  });
}

/** The token holding a named parameter's value (`-Name value` or `-Name:value`). */
export function valueToken(args: readonly Token[], param: string): Token | undefined {
  const p = param.toLowerCase();
  for (let i = 0; i < args.length; i++) {
    const t = args[i] as Token;
    if (t.quoted || !t.text.startsWith('-')) continue;
    const body = t.text.slice(1);
    const colon = body.indexOf(':');
    const name = (colon >= 0 ? body.slice(0, colon) : body).toLowerCase();
    if (name.length === 0 || !p.startsWith(name)) continue;
    return colon >= 0 && colon < body.length - 1 ? t : args[i + 1];
  }
  return undefined;
}

/**
 * `(Get-Date).AddHours(-1)` arrives as two tokens (the sub-expression and the member call that
 * follows it without a space): join such neighbours so they bind as one value.
 */
export function joinMemberCalls(args: readonly Token[]): Token[] {
  const outTokens: Token[] = [];
  for (const t of args) {
    const prev = outTokens[outTokens.length - 1];
    if (prev && !t.quoted && t.at === prev.end && prev.text.endsWith(')') && t.text.startsWith('.')) {
      outTokens[outTokens.length - 1] = { ...prev, text: prev.text + t.text, end: t.end };
    } else {
      outTokens.push(t);
    }
  }
  return outTokens;
}

export function bind(env: CommandEnv, spec: CmdletSpec): BindResult {
  return bindParams(spec, joinMemberCalls(env.cmd.args), env.line);
}

/** PowerShell wildcards (`*`, `?`, `[a-c]`), case-insensitive; undefined when the text has none. */
export function wildcard(pattern: string): RegExp | undefined {
  if (!/[*?[]/.test(pattern)) return undefined;
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) re += '\\[';
      else {
        re += `[${pattern.slice(i + 1, close).replace(/[\\^]/g, (m) => `\\${m}`)}]`;
        i = close;
      }
    } else re += c.replace(/[.+^${}()|\\\]]/g, (m) => `\\${m}`);
  }
  return new RegExp(`^${re}$`, 'i');
}

/** Whether `text` matches a name pattern with or without wildcards. */
export function likeName(pattern: string, text: string): boolean {
  const re = wildcard(pattern);
  return re ? re.test(text) : pattern.toLowerCase() === text.toLowerCase();
}

export interface Column {
  header: string;
  /** Fixed width from the format view; the last column may leave it out (it takes the rest). */
  width?: number;
  align?: 'left' | 'right';
}

/** Cuts a cell the way Format-Table does: the first line only, "..." when anything is left out. */
export function fitCell(text: string, width: number): string {
  const lines = text.split(/\r?\n/);
  let t = (lines[0] ?? '').trimEnd();
  const more = lines.slice(1).some((l) => l.trim().length > 0);
  if (more) t += '...';
  if (t.length > width) t = width <= 3 ? t.slice(0, width) : `${t.slice(0, width - 3)}...`;
  return t;
}

/** A table laid out like a format view with fixed column widths. */
export function fixedTable(columns: readonly Column[], rows: readonly string[][]): string[] {
  let offset = 0;
  const widths = columns.map((c, i) => {
    const w =
      c.width ??
      (i === columns.length - 1
        ? Math.max(c.header.length, CONSOLE_WIDTH - 1 - offset)
        : Math.max(c.header.length, ...rows.map((r) => (r[i] ?? '').length)));
    offset += w + 1;
    return w;
  });
  const line = (cells: readonly string[], fit: boolean) =>
    cells
      .map((v, i) => {
        const w = widths[i] ?? v.length;
        const c = columns[i];
        const text = fit ? fitCell(v, w) : v;
        return c?.align === 'right' ? text.padStart(w) : text.padEnd(w);
      })
      .join(' ')
      .trimEnd();
  return [
    line(
      columns.map((c) => c.header),
      false,
    ),
    line(
      columns.map((c) => '-'.repeat(c.header.length)),
      false,
    ),
    ...rows.map((r) => line(r, true)),
  ];
}

/** Format-List records: names padded to the longest, continuation lines under the first value line. */
export function listRecords(records: readonly (readonly [string, string])[][]): string[] {
  const lines: string[] = [''];
  for (const rec of records) {
    const width = Math.max(0, ...rec.map(([k]) => k.length));
    for (const [k, v] of rec) {
      const [first = '', ...rest] = v.split(/\r?\n/);
      lines.push(`${k.padEnd(width)} : ${first}`.trimEnd());
      for (const r of rest) lines.push(`${' '.repeat(width + 3)}${r}`.trimEnd());
    }
    lines.push('');
  }
  lines.push('');
  return lines;
}

/** Whether the command's output goes on to `Format-List` / `fl` (the next element of its pipeline). */
export function pipedToFormatList(env: CommandEnv): boolean {
  const after = env.line.slice(env.cmd.nameAt + env.cmd.source.length);
  const m = /^\s*\|\s*([\w-]+)/.exec(after);
  return !!m && ['format-list', 'fl'].includes((m[1] ?? '').toLowerCase());
}

// ---------------------------------------------------------------------------------------------
// Time

/** The host's own clock, as epoch ms shifted into its time zone ("local ms"). */
export function localNow(env: CommandEnv): number {
  return env.now + env.host.clockOffsetMs + env.host.timeZoneOffsetMinutes * MINUTE;
}

/** A lab time as the host shows it, in local ms. */
export function toLocal(env: CommandEnv, labTime: number): number {
  return labTime + env.host.clockOffsetMs + env.host.timeZoneOffsetMinutes * MINUTE;
}

/** Days since 1970-01-01 of a civil date (proleptic Gregorian). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1 || y > 9999) return false;
  const dim = [
    31,
    y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
  return d <= (dim[m - 1] ?? 31);
}

/**
 * A date typed on the command line, in the host's local ms: `(Get-Date)`, `(Get-Date).AddHours(-3)`
 * (AddDays, AddHours, AddMinutes, AddSeconds), `3/2/2026`, `3/2/2026 8:00`, `3/2/2026 8:00:00 AM`,
 * `2026-03-02`, `2026-03-02 08:00`, `2026-03-02T08:00:00`. Undefined when it is none of these.
 */
export function parseLocalDate(text: string, nowLocal: number): number | undefined {
  const t = text.trim();
  const gd = /^\(\s*get-date\s*\)(?:\.add(days|hours|minutes|seconds)\(\s*(-?\d+(?:\.\d+)?)\s*\))?$/i.exec(t);
  if (gd) {
    if (!gd[1]) return nowLocal;
    const unit = gd[1].toLowerCase();
    const n = Number(gd[2]);
    const ms = unit === 'days' ? DAY : unit === 'hours' ? HOUR : unit === 'minutes' ? MINUTE : SECOND;
    return Math.round(nowLocal + n * ms);
  }
  let y: number, mo: number, d: number;
  let rest: string;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(.*)$/.exec(t);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(.*)$/.exec(t);
  if (us) {
    mo = Number(us[1]);
    d = Number(us[2]);
    y = Number(us[3]);
    rest = us[4] ?? '';
  } else if (iso) {
    y = Number(iso[1]);
    mo = Number(iso[2]);
    d = Number(iso[3]);
    rest = iso[4] ?? '';
  } else return undefined;
  if (!validDate(y, mo, d)) return undefined;
  let h = 0,
    mi = 0,
    s = 0;
  const r = rest.trim().replace(/^T/i, '');
  if (r.length > 0) {
    const tm = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?$/i.exec(r);
    if (!tm) return undefined;
    h = Number(tm[1]);
    mi = Number(tm[2]);
    s = Number(tm[3] ?? 0);
    const ampm = tm[4]?.toUpperCase();
    if (ampm) {
      if (h < 1 || h > 12) return undefined;
      h = (h % 12) + (ampm === 'PM' ? 12 : 0);
    }
    if (h > 23 || mi > 59 || s > 59) return undefined;
  }
  return daysFromCivil(y, mo, d) * DAY + h * HOUR + mi * MINUTE + s * SECOND;
}

const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function civil(localMs: number): {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  ms: number;
} {
  const days = Math.floor(localMs / DAY);
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const mo = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (mo <= 2 ? 1 : 0);
  const inDay = localMs - days * DAY;
  return {
    y,
    mo,
    d,
    h: Math.floor(inDay / HOUR),
    mi: Math.floor((inDay % HOUR) / MINUTE),
    s: Math.floor((inDay % MINUTE) / SECOND),
    ms: inDay % SECOND,
  };
}

const p2 = (n: number) => String(n).padStart(2, '0');

/** `Mar 02 09:00` (Get-EventLog's Time column). */
export function monthDayTime(localMs: number): string {
  const c = civil(localMs);
  return `${MONTHS_SHORT[c.mo - 1] ?? ''} ${p2(c.d)} ${p2(c.h)}:${p2(c.mi)}`;
}

/** `2026-03-02T09:00:00.000` (wevtutil's Date). */
export function isoLocal(localMs: number): string {
  const c = civil(localMs);
  return `${c.y}-${p2(c.mo)}-${p2(c.d)}T${p2(c.h)}:${p2(c.mi)}:${p2(c.s)}.${String(c.ms).padStart(3, '0')}`;
}

/** `3/2/2026, 8:00:00 AM` (systeminfo). */
export function systeminfoDate(localMs: number): string {
  const c = civil(localMs);
  const h12 = c.h % 12 === 0 ? 12 : c.h % 12;
  return `${c.mo}/${c.d}/${c.y}, ${h12}:${p2(c.mi)}:${p2(c.s)} ${c.h < 12 ? 'AM' : 'PM'}`;
}

/** A small stable hash of a string (process ids, GUID-like ids). */
export function smallHash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h >>> 0;
}
