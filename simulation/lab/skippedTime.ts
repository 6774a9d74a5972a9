/**
 * What happened while the learner skipped lab time, counted from what they could read afterwards
 * in Event Viewer on each host (the learner view's tools): completed sync cycles (ADSync 904
 * "Completed configured scheduler operations"), password changes that password hash sync sent
 * (Directory Synchronization 657 with Result: Success), and errors and warnings per computer.
 * A host that is off shows no log, so it counts nothing, as its Event Viewer could not be opened.
 */
import { DAY, HOUR, MINUTE, SECOND } from '../core/time';
import type { HostToolsView } from './toolViews';
import { VIEWER_LOGS } from './toolViews';

export interface SkippedTimeSummary {
  from: number;
  to: number;
  syncCycles: number;
  passwordChangesSynced: number;
  /** Computers with errors or warnings in the window, by name, most errors first. */
  problems: { host: string; errors: number; warnings: number }[];
  /** One line: "+1 day: 48 sync cycles, 2 password changes synced, 2 errors on SYNC01". */
  text: string;
}

/** "1 day", "2 h 5 min", "25 s": a span of lab time as the clock bar words it. */
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

/** "+1 day", "+2 h 5 min", "+25 s". */
export function formatSkip(ms: number): string {
  return `+${formatSpan(ms)}`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What the event logs say happened in (from, to]. */
export function skippedTimeSummary(
  tools: Record<string, HostToolsView>,
  from: number,
  to: number,
): SkippedTimeSummary {
  let syncCycles = 0;
  let passwordChangesSynced = 0;
  const problems: SkippedTimeSummary['problems'] = [];
  for (const t of Object.values(tools)) {
    let errors = 0;
    let warnings = 0;
    for (const log of VIEWER_LOGS) {
      for (const e of t.events[log]) {
        if (e.time <= from || e.time > to) continue;
        if (e.level === 'Error' || e.level === 'Critical') errors++;
        else if (e.level === 'Warning') warnings++;
        if (e.source === 'ADSync' && e.eventId === 904 && e.message.includes('Completed')) syncCycles++;
        if (
          e.source === 'Directory Synchronization' &&
          e.eventId === 657 &&
          e.message.includes('Result: Success')
        )
          passwordChangesSynced++;
      }
    }
    if (errors || warnings) problems.push({ host: t.hostname, errors, warnings });
  }
  problems.sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || a.host.localeCompare(b.host));
  const items = [
    plural(syncCycles, 'sync cycle', 'sync cycles'),
    plural(passwordChangesSynced, 'password change synced', 'password changes synced'),
    ...problems.map((p) =>
      [
        p.errors ? plural(p.errors, 'error', 'errors') : '',
        p.warnings ? plural(p.warnings, 'warning', 'warnings') : '',
      ]
        .filter(Boolean)
        .join(' and ')
        .concat(` on ${p.host}`),
    ),
  ];
  if (problems.length === 0) items.push('no errors or warnings');
  return {
    from,
    to,
    syncCycles,
    passwordChangesSynced,
    problems,
    text: `${formatSkip(to - from)}: ${items.join(', ')}`,
  };
}
