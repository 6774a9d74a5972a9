/**
 * The cloud sign-in and My Account pages as a state machine: user name → Next → password →
 * "Stay signed in?", the errors on the page that shows them, and Security info's Phone dialog
 * with a country code and "Call me" answered on the phone.
 */
import { describe, expect, it } from 'vitest';
import { portalStateValue } from '../../../simulation/cloud/userPortal';
import { CLOUD_SIGNIN_TEXT, REGISTRATION_TEXT } from '../../../simulation/cloud/texts';
import { presetDefinition } from '../../../simulation/lab/presets';
import { Lab } from '../../../simulation/facade/lab';
import { lastSmsCode, must, myAccount, wait } from '../../harness';

const MICHAEL = 'michael.brown@laborhub.store';
const PASSWORD = 'Welcome@2026';

/** The configured lab once password hash sync has put Michael's password in the cloud. */
function configured(): Lab {
  const lab = new Lab({ definition: presetDefinition('configured'), seed: 5 });
  wait(lab, '5m');
  return lab;
}
const page = (lab: Lab) => lab.learnerView().browser.myAccount.page;

describe('signing in at login.microsoftonline.com', () => {
  it('asks for the user name, then the password on its own page, then "Stay signed in?"', () => {
    const lab = configured();
    myAccount(lab, { type: 'open' });
    expect(page(lab)).toEqual({ page: 'signin', upn: '' });
    myAccount(lab, { type: 'submitUsername', upn: MICHAEL });
    expect(page(lab)).toEqual({ page: 'password', upn: MICHAEL });
    myAccount(lab, { type: 'submitPassword', password: PASSWORD });
    expect(page(lab)).toEqual({ page: 'kmsi', upn: MICHAEL });
    expect(lab.learnerView().browser.myAccount.signedInAs?.upn).toBe(MICHAEL);
    myAccount(lab, { type: 'staySignedIn', stay: false });
    expect(page(lab)).toEqual({ page: 'home' });
  });

  it('refuses an unknown user name on the user name page, with the sign-in log entry 50034', () => {
    const lab = configured();
    myAccount(lab, { type: 'open' });
    myAccount(lab, { type: 'submitUsername', upn: 'nobody@laborhub.store' });
    expect(page(lab)).toEqual({
      page: 'signin',
      upn: 'nobody@laborhub.store',
      error: CLOUD_SIGNIN_TEXT.unknownUser,
    });
    expect(lab.truth().tenant.signIns.at(-1)).toMatchObject({ errorCode: 50034, status: 'Failure' });
  });

  it('shows a wrong password on the password page, and Back returns to the user name', () => {
    const lab = configured();
    myAccount(lab, { type: 'open' });
    myAccount(lab, { type: 'submitUsername', upn: MICHAEL });
    myAccount(lab, { type: 'submitPassword', password: 'wrong' });
    expect(page(lab)).toEqual({ page: 'password', upn: MICHAEL, error: CLOUD_SIGNIN_TEXT.badPassword });
    expect(lab.truth().tenant.signIns.at(-1)).toMatchObject({ errorCode: 50126 });
    myAccount(lab, { type: 'back' });
    expect(page(lab)).toEqual({ page: 'signin', upn: MICHAEL });
  });

  it('takes the whole sign-in as one scripted action and answers "No" to "Stay signed in?"', () => {
    const lab = configured();
    myAccount(lab, { type: 'open' });
    myAccount(lab, { type: 'signIn', upn: MICHAEL, password: PASSWORD });
    expect(page(lab)).toEqual({ page: 'home' });
  });

  it('keeps navigation closed until the sign-in is finished', () => {
    const lab = configured();
    myAccount(lab, { type: 'open' });
    myAccount(lab, { type: 'submitUsername', upn: MICHAEL });
    myAccount(lab, { type: 'goto', page: 'securityInfo' });
    expect(page(lab).page).toBe('password');
  });
});

