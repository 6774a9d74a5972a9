/**
 * Get-Date and Set-Date: the host's clock as PowerShell 5.1 shows it,
 * -Date/-Year…-Millisecond/-Format/-UFormat/-DisplayHint, and a clock change by -Date or -Adjust,
 * with the binder's errors for arguments that are not dates.
 */
import { cmdletSpec } from '../../catalog';
import type { HostEffect } from '../../../windows/hostOps';
import { formatShortDateTime, SECOND } from '../../../core/time';
import type { ConsoleLine } from '../../../windows/hostState';
import type { CmdletSpec } from '../../shell/bind';
import { out, whatIf } from '../../shell/psError';
import { scalar } from '../../shell/psObject';
import { display } from '../../shell/psViews';
import { dateObject } from './dateObject';
import { bound } from '../args';
import { civil, daysFromCivil } from './calendar';
import { setClock } from './clockChange';
import { localNow } from './hostTime';
import { formatDotNet, formatUnix } from './dateFormat';
import { daysIn, parseDateTime, parseTimeSpanText } from './dates';
import {
  ambiguousParameterSet,
  cannotConvertArgument,
  cmdletError,
  missingMandatory,
  outOfRange,
} from '../errors';
import { done, type CommandDef, type CommandEnv, type CommandOutcome } from '../types';

/** The DateTime written to the pipeline; the console shows its long text (blank line before, two after). */
function showDate(local: number, hint: string | undefined, effects?: HostEffect[]): CommandOutcome {
  const objects = [dateObject(local, hint)];
  return done(display(objects), effects, objects);
}

/** -Format and -UFormat write a string. */
const text = (t: string): CommandOutcome => done(out(t), undefined, [scalar(t)]);

/** The parameter binder's "cannot convert" error for a date or time span argument. */
function convertError(
  env: CommandEnv,
  spec: CmdletSpec,
  param: string,
  value: string,
  type: string,
): ConsoleLine[] {
  const tok = env.cmd.args.find((t) => t.text === value);
  const what = type === 'System.DateTime' ? 'DateTime' : 'TimeSpan';
  return cannotConvertArgument(
    env,
    spec,
    { param, raw: value, type, reason: `String was not recognized as a valid ${what}.` },
    tok ? { column: tok.at, length: Math.max(1, tok.end - tok.at) } : undefined,
  );
}

const getDateSpec = cmdletSpec('Get-Date');

export const getDate: CommandDef = {
  name: 'Get-Date',
  run: (env) => {
    const v = bound(env, getDateSpec);
    if (Array.isArray(v)) return done(v);
    const tzMin = env.host.timeZoneOffsetMinutes;
    let local = localNow(env);
    if (typeof v.Date === 'string') {
      const parsed = parseDateTime(v.Date, local, tzMin);
      if (parsed === undefined)
        return done(convertError(env, getDateSpec, 'Date', v.Date, 'System.DateTime'));
      local = parsed;
    }
    const c = civil(local);
    const num = (k: string) => (typeof v[k] === 'number' ? (v[k] as number) : undefined);
    const year = num('Year') ?? c.year;
    const month = num('Month') ?? c.month;
    const day = num('Day') ?? c.day;
    const fields = [num('Hour') ?? c.hour, num('Minute') ?? c.minute, num('Second') ?? c.second];
    // Get-Date's ValidateRange attributes.
    const RANGES: [string, number, number, number][] = [
      ['Year', year, 1, 9999],
      ['Month', month, 1, 12],
      ['Day', day, 1, 31],
      ['Hour', fields[0] ?? 0, 0, 23],
      ['Minute', fields[1] ?? 0, 0, 59],
      ['Second', fields[2] ?? 0, 0, 59],
      ['Millisecond', num('Millisecond') ?? 0, 0, 999],
    ];
    for (const [param, value, lo, hi] of RANGES) {
      if (value >= lo && value <= hi) continue;
      return done(
        cmdletError(env, getDateSpec, {
          message: `Cannot validate argument on parameter '${param}'. ${outOfRange(value, lo, hi)}`,
          category: 'InvalidData',
          target: ':',
          exception: 'ParameterBindingValidationException',
          errorId: 'ParameterArgumentValidationError',
        }),
      );
    }
    const [h = 0, mi = 0, s = 0] = fields;
    local =
      daysFromCivil(year, month, Math.min(day, daysIn(year, month))) * 86400000 +
      ((h * 60 + mi) * 60 + s) * SECOND +
      (num('Millisecond') ?? c.ms);
    if (typeof v.UFormat === 'string') return text(formatUnix(v.UFormat, local, tzMin));
    if (typeof v.Format === 'string') {
      const formatted = formatDotNet(v.Format, local, tzMin);
      if (formatted === undefined)
        return done(
          cmdletError(env, getDateSpec, {
            message: 'Input string was not in a correct format.',
            category: 'NotSpecified',
            target: ':',
            exception: 'FormatException',
            errorId: 'System.FormatException',
          }),
        );
      return text(formatted);
    }
    return showDate(local, typeof v.DisplayHint === 'string' ? v.DisplayHint : undefined);
  },
};

const setDateSpec = cmdletSpec('Set-Date');

export const setDate: CommandDef = {
  name: 'Set-Date',
  run: (env) => {
    const v = bound(env, setDateSpec);
    if (Array.isArray(v)) return done(v);
    const hasDate = typeof v.Date === 'string';
    const hasAdjust = typeof v.Adjust === 'string';
    if (hasDate && hasAdjust) return done(ambiguousParameterSet(env, setDateSpec));
    if (!hasDate && !hasAdjust) return done(missingMandatory(env, setDateSpec, ['Date']));
    const now = localNow(env);
    let target: number;
    if (hasDate) {
      const parsed = parseDateTime(v.Date as string, now, env.host.timeZoneOffsetMinutes);
      if (parsed === undefined)
        return done(convertError(env, setDateSpec, 'Date', v.Date as string, 'System.DateTime'));
      target = parsed;
    } else {
      const span = parseTimeSpanText(v.Adjust as string);
      if (span === undefined)
        return done(convertError(env, setDateSpec, 'Adjust', v.Adjust as string, 'System.TimeSpan'));
      target = now + span;
    }
    if (target < daysFromCivil(1, 1, 1) * 86400000 || target >= daysFromCivil(10000, 1, 1) * 86400000)
      return done(
        cmdletError(env, setDateSpec, {
          message: 'The added or subtracted value results in an un-representable DateTime.',
          category: 'NotSpecified',
          target: ':',
          exception: 'ArgumentOutOfRangeException',
          errorId: 'System.ArgumentOutOfRangeException',
        }),
      );
    if (v.WhatIf === true) return done(whatIf('Set-Date', formatShortDateTime(target, 0)));
    return showDate(
      target,
      typeof v.DisplayHint === 'string' ? v.DisplayHint : undefined,
      setClock(env, target),
    );
  },
};
