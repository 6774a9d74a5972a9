/**
 * Crash test of the session store (`npm run crashtest -- --kills 100 --json`): starts the real
 * main-process store in a child process (scripts/crashtest-child.ts: a lab, the saver, the store,
 * the clock playing, single and overlapping writes, compactions), kills it with SIGKILL at a
 * random moment, then opens the folder as the app would and checks:
 *
 *   lost               acknowledged records missing after recovery (must be 0)
 *   unreadable         runs whose session could not be opened at all (must be 0)
 *   recoveredPrefixOk  runs where what was recovered is exactly a prefix of what was written,
 *                      at least as long as what was acknowledged, and replays into a lab
 *
 * Options: --kills N (100), --seed S (1), --max-delay MS (600: latest kill after the child is
 * ready), --json (one JSON object on stdout).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { decodeLine, foldRecords, openFolded, readJournal, type JournalRecord } from '../simulation';
import { build } from 'vite';
import { FileSessionStore } from '../src-main/store/fileStore';

interface Options {
  kills: number;
  seed: number;
  maxDelay: number;
  json: boolean;
}

function parse(argv: string[]): Options {
  const o: Options = { kills: 100, seed: 1, maxDelay: 600, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = () => {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 0) throw new Error(`${a}: expected a whole number, got ${argv[i]}`);
      return n;
    };
    if (a === '--kills') o.kills = num();
    else if (a === '--seed') o.seed = num();
    else if (a === '--max-delay') o.maxDelay = num();
    else if (a === '--json') o.json = true;
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

const ROOT = resolve(__dirname, '..');
const CHILD = join(ROOT, 'scripts', 'crashtest-child.ts');
/** Inside the project, so the bundle's external packages (xstate, zod) resolve from node_modules. */
const BUNDLE_DIR = join(ROOT, 'node_modules', '.cache', `hybridlab-crashtest-${process.pid}`);

/** The child, bundled once (Vite, SSR build): a hundred starts of plain Node are quicker than of tsx. */
async function bundleChild(): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'warn',
    root: ROOT,
    build: {
      ssr: CHILD,
      outDir: BUNDLE_DIR,
      emptyOutDir: true,
      minify: false,
      rollupOptions: { output: { format: 'cjs', entryFileNames: 'child.cjs' } },
    },
  });
  return join(BUNDLE_DIR, 'child.cjs');
}

interface RunReport {
  acknowledged: number;
  lost: number;
  unreadable: boolean;
  prefixOk: boolean;
  recovered: number;
  written: number;
  delayMs: number;
  problem?: string;
}

/** One run: start the child, kill it `delayMs` after it is ready, recover, compare. */
async function oneRun(childScript: string, seed: number, delayMs: number): Promise<RunReport> {
  const dir = mkdtempSync(join(tmpdir(), 'hybridlab-crash-'));
  const intents = new Map<number, string>();
  let acked = 0;
  const child = spawn(process.execPath, [childScript, dir, String(seed)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const lines = createInterface({ input: child.stdout });
  const ready = new Promise<void>((resolveReady) => {
    lines.on('line', (line) => {
      if (line === 'R') resolveReady();
      else if (line.startsWith('A ')) acked = Math.max(acked, Number(line.slice(2)));
      else if (line.startsWith('I ')) {
        const text = line.slice(2);
        const d = decodeLine(text);
        if (d.ok) intents.set(d.record.seq, text);
      }
    });
  });
  await Promise.race([ready, exited]);
  await new Promise((r) => setTimeout(r, delayMs));
  child.kill('SIGKILL');
  await exited;
  lines.close();

  const report: RunReport = {
    acknowledged: acked,
    lost: 0,
    unreadable: false,
    prefixOk: false,
    recovered: 0,
    written: intents.size,
    delayMs,
  };
  const store = new FileSessionStore(dir);
  try {
    const list = await store.list();
    const id = list.ok ? list.value.sessions[0]?.id : undefined;
    if (!list.ok || list.value.damaged.length > 0) {
      report.unreadable = true;
      report.problem = list.ok ? list.value.damaged[0]?.error : list.error;
      return report;
    }
    if (!id) {
      // Killed before the session's first write was acknowledged: nothing can have been lost.
      report.prefixOk = acked === 0;
      if (acked > 0) report.lost = acked;
      return report;
    }
    const loaded = await store.load(id);
    const read = loaded.ok ? readJournal(loaded.value.lines) : undefined;
    if (!read?.ok) {
      report.unreadable = true;
      report.problem = loaded.ok ? (read && !read.ok ? read.error : 'no journal') : loaded.error;
      return report;
    }
    const recovered = read.read.records;
    const last = recovered[recovered.length - 1]?.seq ?? 0;
    report.recovered = last;
    report.lost = Math.max(0, acked - last);
    // What was meant to be written up to the recovered end, record by record.
    const meant: JournalRecord[] = [];
    for (let seq = 1; seq <= last; seq++) {
      const line = intents.get(seq);
      const d = line !== undefined ? decodeLine(line) : undefined;
      if (!d?.ok) {
        report.problem = `record ${seq} was recovered but never written`;
        return report;
      }
      meant.push(d.record);
    }
    const a = foldRecords(recovered);
    const b = foldRecords(meant);
    const same = JSON.stringify([a.entries, a.meta]) === JSON.stringify([b.entries, b.meta]);
    const opened = openFolded(a, () => undefined);
    report.prefixOk = same && opened.ok && opened.opened.dropped === 0 && report.lost === 0;
    if (!same) report.problem = 'the recovered journal differs from what was written';
    else if (!opened.ok) report.problem = opened.error;
    else opened.opened.lab.stop();
    return report;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const o = parse(process.argv.slice(2));
  let rng = o.seed >>> 0 || 1;
  const next = () => {
    rng = (Math.imul(rng, 1664525) + 1013904223) >>> 0;
    return rng / 4294967296;
  };
  const total = { kills: 0, acknowledged: 0, lost: 0, unreadable: 0, recoveredPrefixOk: 0 };
  const problems: string[] = [];
  const bundle = await bundleChild();
  for (let k = 0; k < o.kills; k++) {
    const delay = Math.floor(next() * o.maxDelay);
    const r = await oneRun(bundle, o.seed * 1000 + k, delay);
    total.kills++;
    total.acknowledged += r.acknowledged;
    total.lost += r.lost;
    total.unreadable += r.unreadable ? 1 : 0;
    total.recoveredPrefixOk += r.prefixOk ? 1 : 0;
    if (r.problem || !r.prefixOk)
      problems.push(`kill ${k + 1} (after ${delay} ms): ${r.problem ?? 'not a valid prefix'}`);
    if (!o.json)
      process.stdout.write(
        `kill ${String(k + 1).padStart(3)} after ${String(delay).padStart(3)} ms: ${r.written} written, ${r.acknowledged} acknowledged, ${r.recovered} recovered${r.prefixOk ? '' : ` — ${r.problem ?? 'NOT OK'}`}\n`,
      );
  }
  rmSync(BUNDLE_DIR, { recursive: true, force: true });
  if (o.json) process.stdout.write(`${JSON.stringify(total)}\n`);
  else process.stdout.write(`${JSON.stringify(total)}\n${problems.join('\n')}${problems.length ? '\n' : ''}`);
  for (const p of problems) process.stderr.write(`${p}\n`);
  process.exit(total.lost === 0 && total.unreadable === 0 && total.recoveredPrefixOk === total.kills ? 0 : 1);
}

main().catch((e: unknown) => {
  process.stderr.write(`crashtest: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
});
