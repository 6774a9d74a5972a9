/**
 * The admin center's engine side: the authentication methods policy holds a target per method
 * (Include / Exclude groups) and SSPR follows it; notifications pile up in the flyout per action;
 * On-premises integration shows the agent rows; Usage & insights and the troubleshooter checks
 * are drawn from the tenant.
 */
import { describe, expect, it } from 'vitest';
import { presetDefinition } from '../../../simulation/lab/presets';
import { Lab } from '../../../simulation/facade/lab';
import { admin, lastSmsCode, newLab, sspr, wait } from '../../harness';

const MICHAEL = 'michael.brown@laborhub.store';

function configured(): Lab {
  const lab = new Lab({ definition: presetDefinition('configured'), seed: 7 });
  wait(lab, '5m');
  return lab;
}

function ssprOptions(lab: Lab): unknown {
  sspr(lab, { type: 'open' });
  const p = lab.learnerView().browser.sspr;
  if (p.page !== 'userId') throw new Error('no CAPTCHA');
  sspr(lab, { type: 'submitUser', userId: MICHAEL, captcha: p.captcha });
  const v = lab.learnerView().browser.sspr;
  return v.page === 'verify' ? v.options : v;
}

describe('Authentication methods > Policies > SMS > Enable and Target', () => {
  it('keeps Include and Exclude groups per method and shows them in the list', () => {
    const lab = configured();
    admin(lab, {
      type: 'authMethods.policy',
      method: 'sms',
      enabled: true,
      include: ['SSPR Users'],
      exclude: [],
    });
    expect(lab.learnerView().adminCenter.authMethods.policies.find((p) => p.id === 'sms')).toMatchObject({
      enabled: true,
      target: 'SSPR Users',
      include: ['SSPR Users'],
      exclude: [],
    });
  });

  it('an excluded group takes SMS away from its members on the SSPR page', () => {
    const lab = configured();
    admin(lab, { type: 'sspr.authenticationMethods', methodsRequired: 1, methods: { mobilePhone: false } });
    expect(ssprOptions(lab)).toContain('sms');
    admin(lab, {
      type: 'authMethods.policy',
      method: 'sms',
      enabled: true,
      include: 'all',
      exclude: ['SSPR Users'],
    });
    expect(ssprOptions(lab)).not.toContain('sms');
  });

  it('refuses a group the tenant does not have, and an empty selection while enabled', () => {
    const lab = configured();
    admin(lab, { type: 'authMethods.policy', method: 'sms', enabled: true, include: ['Nobody'] });
    expect(lab.learnerView().adminCenter.notice).toEqual({
      level: 'error',
      text: 'The group "Nobody" was not found.',
    });
    admin(lab, { type: 'authMethods.policy', method: 'sms', enabled: true, include: [] });
    expect(lab.learnerView().adminCenter.notice?.level).toBe('error');
  });

  it('still takes the older single target', () => {
    const lab = configured();
    admin(lab, { type: 'authMethods.policy', method: 'email', enabled: true, target: 'SSPR Users' });
    expect(lab.truth().tenant.authMethods.email).toEqual({
      enabled: true,
      include: ['SSPR Users'],
      exclude: [],
    });
  });
});

describe('the notifications flyout', () => {
  it("keeps each action's outcome with its blade, newest first", () => {
    const lab = newLab();
    admin(lab, { type: 'sspr.properties', enabled: 'All' });
    admin(lab, { type: 'authMethods.policy', method: 'sms', enabled: true, target: 'all' });
    const n = lab.learnerView().adminCenter.notifications;
    expect(n.map((x) => [x.title, x.text])).toEqual([
      ['Authentication methods', 'Successfully saved settings.'],
      ['Password reset', 'Successfully saved settings.'],
    ]);
    expect(n[0]?.at).toBe(lab.learnerView().time.now);
  });
});

describe('Password reset > On-premises integration', () => {
  it('shows the Connect Sync agent set up and no cloud sync agent when writeback works', () => {
    const lab = configured();
    expect(lab.learnerView().adminCenter.passwordReset.onPremises.agents).toEqual([
      { name: 'Microsoft Entra Connect Sync agent', status: 'Set up complete' },
      { name: 'Microsoft Entra Connect cloud sync provisioning agent', status: 'Not detected' },
    ]);
  });

  it('shows the agent not set up on a fresh lab where Connect has no writeback', () => {
    const lab = newLab();
    expect(lab.learnerView().adminCenter.passwordReset.onPremises.agents[0]?.status).toBe(
      'Password writeback not enabled',
    );
  });
});

describe('Usage & insights and Diagnose and solve problems', () => {
  it('counts registrations and resets from the tenant and its audit log', () => {
    const lab = configured();
    sspr(lab, { type: 'open' });
    const p = lab.learnerView().browser.sspr;
    if (p.page !== 'userId') throw new Error('no CAPTCHA');
    sspr(lab, { type: 'submitUser', userId: MICHAEL, captcha: p.captcha });
    sspr(lab, { type: 'chooseMethod', method: 'sms' });
    sspr(lab, { type: 'sendSms', phone: '+1 4255550142' });
    sspr(lab, { type: 'enterCode', code: lastSmsCode(lab) });
    sspr(lab, { type: 'submitPassword', password: 'Spring#2026x', confirm: 'Spring#2026x' });
    const u = lab.learnerView().adminCenter.usage;
    expect(u.registration.find((r) => r.method === 'Mobile phone')?.users).toBe(2);
    expect(u.activity.find((a) => a.activity === 'Reset password (self-service)')).toMatchObject({
      succeeded: 1,
      failed: 0,
    });
  });

  it('checks what the cloud sees: SSPR off and no writeback on a fresh lab; in a configured lab only the users who never registered', () => {
    const fresh = newLab().learnerView().adminCenter.diagnostics;
    expect(fresh.find((d) => d.id === 'sspr')?.status).toBe('error');
    expect(fresh.find((d) => d.id === 'writeback')).toMatchObject({
      status: 'error',
      detail: 'Password writeback is not enabled in Microsoft Entra Connect.',
    });
    const ok = configured().learnerView().adminCenter.diagnostics;
    expect(ok.filter((d) => d.status !== 'ok').map((d) => d.id)).toEqual(['ready']);
    // Michael and Emma registered in the configured lab; the other users of the directory did not.
    const ready = ok.find((d) => d.id === 'ready')?.detail ?? '';
    expect(ready).toContain('james.carter@laborhub.store');
    expect(ready).not.toContain(MICHAEL);
  });

  it('sees the writeback client stop answering when ADSync stops', () => {
    const lab = configured();
    lab.dispatch({ type: 'service.stop', host: 'sync01', service: 'ADSync' });
    wait(lab, '10m');
    expect(lab.learnerView().adminCenter.diagnostics.find((d) => d.id === 'client')).toMatchObject({
      status: 'error',
      detail: "Unfortunately, it looks like we can't connect to your on-premises writeback client right now.",
    });
  });
});
