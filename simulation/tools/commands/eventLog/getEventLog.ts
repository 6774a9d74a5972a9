/**
 * Get-EventLog: -List (the classic logs' sizes and counts) and a classic log's entries filtered by
 * -Newest, -EntryType, -Source, -InstanceId, -Message, -After, -Before and the rest of its
 * parameters, in the Index/Time/EntryType/Source/InstanceID/Message table, or as a list when piped
 * to Format-List.
 */
import { cmdletSpec } from '../../catalog';
import { localNow, parseLocalDate } from '../time/hostTime';
import { fixedTable } from '../../shell/tables';
import { likeName } from '../../shell/wildcard';
import { bind, valueToken } from '../args';
import {
  ambiguousParameterSet,
  cannotConvertArgument,
  cmdletError,
  missingMandatory,
  outOfRange,
  validationError,
} from '../errors';
import type { ConsoleLine } from '../../../windows/hostState';
import type { WinEvent } from '../../../windows/eventlog';
import { EVENTLOG_ENTRY_TYPE } from '../../shell/customViews';
import { psDateValue } from '../../shell/psFormat';
import type { PsObject } from '../../shell/psObject';
import { display } from '../../shell/psViews';
import type { CmdletSpec } from '../../shell/bind';
import { formatPsError, out } from '../../shell/psError';
import { entriesOf, entryType, findLog, instanceIdOf, logsOf, shownTime } from './logs';
import { done, type CommandDef, type CommandEnv } from '../types';

const getEventLogSpec = cmdletSpec('Get-EventLog');

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
  return cannotConvertArgument(
    env,
    spec,
    { param, raw, type, reason },
    { column: at?.at ?? env.cmd.nameAt, length: at ? Math.max(1, at.end - at.at) : 1 },
  );
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

/**
 * The EventLogEntry an entry is, with its properties in the order `Select-Object *` lists them
 * (Microsoft Learn, Get-EventLog, "display all of an event's properties and values"). The times
 * hold the host's local time. ReplacementStrings is simplified: the lab keeps no insertion strings,
 * so it holds the message's first line.
 */
function eventLogEntry(env: CommandEnv, e: WinEvent): PsObject {
  const time = psDateValue(shownTime(env, e), 0);
  return {
    typeName: EVENTLOG_ENTRY_TYPE,
    props: [
      ['EventID', e.eventId],
      ['MachineName', e.computer],
      ['Data', '{}'],
      ['Index', e.recordId],
      ['Category', e.taskCategory ?? '(0)'],
      ['CategoryNumber', 0],
      ['EntryType', entryType(e.level)],
      ['Message', e.message],
      ['Source', e.source],
      ['ReplacementStrings', `{${e.message.split(/\r?\n/)[0] ?? ''}}`],
      ['InstanceId', instanceIdOf(e)],
      ['TimeGenerated', time],
      ['TimeWritten', time],
      ['UserName', e.user ?? null],
      ['Site', null],
      ['Container', null],
    ],
  };
}

export const getEventLog: CommandDef = {
  name: 'Get-EventLog',
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
      return done(validationError(env, spec, 'Newest', outOfRange(newest, 0)));
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
    const objects = events.map((e) => eventLogEntry(env, e));
    return done(display(objects), undefined, objects);
  },
};
