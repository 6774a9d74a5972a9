/**
 * The lab clock explains itself: it runs at 1× from the start (the learner's first click) and says so; what waits on lab time
 * is listed (a sync cycle with its progress and the time left); with the clock paused while a
 * cycle the learner started waits, the bar says so and "Run to it" finishes it; skipping time ends
 * with a summary of what happened. Screenshots at 1280×720 in the light and the dark theme.
 */
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_SHOTS, openApp, startLab } from './chromium';
import { typeInConsole } from './console';
import { storedLines } from './browserStore';
import { motionDone } from './motion';

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

const text = async (id: string) => (await page.getByTestId(id).textContent()) ?? '';
const percent = async () => Number((await text('clock-waits')).match(/Sync cycle (\d+)%/)?.[1] ?? -1);

describe('the lab clock', { timeout: 120_000 }, () => {
  it('runs at 1× from the start of a new lab (when the learner starts it), and says so', async () => {
    // The first screen: lab time stands at the lab's start until the learner starts.
    await expect.poll(() => text('clock-state')).toContain('starts when you do');
    await startLab(page);
    await expect.poll(() => text('clock-state')).toContain('running 1×');
    const before = await text('lab-clock');
    await expect.poll(() => text('lab-clock'), { timeout: 10_000 }).not.toBe(before);
    await expect.poll(() => text('clock-play')).toBe('Pause');
  });

  it("fetches the menus' and tooltips' code once the lab runs, before any hover or focus on them", async () => {
    const fetched = () =>
      page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map(
            (e) =>
              e.name.match(/\/(ClockForwardMenu|ClockWaitsPanel|HelpMenuPopup|ThemeMenu|TooltipPopup)-/)?.[1],
          )
          .filter((n) => n !== undefined)
          .sort(),
      );
    await expect
      .poll(fetched, { timeout: 15_000 })
      .toEqual(['ClockForwardMenu', 'ClockWaitsPanel', 'HelpMenuPopup', 'ThemeMenu', 'TooltipPopup']);
  });

  it('fits the top bar on one row at 1280×720, its actions as named icons', async () => {
    const bar = page.getByTestId('topbar');
    // Every control of the bar (the clock's, the actions) on the same row.
    const rows = await bar.locator('button, select').evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return Math.round(r.top + r.height / 2);
      }),
    );
    expect(rows.length).toBeGreaterThanOrEqual(10);
    expect(Math.max(...rows) - Math.min(...rows)).toBeLessThanOrEqual(4);
    expect((await bar.boundingBox())?.height).toBeLessThan(64);
    // The actions keep their names (as their tooltips), and the keyboard reaches them.
    for (const name of ['Sessions', 'Scenarios', 'Help', 'Instructor mode…', 'Start over']) {
      const button = bar.getByRole('button', { name, exact: true });
      await expect.poll(() => button.isVisible()).toBe(true);
      expect(((await button.textContent()) ?? '').trim()).toBe('');
    }
    await page.getByTestId('open-sessions').focus();
    await page.keyboard.press('Tab');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('open-scenarios');
    await page.getByTestId('open-scenarios').hover();
    await expect.poll(() => page.getByRole('tooltip').textContent()).toBe('Scenarios');
    await page.mouse.move(600, 400);
  });

  it('pauses, and a step forward says what happened in the skipped time', async () => {
    await page.getByTestId('clock-play').click();
    await expect.poll(() => text('clock-state')).toContain('paused');
    await page.getByTestId('clock-forward').click();
    await page.getByRole('menuitem', { name: '+10 min' }).click();
    // The lab's first sync cycle (25 s) finished in the skipped time, unless it already had.
    await expect
      .poll(() => text('notice'))
      .toMatch(/^\+10 min: [01] sync cycles?, 0 password changes synced, /);
  });

  it('shows the sync cycle Start-ADSyncSyncCycle started, waiting while the clock is paused', async () => {
    await page.getByTestId('console-host').selectOption('sync01');
    await page.getByTestId('console-tab-powershell').click();
    await typeInConsole(page, 'Start-ADSyncSyncCycle -PolicyType Delta');
    await expect.poll(() => text('console-output')).toContain('Success');
    await expect.poll(() => text('clock-waits')).toBe('Paused: sync cycle waits');
    await expect.poll(() => page.getByTestId('clock-run-to').isVisible()).toBe(true);
    await page.getByTestId('clock-waits').click();
    const panel = page.getByTestId('clock-waits-panel');
    await panel.waitFor();
    await expect
      .poll(() => text('waits-paused'))
      .toBe('The lab clock is paused: nothing below happens until it runs.');
    await expect.poll(() => text('wait-sync-cycle')).toContain('Sync cycle in progressSYNC01');
    await expect.poll(() => text('wait-sync-cycle-when')).toMatch(/^about 25 s left \(\d+\/\d+\/\d{4} /);
    await expect.poll(() => panel.getByRole('progressbar').count()).toBe(1);
    await motionDone(panel); // the popover's fade-in
    await page.screenshot({ path: join(E2E_SHOTS, 'clock-waiting-light-1280.png') });
    await page.keyboard.press('Escape');
  });

  it("shows the cycle's progress as the clock runs, in the top bar and the panel", async () => {
    await page.getByTestId('clock-play').click();
    await expect.poll(() => text('clock-state')).toContain('running 1×');
    await expect.poll(percent, { timeout: 20_000 }).toBeGreaterThan(0);
    const first = await percent();
    await expect.poll(percent, { timeout: 20_000 }).toBeGreaterThan(first);
    await page.getByTestId('theme').click();
    await page.getByTestId('theme-dark').click();
    await page.getByTestId('clock-waits').click();
    const panel = page.getByTestId('clock-waits-panel');
    await panel.waitFor();
    await expect.poll(() => text('wait-sync-cycle-when')).toMatch(/^about \d+ s left/);
    await motionDone(panel);
    await page.screenshot({ path: join(E2E_SHOTS, 'clock-running-dark-1280.png') });
    await page.keyboard.press('Escape');
  });

  it('runs to the end of the cycle from the paused bar, with a summary', async () => {
    await page.getByTestId('clock-play').click();
    await expect.poll(() => text('clock-state')).toContain('paused');
    // (If the cycle ended in the meantime there is nothing left to run to: start another.)
    if ((await page.getByTestId('clock-run-to').count()) === 0) {
      await typeInConsole(page, 'Start-ADSyncSyncCycle -PolicyType Delta');
      await expect.poll(() => text('clock-waits')).toBe('Paused: sync cycle waits');
    }
    await page.getByTestId('clock-run-to').click();
    await expect.poll(() => text('notice')).toMatch(/^\+\d+ s: 1 sync cycle, 0 password changes synced, /);
    await expect.poll(() => text('clock-waits')).toMatch(/^Next sync in \d+ min/);
    await expect.poll(() => page.getByTestId('clock-run-to').count()).toBe(0);
    await page.getByTestId('theme').click();
    await page.getByTestId('theme-light').click();
    await page.getByTestId('theme-light').waitFor({ state: 'detached' });
    await page.mouse.move(600, 400);
    await motionDone(page.locator('html')); // the menu's fade-out, the theme's colour transitions
    await page.screenshot({ path: join(E2E_SHOTS, 'clock-after-run-to-light-1280.png') });
  });

  it('saves a running clock a few seconds at a time, not a record every tick', async () => {
    await page.getByTestId('clock-play').click();
    await expect.poll(() => text('clock-state')).toContain('running 1×');
    const ticks = async () => (await storedLines(page)).filter((l) => l.includes('clock.advance')).length;
    const before = await ticks();
    await page.waitForTimeout(11_000); // some 44 ticks of 250 ms
    const written = (await ticks()) - before;
    expect(written).toBeGreaterThanOrEqual(1);
    expect(written).toBeLessThanOrEqual(3);
  });

  it('a reopened session resumes its clock as the learner left it (paused here)', async () => {
    await page.getByTestId('clock-play').click();
    await expect.poll(() => text('clock-state')).toContain('paused');
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state')).toBe('saved');
    await page.reload();
    await page.getByTestId('lab-canvas').waitFor();
    await expect.poll(() => text('notice')).toContain('Your session was restored');
    await expect.poll(() => text('clock-state')).toContain('paused');
    const still = await text('lab-clock');
    await page.waitForTimeout(1500);
    await expect(text('lab-clock')).resolves.toBe(still);
    expect(errors).toEqual([]);
  });
});
