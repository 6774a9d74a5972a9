/**
 * Reading and setting a host's clock from a command: the host-local time now, and a clock change
 * as the learner makes it (the new offset, and Kernel-General 1 in the System log). w32tm /resync,
 * Set-Date and cmd's date and time use them.
 */
import type { HostEffect } from '../../../windows/hostOps';
import { hostClock } from '../stopwatch';
import { civil, pad2 } from './calendar';
import type { CommandEnv } from '../types';
import { localToHost } from './hostTime';

/** `2026-03-02T08:10:00.000000000Z`, as Kernel-General's time-change event writes it. */
function isoUtc(ms: number): string {
  const c = civil(ms);
  return `${c.year}-${pad2(c.month)}-${pad2(c.day)}T${pad2(c.hour)}:${pad2(c.minute)}:${pad2(c.second)}.${String(c.ms).padStart(3, '0')}000000Z`;
}

/** The System log's record of a clock change (Kernel-General 1). */
export function timeChanged(fromHostMs: number, toHostMs: number): HostEffect {
  return {
    type: 'log',
    entry: {
      log: 'System',
      source: 'Microsoft-Windows-Kernel-General',
      eventId: 1,
      level: 'Information',
      message: `The system time has changed to ${isoUtc(toHostMs)} from ${isoUtc(fromHostMs)}.\n\nChange Reason: An application or system component changed the time.`,
    },
  };
}

/** A clock change typed by the learner: the new offset, and Kernel-General 1 in the System log. */
export function setClock(env: CommandEnv, newLocal: number): HostEffect[] {
  const newHost = localToHost(env, newLocal);
  return [timeChanged(hostClock(env), newHost), { type: 'clockOffset', offsetMs: newHost - env.now }];
}
