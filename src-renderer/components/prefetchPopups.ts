import { useEffect } from 'react';

/**
 * The code of the popups and tooltips kept off the first screen (lazyPopup.tsx, lazyTooltip.tsx):
 * a hover or a focus on a trigger fetches it, and otherwise it is fetched ahead once the lab runs
 * and the browser is idle, so that a first click on a menu does not wait for Fluent's menu code
 * (340–560 ms without a hover before, as the first-screen budget leaves it out).
 */
const loaders = new Set<() => Promise<unknown>>();
let fetched = false;

function fetchOne(load: () => Promise<unknown>): void {
  // A chunk that did not load: its trigger asks again when used.
  load().catch(() => undefined);
}

/** A popup's code, to fetch ahead (now, if that time has come). Idempotent for the same `load`. */
export function prefetchable(load: () => Promise<unknown>): void {
  if (loaders.has(load)) return;
  loaders.add(load);
  if (fetched) fetchOne(load);
}

/** Fetches the code of every popup known, and from now on of each one as it becomes known. */
export function prefetchPopups(): void {
  if (fetched) return;
  fetched = true;
  for (const load of loaders) fetchOne(load);
}

/** Fetches every popup's code once, when the browser is first idle after `ready` is true. */
export function usePrefetchPopups(ready: boolean): void {
  useEffect(() => {
    if (!ready || fetched) return;
    const run = prefetchPopups;
    if (typeof requestIdleCallback !== 'function') {
      const t = setTimeout(run, 0);
      return () => clearTimeout(t);
    }
    const id = requestIdleCallback(run, { timeout: 5_000 });
    return () => cancelIdleCallback(id);
  }, [ready]);
}
