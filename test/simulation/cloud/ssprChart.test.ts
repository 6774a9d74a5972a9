/**
 * The SSPR pages as a state machine: every page is a state, the stored flow is plain data, and
 * the pages show Microsoft's texts (masked phone, error Details, SSPR_0029 / SSPR_009 page texts).
 */
import { describe, expect, it } from 'vitest';
import { toDirectedGraph } from 'xstate/graph';
import { ssprChart } from '../../../simulation/cloud/ssprChart';
import { SSPR_ERRORS, maskPhone } from '../../../simulation/cloud/texts';
import { admin, lastSmsCode, must, newLab, sspr } from '../../harness';
import { presetDefinition } from '../../../simulation/lab/presets';
import { Lab } from '../../../simulation/facade/lab';

const MICHAEL = 'michael.brown@laborhub.store';

function configured(): Lab {
  return new Lab({ definition: presetDefinition('configured'), seed: 3 });
}

function toVerify(lab: Lab): void {
  sspr(lab, { type: 'open' });
  const p = lab.learnerView().browser.sspr;
  if (p.page !== 'userId') throw new Error('no CAPTCHA');
  sspr(lab, { type: 'submitUser', userId: MICHAEL, captcha: p.captcha });
}

describe('the SSPR chart', () => {
  it('has one state per page, plus the transient step after a verification', () => {
    const graph = toDirectedGraph(ssprChart);
    expect(graph.children.map((c) => c.id.replace('sspr.', '')).sort()).toEqual(
      ['closed', 'done', 'error', 'newPassword', 'trouble', 'userId', 'verified', 'verify', 'working'].sort(),
    );
  });

  it('keeps the flow as plain data that survives JSON', () => {
    const lab = configured();
    toVerify(lab);
    const flow = lab.truth().browser.sspr;
    expect(JSON.parse(JSON.stringify(flow))).toEqual(flow);
  });
});

describe('when Michael opens the SSPR page', () => {
  it('prefills the user ID passed on from the sign-in page', () => {
    const lab = configured();
    sspr(lab, { type: 'open', userId: MICHAEL });
    expect(lab.learnerView().browser.sspr).toMatchObject({ page: 'userId', userId: MICHAEL });
  });

  it('shows his mobile number masked beside "Text my mobile phone"', () => {
    const lab = configured();
    toVerify(lab);
    expect(lab.learnerView().browser.sspr).toMatchObject({
      page: 'verify',
      options: expect.arrayContaining(['sms']),
      maskedPhone: '+X XXXXXXXX42',
    });
  });

  it('masks every digit but the last two', () => {
    expect(maskPhone('+1 4255550142')).toBe('+X XXXXXXXX42');
    expect(maskPhone('+44 7700900123')).toBe('+XX XXXXXXXX23');
  });

  it('offers "Approve a notification" when two methods are required, and approving it on the phone verifies', () => {
    const lab = configured();
    admin(lab, { type: 'sspr.authenticationMethods', methodsRequired: 2 });
    toVerify(lab);
    sspr(lab, { type: 'chooseMethod', method: 'authenticatorNotification' });
    sspr(lab, { type: 'sendNotification' });
    const page = lab.learnerView().browser.sspr;
    if (page.page !== 'verify' || page.pushNumber === undefined) throw new Error('no number shown');
    const pending = lab.learnerView().phones['phone-michael']?.authenticator.pending[0];
    must(lab, {
      type: 'phone.respond',
      phone: 'phone-michael',
      requestId: pending?.requestId,
      approve: true,
      number: page.pushNumber,
    });
    expect(lab.learnerView().browser.sspr).toMatchObject({ page: 'verify', step: 2, options: ['sms'] });
    sspr(lab, { type: 'chooseMethod', method: 'sms' });
    sspr(lab, { type: 'sendSms', phone: '+1 4255550142' });
    sspr(lab, { type: 'enterCode', code: lastSmsCode(lab) });
    expect(lab.learnerView().browser.sspr).toEqual({ page: 'newPassword' });
  });
});

describe('the "We\'re sorry" pages (Microsoft Learn "Troubleshoot self-service password reset", SSPR errors table; support articles for SSPR_0029 and SSPR_009)', () => {
  it('SSPR_0009 carries the Details sentence, the technical line and the support code, time and user', () => {
    const lab = newLab();
    sspr(lab, { type: 'open' });
    const p = lab.learnerView().browser.sspr;
    if (p.page !== 'userId') throw new Error('no CAPTCHA');
    sspr(lab, { type: 'submitUser', userId: MICHAEL, captcha: p.captcha });
    const e = lab.learnerView().browser.sspr;
    expect(e).toMatchObject({
      page: 'error',
      code: 'SSPR_0009',
      heading: "We're sorry",
      details: expect.stringMatching(
        /^We're sorry, you can't reset your password at this time because your administrator has disabled password reset/,
      ),
      technical: SSPR_ERRORS.SSPR_0009.technical,
      userId: MICHAEL,
      at: lab.learnerView().time.now,
    });
    if (e.page === 'error') expect(e.supportCode).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('SSPR_0029 uses the page text the support article quotes (troubleshoot SSPR_0029)', () => {
    expect(SSPR_ERRORS.SSPR_0029.technical).toBe(
      "SSPR_0029: Your organization hasn't properly set up the on-premises configuration for password reset.",
    );
    expect(SSPR_ERRORS.SSPR_0029.followUp).toBe(
      "If you're an administrator, you can get more information from the Troubleshoot password writeback article. If you're not an administrator, you can provide this information when you contact your administrator.",
    );
  });

  it('SSPR_009 uses the page text the support article quotes (troubleshoot SSPR_009)', () => {
    expect(SSPR_ERRORS.SSPR_009.heading).toBe(
      "You can't reset your own password because password reset isn't turned on for your organization.",
    );
    expect(`${SSPR_ERRORS.SSPR_009.technical} ${SSPR_ERRORS.SSPR_009.followUp}`).toBe(
      "SSPR_009: Your organization hasn't turned on password reset. If you're an administrator, you can get more information from the \"How to enable password reset\" article. If you're not an administrator, you can provide this information when you contact your administrator.",
    );
  });
});
