/**
 * Lab time and the way Windows (en-US) writes it. Lab time is epoch milliseconds (UTC); a host
 * shows it shifted by the lab's time-zone offset and by its own clock error.
 */
export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

interface Parts {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hour: number;
  minute: number;
  second: number;
}

function parts(ms: number, offsetMinutes: number): Parts {
  const d = new Date(ms + offsetMinutes * MINUTE);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth(),
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function clock12(p: Parts): string {
  const h = p.hour % 12 === 0 ? 12 : p.hour % 12;
  return `${h}:${pad2(p.minute)}:${pad2(p.second)} ${p.hour < 12 ? 'AM' : 'PM'}`;
}

/** `Monday, March 2, 2026 8:01:12 AM` (ipconfig's lease lines). */
export function formatLongDateTime(ms: number, offsetMinutes = 0): string {
  const p = parts(ms, offsetMinutes);
  return `${WEEKDAYS[p.weekday]}, ${MONTHS[p.month]} ${p.day}, ${p.year} ${clock12(p)}`;
}

/** `3/2/2026 8:05:14 AM` (Event Viewer, w32tm, net user, Get-ADSyncScheduler). */
export function formatShortDateTime(ms: number, offsetMinutes = 0): string {
  const p = parts(ms, offsetMinutes);
  return `${p.month + 1}/${p.day}/${p.year} ${clock12(p)}`;
}

/** `8:05 AM` */
export function formatTimeOfDay(ms: number, offsetMinutes = 0): string {
  const p = parts(ms, offsetMinutes);
  const h = p.hour % 12 === 0 ? 12 : p.hour % 12;
  return `${h}:${pad2(p.minute)} ${p.hour < 12 ? 'AM' : 'PM'}`;
}

/** `2026-03-02 08:05:14` in the given offset (the lab clock's own display). */
export function formatIsoLocal(ms: number, offsetMinutes = 0): string {
  const p = parts(ms, offsetMinutes);
  return `${p.year}-${pad2(p.month + 1)}-${pad2(p.day)} ${pad2(p.hour)}:${pad2(p.minute)}:${pad2(p.second)}`;
}

/** .NET TimeSpan form: `00:30:00`, `7.00:00:00`. */
export function formatTimeSpan(ms: number): string {
  const total = Math.floor(Math.abs(ms) / SECOND);
  const days = Math.floor(total / 86400);
  const h = Math.floor((total % 86400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const body = `${pad2(h)}:${pad2(m)}:${pad2(s)}`;
  return `${ms < 0 ? '-' : ''}${days > 0 ? `${days}.` : ''}${body}`;
}

/** Parses `30m`, `2h`, `1d`, `90s`, `1h30m`, `500ms` into milliseconds; undefined when malformed. */
export function parseDuration(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  if (!/^(\d+(\.\d+)?(ms|s|m|h|d))+$/.test(t)) return undefined;
  let total = 0;
  for (const m of t.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)) {
    const n = Number(m[1]);
    const unit = m[2];
    total +=
      n * (unit === 'ms' ? 1 : unit === 's' ? SECOND : unit === 'm' ? MINUTE : unit === 'h' ? HOUR : DAY);
  }
  return Math.round(total);
}

/** Parses an ISO-8601 date-time into epoch ms; undefined when malformed. */
export function parseIsoTime(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : undefined;
}
