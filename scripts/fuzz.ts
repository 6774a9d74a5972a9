/**
 * `npm run fuzz [-- --lines N --seed S]`: the console fuzz at scale (100,000 lines by default).
 * Prints lines per second and every failure; exit 1 if any.
 */
import { runConsoleFuzz } from '../test/fuzz/consoleLines';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  const n = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isInteger(n) && n > 0 ? n : fallback;
};
const lines = arg('--lines', 100_000);
const seed = arg('--seed', 20261125);
const t0 = performance.now();
const r = runConsoleFuzz(lines, seed);
const secs = (performance.now() - t0) / 1000;
for (const f of r.failures.slice(0, 50)) process.stdout.write(`FAIL ${f}\n`);
process.stdout.write(
  `${r.lines} lines on ${r.labs} labs in ${secs.toFixed(1)} s (${Math.round(r.lines / secs)} lines/s): ${r.failures.length} failures\n`,
);
process.exit(r.failures.length ? 1 : 0);
