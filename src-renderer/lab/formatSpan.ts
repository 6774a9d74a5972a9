/**
 * "1 day", "2 h 5 min", "25 s": a span of lab time as the clock bar words it. The engine's
 * formatSpan (simulation/lab/skippedTime.ts), kept here so that the first screen's clock bar does
 * not need the engine's chunk; test/renderer/lab/formatSpan.test.ts checks the two agree.
 */
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function formatSpan(ms: number): string {
  const parts: string[] = [];
  let rest = Math.max(0, Math.round(ms / SECOND) * SECOND);
  const days = Math.floor(rest / DAY);
  rest -= days * DAY;
  const h = Math.floor(rest / HOUR);
  rest -= h * HOUR;
  const m = Math.floor(rest / MINUTE);
  rest -= m * MINUTE;
  const s = Math.floor(rest / SECOND);
  if (days) parts.push(`${days} ${days === 1 ? 'day' : 'days'}`);
  if (h) parts.push(`${h} h`);
  if (m) parts.push(`${m} min`);
  if (s || parts.length === 0) parts.push(`${s} s`);
  return parts.join(' ');
}
