/**
 * The headless scenario runner (`npm run lab -- <command>`):
 *
 *   validate <files...>                      schema and meaning of scenario files; exit 0/1
 *   solve <file> [--seed N]                  replays the reference solution; exit 1 if not solved
 *   run [<file>] [--seed N] --script <file> [--json] [--show <surface>]...
 *                                            performs the script's actions one per line and prints
 *                                            what the learner sees after each, then the objectives;
 *                                            `instructor inject|clear|schedule|unschedule …` lines
 *                                            change faults as the instructor does; --show prints a
 *                                            surface's learner view at the end (scripts/labSurfaces.ts)
 *   play [<file>] [--seed N]                 the same, interactive (status, hint, give up, quit)
 *   verify <result.json> [--pack <dir>]      checks a signed result: signature, then a replay of its
 *                                            journal on the scenario and seed; exit 0, or 1 naming
 *                                            every mismatch. An unsigned result (a browser without
 *                                            Ed25519) exits 1 unless --allow-unsigned, which checks
 *                                            the replay alone and says so
 *
 * `solve` and `run` take `--report <dir>` (and `--name <learner>`): they write report.html and a
 * signed result.json there, as the app's export does (a run still going is given up first). The key
 * is the installation's (`--key-dir`, default the app's folder, ~/.config/HybridLab).
 *
 * Without a scenario file, `run` and `play` use the working lab (preset "configured") with no faults.
 * `solve`, `run` and `play` take `--pcs N` and `--users N`: the lab is the default one scaled to N
 * client PCs and N users in all (simulation/lab/scaledLab.ts; the LAN and DHCP scope widen as needed).
 *
 * `solve` and `run` take `--still-wall-clock`: the learner's wall clock stands still, so the score's
 * active minutes are 0 however long the run takes (the goldens use it: on a loaded machine a run can
 * take over a minute, and a golden must not depend on that).
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { loadScenario, type Scenario } from '../simulation/scenarios/schema';
import { ScenarioRun, type ObjectiveStatus } from '../simulation/scenarios/engine';
import type { LearnerView } from '../simulation/lab/projection';
import { formatShortDateTime } from '../simulation/core/time';
import { debriefOf } from '../simulation/scenarios/debrief';
import { reportHtml } from '../simulation/scenarios/reportHtml';
import { buildResult, isSigned, signResult, verifyResult } from '../simulation/scenarios/result';
import { loadOrCreateKey, nodeCheck, nodeSigner } from '../src-main/resultSigning';
import { scaledLab } from '../simulation/lab/scaledLab';
import type { LabDefinition } from '../simulation/core/definition';
import { instructorCommand, showSurface, ssprText } from './labSurfaces';

const FREE_LAB: Scenario = {
  format: 'hybridlab-scenario',
  version: 1,
  id: 'working-lab',
  title: 'Working lab (no scenario)',
  summary: 'The seed guide configured; no faults.',
  briefing: { from: 'HybridLab', subject: 'Free play', body: 'A working lab.' },
  difficulty: 'beginner',
  estimatedMinutes: 1,
  start: { preset: 'configured', settle: '5m' },
  mode: 'objectives',
  objectives: [
    {
      id: 'none',
      title: 'Explore the lab (never completes)',
      check: { kind: 'faultFixed', fault: 'L1' },
      points: 0,
    },
  ],
  solution: ['advance 1m'],
};

interface Args {
  command: string;
  files: string[];
  seed: number;
  script?: string;
  json: boolean;
  report?: string;
  name: string;
  keyDir: string;
  pack: string;
  pcs?: number;
  users?: number;
  /** verify: accept a result exported unsigned, checking its replay alone. */
  allowUnsigned: boolean;
  /** run: the surfaces to print at the end. */
  show: string[];
  /** solve, run: the wall clock stands still (reproducible active time). */
  stillWallClock: boolean;
}

/** The learner's wall-clock time of an action: real, or standing still with --still-wall-clock. */
const STILL_WALL_MS = Date.UTC(2026, 0, 1);
function wallNow(a: Args): number {
  return a.stillWallClock ? STILL_WALL_MS : Date.now();
}