describe('Security info', () => {
  function signedIn(): Lab {
    const lab = configured();
    myAccount(lab, { type: 'open' });
    myAccount(lab, { type: 'signIn', upn: MICHAEL, password: PASSWORD });
    must(lab, { type: 'portal.admin', action: { type: 'user.deleteMethod', user: MICHAEL, method: 'sms' } });
    myAccount(lab, { type: 'goto', page: 'securityInfo' });
    return lab;
  }

  it('stores a phone given as country code and number in Microsoft\'s "+1 4251234567" form', () => {
    const lab = signedIn();
    myAccount(lab, { type: 'addMethod', method: 'phone' });
    myAccount(lab, { type: 'setPhone', countryCode: '+1', phone: '(425) 555-0142', method: 'sms' });
    expect(page(lab)).toMatchObject({ add: { stage: 'enterCode', phone: '+1 4255550142' } });
    myAccount(lab, { type: 'enterCode', code: lastSmsCode(lab) });
    expect(lab.learnerView().browser.myAccount.methods).toContain('Phone +1 4255550142');
  });

  it('"Call me" rings the phone; pressing # on it registers the phone', () => {
    const lab = signedIn();
    myAccount(lab, { type: 'addMethod', method: 'phone' });
    myAccount(lab, { type: 'setPhone', countryCode: '1', phone: '4255550142', method: 'call' });
    expect(page(lab)).toMatchObject({ add: { stage: 'calling', phone: '+1 4255550142' } });
    const call = lab.learnerView().phones['phone-michael']?.calls[0];
    expect(call).toMatchObject({ from: 'Microsoft', prompt: REGISTRATION_TEXT.callPrompt });
    must(lab, {
      type: 'phone.call',
      phone: 'phone-michael',
      requestId: call?.requestId,
      answer: true,
      keys: '#',
    });
    expect(page(lab)).toMatchObject({
      add: { method: 'phone', stage: 'done', text: REGISTRATION_TEXT.callAnswered },
    });
    expect(lab.learnerView().phones['phone-michael']?.calls).toEqual([]);
    expect(lab.truth().tenant.audit.at(-1)?.statusReason).toMatch(/Mobile Phone Call|all required data/);
  });

  it('a declined call goes back to the number with an error', () => {
    const lab = signedIn();
    myAccount(lab, { type: 'addMethod', method: 'phone' });
    myAccount(lab, { type: 'setPhone', phone: '+1 4255550142', method: 'call' });
    const call = lab.learnerView().phones['phone-michael']?.calls[0];
    must(lab, { type: 'phone.call', phone: 'phone-michael', requestId: call?.requestId, answer: false });
    expect(page(lab)).toEqual({
      page: 'securityInfo',
      add: { method: 'phone', stage: 'enterPhone', error: REGISTRATION_TEXT.callNotAnswered },
    });
  });

  it('Cancel closes the dialog', () => {
    const lab = signedIn();
    myAccount(lab, { type: 'addMethod', method: 'authenticator' });
    myAccount(lab, { type: 'cancelAdd' });
    expect(page(lab)).toEqual({ page: 'securityInfo' });
  });

  it('Authenticator: Next before the phone has scanned the QR code keeps the page, with an error', () => {
    const lab = signedIn();
    myAccount(lab, { type: 'addMethod', method: 'authenticator' });
    myAccount(lab, { type: 'authenticatorNext' });
    const qr = page(lab);
    if (qr.page !== 'securityInfo' || qr.add?.stage !== 'scan') throw new Error('no QR code');
    myAccount(lab, { type: 'authenticatorNext' });
    expect(page(lab)).toEqual({ ...qr, add: { ...qr.add, error: REGISTRATION_TEXT.notScanned } });
    expect(lab.learnerView().phones['phone-michael']?.authenticator.pending).toEqual([]);
    // Scanned now: the error goes, the page still waits for Next, which sends the test.
    must(lab, { type: 'phone.scan', phone: 'phone-michael', activationCode: qr.add.activationCode });
    expect(page(lab)).toEqual(qr);
    myAccount(lab, { type: 'authenticatorNext' });
    expect(page(lab)).toMatchObject({ add: { stage: 'tryItOut' } });
    expect(lab.learnerView().phones['phone-michael']?.authenticator.pending).toHaveLength(1);
  });

  it('maps every stored page to one machine state', () => {
    expect(portalStateValue({ page: 'securityInfo' })).toEqual({ securityInfo: 'list' });
    expect(
      portalStateValue({ page: 'securityInfo', add: { method: 'phone', stage: 'calling', phone: '+1 1' } }),
    ).toEqual({
      securityInfo: { phone: 'calling' },
    });
    expect(portalStateValue({ page: 'kmsi', upn: MICHAEL })).toBe('kmsi');
    // "Scan the QR code": waiting for the scan while the activation code is unused, then for Next.
    const scan = {
      page: 'securityInfo',
      add: { method: 'authenticator', stage: 'scan', activationCode: '1', url: 'u' },
    } as const;
    expect(portalStateValue(scan, { activationCode: '1' })).toEqual({
      securityInfo: { authenticator: 'scan' },
    });
    expect(portalStateValue(scan, {})).toEqual({ securityInfo: { authenticator: 'scanned' } });
  });
});
