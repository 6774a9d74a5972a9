/**
 * The classroom, end to end in Chromium (browser mode): learner mode renders nothing
 * instructor-only; instructor mode is behind a passphrase set on first use.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAULTS } from '../../simulation/faults/catalog';
import { E2E_SHOTS, openApp } from './chromium';

const SCENARIO = JSON.parse(
  readFileSync(resolve(__dirname, '../../assets/scenarios/adsync-stopped.json'), 'utf8'),
) as { title: string; summary: string; solution: string[]; faults: { fault: string }[] };

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

/** Every text node and every attribute value in the page, including closed <details> and hidden nodes. */
async function wholeDom(p: Page): Promise<string> {
  return p.evaluate(() => {
    const out: string[] = [];
    const walk = (n: Node) => {
      if (n.nodeType === Node.TEXT_NODE) out.push(n.textContent ?? '');
      if (n instanceof Element) for (const a of n.attributes) out.push(`${a.name}=${a.value}`);
      if (n instanceof HTMLInputElement || n instanceof HTMLTextAreaElement) out.push(n.value);
      for (const c of n.childNodes) walk(c);
    };
    walk(document.documentElement);
    return out.join('\n');
  });
}

/** What a learner must not find in learner mode while a scenario with `faults` runs. */
function secrets(): string[] {
  const ids = SCENARIO.faults.map((f) => f.fault);
  return [
    ...ids.map((id) => FAULTS.find((f) => f.id === id)!.title),
    SCENARIO.summary,
    ...SCENARIO.solution,
    'still holds',
    'not yet in place',
    'Faults in place',
    'Fault catalog',
  ];
}

describe('roles: learner first, instructor behind a passphrase', () => {
  it('in learner mode, with a scenario running, no instructor-only text is anywhere in the DOM', async () => {
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('open-scenarios').click();
    await page.getByTestId('learner-name').fill('Ada Lovelace');
    await page.getByTestId('scenario-card').filter({ hasText: SCENARIO.title }).click();
    await page.getByTestId('scenario-sidebar').waitFor();
    const dom = await wholeDom(page);
    for (const s of secrets()) expect(dom, `learner DOM contains "${s}"`).not.toContain(s);
    // Fault ids as such (L6), not as part of other words.
    for (const f of SCENARIO.faults) expect(dom).not.toMatch(new RegExp(`\\b${f.fault}\\b`));
    expect(await page.getByTestId('instructor-panel').count()).toBe(0);
    await page.screenshot({ path: join(E2E_SHOTS, 'classroom-learner-mode.png') });
  });

  it('sets the passphrase on first use (typed twice), then shows the instructor drawer', async () => {
    await page.getByTestId('instructor-unlock').click();
    await page.getByTestId('unlock-passphrase').fill('chalk-and-board');
    await page.getByTestId('unlock-confirm').fill('chalk-and-b0ard');
    await page.getByTestId('unlock-submit').click();
    await expect(page.getByTestId('unlock-error').textContent()).resolves.toBe('The two passphrases differ.');
    await page.screenshot({ path: join(E2E_SHOTS, 'classroom-unlock.png') });
    await page.getByTestId('unlock-confirm').fill('chalk-and-board');
    await page.getByTestId('unlock-submit').click();
    await page.getByTestId('instructor-toggle').click();
    await expect(page.getByTestId('instructor-scenario-summary').textContent()).resolves.toBe(
      SCENARIO.summary,
    );
    const stored = await page.evaluate(() => localStorage.getItem('hybridlab.instructor'));
    expect(stored).not.toContain('chalk-and-board');
    expect(JSON.parse(stored ?? '{}')).toMatchObject({ algo: 'scrypt', N: 32768 });
  });

  it('locks on request: the drawer leaves the DOM, and a wrong passphrase is refused, then slowed down', async () => {
    await page.getByTestId('instructor-lock').click();
    expect(await page.getByTestId('instructor-panel').count()).toBe(0);
    const dom = await wholeDom(page);
    expect(dom).not.toContain(SCENARIO.summary);
    await page.getByTestId('instructor-unlock').click();
    for (let i = 0; i < 3; i++) {
      await page.getByTestId('unlock-passphrase').fill(`wrong-${i}-guess`);
      await page.getByTestId('unlock-submit').click();
      await expect(page.getByTestId('unlock-error').textContent()).resolves.toBe('Wrong passphrase.');
    }
    await page.getByTestId('unlock-passphrase').fill('wrong-4-guess');
    await page.getByTestId('unlock-submit').click();
    await expect(page.getByTestId('unlock-error').textContent()).resolves.toContain('try again in 1 second');
    await page.waitForTimeout(1_100);
    await page.getByTestId('unlock-passphrase').fill('chalk-and-board');
    await page.getByTestId('unlock-submit').click();
    await page.getByTestId('instructor-toggle').waitFor();
    expect(errors).toEqual([]);
  });
});
