/**
 * Calendar arithmetic without Date: the calendar fields of a local time (epoch ms already shifted
 * into the time zone) and the day number of a calendar date, for the commands that print or parse
 * a host's clock.
 */
import { DAY, HOUR, MINUTE } from '../../../core/time';

export interface Civil {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

/** Calendar fields of a local time (epoch ms already shifted into the time zone), without Date. */
export function civil(local: number): Civil {
  const days = Math.floor(local / DAY);
  const rem = local - days * DAY;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return {
    year: yoe + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: doy - Math.floor((153 * mp + 2) / 5) + 1,
    weekday: (((days % 7) + 7 + 4) % 7) as number,
    hour: Math.floor(rem / HOUR),
    minute: Math.floor((rem % HOUR) / MINUTE),
    second: Math.floor((rem % MINUTE) / 1000),
    ms: rem % 1000,
  };
}

/** Days since 1970-01-01 of a calendar date (month 1–12). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = year - (month <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export const pad2 = (n: number): string => String(n).padStart(2, '0');
