/**
 * The seed guide's path through Microsoft's surfaces, in Chromium, the way a learner walks it: the
 * Connect wizard (Customize synchronization options, Password writeback, the Configuring page),
 * the Entra admin center by its left navigation, blade menus and breadcrumbs (never a direct link),
 * with its unsaved-changes prompt and the SMS method's settings page, then Michael's sign-in to My
 * Account (user name, Next, password), Security info with the phone's SMS code and the
 * Authenticator's QR code scanned by clicking the phone, and SSPR. Each surface is photographed at
 * 1440×900 in the light and dark theme and scanned with axe (no critical or serious violation).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openApp } from './chromium';
import { axeScan, surfaceShots } from './surfaceShots';

const MICHAEL = 'michael.brown@laborhub.store';
// Each surface is photographed and scanned twice (light, dark): slow on a shared machine.
vi.setConfig({ testTimeout: 240_000 });

let context: BrowserContext;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  ({ context, page } = await openApp(errors));
  await page.getByTestId('lab-canvas').waitFor();
  // The surfaces fill the workspace in the pictures: the console folds to its header.
  await page.getByTestId('console-toggle').click();
});

afterAll(async () => {
  await context?.close();
});

/** Screenshots in both themes, then axe in both themes: nothing critical or serious. */
async function check(view: string): Promise<void> {
  await surfaceShots(page, `surface-${view}`);
  expect(await axeScan(page, view)).toEqual([]);
}

const text = (id: string) => page.getByTestId(id).textContent();
const crumbs = () => page.getByTestId('breadcrumb').getByRole('button');

/** The newest SMS on Michael's phone, from the Messages app. */
async function lastSmsCode(): Promise<string> {
  await page.getByTestId('phone-home').click();
  await page.getByTestId('phone-app-messages').click();
  const sms = page.getByTestId('phone-sms');
  await expect.poll(() => sms.textContent()).toMatch(/\d{6}/);
  const all = (await sms.textContent()) ?? '';
  return [...all.matchAll(/(\d{6})/g)].at(-1)?.[1] ?? '';
}

