/**
 * Faults L1–L5, L22, L31, L32: the cloud side (SSPR policy, licensing, registration, the portal's
 * writeback switch, admin resets, throttling, admin roles). Each test injects the fault into a
 * working lab, checks the symptoms the reference (§8) names, fixes it by a real route and checks
 * that the symptoms are gone and the fault no longer holds.
 */
import { describe, expect, it } from 'vitest';
import { must, signIn, myAccount } from '../../harness';
import {
  adminAction,
  holds,
  inject,
  MICHAEL,
  registerAuthenticator,
  ssprAttempt,
  workingLab,
} from './faultHarness';

describe('L1 SSPR is set to None', () => {
  it('SSPR_0009 on the portal; the Properties blade shows None; fixed by All or by Selected with a group', () => {
    const lab = workingLab();
    inject(lab, 'L1');
    expect(lab.learnerView().adminCenter.passwordReset.properties.enabled).toBe('None');
    expect(ssprAttempt(lab)).toMatchObject({ page: 'error', code: 'SSPR_0009' });
    // Route 1: Selected, with a group that contains Michael.
    adminAction(lab, { type: 'group.create', name: 'SSPR Pilot' });
    adminAction(lab, { type: 'group.member', group: 'SSPR Pilot', user: MICHAEL, add: true });
    adminAction(lab, { type: 'sspr.properties', enabled: 'Selected', group: 'SSPR Pilot' });
    expect(holds(lab, 'L1')).toBe(false);
    expect(ssprAttempt(lab)).toMatchObject({ page: 'done' });
  });

  it('route 2: Enabled = All', () => {
    const lab = workingLab();
    inject(lab, 'L1');
    adminAction(lab, { type: 'sspr.properties', enabled: 'All' });
    expect(holds(lab, 'L1')).toBe(false);
    expect(ssprAttempt(lab)).toMatchObject({ page: 'done' });
  });
});

describe('L2 Selected, and Michael is not in the group', () => {
  it('SSPR_0013 and a failed audit entry; fixed by adding him to the group (or All)', () => {
    const lab = workingLab();
    inject(lab, 'L2');
    expect(ssprAttempt(lab)).toMatchObject({ page: 'error', code: 'SSPR_0013' });
    const audit = lab.learnerView().adminCenter.audit;
    expect(audit.at(-1)).toMatchObject({ service: 'Self-service Password Management', status: 'Failure' });
    adminAction(lab, { type: 'group.member', group: 'SSPR Pilot', user: MICHAEL, add: true });
    expect(holds(lab, 'L2')).toBe(false);
    expect(ssprAttempt(lab)).toMatchObject({ page: 'done' });
  });

  it('route 2: Enabled = All', () => {
    const lab = workingLab();
    inject(lab, 'L2');
    adminAction(lab, { type: 'sspr.properties', enabled: 'All' });
    expect(holds(lab, 'L2')).toBe(false);
    expect(ssprAttempt(lab)).toMatchObject({ page: 'done' });
  });
});

describe('L3 Michael has no Entra ID P1 licence', () => {
  it('SSPR_0012; the user has no licence in the admin center; fixed by assigning it', () => {
    const lab = workingLab();
    inject(lab, 'L3');
    const user = lab.learnerView().adminCenter.users.find((u) => u.upn === MICHAEL);
    expect(user?.licenses).toEqual([]);
    expect(ssprAttempt(lab)).toMatchObject({ page: 'error', code: 'SSPR_0012' });
    const sku = lab.learnerView().adminCenter.licenses[0]?.sku ?? '';
    adminAction(lab, { type: 'user.license', user: MICHAEL, sku, assigned: true });
    expect(holds(lab, 'L3')).toBe(false);
    expect(ssprAttempt(lab)).toMatchObject({ page: 'done' });
  });
});

describe('L4 two methods required, one registered', () => {
  it('SSPR_0014 (contact your admin); fixed by requiring one method', () => {
    const lab = workingLab();
    inject(lab, 'L4');
    expect(lab.learnerView().adminCenter.passwordReset.authenticationMethods.methodsRequired).toBe(2);
    expect(lab.learnerView().adminCenter.users.find((u) => u.upn === MICHAEL)?.methods).toEqual([
      'Phone +1 4255550142',
    ]);
    expect(ssprAttempt(lab)).toMatchObject({ page: 'error', code: 'SSPR_0014' });
    adminAction(lab, { type: 'sspr.authenticationMethods', methodsRequired: 1 });
    expect(holds(lab, 'L4')).toBe(false);
    expect(ssprAttempt(lab)).toMatchObject({ page: 'done' });
  });

  it('route 2: Michael registers the Authenticator app as a second method in My Account', () => {
    const lab = workingLab();
    inject(lab, 'L4');
    registerAuthenticator(lab);
    expect(holds(lab, 'L4')).toBe(false);
    expect(ssprAttempt(lab)).toMatchObject({ page: 'verify', step: 2 });
  });
});

