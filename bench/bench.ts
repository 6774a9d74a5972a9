/**
 * `npm run bench [-- --json] [-- --quick]`: how fast the lab runs, measured in one run so the
 * figures compare with each other on a noisy machine. Figures are medians of several rounds
 * (ROUNDS for the default lab, SCALE_ROUNDS for the scaled labs, which take longer).
 *
 * Default lab (the seed guide's, 3 PCs, 7 users):
 * - xstateEventsPerSec: raw XState, one actor taking events with an assign each (the shape of a
 *   device handling a command), sent straight to the actor.
 * - labEventsPerSec: commands through Lab.dispatch that each end in one device transition
 *   (validation, journal, the root actor forwarding to the device, the device's assign).
 * - dispatchRatio: labEventsPerSec / xstateEventsPerSec (the cost of the lab's layers; goal ≥ 0.5).
 * - defaultLab24hMs: build the default lab and advance it 24 lab hours (DHCP, timers, logs; goal < 100).
 * - live1000Ms: a 1,000-command journal (consoles on PC2 and DC01, a minute of lab time every tenth
 *   command) executed as a live session does: Lab.dispatch, then the learner's view after each.
 * - replay1000Ms: the same journal through Lab.replay, with the learner's view once at the end
 *   (goal ≤ 0.3 × live1000Ms).
 *
 * Scaled labs (simulation/lab/scaledLab.ts):
 * - build1000PcMs: build the default lab scaled to 1,000 PCs and let it settle 5 lab minutes (every
 *   PC takes a DHCP lease, as a scenario's start does).
 * - dispatch1000PcUs, dispatchDefaultUs: µs per Lab.dispatch of the labEventsPerSec command at
 *   1,000 PCs and in the default lab; dispatch1000PcRatio their ratio (goal ≤ 2).
 * - day10kUsersMs: the default lab with 10,000 users, built and advanced 24 lab hours (goal < 2,000).
 * - fullSync10kMs: in that lab (settled), `Start-ADSyncSyncCycle -PolicyType Initial` on the sync
 *   server and the cycle run to its end (TIMINGS.syncCycleBusy of lab time).
 * - deltaSync10of10kMs: 10 users changed on the DC (not timed), then the same with
 *   `-PolicyType Delta` (goal ≤ 0.05 × fullSync10kMs; deltaSyncRatio).
 * - learnerViewAfterCommand10kUsersMs: in that lab, one console command on PC2, then the time of
 *   Lab.learnerView() (goal < 5).
 *
 * `--quick` skips the scaled labs (they take tens of seconds on a loaded machine).
 */
import { performance } from 'node:perf_hooks';
import { createActor } from 'xstate';
import { comparable, median } from './comparable';
import { HOUR, MINUTE, SECOND } from '../simulation/core/time';
import { TIMINGS } from '../simulation/core/timings';
import { Lab, type JournalEntry } from '../simulation/facade/lab';
import { DEFAULT_LAB } from '../simulation/lab/defaultLab';
import { scaledLab } from '../simulation/lab/scaledLab';

const json = process.argv.includes('--json');
const quick = process.argv.includes('--quick');
const ROUNDS = 5;
const SCALE_ROUNDS = Number(process.env.BENCH_SCALE_ROUNDS ?? 3);

function timed<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const r = f();
  return [r, performance.now() - t0];
}

function xstateRate(n: number): number {
  const actor = createActor(comparable).start();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) actor.send({ type: 'console.clear', shell: 'cmd' });
  const ms = performance.now() - t0;
  actor.stop();
  return n / (ms / 1000);
}

function dispatchRate(lab: Lab, n: number): number {
  const t0 = performance.now();
  for (let i = 0; i < n; i++)
    lab.dispatch({ type: 'console.clear', host: 'pc2', shell: i % 2 ? 'cmd' : 'powershell' });
  const ms = performance.now() - t0;
  return n / (ms / 1000);
}

function labRate(n: number): number {
  const lab = new Lab();
  const r = dispatchRate(lab, n);
  lab.stop();
  return r;
}

function day(): number {
  const t0 = performance.now();
  const lab = new Lab();
  lab.dispatch({ type: 'clock.advance', ms: 24 * HOUR });
  const ms = performance.now() - t0;
  lab.stop();
  return ms;
}

const JOURNAL_COMMANDS = ['hostname', 'whoami', 'ipconfig', 'echo %COMPUTERNAME%'];

/** The 1,000-command journal, recorded once. */
function recordJournal(): JournalEntry[] {
  const lab = new Lab();
  for (let i = 0; i < 1000; i++) {
    const r =
      i % 10 === 9
        ? lab.dispatch({ type: 'clock.advance', ms: MINUTE })
        : i % 3 === 2
          ? lab.dispatch({ type: 'console.clear', host: 'pc2', shell: 'cmd' })
          : lab.dispatch({
              type: 'console.exec',
              host: i % 2 ? 'pc2' : 'dc01',
              shell: 'cmd',
              line: JOURNAL_COMMANDS[i % JOURNAL_COMMANDS.length] as string,
            });
    if (!r.ok) throw new Error(`bench journal: ${r.error}`);
  }
  const journal = [...lab.journal()];
  lab.stop();
  return journal;
}

