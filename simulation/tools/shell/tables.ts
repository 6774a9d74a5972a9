/**
 * The layouts PowerShell's format views print: fixed-width tables (Format-Table with a view's
 * widths) and Format-List records. Pure.
 */

/** Windows PowerShell 5.1's default console buffer width: tables fit in one character less. */
export const CONSOLE_WIDTH = 120;

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