describe('L5 password writeback off in the portal', () => {
  it('SSPR_0010 for a synced user; the on-premises integration blade shows it off; fixed by ticking it', () => {
    const lab = workingLab();
    inject(lab, 'L5');
    const onPrem = lab.learnerView().adminCenter.passwordReset.onPremises;
    expect(onPrem.writeback).toBe(false);
    expect(ssprAttempt(lab)).toMatchObject({ page: 'error', code: 'SSPR_0010' });
    adminAction(lab, { type: 'sspr.onPremises', writeback: true, allowUnlock: false });
    expect(holds(lab, 'L5')).toBe(false);
    expect(ssprAttempt(lab)).toMatchObject({ page: 'done' });
  });
});

describe("L22 an admin reset Michael's password in the Microsoft 365 admin center", () => {
  it('the cloud takes the new password, PC2 still wants the old one; the audit entry has no writeback agent', () => {
    const lab = workingLab();
    inject(lab, 'L22');
    myAccount(lab, { type: 'open' });
    myAccount(lab, { type: 'signIn', upn: MICHAEL, password: 'Helpdesk#Temp26' });
    expect(lab.learnerView().browser.myAccount.signedInAs?.upn).toBe(MICHAEL);
    signIn(lab, 'pc2', 'michael.brown', 'Helpdesk#Temp26');
    expect(lab.learnerView().desktops.pc2?.message).toBe('The user name or password is incorrect.');
    const entry = lab
      .learnerView()
      .adminCenter.audit.filter((a) => a.activity.startsWith('Reset password'))
      .at(-1);
    expect(entry?.activity).toBe('Reset password (by admin)');
    expect(JSON.stringify(entry)).not.toContain('Microsoft Entra Connect');
    // Fix: reset again in the Entra admin center, which writes back through Connect.
    adminAction(lab, {
      type: 'user.resetPassword',
      user: MICHAEL,
      password: 'Entra#Reset2026',
      forceChange: false,
      portal: 'entra',
    });
    expect(holds(lab, 'L22')).toBe(false);
    signIn(lab, 'pc2', 'michael.brown', 'Entra#Reset2026');
    expect(lab.learnerView().desktops.pc2?.screen).toBe('desktop');
  });
});

describe('L31 Michael is throttled', () => {
  it('a 6th attempt within an hour is blocked with an audit entry; waiting 24 hours lifts it', () => {
    const lab = workingLab();
    inject(lab, 'L31');
    const page = ssprAttempt(lab);
    expect(page).toMatchObject({ page: 'error' });
    expect(
      lab
        .learnerView()
        .adminCenter.audit.some((a) => a.activity === 'Blocked from self-service password reset'),
    ).toBe(true);
    must(lab, { type: 'clock.advance', ms: 24 * 3_600_000 + 60_000 });
    expect(holds(lab, 'L31')).toBe(false);
    expect(ssprAttempt(lab)).toMatchObject({ page: 'done' });
  });
});

describe('L32 Michael holds an admin role and admin SSPR is off', () => {
  it('SSPR_009 on the portal; fixed by turning admin SSPR back on', () => {
    const lab = workingLab();
    inject(lab, 'L32');
    expect(lab.learnerView().adminCenter.users.find((u) => u.upn === MICHAEL)?.roles).toContain(
      'Helpdesk Administrator',
    );
    expect(lab.learnerView().adminCenter.passwordReset.adminSspr).toBe(false);
    expect(ssprAttempt(lab)).toMatchObject({ page: 'error', code: 'SSPR_009' });
    adminAction(lab, { type: 'authorizationPolicy', allowedToUseSspr: true });
    expect(holds(lab, 'L32')).toBe(false);
    const after = ssprAttempt(lab);
    expect(after.page === 'done' || after.page === 'verify').toBe(true);
  });

  it('route 2: remove the admin role (test with a non-admin)', () => {
    const lab = workingLab();
    inject(lab, 'L32');
    adminAction(lab, { type: 'user.role', user: MICHAEL, role: 'Helpdesk Administrator', assigned: false });
    expect(holds(lab, 'L32')).toBe(false);
    expect(ssprAttempt(lab)).toMatchObject({ page: 'done' });
  });
});
