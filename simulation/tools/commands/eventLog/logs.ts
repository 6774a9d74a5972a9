/**
 * The logs a host has (the classic ones, the DC's, a few operational ones), their entries, and how
 * an event's level shows: Get-EventLog's EntryType and InstanceID, Get-WinEvent's LevelDisplayName
 * and level number, the time in the host's zone.
 */
import { toLocal } from '../time/hostTime';
import type { EventLevel, LogName, WinEvent } from '../../../windows/eventlog';
import type { WindowsHostContext } from '../../../windows/hostState';
import type { CommandEnv } from '../types';

export interface LogInfo {
  name: string;
  /** Maximum size in KB. */
  maxK: number;
  classic: boolean;
}

const BASE_LOGS: readonly LogInfo[] = [
  { name: 'Application', maxK: 20480, classic: true },
  { name: 'HardwareEvents', maxK: 20480, classic: true },
  { name: 'Internet Explorer', maxK: 1028, classic: true },
  { name: 'Key Management Service', maxK: 20480, classic: true },
  { name: 'Security', maxK: 20480, classic: true },
  { name: 'System', maxK: 20480, classic: true },
  { name: 'Windows PowerShell', maxK: 15360, classic: true },
];

const DC_LOGS: readonly LogInfo[] = [
  { name: 'Active Directory Web Services', maxK: 1028, classic: true },
  { name: 'DFS Replication', maxK: 15360, classic: true },
  { name: 'Directory Service', maxK: 1028, classic: true },
  { name: 'DNS Server', maxK: 1028, classic: true },
];

/** A few of the many operational logs -ListLog * shows (the lab writes nothing to them). */
const OTHER_LOGS: readonly LogInfo[] = [
  { name: 'ForwardedEvents', maxK: 20480, classic: false },
  { name: 'Setup', maxK: 1028, classic: false },
  { name: 'Microsoft-Windows-PowerShell/Operational', maxK: 15360, classic: false },
  { name: 'Microsoft-Windows-Time-Service/Operational', maxK: 1028, classic: false },
  { name: 'Microsoft-Windows-Windows Firewall With Advanced Security/Firewall', maxK: 1028, classic: false },
];

export function logsOf(host: WindowsHostContext): LogInfo[] {
  const classic = [...BASE_LOGS, ...(host.kind === 'dc' ? DC_LOGS : [])].sort((a, b) =>
    a.name.toLowerCase().localeCompare(b.name.toLowerCase()),
  );
  return [...classic, ...OTHER_LOGS];
}

export function entriesOf(host: WindowsHostContext, log: string): WinEvent[] {
  return host.logs[log as LogName]?.entries ?? [];
}

export function findLog(host: WindowsHostContext, name: string, classicOnly: boolean): LogInfo | undefined {
  return logsOf(host).find((l) => l.name.toLowerCase() === name.toLowerCase() && (!classicOnly || l.classic));
}

/** Classic sources carry severity bits in the event id: Get-EventLog's InstanceID shows them. */
export function instanceIdOf(e: WinEvent): number {
  if (e.source === 'Service Control Manager') {
    const sev =
      e.level === 'Error' || e.level === 'Critical'
        ? 0xc0000000
        : e.level === 'Warning'
          ? 0x80000000
          : 0x40000000;
    return sev + e.eventId;
  }
  if (e.source === 'EventLog') return 0x80000000 + e.eventId;
  return e.eventId;
}

export function entryType(level: EventLevel): string {
  switch (level) {
    case 'Critical':
    case 'Error':
      return 'Error';
    case 'Warning':
      return 'Warning';
    case 'Audit Success':
      return 'SuccessAudit';
    case 'Audit Failure':
      return 'FailureAudit';
    default:
      return 'Information';
  }
}

export function levelDisplay(level: EventLevel): string {
  return level === 'Audit Success' || level === 'Audit Failure' ? 'Information' : level;
}

export const LEVEL_NUMBER: Record<EventLevel, number> = {
  Critical: 1,
  Error: 2,
  Warning: 3,
  Information: 4,
  'Audit Success': 0,
  'Audit Failure': 0,
};

export const shownTime = (env: CommandEnv, e: WinEvent) => toLocal(env, e.time);
