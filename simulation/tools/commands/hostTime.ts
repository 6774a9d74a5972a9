/**
 * A host's own time as its commands show it: lab time plus the host's clock offset, shifted into
 * its time zone ("local ms"), the one place that computes it; dates typed on the command line; the
 * date formats the event-log and system commands print.
 */
import { DAY, HOUR, MINUTE, SECOND } from '../../core/time';
import type { CommandEnv } from './types';
import { hostTime } from '../../windows/hostState';

/** A time on the host's own clock (epoch ms), shifted into its time zone ("local ms"). */
export function hostLocal(env: Pick<CommandEnv, 'host'>, hostMs: number): number {
  return hostMs + env.host.timeZoneOffsetMinutes * MINUTE;
}

/** Local ms back to the host's own clock. */
export function localToHost(env: Pick<CommandEnv, 'host'>, localMs: number): number {
  return localMs - env.host.timeZoneOffsetMinutes * MINUTE;
}

/** A lab time as the host shows it, in local ms. */
export function toLocal(env: Pick<CommandEnv, 'host'>, labTime: number): number {
  return hostLocal(env, hostTime(env.host, labTime));
}

/** The host's own clock now, in local ms. */
export function localNow(env: CommandEnv): number {
  return toLocal(env, env.now);
}

/** Days since 1970-01-01 of a civil date (proleptic Gregorian). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1 || y > 9999) return false;
  const dim = [
    31,
    y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
  return d <= (dim[m - 1] ?? 31);
}

/**
 * A date typed on the command line, in the host's local ms: `(Get-Date)`, `(Get-Date).AddHours(-3)`
 * (AddDays, AddHours, AddMinutes, AddSeconds), `3/2/2026`, `3/2/2026 8:00`, `3/2/2026 8:00:00 AM`,
 * `2026-03-02`, `2026-03-02 08:00`, `2026-03-02T08:00:00`. Undefined when it is none of these.
 */
export function parseLocalDate(text: string, nowLocal: number): number | undefined {
  const t = text.trim();
  const gd = /^\(\s*get-date\s*\)(?:\.add(days|hours|minutes|seconds)\(\s*(-?\d+(?:\.\d+)?)\s*\))?$/i.exec(t);
  if (gd) {
    if (!gd[1]) return nowLocal;
    const unit = gd[1].toLowerCase();
    const n = Number(gd[2]);
    const ms = unit === 'days' ? DAY : unit === 'hours' ? HOUR : unit === 'minutes' ? MINUTE : SECOND;
    return Math.round(nowLocal + n * ms);
  }
  let y: number, mo: number, d: number;
  let rest: string;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(.*)$/.exec(t);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(.*)$/.exec(t);
  if (us) {
    mo = Number(us[1]);
    d = Number(us[2]);
    y = Number(us[3]);
    rest = us[4] ?? '';
  } else if (iso) {
    y = Number(iso[1]);
    mo = Number(iso[2]);
    d = Number(iso[3]);
    rest = iso[4] ?? '';
  } else return undefined;
  if (!validDate(y, mo, d)) return undefined;
  let h = 0,
    mi = 0,
    s = 0;
  const r = rest.trim().replace(/^T/i, '');
  if (r.length > 0) {
    const tm = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?$/i.exec(r);
    if (!tm) return undefined;
    h = Number(tm[1]);
    mi = Number(tm[2]);
    s = Number(tm[3] ?? 0);
    const ampm = tm[4]?.toUpperCase();
    if (ampm) {
      if (h < 1 || h > 12) return undefined;
      h = (h % 12) + (ampm === 'PM' ? 12 : 0);
    }
    if (h > 23 || mi > 59 || s > 59) return undefined;
  }
  return daysFromCivil(y, mo, d) * DAY + h * HOUR + mi * MINUTE + s * SECOND;
}

const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function civil(localMs: number): {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  ms: number;
} {
  const days = Math.floor(localMs / DAY);
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const mo = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (mo <= 2 ? 1 : 0);
  const inDay = localMs - days * DAY;
  return {
    y,
    mo,
    d,
    h: Math.floor(inDay / HOUR),
    mi: Math.floor((inDay % HOUR) / MINUTE),
    s: Math.floor((inDay % MINUTE) / SECOND),
    ms: inDay % SECOND,
  };
}

const p2 = (n: number) => String(n).padStart(2, '0');

/** `Mar 02 09:00` (Get-EventLog's Time column). */
export function monthDayTime(localMs: number): string {
  const c = civil(localMs);
  return `${MONTHS_SHORT[c.mo - 1] ?? ''} ${p2(c.d)} ${p2(c.h)}:${p2(c.mi)}`;
}

/** `2026-03-02T09:00:00.000` (wevtutil's Date). */
export function isoLocal(localMs: number): string {
  const c = civil(localMs);
  return `${c.y}-${p2(c.mo)}-${p2(c.d)}T${p2(c.h)}:${p2(c.mi)}:${p2(c.s)}.${String(c.ms).padStart(3, '0')}`;
}

/** `3/2/2026, 8:00:00 AM` (systeminfo). */
export function systeminfoDate(localMs: number): string {
  const c = civil(localMs);
  const h12 = c.h % 12 === 0 ? 12 : c.h % 12;
  return `${c.mo}/${c.d}/${c.y}, ${h12}:${p2(c.mi)}:${p2(c.s)} ${c.h < 12 ? 'AM' : 'PM'}`;
}
