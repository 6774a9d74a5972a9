/**
 * `npm run bench:ui [-- --json]`: how the learner's workstation loads and responds, in Debian's
 * Chromium against the production build of the renderer (built here, served on 127.0.0.1).
 *
 * - initialJsKB: the JavaScript the first screen needs, gzipped (level 9), in KB: every script the
 *   page fetched from navigation until the lab map has drawn its devices and the network has been
 *   quiet for 500 ms (so a chunk loaded lazily by the first screen counts too).
 * - firstCanvasMs: navigation start → the lab map's device nodes are on screen (median of RUNS
 *   cold loads, each in a fresh profile).
 * - consoleEchoP95Ms: Enter pressed in the console (the key event's own timestamp) → the command's
 *   output row painted (the frame after xterm.js wrote it into its rows), p95 over 50 `echo`
 *   commands, after the learner has clicked the console (its plain prompt) and the terminal is up.
 * - panFrameP95Ms: the interval between animation frames while the map is dragged (panned) by the
 *   mouse for about two seconds, p95.
 *
 * Options: --json (one JSON line), --no-build (reuse the last build), --runs N (cold loads; 3).
 */
/// <reference lib="dom" />
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startStaticServer } from './static-server.mjs';

const ROOT = resolve(__dirname, '..');
const OUT = join(ROOT, 'test-results', 'bench-ui-build');
const argv = process.argv.slice(2);
const json = argv.includes('--json');
const runsAt = argv.indexOf('--runs');
const RUNS = runsAt >= 0 ? Math.max(1, Number(argv[runsAt + 1])) : 3;
const ECHOES = 50;

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] as number;
}
const median = (xs: number[]) => percentile(xs, 50);
const round1 = (x: number) => Math.round(x * 10) / 10;

function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

async function launch(): Promise<{ context: BrowserContext; page: Page; profile: string }> {
  const profile = mkdtempSync(join(tmpdir(), 'hybridlab-bench-ui-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1440, height: 900 },
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
  // tsx compiles this file with esbuild's keepNames, which wraps the functions handed to
  // page.evaluate in a __name(...) helper that the page does not have.
  await context.addInitScript('window.__name = (f) => f');
  // Past the first-launch welcome (src-renderer/state/uiSettings.ts), as a returning learner.
  await context.addInitScript(`localStorage.setItem('hybridlab.ui', '{"welcomeSeen":true}')`);
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, profile };
}

async function close(b: { context: BrowserContext; profile: string }): Promise<void> {
  await b.context.close();
  rmSync(b.profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
}

const NODES = '[data-testid=lab-canvas] .react-flow__node';

/** One cold load: the scripts it fetched (url → gzipped bytes) and the time to the map's nodes. */
async function coldLoad(
  url: string,
  dist: string,
): Promise<{ jsGzBytes: number; canvasMs: number; scripts: string[] }> {
  const b = await launch();
  try {
    const scripts = new Set<string>();
    b.page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.add(new URL(r.url()).pathname);
    });
    await b.page.goto(url, { waitUntil: 'commit' });
    await b.page.locator(NODES).first().waitFor({ state: 'visible', timeout: 120_000 });
    // The frame that shows them: measured in the page, from its navigation start.
    const canvasMs = await b.page.evaluate(
      () => new Promise<number>((done) => requestAnimationFrame(() => done(performance.now()))),
    );
    await b.page.waitForLoadState('networkidle');
    await b.page.waitForTimeout(500);
    let jsGzBytes = 0;
    for (const path of scripts) jsGzBytes += gzipSync(readFileSync(join(dist, path)), { level: 9 }).length;
    return { jsGzBytes, canvasMs, scripts: [...scripts] };
  } finally {
    await close(b);
  }
}

