/**
 * Screenshots and accessibility scans of one view in both of Fluent's themes. The app follows the
 * OS colour scheme, so the helpers switch Chromium's emulated `prefers-color-scheme` and wait for
 * the FluentProvider to say which theme it drew (`data-theme`), then put the light theme back.
 */
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { E2E_SHOTS } from './chromium';
import { motionDone } from './motion';

export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export async function useTheme(page: Page, theme: Theme): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  await page.locator(`[data-theme="${theme}"]`).first().waitFor();
}

/**
 * Waits until no motion started by script is running (Fluent's toasts, dialogs and drawers animate
 * with the Web Animations API): axe measures colour contrast through an element's opacity, so a
 * half-faded toast reads as a contrast failure no learner ever sees. CSS transitions are left out:
 * a progress bar restarts its width transition on every step and never settles.
 */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document
        .getAnimations()
        .every(
          (a) =>
            a.constructor !== Animation ||
            a.playState !== 'running' ||
            a.effect?.getComputedTiming().iterations === Infinity,
        ),
    undefined,
    { timeout: 10_000 },
  );
}

/** `<name>-light.png` and `<name>-dark.png` under test-results/e2e, at the page's viewport (1440×900). */
export async function surfaceShots(page: Page, name: string): Promise<string[]> {
  const paths: string[] = [];
  for (const theme of THEMES) {
    await useTheme(page, theme);
    // Let Fluent's transitions (dialogs, drawers, tabs' indicator, the theme's colours) settle
    // before the picture: waited for, not slept (a fixed 350 ms can be short on a loaded machine).
    await motionDone(page.locator('html'));
    const path = join(E2E_SHOTS, `${name}-${theme}.png`);
    await page.screenshot({ path });
    paths.push(path);
  }
  await useTheme(page, 'light');
  return paths;
}

export interface AxeFinding {
  view: string;
  theme: Theme;
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Runs axe (WCAG 2.x A/AA rules and best practices) on the page as it stands, in both themes, and
 * returns the critical and serious violations, each named by the view and theme it was found in.
 */
export async function axeScan(page: Page, view: string): Promise<AxeFinding[]> {
  const found: AxeFinding[] = [];
  // A toast that times out while axe reads the page would start fading mid-scan: with reduced
  // motion Fluent's motions take 1 ms (its documented reduced-motion default), so none is caught
  // half-way. Restored after the scan.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  for (const theme of THEMES) {
    await useTheme(page, theme);
    await motionDone(page.locator('html'));
    await settled(page);
    const result = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze();
    for (const v of result.violations) {
      if (v.impact !== 'critical' && v.impact !== 'serious') continue;
      // Fluent's focus manager (tabster) puts focusable, aria-hidden "dummy" elements at the edges
      // of toolbars, tab lists and dialogs to steer Tab; they hand focus on at once and are never
      // announced. Microsoft's own scanners (Accessibility Insights) suppress exactly these
      // (microsoft/tabster#288, accessibility-insights-web#7605); so does this scan, and nothing else.
      const nodes =
        v.id === 'aria-hidden-focus'
          ? v.nodes.filter((n) => !n.html.includes('data-tabster-dummy'))
          : v.nodes;
      if (nodes.length === 0) continue;
      found.push({
        view,
        theme,
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: nodes.slice(0, 5).map((n) => n.target.join(' ')),
      });
    }
  }
  await useTheme(page, 'light');
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  return found;
}