/** The lab `--pcs`/`--users` ask for (undefined: the scenario's usual one). */
function baseOf(a: Args): LabDefinition | undefined {
  return a.pcs === undefined && a.users === undefined
    ? undefined
    : scaledLab({
        ...(a.pcs !== undefined ? { pcs: a.pcs } : {}),
        ...(a.users !== undefined ? { users: a.users } : {}),
      });
}

function parseArgs(argv: string[]): Args | string {
  const [command, ...rest] = argv;
  const a: Args = {
    command: command ?? '',
    files: [],
    seed: 1,
    json: false,
    allowUnsigned: false,
    show: [],
    stillWallClock: false,
    name: '',
    keyDir:
      process.env.HYBRIDLAB_KEY_DIR ??
      join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'HybridLab'),
    pack: join(__dirname, '..', 'assets', 'scenarios'),
  };
  for (let i = 0; i < rest.length; i++) {
    const x = rest[i] as string;
    if (x === '--seed') {
      const n = Number(rest[++i]);
      if (!Number.isInteger(n) || n < 0)
        return `--seed: expected a whole number, got ${JSON.stringify(rest[i])}`;
      a.seed = n;
    } else if (x === '--pcs' || x === '--users') {
      const n = Number(rest[++i]);
      if (!Number.isInteger(n) || n < 1)
        return `${x}: expected a whole number, got ${JSON.stringify(rest[i])}`;
      if (x === '--pcs') a.pcs = n;
      else a.users = n;
    } else if (x === '--script') {
      const f = rest[++i];
      if (!f) return '--script: expected a file';
      a.script = f;
    } else if (x === '--show') {
      const v = rest[++i];
      if (!v)
        return '--show: expected a surface (onprem, audit, signins, users, events:<host>[:<log>], wizard, phone)';
      a.show.push(v);
    } else if (x === '--allow-unsigned') {
      a.allowUnsigned = true;
    } else if (x === '--still-wall-clock') {
      a.stillWallClock = true;
    } else if (x === '--report' || x === '--name' || x === '--key-dir' || x === '--pack') {
      const v = rest[++i];
      if (v === undefined || (x !== '--name' && !v)) return `${x}: expected a value`;
      if (x === '--report') a.report = v;
      else if (x === '--name') a.name = v;
      else if (x === '--key-dir') a.keyDir = v;
      else a.pack = v;
    } else if (x === '--json') a.json = true;
    else if (x.startsWith('--')) return `unknown option ${x}`;
    else a.files.push(x);
  }
  return a;
}

function readText(file: string): { ok: true; text: string } | { ok: false; error: string } {
  try {
    return { ok: true, text: readFileSync(file, 'utf8') };
  } catch (e) {
    return {
      ok: false,
      error: `${basename(file)}: cannot read the file (${e instanceof Error ? e.message : String(e)})`,
    };
  }
}

function load(file: string): { ok: true; scenario: Scenario } | { ok: false; errors: string[] } {
  const t = readText(file);
  if (!t.ok) return { ok: false, errors: [t.error] };
  return loadScenario(t.text, basename(file));
}

function table(objectives: ObjectiveStatus[]): string {
  const rows = objectives.map((o) => [
    o.met ? 'x' : ' ',
    o.id,
    o.required ? 'required' : 'optional',
    String(o.points),
    o.title,
  ]);
  const w = [1, ...[1, 2, 3].map((c) => Math.max(...rows.map((r) => (r[c] ?? '').length), 2))];
  return rows
    .map(
      (r) =>
        `[${r[0]}] ${(r[1] ?? '').padEnd(w[1] ?? 0)}  ${(r[2] ?? '').padEnd(w[2] ?? 0)}  ${(r[3] ?? '').padStart(w[3] ?? 0)}  ${r[4]}`,
    )
    .join('\n');
}

function scoreLine(run: ScenarioRun): string {
  const s = run.score();
  const parts = [`score ${s.total}/${s.max}`, `objectives ${s.objectives}`];
  if (s.hints) parts.push(`hints -${s.hints}`);
  for (const c of s.collateral) parts.push(`${c.title} -${c.cost}`);
  if (s.time) parts.push(`time -${s.time}`);
  parts.push(`pass mark ${s.passMark}`, s.passed ? 'PASSED' : 'not passed');
  return parts.join(' · ');
}

