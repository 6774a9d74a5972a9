/**
 * `npm run bench [-- --json]`: how fast the lab runs, measured in one run so the figures compare
 * with each other on a noisy machine.
 *
 * - xstateEventsPerSec: raw XState, one actor taking events with an assign each (the shape of a
 *   device handling a command), sent straight to the actor.
 * - labEventsPerSec: commands through Lab.dispatch that each end in one device transition
 *   (validation, journal, the root actor forwarding to the device, the device's assign).
 * - dispatchRatio: labEventsPerSec / xstateEventsPerSec (the cost of the lab's layers).
 * - defaultLab24hMs: build the default lab and advance it 24 lab hours (DHCP, timers, logs).
 * Each figure is the median of several rounds.
 */
import { performance } from 'node:perf_hooks';
import { assign, createActor, setup } from 'xstate';
import { HOUR } from '../simulation/core/time';
import { Lab } from '../simulation/facade/lab';

const json = process.argv.includes('--json');
const ROUNDS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

const comparable = setup({
  types: {
    context: {} as { count: number; last: string },
    events: {} as { type: 'console.clear'; shell: string },
  },
  actions: { take: assign(({ context, event }) => ({ count: context.count + 1, last: event.shell })) },
}).createMachine({ context: { count: 0, last: '' }, on: { 'console.clear': { actions: 'take' } } });

function xstateRate(n: number): number {
  const actor = createActor(comparable).start();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) actor.send({ type: 'console.clear', shell: 'cmd' });
  const ms = performance.now() - t0;
  actor.stop();
  return n / (ms / 1000);
}

function labRate(n: number): number {
  const lab = new Lab();
  const t0 = performance.now();
  for (let i = 0; i < n; i++)
    lab.dispatch({ type: 'console.clear', host: 'pc2', shell: i % 2 ? 'cmd' : 'powershell' });
  const ms = performance.now() - t0;
  lab.stop();
  return n / (ms / 1000);
}

function day(): number {
  const t0 = performance.now();
  const lab = new Lab();
  lab.dispatch({ type: 'clock.advance', ms: 24 * HOUR });
  const ms = performance.now() - t0;
  lab.stop();
  return ms;
}

// Warm up the JIT before measuring.
xstateRate(20_000);
labRate(2_000);
day();

const x: number[] = [];
const l: number[] = [];
const d: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  x.push(xstateRate(100_000));
  l.push(labRate(20_000));
  d.push(day());
}

const result = {
  xstateEventsPerSec: Math.round(median(x)),
  labEventsPerSec: Math.round(median(l)),
  dispatchRatio: Number((median(l) / median(x)).toFixed(3)),
  defaultLab24hMs: Number(median(d).toFixed(1)),
};

if (json) {
  console.log(JSON.stringify(result));
} else {
  console.log(`HybridLab bench (median of ${ROUNDS} rounds, node ${process.version})`);
  console.log(
    `  raw xstate events/s (comparable machine): ${result.xstateEventsPerSec.toLocaleString('en-US')}`,
  );
  console.log(
    `  lab events/s (Lab.dispatch → device):      ${result.labEventsPerSec.toLocaleString('en-US')}`,
  );
  console.log(`  dispatch ratio (lab / raw):                ${result.dispatchRatio}`);
  console.log(`  default lab, 24 virtual hours:             ${result.defaultLab24hMs} ms`);
}
