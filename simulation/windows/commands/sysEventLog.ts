/**
 * Event logs from the console: Get-EventLog (classic logs, -List), Get-WinEvent (-LogName,
 * -ProviderName, -ListLog, -FilterHashtable, -MaxEvents) and wevtutil (qe, el). They read the
 * host's logs as they are when the command runs and print them in the cmdlets' format views:
 * Get-EventLog's Index/Time/EntryType/Source/InstanceID/Message table, Get-WinEvent's table
 * grouped under "ProviderName:" headers, wevtutil's text and XML renderings.
 */
import { formatShortDateTime } from '../../core/time';
import type { EventLevel, LogName, WinEvent } from '../eventlog';
import type { ConsoleLine, WindowsHostContext } from '../hostState';
import type { CmdletSpec } from '../shell/bind';
import { hashtableOf, hashtableValue, type HashtableValue } from '../shell/parse';
import { formatPsError, out } from '../shell/psError';
import {
  ambiguousParameterSet,
  bind,
  cmdletError,
  fixedTable,
  isoLocal,
  likeName,
  listRecords,
  localNow,
  missingMandatory,
  monthDayTime,
  parseLocalDate,
  pipedToFormatList,
  toLocal,
  validationError,
  valueToken,
} from './sysShared';
import { done, type CommandDef, type CommandEnv } from './types';

const NS = 'Microsoft.PowerShell.Commands';

// ---------------------------------------------------------------------------------------------
// The logs a host has

interface LogInfo {
  name: string;
  /** Maximum size in KB. */
  maxK: number;
  classic: boolean;
}

const BASE_LOGS: readonly LogInfo[] = [
  { name: 'Application', maxK: 20480, classic: true },
  { name: 'HardwareEvents', maxK: 20480, classic: true },
  { name: 'Internet Explorer', maxK: 1028, classic: true },
  { name: 'Key Management Service', maxK: 20480, classic: true },
  { name: 'Security', maxK: 20480, classic: true },
  { name: 'System', maxK: 20480, classic: true },
  { name: 'Windows PowerShell', maxK: 15360, classic: true },
];

const DC_LOGS: readonly LogInfo[] = [
  { name: 'Active Directory Web Services', maxK: 1028, classic: true },
  { name: 'DFS Replication', maxK: 15360, classic: true },
  { name: 'Directory Service', maxK: 1028, classic: true },
  { name: 'DNS Server', maxK: 1028, classic: true },
];

/** A few of the many operational logs -ListLog * shows (the lab writes nothing to them). */
const OTHER_LOGS: readonly LogInfo[] = [
  { name: 'ForwardedEvents', maxK: 20480, classic: false },
  { name: 'Setup', maxK: 1028, classic: false },
  { name: 'Microsoft-Windows-PowerShell/Operational', maxK: 15360, classic: false },
  { name: 'Microsoft-Windows-Time-Service/Operational', maxK: 1028, classic: false },
  { name: 'Microsoft-Windows-Windows Firewall With Advanced Security/Firewall', maxK: 1028, classic: false },
];

export function logsOf(host: WindowsHostContext): LogInfo[] {
  const classic = [...BASE_LOGS, ...(host.kind === 'dc' ? DC_LOGS : [])].sort((a, b) =>
    a.name.toLowerCase().localeCompare(b.name.toLowerCase()),
  );
  return [...classic, ...OTHER_LOGS];
}

function entriesOf(host: WindowsHostContext, log: string): WinEvent[] {
  return host.logs[log as LogName]?.entries ?? [];
}

function findLog(host: WindowsHostContext, name: string, classicOnly: boolean): LogInfo | undefined {
  return logsOf(host).find((l) => l.name.toLowerCase() === name.toLowerCase() && (!classicOnly || l.classic));
}

/** Classic sources carry severity bits in the event id: Get-EventLog's InstanceID shows them. */
export function instanceIdOf(e: WinEvent): number {
  if (e.source === 'Service Control Manager') {
    const sev =
      e.level === 'Error' || e.level === 'Critical'
        ? 0xc0000000
        : e.level === 'Warning'
          ? 0x80000000
          : 0x40000000;
    return sev + e.eventId;
  }
  if (e.source === 'EventLog') return 0x80000000 + e.eventId;
  return e.eventId;
}

