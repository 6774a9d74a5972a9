/**
 * Issue 15, item 12: a sync server that has run password hash sync for months has heartbeats in
 * its Application log, so `Invoke-ADSyncDiagnostics -PasswordSync` finds one from the lab's first
 * minute. Sources: Microsoft Learn "Troubleshoot password hash synchronization with Microsoft Entra
 * Connect Sync" (learn.microsoft.com/entra/identity/hybrid/connect/tshoot-connect-password-hash-synchronization:
 * the diagnostic looks for a heartbeat in the last 3 hours) and reference §4.5 (653/654 "Provision
 * credentials ping start./end." every 30 minutes when there is nothing to sync).
 */
import { describe, expect, it } from 'vitest';
import { Lab } from '../../../simulation/facade/lab';
import { presetDefinition } from '../../../simulation/lab/presets';
import { wait } from '../../harness';
import { out } from '../faults/faultHarness';

const configured = () => new Lab({ definition: presetDefinition('configured'), seed: 11 });

describe('PHS heartbeat history (learn.microsoft.com/entra/identity/hybrid/connect/tshoot-connect-password-hash-synchronization)', () => {
  it('a freshly started healthy lab reports the heartbeat of 30 minutes before the start', () => {
    const lab = configured();
    wait(lab, '1m');
    const text = out(lab, 'sync01', 'Invoke-ADSyncDiagnostics -PasswordSync');
    expect(text).toContain(
      'Latest Password Hash Synchronization heartbeat is detected at: 3/2/2026 7:30:00 AM UTC',
    );
    expect(text).not.toContain('heartbeat is not detected');
  });

  it('the Application log holds 653/654 pings every 30 minutes for the last three hours, oldest first', () => {
    const lab = configured();
    // Event Viewer lists the newest first.
    const pings = [...(lab.learnerView().tools.sync01?.events.Application ?? [])]
      .reverse()
      .filter((e) => e.source === 'Directory Synchronization' && (e.eventId === 653 || e.eventId === 654));
    expect(pings.map((e) => e.eventId)).toEqual(
      [653, 654, 653, 654, 653, 654, 653, 654, 653, 654, 653, 654].slice(0, pings.length),
    );
    expect(pings).toHaveLength(12);
    const ends = pings.filter((e) => e.eventId === 654).map((e) => e.time);
    const start = Date.parse('2026-03-02T08:00:00Z');
    expect(Math.max(...ends)).toBe(start - 30 * 60_000);
    expect(Math.min(...ends)).toBe(start - 180 * 60_000);
  });

  it('the first pass after the start sends hashes (no ping); the next ping comes 30 minutes after it', () => {
    const lab = configured();
    wait(lab, '29m');
    const at = (lab.learnerView().tools.sync01?.events.Application ?? []).filter((e) => e.eventId === 654);
    expect(at.every((e) => e.time < Date.parse('2026-03-02T08:00:00Z'))).toBe(true);
    wait(lab, '3m');
    const after = (lab.learnerView().tools.sync01?.events.Application ?? []).filter((e) => e.eventId === 654);
    expect(Math.max(...after.map((e) => e.time))).toBeGreaterThanOrEqual(Date.parse('2026-03-02T08:30:00Z'));
  });

  it('with password hash sync not configured (the fresh lab) there is no history', () => {
    const lab = new Lab({ definition: presetDefinition('fresh'), seed: 11 });
    const pings = (lab.learnerView().tools.sync01?.events.Application ?? []).filter((e) => e.eventId === 654);
    expect(pings).toEqual([]);
  });
});
