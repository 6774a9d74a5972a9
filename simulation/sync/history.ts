/**
 * What the sync server's Application log already holds when the lab starts. A server that has run
 * Entra Connect with password hash sync for months writes a ping (653 "Provision credentials ping
 * start." then 654 "Provision credentials ping end.") every 30 minutes when there is nothing to sync
 * (reference §4.5: the heartbeat Invoke-ADSyncDiagnostics -PasswordSync looks for in the last 3
 * hours), so the lab's log carries the last three hours of them, the latest 30 minutes before the
 * start. The first pass after the start sends the changed hashes (a batch, no ping), and the next
 * ping comes 30 minutes after it, continuing the same rhythm. Pure.
 */
import type { LabDefinition } from '../core/definition';
import { TIMINGS } from '../core/timings';
import type { NewEvent } from '../windows/eventlog';
import { phsEvents } from './events';

/** How far back the history goes: the window the PHS diagnostics read. */
const HISTORY_SPAN = 3 * 3600_000;

export interface PastEvent {
  at: number;
  entry: NewEvent;
}

/** The pings of the three hours before `start`, oldest first (none unless PHS was already running). */
export function phsPingHistory(def: LabDefinition, start: number): PastEvent[] {
  const c = def.connect;
  if (c.state !== 'configured' || !c.features.passwordHashSync) return [];
  const out: PastEvent[] = [];
  for (let back = HISTORY_SPAN; back >= TIMINGS.syncPing; back -= TIMINGS.syncPing) {
    const at = start - back;
    out.push({ at, entry: phsEvents.pingStart() }, { at, entry: phsEvents.pingEnd() });
  }
  return out;
}