function entryType(level: EventLevel): string {
  switch (level) {
    case 'Critical':
    case 'Error':
      return 'Error';
    case 'Warning':
      return 'Warning';
    case 'Audit Success':
      return 'SuccessAudit';
    case 'Audit Failure':
      return 'FailureAudit';
    default:
      return 'Information';
  }
}

function levelDisplay(level: EventLevel): string {
  return level === 'Audit Success' || level === 'Audit Failure' ? 'Information' : level;
}

const LEVEL_NUMBER: Record<EventLevel, number> = {
  Critical: 1,
  Error: 2,
  Warning: 3,
  Information: 4,
  'Audit Success': 0,
  'Audit Failure': 0,
};

const shownTime = (env: CommandEnv, e: WinEvent) => toLocal(env, e.time);

// ---------------------------------------------------------------------------------------------
// Get-EventLog

const getEventLogSpec: CmdletSpec = {
  name: 'Get-EventLog',
  className: `${NS}.GetEventLogCommand`,
  params: [
    { name: 'LogName', type: 'string', position: 0, aliases: ['LN'] },
    { name: 'InstanceId', type: 'strings', position: 1 },
    { name: 'Newest', type: 'int' },
    { name: 'After', type: 'string' },
    { name: 'Before', type: 'string' },
    { name: 'Source', type: 'strings', aliases: ['ABO'] },
    { name: 'EntryType', type: 'strings', aliases: ['ET'] },
    { name: 'Message', type: 'string', aliases: ['MSG'] },
    { name: 'UserName', type: 'strings' },
    { name: 'Index', type: 'strings' },
    { name: 'List', type: 'switch' },
    { name: 'AsString', type: 'switch' },
    { name: 'AsBaseObject', type: 'switch' },
  ],
};

const ENTRY_TYPES = ['Error', 'Information', 'FailureAudit', 'SuccessAudit', 'Warning'];

function convertError(
  env: CommandEnv,
  spec: CmdletSpec,
  param: string,
  raw: string,
  type: string,
  reason: string,
): ConsoleLine[] {
  const at = valueToken(env.cmd.args, param);
  return formatPsError({
    command: spec.name,
    message: `Cannot bind parameter '${param}'. Cannot convert value "${raw}" to type "${type}". Error: "${reason}"`,
    line: env.line,
    column: at?.at ?? env.cmd.nameAt,
    length: at ? Math.max(1, at.end - at.at) : 1,
    category: 'InvalidArgument',
    target: ':',
    activity: `[${spec.name}]`,
    exception: 'ParameterBindingException',
    errorId: `CannotConvertArgumentNoMessage,${spec.className}`,
  });
}

function dateParam(
  env: CommandEnv,
  spec: CmdletSpec,
  param: string,
  raw: unknown,
): number | ConsoleLine[] | undefined {
  if (raw === undefined) return undefined;
  const v = parseLocalDate(String(raw), localNow(env));
  return (
    v ??
    convertError(
      env,
      spec,
      param,
      String(raw),
      'System.DateTime',
      'String was not recognized as a valid DateTime.',
    )
  );
}

/** `20,480` (the N0 format). */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function eventLogList(env: CommandEnv): ConsoleLine[] {
  const rows = logsOf(env.host)
    .filter((l) => l.classic)
    .map((l) => [
      thousands(l.maxK),
      '0',
      'OverwriteAsNeeded',
      thousands(entriesOf(env.host, l.name).length),
      l.name,
    ]);
  return out(
    '',
    ...fixedTable(
      [
        { header: 'Max(K)', width: 8, align: 'right' },
        { header: 'Retain', width: 6, align: 'right' },
        { header: 'OverflowAction', width: 17 },
        { header: 'Entries', width: 11, align: 'right' },
        { header: 'Log' },
      ],
      rows,
    ),
    '',
  );
}

