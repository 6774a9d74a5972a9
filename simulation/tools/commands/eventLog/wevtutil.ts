/**
 * wevtutil: `el` (the logs) and `qe` (a log's events with /c, /rd, /f:text|xml and /q, an XPath
 * query on EventID, Provider Name and Level), in wevtutil's text and XML renderings.
 */
import { isoLocal } from '../time/hostTime';
import type { WinEvent } from '../../../windows/eventlog';
import { out } from '../../shell/psError';
import { entriesOf, findLog, instanceIdOf, LEVEL_NUMBER, levelDisplay, logsOf, shownTime } from './logs';
import { done, type CommandDef, type CommandEnv } from '../types';

const WEVTUTIL_USAGE = [
  'Windows Events Command Line Utility.',
  '',
  'Enables you to retrieve information about event logs and publishers, install',
  'and uninstall event manifests, run queries, and export, archive and clear logs.',
  '',
  'Usage:',
  '',
  'You can use either the short (for example, ep /uni) or long (for example,',
  'enum-publishers /unicode) version of the command and option names. Commands,',
  'options and option values are not case-sensitive.',
  '',
  'Variables are noted in all upper-case.',
  '',
  'wevtutil COMMAND [ARGUMENT [ARGUMENT] ...] [/OPTION:VALUE [/OPTION:VALUE] ...]',
  '',
  'Commands:',
  '',
  'el | enum-logs          List log names.',
  'gl | get-log            Get log configuration information.',
  'sl | set-log            Modify configuration of a log.',
  'ep | enum-publishers    List event publishers.',
  'gp | get-publisher      Get publisher configuration information.',
  'im | install-manifest   Install event publishers and logs from manifest.',
  'um | uninstall-manifest Uninstall event publishers and logs from manifest.',
  'qe | query-events       Query events from a log or log file.',
  'gli | get-log-info      Get log status information.',
  'epl | export-log        Export a log.',
  'al | archive-log        Archive an exported log.',
  'cl | clear-log          Clear a log.',
];

/** wevtutil's Keyword for an event: audits say so, classic sources say "Classic". */
function keywordOf(e: WinEvent): string {
  if (e.level === 'Audit Success') return 'Audit Success';
  if (e.level === 'Audit Failure') return 'Audit Failure';
  return e.source.startsWith('Microsoft-Windows-') ? 'N/A' : 'Classic';
}