/** What the learner sees after an action: console output, page, sign-in result. */
function seen(before: LearnerView, after: LearnerView, line: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const console = /^(cmd|ps|powershell)\s+([\w.-]+)\s*:/i.exec(line.trim());
  if (console) {
    const host = (console[2] ?? '').toLowerCase();
    const shell = (console[1] ?? '').toLowerCase() === 'cmd' ? 'cmd' : 'powershell';
    const b = before.consoles[host]?.[shell].transcript.length ?? 0;
    out.output = (after.consoles[host]?.[shell].transcript ?? []).slice(b + 1).map((l) => l.text);
  }
  if (/^sspr\b/i.test(line.trim())) {
    const p = after.browser.sspr;
    out.sspr =
      p.page === 'error'
        ? { page: p.page, code: p.code, heading: p.heading }
        : p.page === 'userId'
          ? { page: p.page, error: p.error }
          : p;
  }
  if (/^myaccount\b/i.test(line.trim())) out.myAccount = after.browser.myAccount.page;
  if (/^(signin|signout|changepw)\b/i.test(line.trim())) {
    const host = line.trim().split(/\s+/)[1]?.toLowerCase() ?? '';
    const d = after.desktops[host];
    out.signin = d
      ? { screen: d.screen, message: d.message, banner: d.banner, account: d.session?.account }
      : undefined;
  }
  if (/^admin\b/i.test(line.trim()) && after.adminCenter.notice) out.notice = after.adminCenter.notice;
  if (/^wizard\b/i.test(line.trim())) out.wizard = after.connect?.page.page;
  out.time = formatShortDateTime(after.time.now, after.time.offsetMinutes);
  return out;
}

/** What the learner sees, as text; an SSPR page prints as the page reads (its Details block too). */
function printSeen(s: Record<string, unknown>, view?: LearnerView): void {
  if (Array.isArray(s.output)) for (const l of s.output) process.stdout.write(`  | ${String(l)}\n`);
  for (const k of ['sspr', 'myAccount', 'signin', 'notice', 'wizard']) {
    if (s[k] === undefined) continue;
    if (k === 'sspr' && view)
      for (const l of ssprText(view.browser.sspr)) process.stdout.write(`  sspr | ${l}\n`);
    else process.stdout.write(`  ${k}: ${JSON.stringify(s[k])}\n`);
  }
}

function validate(files: string[]): number {
  if (files.length === 0) {
    process.stderr.write('validate: expected one or more scenario files\n');
    return 2;
  }
  let bad = 0;
  for (const f of files) {
    const r = load(f);
    if (r.ok) process.stdout.write(`ok      ${basename(f)} (${r.scenario.id}: ${r.scenario.title})\n`);
    else {
      bad++;
      for (const e of r.errors) process.stdout.write(`invalid ${e}\n`);
    }
  }
  process.stdout.write(`${files.length - bad} valid, ${bad} invalid\n`);
  return bad ? 1 : 0;
}

/** Writes report.html and a signed result.json for an ended run (a run still going is given up). */
async function writeReport(run: ScenarioRun, a: Args): Promise<void> {
  if (!a.report) return;
  // With --json, stdout holds JSON lines only.
  const say = (text: string) => (a.json ? process.stderr : process.stdout).write(text);
  if (run.getStatus() === 'running') {
    run.giveUp(wallNow(a));
    say('(the run had not ended: given up for the report)\n');
  }
  const key = loadOrCreateKey(a.keyDir);
  const result = await signResult(buildResult(run), nodeSigner(key));
  mkdirSync(a.report, { recursive: true });
  writeFileSync(join(a.report, 'result.json'), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(
    join(a.report, 'report.html'),
    reportHtml(debriefOf(run), result, { exportedAtMs: Date.now(), publicKey: key.publicKey }),
  );
  say(`report: ${join(a.report, 'report.html')}, ${join(a.report, 'result.json')}\n`);
}

/** Every scenario of the pack folder that loads, by id. */
function packScenarios(dir: string): Map<string, Scenario> {
  const out = new Map<string, Scenario>();
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json'))) {
    const r = load(join(dir, f));
    if (r.ok) out.set(r.scenario.id, r.scenario);
  }
  return out;
}