export const getEventLog: CommandDef = {
  names: ['get-eventlog'],
  kind: 'cmdlet',
  run: (env) => {
    const spec = getEventLogSpec;
    const b = bind(env, spec);
    if (!b.ok) return done(formatPsError(b.error));
    const v = b.values;
    if (v.List) {
      if (v.LogName !== undefined) return done(ambiguousParameterSet(env, spec));
      return done(eventLogList(env));
    }
    if (v.LogName === undefined) return done(missingMandatory(env, spec, ['LogName']));
    const logName = v.LogName as string;
    const newest = v.Newest as number | undefined;
    if (newest !== undefined && newest < 0)
      return done(
        validationError(
          env,
          spec,
          'Newest',
          `The ${newest} argument is less than the minimum allowed range of 0. Supply an argument that is greater than or equal to 0 and then try the command again.`,
        ),
      );
    const types = v.EntryType as string[] | undefined;
    const badType = types?.find((t) => !ENTRY_TYPES.some((x) => x.toLowerCase() === t.toLowerCase()));
    if (badType !== undefined)
      return done(
        validationError(
          env,
          spec,
          'EntryType',
          `The argument "${badType}" does not belong to the set "${ENTRY_TYPES.join(',')}" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.`,
        ),
      );
    const ids = v.InstanceId as string[] | undefined;
    const badId = ids?.find((x) => !/^\d+$/.test(x));
    if (badId !== undefined)
      return done(
        convertError(
          env,
          spec,
          'InstanceId',
          badId,
          'System.Int64',
          'Input string was not in a correct format.',
        ),
      );
    const indexes = v.Index as string[] | undefined;
    const badIndex = indexes?.find((x) => !/^\d+$/.test(x));
    if (badIndex !== undefined)
      return done(
        convertError(
          env,
          spec,
          'Index',
          badIndex,
          'System.Int32',
          'Input string was not in a correct format.',
        ),
      );
    const after = dateParam(env, spec, 'After', v.After);
    if (Array.isArray(after)) return done(after);
    const before = dateParam(env, spec, 'Before', v.Before);
    if (Array.isArray(before)) return done(before);
    const log = findLog(env.host, logName, true);
    if (!log) {
      return done(
        cmdletError(env, spec, {
          message: `The event log '${logName}' on computer '.' does not exist.`,
          category: 'NotSpecified',
          exception: 'InvalidOperationException',
          errorId: 'System.InvalidOperationException',
        }),
      );
    }
    const sources = v.Source as string[] | undefined;
    const message = v.Message as string | undefined;
    const users = v.UserName as string[] | undefined;
    let events = [...entriesOf(env.host, log.name)]
      .reverse()
      .filter(
        (e) =>
          (!ids || ids.some((x) => Number(x) === instanceIdOf(e))) &&
          (!indexes || indexes.some((x) => Number(x) === e.recordId)) &&
          (!sources || sources.some((s) => likeName(s, e.source))) &&
          (!types || types.some((t) => t.toLowerCase() === entryType(e.level).toLowerCase())) &&
          (!message || likeName(message, e.message)) &&
          (!users || users.some((u) => likeName(u, e.user ?? ''))) &&
          (after === undefined || shownTime(env, e) > after) &&
          (before === undefined || shownTime(env, e) < before),
      );
    if (newest !== undefined) events = events.slice(0, newest);
    if (events.length === 0) {
      return done(
        cmdletError(env, spec, {
          message: 'No matches found',
          category: 'ObjectNotFound',
          exception: 'ArgumentException',
          errorId: 'GetEventLogNoEntriesFound',
        }),
      );
    }
    if (pipedToFormatList(env)) {
      return done(
        out(
          ...listRecords(
            events.map((e) => [
              ['Index', String(e.recordId)],
              ['EntryType', entryType(e.level)],
              ['InstanceId', String(instanceIdOf(e))],
              ['Message', e.message],
              ['Category', e.taskCategory ?? '(0)'],
              ['CategoryNumber', '0'],
              ['ReplacementStrings', `{${e.message.split(/\r?\n/)[0] ?? ''}}`],
              ['Source', e.source],
              ['TimeGenerated', formatShortDateTime(shownTime(env, e), 0)],
              ['TimeWritten', formatShortDateTime(shownTime(env, e), 0)],
              ['UserName', e.user ?? ''],
            ]),
          ),
        ),
      );
    }
    return done(
      out(
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
          events.map((e) => [
            String(e.recordId),
            monthDayTime(shownTime(env, e)),
            entryType(e.level),
            e.source,
            String(instanceIdOf(e)),
            e.message,
          ]),
        ),
        '',
      ),
    );
  },
};

