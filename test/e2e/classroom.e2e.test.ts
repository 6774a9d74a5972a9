/**
 * The classroom, end to end in Chromium (browser mode): learner mode renders nothing
 * instructor-only; instructor mode is behind a passphrase set on first use; and a class over the
 * loopback network: an instructor's browser and a learner's browser (two profiles) on the e2e
 * server, whose classroom host runs the hub and the learner's link.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAULTS } from '../../simulation/faults/catalog';
import { E2E_SHOTS, openApp } from './chromium';
import { openTerminal, terminalRows, typeInConsole } from './console';

const SCENARIO = JSON.parse(
  readFileSync(resolve(__dirname, '../../assets/scenarios/adsync-stopped.json'), 'utf8'),
) as {
  title: string;
  summary: string;
  solution: string[];
  faults: { fault: string }[];
  hints: { id: string; text: string }[];
};

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
    await expect
      .poll(() => page.getByTestId('unlock-error').textContent())
      .toBe('The two passphrases differ.');
    await page.screenshot({ path: join(E2E_SHOTS, 'classroom-unlock.png') });
    await page.getByTestId('unlock-confirm').fill('chalk-and-board');
    await page.getByTestId('unlock-submit').click();
    await page.getByTestId('instructor-toggle').click();
    await expect
      .poll(() => page.getByTestId('instructor-scenario-summary').textContent())
      .toBe(SCENARIO.summary);
    const stored = await page.evaluate(() => localStorage.getItem('hybridlab.instructor'));
    expect(stored).not.toContain('chalk-and-board');
    expect(JSON.parse(stored ?? '{}')).toMatchObject({ algo: 'scrypt', N: 32768 });
  });

  it('locks on request: the drawer leaves the DOM, and a wrong passphrase is refused, then slowed down', async () => {
    await page.getByTestId('instructor-lock').click();
    // The drawer leaves after the click's render (and any exit motion): waited for, not read once.
    await page.getByTestId('instructor-panel').waitFor({ state: 'detached' });
    const dom = await wholeDom(page);
    expect(dom).not.toContain(SCENARIO.summary);
    await page.getByTestId('instructor-unlock').click();
    for (let i = 0; i < 3; i++) {
      await page.getByTestId('unlock-passphrase').fill(`wrong-${i}-guess`);
      await page.getByTestId('unlock-submit').click();
      await expect.poll(() => page.getByTestId('unlock-error').textContent()).toBe('Wrong passphrase.');
    }
    await page.getByTestId('unlock-passphrase').fill('wrong-4-guess');
    await page.getByTestId('unlock-submit').click();
    // The answer comes after the passphrase is hashed: until then the error shown is the last one.
    await expect
      .poll(() => page.getByTestId('unlock-error').textContent(), { timeout: 10_000 })
      .toContain('try again in 1 second');
    await page.waitForTimeout(1_100);
    await page.getByTestId('unlock-passphrase').fill('chalk-and-board');
    await page.getByTestId('unlock-submit').click();
    await page.getByTestId('instructor-toggle').waitFor();
    expect(errors).toEqual([]);
  });
});

/** A port nothing listens on now (the class's hub takes it). */
async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => done(port));
    });
  });
}

