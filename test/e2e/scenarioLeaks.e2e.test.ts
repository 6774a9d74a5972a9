/**
 * End to end, as a learner in Chromium: nothing in the page or the browser's storage gives a
 * troubleshooting scenario away before the run ends (no active fault id, no scenario id, summary
 * or solution line, in the text, in any attribute, in hidden nodes, in localStorage, sessionStorage
 * or IndexedDB); then a learner types their name, plays a scenario to its end, reads a debrief that
 * names the cause and quotes the lab's evidence, exports the HTML report (screenshot) and the JSON
 * result, and `lab verify` accepts the result.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faultSpec } from '../../simulation/faults/catalog';
import { loadScenario, type Scenario } from '../../simulation/scenarios/schema';
import { saved } from './browserStore';
import { E2E_SHOTS, openApp } from './chromium';
import { typeInConsole } from './console';

const ROOT = resolve(__dirname, '../..');
const OUT = join(E2E_SHOTS, 'scenario');

function load(file: string): Scenario {
  const r = loadScenario(readFileSync(join(ROOT, 'assets/scenarios', file), 'utf8'), file);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.scenario;
}

let context: BrowserContext;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  ({ context, page } = await openApp(errors));
  await page.getByTestId('lab-canvas').waitFor();
});

afterAll(async () => {
  await context?.close();
});

/** Everything the page and the browser hold: the whole DOM (text, attributes, hidden nodes) and storage. */
async function everything(p: Page): Promise<{ dom: string; storage: string }> {
  const dom = await p.evaluate(() => {
    const parts: string[] = [document.documentElement.outerHTML];
    // Values typed into inputs are properties, not attributes.
    for (const el of document.querySelectorAll('input, textarea, select'))
      parts.push((el as HTMLInputElement).value);
    return parts.join('\n');
  });
  const storage = await p.evaluate(async () => {
    const parts: string[] = [];
    for (const s of [localStorage, sessionStorage])
      for (let i = 0; i < s.length; i++) {
        const k = s.key(i) ?? '';
        parts.push(`${k}=${s.getItem(k) ?? ''}`);
      }
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((ok, bad) => {
        const r = indexedDB.open(info.name as string);
        r.onsuccess = () => ok(r.result);
        r.onerror = () => bad(r.error);
      });
      for (const name of db.objectStoreNames) {
        const all = await new Promise<unknown[]>((ok, bad) => {
          const r = db.transaction(name).objectStore(name).getAll();
          r.onsuccess = () => ok(r.result as unknown[]);
          r.onerror = () => bad(r.error);
        });
        for (const v of all) parts.push(typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));
      }
      db.close();
    }
    return parts.join('\n');
  });
  return { dom, storage };
}

/** What must not be there before the end: each with a name for the failure message. */
function secrets(s: Scenario): { what: string; test: (text: string) => boolean }[] {
  const plain = (what: string, needle: string) => ({
    what,
    test: (t: string) => t.toLowerCase().includes(needle.toLowerCase()),
  });
  return [
    ...(s.faults ?? []).map((f) => ({
      what: `fault id ${f.fault}`,
      test: (t: string) => new RegExp(`(?<![A-Za-z0-9_-])${f.fault}(?![A-Za-z0-9_])`).test(t),
    })),
    plain('scenario id', s.id),
    plain('summary', s.summary),
    ...s.solution.map((l, i) => plain(`solution[${i}]`, l)),
  ];
}

async function startScenario(s: Scenario, name: string): Promise<void> {
  await page.getByTestId('open-scenarios').click();
  await page.getByTestId('learner-name').fill(name);
  page.once('dialog', (d) => void d.accept());
  await page.getByTestId('scenario-card').filter({ hasText: s.title }).first().click();
  await page.getByTestId('scenario-sidebar').getByText(s.briefing.subject).waitFor();
}