// ---------------------------------------------------------------------------------------------
// Get-WinEvent

const getWinEventSpec: CmdletSpec = {
  name: 'Get-WinEvent',
  className: `${NS}.GetWinEventCommand`,
  params: [
    { name: 'LogName', type: 'strings', position: 0 },
    { name: 'ListLog', type: 'strings' },
    { name: 'ListProvider', type: 'strings' },
    { name: 'ProviderName', type: 'strings' },
    { name: 'MaxEvents', type: 'int' },
    { name: 'Oldest', type: 'switch' },
    { name: 'FilterHashtable', type: 'string' },
    { name: 'FilterXPath', type: 'string' },
    { name: 'Force', type: 'switch' },
  ],
};

/** Text of Get-WinEvent's "nothing found" error. */
export const NO_EVENTS_FOUND = 'No events were found that match the specified selection criteria.';

function noEvents(env: CommandEnv): ConsoleLine[] {
  return cmdletError(env, getWinEventSpec, {
    message: NO_EVENTS_FOUND,
    category: 'ObjectNotFound',
    exception: 'Exception',
    errorId: 'NoMatchingEventsFound',
  });
}

function noLog(env: CommandEnv, name: string): ConsoleLine[] {
  return cmdletError(env, getWinEventSpec, {
    message: `There is not an event log on the localhost computer that matches "${name}".`,
    category: 'ObjectNotFound',
    targetName: name,
    targetType: 'String',
    exception: 'Exception',
    errorId: 'NoMatchingLogsFound',
  });
}

function noProvider(env: CommandEnv, name: string): ConsoleLine[] {
  return cmdletError(env, getWinEventSpec, {
    message: `There is not an event provider on the localhost computer that matches "${name}".`,
    category: 'ObjectNotFound',
    targetName: name,
    targetType: 'String',
    exception: 'Exception',
    errorId: 'NoMatchingProvidersFound',
  });
}

/** Event providers the host has registered: every source its logs hold, plus the usual ones. */
function providersOf(host: WindowsHostContext): string[] {
  const known = new Set<string>([
    'Service Control Manager',
    'EventLog',
    'Microsoft-Windows-Kernel-General',
    'Microsoft-Windows-Security-Auditing',
    'Microsoft-Windows-Time-Service',
    'NETLOGON',
    'Dhcp-Client',
  ]);
  if (host.kind === 'sync')
    for (const s of [
      'ADSync',
      'Directory Synchronization',
      'PasswordResetService',
      'AzureActiveDirectorySyncUpdater',
    ])
      known.add(s);
  if (host.kind === 'dc')
    for (const s of [
      'Microsoft-Windows-ActiveDirectory_DomainService',
      'ADWS',
      'DNS',
      'Microsoft-Windows-DHCP-Server',
      'DFSR',
    ])
      known.add(s);
  for (const l of Object.values(host.logs)) for (const e of l?.entries ?? []) known.add(e.source);
  return [...known];
}

function listLog(env: CommandEnv, patterns: string[]): ConsoleLine[] {
  const errors: ConsoleLine[] = [];
  const rows: string[][] = [];
  for (const p of patterns) {
    const matched = logsOf(env.host).filter((l) => likeName(p, l.name));
    if (matched.length === 0) errors.push(...noLog(env, p));
    for (const l of matched)
      rows.push(['Circular', String(l.maxK * 1024), String(entriesOf(env.host, l.name).length), l.name]);
  }
  const table = rows.length
    ? out(
        '',
        ...fixedTable(
          [
            { header: 'LogMode', width: 9 },
            { header: 'MaximumSizeInBytes', width: 18, align: 'right' },
            { header: 'RecordCount', width: 11, align: 'right' },
            { header: 'LogName' },
          ],
          rows,
        ),
        '',
      )
    : [];
  return [...table, ...errors];
}

