/**
 * Event logs from the console: Get-EventLog (classic logs, -List), Get-WinEvent (-LogName,
 * -ProviderName, -ListLog, -FilterHashtable, -MaxEvents) and wevtutil (qe, el). They read the
 * host's logs as they are when the command runs and print them in the cmdlets' format views:
 * Get-EventLog's Index/Time/EntryType/Source/InstanceID/Message table, Get-WinEvent's table
 * grouped under "ProviderName:" headers, wevtutil's text and XML renderings.
 *
 * The commands live in eventLog/: logs.ts (the logs a host has, levels and entry types),
 * getEventLog.ts, winEventQuery.ts (what Get-WinEvent selects and its errors), getWinEvent.ts and
 * wevtutil.ts; this module assembles them.
 */
import { getEventLog } from './getEventLog';
import { getWinEvent } from './getWinEvent';
import { wevtutil } from './wevtutil';
import type { CommandDef } from '../types';

export const EVENTLOG_COMMANDS: readonly CommandDef[] = [getEventLog, getWinEvent, wevtutil];
