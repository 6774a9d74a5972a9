/**
 * Issue 15, item 5 and "found by other checks": who the audit log names for an admin reset, the
 * reasons it gives, and which SSPR code each writeback failure path shows.
 * Sources: Microsoft Learn "Troubleshoot self-service password reset" (SSPR usage table: "On-premises
 * policy violation"; error table: OnPremisesAdminActionRequired = 29 for a failure on the
 * on-premises side, OnPremisesConnectivityError = 30 for connectivity); "SSPR reports / audit
 * activities" (Reset password (by admin), OnPremisesAgent); shared/reference/entra-behaviour.md
 * 3.1, 3.2 and L21. Item 14: the audit record's status reason is the code's name from the error
 * table (`OnPremisesConnectivityError`, as the AuditLogs table's ResultDescription shows it).
 */
import { describe, expect, it } from 'vitest';
import { admin, wait } from '../../harness';
import { inject, MICHAEL, out, ssprAttempt, workingLab } from '../faults/faultHarness';
import type { Lab } from '../../../simulation/facade/lab';

const GLOBAL_ADMIN = 'admin@everestitt.onmicrosoft.com';

const lastAdminReset = (lab: Lab) =>
  lab
    .learnerView()
    .adminCenter.audit.filter((a) => a.activity === 'Reset password (by admin)')
    .at(-1);

function adminReset(lab: Lab, password: string): void {
  admin(lab, { type: 'user.resetPassword', user: MICHAEL, password, forceChange: false, portal: 'entra' });
  wait(lab, '1m');
}

describe('Reset password (by admin) in the audit log (Microsoft Learn "Self-service password reset reports"; "Troubleshoot self-service password reset", SSPR usage table)', () => {
  it('names the admin as initiator and Michael as target, with the Connect agent', () => {
    const lab = workingLab();
    adminReset(lab, 'Entra#Reset2026');
    expect(lastAdminReset(lab)).toMatchObject({
      status: 'Success',
      initiatedBy: GLOBAL_ADMIN,
      target: MICHAEL,
      details: { OnPremisesAgent: 'Microsoft Entra Connect' },
    });
  });

  it('an AD policy refusal is "On-premises policy violation", not a bare token', () => {
    const lab = workingLab();
    out(lab, 'dc01', 'Set-ADDefaultDomainPasswordPolicy laborhub.store -MinPasswordLength 20');
    adminReset(lab, 'Entra#Reset2026');
    const entry = lastAdminReset(lab);
    expect(entry).toMatchObject({ status: 'Failure', initiatedBy: GLOBAL_ADMIN, target: MICHAEL });
    expect(entry?.statusReason).toBe('On-premises policy violation');
  });
});

describe('writeback failure paths (Microsoft Learn "Troubleshoot self-service password reset": OnPremisesAdminActionRequired = 29, OnPremisesConnectivityError = 30; reference 3.1, L21)', () => {
  it('SYNC01 cannot locate a DC (AD side): SSPR_0029 and the on-premises problem reason', () => {
    const lab = workingLab();
    inject(lab, 'L21');
    const page = ssprAttempt(lab);
    expect(page.page).toBe('error');
    expect(JSON.stringify(page)).toContain('SSPR_0029');
    expect(JSON.stringify(page)).not.toContain('SSPR_0030');
    const entry = lab
      .learnerView()
      .adminCenter.audit.filter((a) => a.activity === 'Reset password (self-service)')
      .at(-1);
    expect(entry?.statusReason).toBe('OnPremisesAdminActionRequired');
  });

  it('the relay unreachable (ADSync stopped): SSPR_0030 and the connectivity reason', () => {
    const lab = workingLab();
    inject(lab, 'L6');
    wait(lab, '15m');
    const page = ssprAttempt(lab);
    expect(JSON.stringify(page)).toContain('SSPR_0030');
    expect(lab.learnerView().adminCenter.audit.at(-1)?.statusReason).toBe('OnPremisesConnectivityError');
  });
});

const lastReason = (lab: Lab, activity: string) =>
  lab
    .learnerView()
    .adminCenter.audit.filter((a) => a.activity === activity)
    .at(-1)?.statusReason;

describe('item 14: coded status reasons (Microsoft Learn "Troubleshoot self-service password reset", error table)', () => {
  it('SSPR off (L1) logs TenantSSPRFlagDisabled; Michael outside the group (L2) UserNotMemberOfScopedAccessGroup', () => {
    const off = workingLab();
    inject(off, 'L1');
    expect(ssprAttempt(off)).toMatchObject({ code: 'SSPR_0009' });
    expect(lastReason(off, 'Self-service password reset flow activity progress')).toBe(
      'TenantSSPRFlagDisabled',
    );
    const outside = workingLab();
    inject(outside, 'L2');
    expect(ssprAttempt(outside)).toMatchObject({ code: 'SSPR_0013' });
    expect(lastReason(outside, 'Self-service password reset flow activity progress')).toBe(
      'UserNotMemberOfScopedAccessGroup',
    );
  });

  it('no reason is a 2017-era sentence, and a block is not given an invented one', () => {
    const lab = workingLab();
    for (let i = 0; i < 7; i += 1) ssprAttempt(lab, `Spring#Reset20${30 + i}`);
    const audit = lab.learnerView().adminCenter.audit;
    const blocked = audit.filter((a) => a.activity === 'Blocked from self-service password reset');
    expect(blocked.length).toBeGreaterThan(0);
    expect(blocked.every((a) => a.statusReason === undefined)).toBe(true);
    for (const a of audit)
      expect(a.statusReason ?? '').not.toMatch(/resolve this|sync machine's event log|blocked for 24 hours/);
  });
});
