/**
 * The format views of a few types that print neither as the generic table nor as the generic list:
 * a DateTime (its long text), the DNS client's server addresses (a table with two-line headers and
 * the address family by name) and Test-NetConnection's result (a list with its own labels). The
 * cmdlets write their objects; psViews shows them through these. Pure.
 */
import type { ConsoleLine } from '../../windows/hostState';
import { monthDayTime } from '../commands/time/hostTime';
import { out } from './psError';
import { valueOf, type PsObject } from './psObject';
import { isTyped, psValue } from './psFormat';
import { fixedTable } from './tables';

export const DATE_TYPE = 'System.DateTime';
export const DNS_SERVER_TYPE =
  'Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_DNSClientServerAddress';
export const TNC_TYPE = 'TestNetConnectionResult';
/** What Get-EventLog writes (classic logs). */
export const EVENTLOG_ENTRY_TYPE = 'System.Diagnostics.EventLogEntry';

/** The properties Format-List shows of an EventLogEntry when none are named (its list view). */
export const EVENTLOG_ENTRY_LIST = [
  'Index',
  'EntryType',
  'InstanceId',
  'Message',
  'Category',
  'CategoryNumber',
  'ReplacementStrings',
  'Source',
  'TimeGenerated',
  'TimeWritten',
  'UserName',
];

/** Test-NetConnection's list shows two properties under longer labels. */
export const TNC_LABELS: Readonly<Record<string, string>> = {
  NetRoute: 'NetRoute (NextHop)',
  PingReplyDetails: 'PingReplyDetails (RTT)',
};

const text = (o: PsObject, name: string) => psValue(valueOf(o, name));

/** A DateTime as the console shows it: the long date and time, or the part its DisplayHint names. */
export function dateView(objects: readonly PsObject[]): ConsoleLine[] {
  const shown = objects.map((o) => {
    const long = text(o, 'DateTime');
    const [date = long, time = ''] = /^(.*\d{4}) (.*)$/.exec(long)?.slice(1) ?? [];
    const hint = text(o, 'DisplayHint');
    return hint === 'Date' ? date : hint === 'Time' ? time : long;
  });
  return out('', ...shown, '', '');
}

/** AddressFamily is a number on the object (2, 23); the view names it. */
const FAMILY: Readonly<Record<string, string>> = { '2': 'IPv4', '23': 'IPv6' };

export function dnsServerTable(objects: readonly PsObject[]): ConsoleLine[] {
  const line = (a: string, b: string, c: string, d: string) =>
    `${a.padEnd(28)} ${b} ${c.padEnd(7)} ${d}`.trimEnd();
  return out(
    '',
    line('InterfaceAlias', 'Interface', 'Address', 'ServerAddresses'),
    line('', 'Index    ', 'Family', ''),
    line('--------------', '---------', '-------', '---------------'),
    ...objects.map((o) => {
      const alias = text(o, 'InterfaceAlias');
      const family = text(o, 'AddressFamily');
      return line(
        alias.length > 28 ? `${alias.slice(0, 25)}...` : alias,
        text(o, 'InterfaceIndex').padStart(9),
        FAMILY[family] ?? family,
        text(o, 'ServerAddresses'),
      );
    }),
    '',
    '',
  );
}

/**
 * Get-EventLog's table view: Index, Time (`MMM dd HH:mm` of TimeGenerated, which holds the host's
 * local time), EntryType, Source, InstanceID and the message's first line, with fixed widths.
 */
export function eventLogTable(objects: readonly PsObject[]): ConsoleLine[] {
  const time = (o: PsObject) => {
    const t = valueOf(o, 'TimeGenerated');
    return isTyped(t) ? monthDayTime(t.order) : psValue(t);
  };
  return out(
    '',
    ...fixedTable(
      [
        { header: 'Index', width: 8, align: 'right' },
        { header: 'Time', width: 13 },
        { header: 'EntryType', width: 11 },
        { header: 'Source', width: 20 },
        { header: 'InstanceID', width: 12, align: 'right' },
        { header: 'Message' },
      ],
      objects.map((o) => [
        text(o, 'Index'),
        time(o),
        text(o, 'EntryType'),
        text(o, 'Source'),
        text(o, 'InstanceId'),
        text(o, 'Message'),
      ]),
    ),
    '',
  );
}