/** A look around as a learner would: the admin center, the server tools and a console. */
async function lookAround(): Promise<void> {
  await page.getByTestId('surface-admin').click();
  await page.getByTestId('admin-center').waitFor();
  await page.getByTestId('surface-tools').click();
  await page.getByTestId('tools-host').selectOption('sync01');
  await page.getByTestId('tool-events').click();
  await page.getByTestId('ev-table').waitFor();
  await page.getByTestId('tool-services').click();
  await page.getByTestId('surface-connect').click();
  await page.getByTestId('surface-map').click();
}

const LEAK_SCENARIOS = [
  'adsync-stopped.json',
  'firewall-blocks-relay.json',
  'staging-mode.json',
  'pc2-wrong-dns.json',
];

describe('before the end, nothing gives a troubleshooting scenario away', () => {
  it('a scenario does not start without the learner’s name', async () => {
    const s = load('adsync-stopped.json');
    await page.getByTestId('open-scenarios').click();
    await page.getByTestId('learner-name').fill('  ');
    await page.getByTestId('scenario-card').filter({ hasText: s.title }).first().click();
    await expect
      .poll(() => page.getByTestId('scenario-picker').getByRole('alert').textContent())
      .toContain('Type your name');
    await page.getByTestId('scenario-picker').getByRole('button', { name: 'Close' }).click();
  });

  for (const file of LEAK_SCENARIOS) {
    it(`${file}: the DOM and the storage hold no fault id, scenario id, summary or solution line`, async () => {
      const s = load(file);
      expect(s.mode).toBe('objectives');
      await startScenario(s, 'Grace Hopper');
      await lookAround();
      // The picker is open again too (its cards are in the DOM).
      await page.getByTestId('open-scenarios').click();
      await page.getByTestId('scenario-picker').waitFor();
      // Once the saver has written the session (the storage check below reads it).
      await saved(page);
      const { dom, storage } = await everything(page);
      await page.getByTestId('scenario-picker').getByRole('button', { name: 'Close' }).click();
      const found = secrets(s).flatMap((x) => [
        ...(x.test(dom) ? [`DOM: ${x.what}`] : []),
        ...(x.test(storage) ? [`storage: ${x.what}`] : []),
      ]);
      expect(found).toEqual([]);
      // The checks would see them: the storage holds this session, the DOM its ticket.
      expect(storage).toContain(s.title);
      expect(dom).toContain(s.briefing.subject.replace(/&/g, '&amp;'));
    });
  }
});

