/**
 * End to end: the built renderer served on 127.0.0.1, driven in Chromium as a learner would use it.
 */
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../../simulation/facade/lab';
import { storedLines } from './browserStore';
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
      await expect(page.getByTestId(`device-${d.id}`).textContent()).resolves.toContain(d.name);
    }
    await expect(page.getByTestId('address-sync01').textContent()).resolves.toContain('192.168.6.10');
    await expect(page.getByTestId('device-sync01').textContent()).resolves.toContain(
      'Microsoft Entra Sync Server',
    );
  });

  it("prints PC2's leased address with ipconfig /all in its console", async () => {
    const leased = new Lab().truth().hosts.pc2!.host.nic.lease!.ip;
    await page.getByTestId('console-host').selectOption('pc2');
    await typeInConsole(page, 'ipconfig /all');
    const output = page.getByTestId('console-output');
    await expect(output.textContent()).resolves.toContain(
      `IPv4 Address. . . . . . . . . . . : ${leased}(Preferred)`,
    );
    await expect(output.textContent()).resolves.toContain('Host Name . . . . . . . . . . . . : PC2');
    await page.screenshot({ path: join(OUT, 'app.png') });
  });

  it('moves the lab clock forward from the clock bar', async () => {
    const before = await page.getByTestId('lab-clock').textContent();
    await page.getByTestId('clock-forward').click();
    await page.getByRole('menuitem', { name: '+1 h' }).click();
    const after = await page.getByTestId('lab-clock').textContent();
    expect(after).not.toBe(before);
    expect(after).toContain('9:00');
  });

  it('restores the session after a reload', async () => {
    await page.waitForTimeout(600); // the autosave runs shortly after each change
    await page.reload();
    await page.getByTestId('lab-canvas').waitFor();
    await expect(page.getByTestId('notice').textContent()).resolves.toContain('Your session was restored');
    await expect(page.getByTestId('console-output').textContent()).resolves.toContain('ipconfig /all');
    await expect(page.getByTestId('lab-clock').textContent()).resolves.toContain('9:00');
  });

  it('saves an SSPR setting in the admin center', async () => {
    await page.getByTestId('surface-admin').click();
    await page.getByTestId('nav-Entra ID/Password reset').click();
    await page.getByTestId('sspr-enabled-All').click();
    await page.getByTestId('save').click();
    // The portal confirms in a pop-up notification, then keeps it in the notifications flyout.
    await page.getByText('Successfully saved settings.').first().waitFor();
    await page.getByTestId('admin-notifications').click();
    await expect(page.getByTestId('notifications-panel').textContent()).resolves.toContain(
      'Successfully saved settings.',
    );
    await page.keyboard.press('Escape');
  });

  it('shows SSPR_0014 to a user with no registered methods, after the CAPTCHA', async () => {
    await page.getByTestId('surface-sspr').click();
    await page.getByTestId('sspr-open').click();
    const captcha = (await page.getByTestId('sspr-captcha').textContent()) ?? '';
    await page.getByTestId('sspr-user').fill('michael.brown@laborhub.store');
    await page.getByTestId('sspr-captcha-input').fill(captcha);
    await page.getByTestId('sspr-next').click();
    await expect(page.getByTestId('sspr-error').textContent()).resolves.toContain(
      'SSPR_0014: Additional security info is needed to reset your password.',
    );
    await page.screenshot({ path: join(OUT, 'sspr-error.png') });
  });

  it("refuses a wrong password on the PC2 sign-in screen with Windows' message", async () => {
    await page.getByTestId('surface-signin').click();
    await page.getByTestId('send-cad').click();
    await page.getByTestId('tile-other').click();
    await page.getByTestId('signin-user').fill('michael.brown');
    await page.getByTestId('signin-password').fill('not-his-password');
    await page.getByTestId('signin-submit').click();
    await expect(page.getByTestId('signin-message').textContent()).resolves.toBe(
      'The user name or password is incorrect.',
    );
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
    await expect(page.getByTestId('scenario-sidebar').textContent()).resolves.toContain(
      'Password reset page says something went wrong',
    );
    await expect(rootCause().getAttribute('data-met')).resolves.toBe('false');
    await page.getByTestId('take-hint').click();
    await expect(page.getByTestId('score').textContent()).resolves.toContain('0 / 100');
    await page.getByTestId('surface-tools').click();
    await page.getByTestId('tools-host').selectOption('sync01');
    await page.getByTestId('tool-events').click();
    await expect(page.getByTestId('ev-table').textContent()).resolves.toContain('31016');
    await page.getByTestId('tool-services').click();
    await page.getByTestId('services-table').getByText('Microsoft Azure AD Sync').click();
    await page.getByTestId('svc-start').click();
    await expect(rootCause().getAttribute('data-met')).resolves.toBe('true');
    await expect(page.getByTestId('score').textContent()).resolves.toContain('35 / 100');
    await page.screenshot({ path: join(OUT, 'scenario.png') });
  });

  it('restores the scenario after a reload, with its progress and hints', async () => {
    await page.waitForTimeout(600); // the autosave runs shortly after each change
    await page.reload();
    await page.getByTestId('scenario-sidebar').waitFor();
    await expect(page.getByTestId('notice').textContent()).resolves.toContain('was restored');
    await expect(rootCause().getAttribute('data-met')).resolves.toBe('true');
    await expect(page.getByTestId('score').textContent()).resolves.toContain('35 / 100');
    const saved = (await storedLines(page)).join('\n');
    // The saved session keeps the learner's steps, not the scenario's faults.
    expect(saved).toContain('"type":"service.start"');
    expect(saved).not.toContain('fault.inject');
  });

  it('keeps the instructor drawer out of learner mode; unlocked, it lists the scenario fault', async () => {
    await expect(page.getByTestId('instructor-panel').count()).resolves.toBe(0);
    await expect(page.getByTestId('instructor-toggle').count()).resolves.toBe(0);
    await page.getByTestId('instructor-unlock').click();
    await page.getByTestId('unlock-passphrase').fill('e2e-instructor');
    await page.getByTestId('unlock-confirm').fill('e2e-instructor');
    await page.getByTestId('unlock-submit').click();
    await page.getByTestId('instructor-toggle').click();
    await expect(page.getByTestId('instructor-scenario').textContent()).resolves.toContain('L6');
    await expect(page.getByTestId('instructor-scenario-summary').textContent()).resolves.toContain(
      'resets fail for every synced user',
    );
    await expect(page.getByTestId('instructor-scenario').textContent()).resolves.toContain('fixed');
    await page.getByTestId('instructor-lock').click();
    await expect(page.getByTestId('instructor-panel').count()).resolves.toBe(0);
  });

  it('opens Active Directory Users and Computers on DC01 and finds Michael Brown in Staff', async () => {
    await page.getByTestId('surface-tools').click();
    await page.getByTestId('tools-host').selectOption('dc01');
    await page.getByTestId('tool-aduc').click();
    await page.getByTestId('aduc-node-LaborHub').click();
    await page.getByTestId('aduc-node-Staff').click();
    const row = page.getByTestId('aduc-row-Michael Brown');
    await expect(row.textContent()).resolves.toContain('Michael Brown');
    await expect(row.textContent()).resolves.toContain('User');
    await row.dblclick();
    await page.getByTestId('aduc-tab-account').click();
    await expect(page.getByTestId('aduc-account').locator('input').nth(0).inputValue()).resolves.toBe(
      'michael.brown',
    );
    await page.screenshot({ path: join(OUT, 'aduc.png') });
    await page.getByTestId('aduc-cancel').click();
  });

  it('logged no errors in the page', () => {
    expect(errors).toEqual([]);
  });
});
