import { describe, expect, it } from 'vitest';
import { Lab } from '../../../simulation/facade/lab';
import { presetDefinition } from '../../../simulation/lab/presets';
import { labTimeView, type LabTimeWait } from '../../../simulation/lab/labTimeView';
import { formatSkip, skippedTimeSummary } from '../../../simulation/lab/skippedTime';
import { must, run, wait, wizard } from '../../harness';

const kinds = (lab: Lab) => lab.learnerView().labTime.waits.map((w) => w.kind);
const find = (lab: Lab, kind: LabTimeWait['kind']) =>
  lab.learnerView().labTime.waits.find((w) => w.kind === kind);
const configured = () => new Lab({ definition: presetDefinition('configured') });

describe('what waits on lab time', () => {
  describe('when the lab starts with its first sync cycle', () => {
    it('shows the cycle in progress on SYNC01 with its progress and the time left', () => {
      const lab = configured();
      const start = lab.now();
      const cycle = find(lab, 'sync-cycle');
      expect(cycle).toMatchObject({ host: 'SYNC01', label: 'Sync cycle in progress', running: true });
      expect(cycle?.progress).toBe(0);
      expect(cycle?.at).toBe(start + 25_000);
      wait(lab, '10s');
      expect(find(lab, 'sync-cycle')?.progress).toBeCloseTo(0.4);
      expect(find(lab, 'sync-cycle')?.at).toBe(start + 25_000);
    });

    it('lists work under way before what is only scheduled', () => {
      expect(kinds(configured())).toEqual(['sync-cycle', 'next-phs']);
    });

    it('then shows the next scheduled delta sync, 30 minutes after the cycle began, and the next PHS run', () => {
      const lab = configured();
      const start = lab.now();
      wait(lab, '1m');
      expect(find(lab, 'sync-cycle')).toBeUndefined();
      expect(find(lab, 'next-sync')).toMatchObject({
        label: 'Next scheduled sync cycle (Delta)',
        at: start + 30 * 60_000,
        running: false,
        started: false,
      });
      const phs = find(lab, 'next-phs');
      expect(phs?.label).toBe('Next password hash sync run');
      expect(phs?.at).toBeGreaterThan(lab.now());
      expect(phs?.at).toBeLessThanOrEqual(lab.now() + 2 * 60_000);
    });
  });

  it('shows no password hash sync run while password hash sync is off (the fresh lab)', () => {
    const lab = new Lab();
    wait(lab, '1m');
    expect(kinds(lab)).toEqual(['next-sync']);
  });

  it('shows the cycle Start-ADSyncSyncCycle started as work the learner is waiting for', () => {
    const lab = configured();
    wait(lab, '1m');
    const out = run(lab, 'sync01', 'Start-ADSyncSyncCycle -PolicyType Delta', 'powershell');
    expect(out.join('\n')).toContain('Success');
    expect(find(lab, 'sync-cycle')).toMatchObject({ running: true, started: true, at: lab.now() + 25_000 });
    expect(find(lab, 'next-sync')).toBeUndefined();
  });

  it('shows the Connect wizard configuring, with its progress, until it completes', () => {
    const lab = new Lab();
    wait(lab, '1m');
    wizard(lab, { type: 'open' });
    wizard(lab, { type: 'next' });
    wizard(lab, { type: 'chooseTask', task: 'customize' });
    wizard(lab, { type: 'next' });
    wizard(lab, {
      type: 'setCredentials',
      user: 'admin@everestitt.onmicrosoft.com',
      password: 'CloudAdmin!2026',
    });
    wizard(lab, { type: 'next' });
    wizard(lab, { type: 'next' });
    wizard(lab, { type: 'next' });
    wizard(lab, { type: 'setFeature', feature: 'passwordHashSync', enabled: true });
    wizard(lab, { type: 'next' });
    wizard(lab, { type: 'next' });
    const first = find(lab, 'connect-configuring');
    expect(first).toMatchObject({
      label: 'Microsoft Entra Connect: Configuring',
      running: true,
      started: true,
    });
    expect(first?.progress).toBe(lab.learnerView().connect?.progress?.fraction);
    wait(lab, '5s');
    expect(find(lab, 'connect-configuring')?.progress).toBeGreaterThan(first?.progress ?? 1);
    // While the wizard is open the scheduler is suspended: no next scheduled cycle is promised.
    expect(find(lab, 'next-sync')).toBeUndefined();
    wait(lab, '1m');
    expect(find(lab, 'connect-configuring')).toBeUndefined();
    expect(lab.learnerView().connect?.page.page).not.toBe('configuring');
  });

  describe('when the ADSync service is stopped', () => {
    it('lists nothing on SYNC01, as Get-ADSyncScheduler could not answer', () => {
      const lab = configured();
      wait(lab, '1m');
      must(lab, { type: 'service.stop', host: 'sync01', service: 'ADSync' });
      expect(lab.learnerView().labTime.waits).toEqual([]);
    });

    it("shows the same whether an instructor's fault or the learner stopped it (no fault is read)", () => {
      const byFault = configured();
      const byHand = configured();
      wait(byFault, '1m');
      wait(byHand, '1m');
      must(byFault, { type: 'fault.inject', fault: 'L6' });
      must(byHand, { type: 'service.stop', host: 'sync01', service: 'ADSync' });
      expect(labTimeView(byFault.truth(), byFault.definition)).toEqual(
        labTimeView(byHand.truth(), byHand.definition),
      );
    });
  });
});

describe('a summary of skipped lab time', () => {
  it('counts a day of sync cycles from the event logs', () => {
    const lab = configured();
    wait(lab, '1m');
    const from = lab.now();
    wait(lab, '1d');
    const s = skippedTimeSummary(lab.learnerView().tools, from, lab.now());
    expect(s.syncCycles).toBe(48);
    expect(s.text).toBe('+1 day: 48 sync cycles, 0 password changes synced, no errors or warnings');
  });

  it('counts password changes synced and names the computer with errors', () => {
    const lab = configured();
    wait(lab, '1m');
    run(lab, 'dc01', 'net user michael.brown Changed#Pass2026', 'cmd');
    const from = lab.now();
    wait(lab, '3m');
    const s = skippedTimeSummary(lab.learnerView().tools, from, lab.now());
    expect(s.passwordChangesSynced).toBe(1);
    must(lab, { type: 'fault.inject', fault: 'L7' }); // the edge firewall drops SYNC01's outbound 443
    const from2 = lab.now();
    wait(lab, '1h');
    const s2 = skippedTimeSummary(lab.learnerView().tools, from2, lab.now());
    expect(s2.problems[0]?.host).toBe('SYNC01');
    expect(s2.problems[0]?.errors).toBeGreaterThan(0);
    expect(s2.text).toMatch(
      /^\+1 h: 2 sync cycles, 0 password changes synced, \d+ errors?( and \d+ warnings?)? on SYNC01/,
    );
  });

  it('writes the skipped time the way the clock menu does', () => {
    expect(formatSkip(86_400_000)).toBe('+1 day');
    expect(formatSkip(2 * 86_400_000 + 3_600_000)).toBe('+2 days 1 h');
    expect(formatSkip(125 * 60_000)).toBe('+2 h 5 min');
    expect(formatSkip(25_000)).toBe('+25 s');
    expect(formatSkip(0)).toBe('+0 s');
  });
});
