/**
 * The identity flows' rules, each on a working lab (the seed guide done): the domain's policy
 * decides a written-back password; password hash sync carries an on-premises password to the cloud
 * on its own 2-minute clock; a PC without a DC signs in from its cache; SSPR throttles after five
 * attempts in an hour; a sync cycle cannot start while one runs; and the reference's timings
 * (PHS 2 minutes, scheduler 30 minutes, writeback heartbeat 5 minutes) run on the lab clock.
 */
import { describe, expect, it } from 'vitest';
import { CLOUD_SIGNIN_TEXT } from '../../../simulation/cloud/texts';
import type { Lab } from '../../../simulation/facade/lab';
import { must, signIn, wait } from '../../harness';
import { MICHAEL, appLog, ids, out, ssprAttempt, workingLab } from '../../simulation/faults/faultHarness';

const POLICY_TEXT =
  'This password does not meet the length, complexity, age or history requirements of your corporate password policy.';
const OLD = 'Welcome@2026';

const adPassword = (lab: Lab) =>
  Object.values(lab.truth().hosts.dc01?.roles.directory?.users ?? {}).find((u) => u.sam === 'michael.brown')
    ?.password;
const cloudPassword = (lab: Lab) => lab.truth().tenant.users.find((u) => u.upn === MICHAEL)?.password;

/** Signs in to My Account as Michael: 'home' when the cloud took the password, else the error shown. */
function myAccountSignIn(lab: Lab, password: string): string {
  must(lab, { type: 'portal.myaccount', action: { type: 'signOut' } });
  must(lab, { type: 'portal.myaccount', action: { type: 'open' } });
  must(lab, { type: 'portal.myaccount', action: { type: 'signIn', upn: MICHAEL, password } });
  const page = lab.learnerView().browser.myAccount.page;
  must(lab, { type: 'portal.myaccount', action: { type: 'signOut' } });
  // The real flow asks for the password on a page of its own, which shows a wrong password's error.
  return page.page === 'signin' || page.page === 'password' ? (page.error ?? page.page) : page.page;
}

function resetOnDc(lab: Lab, password: string): void {
  out(
    lab,
    'dc01',
    `Set-ADAccountPassword -Identity michael.brown -Reset -NewPassword (ConvertTo-SecureString "${password}" -AsPlainText -Force)`,
  );
  expect(adPassword(lab)).toBe(password);
}

describe('the domain policy decides a written-back password', () => {
  const earlier = 'Earlier#Choice2026';
  it.each([
    [
      'history (a password of the last 24)',
      earlier,
      (lab: Lab) => {
        expect(ssprAttempt(lab, earlier)).toMatchObject({ page: 'done' });
        return earlier;
      },
    ],
    ['complexity (the password contains the user name)', 'Michael#Brown2026', () => OLD],
    [
      'length (MinPasswordLength 14)',
      'Short#Pass26',
      (lab: Lab) => {
        out(lab, 'dc01', 'Set-ADDefaultDomainPasswordPolicy -Identity laborhub.store -MinPasswordLength 14');
        return OLD;
      },
    ],
  ])('refuses %s with the policy text and 33008; AD keeps the password it had', (_why, password, prepare) => {
    const lab = workingLab();
    const current = prepare(lab);
    const t0 = lab.now();
    expect(ssprAttempt(lab, password)).toMatchObject({ page: 'newPassword', error: POLICY_TEXT });
    expect(ids(appLog(lab, 'sync01', t0))).toEqual(expect.arrayContaining([31003, 33008]));
    expect(adPassword(lab)).toBe(current);
    // The same attempt with a compliant password goes through.
    expect(ssprAttempt(lab, 'Compliant#Reset2026x')).toMatchObject({ page: 'done' });
    expect(adPassword(lab)).toBe('Compliant#Reset2026x');
  });
});

describe('password hash synchronisation', () => {
  it('a password set on the DC works in the cloud after the next PHS run, not before', () => {
    const lab = workingLab();
    resetOnDc(lab, 'Dc#Reset2026pw');
    // Same instant: the cloud still has the old hash.
    expect(cloudPassword(lab)).toBe(OLD);
    expect(myAccountSignIn(lab, 'Dc#Reset2026pw')).toBe(CLOUD_SIGNIN_TEXT.badPassword);
    expect(myAccountSignIn(lab, OLD)).toBe('home');
    wait(lab, '2m');
    expect(cloudPassword(lab)).toBe('Dc#Reset2026pw');
    expect(myAccountSignIn(lab, 'Dc#Reset2026pw')).toBe('home');
    expect(myAccountSignIn(lab, OLD)).toBe(CLOUD_SIGNIN_TEXT.badPassword);
  });

  it('runs every 2 minutes on the lab clock, independent of the 30-minute scheduler', () => {
    const lab = workingLab();
    out(lab, 'sync01', 'Set-ADSyncScheduler -SyncCycleEnabled $false');
    const runs = new Set<number>();
    for (let i = 0; i < 12; i++) {
      wait(lab, '1m');
      const at = lab.truth().hosts.sync01?.adsync?.state.phs.lastRunAt;
      if (at !== undefined) runs.add(at);
    }
    const times = [...runs].sort((a, b) => a - b);
    expect(times.length).toBeGreaterThanOrEqual(6);
    for (let i = 1; i < times.length; i++) expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBe(2 * 60_000);
  });
});

