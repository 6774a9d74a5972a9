/**
 * Dates and times typed on the command line: .NET's DateTime.Parse with en-US settings, clock
 * times, time spans (`-00:10:00`, `New-TimeSpan`), and the day and month names they use.
 */
import { MINUTE, MONTHS, SECOND } from '../../../core/time';
import { civil, daysFromCivil } from './calendar';

export const daysIn = (year: number, month: number) =>
  daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) -
  daysFromCivil(year, month, 1);

function monthOf(name: string): number | undefined {
  const n = name.toLowerCase();
  const i = MONTHS.findIndex(
    (m) => m.toLowerCase() === n || (n.length >= 3 && m.toLowerCase().startsWith(n)),
  );
  return i < 0 ? undefined : i + 1;
}

/** `8:15`, `8:15:30`, `8:15 PM`, `20:15:30.5` → ms since midnight (and a zone, if one was written). */
export function parseClock(text: string): { ms: number; zone?: number } | undefined {
  const m =
    /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,7}))?)?\s*([AaPp][Mm]?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(
      text.trim(),
    );
  if (!m) return undefined;
  let h = Number(m[1]);
  const mi = Number(m[2]);
  const s = Number(m[3] ?? 0);
  const frac = m[4] ? Math.round(Number(`0.${m[4]}`) * 1000) : 0;
  const ampm = m[5]?.toLowerCase();
  if (ampm) {
    if (h < 1 || h > 12) return undefined;
    h = (h % 12) + (ampm.startsWith('p') ? 12 : 0);
  }
  if (h > 23 || mi > 59 || s > 59) return undefined;
  const z = m[6];
  const zone =
    z === undefined
      ? undefined
      : z === 'Z'
        ? 0
        : (z.startsWith('-') ? -1 : 1) * (Number(z.slice(1, 3)) * 60 + Number(z.slice(-2)));
  return { ms: ((h * 60 + mi) * 60 + s) * SECOND + frac, zone };
}

/**
 * A date as .NET's DateTime.Parse reads it with en-US settings: `3/2/2026 8:15 AM`,
 * `2026-03-02T08:15:00`, `March 2, 2026 8:15`, `Monday, March 2, 2026 8:15:12 AM`, or a time alone
 * (today). Returns the host-local wall-clock time (epoch-like ms), or undefined.
 */
export function parseDateTime(text: string, todayLocal: number, tzMinutes: number): number | undefined {
  if (text.trim() === '') return undefined;
  let t = text.trim().replace(/^(?:sun|mon|tue|wed|thu|fri|sat)[a-z]*,?\s+/i, '');
  let ymd: [number, number, number] | undefined;
  let rest: string;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](.*))?$/.exec(t))) {
    ymd = [Number(m[1]), Number(m[2]), Number(m[3])];
    rest = m[4] ?? '';
  } else if ((m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})(?:\s+(.*))?$/.exec(t))) {
    const y = Number(m[3]);
    ymd = [m[3]?.length === 2 ? 2000 + y : y, Number(m[1]), Number(m[2])];
    rest = m[4] ?? '';
  } else if ((m = /^([A-Za-z]+)\s+(\d{1,2}),?\s+(\d{4})(?:\s+(.*))?$/.exec(t))) {
    const mo = monthOf(m[1] ?? '');
    if (!mo) return undefined;
    ymd = [Number(m[3]), mo, Number(m[2])];
    rest = m[4] ?? '';
  } else if ((m = /^(\d{1,2})\s+([A-Za-z]+),?\s+(\d{4})(?:\s+(.*))?$/.exec(t))) {
    const mo = monthOf(m[2] ?? '');
    if (!mo) return undefined;
    ymd = [Number(m[3]), mo, Number(m[1])];
    rest = m[4] ?? '';
  } else {
    rest = t;
  }
  t = rest.trim();
  const clock = t === '' ? { ms: 0, zone: undefined } : parseClock(t);
  if (!clock) return undefined;
  const today = civil(todayLocal);
  const [y, mo, d] = ymd ?? [today.year, today.month, today.day];
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || y < 1 || y > 9999) return undefined;
  const local = daysFromCivil(y, mo, d) * 86400000 + clock.ms;
  return clock.zone === undefined ? local : local - clock.zone * MINUTE + tzMinutes * MINUTE;
}

/** `-00:10:00`, `1.02:03:04`, `00:05`, `(New-TimeSpan -Minutes -10)` → ms. */
export function parseTimeSpanText(text: string): number | undefined {
  const nts = /^\(?\s*New-TimeSpan\s+(.*?)\)?$/i.exec(text.trim());
  if (nts) {
    let total = 0;
    const units: Record<string, number> = { days: 86400000, hours: 3600000, minutes: 60000, seconds: 1000 };
    const parts = (nts[1] ?? '').trim().split(/\s+/);
    if (parts.length % 2 !== 0) return undefined;
    for (let i = 0; i < parts.length; i += 2) {
      const name = (parts[i] ?? '').replace(/^-/, '').toLowerCase();
      const unit = Object.keys(units).find((u) => u.startsWith(name) && name.length > 0);
      const n = Number(parts[i + 1]);
      if (!unit || !Number.isFinite(n)) return undefined;
      total += n * (units[unit] ?? 0);
    }
    return total;
  }
  const m = /^(-)?(?:(\d+)\.)?(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?$/.exec(text.trim());
  if (m) {
    const [, neg, d, h, mi, s, f] = m;
    if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) return undefined;
    const ms =
      ((Number(d ?? 0) * 24 + Number(h)) * 60 + Number(mi)) * 60000 +
      Number(s ?? 0) * 1000 +
      (f ? Math.round(Number(`0.${f}`) * 1000) : 0);
    return neg ? -ms : ms;
  }
  // A bare number is ticks (100 ns).
  if (/^-?\d+$/.test(text.trim())) return Math.round(Number(text) / 10000);
  return undefined;
}
