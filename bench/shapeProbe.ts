/**
 * `npx esbuild bench/shapeProbe.ts --bundle --platform=node --format=esm --outfile=/tmp/probe.mjs &&
 * node --allow-natives-syntax /tmp/probe.mjs`: does running a lab slow raw XState in the same process?
 * Raw XState (comparable.ts, as bench.ts) is measured alone first, then interleaved with lab days
 * and dispatch rounds; the ratio after/before shows what the lab's code does to XState's own inline
 * caches (snapshot shapes, machine objects). With --allow-natives-syntax it also tells whether the
 * snapshots the network and a Windows host hold have the map of XState's own snapshots. CPU_TIME=1
 * times by the process's CPU time (less sensitive to other processes on a loaded machine).
 */
import { performance } from 'node:perf_hooks';
import { createActor, type AnyActor, type AnyActorRef } from 'xstate';
import { comparable, median } from './comparable';
import { HOUR } from '../simulation/core/time';
import { Lab } from '../simulation/facade/lab';

const ROUNDS = Number(process.env.PROBE_ROUNDS ?? 7);

/** Events per second of `f` (n events), by CPU time (user + system) when CPU_TIME is set, else wall time. */
function rate(n: number, f: () => void): number {
  if (process.env.CPU_TIME) {
    const c0 = process.cpuUsage();
    f();
    const c = process.cpuUsage(c0);
    return n / ((c.user + c.system) / 1e6);
  }
  const t0 = performance.now();
  f();
  return n / ((performance.now() - t0) / 1000);
}

function xstateRate(n: number): number {
  const actor = createActor(comparable).start();
  const r = rate(n, () => {
    for (let i = 0; i < n; i++) actor.send({ type: 'console.clear', shell: 'cmd' });
  });
  actor.stop();
  return r;
}

function labRate(n: number): number {
  const lab = new Lab();
  const r = rate(n, () => {
    for (let i = 0; i < n; i++)
      lab.dispatch({ type: 'console.clear', host: 'pc2', shell: i % 2 ? 'cmd' : 'powershell' });
  });
  lab.stop();
  return r;
}

function day(): Lab {
  const lab = new Lab();
  lab.dispatch({ type: 'clock.advance', ms: 24 * HOUR });
  return lab;
}

let sameMap: ((a: unknown, b: unknown) => boolean) | undefined;
try {
  sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: unknown, b: unknown) => boolean;
} catch {
  sameMap = undefined;
}

// Phase 1: raw XState alone (warm-up, then rounds).
xstateRate(20_000);
const alone: number[] = [];
for (let r = 0; r < ROUNDS; r++) alone.push(xstateRate(100_000));

// Phase 2: a lab day (and, with natives, the maps), then raw XState interleaved with lab work.
const lab = day();
if (sameMap) {
  const same = sameMap;
  const system = (lab as unknown as { root: AnyActorRef }).root.system as { get(id: string): AnyActor };
  const xs = createActor(comparable).start().getSnapshot();
  const net = system.get('network');
  const host = system.get('pc2');
  // Every actor of the lab (the root and its children, down): how many maps their logic objects and
  // snapshots have (XState's code that reads them sees as many shapes).
  const logics: unknown[] = [];
  const snapshots: unknown[] = [];
  const walk = (ref: AnyActor): void => {
    logics.push(ref.logic);
    const snapshot = ref.getSnapshot() as { children?: Record<string, unknown> };
    snapshots.push(snapshot);
    for (const child of Object.values(snapshot.children ?? {})) walk(child as AnyActor);
  };
  walk((lab as unknown as { root: AnyActor }).root);
  const maps = (xs: unknown[]): number => xs.filter((x, i) => xs.findIndex((y) => same(x, y)) === i).length;
  console.log(
    JSON.stringify({
      networkSnapshotSameMap: same(net.getSnapshot(), xs),
      pcSnapshotSameMap: same(host.getSnapshot(), xs),
      networkMachineSameMap: same(net.logic, comparable),
      hostMachineSameMap: same(host.logic, comparable),
      actors: logics.length,
      logicMaps: maps(logics),
      snapshotMaps: maps(snapshots),
    }),
  );
}
lab.stop();
const after: number[] = [];
const dispatch: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  after.push(xstateRate(100_000));
  dispatch.push(labRate(20_000));
  day().stop();
}
const a = median(alone);
const b = median(after);
const d = median(dispatch);
console.log(
  JSON.stringify({
    rawAlone: Math.round(a),
    rawAfterLab: Math.round(b),
    afterOverAlone: Number((b / a).toFixed(3)),
    lab: Math.round(d),
    dispatchRatio: Number((d / b).toFixed(3)),
  }),
);
