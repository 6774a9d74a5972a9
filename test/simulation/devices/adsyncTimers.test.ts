/**
 * The ADSync scheduler's wait for the next cycle (adsync.machine.ts, idle's `after`): while only
 * an event can make a scheduled cycle due (the scheduler disabled, the wizard open), it sets no
 * timer. It used to set a 1-second one again and again (about 86,400 over a lab day). The cycles
 * still start when they did: at once when the scheduler is enabled again past the due time.
 */
import { describe, expect, it } from 'vitest';
import type { AnyActorRef } from 'xstate';
import type { Lab } from '../../../simulation/facade/lab';
import { wait } from '../../harness';
import { out, workingLab } from '../faults/faultHarness';

const HOUR = 3_600_000;
/** The id XState gives the wait of idle's `after: { untilNextRun }` (its event's type). */
const NEXT_RUN = 'xstate.after.untilNextRun.adsync.running.scheduler.idle';

function rootOf(lab: Lab): AnyActorRef {
  return (lab as unknown as { root: AnyActorRef }).root;
}

/** Counts the waits for the next cycle the lab's scheduler is asked to set from now on. */
function countNextRunWaits(lab: Lab): () => number {
  const scheduler = rootOf(lab).system.scheduler;
  const schedule = scheduler.schedule.bind(scheduler);
  let n = 0;
  scheduler.schedule = (source, target, event, delay, id) => {
    if (id === NEXT_RUN) n++;
    schedule(source, target, event, delay, id);
  };
  return () => n;
}

const scheduler = (lab: Lab) => lab.truth().hosts.sync01?.adsync?.state.scheduler;
const runs = (lab: Lab) => lab.truth().hosts.sync01?.adsync?.state.runHistory.length ?? 0;

describe('ADSync scheduler: no timer storm while only an event can start a cycle', () => {
  it('a lab day with the scheduler disabled sets the wait at most a few times, and no cycle runs', () => {
    const lab = workingLab();
    expect(out(lab, 'sync01', 'Set-ADSyncScheduler -SyncCycleEnabled $false')).not.toMatch(/error/i);
    const waits = countNextRunWaits(lab);
    const runsBefore = runs(lab);
    const due = scheduler(lab)?.nextRunAt ?? 0;
    wait(lab, '24h');
    expect(runs(lab)).toBe(runsBefore);
    expect(lab.now()).toBeGreaterThan(due + 23 * HOUR);
    expect(waits()).toBeLessThanOrEqual(2);

    // Enabled again long past the due time: the cycle starts at once, and the next is due an
    // interval after that start.
    const enabledAt = lab.now();
    out(lab, 'sync01', 'Set-ADSyncScheduler -SyncCycleEnabled $true');
    wait(lab, '1m');
    expect(runs(lab)).toBeGreaterThan(runsBefore);
    const next = scheduler(lab)?.nextRunAt ?? 0;
    expect(next - 30 * 60_000).toBeGreaterThanOrEqual(enabledAt);
    expect(next - 30 * 60_000).toBeLessThanOrEqual(enabledAt + 60_000);
    // Enabled, the scheduler waits for its cycles again.
    wait(lab, '2h');
    expect(waits()).toBeGreaterThan(2);
  });
});
