/**
 * Load test of the classroom (`npm run classroom:load -- --learners 40 --minutes 10 --json`): a real
 * hub on 127.0.0.1 with a class file; N simulated learners, each with its own link (outbox, acks,
 * reconnects) and a real lab running the assigned scenario (its own seed) with scripted learner
 * actions, one lab minute per step; an instructor console that assigns the scenario and injects
 * faults at random learners; random learner disconnects; one hub restart midway (same port, the
 * class resumed from its file). Bounded: it stops by itself (each wait has a deadline).
 *
 *   messagesSent       learner → hub messages (progress, hint requests, results)
 *   messagesApplied    distinct (learner, seq) the hub applied
 *   messagesLost       sent but never applied (must be 0)
 *   duplicatesApplied  (learner, seq) applied more than once (must be 0)
 *   resultsCollected   results the hub holds at the end
 *   stateMismatches    learners whose last progress in the hub differs from their own (must be 0)
 *   dashboardP95Ms     a learner's change → the instructor's dashboard row updated, 95th percentile
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';
import {
  buildResult,
  checkAtInstructor,
  checkScenario,
  loadScenario,
  progressOf,
  ScenarioRun,
  signedText,
  type HubCommand,
  type Progress,
  type Scenario,
} from '../simulation';
import { Hub } from '../src-main/classroom/hubServer';
import { LearnerLink } from '../src-main/classroom/learnerLink';
import { loadOrCreateKey, nodeSigner } from '../src-main/resultSigning';

export interface LoadOptions {
  learners: number;
  minutes: number;
  disconnects: number;
  seed: number;
  scenario: string;
  /** Give up waiting for the outboxes to drain after this long (ms). */
  drainMs: number;
}

export interface LoadResult {
  learners: number;
  labMinutes: number;
  messagesSent: number;
  messagesApplied: number;
  messagesLost: number;
  duplicatesApplied: number;
  resultsCollected: number;
  /** Results the hub flagged as disagreeing with its own record (honest learners: 0). */
  resultsFlagged: number;
  stateMismatches: number;
  dashboardP95Ms: number;
  dashboardSamples: number;
  hubRestarts: number;
  disconnects: number;
  faultsInjected: number;
  hubDropped: number;
  wallMs: number;
}

/** What a scripted learner tries, in turn (the action syntax of scenarios/actions.ts). */
const SCRIPT = [
  'cmd pc2: ipconfig /all',
  'ps sync01: Get-Service ADSync',
  'cmd pc2: ping dc01',
  'service start sync01 ADSync',
  'cmd sync01: ipconfig',
];
/** Faults the instructor throws at random learners. */
const EXTRA_FAULTS = ['L6', 'L7', 'L3', 'L12'];

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const tick = () => new Promise((r) => setImmediate(r));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(f: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (!f()) {
    if (Date.now() > end) return false;
    await sleep(10);
  }
  return true;
}

function loadPack(): Map<string, Scenario> {
  const dir = resolve(__dirname, '..', 'assets', 'scenarios');
  const out = new Map<string, Scenario>();
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json'))) {
    const r = loadScenario(readFileSync(join(dir, f), 'utf8'), f);
    if (r.ok) out.set(r.scenario.id, r.scenario);
  }
  return out;
}

/** The key a dashboard row is matched to the learner's change by. */
const changeKey = (id: string, p: Progress) =>
  `${id}|${p.stateHash}|${p.hints.length}|${p.applied}|${p.status}`;

class SimLearner {
  run: ScenarioRun | undefined;
  assignment: string | undefined;
  paused = false;
  sent = 0;
  readonly link: LearnerLink;

  constructor(
    readonly name: string,
    url: string,
    code: string,
    private readonly changed: (l: SimLearner, p: Progress) => void,
    private readonly signer: { publicKey: string; sign(text: string): string },
  ) {
    this.link = new LearnerLink({
      url,
      code,
      name,
      onCommand: (c) => this.apply(c),
      backoff: { minMs: 50, maxMs: 1_000 },
    });
  }

