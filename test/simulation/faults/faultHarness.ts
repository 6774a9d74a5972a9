/**
 * Shared steps for the fault tests: a working lab (the seed guide's end state, settled), the SSPR
 * attempt a learner makes as Michael, and the places a learner looks (event logs, the portal).
 * Every fault test injects one catalog fault into a working lab, looks for the symptoms the
 * reference names on the surfaces it names, fixes it by a real route and checks that the symptoms
 * are gone and the fault's predicate no longer holds.
 */
import { expect } from 'vitest';
import { Lab } from '../../../simulation/facade/lab';
import { presetDefinition } from '../../../simulation/lab/presets';
import type { SsprPage } from '../../../simulation/cloud/ssprFlow';
import { lastSmsCode, must, sspr } from '../../harness';

export const MICHAEL = 'michael.brown@laborhub.store';
export const MICHAEL_PHONE = '+1 4255550142';

/** The configured lab after a few minutes: first sync cycle done, the writeback listener up. */
export function workingLab(seed = 11): Lab {
  const lab = new Lab({ definition: presetDefinition('configured'), seed });
  must(lab, { type: 'clock.advance', ms: 5 * 60_000 });
  expect(lab.learnerView().adminCenter.passwordReset.onPremises.healthy).toBe(true);
  return lab;
}

export function inject(lab: Lab, fault: string, params?: Record<string, string>): void {
  must(lab, { type: 'fault.inject', fault, ...(params ? { params } : {}) });
  expect(holds(lab, fault)).toBe(true);
}

export function holds(lab: Lab, fault: string): boolean | undefined {
  return lab.faultStatus().find((f) => f.id === fault)?.holds;
}

/**
 * Michael's SSPR attempt through the portal, as far as it goes: user id and CAPTCHA, one SMS code
 * (a second method if asked, by the Authenticator code), then the new password. Returns the page
 * the attempt ended on.
 */
export function ssprAttempt(lab: Lab, newPassword = 'Spring#Reset2026', upn = MICHAEL): SsprPage {
  sspr(lab, { type: 'close' });
  sspr(lab, { type: 'open' });
  const start = lab.learnerView().browser.sspr;
  if (start.page !== 'userId') return start;
  sspr(lab, { type: 'submitUser', userId: upn, captcha: start.captcha.toLowerCase() });
  // With unlock allowed, the portal first asks which trouble the user has.
  if (lab.learnerView().browser.sspr.page === 'trouble')
    sspr(lab, { type: 'chooseTrouble', option: 'forgot' });
  for (let guard = 0; guard < 4; guard++) {
    const page = lab.learnerView().browser.sspr;
    if (page.page !== 'verify') break;
    if (page.options.includes('sms') && !page.smsSent && page.method !== 'sms') {
      sspr(lab, { type: 'chooseMethod', method: 'sms' });
      sspr(lab, { type: 'sendSms', phone: MICHAEL_PHONE });
      sspr(lab, { type: 'enterCode', code: lastSmsCode(lab) });
    } else return page;
  }
  const page = lab.learnerView().browser.sspr;
  if (page.page !== 'newPassword') return page;
  sspr(lab, { type: 'submitPassword', password: newPassword, confirm: newPassword });
  return lab.learnerView().browser.sspr;
}

/** The Application log of a host as Event Viewer lists it (newest first), from a lab time on. */
export function appLog(
  lab: Lab,
  host: string,
  since = 0,
  log: 'Application' | 'System' | 'Security' = 'Application',
) {
  return (lab.learnerView().tools[host]?.events[log] ?? []).filter((e) => e.time >= since);
}

export function ids(events: readonly { eventId: number }[]): number[] {
  return events.map((e) => e.eventId);
}

/** The text a console command printed (cmd or PowerShell). */
export function out(
  lab: Lab,
  host: string,
  line: string,
  shell: 'cmd' | 'powershell' = 'powershell',
): string {
  const before = lab.learnerView().consoles[host]?.[shell].transcript.length ?? 0;
  must(lab, { type: 'console.exec', host, shell, line });
  const t = lab.learnerView().consoles[host]?.[shell].transcript ?? [];
  return t
    .slice(before + 1)
    .map((l) => l.text)
    .join('\n');
}

export function adminAction(lab: Lab, action: Record<string, unknown>): void {
  must(lab, { type: 'portal.admin', action });
}

/** Michael signs in to My Account and registers Microsoft Authenticator (scan, then approve the test). */
export function registerAuthenticator(lab: Lab, password = 'Welcome@2026'): void {
  must(lab, { type: 'portal.myaccount', action: { type: 'open' } });
  must(lab, { type: 'portal.myaccount', action: { type: 'signIn', upn: MICHAEL, password } });
  must(lab, { type: 'portal.myaccount', action: { type: 'goto', page: 'securityInfo' } });
  must(lab, { type: 'portal.myaccount', action: { type: 'addMethod', method: 'authenticator' } });
  must(lab, { type: 'portal.myaccount', action: { type: 'authenticatorNext' } });
  const page = lab.learnerView().browser.myAccount.page;
  if (page.page !== 'securityInfo' || page.add?.stage !== 'scan')
    throw new Error(`unexpected page ${JSON.stringify(page)}`);
  must(lab, { type: 'phone.scan', phone: 'phone-michael', activationCode: page.add.activationCode });
  must(lab, { type: 'portal.myaccount', action: { type: 'authenticatorNext' } });
  const tryIt = lab.learnerView().browser.myAccount.page;
  if (tryIt.page !== 'securityInfo' || tryIt.add?.stage !== 'tryItOut')
    throw new Error('no test notification');
  const pending = lab.learnerView().phones['phone-michael']?.authenticator.pending[0];
  if (!pending) throw new Error('no pending notification');
  must(lab, {
    type: 'phone.respond',
    phone: 'phone-michael',
    requestId: pending.requestId,
    approve: true,
    number: tryIt.add.number,
  });
}