function winEventTable(env: CommandEnv, events: readonly WinEvent[]): ConsoleLine[] {
  if (pipedToFormatList(env)) {
    return out(
      ...listRecords(
        events.map((e) => [
          ['TimeCreated', formatShortDateTime(shownTime(env, e), 0)],
          ['ProviderName', e.source],
          ['Id', String(e.eventId)],
          ['Message', e.message],
        ]),
      ),
    );
  }
  const lines: string[] = [''];
  let i = 0;
  while (i < events.length) {
    const provider = (events[i] as WinEvent).source;
    const group: WinEvent[] = [];
    while (i < events.length && (events[i] as WinEvent).source === provider)
      group.push(events[i++] as WinEvent);
    lines.push('', `   ProviderName: ${provider}`, '');
    lines.push(
      ...fixedTable(
        [
          { header: 'TimeCreated', width: 25 },
          { header: 'Id', width: 8, align: 'right' },
          { header: 'LevelDisplayName', width: 16 },
          { header: 'Message' },
        ],
        group.map((e) => [
          formatShortDateTime(shownTime(env, e), 0),
          String(e.eventId),
          levelDisplay(e.level),
          e.message,
        ]),
      ),
    );
  }
  lines.push('');
  return out(...lines);
}

interface WinEventQuery {
  logs: LogInfo[];
  providers?: string[];
  ids?: number[];
  levels?: number[];
  start?: number;
  end?: number;
}

function listOf(v: HashtableValue | undefined): string[] | undefined {
  if (v === undefined) return undefined;
  return Array.isArray(v) ? v : [String(v)];
}

const HASH_KEYS = [
  'logname',
  'providername',
  'id',
  'level',
  'starttime',
  'endtime',
  'keywords',
  'userid',
  'data',
  'path',
];

function fromHashtable(env: CommandEnv, text: string): WinEventQuery | ConsoleLine[] {
  const spec = getWinEventSpec;
  const entries = hashtableOf(text);
  if (!entries) {
    return formatPsError({
      command: spec.name,
      message: `Cannot bind parameter 'FilterHashtable'. Cannot convert the "${text}" value of type "System.String" to type "System.Collections.Hashtable".`,
      line: env.line,
      column: valueToken(env.cmd.args, 'FilterHashtable')?.at ?? env.cmd.nameAt,
      length: Math.max(1, text.length),
      category: 'InvalidArgument',
      target: ':',
      activity: `[${spec.name}]`,
      exception: 'ParameterBindingException',
      errorId: `CannotConvertArgumentNoMessage,${spec.className}`,
    });
  }
  const bad = Object.keys(entries).find((k) => !HASH_KEYS.includes(k.toLowerCase()));
  if (bad !== undefined) {
    return cmdletError(env, spec, {
      message: `The specified key '${bad}' is not valid in a hash table used by the FilterHashtable parameter. Valid keys are: LogName, ProviderName, Path, Keywords, ID, Level, StartTime, EndTime, UserID, Data.`,
      category: 'InvalidArgument',
      exception: 'Exception',
      errorId: 'InvalidKeyInHashtable',
    });
  }
  const logNames = listOf(hashtableValue(entries, 'LogName'));
  const providers = listOf(hashtableValue(entries, 'ProviderName'));
  const ids = listOf(hashtableValue(entries, 'Id'))?.map(Number);
  const levels = listOf(hashtableValue(entries, 'Level'))?.map(Number);
  const startRaw = hashtableValue(entries, 'StartTime');
  const endRaw = hashtableValue(entries, 'EndTime');
  const start = startRaw === undefined ? undefined : parseLocalDate(String(startRaw), localNow(env));
  const end = endRaw === undefined ? undefined : parseLocalDate(String(endRaw), localNow(env));
  if ((startRaw !== undefined && start === undefined) || (endRaw !== undefined && end === undefined)) {
    return cmdletError(env, spec, {
      message: `Cannot convert value "${String(startRaw !== undefined && start === undefined ? startRaw : endRaw)}" to type "System.DateTime". Error: "String was not recognized as a valid DateTime."`,
      category: 'InvalidArgument',
      exception: 'Exception',
      errorId: 'InvalidArgument',
    });
  }
  let logs: LogInfo[];
  if (logNames) {
    logs = [];
    for (const n of logNames) {
      const matched = logsOf(env.host).filter((l) => likeName(n, l.name));
      if (matched.length === 0) return noLog(env, n);
      logs.push(...matched);
    }
  } else if (providers) {
    logs = logsOf(env.host);
  } else {
    return cmdletError(env, spec, {
      message: NO_EVENTS_FOUND,
      category: 'ObjectNotFound',
      exception: 'Exception',
      errorId: 'NoMatchingEventsFound',
    });
  }
  return { logs, providers, ids, levels, start, end };
}