  private apply(c: HubCommand): void {
    if (c.type === 'assign') {
      const s = checkScenario(c.scenario, c.assignment);
      if (!s.ok) throw new Error(`assignment ${c.assignment} does not load: ${s.errors[0]}`);
      this.run = ScenarioRun.start(s.scenario, c.seed, undefined, { learnerName: this.name });
      this.assignment = c.assignment;
    } else if (c.type === 'fault.inject' || c.type === 'fault.clear') {
      this.run?.dispatch(c);
    } else if (c.type === 'fault.schedule') {
      const now = this.run?.lab.now() ?? 0;
      this.run?.dispatch({
        type: c.type,
        fault: c.fault,
        ...(c.params ? { params: c.params } : {}),
        at: now + c.afterMs,
      });
    } else if (c.type === 'hint') {
      if (c.assignment === this.assignment) this.run?.takeHint(c.id);
    } else if (c.type === 'clock.pause') this.paused = true;
    else if (c.type === 'clock.resume') this.paused = false;
    this.report();
  }

  progress(): Progress {
    return progressOf(this.run, {
      ...(this.assignment ? { assignment: this.assignment } : {}),
      applied: this.link.appliedCommands(),
    });
  }

  report(): void {
    const p = this.progress();
    this.changed(this, p);
    this.link.send({ kind: 'progress', progress: p });
    this.sent++;
  }

  step(i: number, step: number): void {
    const run = this.run;
    if (!run || this.paused || run.getStatus() !== 'running') return;
    run.act(SCRIPT[(i + step) % SCRIPT.length] ?? 'advance 1m');
    run.dispatch({ type: 'clock.advance', ms: 60_000 });
    if (step === 2 && this.assignment) {
      const h = run.nextHint();
      if (h) {
        this.link.send({ kind: 'hint.request', assignment: this.assignment, hint: h.id });
        this.sent++;
      }
    }
    this.report();
  }

  handIn(): void {
    const run = this.run;
    if (!run || !this.assignment) return;
    run.giveUp();
    this.report();
    // The result as the app hands it in: the signed text, its Ed25519 signature and public key.
    const payload = signedText(buildResult(run));
    this.link.send({
      kind: 'result',
      assignment: this.assignment,
      result: { payload, signature: this.signer.sign(payload), publicKey: this.signer.publicKey },
    });
    this.sent++;
  }
}

class Console {
  private ws: WebSocket | undefined;
  readonly latencies: number[] = [];
  constructor(private readonly sentAt: Map<string, number>) {}

  async connect(hub: Hub): Promise<void> {
    this.ws?.terminate();
    const ws = new WebSocket(hub.url);
    this.ws = ws;
    ws.on('message', (d) => {
      const r = checkAtInstructor(String(d));
      if (!r.ok || r.message.kind !== 'row' || !r.message.row.progress) return;
      const key = changeKey(r.message.row.learnerId, r.message.row.progress);
      const t = this.sentAt.get(key);
      if (t !== undefined) {
        this.latencies.push(performance.now() - t);
        this.sentAt.delete(key);
      }
    });
    await new Promise((r) => ws.once('open', r));
    ws.send(JSON.stringify({ kind: 'hello', v: 1, role: 'instructor', secret: hub.secret }));
  }

  act(targets: 'all' | string[], action: unknown): void {
    this.ws?.send(JSON.stringify({ kind: 'action', targets, action }));
  }

  close(): void {
    this.ws?.terminate();
  }
}

