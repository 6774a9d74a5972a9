/**
 * The hit-test the workstation tests share: is every visible control of a view reachable, inside
 * the window and on top where a learner would point at it?
 */
import type { Page } from 'playwright-core';

/** The screens the workstation is tested at: 1280×720, 1920×1080, and 200 % of 1920×1080. */
export interface Size {
  name: string;
  viewport: { width: number; height: number };
  deviceScaleFactor?: number;
  axe: boolean;
}

export const SIZES: Size[] = [
  { name: '1280x720', viewport: { width: 1280, height: 720 }, axe: true },
  { name: '1920x1080', viewport: { width: 1920, height: 1080 }, axe: false },
  { name: 'zoom200', viewport: { width: 960, height: 540 }, deviceScaleFactor: 2, axe: false },
];

export interface Covered {
  control: string;
  problem: string;
}

/**
 * Every visible, enabled control of the page, scrolled into view (block/inline "nearest", as focus
 * would) and hit-tested at its centre. Returns the ones that are outside the window or under
 * another element. With a modal dialog or a popover open, only its controls are tested. The terminal's
 * own input (xterm.js's hidden helper text box) and the focus
 * manager's invisible guards are not controls a learner points at.
 */
export async function coveredControls(page: Page): Promise<Covered[]> {
  return page.evaluate(() => {
    const selector =
      'button, a[href], input:not([type=hidden]), select, textarea, [role=tab], [role=button], [role=menuitem], [role=checkbox], [role=radio], [role=switch], [role=combobox]';
    const describeEl = (e: Element) => {
      const id = e.getAttribute('data-testid');
      const label = e.getAttribute('aria-label') ?? (e.textContent ?? '').trim().slice(0, 40);
      return `${e.tagName.toLowerCase()}${id ? `[data-testid=${id}]` : ''} "${label}"`;
    };
    const found: { control: string; problem: string }[] = [];
    // Under a modal dialog the page behind is meant to be covered: only the dialog's controls count.
    // So under an open popover (Fluent's PopoverSurface, e.g. "Waiting on lab time"): it floats over
    // the page until the learner closes it, so what it covers meanwhile is not reachable by design.
    const modals = Array.from(document.querySelectorAll('[aria-modal=true], .fui-PopoverSurface'));
    const scope = modals[modals.length - 1] ?? document;
    for (const el of Array.from(scope.querySelectorAll(selector))) {
      if (el.closest('.xterm, [data-tabster-dummy], [aria-hidden=true], [inert]')) continue;
      if ((el as HTMLButtonElement).disabled) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      if (el.getClientRects().length === 0) continue;
      // A control in a collapsed pane (size 0) is not shown, so it is not covered either.
      const first = el.getBoundingClientRect();
      if (first.width < 1 || first.height < 1) continue;
      el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const r = el.getBoundingClientRect();
      const x = r.left + Math.min(r.width / 2, 8);
      const y = r.top + r.height / 2;
      if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) {
        found.push({
          control: describeEl(el),
          problem: `outside the window at ${Math.round(x)},${Math.round(y)}`,
        });
        continue;
      }
      const top = document.elementFromPoint(x, y);
      if (!top) continue;
      const label = top.closest('label');
      const ok =
        top === el ||
        el.contains(top) ||
        (label !== null && (label.contains(el) || (label as HTMLLabelElement).control === el));
      if (!ok) found.push({ control: describeEl(el), problem: `covered by ${describeEl(top)}` });
    }
    return found;
  });
}
