/**
 * Faults of the Entra Connect server and its path to the cloud: L6 (ADSync stopped), L7 (edge
 * firewall blocks 443), L17 (staging mode), L18 (scheduler off), L19 (PHS off). Symptoms are
 * checked where a learner sees them: the SSPR portal, the admin center's on-premises integration
 * status, the sync server's Application log (Event Viewer), the Services console, the console.
 */
import { describe, expect, it } from 'vitest';
import { customizeSync, must, signIn, wait } from '../../harness';
import { appLog, holds, ids, inject, MICHAEL, out, ssprAttempt, workingLab } from './faultHarness';
import type { Lab } from '../../../simulation/facade/lab';

const cloudPasswordOf = (lab: Lab) => lab.truth().tenant.users.find((u) => u.upn === MICHAEL)?.password;

/** Michael changes his password on PC2 (Ctrl+Alt+Del): an on-premises change PHS should carry. */
function changeOnPc2(lab: Lab, from: string, to: string): void {
  signIn(lab, 'pc2', 'michael.brown', from);
  expect(lab.learnerView().desktops.pc2?.screen).toBe('desktop');
  must(lab, {
    type: 'desktop.changePassword',
    host: 'pc2',
    user: 'michael.brown',
    oldPassword: from,
    newPassword: to,
  });
  expect(lab.learnerView().desktops.pc2?.banner).toBe('Your password has been changed.');
}

describe('L6 the ADSync service is stopped on SYNC01', () => {
  it('SSPR_0030, the portal cannot reach the writeback client, 31016 in the log, PHS stops; starting it fixes all', () => {
    const lab = workingLab();
    const t0 = lab.now();
    inject(lab, 'L6');
    expect(ids(appLog(lab, 'sync01', t0))).toContain(31016);
    const svc = lab.learnerView().tools.sync01?.services.find((s) => s.name === 'ADSync');
    expect(svc).toMatchObject({ displayName: 'Microsoft Azure AD Sync', status: 'Stopped' });
    wait(lab, '7m');
    expect(lab.learnerView().adminCenter.passwordReset.onPremises).toMatchObject({
      healthy: false,
      status: "Unfortunately, it looks like we can't connect to your on-premises writeback client right now.",
    });
    expect(ssprAttempt(lab)).toMatchObject({ page: 'error', code: 'SSPR_0030' });
    // PHS has stopped: a password changed on PC2 does not reach the cloud.
    const before = cloudPasswordOf(lab);
    changeOnPc2(lab, 'Welcome@2026', 'Onprem#Change2026');
    wait(lab, '5m');
    expect(cloudPasswordOf(lab)).toBe(before);

    // Fix from the Services console.
    const t1 = lab.now();
    must(lab, { type: 'service.start', host: 'sync01', service: 'ADSync' });
    wait(lab, '3m');
    expect(holds(lab, 'L6')).toBe(false);
    expect(ids(appLog(lab, 'sync01', t1))).toContain(31015);
    expect(lab.learnerView().adminCenter.passwordReset.onPremises.healthy).toBe(true);
    expect(cloudPasswordOf(lab)).toBe('Onprem#Change2026');
    expect(ssprAttempt(lab, 'Summer#Reset2026')).toMatchObject({ page: 'done' });
  });

  it('route 2: Start-Service ADSync in PowerShell on SYNC01', () => {
    const lab = workingLab();
    inject(lab, 'L6');
    out(lab, 'sync01', 'Start-Service ADSync');
    wait(lab, '2m');
    expect(holds(lab, 'L6')).toBe(false);
    expect(lab.learnerView().tools.sync01?.services.find((s) => s.name === 'ADSync')?.status).toBe('Running');
  });
});

describe('L7 the edge firewall blocks outbound 443 from 192.168.6.10', () => {
  it('SSPR_0030 and Service Bus errors in the log; an allow rule for *.servicebus.windows.net fixes it', () => {
    const lab = workingLab();
    const t0 = lab.now();
    inject(lab, 'L7');
    wait(lab, '8m');
    const log = ids(appLog(lab, 'sync01', t0));
    expect(log).toEqual(expect.arrayContaining([32002]));
    expect(log.some((id) => id === 31034 || id === 31044)).toBe(true);
    expect(lab.learnerView().adminCenter.passwordReset.onPremises.healthy).toBe(false);
    expect(ssprAttempt(lab)).toMatchObject({ page: 'error', code: 'SSPR_0030' });
    // The gateway's firewall page shows the rule.
    expect(lab.learnerView().gateway.rules[0]?.summary).toBe(
      'Drop outbound TCP port 443 from 192.168.6.10/32 to any destination',
    );
    must(lab, {
      type: 'gateway.firewall',
      add: {
        id: 'allow-sb',
        direction: 'outbound',
        action: 'allow',
        transport: 'tcp',
        port: 443,
        host: '*.servicebus.windows.net',
      },
    });
    wait(lab, '5m');
    expect(holds(lab, 'L7')).toBe(false);
    expect(lab.learnerView().adminCenter.passwordReset.onPremises.healthy).toBe(true);
    expect(ssprAttempt(lab)).toMatchObject({ page: 'done' });
  });

  it('route 2: delete the block rule', () => {
    const lab = workingLab();
    inject(lab, 'L7');
    const id = lab.learnerView().gateway.rules[0]?.id ?? '';
    must(lab, { type: 'gateway.firewall', remove: id });
    wait(lab, '5m');
    expect(holds(lab, 'L7')).toBe(false);
    expect(ssprAttempt(lab)).toMatchObject({ page: 'done' });
  });
});

