/** How Windows PowerShell 5.1 lays out objects: Format-List and Format-Table, booleans, dates. */
import { formatShortDateTime, formatTimeSpan } from '../../core/time';
import { out } from './psError';
import type { ConsoleLine } from '../../windows/hostState';

/**
 * A value PowerShell shows as text but orders by a number: a DateTime (its ms), an enum such as a
 * service's Status (its value: Stopped 1 … Running 4). Sort-Object and the comparison operators use
 * `order`; everything that prints uses `text`.
 */
export interface PsTyped {
  text: string;
  order: number;
  /** The .NET type, e.g. System.DateTime (what `Select -ExpandProperty` writes). */
  type: string;
}

export type PsValue = string | number | boolean | undefined | null | PsTyped;

export function psValue(v: PsValue): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'object') return v.text;
  return String(v);
}

export const isTyped = (v: PsValue): v is PsTyped => typeof v === 'object' && v !== null;

/** An enum value: its name, ordered by its number. */
export function psEnum(type: string, names: Readonly<Record<string, number>>, name: string): PsValue {
  return { text: name, order: names[name] ?? 0, type };
}

/** `Name : Value` lines with names padded to the longest, framed by blank lines as PowerShell does. */
export function formatList(records: readonly (readonly [string, PsValue])[][]): ConsoleLine[] {
  const lines: string[] = [''];
  for (const rec of records) {
    const width = Math.max(...rec.map(([k]) => k.length));
    for (const [k, v] of rec) lines.push(`${k.padEnd(width)} : ${psValue(v)}`.trimEnd());
    lines.push('');
  }
  lines.push('');
  return out(...lines);
}

/** A table with headers underlined by dashes; columns as wide as their widest cell. */
export function formatTable(
  headers: readonly string[],
  rows: readonly PsValue[][],
  rightAlign: readonly string[] = [],
): ConsoleLine[] {
  const cells = rows.map((r) => r.map(psValue));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
  const fmt = (vals: readonly string[]) =>
    vals
      .map((v, i) => {
        const last = i === vals.length - 1;
        const w = widths[i] ?? v.length;
        if (rightAlign.includes(headers[i] ?? '')) return v.padStart(w);
        return last ? v : v.padEnd(w);
      })
      .join(' ')
      .trimEnd();
  return out(
    '',
    fmt(headers),
    fmt(
      headers.map((h, i) => '-'.repeat(Math.max(h.length, i === headers.length - 1 ? h.length : h.length))),
    ),
    ...cells.map(fmt),
    '',
  );
}

export function psDate(ms: number | undefined, offsetMinutes = 0): string {
  return ms === undefined || ms <= 0 ? '' : formatShortDateTime(ms, offsetMinutes);
}

/** A collection as PowerShell's formatter shows it: `{a, b, c, d...}` (four items at most). */
export function psCollection(items: readonly string[]): string {
  const shown = items.slice(0, 4).join(', ');
  return `{${shown}${items.length > 4 ? '...' : ''}}`;
}

/** A DateTime property: shown as psDate shows it, sorted by time; empty when there is none. */
export function psDateValue(ms: number | undefined, offsetMinutes = 0): PsValue {
  return ms === undefined || ms <= 0
    ? ''
    : { text: psDate(ms, offsetMinutes), order: ms, type: 'System.DateTime' };
}

export function psSpan(ms: number | undefined): string {
  return ms === undefined ? '' : formatTimeSpan(ms);
}
