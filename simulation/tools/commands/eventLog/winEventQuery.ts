/**
 * What Get-WinEvent selects: its parameters, -FilterHashtable read into a query (LogName,
 * ProviderName, Id, Level, StartTime, EndTime), the providers a host has registered, and its
 * "nothing found" errors.
 */
import { cmdletSpec } from '../../catalog';
import { localNow, parseLocalDate } from '../time/hostTime';
import { likeName } from '../../shell/wildcard';
import { valueToken } from '../args';
import { cannotConvertArgument, cmdletError } from '../errors';
import type { ConsoleLine, WindowsHostContext } from '../../../windows/hostState';
import { hashtableOf, hashtableValue, type HashtableValue } from '../../shell/parse';
import { logsOf, type LogInfo } from './logs';
import type { CommandEnv } from '../types';

export const getWinEventSpec = cmdletSpec('Get-WinEvent');

/** Text of Get-WinEvent's "nothing found" error. */
export const NO_EVENTS_FOUND = 'No events were found that match the specified selection criteria.';

export function noEvents(env: CommandEnv): ConsoleLine[] {
  return cmdletError(env, getWinEventSpec, {
    message: NO_EVENTS_FOUND,
    category: 'ObjectNotFound',
    exception: 'Exception',
    errorId: 'NoMatchingEventsFound',
  });
}

/** Get-WinEvent's error for a log or provider name that matches none on the host. */
function noMatching(env: CommandEnv, what: 'log' | 'provider', name: string, errorId: string): ConsoleLine[] {
  return cmdletError(env, getWinEventSpec, {
    message: `There is not an event ${what} on the localhost computer that matches "${name}".`,
    category: 'ObjectNotFound',
    targetName: name,
    targetType: 'String',
    exception: 'Exception',
    errorId,
  });
}

export const noLog = (env: CommandEnv, name: string): ConsoleLine[] =>
  noMatching(env, 'log', name, 'NoMatchingLogsFound');

export const noProvider = (env: CommandEnv, name: string): ConsoleLine[] =>
  noMatching(env, 'provider', name, 'NoMatchingProvidersFound');

/** Event providers the host has registered: every source its logs hold, plus the usual ones. */
export function providersOf(host: WindowsHostContext): string[] {
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

export interface WinEventQuery {
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

export function fromHashtable(env: CommandEnv, text: string): WinEventQuery | ConsoleLine[] {
  const spec = getWinEventSpec;
  const entries = hashtableOf(text);
  if (!entries) {
    return cannotConvertArgument(
      env,
      spec,
      { param: 'FilterHashtable', raw: text, type: 'System.Collections.Hashtable' },
      {
        column: valueToken(env.cmd.args, 'FilterHashtable')?.at ?? env.cmd.nameAt,
        length: Math.max(1, text.length),
      },
    );
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