async function verify(file: string | undefined, a: Args): Promise<number> {
  if (!file) {
    process.stderr.write('verify: expected a result.json file\n');
    return 2;
  }
  const t = readText(file);
  if (!t.ok) {
    process.stderr.write(`${t.error}\n`);
    return 1;
  }
  const pack = packScenarios(a.pack);
  const v = await verifyResult(t.text, (id) => pack.get(id), nodeCheck, {
    allowUnsigned: a.allowUnsigned,
  });
  if (!v.ok) {
    process.stdout.write(`${basename(file)}: REJECTED\n`);
    for (const m of v.mismatches) process.stdout.write(`  - ${m}\n`);
    return 1;
  }
  const r = v.result;
  process.stdout.write(
    `${basename(file)}: ok: ${isSigned(r) ? `signature valid (key ${r.signature.publicKey.slice(0, 16)}…)` : `NOT SIGNED (${r.unsigned}): only the replay was checked; the name and every other field could have been edited`}; the journal replays to ${v.replayed.score}/${r.score.max}, ${v.replayed.status}, as claimed\n` +
      `  ${r.learnerName || '(no name)'} · ${r.scenario.title} (${r.scenario.id}, seed ${r.seed})\n`,
  );
  return 0;
}

async function solve(file: string | undefined, seed: number, a: Args): Promise<number> {
  if (!file) {
    process.stderr.write('solve: expected a scenario file\n');
    return 2;
  }
  const r = load(file);
  if (!r.ok) {
    for (const e of r.errors) process.stdout.write(`invalid ${e}\n`);
    return 1;
  }
  const run = ScenarioRun.start(r.scenario, seed, baseOf(a), { learnerName: a.name, wallMs: wallNow(a) });
  if (run.getStatus() === 'completed') {
    process.stdout.write(`${r.scenario.id}: already solved before the first action\n`);
    return 1;
  }
  for (const [i, line] of r.scenario.solution.entries()) {
    const x = run.act(line, wallNow(a));
    if (!x.ok) {
      process.stdout.write(`${r.scenario.id}: solution[${i}] "${line}": ${x.error}\n`);
      return 1;
    }
  }
  process.stdout.write(`${r.scenario.title} (seed ${seed}, user ${run.params.user}, PC ${run.params.pc})\n`);
  process.stdout.write(`${table(run.objectives())}\n${scoreLine(run)}\n`);
  const solved = run.getStatus() === 'completed';
  process.stdout.write(solved ? 'solved\n' : `not solved (${run.getStatus()})\n`);
  await writeReport(run, a);
  return solved ? 0 : 1;
}

async function runScript(
  file: string | undefined,
  seed: number,
  script: string | undefined,
  json: boolean,
  a: Args,
): Promise<number> {
  if (!script) {
    process.stderr.write('run: expected --script <file>\n');
    return 2;
  }
  let scenario = FREE_LAB;
  if (file) {
    const r = load(file);
    if (!r.ok) {
      for (const e of r.errors) process.stdout.write(`invalid ${e}\n`);
      return 1;
    }
    scenario = r.scenario;
  }
  const t = readText(script);
  if (!t.ok) {
    process.stderr.write(`${t.error}\n`);
    return 2;
  }
  const run = ScenarioRun.start(scenario, seed, baseOf(a), { learnerName: a.name, wallMs: wallNow(a) });
  for (const spec of a.show) {
    const v = showSurface(run.learnerView(), spec);
    if (!v.ok) {
      process.stderr.write(`${v.error}\n`);
      return 2;
    }
  }
  const lines = t.text.split(/\r?\n/).filter((l) => l.trim() && !l.trim().startsWith('#'));
  let failures = 0;
  for (const line of lines) {
    const before = run.learnerView();
    const r = act(run, line, wallNow(a));
    const s = seen(before, run.learnerView(), line);
    if (!r.ok) failures++;
    if (json)
      process.stdout.write(
        `${JSON.stringify({ action: line, ok: r.ok, ...(r.ok ? {} : { error: r.error }), ...s })}\n`,
      );
    else {
      process.stdout.write(`> ${line}${r.ok ? '' : `   [refused: ${r.error}]`}\n`);
      printSeen(s, run.learnerView());
    }
  }
  const summary = {
    status: run.getStatus(),
    objectives: run.objectives(),
    score: run.score(),
    failedActions: failures,
  };
  if (json) process.stdout.write(`${JSON.stringify({ summary })}\n`);
  else process.stdout.write(`\n${table(summary.objectives)}\n${scoreLine(run)}\nstatus: ${summary.status}\n`);
  for (const spec of a.show) {
    const v = showSurface(run.learnerView(), spec);
    if (!v.ok) continue;
    if (json) process.stdout.write(`${JSON.stringify({ show: spec, view: v.data })}\n`);
    else process.stdout.write(`\n--- ${spec}\n${v.lines.map((l) => `  ${l}`).join('\n')}\n`);
  }
  await writeReport(run, a);
  return 0;
}