describe('L17 SYNC01 is in staging mode', () => {
  it('no writeback (SSPR_0030) and StagingModeEnabled : True; the wizard turns it off', () => {
    const lab = workingLab();
    inject(lab, 'L17');
    wait(lab, '8m');
    expect(out(lab, 'sync01', 'Get-ADSyncScheduler')).toMatch(/StagingModeEnabled\s+: True/);
    expect(ssprAttempt(lab)).toMatchObject({ page: 'error', code: 'SSPR_0030' });
    must(lab, { type: 'connect.wizard', action: { type: 'open' } });
    must(lab, { type: 'connect.wizard', action: { type: 'next' } });
    must(lab, { type: 'connect.wizard', action: { type: 'chooseTask', task: 'staging' } });
    must(lab, { type: 'connect.wizard', action: { type: 'next' } });
    must(lab, {
      type: 'connect.wizard',
      action: {
        type: 'setCredentials',
        user: 'admin@everestitt.onmicrosoft.com',
        password: 'CloudAdmin!2026',
      },
    });
    must(lab, { type: 'connect.wizard', action: { type: 'next' } });
    must(lab, { type: 'connect.wizard', action: { type: 'setStaging', enabled: false } });
    for (let i = 0; i < 3 && lab.learnerView().connect?.page.page !== 'complete'; i++)
      must(lab, { type: 'connect.wizard', action: { type: 'next' } });
    wait(lab, '3m');
    expect(holds(lab, 'L17')).toBe(false);
    expect(out(lab, 'sync01', 'Get-ADSyncScheduler')).toMatch(/StagingModeEnabled\s+: False/);
    expect(ssprAttempt(lab)).toMatchObject({ page: 'done' });
  });
});

describe('L18 the scheduler is disabled', () => {
  it('SyncCycleEnabled : False; Set-ADSyncScheduler and a delta cycle fix it', () => {
    const lab = workingLab();
    inject(lab, 'L18');
    expect(out(lab, 'sync01', 'Get-ADSyncScheduler')).toMatch(/SyncCycleEnabled\s+: False/);
    // Password hash sync still runs (it does not depend on the scheduler).
    changeOnPc2(lab, 'Welcome@2026', 'Onprem#Change2026');
    wait(lab, '4m');
    expect(cloudPasswordOf(lab)).toBe('Onprem#Change2026');
    out(lab, 'sync01', 'Set-ADSyncScheduler -SyncCycleEnabled $true');
    expect(holds(lab, 'L18')).toBe(false);
    expect(out(lab, 'sync01', 'Start-ADSyncSyncCycle -PolicyType Delta')).toMatch(
      /Result\s*:?\s*\n?.*Success|Success/,
    );
  });
});

describe('L19 password hash sync is disabled for the AD connector', () => {
  it('an on-premises password change never reaches the cloud; the wizard turns PHS back on', () => {
    const lab = workingLab();
    inject(lab, 'L19');
    expect(
      out(lab, 'sync01', 'Get-ADSyncAADPasswordSyncConfiguration -SourceConnector "laborhub.store"'),
    ).toMatch(/laborhub\.store\s+everestitt\.onmicrosoft\.com - AAD False/);
    changeOnPc2(lab, 'Welcome@2026', 'Onprem#Change2026');
    wait(lab, '10m');
    expect(cloudPasswordOf(lab)).not.toBe('Onprem#Change2026');
    customizeSync(lab, { passwordHashSync: true });
    wait(lab, '5m');
    expect(holds(lab, 'L19')).toBe(false);
    expect(cloudPasswordOf(lab)).toBe('Onprem#Change2026');
  });
});

describe('L8 TLS 1.2 is disabled on SYNC01', () => {
  const KEY =
    'HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client';
  // Issue 15 item 2: the .NET TLS handshake failure (no common algorithm), not the root-CA text
  // (Microsoft Learn "Troubleshoot password writeback": TLS 1.2 and missing root CAs are separate).
  it('31034 with the TLS handshake failure (no common algorithm; .NET SslStream SEC_E_ALGORITHM_MISMATCH, Microsoft Learn "Troubleshoot password writeback") and SSPR_0030; reg.exe and a restart fix it', () => {
    const lab = workingLab();
    const t0 = lab.now();
    inject(lab, 'L8');
    wait(lab, '8m');
    const log = appLog(lab, 'sync01', t0);
    expect(ids(log)).toContain(31034);
    expect(
      log.some(
        (e) =>
          e.eventId === 31034 &&
          e.message.endsWith(
            'System.ComponentModel.Win32Exception: The client and server cannot communicate, because they do not possess a common algorithm',
          ),
      ),
    ).toBe(true);
    expect(log.some((e) => e.message.includes('remote certificate is invalid'))).toBe(false);
    expect(ssprAttempt(lab)).toMatchObject({ page: 'error', code: 'SSPR_0030' });
    expect(out(lab, 'sync01', `reg query "${KEY}"`, 'cmd')).toMatch(/Enabled\s+REG_DWORD\s+0x0/);
    out(lab, 'sync01', `reg add "${KEY}" /v Enabled /t REG_DWORD /d 1 /f`, 'cmd');
    out(lab, 'sync01', `reg add "${KEY}" /v DisabledByDefault /t REG_DWORD /d 0 /f`, 'cmd');
    expect(holds(lab, 'L8')).toBe(true); // SCHANNEL reads it at boot
    must(lab, { type: 'host.restart', host: 'sync01' });
    wait(lab, '5m');
    expect(holds(lab, 'L8')).toBe(false);
    expect(lab.learnerView().adminCenter.passwordReset.onPremises.healthy).toBe(true);
    expect(ssprAttempt(lab)).toMatchObject({ page: 'done' });
  });
});
