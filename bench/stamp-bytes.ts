/**
 * Bytes the session saver writes per learner action in a long scenario session: the wall-clock
 * stamps must cost the same late in a session as early (appended, never the whole list again).
 *
 *   npx tsx bench/stamp-bytes.ts [actions]      (default 500)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeRecord, headerRecord } from '../simulation/facade/journal';
import { ScenarioRun } from '../simulation/scenarios/engine';
import { scenarioSessionMeta } from '../simulation/scenarios/openSession';
import { loadScenario } from '../simulation/scenarios/schema';
import type { SessionStore } from '../src-main/bridge';
import { SessionSaver } from '../src-renderer/lab/sessionSaver';

const ID = 'a1b2c3d4-0000-4000-8000-000000000001';

async function main(): Promise<void> {
  const actions = Number(process.argv[2] ?? 500);
  const file = 'adsync-stopped.json';
  const loaded = loadScenario(readFileSync(join(__dirname, '../assets/scenarios', file), 'utf8'), file);
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  let wall = Date.UTC(2026, 11, 6, 9, 0);
  const run = ScenarioRun.start(loaded.scenario, 1, undefined, { wallMs: wall });
  let bytes = 0;
  const store = {
    create: () => Promise.resolve({ ok: true, value: { id: ID } }),
    append: (_id: string, lines: string[]) => {
      for (const l of lines) bytes += Buffer.byteLength(l) + 1;
      return Promise.resolve({ ok: true, value: { seq: Number.MAX_SAFE_INTEGER } });
    },
  } as unknown as SessionStore;
  const meta = scenarioSessionMeta(run);
  const header = encodeRecord(
    headerRecord({ id: ID, created: wall, seed: 1, definition: run.lab.definition, meta }),
  );
  const clock = { now: () => wall, setTimeout: () => 0, clearTimeout: () => undefined };
  const saver = new SessionSaver(
    store,
    ID,
    { kind: 'new', lines: [header], cursor: { entries: 0 }, meta },
    { clock },
  );
  const perAction: number[] = [];
  for (let i = 0; i < actions; i++) {
    wall += 7_000;
    const before = bytes;
    run.act(i % 2 ? 'ps sync01: Get-Service ADSync' : 'ps dc01: Get-Service NTDS', wall);
    saver.changed(run.session().journal, scenarioSessionMeta(run));
    await new Promise((r) => setImmediate(r));
    perAction.push(bytes - before);
  }
  const total = perAction.reduce((a, b) => a + b, 0);
  process.stdout.write(
    `${JSON.stringify({ actions, totalBytes: total, firstAction: perAction[0], middleAction: perAction[Math.floor(actions / 2)], lastAction: perAction.at(-1) })}\n`,
  );
}

void main();
