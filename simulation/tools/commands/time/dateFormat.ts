/**
 * Date formatting as Get-Date does it: .NET standard and custom format strings (-Format) and
 * PowerShell's Unix-style -UFormat, over a host-local time.
 */
import { MINUTE, MONTHS, SECOND, WEEKDAYS } from '../../../core/time';
import { civil, daysFromCivil, pad2 } from './calendar';

const STANDARD_FORMATS: Record<string, string> = {
  d: 'M/d/yyyy',
  D: 'dddd, MMMM d, yyyy',
  t: 'h:mm tt',
  T: 'h:mm:ss tt',
  f: 'dddd, MMMM d, yyyy h:mm tt',
  F: 'dddd, MMMM d, yyyy h:mm:ss tt',
  g: 'M/d/yyyy h:mm tt',
  G: 'M/d/yyyy h:mm:ss tt',
  M: 'MMMM d',
  m: 'MMMM d',
  Y: 'MMMM yyyy',
  y: 'MMMM yyyy',
  s: "yyyy'-'MM'-'dd'T'HH':'mm':'ss",
  o: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
  O: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
};

const zoneText = (tzMinutes: number, colon: boolean) =>
  `${tzMinutes < 0 ? '-' : '+'}${pad2(Math.floor(Math.abs(tzMinutes) / 60))}${colon ? ':' : ''}${pad2(Math.abs(tzMinutes) % 60)}`;

