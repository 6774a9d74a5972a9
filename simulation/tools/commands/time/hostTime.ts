/**
 * A host's own time as its commands show it: lab time plus the host's clock offset, shifted into
 * its time zone ("local ms"), the one place that computes it; dates typed on the command line; the
 * date formats the event-log and system commands print. Calendar arithmetic is calendar.ts's.
 */
import { DAY, HOUR, MINUTE, SECOND } from '../../../core/time';
import type { CommandEnv } from '../types';
import { hostTime } from '../../../windows/hostState';
import { civil, daysFromCivil, pad2 } from './calendar';
import { daysIn } from './dates';

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

function validDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && y >= 1 && y <= 9999 && d <= daysIn(y, m);
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

/** `Mar 02 09:00` (Get-EventLog's Time column). */
export function monthDayTime(localMs: number): string {
  const c = civil(localMs);
  return `${MONTHS_SHORT[c.month - 1] ?? ''} ${pad2(c.day)} ${pad2(c.hour)}:${pad2(c.minute)}`;
}

/** `2026-03-02T09:00:00.000` (wevtutil's Date). */
export function isoLocal(localMs: number): string {
  const c = civil(localMs);
  return `${c.year}-${pad2(c.month)}-${pad2(c.day)}T${pad2(c.hour)}:${pad2(c.minute)}:${pad2(c.second)}.${String(c.ms).padStart(3, '0')}`;
}

/** `3/2/2026, 8:00:00 AM` (systeminfo). */
export function systeminfoDate(localMs: number): string {
  const c = civil(localMs);
  const h12 = c.hour % 12 === 0 ? 12 : c.hour % 12;
  return `${c.month}/${c.day}/${c.year}, ${h12}:${pad2(c.minute)}:${pad2(c.second)} ${c.hour < 12 ? 'AM' : 'PM'}`;
}
