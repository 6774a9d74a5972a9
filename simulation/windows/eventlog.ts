/**
 * Windows event logs as data: each host keeps Application, System and Security logs with the real
 * sources, event IDs and levels. A log has a maximum size and overwrites its oldest entries, as
 * Windows does, so a long run does not grow without bound.
 */
import { lastWith } from '../core/bounded';
export type LogName = 'Application' | 'System' | 'Security' | 'Directory Service' | 'DNS Server';

export type EventLevel = 'Information' | 'Warning' | 'Error' | 'Critical' | 'Audit Success' | 'Audit Failure';

export interface WinEvent {
  /** Per-log record number, as Event Viewer's "Event Record ID". */
  recordId: number;
  log: LogName;
  source: string;
  eventId: number;
  level: EventLevel;
  /** Lab time (epoch ms) when the host wrote it; shown in the host's local time. */
  time: number;
  computer: string;
  message: string;
  taskCategory?: string;
  user?: string;
}

export type EventLogs = Partial<Record<LogName, { next: number; entries: WinEvent[] }>>;

export const LOG_CAPACITY = 1500;

export type NewEvent = Omit<WinEvent, 'recordId' | 'computer' | 'time'>;

export function appendEvent(logs: EventLogs, entry: NewEvent, time: number, computer: string): EventLogs {
  const log = logs[entry.log] ?? { next: 1, entries: [] };
  const full: WinEvent = { ...entry, recordId: log.next, time, computer };
  return { ...logs, [entry.log]: { next: log.next + 1, entries: lastWith(log.entries, full, LOG_CAPACITY) } };
}

export function appendEvents(
  logs: EventLogs,
  entries: readonly NewEvent[],
  time: number,
  computer: string,
): EventLogs {
  return entries.reduce((acc, e) => appendEvent(acc, e, time, computer), logs);
}

export function allEvents(logs: EventLogs): WinEvent[] {
  return Object.values(logs).flatMap((l) => l?.entries ?? []);
}
