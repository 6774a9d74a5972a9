/**
 * The workstation's panels that the guided walk does not open — the first-launch welcome, the Help
 * panel, the clock's "Waiting on lab time", the trace of a failing Test-NetConnection and Server
 * Manager — at the sizes learners have (1280×720, 1920×1080 and 200 %), each photographed and
 * hit-tested as in workstation.e2e.test.ts: every visible control inside the window and on top.
 */
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { E2E_SHOTS, openApp } from './chromium';
import { typeInConsole } from './console';
import { coveredControls, SIZES } from './hitTest';
import { motionDone } from './motion';

for (const size of SIZES) {
  describe(`the workstation's panels at ${size.name}`, { timeout: 180_000 }, () => {
    let context: BrowserContext;
    let page: Page;
    const errors: string[] = [];

    afterAll(async () => {
      await context?.close();
    });

    async function view(name: string): Promise<void> {
      // A panel or dialog still moving in would be hit-tested half-way: wait for its motion to end.
      await motionDone(page.locator('html'));
      await page.screenshot({ path: join(E2E_SHOTS, `panels-${size.name}-${name}.png`) });
      expect(await coveredControls(page), `${name} at ${size.name}`).toEqual([]);
    }

    it('the first-launch welcome', async () => {
      ({ context, page } = await openApp(errors, {
        viewport: size.viewport,
        ...(size.deviceScaleFactor ? { deviceScaleFactor: size.deviceScaleFactor } : {}),
        firstLaunch: true,
      }));
      await page.getByTestId('welcome').waitFor();
      await view('welcome');
      await page.getByTestId('welcome-free').click();
      await page.getByTestId('welcome').waitFor({ state: 'detached' });
      await page.locator('[data-testid=lab-canvas] .react-flow__node').first().waitFor();
    });

    it('the Help panel on the map', async () => {
      await page.getByTestId('surface-map').click();
      await page.keyboard.press('F1');
      await page.getByTestId('help-panel').waitFor();
      await view('help');
      await page.keyboard.press('Escape');
      await page.getByTestId('help-panel').waitFor({ state: 'detached' });
    });

    it('what waits on lab time', async () => {
      await page.getByTestId('clock-waits').click();
      await page.getByTestId('clock-waits-panel').waitFor();
      await view('clock-waits');
      await page.keyboard.press('Escape');
      await page.getByTestId('clock-waits-panel').waitFor({ state: 'detached' });
    });

    it('the trace of a failing Test-NetConnection', async () => {
      await page.getByTestId('device-sync01').click();
      await page.getByTestId('console-tab-powershell').click();
      await typeInConsole(page, 'Test-NetConnection -ComputerName dc01 -Port 9999');
      await expect
        .poll(() => page.getByTestId('console-output').textContent(), { timeout: 20_000 })
        .toMatch(/TcpTestSucceeded\s*: False/);
      await page.getByTestId('surface-map').click();
      await page.getByTestId('map-trace').click();
      await page.getByTestId('trace-panel').waitFor();
      await expect
        .poll(() => page.getByTestId('trace-label').textContent())
        .toBe('Test-NetConnection -ComputerName dc01 -Port 9999');
      await view('trace');
    });

    it('Server Manager on SYNC01', async () => {
      await page.getByTestId('surface-tools').click();
      await page.getByTestId('tools-host').selectOption('sync01');
      await page.getByTestId('tool-servermanager').click();
      await page.getByTestId('server-manager').waitFor();
      await view('server-manager');
    });

    it('logged no errors', () => {
      expect(errors).toEqual([]);
    });
  });
}
