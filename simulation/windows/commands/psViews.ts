/**
 * How PowerShell shows objects that reach the end of a pipeline: a type's own format view when it
 * has one (the Get-Service table, Get-WinEvent's table grouped by provider), else a table for up to
 * four properties and a list for five or more, as the default formatter does. Format-Table and
 * Format-List with or without property names. Pure.
 */
import type { ConsoleLine } from '../hostState';
import { isScalar, namesMatching, objectText, valueOf, type PsObject } from '../shell/psObject';
import { out } from '../shell/psError';
import { formatList, formatTable, psValue, type PsValue } from './psFormat';
import { CONSOLE_WIDTH, fixedTable, listRecords, type Column } from './sysShared';
import type { CommandResult } from './types';

export const SERVICE_TYPE = 'System.ServiceProcess.ServiceController';
export const EVENT_TYPE = 'System.Diagnostics.Eventing.Reader.EventLogRecord';

interface FormatView {
  /** The table columns (widths from the format view), each showing the property of its header. */
  table: readonly Column[];
  /** Rows come in groups headed `   <groupBy>: <value>`. */
  groupBy?: string;
  /** What Format-List shows without property names (all properties when absent). */
  list?: readonly string[];
}

const VIEWS: Readonly<Record<string, FormatView>> = {
  [SERVICE_TYPE]: {
    table: [
      { header: 'Status', width: 8 },
      { header: 'Name', width: 18 },
      { header: 'DisplayName', width: 38 },
    ],
  },
  [EVENT_TYPE]: {
    table: [
      { header: 'TimeCreated', width: 25 },
      { header: 'Id', width: 8, align: 'right' },
      { header: 'LevelDisplayName', width: 16 },
      { header: 'Message' },
    ],
    groupBy: 'ProviderName',
    list: ['TimeCreated', 'ProviderName', 'Id', 'Message'],
  },
};

const cell = (o: PsObject, name: string) => psValue(valueOf(o, name));

function viewTable(view: FormatView, objects: readonly PsObject[]): ConsoleLine[] {
  const rows = (group: readonly PsObject[]) =>
    fixedTable(
      view.table,
      group.map((o) => view.table.map((c) => cell(o, c.header))),
    );
  if (!view.groupBy) return out('', ...rows(objects), '');
  const by = view.groupBy;
  const lines: string[] = [''];
  let i = 0;
  while (i < objects.length) {
    const key = cell(objects[i] as PsObject, by);
    const group: PsObject[] = [];
    while (i < objects.length && cell(objects[i] as PsObject, by) === key)
      group.push(objects[i++] as PsObject);
    lines.push('', `   ${by}: ${key}`, '', ...rows(group));
  }
  lines.push('');
  return out(...lines);
}

function scalars(objects: readonly PsObject[]): ConsoleLine[] {
  return out(...objects.map((o) => psValue(o.value ?? objectText(o))));
}

/** Format-Table: the named properties (wildcards allowed), or the type's table, or every property. */
export function tableOf(objects: readonly PsObject[], names?: readonly string[]): ConsoleLine[] {
  const first = objects[0];
  if (!first) return [];
  if (isScalar(first)) return scalars(objects);
  const view = VIEWS[first.typeName];
  if (!names && view) return viewTable(view, objects);
  const all = namesMatching(first, names ?? first.props.map(([k]) => k));
  // Columns that would pass the console's width are left out, with PowerShell's warning.
  let used = -1;
  const headers = all.filter((h, i) => {
    const w = Math.max(h.length, ...objects.map((o) => cell(o, h).length));
    used += w + 1;
    return i === 0 || used <= CONSOLE_WIDTH - 1;
  });
  const dropped = all.length - headers.length;
  const warn: ConsoleLine[] =
    dropped > 0
      ? [
          {
            kind: 'warning',
            text: `WARNING: ${dropped} columns do not fit into the display and were removed.`,
          },
        ]
      : [];
  const rows: PsValue[][] = objects.map((o) => headers.map((h) => valueOf(o, h)));
  // PowerShell right-aligns numbers in a table.
  const numeric = headers.filter((_h, i) => {
    const vals = rows.map((r) => r[i]).filter((v) => v !== undefined && v !== null && v !== '');
    return vals.length > 0 && vals.every((v) => typeof v === 'number');
  });
  return [...warn, ...formatTable(headers, rows, numeric)];
}

/** Format-List: the named properties (`*` for all), or the type's list, or every property. */
export function listOf(objects: readonly PsObject[], names?: readonly string[]): ConsoleLine[] {
  const first = objects[0];
  if (!first) return [];
  if (isScalar(first)) return scalars(objects);
  const wanted = names ?? VIEWS[first.typeName]?.list;
  return out(
    ...listRecords(
      objects.map((o) => {
        const keys = wanted ? namesMatching(o, wanted) : o.props.map(([k]) => k);
        return keys.map((k): [string, string] => [k, cell(o, k)]);
      }),
    ),
  );
}

/** What PowerShell prints for objects nothing else formats. */
export function display(objects: readonly PsObject[]): ConsoleLine[] {
  const first = objects[0];
  if (!first) return [];
  if (isScalar(first)) return scalars(objects);
  if (VIEWS[first.typeName]) return tableOf(objects);
  return first.props.length <= 4 ? tableOf(objects) : listOf(objects);
}

/** A cmdlet's output shown as a list (the AD and ADSync cmdlets), with the objects it writes. */
export function listed(typeName: string, records: [string, PsValue][][]): CommandResult {
  if (records.length === 0) return { lines: [], objects: [] };
  return { lines: formatList(records), objects: records.map((props) => ({ typeName, props })) };
}