describe('a learner plays a scenario to its end and hands in the result', () => {
  const s = load('adsync-stopped.json');
  const fault = faultSpec('L6');

  it('plays, gives up at the end, and reads a debrief that names the cause and quotes the evidence', async () => {
    await startScenario(s, 'Ada Lovelace');
    // Diagnose: the service in PowerShell, the Application log on SYNC01.
    await page.getByTestId('console-host').selectOption('sync01');
    await page.getByTestId('console-tab-powershell').click();
    await typeInConsole(page, 'Get-Service ADSync');
    await page.getByTestId('surface-tools').click();
    await page.getByTestId('tools-host').selectOption('sync01');
    await page.getByTestId('tool-events').click();
    await page.getByTestId('ev-table').waitFor();
    // The fix, from PowerShell: the first objective (the root cause) ticks.
    await typeInConsole(page, 'Start-Service ADSync');
    await expect
      .poll(() => page.locator('[data-testid=objectives] > li').first().getAttribute('data-met'))
      .toBe('true');
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('give-up').click();
    const debrief = page.getByTestId('debrief');
    await debrief.waitFor();
    const text = (await debrief.textContent()) ?? '';
    expect(fault).toBeDefined();
    expect(text).toContain(fault?.title ?? '(no fault)');
    expect(text).toContain('Given up');
    expect(text).toContain('Start-Service ADSync');
    // Evidence quoted from the lab's history: event IDs and messages, with times.
    const evidence = (await page.getByTestId('debrief-evidence').first().textContent()) ?? '';
    expect(evidence).toMatch(/event \d{3,5}/);
    expect(text).toContain('Ada Lovelace');
    expect(text).not.toMatch(/undefined/);
    // Active time counts the learner's wall-clock time (seconds here), apart from lab time.
    expect(text).toMatch(/Active time [1-9]\d* s/);
    expect(text).toMatch(/lab time /);
    await page.screenshot({ path: join(OUT, 'debrief.png') });
  });

  it('exports the HTML report (self-contained, screenshotted) and the JSON result, which lab verify accepts', async () => {
    const [html] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-html').click(),
    ]);
    const htmlFile = join(OUT, 'report.html');
    await html.saveAs(htmlFile);
    const report = readFileSync(htmlFile, 'utf8');
    expect(report).toContain('Ada Lovelace');
    expect(report).toContain(fault?.title ?? '(no fault)');
    expect(report).not.toMatch(/<script|<link|src="http/);
    const view = await context.newPage();
    await view.goto(`file://${htmlFile}`);
    await view.screenshot({ path: join(OUT, 'report.png'), fullPage: true });
    await view.close();

    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-json').click(),
    ]);
    const jsonFile = join(OUT, 'result.json');
    await json.saveAs(jsonFile);
    const result = JSON.parse(readFileSync(jsonFile, 'utf8')) as {
      learnerName: string;
      signature?: { alg: string };
      unsigned?: string;
    };
    expect(result.learnerName).toBe('Ada Lovelace');
    // Chromium has WebCrypto Ed25519: the browser signs with a key kept in its IndexedDB.
    expect(result.signature?.alg).toBe('Ed25519');
    // The message is the HTML report's until the JSON's comes.
    await expect.poll(() => page.getByTestId('export-message').textContent()).toMatch(/^Result saved/);
    expect(await page.getByTestId('export-message').textContent()).not.toContain('NOT signed');
    const out = execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/lab.ts'), 'verify', jsonFile],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(out).toContain('ok: signature valid');
    expect(out).toContain('Ada Lovelace');
    expect(errors).toEqual([]);
    // Closed, the debrief opens again from the sidebar.
    await page.getByTestId('debrief').getByRole('button', { name: 'Close' }).click();
    await page.getByTestId('show-debrief').click();
    await page.getByTestId('debrief').waitFor();
    await page.getByTestId('debrief').getByRole('button', { name: 'Close' }).click();
  });
});

describe('the guided scenario ticks on what the learner does in the app', () => {
  const s = load('configure-sspr-writeback.json');
  const met = () => page.locator('[data-testid=objectives] > li[data-met=true]').count();

  it('a saved blade ticks its step; a default already right ticks when its blade is opened; instructions stay readable', async () => {
    await startScenario(s, 'Ada Lovelace');
    expect(await met()).toBe(0);
    await page.getByTestId('surface-admin').click();
    await page.getByTestId('nav-Entra ID/Password reset').click();
    await page.getByTestId('sspr-enabled-All').click();
    await page.getByTestId('save').click();
    await page.getByText('Successfully saved settings.').first().waitFor();
    await expect.poll(met).toBe(1);
    // "Number of methods required to reset" is 1 already: opening its blade is the check.
    await page.getByTestId('menu-Authentication methods').click();
    await expect.poll(met).toBe(2);
    // Registration is a later step: opening it now does not tick it (step 3 comes first).
    await page.getByTestId('menu-Registration').click();
    await expect.poll(() => page.getByTestId('blade-title').textContent()).toContain('Registration');
    // (Nothing to wait for that says "not ticked": a short margin, then the count.)
    await page.waitForTimeout(300);
    expect(await met()).toBe(2);
    // The first step's instructions can still be read.
    const first = page.locator('[data-testid=objectives] > li').first();
    await first.locator('summary').click();
    await expect.poll(() => first.textContent()).toContain('Self service password reset enabled');
    await page.getByTestId('scenario-sidebar').screenshot({ path: join(OUT, 'guided-sidebar.png') });
    const time = (await page.getByTestId('scenario-time').textContent()) ?? '';
    expect(time).toMatch(/^Active time \d+ s · lab time /);
    expect(errors).toEqual([]);
  });
});