describe('a class: the instructor starts it, a learner joins, is assigned a scenario and a fault, and fixes it', () => {
  let teacher: { context: BrowserContext; page: Page };
  let learner: { context: BrowserContext; page: Page };
  const teacherErrors: string[] = [];
  const learnerErrors: string[] = [];
  let address = '';
  let code = '';
  const row = () => teacher.page.locator('[data-testid=class-row][data-name="Ada Lovelace"]');

  beforeAll(async () => {
    teacher = await openApp(teacherErrors);
    learner = await openApp(learnerErrors);
    await teacher.page.getByTestId('lab-canvas').waitFor();
    await learner.page.getByTestId('lab-canvas').waitFor();
  });

  afterAll(async () => {
    await teacher?.context.close();
    await learner?.context.close();
  });

  it('the instructor unlocks with the passphrase and starts a class on 127.0.0.1', async () => {
    const p = teacher.page;
    // Learner mode: no class console in the page.
    expect(await p.getByTestId('open-classroom').count()).toBe(0);
    await p.getByTestId('instructor-unlock').click();
    await p.getByTestId('unlock-passphrase').fill('chalk-and-board');
    await p.getByTestId('unlock-confirm').fill('chalk-and-board');
    await p.getByTestId('unlock-submit').click();
    await p.getByTestId('open-classroom').click();
    await p.getByTestId('class-host').selectOption('127.0.0.1');
    await p.getByTestId('class-port').fill(String(await freePort()));
    await p.getByTestId('class-start').click();
    await expect.poll(() => p.getByTestId('class-code').textContent()).toMatch(/^[A-Z0-9]{6}$/);
    await expect.poll(() => p.getByTestId('class-address').textContent()).toMatch(/^127\.0\.0\.1:\d+$/);
    code = (await p.getByTestId('class-code').textContent()) ?? '';
    address = (await p.getByTestId('class-address').textContent()) ?? '';
    await p.getByTestId('class-empty').waitFor();
  });

  it('a learner joins with name, address and code; the dashboard shows them connected', async () => {
    const p = learner.page;
    await p.getByTestId('join-class').click();
    await p.getByTestId('join-name').fill('Ada Lovelace');
    await p.getByTestId('join-address').fill(address);
    await p.getByTestId('join-code').fill(code);
    await p.getByTestId('join-submit').click();
    await p.locator('[data-testid=class-status][data-state=connected]').waitFor();
    await row().waitFor();
    await expect.poll(() => row().getByTestId('class-connected').textContent()).toBe('connected');
  });

  it('the instructor assigns a scenario and injects a fault; the learner’s lab starts it, the fault unseen', async () => {
    const t = teacher.page;
    await t.getByTestId('class-scenario').selectOption('adsync-stopped');
    await t.getByTestId('class-assign').click();
    const p = learner.page;
    await p.getByTestId('scenario-sidebar').waitFor();
    // The instructor's own lab on the same host is not the learner's: it got nothing.
    expect(await t.getByText('Your instructor started a scenario').count()).toBe(0);
    await expect.poll(() => row().getByTestId('class-objectives').textContent()).toBe('0/3');
    await t.getByTestId('class-fault').selectOption('L18');
    await t.getByTestId('class-inject').click();
    await expect.poll(() => row().getByTestId('class-fault-L18').textContent()).toBe('L18 holds');
    // Nothing in the learner's page names the fault the instructor put in, or the scenario's.
    const dom = await wholeDom(p);
    for (const id of ['L6', 'L18']) {
      expect(dom).not.toMatch(new RegExp(`\\b${id}\\b`));
      expect(dom).not.toContain(FAULTS.find((f) => f.id === id)!.title);
    }
    expect(dom).not.toContain(SCENARIO.summary);
    for (const line of SCENARIO.solution) expect(dom).not.toContain(line);
    expect(await p.getByTestId('instructor-panel').count()).toBe(0);
    expect(await p.getByTestId('class-dashboard').count()).toBe(0);
  });

  it('the learner sees the symptoms and fixes them; the dashboard ticks', async () => {
    const p = learner.page;
    await p.getByTestId('console-host').selectOption('sync01');
    await p.getByTestId('console-tab-powershell').click();
    await openTerminal(p);
    await typeInConsole(p, 'Get-Service ADSync');
    await expect
      .poll(async () => (await terminalRows(p)).some((r) => /^Stopped\s+ADSync\b/.test(r)))
      .toBe(true);
    await typeInConsole(p, 'Start-Service ADSync');
    await expect.poll(() => row().getByTestId('class-objectives').textContent()).toBe('1/3');
    await typeInConsole(p, 'Get-ADSyncScheduler');
    await expect
      .poll(async () => (await terminalRows(p)).some((r) => /^SyncCycleEnabled\s*:\s*False/.test(r)))
      .toBe(true);
    await p.screenshot({ path: join(E2E_SHOTS, 'classroom-learner-symptom.png') });
    await typeInConsole(p, 'Set-ADSyncScheduler -SyncCycleEnabled $true');
    await expect.poll(() => row().getByTestId('class-fault-L18').textContent()).toBe('L18 fixed');
    await expect.poll(() => row().getByTestId('class-score').textContent()).toBe('40/100');
    await teacher.page.screenshot({ path: join(E2E_SHOTS, 'classroom-dashboard.png') });
    // The dashboard alone (README's screenshot, docs/classroom-dashboard.png).
    await teacher.page
      .getByTestId('class-dashboard')
      .screenshot({ path: join(E2E_SHOTS, 'classroom-dashboard-panel.png') });
  });

  it('the instructor exports the class as CSV: one row per learner and assignment', async () => {
    const t = teacher.page;
    const [download] = await Promise.all([t.waitForEvent('download'), t.getByTestId('class-export').click()]);
    expect(download.suggestedFilename()).toBe(`class-${code}.csv`);
    const csv = readFileSync(await download.path(), 'utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('"learner","learnerId","assignment","scenario"');
    expect(lines[1]).toMatch(/^"Ada Lovelace","[a-z0-9]+","a1-adsync-stopped","adsync-stopped",/);
    expect(lines[1]).toContain('"running","1","3","40","100"');
    expect(lines[1]).toContain('"L18"');
    expect(teacherErrors).toEqual([]);
    expect(learnerErrors).toEqual([]);
  });

  it('a hint the learner takes comes from the hub, one at a time', async () => {
    const p = learner.page;
    await p.getByTestId('take-hint').click();
    const h1 = SCENARIO.hints[0]!.text;
    await expect.poll(() => p.getByText(h1).count()).toBe(1);
    await expect.poll(() => row().getByTestId('class-hints').textContent()).toBe('1');
    // Only the hint asked for: the next one's text is not in the learner's page.
    expect(await wholeDom(p)).not.toContain(SCENARIO.hints[1]!.text);
    expect(learnerErrors).toEqual([]);
  });

  it('the instructor pauses the lab clocks: the learner’s clock stays still until resumed', async () => {
    const t = teacher.page;
    const p = learner.page;
    await t.getByTestId('class-pause').click();
    await p.getByTestId('class-clock-held').waitFor();
    // Play, Forward and Next event wait for the instructor.
    await expect.poll(() => p.getByTestId('clock-play').isDisabled()).toBe(true);
    await expect.poll(() => p.getByTestId('clock-forward').isDisabled()).toBe(true);
    await p.getByTestId('clock-play').click({ force: true });
    await expect.poll(() => p.getByTestId('clock-play').textContent()).toBe('Play');
    const still = await p.getByTestId('lab-clock').textContent();
    await p.waitForTimeout(1500);
    expect(await p.getByTestId('lab-clock').textContent()).toBe(still);
    await t.getByTestId('class-resume').click();
    await expect.poll(() => p.getByTestId('class-clock-held').count()).toBe(0);
    await expect.poll(() => p.getByTestId('clock-play').isDisabled()).toBe(false);
  });

  it('the run ends: the result goes to the hub, the debrief gets the summary and solution, the class exports it', async () => {
    const p = learner.page;
    p.once('dialog', (d) => void d.accept());
    await p.getByTestId('give-up').click();
    await p.getByTestId('debrief').waitFor();
    // The hub reveals what the scenario was about and its solution once the run has ended.
    await expect.poll(() => p.getByTestId('debrief-summary').textContent()).toBe(SCENARIO.summary);
    await expect
      .poll(() => p.getByTestId('debrief-reference').textContent())
      .toContain(SCENARIO.solution.find((l) => !/password/i.test(l)) ?? '');
    await row().getByTestId('class-result').waitFor();
    expect(await row().getByTestId('class-result-flagged').count()).toBe(0);
    const t = teacher.page;
    const [json] = await Promise.all([
      t.waitForEvent('download'),
      t.getByTestId('class-export-json').click(),
    ]);
    expect(json.suggestedFilename()).toBe(`class-${code}-results.json`);
    const results = JSON.parse(readFileSync(await json.path(), 'utf8')) as {
      learner: string;
      flags: string[];
      result: { status: string; learnerName: string; scenario: { id: string }; signature?: unknown };
    }[];
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({
      learner: 'Ada Lovelace',
      flags: [],
      result: { status: 'gave-up', learnerName: 'Ada Lovelace', scenario: { id: 'adsync-stopped' } },
    });
    // Chromium keeps an Ed25519 key in WebCrypto: the result is signed.
    expect(results[0]?.result.signature).toMatchObject({ alg: 'Ed25519' });
    const [xapi] = await Promise.all([
      t.waitForEvent('download'),
      t.getByTestId('class-export-xapi').click(),
    ]);
    expect(xapi.suggestedFilename()).toBe(`class-${code}-xapi.json`);
    const statements = JSON.parse(readFileSync(await xapi.path(), 'utf8')) as Record<string, unknown>[];
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatchObject({
      actor: { name: 'Ada Lovelace', account: { homePage: `http://${address}` } },
      verb: { id: 'http://adlnet.gov/expapi/verbs/failed' },
      object: { id: expect.stringMatching(/^urn:hybridlab:scenario:adsync-stopped:[0-9a-f]{16}$/) },
      result: { success: false, completion: false, duration: expect.stringMatching(/^PT/) },
    });
    await t.screenshot({ path: join(E2E_SHOTS, 'classroom-dashboard-result.png') });
    await p.screenshot({ path: join(E2E_SHOTS, 'classroom-learner-debrief.png') });
    expect(teacherErrors).toEqual([]);
    expect(learnerErrors).toEqual([]);
  });
});
