/**
 * The crash test's victim (scripts/crashtest.ts starts it and kills it with SIGKILL at a random
 * moment): a real lab, the renderer's SessionSaver and the desktop's FileSessionStore on a folder,
 * doing what a learner does as fast as it can — commands one at a time and in bursts (several
 * writes in flight at once), the clock playing, metadata changes, compactions. It reports on
 * stdout (a pipe: written synchronously, so what is reported is what happened):
 *
 *   I <line>   a journal line about to be written
 *   A <seq>    the store acknowledged every record up to seq
 *   R          ready (the parent may now kill it)
 *
 * Usage: crashtest-child <folder> <seed>
 */
import { encodeRecord, headerRecord, Lab, type SessionMeta } from '../simulation';
import type { SessionStore } from '../src-main/bridge';
import { FileSessionStore } from '../src-main/store/fileStore';
import { SessionSaver } from '../src-renderer/lab/sessionSaver';

const [dir, seedText] = process.argv.slice(2);
if (!dir || !seedText) {
  process.stderr.write('usage: crashtest-child <folder> <seed>\n');
  process.exit(2);
}

/** mulberry32: the run's choices are reproducible from its seed (timing is not). */
let state = Number(seedText) >>> 0 || 1;
function random(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const say = (text: string) => process.stdout.write(`${text}\n`);

const store = new FileSessionStore(dir, { compactAfter: 8 });
const reporting: SessionStore = {
  list: () => store.list(),
  load: (id) => store.load(id),
  truncate: (id, seq) => store.truncate(id, seq),
  duplicate: (id, title) => store.duplicate(id, title),
  setCurrent: (id) => store.setCurrent(id),
  importText: (text, source) => store.importText(text, source),
  exportText: (id) => store.exportText(id),
  create: async (lines) => {
    for (const l of lines) say(`I ${l}`);
    const r = await store.create(lines);
    if (r.ok) say(`A ${lines.length}`);
    return r;
  },
  append: async (id, lines) => {
    for (const l of lines) say(`I ${l}`);
    const r = await store.append(id, lines);
    if (r.ok) say(`A ${r.value.seq}`);
    return r;
  },
};

const lab = new Lab();
const id = `c0000000-0000-4000-8000-${String(Number(seedText) % 1e12).padStart(12, '0')}`;
const header = headerRecord({ id, created: Date.now(), seed: 1, definition: lab.definition, meta: {} });
const saver = new SessionSaver(
  reporting,
  id,
  { kind: 'new', lines: [encodeRecord(header)], cursor: { entries: 0 }, meta: {} },
  { tickIntervalMs: 30, maxInFlight: 4 },
);
let meta: SessionMeta = {};
lab.subscribe(() => saver.changed(lab.journal(), meta));

const COMMANDS: Record<string, unknown>[] = [
  { type: 'service.stop', host: 'dc01', service: 'DNS' },
  { type: 'service.start', host: 'dc01', service: 'DNS' },
  { type: 'console.exec', host: 'pc2', shell: 'cmd', line: 'hostname' },
  { type: 'console.exec', host: 'sync01', shell: 'powershell', line: 'Get-Service ADSync' },
  { type: 'link.cut', host: 'pc3' },
  { type: 'link.restore', host: 'pc3' },
  { type: 'clock.next' },
];

async function main(): Promise<void> {
  say('R');
  for (let n = 0; ; n++) {
    const roll = random();
    if (roll < 0.4) {
      // The clock playing: a 250 ms tick every few milliseconds (fast-forwarded wall time).
      for (let i = 0; i < 1 + Math.floor(random() * 8); i++) {
        lab.dispatch({ type: 'clock.advance', ms: 250 });
        await sleep(2);
      }
    } else if (roll < 0.65) lab.dispatchUnknown(pick(COMMANDS));
    else if (roll < 0.8) {
      // A burst: several commands before any write is answered (overlapping saves).
      for (let i = 0; i < 2 + Math.floor(random() * 6); i++) lab.dispatchUnknown(pick(COMMANDS));
    } else if (roll < 0.88) {
      meta = { ...meta, title: `Attempt ${n}` };
      saver.changed(lab.journal(), meta);
    } else if (roll < 0.94) void store.compactNow(id);
    else
      lab.dispatch({
        type: 'console.exec',
        host: 'pc1',
        shell: 'cmd',
        line: `echo ${'x'.repeat(3000)} ${n}`,
      });
    await sleep(Math.floor(random() * 4));
  }
}

void main();