describe('Microsoft Entra Connect wizard', () => {
  it('customizes synchronization: every page in the left pane, Password writeback, then Configuring', async () => {
    await page.getByTestId('surface-connect').click();
    await page.getByTestId('wizard-open').click();
    await page.getByTestId('wizard-next').click(); // Welcome: Configure
    await page.getByTestId('task-customize').click();
    await check('connect-tasks');
    await page.getByTestId('wizard-next').click();
    await page.getByTestId('wizard-user').fill('admin@everestitt.onmicrosoft.com');
    // Enter submits the credentials page, as in the real wizard.
    await page.getByTestId('wizard-password').fill('CloudAdmin!2026');
    await page.getByTestId('wizard-password').press('Enter');
    await expect.poll(() => text('wizard-page-title'), { timeout: 20_000 }).toBe('Connect your directories');
    await page.getByTestId('wizard-next').click();
    await expect.poll(() => text('wizard-page-title')).toBe('Domain and OU filtering');
    await page.getByTestId('wizard-next').click();
    await expect.poll(() => text('wizard-page-title')).toBe('Optional features');
    await expect.poll(() => page.getByTestId('optional-features').getByRole('checkbox').count()).toBe(8);
    await page.getByTestId('feature-passwordHashSync').click();
    await page.getByTestId('feature-passwordWriteback').click();
    await check('connect-features');
    await page.getByTestId('wizard-next').click();
    await expect.poll(() => text('wizard-page-title')).toBe('Ready to configure');
    await page.getByTestId('wizard-next').click(); // Configure
    // The progress page: a bar and its stages, moving on the lab clock.
    await page.getByTestId('wizard-configuring').waitFor();
    await expect.poll(() => page.getByTestId('wizard-steps').textContent()).toContain('Configure');
    await check('connect-configuring');
    // The lab clock runs (at 1× from the start): the stages tick as it does (about 30 s in all).
    const done = () => page.getByTestId('wizard-configuring').locator('[data-state="done"]').count();
    const before = await done();
    await expect.poll(done, { timeout: 60_000 }).toBeGreaterThan(before);
    await expect.poll(() => text('wizard-page-title'), { timeout: 90_000 }).toBe('Configuration complete');
    // Paused from here, so the rest of the walk does not depend on how fast this machine is.
    await page.getByTestId('clock-play').click();
    await expect.poll(() => text('clock-play')).toBe('Play');
    await check('connect-complete');
    // The first sync cycle after it carries the password hashes to the cloud.
    await page.getByTestId('clock-forward').click();
    await page.getByRole('menuitem', { name: '+10 min' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Exit' }).count()).toBe(1);
    await page.getByTestId('wizard-next').click();
    await page.getByTestId('connect-closed').waitFor();
  });
});

describe('Microsoft Entra admin center', () => {
  it('opens Home, then Entra ID > Password reset from the left navigation', async () => {
    await page.getByTestId('surface-admin').click();
    await page.getByTestId('nav-Home').click();
    await expect.poll(() => page.getByTestId('blade-title').textContent()).toContain('Home');
    await check('admin-home');
    await page.getByTestId('nav-Entra ID/Password reset').click();
    await expect.poll(() => text('blade-title')).toBe('Password reset | Properties');
    await expect.poll(() => crumbs().allTextContents()).toEqual(['Home']);
  });

  it('asks before leaving Properties with unsaved changes; Stay keeps them, Save applies them', async () => {
    await page.getByTestId('sspr-enabled-All').click();
    await page.getByTestId('menu-Authentication methods').click();
    await page.getByTestId('leave-prompt').waitFor();
    await check('admin-leave-prompt');
    await page.getByTestId('leave-cancel').click();
    await expect.poll(() => page.getByTestId('leave-prompt').isVisible()).toBe(false);
    await expect.poll(() => text('blade-title')).toBe('Password reset | Properties');
    // (Fluent's Radio puts its test id on the input itself.)
    await expect.poll(() => page.getByTestId('sspr-enabled-All').isChecked()).toBe(true);
    await page.getByTestId('save').click();
    await page.getByText('Successfully saved settings.').first().waitFor();
    await check('admin-password-reset');
  });

  it('On-premises integration: the agents, Enable password write back, saved from the command bar', async () => {
    await page.getByTestId('menu-On-premises integration').click();
    await expect.poll(() => text('blade-title')).toBe('Password reset | On-premises integration');
    await expect.poll(() => text('onprem-agents')).toContain('Microsoft Entra Connect Sync agent');
    const writeback = page.getByTestId('onprem-writeback');
    if (!(await writeback.isChecked())) await writeback.click();
    await page.getByTestId('save').click();
    await page.getByText('Successfully saved settings.').first().waitFor();
    await check('admin-onprem');
  });

  it('goes Home by the breadcrumb, then to Authentication methods > SMS and its settings page', async () => {
    await crumbs().filter({ hasText: 'Home' }).click();
    await expect.poll(() => page.getByTestId('blade-title').textContent()).toContain('Home');
    await page.getByTestId('nav-Protection/Authentication methods').click();
    await expect.poll(() => text('blade-title')).toBe('Authentication methods | Policies');
    await check('admin-auth-methods');
    await page.getByTestId('method-sms').click();
    await expect.poll(() => text('blade-title')).toBe('SMS settings');
    await expect
      .poll(() => crumbs().allTextContents())
      .toEqual(['Home', 'Authentication methods | Policies']);
    await page.getByTestId('method-enable').click();
    await page.getByTestId('target-all').click();
    await check('admin-sms-settings');
    await page.getByTestId('save').click();
    await page.getByText('Successfully saved settings.').first().waitFor();
    await crumbs().filter({ hasText: 'Authentication methods | Policies' }).click();
    const sms = page.getByTestId('auth-methods').getByRole('row', { name: /SMS/ });
    await expect.poll(() => sms.textContent()).toMatch(/All users.*Yes|Yes.*All users/);
  });
});

describe('Microsoft sign-in and My Account', () => {
  it('signs Michael in: the user name, Next, then the password page, then "More information required"', async () => {
    await page.getByTestId('surface-myaccount').click();
    await page.getByTestId('myaccount-open').click();
    await page.getByTestId('myaccount-upn').fill(MICHAEL);
    await check('signin-user');
    await page.getByTestId('myaccount-next-user').click();
    await page.getByTestId('myaccount-password').fill('Welcome@2026');
    await expect.poll(() => page.getByTestId('forgot-password').textContent()).toBe('Forgot my password');
    await check('signin-password');
    await page.getByTestId('myaccount-signin').click();
    // SSPR is on for everyone now and Michael has no method: "More information required".
    await page.getByTestId('myaccount-next').waitFor();
  });

  it('adds a phone with the SMS code read on the phone beside the browser', async () => {
    await page.getByTestId('myaccount-next').click();
    await page.getByTestId('add-method').click();
    await page.getByTestId('add-method-choice').click();
    await page.getByRole('option', { name: 'Phone' }).click();
    await page.getByTestId('add-method-confirm').click();
    await page.getByTestId('reg-phone').fill('4255550142');
    await page.getByTestId('reg-text-me').click();
    await page.getByTestId('surface-phone').click();
    await check('myaccount-phone');
    await page.getByTestId('reg-phone-next').click();
    await page.getByTestId('reg-code').waitFor();
    await page.getByTestId('reg-code').fill(await lastSmsCode());
    await page.getByTestId('reg-code-next').click();
    await page.getByTestId('add-done').waitFor();
    await page.getByRole('button', { name: 'Done' }).click();
  });

  it('pairs Microsoft Authenticator: the phone scans the QR code on a click, Next, then the number', async () => {
    await page.getByTestId('add-method').click();
    await page.getByTestId('add-method-choice').click();
    await page.getByRole('option', { name: 'Microsoft Authenticator' }).click();
    await page.getByTestId('add-method-confirm').click();
    await page.getByTestId('reg-auth-next').click();
    await page.getByTestId('qr-code').first().waitFor();
    await page.getByTestId('phone-home').click();
    await page.getByTestId('phone-app-authenticator').click();
    await page.getByTestId('phone-add-account').click();
    await check('myaccount-qr');
    // The dialog is not modal: the phone beside it takes the click.
    await page.getByTestId('phone-camera').click();
    await expect.poll(() => text('phone-authenticator')).toContain(MICHAEL);
    // As on the real page, the QR code stays until the learner chooses Next.
    await expect.poll(() => page.getByTestId('add-authenticator-scan').count()).toBe(1);
    await page.getByTestId('reg-scan-next').click();
    const number = (await text('reg-push-number'))?.trim() ?? '';
    await page.getByTestId('push-request').waitFor();
    await check('myaccount-try-it');
    await page.getByTestId('push-number').fill(number);
    await page.getByTestId('push-yes').click();
    await expect.poll(() => text('add-done')).toBe('Notification approved');
    await page.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => text('myaccount-methods')).toContain('Microsoft Authenticator');
    await check('myaccount-security-info');
  });
});

describe('Self-service password reset', () => {
  it('Michael resets with a text to his masked phone', async () => {
    await page.getByTestId('surface-sspr').click();
    await page.getByTestId('sspr-open').click();
    const captcha = (await text('sspr-captcha')) ?? '';
    await page.getByTestId('sspr-user').fill(MICHAEL);
    await page.getByTestId('sspr-captcha-input').fill(captcha);
    await check('sspr-user');
    await page.getByTestId('sspr-next').click();
    await page.getByTestId('sspr-method-sms').click();
    await expect.poll(() => text('sspr-masked-phone')).toMatch(/X+42/);
    await check('sspr-verify');
  });
});

describe('the page', () => {
  it('logged no errors', () => {
    expect(errors).toEqual([]);
  });
});
