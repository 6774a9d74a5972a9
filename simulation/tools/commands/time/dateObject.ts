/**
 * The DateTime object Get-Date and Set-Date write: its properties as `Get-Date | Format-List` shows
 * them in Windows PowerShell 5.1 (Get-Date's DisplayHint note property first, the DateTime script
 * property last). The console shows it as its long text (customViews.dateView). Pure.
 */
import { formatLongDateTime, formatShortDateTime, formatTimeSpan, WEEKDAYS } from '../../../core/time';
import type { PsObject } from '../../shell/psObject';
import { DATE_TYPE } from '../../shell/customViews';
import { civil, daysFromCivil } from './calendar';

/** .NET ticks (100 ns since 0001-01-01) of a local time; past 2^53, so counted in BigInt. */
export const EPOCH_TICKS = 621355968000000000n;

/** A local time (epoch ms shifted into the host's zone) as a DateTime object. */
export function dateObject(local: number, hint = 'DateTime'): PsObject {
  const c = civil(local);
  const midnight = daysFromCivil(c.year, c.month, c.day) * 86400000;
  const dayOfYear = Math.floor((midnight - daysFromCivil(c.year, 1, 1) * 86400000) / 86400000) + 1;
  const inDay = local - midnight;
  const fraction = c.ms > 0 ? `.${String(c.ms).padStart(3, '0')}0000` : '';
  return {
    typeName: DATE_TYPE,
    props: [
      ['DisplayHint', hint],
      ['Date', { text: formatShortDateTime(midnight, 0), order: midnight, type: DATE_TYPE }],
      ['Day', c.day],
      ['DayOfWeek', WEEKDAYS[c.weekday] ?? ''],
      ['DayOfYear', dayOfYear],
      ['Hour', c.hour],
      ['Kind', 'Local'],
      ['Millisecond', c.ms],
      ['Minute', c.minute],
      ['Month', c.month],
      ['Second', c.second],
      ['Ticks', (BigInt(local) * 10000n + EPOCH_TICKS).toString()],
      ['TimeOfDay', `${formatTimeSpan(inDay)}${fraction}`],
      ['Year', c.year],
      ['DateTime', formatLongDateTime(local, 0)],
    ],
  };
}
