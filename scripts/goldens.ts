/**
 * Golden outputs of the built-in scenario pack: for each scenario, what `npm run lab -- run <file>
 * --script <its reference solution> --json` and `npm run lab -- solve <file>` print (seed 1). They
 * pin the engine's behaviour byte for byte while its code is restructured.
 *
 *   npm run goldens             re-record every golden (after a deliberate change of behaviour or
 *                               of the pack; commit the new files in a commit that says why)
 *   npm run goldens -- --check  compare without writing; exit 1 naming each scenario that differs
 *   npm run goldens -- --help   print usage and exit (an unknown flag does too, exiting 2), writing nothing
 *
 * The real CLI runs in child processes (two at a time), so the goldens hold exactly what an author
 * sees. test/scripts/goldens.test.ts runs the check.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
const PACK = join(ROOT, 'assets/scenarios');
export const GOLDEN_DIR = join(ROOT, 'test/goldens');

interface Output {
  code: number | null;
  stdout: string;
  stderr: string;
}

function lab(args: string[]): Promise<Output> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/lab.ts'), ...args],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** stdout verbatim; a non-zero exit or any stderr is appended, so it is pinned too. */
function text(o: Output): string {
  return `${o.stdout}${o.code === 0 ? '' : `[exit ${o.code}]\n`}${o.stderr ? `[stderr]\n${o.stderr}` : ''}`;
}

/** The golden files of one scenario: name → content. */
async function render(file: string, scratch: string): Promise<Map<string, string>> {
  const scenario = JSON.parse(readFileSync(file, 'utf8')) as { id: string; solution: string[] };
  const script = join(scratch, `${scenario.id}.txt`);
  writeFileSync(script, `${scenario.solution.join('\n')}\n`);
  // The wall clock stands still: a golden must not depend on how long the run took (active minutes).
  const run = await lab(['run', file, '--script', script, '--json', '--still-wall-clock']);
  const solve = await lab(['solve', file, '--still-wall-clock']);
  return new Map([
    [`${scenario.id}.run.jsonl`, text(run)],
    [`${scenario.id}.solve.txt`, text(solve)],
  ]);
}

/** Every scenario of the pack, rendered two at a time (the machine has two cores). */
export async function renderAll(): Promise<Map<string, string>> {
  const files = readdirSync(PACK)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(PACK, f));
  const scratch = mkdtempSync(join(tmpdir(), 'goldens-'));
  const out = new Map<string, string>();
  try {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < files.length) {
        const f = files[next++] as string;
        for (const [k, v] of await render(f, scratch)) out.set(k, v);
      }
    };
    await Promise.all([worker(), worker()]);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return out;
}

/** The differences between the recorded goldens and fresh output, one line each. */
export function compare(fresh: Map<string, string>): string[] {
  const problems: string[] = [];
  const recorded = new Set(readdirSync(GOLDEN_DIR));
  for (const [name, content] of [...fresh].sort()) {
    if (!recorded.has(name)) {
      problems.push(`${name}: no golden recorded (run npm run goldens)`);
      continue;
    }
    const before = readFileSync(join(GOLDEN_DIR, name), 'utf8').split('\n');
    const after = content.split('\n');
    const i = before.findIndex((l, n) => l !== after[n]);
    const at = i === -1 ? (before.length === after.length ? -1 : before.length) : i;
    if (at !== -1)
      problems.push(
        `${name}:${at + 1}: expected ${JSON.stringify(before[at] ?? '<end>')}, got ${JSON.stringify(after[at] ?? '<end>')}`,
      );
  }
  for (const name of recorded)
    if (!fresh.has(name)) problems.push(`${name}: no scenario produces it any more`);
  return problems;
}

export const USAGE = `usage: npm run goldens [-- --check]
  (no flag)  re-record every golden in test/goldens/
  --check    compare without writing; exit 1 naming each golden that differs
  --help     print this and exit
`;

/** What the command line asks for: record, check, or usage (with the exit code; an unknown flag is an error). */
export function parseArgs(
  args: readonly string[],
): { mode: 'record' | 'check' } | { mode: 'usage'; code: number; error?: string } {
  if (args.includes('--help') || args.includes('-h')) return { mode: 'usage', code: 0 };
  const unknown = args.find((a) => a !== '--check');
  if (unknown !== undefined)
    return { mode: 'usage', code: 2, error: `goldens: unknown argument '${unknown}'` };
  return { mode: args.includes('--check') ? 'check' : 'record' };
}

async function main(): Promise<number> {
  const parsed = parseArgs(process.argv.slice(2));
  if (parsed.mode === 'usage') {
    if (parsed.error) process.stderr.write(`${parsed.error}\n`);
    (parsed.code ? process.stderr : process.stdout).write(USAGE);
    return parsed.code;
  }
  const check = parsed.mode === 'check';
  const fresh = await renderAll();
  if (check) {
    const problems = compare(fresh);
    for (const p of problems) process.stdout.write(`${p}\n`);
    process.stdout.write(`${fresh.size - problems.length} of ${fresh.size} goldens identical\n`);
    return problems.length ? 1 : 0;
  }
  rmSync(GOLDEN_DIR, { recursive: true, force: true });
  mkdirSync(GOLDEN_DIR, { recursive: true });
  for (const [name, content] of fresh) writeFileSync(join(GOLDEN_DIR, name), content);
  process.stdout.write(`recorded ${fresh.size} goldens in ${basename(GOLDEN_DIR)}/\n`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(__filename))
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`goldens: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