/** Enter → the echoed row painted, for each of ECHOES commands (ms). */
async function consoleEcho(page: Page): Promise<number[]> {
  // As a learner begins: the console shows the host's prompt as plain text until it is clicked,
  // which starts the lab and its terminal (not measured: the echoes are).
  await page.getByTestId('console-start').click();
  const input = page.getByTestId('console-input');
  await input.waitFor({ state: 'attached' });
  const times: number[] = [];
  for (let i = 0; i < ECHOES; i++) {
    const marker = `bench${i}x${Math.random().toString(36).slice(2, 7)}`;
    await input.focus();
    await page.keyboard.type(`echo ${marker}`);
    // Armed before Enter (a promise left on window): the Enter keydown's timestamp, then the first frame after a row that is
    // exactly the marker (the output, not the typed line) appears in the terminal.
    await page.evaluate((m) => {
      const w = globalThis as unknown as { __echo: Promise<number> };
      w.__echo = new Promise<number>((resolveDone, fail) => {
        const rows = document.querySelector('[data-testid=console-terminal] .xterm-rows');
        const ta = document.querySelector('[data-testid=console-input]');
        if (!rows || !ta) return fail(new Error('no terminal'));
        let t0 = -1;
        const onKey = (e: Event) => {
          if ((e as KeyboardEvent).key === 'Enter') t0 = e.timeStamp;
        };
        ta.addEventListener('keydown', onKey, { capture: true });
        const shown = () =>
          Array.from(rows.children).some((r) => (r.textContent ?? '').replace(/\u00a0/g, ' ').trim() === m);
        const observer = new MutationObserver(() => {
          if (t0 < 0 || !shown()) return;
          observer.disconnect();
          ta.removeEventListener('keydown', onKey, { capture: true });
          requestAnimationFrame(() => resolveDone(performance.now() - t0));
        });
        observer.observe(rows, { childList: true, subtree: true, characterData: true });
        setTimeout(() => fail(new Error(`no echo of ${m}`)), 15_000);
      });
    }, marker);
    await page.keyboard.press('Enter');
    times.push(await page.evaluate(() => (globalThis as unknown as { __echo: Promise<number> }).__echo));
  }
  return times;
}

/** Frame intervals (ms) while the map is dragged across for about two seconds. */
async function panFrames(page: Page): Promise<number[]> {
  await page.getByTestId('surface-map').click();
  const pane = page.locator('[data-testid=lab-canvas] .react-flow__pane');
  await pane.waitFor();
  const box = await pane.boundingBox();
  if (!box) throw new Error('no map pane');
  // Start on empty map (a corner of the pane, away from the nodes and the zoom controls).
  const x0 = box.x + box.width - 40;
  const y0 = box.y + 30;
  await page.evaluate(() => {
    const w = globalThis as unknown as { __frames: number[]; __stop: boolean };
    w.__frames = [];
    w.__stop = false;
    const tick = (t: number) => {
      w.__frames.push(t);
      if (!w.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const viewport = () =>
    page
      .locator('[data-testid=lab-canvas] .react-flow__viewport')
      .evaluate((e) => getComputedStyle(e).transform);
  const before = await viewport();
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  const t0 = Date.now();
  let step = 0;
  while (Date.now() - t0 < 2000) {
    step++;
    const dx = Math.sin(step / 15) * 200;
    const dy = Math.cos(step / 15) * 60 - 60;
    await page.mouse.move(x0 - 200 + dx, y0 + 60 + dy);
  }
  await page.mouse.up();
  if ((await viewport()) === before) throw new Error('the map did not pan: the drag missed the pane');
  const frames = await page.evaluate(() => {
    const w = globalThis as unknown as { __frames: number[]; __stop: boolean };
    w.__stop = true;
    return w.__frames;
  });
  const intervals: number[] = [];
  for (let i = 1; i < frames.length; i++) intervals.push((frames[i] as number) - (frames[i - 1] as number));
  return intervals;
}

async function main(): Promise<void> {
  if (!argv.includes('--no-build')) {
    // The CLI in its own process: inside tsx, Vite's import.meta.glob transform does not apply.
    execFileSync(
      join(ROOT, 'node_modules', '.bin', 'electron-vite'),
      ['build', '--outDir', OUT, '--logLevel', 'warn'],
      {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
  }
  const dist = join(OUT, 'renderer');
  const server = await startStaticServer(dist, { port: Number(process.env.BENCH_PORT ?? 5480) });
  try {
    const loads = [];
    for (let i = 0; i < RUNS; i++) loads.push(await coldLoad(server.url, dist));
    const b = await launch();
    let echo: number[];
    let pan: number[];
    try {
      await b.page.goto(server.url);
      await b.page.locator(NODES).first().waitFor({ state: 'visible', timeout: 120_000 });
      echo = await consoleEcho(b.page);
      pan = await panFrames(b.page);
    } finally {
      await close(b);
    }
    const result = {
      initialJsKB: round1((loads[0] as { jsGzBytes: number }).jsGzBytes / 1024),
      initialScripts: (loads[0] as { scripts: string[] }).scripts.length,
      firstCanvasMs: Math.round(median(loads.map((l) => l.canvasMs))),
      consoleEchoP95Ms: round1(percentile(echo, 95)),
      consoleEchoMedianMs: round1(median(echo)),
      panFrameP95Ms: round1(percentile(pan, 95)),
      panFrames: pan.length,
      runs: RUNS,
      echoes: echo.length,
    };
    if (json) console.log(JSON.stringify(result));
    else {
      console.log('HybridLab UI bench (Chromium, production build)');
      for (const [k, v] of Object.entries(result)) console.log(`  ${k.padEnd(20)} ${v}`);
    }
  } finally {
    await server.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
