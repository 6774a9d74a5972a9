/**
 * End to end: the built renderer served on 127.0.0.1, driven in Chromium as a learner would use it.
 */
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../../simulation/facade/lab';
import { saved, storedLines } from './browserStore';
import { E2E_SHOTS, openApp } from './chromium';
import { typeInConsole } from './console';

const OUT = E2E_SHOTS;

let context: BrowserContext;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  ({ context, page } = await openApp(errors));
  await page.getByTestId('lab-canvas').waitFor();
});

afterAll(async () => {
  await context?.close();
});

/** adsync-stopped's first objective: the root cause, shown as "Root cause found and fixed". */
const rootCause = () => page.locator('[data-testid=objectives] > li').first();

describe('HybridLab in Chromium', () => {
  it('shows every device of the default lab on the canvas', async () => {
    const view = new Lab().learnerView();
    for (const d of view.devices) {
      await expect.poll(() => page.getByTestId(`device-${d.id}`).textContent()).toContain(d.name);
    }
    await expect.poll(() => page.getByTestId('address-sync01').textContent()).toContain('192.168.6.10');
    await expect
      .poll(() => page.getByTestId('device-sync01').textContent())
      .toContain('Microsoft Entra Sync Server');
  });

  it("prints PC2's leased address with ipconfig /all in its console", async () => {
    const leased = new Lab().truth().hosts.pc2!.host.nic.lease!.ip;
    await page.getByTestId('console-host').selectOption('pc2');
    await typeInConsole(page, 'ipconfig /all');
    const output = page.getByTestId('console-output');
    await expect
      .poll(() => output.textContent())
      .toContain(`IPv4 Address. . . . . . . . . . . : ${leased}(Preferred)`);
    await expect.poll(() => output.textContent()).toContain('Host Name . . . . . . . . . . . . : PC2');
    await page.screenshot({ path: join(OUT, 'app.png') });
  });

  it('moves the lab clock forward from the clock bar', async () => {
    const before = await page.getByTestId('lab-clock').textContent();
    await page.getByTestId('clock-forward').click();
    await page.getByRole('menuitem', { name: '+1 h' }).click();
    await expect.poll(() => page.getByTestId('lab-clock').textContent()).toContain('9:00');
    expect(await page.getByTestId('lab-clock').textContent()).not.toBe(before);
  });

  it('restores the session after a reload', async () => {
    await expect.poll(() => page.getByTestId('lab-clock').textContent()).toContain('9:00');
    await saved(page);
    await page.reload();
    await page.getByTestId('lab-canvas').waitFor();
    await expect.poll(() => page.getByTestId('notice').textContent()).toContain('Your session was restored');
    await expect.poll(() => page.getByTestId('console-output').textContent()).toContain('ipconfig /all');
    await expect.poll(() => page.getByTestId('lab-clock').textContent()).toContain('9:00');
  });

  it('saves an SSPR setting in the admin center', async () => {
    await page.getByTestId('surface-admin').click();
    await page.getByTestId('nav-Entra ID/Password reset').click();
    await page.getByTestId('sspr-enabled-All').click();
    await page.getByTestId('save').click();
    // The portal confirms in a pop-up notification, then keeps it in the notifications flyout.
    await page.getByText('Successfully saved settings.').first().waitFor();
    await page.getByTestId('admin-notifications').click();
    await expect
      .poll(() => page.getByTestId('notifications-panel').textContent())
      .toContain('Successfully saved settings.');
    await page.keyboard.press('Escape');
  });

  it('shows SSPR_0014 to a user with no registered methods, after the CAPTCHA', async () => {
    await page.getByTestId('surface-sspr').click();
    await page.getByTestId('sspr-open').click();
    await expect.poll(() => page.getByTestId('sspr-captcha').textContent()).toMatch(/\S/);
    const captcha = (await page.getByTestId('sspr-captcha').textContent()) ?? '';
    await page.getByTestId('sspr-user').fill('michael.brown@laborhub.store');
    await page.getByTestId('sspr-captcha-input').fill(captcha);
    await page.getByTestId('sspr-next').click();
    await expect
      .poll(() => page.getByTestId('sspr-error').textContent())
      .toContain('SSPR_0014: Additional security info is needed to reset your password.');
    await page.screenshot({ path: join(OUT, 'sspr-error.png') });
  });

  it("refuses a wrong password on the PC2 sign-in screen with Windows' message", async () => {
    await page.getByTestId('surface-signin').click();
    await page.getByTestId('send-cad').click();
    await page.getByTestId('tile-other').click();
    await page.getByTestId('signin-user').fill('michael.brown');
    await page.getByTestId('signin-password').fill('not-his-password');
    await page.getByTestId('signin-submit').click();
    await expect
      .poll(() => page.getByTestId('signin-message').textContent())
      .toBe('The user name or password is incorrect.');
  });

  it('plays a scenario: the ticket, a fix from the Services console, the objective ticks, a hint costs points', async () => {
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('open-scenarios').click();
    // A troubleshooting card shows the ticket, never the summary (which names the cause).
    await page.getByTestId('learner-name').fill('Ada Lovelace');
    // Cards carry an opaque reference, never the scenario id (an id can name the cause).
    const adsync = page
      .getByTestId('scenario-card')
      .filter({ hasText: "Michael's reset fails after the weekend" });
    const card = await adsync.textContent();
    expect(card).toContain('Ticket from Michael Brown: “Password reset page says something went wrong”');
    expect(card).not.toContain('resets fail for every synced user');
    await adsync.click();
    await page.getByTestId('scenario-sidebar').waitFor();
    await expect
      .poll(() => page.getByTestId('scenario-sidebar').textContent())
      .toContain('Password reset page says something went wrong');
    await expect.poll(() => rootCause().getAttribute('data-met')).toBe('false');
    await page.getByTestId('take-hint').click();
    await expect.poll(() => page.getByTestId('score').textContent()).toContain('0 / 100');
    await page.getByTestId('surface-tools').click();
    await page.getByTestId('tools-host').selectOption('sync01');
    await page.getByTestId('tool-events').click();
    await expect.poll(() => page.getByTestId('ev-table').textContent()).toContain('31016');
    await page.getByTestId('tool-services').click();
    await page.getByTestId('services-table').getByText('Microsoft Azure AD Sync').click();
    await page.getByTestId('svc-start').click();
    await expect.poll(() => rootCause().getAttribute('data-met')).toBe('true');
    await expect.poll(() => page.getByTestId('score').textContent()).toContain('35 / 100');
    await page.screenshot({ path: join(OUT, 'scenario.png') });
  });

  it('restores the scenario after a reload, with its progress and hints', async () => {
    await expect.poll(() => page.getByTestId('score').textContent()).toContain('35 / 100');
    await saved(page);
    await page.reload();
    await page.getByTestId('scenario-sidebar').waitFor();
    await expect.poll(() => page.getByTestId('notice').textContent()).toContain('was restored');
    await expect.poll(() => rootCause().getAttribute('data-met')).toBe('true');
    await expect.poll(() => page.getByTestId('score').textContent()).toContain('35 / 100');
    const stored = (await storedLines(page)).join('\n');
    // The saved session keeps the learner's steps, not the scenario's faults.
    expect(stored).toContain('"type":"service.start"');
    expect(stored).not.toContain('fault.inject');
  });

  it('keeps the instructor drawer out of learner mode; unlocked, it lists the scenario fault', async () => {
    await expect.poll(() => page.getByTestId('instructor-panel').count()).toBe(0);
    await expect.poll(() => page.getByTestId('instructor-toggle').count()).toBe(0);
    await page.getByTestId('instructor-unlock').click();
    await page.getByTestId('unlock-passphrase').fill('e2e-instructor');
    await page.getByTestId('unlock-confirm').fill('e2e-instructor');
    await page.getByTestId('unlock-submit').click();
    await page.getByTestId('instructor-toggle').click();
    await expect.poll(() => page.getByTestId('instructor-scenario').textContent()).toContain('L6');
    await expect
      .poll(() => page.getByTestId('instructor-scenario-summary').textContent())
      .toContain('resets fail for every synced user');
    await expect.poll(() => page.getByTestId('instructor-scenario').textContent()).toContain('fixed');
    await page.getByTestId('instructor-lock').click();
    await expect.poll(() => page.getByTestId('instructor-panel').count()).toBe(0);
  });

  it('opens Active Directory Users and Computers on DC01 and finds Michael Brown in Staff', async () => {
    await page.getByTestId('surface-tools').click();
    await page.getByTestId('tools-host').selectOption('dc01');
    await page.getByTestId('tool-aduc').click();
    await page.getByTestId('aduc-node-LaborHub').click();
    await page.getByTestId('aduc-node-Staff').click();
    const row = page.getByTestId('aduc-row-Michael Brown');
    await expect.poll(() => row.textContent()).toContain('Michael Brown');
    await expect.poll(() => row.textContent()).toContain('User');
    await row.dblclick();
    await page.getByTestId('aduc-tab-account').click();
    await expect
      .poll(() => page.getByTestId('aduc-account').locator('input').nth(0).inputValue())
      .toBe('michael.brown');
    await page.screenshot({ path: join(OUT, 'aduc.png') });
    await page.getByTestId('aduc-cancel').click();
  });

  it('logged no errors in the page', () => {
    expect(errors).toEqual([]);
  });
});