function xmlEscape(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/'/g, '&apos;')
    .replace(/"/g, '&quot;');
}

function eventText(env: CommandEnv, e: WinEvent, index: number): string[] {
  return [
    `Event[${index}]:`,
    `  Log Name: ${e.log}`,
    `  Source: ${e.source}`,
    `  Date: ${isoLocal(shownTime(env, e))}`,
    `  Event ID: ${e.eventId}`,
    `  Task: ${e.taskCategory ?? 'N/A'}`,
    `  Level: ${levelDisplay(e.level)}`,
    '  Opcode: Info',
    `  Keyword: ${keywordOf(e)}`,
    '  User: N/A',
    `  User Name: ${e.user ?? 'N/A'}`,
    `  Computer: ${e.computer}`,
    '  Description: ',
    ...e.message.split(/\r?\n/),
    '',
  ];
}

function eventXml(env: CommandEnv, e: WinEvent): string {
  const utc = isoLocal(e.time + env.host.clockOffsetMs);
  const qualifiers = instanceIdOf(e) > 0xffff ? Math.floor(instanceIdOf(e) / 0x10000) : 0;
  return (
    `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>` +
    `<Provider Name='${xmlEscape(e.source)}'/><EventID Qualifiers='${qualifiers}'>${e.eventId}</EventID>` +
    `<Version>0</Version><Level>${LEVEL_NUMBER[e.level]}</Level><Task>0</Task><Opcode>0</Opcode>` +
    `<Keywords>${e.level === 'Audit Success' ? '0x8020000000000000' : e.level === 'Audit Failure' ? '0x8010000000000000' : '0x80000000000000'}</Keywords>` +
    `<TimeCreated SystemTime='${utc}0000Z'/><EventRecordID>${e.recordId}</EventRecordID><Correlation/>` +
    `<Execution ProcessID='0' ThreadID='0'/><Channel>${xmlEscape(e.log)}</Channel>` +
    `<Computer>${xmlEscape(e.computer)}</Computer><Security/></System>` +
    `<EventData><Data>${xmlEscape(e.message)}</Data></EventData></Event>`
  );
}

/** The parts of an XPath query wevtutil users type: EventID, Provider Name and Level tests. */
function xpathFilter(q: string): ((e: WinEvent) => boolean) | undefined {
  const ids = [...q.matchAll(/EventID\s*=\s*(\d+)/gi)].map((m) => Number(m[1]));
  const providers = [...q.matchAll(/Provider\[@Name\s*=\s*['"]([^'"]+)['"]\]/gi)].map((m) =>
    (m[1] ?? '').toLowerCase(),
  );
  const levels = [...q.matchAll(/Level\s*=\s*(\d+)/gi)].map((m) => Number(m[1]));
  if (!/^\*(\[.*\])?$/.test(q.trim())) return undefined;
  return (e) =>
    (ids.length === 0 || ids.includes(e.eventId)) &&
    (providers.length === 0 || providers.includes(e.source.toLowerCase())) &&
    (levels.length === 0 || levels.includes(LEVEL_NUMBER[e.level]));
}

export const wevtutil: CommandDef = {
  name: 'wevtutil',
  run: (env) => {
    const args = env.cmd.args.map((a) => a.text);
    const command = args[0]?.toLowerCase();
    const errorLines = (...t: string[]) => done(t.map((text) => ({ kind: 'error' as const, text })));
    if (!command || command === '/?' || command === '-?') return done(out(...WEVTUTIL_USAGE));
    if (command === 'el' || command === 'enum-logs') return done(out(...logsOf(env.host).map((l) => l.name)));
    if (command !== 'qe' && command !== 'query-events') return errorLines('The parameter is incorrect.');
    const logName = args[1];
    if (!logName || logName.startsWith('/')) return errorLines('The parameter is incorrect.');
    let count: number | undefined;
    let reverse = false;
    let format = 'xml';
    let filter: ((e: WinEvent) => boolean) | undefined;
    for (const a of args.slice(2)) {
      const m = /^[/-]([a-z]+):(.*)$/i.exec(a);
      if (!m) return errorLines('The parameter is incorrect.');
      const key = (m[1] ?? '').toLowerCase();
      const val = m[2] ?? '';
      if (key === 'c' || key === 'count') {
        if (!/^\d+$/.test(val)) return errorLines('The parameter is incorrect.');
        count = Number(val);
      } else if (key === 'rd' || key === 'reversedirection') reverse = val.toLowerCase() === 'true';
      else if (key === 'f' || key === 'format') {
        const f = val.toLowerCase();
        if (!['text', 'xml', 'renderedxml'].includes(f)) return errorLines('The parameter is incorrect.');
        format = f;
      } else if (key === 'q' || key === 'query') {
        filter = xpathFilter(val);
        if (!filter) return errorLines('Failed to read events. The specified query is invalid.');
      } else if (
        ![
          'e',
          'element',
          'lf',
          'logfile',
          'sq',
          'structuredquery',
          'bm',
          'bookmark',
          'sbm',
          'savebookmark',
          'l',
          'locale',
          'u',
          'unicode',
        ].includes(key)
      ) {
        return errorLines('The parameter is incorrect.');
      }
    }
    const log = findLog(env.host, logName, false);
    if (!log) return errorLines('Failed to read events. The specified channel could not be found.');
    let events = entriesOf(env.host, log.name).filter((e) => !filter || filter(e));
    if (reverse) events = [...events].reverse();
    if (count !== undefined) events = events.slice(0, count);
    if (format === 'text') return done(out(...events.flatMap((e, i) => eventText(env, e, i))));
    return done(out(...events.map((e) => eventXml(env, e))));
  },
};
