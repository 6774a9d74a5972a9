/**
 * The sync scheduler's cycle and password hash sync, as plans: what the service holds when a
 * cycle or a PHS pass starts, and what it keeps of their results.
 */
import type { CycleResult } from '../../sync/cycleScript';
import type { PhsResult } from '../../sync/phsScript';
import { effectiveInterval, RUN_HISTORY_LIMIT, type AdSyncState } from '../../sync/state';
import { lastWithAll } from '../../core/bounded';
import type { AdSyncPlan } from './plan';
import type { AdSyncContext } from './types';

export const phsActive = (c: AdSyncContext) =>
  !!c.state.config?.features.passwordHashSync && !c.state.scheduler.stagingMode;

/** After a cycle: the next one is due an interval after this one started. */
function nextDue(s: AdSyncState['scheduler'], now: number): AdSyncState['scheduler'] {
  return { ...s, nextRunAt: (s.cycleStartedAt ?? now) + effectiveInterval(s), cycleStartedAt: undefined };
}

function applyCycle(state: AdSyncState, r: CycleResult, now: number): AdSyncState {
  let seq = state.runSeq;
  const runs = r.runs.map((x) => ({ ...x, id: ++seq }));
  return {
    ...state,
    connectorSpace: r.connectorSpace,
    groupSpace: r.groupSpace,
    groupsExported: r.groupsExported,
    ...(r.watermark ? { adWatermark: r.watermark } : {}),
    runHistory: lastWithAll(state.runHistory, runs, RUN_HISTORY_LIMIT),
    runSeq: seq,
    cycleInProgress: false,
    scheduler: { ...nextDue(state.scheduler, now), nextPolicy: 'Delta' },
  };
}

// The scheduler counts its interval from a cycle's start, so cycles do not drift by the time
// each one takes. A cycle cut short (the service stopped) leaves the due time as it was, so
// the service runs it when it starts again.
export const startCycle = (c: AdSyncContext, now: number): Partial<AdSyncContext> => ({
  state: { ...c.state, cycleInProgress: true, scheduler: { ...c.state.scheduler, cycleStartedAt: now } },
  policy: c.requested ?? c.state.scheduler.nextPolicy,
  seq: c.seq + 1,
  requested: undefined,
});

export function takeCycle(c: AdSyncContext, r: CycleResult | undefined, now: number): AdSyncPlan {
  if (!r)
    return {
      patch: { state: { ...c.state, cycleInProgress: false, scheduler: nextDue(c.state.scheduler, now) } },
    };
  return {
    patch: { state: applyCycle(c.state, r, now) },
    log: r.events,
    kickPhs: r.exportedToCloud && !c.state.phs.fullSyncDone,
  };
}

export function takePhs(c: AdSyncContext, r: PhsResult | undefined): AdSyncPlan {
  if (!r) return {};
  return { patch: { state: { ...c.state, phs: r.phs } }, ...(r.events.length > 0 ? { log: r.events } : {}) };
}