/** A script line: an instructor's fault command, or a learner action. */
function act(run: ScenarioRun, line: string, wallMs: number): { ok: boolean; error?: string } {
  const i = instructorCommand(line, run.learnerView().time.now);
  if (!i) return run.act(line, wallMs);
  if (!i.ok) return i;
  const r = run.dispatch(i.command, wallMs);
  return r.ok ? { ok: true } : { ok: false, error: r.error };
}

async function play(file: string | undefined, seed: number, base?: LabDefinition): Promise<number> {
  let scenario = FREE_LAB;
  if (file) {
    const r = load(file);
    if (!r.ok) {
      for (const e of r.errors) process.stdout.write(`invalid ${e}\n`);
      return 1;
    }
    scenario = r.scenario;
  }
  const run = ScenarioRun.start(scenario, seed, base);
  process.stdout.write(
    `${scenario.title}\nFrom: ${scenario.briefing.from}\nSubject: ${scenario.briefing.subject}\n\n${scenario.briefing.body}\n\n`,
  );
  process.stdout.write('Type actions (see docs/scenario-format.md), or: status, hint, giveup, quit.\n');
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: 'lab> ' });
  rl.prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === 'quit' || line === 'exit') break;
    if (line === 'status')
      process.stdout.write(`${table(run.objectives())}\n${scoreLine(run)}\nstatus: ${run.getStatus()}\n`);
    else if (line === 'hint') {
      const h = run.takeHint();
      process.stdout.write(h ? `Hint (-${h.cost}): ${h.text}\n` : 'No hint available right now.\n');
    } else if (line === 'giveup') {
      run.giveUp();
      process.stdout.write(`${scoreLine(run)}\n`);
    } else if (line) {
      const before = run.learnerView();
      const r = act(run, line, Date.now());
      if (!r.ok) process.stdout.write(`refused: ${r.error}\n`);
      printSeen(seen(before, run.learnerView(), line), run.learnerView());
      if (run.getStatus() !== 'running')
        process.stdout.write(`Scenario ${run.getStatus()}. ${scoreLine(run)}\n`);
    }
    rl.prompt();
  }
  rl.close();
  return 0;
}

async function main(): Promise<number> {
  const a = parseArgs(process.argv.slice(2));
  if (typeof a === 'string') {
    process.stderr.write(`${a}\n`);
    return 2;
  }
  switch (a.command) {
    case 'validate':
      return validate(a.files);
    case 'solve':
      return solve(a.files[0], a.seed, a);
    case 'run':
      return runScript(a.files[0], a.seed, a.script, a.json, a);
    case 'verify':
      return verify(a.files[0], a);
    case 'play':
      return play(a.files[0], a.seed, baseOf(a));
    default:
      process.stderr.write(
        'usage: npm run lab -- validate <files...> | solve <file> [--seed N] [--still-wall-clock] [--report <dir> [--name <learner>]] | run [<file>] [--seed N] --script <file> [--json] [--still-wall-clock] [--report <dir> [--name <learner>]] | play [<file>] [--seed N] | verify <result.json> [--pack <dir>] [--allow-unsigned]\n',
      );
      return 2;
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`lab: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
