/**
 * The consoles as terminals (xterm.js) in Chromium: Tab completion cycling through the lab's
 * candidates, Get-Help from the command catalog, Ctrl+C cancelling a line, and history.
 */
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_SHOTS, openApp } from './chromium';
import { openTerminal, promptRow, terminalRows, typeInConsole } from './console';

let context: BrowserContext;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  ({ context, page } = await openApp(errors, { viewport: { width: 1440, height: 900 } }));
  await page.getByTestId('lab-canvas').waitFor();
  await page.getByTestId('console-host').selectOption('sync01');
  await page.getByTestId('console-tab-powershell').click();
  await openTerminal(page);
});

afterAll(async () => {
  await context?.close();
});

const output = () => page.getByTestId('console-output').textContent();

describe('a console terminal', () => {
  it('completes a cmdlet name, then cycles parameter values with Tab and Shift+Tab', async () => {
    await typeInConsole(page, 'Start-ADSyncSync', false);
    await page.keyboard.press('Tab');
    await expect.poll(() => promptRow(page)).toMatch(/^PS C:\\[^>]*> Start-ADSyncSyncCycle$/);
    await page.keyboard.type(' -Pol');
    await page.keyboard.press('Tab');
    await expect.poll(() => promptRow(page)).toMatch(/Start-ADSyncSyncCycle -PolicyType$/);
    await page.keyboard.type(' ');
    await page.keyboard.press('Tab');
    await expect.poll(() => promptRow(page)).toMatch(/-PolicyType Delta$/);
    await page.keyboard.press('Tab');
    await expect.poll(() => promptRow(page)).toMatch(/-PolicyType Initial$/);
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => promptRow(page)).toMatch(/-PolicyType Delta$/);
    // Tab stayed in the terminal.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'console-input',
    );
    await page.screenshot({ path: join(E2E_SHOTS, 'terminal-tab.png') });
  });

  it('cancels the line with Ctrl+C: ^C, a new prompt, nothing run', async () => {
    await page.keyboard.press('Control+C');
    await expect
      .poll(async () => (await terminalRows(page)).some((r) => r.endsWith('-PolicyType Delta^C')))
      .toBe(true);
    await expect.poll(() => promptRow(page)).toMatch(/^PS C:\\[^>]*>$/);
    expect(await output()).not.toContain('Start-ADSyncSyncCycle -PolicyType Delta\n');
    expect(await page.getByRole('log', { name: 'Console transcript' }).textContent()).not.toContain(
      'Start-ADSyncSyncCycle',
    );
  });

  it('shows Get-Help from the command catalog', async () => {
    await typeInConsole(page, 'Get-Help Get-Service');
    await expect.poll(output).toContain('Gets the services on a local or remote computer.');
    await expect.poll(() => terminalRows(page)).toContain('SYNOPSIS');
    await page.screenshot({ path: join(E2E_SHOTS, 'terminal-help.png') });
  });

  it('edits the line and brings back history with the arrow keys', async () => {
    await typeInConsole(page, 'hostnam', false);
    await page.keyboard.press('Home');
    await page.keyboard.press('Delete');
    await page.keyboard.type('h');
    await page.keyboard.press('End');
    await page.keyboard.type('e');
    await page.keyboard.press('Enter');
    await expect.poll(() => terminalRows(page)).toContain('SYNC01');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => promptRow(page)).toMatch(/^PS C:\\[^>]*> hostname$/);
    await page.keyboard.press('Escape');
    await expect.poll(() => promptRow(page)).toMatch(/^PS C:\\[^>]*>$/);
  });

  it("keeps a window's banner above its commands until cls, in cmd and in PowerShell", async () => {
    await page.getByTestId('console-host').selectOption('pc2');
    await page.getByTestId('console-tab-cmd').click();
    await expect.poll(() => terminalRows(page)).toContain('(c) Microsoft Corporation. All rights reserved.');
    await typeInConsole(page, 'hostname');
    await expect.poll(() => terminalRows(page)).toContain('PC2');
    const rows = await terminalRows(page);
    expect(rows[0]).toMatch(/^Microsoft Windows \[Version [\d.]+\]$/);
    expect(rows[1]).toBe('(c) Microsoft Corporation. All rights reserved.');
    await typeInConsole(page, 'cls');
    await expect
      .poll(async () => (await terminalRows(page)).filter((r) => r !== ''))
      .toEqual([expect.stringMatching(/^C:\\[^>]*>$/)]);
    await typeInConsole(page, 'hostname');
    await expect.poll(() => terminalRows(page)).toContain('PC2');
    expect((await terminalRows(page)).join('\n')).not.toContain('Microsoft Corporation');

    await page.getByTestId('console-tab-powershell').click();
    await expect.poll(async () => (await terminalRows(page))[0]).toBe('Windows PowerShell');
    await typeInConsole(page, 'hostname');
    await expect.poll(() => terminalRows(page)).toContain('PC2');
    expect((await terminalRows(page)).slice(0, 2)).toEqual([
      'Windows PowerShell',
      'Copyright (C) Microsoft Corporation. All rights reserved.',
    ]);
    // Back to the cleared cmd: still no banner.
    await page.getByTestId('console-tab-cmd').click();
    await expect.poll(async () => (await terminalRows(page))[0]).toMatch(/^C:\\[^>]*>hostname$/);
    expect((await terminalRows(page)).join('\n')).not.toContain('Microsoft Corporation');
  });

  it('had no page errors', () => {
    expect(errors).toEqual([]);
  });
});
