/**
 * Moments a fault can be scheduled for, besides a lab time: the first time the learner does
 * something. Checked after every learner command (not during clock steps), so a replay fires them
 * at the same point.
 */
import type { LabTruth } from '../lab/truth';

export const TRIGGERS = {
  'sspr.opened': {
    label: 'the learner first opens the SSPR page',
    test: (t: LabTruth) => t.browser.sspr.page.page !== 'closed',
  },
  'myaccount.opened': {
    label: 'the learner first opens My Account',
    test: (t: LabTruth) => t.browser.myAccount.page.page !== 'closed',
  },
  'wizard.opened': {
    label: 'the learner first opens the Entra Connect wizard',
    test: (t: LabTruth) =>
      Object.values(t.hosts).some((h) => h.adsync && h.adsync.wizard.page.page !== 'closed'),
  },
  'signin.attempted': {
    label: 'someone first tries to sign in on a PC',
    test: (t: LabTruth) =>
      Object.values(t.hosts).some(
        (h) =>
          h.host.desktop?.lastUser !== undefined &&
          (h.host.desktop.screen === 'desktop' || h.host.desktop.message !== undefined),
      ),
  },
  'sspr.reset': {
    label: 'a password is first reset through SSPR',
    test: (t: LabTruth) =>
      t.tenant.audit.some((a) => a.activity === 'Reset password (self-service)' && a.status === 'Success'),
  },
} as const;

export type TriggerId = keyof typeof TRIGGERS;
export const TRIGGER_IDS = Object.keys(TRIGGERS) as TriggerId[];
