/**
 * What waits on lab time, as an administrator could find it out on the real systems: a sync
 * cycle in progress (the Synchronization Service Manager shows the run, Get-ADSyncScheduler says
 * SyncCycleInProgress), a cycle asked for with Start-ADSyncSyncCycle, the next scheduled cycle
 * (Get-ADSyncScheduler's NextSyncCycleStartTimeInUTC), the next password hash sync run (every two
 * minutes while password hash sync is on), the password writeback listener connecting, and the
 * Connect wizard's Configuring page. Built from the lab's state only: no fault record is read, and
 * nothing is listed that the service could not be seen doing (a stopped service lists nothing).
 */
import { TIMINGS } from '../core/timings';
import { formatShortDateTime } from '../core/time';
import type { LabDefinition } from '../core/definition';
import { configuringProgress } from '../sync/wizardPlan';
import type { LabTruth } from './truth';

export type LabTimeWaitKind =
  'sync-cycle' | 'sync-queued' | 'next-sync' | 'next-phs' | 'writeback-listener' | 'connect-configuring';

export interface LabTimeWait {
  kind: LabTimeWaitKind;
  /** The computer it runs on, as its name shows (SYNC01). */
  host: string;
  /** What waits, in a learner's words. */
  label: string;
  /**
   * When it is expected to happen or finish (lab time, ms); undefined when the lab cannot tell in
   * advance (a connection being made): the next thing the lab has scheduled moves it on.
   */
  at?: number;
  /** `at` on the lab clock, as the clock bar shows time (`3/2/2026 8:05:14 AM`). */
  atDisplay?: string;
  /** Work already under way (its progress, 0–1, where the lab can tell it). */
  running: boolean;
  progress?: number;
  /**
   * Something the learner started, or asked for, that needs lab time to finish: with the clock
   * paused it never will, so the UI says so.
   */
  started: boolean;
}

export interface LabTimeView {
  now: number;
  /** Work under way first, then the rest soonest first. */
  waits: LabTimeWait[];
}

/** The state of each region of the ADSync actor ("running" with scheduler/phs/writeback), if running. */
function regions(activity: string): Record<string, string> | undefined {
  if (!activity.startsWith('{')) return undefined;
  try {
    const v = JSON.parse(activity) as { running?: Record<string, string> };
    return v.running;
  } catch {
    return undefined;
  }
}

function syncWaits(truth: LabTruth, def: LabDefinition, hostname: string): LabTimeWait[] {
  const h = truth.hosts[def.connect.host];
  const a = h?.adsync;
  if (!h || !a || h.power !== 'on' || h.host.services.ADSync?.status !== 'Running') return [];
  const r = regions(a.activity);
  if (!r || !a.state.config) return [];
  const now = truth.time;
  const s = a.state;
  const out: LabTimeWait[] = [];
  const cycling = r.scheduler === 'cycling' && s.cycleInProgress;
  let cycleEnd: number | undefined;
  if (cycling) {
    const start = s.scheduler.cycleStartedAt ?? now;
    cycleEnd = Math.max(now, start + TIMINGS.syncCycleBusy);
    out.push({
      kind: 'sync-cycle',
      host: hostname,
      label: 'Sync cycle in progress',
      at: cycleEnd,
      running: true,
      // The runs' real length varies: never say "done" before the service does.
      progress: Math.min(0.99, Math.max(0, (now - start) / TIMINGS.syncCycleBusy)),
      started: true,
    });
  }
  if (a.requested) {
    out.push({
      kind: 'sync-queued',
      host: hostname,
      label: `${a.requested} sync cycle requested (Start-ADSyncSyncCycle)`,
      at: cycleEnd ?? now,
      running: false,
      started: true,
    });
  }
  const wizardOpen = a.wizard.page.page !== 'closed';
  if (!cycling && !a.requested && s.scheduler.syncCycleEnabled && !wizardOpen) {
    out.push({
      kind: 'next-sync',
      host: hostname,
      label: `Next scheduled sync cycle (${s.scheduler.nextPolicy})`,
      at: Math.max(now, s.scheduler.nextRunAt),
      running: false,
      started: false,
    });
  }
  if (r.phs === 'resting' || r.phs === 'syncing') {
    out.push({
      kind: 'next-phs',
      host: hostname,
      label: r.phs === 'syncing' ? 'Password hash sync running' : 'Next password hash sync run',
      at: r.phs === 'syncing' ? now : Math.max(now, (s.phs.lastRunAt ?? now) + TIMINGS.phsInterval),
      running: r.phs === 'syncing',
      started: false,
    });
  }
  if (r.writeback === 'connecting') {
    out.push({
      kind: 'writeback-listener',
      host: hostname,
      label: 'Password writeback listener connecting',
      running: true,
      started: true,
    });
  }
  return out;
}

function wizardWait(truth: LabTruth, def: LabDefinition, hostname: string): LabTimeWait[] {
  const h = truth.hosts[def.connect.host];
  const page = h?.adsync?.wizard.page;
  if (!h || h.power !== 'on' || page?.page !== 'configuring') return [];
  const total = page.stages.reduce((sum, st) => sum + st.ms, 0);
  const rest = page.stages.slice(1).reduce((sum, st) => sum + st.ms, 0);
  // Until the cloud has answered, the end can only be estimated from the start.
  const end = page.cloudDoneAt !== undefined ? page.cloudDoneAt + rest : page.startedAt + total;
  return [
    {
      kind: 'connect-configuring',
      host: hostname,
      label: 'Microsoft Entra Connect: Configuring',
      at: Math.max(truth.time, end),
      running: true,
      progress: configuringProgress(page, truth.time).fraction,
      started: true,
    },
  ];
}

/** What waits on lab time now, from the lab's state as its tools show it. */
export function labTimeView(truth: LabTruth, def: LabDefinition): LabTimeView {
  const hostname = def.hosts.find((x) => x.id === def.connect.host)?.hostname ?? def.connect.host;
  const waits = [...wizardWait(truth, def, hostname), ...syncWaits(truth, def, hostname)];
  const order = (w: LabTimeWait) => (w.running ? 0 : 1);
  waits.sort((x, y) => order(x) - order(y) || (x.at ?? truth.time) - (y.at ?? truth.time));
  const offset = def.timeZone.offsetMinutes;
  return {
    now: truth.time,
    waits: waits.map((w) =>
      w.at === undefined ? w : { ...w, atDisplay: formatShortDateTime(w.at, offset) },
    ),
  };
}
