import type { KeyboardEvent } from 'react';

/**
 * Arrow keys, Home and End move between the tabs of a tablist and select the one they land on, as
 * the WAI-ARIA tabs pattern asks (only the selected tab is in the Tab order).
 */
export function useTabKeys<T>(ids: readonly T[], current: T, select: (id: T) => void) {
  return (e: KeyboardEvent<HTMLElement>) => {
    const i = ids.indexOf(current);
    let next: number;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = (i + 1) % ids.length;
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = (i - 1 + ids.length) % ids.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = ids.length - 1;
    else return;
    e.preventDefault();
    const id = ids[next];
    if (id === undefined) return;
    select(id);
    const list = e.currentTarget;
    requestAnimationFrame(() =>
      list.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus(),
    );
  };
}
