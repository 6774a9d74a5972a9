/**
 * Waiting for motion to end before a screenshot, instead of a fixed sleep: a popover's fade-in or a
 * theme's colour transition takes its own time, and a sleep long enough on a quiet machine can be
 * too short on a loaded one (or with E2E_CPU_THROTTLE).
 */
import type { Locator } from 'playwright-core';

/**
 * Resolves once every motion running now (CSS animations and transitions, Web Animations) on the
 * element and its subtree has finished or been cancelled; pass `page.locator('html')` for the whole
 * page. Endless ones (a spinner) and paused ones are left out. Only the motions running at the call are awaited, so
 * a progress bar that starts a new width transition on every tick cannot hold it up.
 */
export async function motionDone(target: Locator): Promise<void> {
  await target.evaluate((el) =>
    Promise.all(
      el
        .getAnimations({ subtree: true })
        .filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().iterations !== Infinity)
        .map((a) =>
          a.finished.then(
            () => undefined,
            () => undefined,
          ),
        ),
    ),
  );
}