function live(journal: readonly JournalEntry[]): number {
  const [, ms] = timed(() => {
    const lab = new Lab();
    for (const e of journal) {
      lab.dispatch(e.command);
      lab.learnerView();
    }
    lab.stop();
  });
  return ms;
}

function replay(journal: readonly JournalEntry[]): number {
  const [, ms] = timed(() => {
    const lab = Lab.replay(DEFAULT_LAB, 1, journal);
    lab.learnerView();
    lab.stop();
  });
  return ms;
}

function must(lab: Lab, command: unknown): void {
  const r = lab.dispatchUnknown(command);
  if (!r.ok) throw new Error(`bench: ${JSON.stringify(command)}: ${r.error}`);
}

function syncCycle(lab: Lab, policy: 'Delta' | 'Initial'): number {
  const [, ms] = timed(() => {
    must(lab, {
      type: 'console.exec',
      host: DEFAULT_LAB.connect.host,
      shell: 'powershell',
      line: `Start-ADSyncSyncCycle -PolicyType ${policy}`,
    });
    must(lab, { type: 'clock.advance', ms: TIMINGS.syncCycleBusy + SECOND });
  });
  return ms;
}

function fmt(n: number, digits = 1): number {
  return Number(n.toFixed(digits));
}

// Warm up the JIT before measuring.
xstateRate(20_000);
labRate(2_000);
day();
const journal = recordJournal();
live(journal);
replay(journal);

const x: number[] = [];
const l: number[] = [];
const d: number[] = [];
const lv: number[] = [];
const rp: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  x.push(xstateRate(100_000));
  l.push(labRate(20_000));
  d.push(day());
  lv.push(live(journal));
  rp.push(replay(journal));
}

const result: Record<string, number> = {
  xstateEventsPerSec: Math.round(median(x)),
  labEventsPerSec: Math.round(median(l)),
  dispatchRatio: fmt(median(l) / median(x), 3),
  defaultLab24hMs: fmt(median(d)),
  live1000Ms: fmt(median(lv)),
  replay1000Ms: fmt(median(rp)),
  replayRatio: fmt(median(rp) / median(lv), 3),
};

if (!quick) {
  // 1,000 PCs.
  const pcs = scaledLab({ pcs: 1000 });
  const builds: number[] = [];
  const per1000: number[] = [];
  const perDefault: number[] = [];
  for (let r = 0; r < SCALE_ROUNDS; r++) {
    const [lab, ms] = timed(() => {
      const lab = new Lab({ definition: pcs });
      must(lab, { type: 'clock.advance', ms: 5 * MINUTE });
      return lab;
    });
    builds.push(ms);
    dispatchRate(lab, 500);
    per1000.push(1e6 / dispatchRate(lab, 5_000));
    lab.stop();
    const small = new Lab();
    dispatchRate(small, 500);
    perDefault.push(1e6 / dispatchRate(small, 5_000));
    small.stop();
  }
  result.build1000PcMs = fmt(median(builds), 0);
  result.dispatch1000PcUs = fmt(median(per1000));
  result.dispatchDefaultUs = fmt(median(perDefault));
  result.dispatch1000PcRatio = fmt(median(per1000) / median(perDefault), 2);

  // 10,000 users.
  const users = scaledLab({ users: 10_000 });
  const days: number[] = [];
  const full: number[] = [];
  const delta: number[] = [];
  const views: number[] = [];
  for (let r = 0; r < SCALE_ROUNDS; r++) {
    const [dayLab, dayMs] = timed(() => {
      const lab = new Lab({ definition: users });
      must(lab, { type: 'clock.advance', ms: 24 * HOUR });
      return lab;
    });
    days.push(dayMs);
    dayLab.stop();

    const lab = new Lab({ definition: users });
    must(lab, { type: 'clock.advance', ms: 5 * MINUTE });
    full.push(syncCycle(lab, 'Initial'));
    must(lab, { type: 'clock.advance', ms: MINUTE });
    for (const u of users.users.slice(-10))
      must(lab, {
        type: 'backstage.ad',
        op: { op: 'user', identity: u.sam, patch: { title: `Bench ${r}` } },
      });
    delta.push(syncCycle(lab, 'Delta'));

    lab.learnerView();
    for (let i = 0; i < 3; i++) {
      must(lab, { type: 'console.exec', host: 'pc2', shell: 'cmd', line: 'hostname' });
      views.push(timed(() => lab.learnerView())[1]);
    }
    lab.stop();
  }
  result.day10kUsersMs = fmt(median(days), 0);
  result.fullSync10kMs = fmt(median(full));
  result.deltaSync10of10kMs = fmt(median(delta));
  result.deltaSyncRatio = fmt(median(delta) / median(full), 3);
  result.learnerViewAfterCommand10kUsersMs = fmt(median(views), 2);
}

if (json) {
  console.log(JSON.stringify(result));
} else {
  console.log(`HybridLab bench (medians; node ${process.version}${quick ? '; --quick' : ''})`);
  for (const [k, v] of Object.entries(result)) console.log(`  ${k.padEnd(36)} ${v.toLocaleString('en-US')}`);
}
