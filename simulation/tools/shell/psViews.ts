/**
 * How PowerShell shows objects that reach the end of a pipeline: a type's own format view when it
 * has one (the Get-Service table, Get-WinEvent's table grouped by provider, Get-Date's text), else
 * a table for up to four properties and a list for five or more, as the default formatter does.
 * Format-Table and Format-List with or without property names. Pure.
 */
import { CONSOLE_WIDTH, type Column, fixedTable, listRecords } from './tables';
import type { ConsoleLine } from '../../windows/hostState';
import { isScalar, namesMatching, objectText, valueOf, type PsObject } from './psObject';
import { out } from './psError';
import {
  DATE_TYPE,
  DNS_SERVER_TYPE,
  dateView,
  dnsServerTable,
  EVENTLOG_ENTRY_LIST,
  EVENTLOG_ENTRY_TYPE,
  eventLogTable,
  TNC_LABELS,
  TNC_TYPE,
} from './customViews';
import { formatTable, psValue, type PsValue } from './psFormat';
import type { CommandResult } from '../commands/types';

export const SERVICE_TYPE = 'System.ServiceProcess.ServiceController';
export const EVENT_TYPE = 'System.Diagnostics.Eventing.Reader.EventLogRecord';

interface FormatView {
  /** The table columns (widths from the format view), each showing the property of its header. */
  table?: readonly Column[];
  /** Rows come in groups headed `   <groupBy>: <value>`. */
  groupBy?: string;
  /** What Format-List shows without property names (all properties when absent). */
  list?: readonly string[];
  /** Labels the list view shows instead of property names. */
  labels?: Readonly<Record<string, string>>;
  /** The default view when it is neither the table nor the generic one: the list, or lines of its own. */
  shows?: 'list' | ((objects: readonly PsObject[]) => ConsoleLine[]);
  /** `shows` is the type's table view: Format-Table without property names prints it too. */
  showsTable?: boolean;
}

const VIEWS: Readonly<Record<string, FormatView>> = {
  [SERVICE_TYPE]: {
    table: [
      { header: 'Status', width: 8 },
      { header: 'Name', width: 18 },
      { header: 'DisplayName', width: 38 },
    ],
    list: [
      'Name',
      'DisplayName',
      'Status',
      'DependentServices',
      'ServicesDependedOn',
      'CanPauseAndContinue',
      'CanShutdown',
      'CanStop',
      'ServiceType',
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
  [DATE_TYPE]: { shows: dateView },
  [DNS_SERVER_TYPE]: { shows: dnsServerTable },
  [TNC_TYPE]: { shows: 'list', labels: TNC_LABELS },
  [EVENTLOG_ENTRY_TYPE]: { shows: eventLogTable, showsTable: true, list: EVENTLOG_ENTRY_LIST },
};

const cell = (o: PsObject, name: string) => psValue(valueOf(o, name));

function viewTable(
  view: FormatView & { table: readonly Column[] },
  objects: readonly PsObject[],
): ConsoleLine[] {
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
  if (!names && view?.table) return viewTable({ ...view, table: view.table }, objects);
  if (!names && view?.showsTable && typeof view.shows === 'function') return view.shows(objects);
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
  const view = VIEWS[first.typeName];
  const wanted = names ?? view?.list;
  const label = (k: string) => (names ? k : (view?.labels?.[k] ?? k));
  return out(
    ...listRecords(
      objects.map((o) => {
        const keys = wanted ? namesMatching(o, wanted) : o.props.map(([k]) => k);
        return keys.map((k): [string, string] => [label(k), cell(o, k)]);
      }),
    ),
  );
}

/** What PowerShell prints for objects nothing else formats. */
export function display(objects: readonly PsObject[]): ConsoleLine[] {
  const first = objects[0];
  if (!first) return [];
  if (isScalar(first) || first.props.length === 0) return scalars(objects);
  const view = VIEWS[first.typeName];
  if (typeof view?.shows === 'function') return view.shows(objects);
  if (view?.shows === 'list') return listOf(objects);
  if (view?.table) return tableOf(objects);
  return first.props.length <= 4 ? tableOf(objects) : listOf(objects);
}

/** A cmdlet's objects and what they print when nothing follows them on the pipeline. */
export function shown(typeName: string, records: [string, PsValue][][]): CommandResult {
  const objects = records.map((props): PsObject => ({ typeName, props }));
  return { lines: display(objects), objects };
}

/** A cmdlet's output shown as a list (the AD and ADSync cmdlets), with the objects it writes. */
export function listed(typeName: string, records: [string, PsValue][][]): CommandResult {
  const objects = records.map((props): PsObject => ({ typeName, props }));
  return { lines: listOf(objects), objects };
}
