/** Finds Debian's Chromium (or a browser named by CHROMIUM_PATH) for the end-to-end tests. */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

/** Where e2e screenshots go. */
export const E2E_SHOTS = join(resolve(__dirname, '../..'), 'test-results', 'e2e');

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export function chromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'The end-to-end tests need Chromium: install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium or Chrome executable.',
    );
  }
  return found;
}

export interface LaunchOptions {
  viewport?: { width: number; height: number };
  deviceScaleFactor?: number;
  /** A profile to reuse (e.g. to start the browser again after killing it); a fresh one otherwise. */
  userDataDir?: string;
  /**
   * Open as on the very first launch, with the welcome. Otherwise the profile is marked as past the
   * welcome (the UI setting the app keeps once it has been shown), so tests start on the lab.
   */
  firstLaunch?: boolean;
}

/** The UI settings' localStorage key and value after the welcome (src-renderer/state/uiSettings.ts). */
const PAST_WELCOME = `localStorage.setItem('hybridlab.ui', JSON.stringify({ ...JSON.parse(localStorage.getItem('hybridlab.ui') ?? '{}'), welcomeSeen: true }))`;

/**
 * A Chromium on `options.userDataDir`, or on a fresh profile folder that is deleted when the
 * browser closes (a profile is several MB; the caller deletes a folder it passed in).
 */
export async function launchChromium(options: LaunchOptions = {}): Promise<BrowserContext> {
  const fresh = options.userDataDir === undefined;
  const profile = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'hybridlab-e2e-'));
  let context: BrowserContext;
  try {
    context = await launch(profile, options);
  } catch (e) {
    if (fresh) removeProfile(profile);
    throw e;
  }
  if (fresh) {
    // After the browser has exited (the 'close' event comes while it is still writing).
    const close = context.close.bind(context);
    context.close = async (...args) => {
      await close(...args);
      removeProfile(profile);
    };
  }
  return context;
}

/** Chromium's helpers may still be writing as the browser closes: retry a little, never throw. */
function removeProfile(profile: string): void {
  try {
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  } catch (e) {
    console.warn(`could not remove the Chromium profile ${profile}: ${String(e)}`);
  }
}

function launch(profile: string, options: LaunchOptions): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: options.viewport ?? { width: 1440, height: 900 },
    ...(options.deviceScaleFactor ? { deviceScaleFactor: options.deviceScaleFactor } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * The learner starts the lab (a click in the workspace: on the lab clock's time, which does nothing
 * itself) and the engine is running: a new lab's first screen is a precomputed view until then.
 */
export async function startLab(page: Page): Promise<void> {
  await page.getByTestId('lab-clock').click();
  await page.locator('.app[data-lab=running]').waitFor({ timeout: 60_000 });
}

/**
 * A fresh Chromium profile on the app that the e2e global setup built and serves. Page errors and
 * console errors are collected into `errors`, so a file can assert that none happened.
 */
export async function openApp(
  errors: string[] = [],
  options: LaunchOptions = {},
): Promise<{ context: BrowserContext; page: Page; url: string }> {
  mkdirSync(E2E_SHOTS, { recursive: true });
  const url = inject('e2eUrl');
  const context = await launchChromium(options);
  if (!options.firstLaunch) await context.addInitScript(PAST_WELCOME);
  await throttleCpu(context);
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url);
  return { context, page, url };
}

/**
 * E2E_CPU_THROTTLE=N (N > 1, e.g. 4 or 6) slows every page of the context N times through the
 * DevTools protocol (`Emulation.setCPUThrottlingRate`, as DevTools' "CPU: N× slowdown"), to
 * reproduce a slow CI machine here: `npm run test:e2e:slow` (4×), or
 * `E2E_CPU_THROTTLE=6 npx vitest run --project e2e`. The app's engine runs on the page's main
 * thread, so it is slowed too. Unset (or 1), nothing changes.
 */
export function cpuThrottleRate(): number {
  const raw = process.env.E2E_CPU_THROTTLE;
  if (raw === undefined || raw === '') return 1;
  const rate = Number(raw);
  if (!Number.isFinite(rate) || rate < 1) {
    throw new Error(`E2E_CPU_THROTTLE=${raw}: expected a slowdown factor of at least 1 (e.g. 4)`);
  }
  return rate;
}

/** Throttles the context's pages, those open now and any opened later (see cpuThrottleRate). */
async function throttleCpu(context: BrowserContext): Promise<void> {
  const rate = cpuThrottleRate();
  if (rate === 1) return;
  const throttle = async (page: Page): Promise<void> => {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  };
  if (context.pages().length === 0) await context.newPage();
  await Promise.all(context.pages().map(throttle));
  context.on('page', (page) => {
    throttle(page).catch((e: unknown) => {
      // A page closed as it opened needs no throttling; anything else must not go unnoticed (a
      // test would run unthrottled): rethrown, it fails the run as an unhandled rejection.
      if (!page.isClosed()) throw e;
    });
  });
}
