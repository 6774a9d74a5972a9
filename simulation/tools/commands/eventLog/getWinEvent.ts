/**
 * Get-WinEvent: -ListLog, -ListProvider, -LogName, -ProviderName and -FilterHashtable with
 * -MaxEvents and -Oldest, in the table grouped under "ProviderName:" headers.
 */
import { fixedTable, listRecords } from '../../shell/tables';
import { likeName } from '../../shell/wildcard';
import { bind } from '../args';
import { ambiguousParameterSet, outOfRange, validationError } from '../errors';
import { psDateValue } from '../../shell/psFormat';
import type { WinEvent } from '../../../windows/eventlog';
import type { ConsoleLine } from '../../../windows/hostState';
import { formatPsError, out } from '../../shell/psError';
import { entriesOf, LEVEL_NUMBER, levelDisplay, logsOf, shownTime, type LogInfo } from './logs';
import {
  fromHashtable,
  getWinEventSpec,
  noEvents,
  noLog,
  noProvider,
  providersOf,
  type WinEventQuery,
} from './winEventQuery';
import type { PsObject } from '../../shell/psObject';
import { display, EVENT_TYPE } from '../../shell/psViews';
import { done, type CommandDef, type CommandEnv } from '../types';

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

/** An event as Get-WinEvent writes it (an EventLogRecord); its table and list come from the format view. */
function eventObject(env: CommandEnv, e: WinEvent): PsObject {
  return {
    typeName: EVENT_TYPE,
    props: [
      ['TimeCreated', psDateValue(shownTime(env, e), 0)],
      ['ProviderName', e.source],
      ['Id', e.eventId],
      ['LevelDisplayName', levelDisplay(e.level)],
      ['Message', e.message],
    ],
  };
}

export const getWinEvent: CommandDef = {
  name: 'Get-WinEvent',
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
      return done(validationError(env, spec, 'MaxEvents', outOfRange(max, 1)));
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
    const objects = events.map((e) => eventObject(env, e));
    return done(display(objects), undefined, objects);
  },
};