/** .NET custom date format over a local time; undefined for a format .NET rejects. */
export function formatDotNet(fmt: string, local: number, tzMinutes: number): string | undefined {
  if (fmt.length === 1) {
    if (fmt === 'u' || fmt === 'U' || fmt === 'r' || fmt === 'R') {
      const utc = local - tzMinutes * MINUTE;
      if (fmt === 'r' || fmt === 'R') return formatDotNet("ddd, dd MMM yyyy HH':'mm':'ss 'GMT'", utc, 0);
      return formatDotNet(
        fmt === 'u' ? "yyyy'-'MM'-'dd HH':'mm':'ss'Z'" : 'dddd, MMMM d, yyyy h:mm:ss tt',
        utc,
        0,
      );
    }
    const std = STANDARD_FORMATS[fmt];
    if (!std) return undefined;
    return formatDotNet(std, local, tzMinutes);
  }
  const c = civil(local);
  let outText = '';
  for (let i = 0; i < fmt.length;) {
    const ch = fmt[i] as string;
    if (ch === "'" || ch === '"') {
      const end = fmt.indexOf(ch, i + 1);
      if (end < 0) return undefined;
      outText += fmt.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (ch === '\\') {
      outText += fmt[i + 1] ?? '';
      i += 2;
      continue;
    }
    if (ch === '%') {
      i++;
      continue;
    }
    let n = 1;
    while (fmt[i + n] === ch) n++;
    const h12 = c.hour % 12 === 0 ? 12 : c.hour % 12;
    switch (ch) {
      case 'd':
        outText +=
          n === 1
            ? c.day
            : n === 2
              ? pad2(c.day)
              : n === 3
                ? WEEKDAYS[c.weekday]?.slice(0, 3)
                : WEEKDAYS[c.weekday];
        break;
      case 'M':
        outText +=
          n === 1
            ? c.month
            : n === 2
              ? pad2(c.month)
              : n === 3
                ? MONTHS[c.month - 1]?.slice(0, 3)
                : MONTHS[c.month - 1];
        break;
      case 'y':
        outText += n === 1 ? c.year % 100 : n === 2 ? pad2(c.year % 100) : String(c.year).padStart(n, '0');
        break;
      case 'h':
        outText += n === 1 ? h12 : pad2(h12);
        break;
      case 'H':
        outText += n === 1 ? c.hour : pad2(c.hour);
        break;
      case 'm':
        outText += n === 1 ? c.minute : pad2(c.minute);
        break;
      case 's':
        outText += n === 1 ? c.second : pad2(c.second);
        break;
      case 'f':
      case 'F': {
        const digits = String(c.ms).padStart(3, '0').padEnd(7, '0').slice(0, Math.min(n, 7));
        outText += ch === 'F' ? digits.replace(/0+$/, '') : digits;
        break;
      }
      case 't':
        outText += n === 1 ? (c.hour < 12 ? 'A' : 'P') : c.hour < 12 ? 'AM' : 'PM';
        break;
      case 'z':
        outText +=
          n === 1
            ? `${tzMinutes < 0 ? '-' : '+'}${Math.floor(Math.abs(tzMinutes) / 60)}`
            : n === 2
              ? zoneText(tzMinutes, false).slice(0, 3)
              : zoneText(tzMinutes, true);
        break;
      case 'K':
        outText += zoneText(tzMinutes, true);
        break;
      case 'g':
        outText += 'A.D.';
        break;
      default:
        outText += ch.repeat(n);
    }
    i += n;
  }
  return outText;
}

/** PowerShell's -UFormat (Unix `date` style). */
export function formatUnix(fmt: string, local: number, tzMinutes: number): string {
  const c = civil(local);
  const h12 = c.hour % 12 === 0 ? 12 : c.hour % 12;
  const yday = daysFromCivil(c.year, c.month, c.day) - daysFromCivil(c.year, 1, 1) + 1;
  const map: Record<string, string> = {
    Y: String(c.year),
    y: pad2(c.year % 100),
    C: String(Math.floor(c.year / 100)),
    m: pad2(c.month),
    d: pad2(c.day),
    e: String(c.day).padStart(2, ' '),
    H: pad2(c.hour),
    I: pad2(h12),
    k: String(c.hour).padStart(2, ' '),
    l: String(h12).padStart(2, ' '),
    M: pad2(c.minute),
    S: pad2(c.second),
    p: c.hour < 12 ? 'AM' : 'PM',
    A: WEEKDAYS[c.weekday] ?? '',
    a: WEEKDAYS[c.weekday]?.slice(0, 3) ?? '',
    B: MONTHS[c.month - 1] ?? '',
    b: MONTHS[c.month - 1]?.slice(0, 3) ?? '',
    h: MONTHS[c.month - 1]?.slice(0, 3) ?? '',
    j: String(yday).padStart(3, '0'),
    u: String(c.weekday === 0 ? 7 : c.weekday),
    w: String(c.weekday),
    Z: zoneText(tzMinutes, false).slice(0, 3),
    s: String(Math.floor((local - tzMinutes * MINUTE) / SECOND)),
    T: `${pad2(c.hour)}:${pad2(c.minute)}:${pad2(c.second)}`,
    R: `${pad2(c.hour)}:${pad2(c.minute)}`,
    r: `${pad2(h12)}:${pad2(c.minute)}:${pad2(c.second)} ${c.hour < 12 ? 'AM' : 'PM'}`,
    D: `${pad2(c.month)}/${pad2(c.day)}/${pad2(c.year % 100)}`,
    x: `${pad2(c.month)}/${pad2(c.day)}/${pad2(c.year % 100)}`,
    X: `${pad2(c.hour)}:${pad2(c.minute)}:${pad2(c.second)}`,
    F: `${c.year}-${pad2(c.month)}-${pad2(c.day)}`,
    c: `${WEEKDAYS[c.weekday]?.slice(0, 3) ?? ''} ${MONTHS[c.month - 1]?.slice(0, 3) ?? ''} ${String(c.day).padStart(2, ' ')} ${pad2(c.hour)}:${pad2(c.minute)}:${pad2(c.second)} ${c.year}`,
    n: '\n',
    t: '\t',
    '%': '%',
  };
  return fmt.replace(/%(.)/g, (all, k: string) => map[k] ?? all);
}