export const getWinEvent: CommandDef = {
  names: ['get-winevent'],
  kind: 'cmdlet',
  run: (env) => {
    const spec = getWinEventSpec;
    const b = bind(env, spec);
    if (!b.ok) return done(formatPsError(b.error));
    const v = b.values;
    const sets = ['LogName', 'ListLog', 'ListProvider', 'ProviderName', 'FilterHashtable'].filter(
      (k) => v[k] !== undefined,
    );
    if (sets.length > 1 || (v.ListLog !== undefined && (v.MaxEvents !== undefined || v.Oldest)))
      return done(ambiguousParameterSet(env, spec));
    if (v.ListLog !== undefined) return done(listLog(env, v.ListLog as string[]));
    if (v.ListProvider !== undefined) {
      const pats = v.ListProvider as string[];
      const names = providersOf(env.host).filter((p) => pats.some((x) => likeName(x, p)));
      if (names.length === 0) return done(noProvider(env, pats[0] ?? ''));
      return done(
        out(
          ...listRecords(
            names.sort().map((n) => [
              ['Name', n],
              [
                'LogLinks',
                `{${logsOf(env.host)
                  .filter((l) => entriesOf(env.host, l.name).some((e) => e.source === n))
                  .map((l) => l.name)
                  .join(', ')}}`,
              ],
              ['Opcodes', '{}'],
              ['Tasks', '{}'],
            ]),
          ),
        ),
      );
    }
    const max = v.MaxEvents as number | undefined;
    if (max !== undefined && max < 1)
      return done(
        validationError(
          env,
          spec,
          'MaxEvents',
          `The ${max} argument is less than the minimum allowed range of 1. Supply an argument that is greater than or equal to 1 and then try the command again.`,
        ),
      );
    let query: WinEventQuery;
    if (v.FilterHashtable !== undefined) {
      const q = fromHashtable(env, v.FilterHashtable as string);
      if (Array.isArray(q)) return done(q);
      query = q;
    } else if (v.ProviderName !== undefined) {
      const wanted = v.ProviderName as string[];
      const known = providersOf(env.host);
      const missing = wanted.find((p) => !known.some((k) => likeName(p, k)));
      if (missing !== undefined) return done(noProvider(env, missing));
      query = { logs: logsOf(env.host), providers: wanted };
    } else {
      const names = (v.LogName as string[] | undefined) ?? ['*'];
      const logs: LogInfo[] = [];
      for (const n of names) {
        const matched = logsOf(env.host).filter((l) => likeName(n, l.name));
        if (matched.length === 0) return done(noLog(env, n));
        logs.push(...matched);
      }
      query = { logs };
    }
    let events = query.logs
      .flatMap((l) => entriesOf(env.host, l.name))
      .filter(
        (e) =>
          (!query.providers || query.providers.some((p) => likeName(p, e.source))) &&
          (!query.ids || query.ids.includes(e.eventId)) &&
          (!query.levels || query.levels.includes(LEVEL_NUMBER[e.level])) &&
          (query.start === undefined || shownTime(env, e) >= query.start) &&
          (query.end === undefined || shownTime(env, e) <= query.end),
      )
      .sort((a, b) => b.time - a.time || b.recordId - a.recordId);
    if (v.Oldest) events = events.reverse();
    if (max !== undefined) events = events.slice(0, max);
    if (events.length === 0) return done(noEvents(env));
    return done(winEventTable(env, events));
  },
};

// ---------------------------------------------------------------------------------------------
// wevtutil

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
  names: ['wevtutil', 'wevtutil.exe'],
  kind: 'native',
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

export const EVENTLOG_COMMANDS: readonly CommandDef[] = [getEventLog, getWinEvent, wevtutil];