describe('the scheduler and the writeback heartbeat', () => {
  it('runs a delta cycle every 30 minutes', () => {
    const lab = workingLab();
    const deltaStarts = () =>
      (lab.truth().hosts.sync01?.adsync?.state.runHistory ?? [])
        .filter((r) => r.profile === 'Delta Import' && r.connector === 'laborhub.store')
        .map((r) => r.start);
    const before = deltaStarts().length;
    wait(lab, '95m');
    const starts = deltaStarts().slice(before);
    expect(starts.length).toBe(3);
    // 30 minutes from one cycle to the next (counted from when the previous one finished).
    for (let i = 1; i < starts.length; i++) {
      const gap = (starts[i] ?? 0) - (starts[i - 1] ?? 0);
      expect(gap).toBeGreaterThanOrEqual(30 * 60_000);
      expect(gap).toBeLessThan(31 * 60_000);
    }
  });

  it('sends a heartbeat to the Service Bus relay every 5 minutes (31019)', () => {
    const lab = workingLab();
    const t0 = lab.now();
    wait(lab, '31m');
    const beats = appLog(lab, 'sync01', t0 + 1)
      .filter((e) => e.eventId === 31019)
      .map((e) => e.time)
      .sort((a, b) => a - b);
    expect(beats.length).toBe(6);
    for (let i = 1; i < beats.length; i++) expect((beats[i] ?? 0) - (beats[i - 1] ?? 0)).toBe(5 * 60_000);
  });

  it('Start-ADSyncSyncCycle while a cycle runs answers that the connector is busy', () => {
    const lab = workingLab();
    expect(out(lab, 'sync01', 'Start-ADSyncSyncCycle -PolicyType Initial')).toMatch(
      /Result\s*\n-+\s*\nSuccess/,
    );
    expect(out(lab, 'sync01', 'Get-ADSyncScheduler')).toMatch(/SyncCycleInProgress\s+: True/);
    expect(out(lab, 'sync01', 'Get-ADSyncConnectorRunStatus')).toMatch(/Busy\s+\S+/);
    const busy = out(lab, 'sync01', 'Start-ADSyncSyncCycle -PolicyType Delta');
    expect(busy).toContain(
      'Start-ADSyncSyncCycle : System.InvalidOperationException: Connector: everestitt.onmicrosoft.com - AAD is busy.',
    );
    expect(busy).toContain('FullyQualifiedErrorId');
    // Once the cycle is over, a new one starts.
    wait(lab, '1m');
    expect(out(lab, 'sync01', 'Get-ADSyncScheduler')).toMatch(/SyncCycleInProgress\s+: False/);
    expect(out(lab, 'sync01', 'Start-ADSyncSyncCycle -PolicyType Delta')).toMatch(/Success/);
  });
});

describe('signing in to PC2 without a domain controller', () => {
  it('takes the old password from the cache and refuses the new one', () => {
    const lab = workingLab();
    signIn(lab, 'pc2', 'michael.brown', OLD);
    expect(lab.learnerView().desktops.pc2?.screen).toBe('desktop');
    must(lab, { type: 'desktop.signOut', host: 'pc2' });
    resetOnDc(lab, 'Dc#Reset2026pw');
    must(lab, { type: 'link.cut', host: 'dc01' });
    signIn(lab, 'pc2', 'michael.brown', 'Dc#Reset2026pw');
    expect(lab.learnerView().desktops.pc2?.message).toBe('The user name or password is incorrect.');
    signIn(lab, 'pc2', 'michael.brown', OLD);
    expect(lab.learnerView().desktops.pc2?.screen).toBe('desktop');
    // With the DC back, the new password is the one that works.
    must(lab, { type: 'desktop.signOut', host: 'pc2' });
    must(lab, { type: 'link.restore', host: 'dc01' });
    signIn(lab, 'pc2', 'michael.brown', OLD);
    expect(lab.learnerView().desktops.pc2?.message).toBe('The user name or password is incorrect.');
    signIn(lab, 'pc2', 'michael.brown', 'Dc#Reset2026pw');
    expect(lab.learnerView().desktops.pc2?.screen).toBe('desktop');
  });
});

describe('SSPR throttling', () => {
  it('blocks the sixth attempt within an hour for 24 hours, with the audit entry', () => {
    const lab = workingLab();
    for (let i = 1; i <= 5; i++) {
      expect(ssprAttempt(lab, `Reset#Number${i}x2026`)).toMatchObject({ page: 'done' });
      wait(lab, '5m');
    }
    expect(ssprAttempt(lab, 'Reset#Number6x2026')).toMatchObject({ page: 'error' });
    expect(adPassword(lab)).toBe('Reset#Number5x2026');
    expect(
      lab
        .learnerView()
        .adminCenter.audit.some((a) => a.activity === 'Blocked from self-service password reset'),
    ).toBe(true);
    // Still blocked after the hour is over; free again 24 hours later.
    wait(lab, '2h');
    expect(ssprAttempt(lab, 'Reset#Number6x2026')).toMatchObject({ page: 'error' });
    wait(lab, '22h');
    expect(ssprAttempt(lab, 'Reset#Number6x2026')).toMatchObject({ page: 'done' });
  });
});
