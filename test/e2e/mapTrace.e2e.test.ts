/**
 * The lab map as a diagnostic aid that gives nothing away (issue 13, item 4), in Chromium: with
 * ADSync stopped and outbound 443 blocked by an instructor, SYNC01 looks on the map as it did
 * before; the learner's own failing Test-NetConnection shows on the device it aimed at, and the
 * trace shows its packets hop by hop with the hop where the TCP 443 attempt stopped and the reason
 * the lab recorded. Server Manager on SYNC01 shows the stopped service, where Windows shows it.
 * Screenshots at 1280×720 in the light and dark theme; axe finds nothing critical or serious.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from './chromium';
import { typeInConsole } from './console';
import { axeScan, surfaceShots } from './surfaceShots';

const SCU = 'ssprdedicatedsbprodscu.servicebus.windows.net';

let context: BrowserContext;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  ({ context, page } = await openApp(errors, { viewport: { width: 1280, height: 720 } }));
  await page.getByTestId('lab-canvas').waitFor();
});

afterAll(async () => {
  await context?.close();
});

/** What the map shows of SYNC01: its text and its marks (classes say nothing of its services). */
const syncOnMap = () =>
  page.getByTestId('device-sync01').evaluate((el) => ({ text: el.textContent, html: el.outerHTML }));

async function injectAsInstructor(...faults: string[]): Promise<void> {
  await page.getByTestId('instructor-unlock').click();
  await page.getByTestId('unlock-passphrase').fill('e2e-instructor');
  await page.getByTestId('unlock-confirm').fill('e2e-instructor');
  await page.getByTestId('unlock-submit').click();
  await page.getByTestId('instructor-toggle').click();
  for (const f of faults) await page.getByTestId(`inject-${f}`).click();
  await page.getByTestId('instructor-lock').click();
  await expect.poll(() => page.getByTestId('instructor-panel').count()).toBe(0);
}

describe('the lab map and the trace', () => {
  let before: { text: string | null; html: string };

  it('draws every relation with a legend', async () => {
    before = await syncOnMap();
    for (const id of [
      'tenant-sync',
      'tenant-relay',
      'phone-michael-mobile',
      'mobile-internet',
      'router-internet',
    ])
      await expect.poll(() => page.locator(`.react-flow__edge[data-id="${id}"]`).count()).toBe(1);
    await expect
      .poll(() => page.getByTestId('map-legend').textContent())
      .toContain('Password writeback relay');
    // The legend draws its lines as SVG.
    await expect.poll(() => page.getByTestId('map-legend').locator('svg').count()).toBeGreaterThan(6);
  });

  it('with ADSync stopped and 443 blocked, SYNC01 on the map is unchanged', async () => {
    await injectAsInstructor('L6', 'L7');
    const after = await syncOnMap();
    expect(after).toEqual(before);
    expect(after.text).not.toMatch(/stopped|blocked|firewall|ADSync/i);
  });

  it('a failing Test-NetConnection: the result on the map, the trace shows where it stopped and why', async () => {
    await page.getByTestId('device-sync01').click();
    await page.getByTestId('console-tab-powershell').click();
    await typeInConsole(page, `Test-NetConnection -ComputerName ${SCU} -Port 443`);
    await expect
      .poll(() => page.getByTestId('console-output').textContent(), { timeout: 15_000 })
      .toMatch(/TcpTestSucceeded\s*: False/);
    await expect
      .poll(() => page.getByTestId('last-test-internet').textContent())
      .toBe('Your last test failed');
    // Still nothing about SYNC01's services on the map.
    expect((await syncOnMap()).text).toEqual(before.text);

    await page.getByTestId('map-trace').click();
    const panel = page.getByTestId('trace-panel');
    await expect
      .poll(() => panel.getByTestId('trace-label').textContent())
      .toBe(`Test-NetConnection -ComputerName ${SCU} -Port 443`);
    const tcp = panel.getByTestId('trace-packet').filter({ hasText: 'TCP 443' });
    await expect.poll(() => tcp.getByTestId('trace-hop-stopped').textContent()).toContain('Gateway');
    await expect
      .poll(() => tcp.getByTestId('trace-text').textContent())
      .toBe('Dropped at the edge firewall: nothing came back, the request timed out');
    // The same hop is marked on the map, and the path's edges are drawn as the trace.
    await expect.poll(() => page.getByTestId('device-router').getAttribute('data-trace')).toBe('stopped');
    await expect.poll(() => page.getByTestId('device-sync01').getAttribute('data-trace')).toBe('passed');
    await expect.poll(() => page.locator('.react-flow__edge.edge-trace').count()).toBe(2);
    // No fault id, no rule id anywhere on the page.
    const body = (await page.locator('body').textContent()) ?? '';
    expect(body).not.toMatch(/\bL[67]\b|block-443/);
    await surfaceShots(page, 'map-trace-1280');
    expect(await axeScan(page, 'map-trace')).toEqual([]);
  });

  it('Server Manager on SYNC01 shows the stopped service in a red Services row', async () => {
    await page.getByTestId('surface-tools').click();
    await page.getByTestId('tools-host').selectOption('sync01');
    await page.getByTestId('tool-servermanager').click();
    const local = page.getByTestId('sm-tile-Local Server');
    await expect.poll(() => local.getAttribute('data-alert')).toBe('true');
    await expect
      .poll(() => local.getByTestId('sm-row-Services').textContent())
      .toContain('Microsoft Azure AD Sync (ADSync): Stopped');
    await surfaceShots(page, 'server-manager-1280');
    expect(await axeScan(page, 'server-manager')).toEqual([]);
  });

  it('logged no errors in the page', () => {
    expect(errors).toEqual([]);
  });
});
