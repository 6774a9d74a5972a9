/**
 * Issue 15, item 16: Get-ADSyncScheduler's NextSyncCycleStartTimeInUTC is when the next cycle
 * really starts, and the 30-minute schedule is counted from each cycle's start, so it does not
 * drift by the time a cycle takes. Source: Microsoft Learn "Microsoft Entra Connect Sync:
 * Scheduler" (SyncCycleInProgress, NextSyncCycleStartTimeInUTC, CurrentlyEffectiveSyncCycleInterval).
 */
import { describe, expect, it } from 'vitest';
import { wait } from '../../harness';
import { out, workingLab } from '../faults/faultHarness';
import type { Lab } from '../../../simulation/facade/lab';

const adsync = (lab: Lab) => lab.truth().hosts.sync01?.adsync?.state;
/** The start times of the Microsoft Entra ID connector's delta imports, in order. */
const cycleStarts = (lab: Lab) =>
  (adsync(lab)?.runHistory ?? [])
    .filter((r) => r.profile === 'Delta Import' && !r.connector.includes('laborhub'))
    .map((r) => r.start);

describe('Get-ADSyncScheduler: Microsoft Learn "Microsoft Entra Connect Sync: Scheduler"', () => {
  it('the next start shown is the start that happens, 30 minutes after the last start, without drift', () => {
    const lab = workingLab();
    const shown = adsync(lab)?.scheduler.nextRunAt ?? 0;
    const text = out(lab, 'sync01', 'Get-ADSyncScheduler');
    expect(text).toMatch(/NextSyncCycleStartTimeInUTC\s+: \S+/);
    wait(lab, '95m');
    const starts = cycleStarts(lab);
    const after = starts.filter((s) => s >= shown);
    expect(after.length).toBeGreaterThanOrEqual(3);
    expect(after[0]).toBe(shown);
    expect((after[1] ?? 0) - (after[0] ?? 0)).toBe(30 * 60_000);
    expect((after[2] ?? 0) - (after[1] ?? 0)).toBe(30 * 60_000);
  });
});