function p95(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)] ?? 0);
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const started = performance.now();
  const random = rng(o.seed);
  const dir = mkdtempSync(join(tmpdir(), 'hybridlab-classload-'));
  const file = join(dir, 'class.json');
  const signer = nodeSigner(loadOrCreateKey(dir));
  const scenarios = loadPack();
  if (!scenarios.has(o.scenario)) throw new Error(`no scenario ${o.scenario} in assets/scenarios`);
  const applied = new Map<string, Set<number>>();
  let duplicatesApplied = 0;
  const onApplied = (id: string, seq: number) => {
    const s = applied.get(id) ?? new Set<number>();
    if (s.has(seq)) duplicatesApplied++;
    s.add(seq);
    applied.set(id, s);
  };
  let hub = await Hub.start({ host: '127.0.0.1', port: 0, file, scenarios, onApplied });
  const port = Number(new URL(hub.url).port);
  const sentAt = new Map<string, number>();
  const teacher = new Console(sentAt);
  await teacher.connect(hub);
  const learners: SimLearner[] = [];
  const changed = (l: SimLearner, p: Progress) => {
    if (l.link.learnerId) {
      const key = changeKey(l.link.learnerId, p);
      if (!sentAt.has(key)) sentAt.set(key, performance.now());
    }
  };
  for (let i = 0; i < o.learners; i++)
    learners.push(new SimLearner(`Learner ${i + 1}`, hub.url, hub.code, changed, signer));
  const joined = await until(() => learners.every((l) => l.link.state === 'connected'), 30_000);
  if (!joined) throw new Error('not every learner could join');
  teacher.act('all', { type: 'assign', scenarioId: o.scenario, seedBase: o.seed });
  await until(() => learners.every((l) => l.run), 60_000);

  const cuts = new Map<number, number[]>();
  for (let k = 0; k < o.disconnects; k++) {
    const step = Math.floor(random() * o.minutes);
    cuts.set(step, [...(cuts.get(step) ?? []), Math.floor(random() * o.learners)]);
  }
  const restartAt = Math.floor(o.minutes / 2);
  let faultsInjected = 0;
  let restarts = 0;
  for (let step = 0; step < o.minutes; step++) {
    if (step === restartAt && step > 0) {
      await hub.close();
      hub = await Hub.start({ host: '127.0.0.1', port, file, scenarios, onApplied });
      await teacher.connect(hub);
      restarts++;
    }
    for (const i of cuts.get(step) ?? []) learners[i]?.link.drop();
    if (step % 2 === 1) {
      const target = learners[Math.floor(random() * learners.length)];
      const fault = EXTRA_FAULTS[Math.floor(random() * EXTRA_FAULTS.length)];
      if (target?.link.learnerId) {
        teacher.act([target.link.learnerId], { type: 'fault.inject', fault });
        faultsInjected++;
      }
    }
    for (const [i, l] of learners.entries()) {
      l.step(i, step);
      await tick();
    }
  }
  for (const l of learners) {
    l.handIn();
    await tick();
  }
  await until(() => learners.every((l) => l.link.pending() === 0), o.drainMs);
  await sleep(200);
  await hub.flush();

  let messagesSent = 0;
  let messagesApplied = 0;
  let stateMismatches = 0;
  for (const l of learners) {
    messagesSent += l.sent;
    const id = l.link.learnerId ?? '';
    messagesApplied += applied.get(id)?.size ?? 0;
    const rec = hub.core.learner(id);
    const own = l.progress();
    const seen = rec?.progress;
    const same =
      !!seen &&
      seen.stateHash === own.stateHash &&
      seen.score === own.score &&
      seen.entries === own.entries &&
      seen.status === own.status &&
      JSON.stringify(seen.hints) === JSON.stringify(own.hints) &&
      JSON.stringify(seen.objectives) === JSON.stringify(own.objectives);
    if (!same) stateMismatches++;
  }
  const resultsCollected = hub.core.record.learners.reduce((n, l) => n + l.results.length, 0);
  const flagged = hub.core.record.learners.flatMap((l) => l.results.filter((r) => r.flags.length > 0));
  for (const r of flagged.slice(0, 3)) console.error(`flagged: ${r.flags.join('; ')}`);
  const hubDropped = Object.values(hub.stats.dropped).reduce((a, b) => a + b, 0);
  for (const l of learners) l.link.close();
  teacher.close();
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    learners: o.learners,
    labMinutes: o.minutes,
    messagesSent,
    messagesApplied,
    messagesLost: messagesSent - messagesApplied,
    duplicatesApplied,
    resultsCollected,
    resultsFlagged: flagged.length,
    stateMismatches,
    dashboardP95Ms: p95(teacher.latencies),
    dashboardSamples: teacher.latencies.length,
    hubRestarts: restarts,
    disconnects: o.disconnects,
    faultsInjected,
    hubDropped,
    wallMs: Math.round(performance.now() - started),
  };
}

function parse(argv: string[]): LoadOptions & { json: boolean } {
  const o = {
    learners: 40,
    minutes: 10,
    disconnects: 10,
    seed: 1,
    scenario: 'adsync-stopped',
    drainMs: 120_000,
    json: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = () => {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 0) throw new Error(`${a}: expected a whole number, got ${argv[i]}`);
      return n;
    };
    if (a === '--learners') o.learners = num();
    else if (a === '--minutes') o.minutes = num();
    else if (a === '--disconnects') o.disconnects = num();
    else if (a === '--seed') o.seed = num();
    else if (a === '--scenario') o.scenario = String(argv[++i]);
    else if (a === '--json') o.json = true;
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

if (require.main === module) {
  const o = parse(process.argv.slice(2));
  runLoad(o).then(
    (r) => {
      if (o.json) console.log(JSON.stringify(r));
      else console.log(r);
      const ok = r.messagesLost === 0 && r.duplicatesApplied === 0 && r.stateMismatches === 0;
      process.exit(ok ? 0 : 1);
    },
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exit(2);
    },
  );
}
