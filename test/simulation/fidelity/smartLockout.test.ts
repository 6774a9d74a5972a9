/**
 * Issue 15, item 9: Microsoft Entra smart lockout on the lab's cloud sign-ins. Source: Microsoft
 * Learn "Protect user accounts from attacks with Microsoft Entra smart lockout"
 * (learn.microsoft.com/entra/identity/authentication/howto-password-smart-lockout): locked for one
 * minute (60 seconds) after 10 failed attempts; the same bad password does not count again (the
 * last three bad password hashes are tracked); the page reads "Your account is temporarily locked…";
 * the sign-in is refused with AADSTS50053 (IdsLocked, Microsoft Entra error codes reference).
 */
import { describe, expect, it } from 'vitest';
import { CLOUD_SIGNIN_TEXT } from '../../../simulation/cloud/texts';
import type { Lab } from '../../../simulation/facade/lab';
import { myAccount, wait } from '../../harness';
import { MICHAEL, ssprAttempt, workingLab } from '../faults/faultHarness';

const PASSWORD = 'Welcome@2026';
const LOCKED =
  'Your account is temporarily locked to prevent unauthorized use. Try again later, and if you still have trouble, contact your admin.';

const page = (lab: Lab) => lab.learnerView().browser.myAccount.page;
const lastSignIn = (lab: Lab) => lab.learnerView().adminCenter.signIns.at(-1);

function tryPassword(lab: Lab, password: string): void {
  if (page(lab).page !== 'password') {
    myAccount(lab, { type: 'open' });
    myAccount(lab, { type: 'submitUsername', upn: MICHAEL });
  }
  myAccount(lab, { type: 'submitPassword', password });
}

function failTimes(lab: Lab, n: number): void {
  for (let i = 1; i <= n; i++) tryPassword(lab, `Wrong#${i}pass`);
}

describe('Entra smart lockout (learn.microsoft.com/entra/identity/authentication/howto-password-smart-lockout)', () => {
  it('nine bad passwords are refused as wrong; the tenth locks the account, and even the right password gets AADSTS50053', () => {
    const lab = workingLab();
    failTimes(lab, 9);
    expect(page(lab)).toMatchObject({ error: CLOUD_SIGNIN_TEXT.badPassword });
    tryPassword(lab, 'Wrong#10pass');
    expect(lastSignIn(lab)).toMatchObject({ errorCode: 50126 });
    tryPassword(lab, PASSWORD);
    expect(page(lab)).toMatchObject({ page: 'password', error: LOCKED });
    expect(lastSignIn(lab)).toMatchObject({
      user: MICHAEL,
      status: 'Failure',
      errorCode: 50053,
      failureReason:
        'Account is locked because user tried to sign in too many times with an incorrect user ID or password.',
    });
  });

  it('the lockout lasts 60 seconds of lab time; after it the right password signs in', () => {
    const lab = workingLab();
    failTimes(lab, 10);
    wait(lab, '59s');
    tryPassword(lab, PASSWORD);
    expect(lastSignIn(lab)).toMatchObject({ errorCode: 50053 });
    wait(lab, '2s');
    tryPassword(lab, PASSWORD);
    expect(page(lab)).toEqual({ page: 'kmsi', upn: MICHAEL });
    expect(lastSignIn(lab)).toMatchObject({ status: 'Success' });
  });

  it('after a lockout ends, the next failed attempt locks the account again', () => {
    const lab = workingLab();
    failTimes(lab, 10);
    wait(lab, '61s');
    tryPassword(lab, 'Another#bad1');
    tryPassword(lab, PASSWORD);
    expect(lastSignIn(lab)).toMatchObject({ errorCode: 50053 });
  });

  it('the same bad password typed again does not count (the last three bad password hashes are tracked)', () => {
    const lab = workingLab();
    for (let i = 0; i < 12; i++) tryPassword(lab, 'Same#wrong1');
    tryPassword(lab, PASSWORD);
    expect(page(lab)).toEqual({ page: 'kmsi', upn: MICHAEL });
  });

  it('a password reset through SSPR ("I forgot my password") ends the lockout', () => {
    const lab = workingLab();
    failTimes(lab, 10);
    expect(ssprAttempt(lab, 'Spring#Reset2026').page).toBe('done');
    myAccount(lab, { type: 'close' });
    tryPassword(lab, 'Spring#Reset2026');
    expect(page(lab)).toEqual({ page: 'kmsi', upn: MICHAEL });
  });
});
