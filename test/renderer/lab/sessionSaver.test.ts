/**
 * The saver between a running lab and the desktop store (a real folder): commands written at once,
 * clock ticks gathered per interval, metadata when it changes, failures shown and retried until
 * nothing is missing, and what it wrote folds back into the lab's own journal.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeRecord, headerRecord, readJournal } from '../../../simulation/facade/journal';
import { foldRecords, WALL_APPEND_KEY } from '../../../simulation/facade/journalFold';
import { Lab } from '../../../simulation/facade/lab';
import { ScenarioRun } from '../../../simulation/scenarios/engine';
import { openFolded, scenarioRef, scenarioSessionMeta } from '../../../simulation/scenarios/openSession';
import { loadScenario } from '../../../simulation/scenarios/schema';
import type { SessionStore } from '../../../src-main/bridge';
import { FileSessionStore } from '../../../src-main/store/fileStore';
import { SessionSaver, type SaverClock } from '../../../src-renderer/lab/sessionSaver';

const ID = 'a1b2c3d4-0000-4000-8000-000000000001';

class ManualClock implements SaverClock {
  t = 1_700_000_000_000;
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private ids = 0;
  now = () => this.t;
  setTimeout = (fn: () => void, ms: number) => {
    const id = ++this.ids;
    this.timers.push({ at: this.t + ms, fn, id });
    return id;
  };
  clearTimeout = (h: unknown) => {
    this.timers = this.timers.filter((x) => x.id !== h);
  };
  advance(ms: number) {
    this.t += ms;
    for (const due of this.timers.filter((x) => x.at <= this.t)) {
      this.timers = this.timers.filter((x) => x !== due);
      due.fn();
    }
  }
  pending() {
    return this.timers.length;
  }
}

const stores: FileSessionStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

async function setup(wrap: (s: SessionStore) => SessionStore = (s) => s) {
  const store = new FileSessionStore(await mkdtemp(join(tmpdir(), 'hybridlab-saver-')));
  stores.push(store);
  const lab = new Lab();
  const clock = new ManualClock();
  const header = encodeRecord(
    headerRecord({ id: ID, created: clock.t, seed: 1, definition: lab.definition, meta: {} }),
  );
  const saver = new SessionSaver(
    wrap(store),
    ID,
    { kind: 'new', lines: [header], cursor: { entries: 0 }, meta: {} },
    { clock },
  );
  const changed = () => saver.changed(lab.journal(), {});
  lab.subscribe(changed);
  return { store, lab, clock, saver, changed };
}

async function settled(saver: SessionSaver) {
  for (let i = 0; i < 200 && !saver.isIdle(); i++) await new Promise((r) => setTimeout(r, 5));
}

async function records(store: FileSessionStore) {
  const loaded = await store.load(ID);
  if (!loaded.ok) throw new Error(loaded.error);
  const r = readJournal(loaded.value.lines);
  if (!r.ok) throw new Error(r.error);
  return r.read.records;
}

describe('saving as the learner works', () => {
  it('writes a command at once, without waiting for any timer, and reports Saved', async () => {
    const { store, lab, saver, clock } = await setup();
    lab.dispatch({ type: 'service.stop', host: 'dc01', service: 'DNS' });
    expect(saver.getStatus().state).toBe('saving');
    await settled(saver);
    expect(clock.pending()).toBe(0);
    expect(saver.getStatus()).toEqual({ state: 'saved', at: clock.t });
    const r = await records(store);
    expect(r.map((x) => x.t)).toEqual(['session', 'cmd']);
    expect(r[1]).toMatchObject({ wall: clock.t, command: { type: 'service.stop' } });
  });

  it('gathers clock ticks into one record per interval, and loses at most that interval', async () => {
    const { store, lab, saver, clock } = await setup();
    const io = () => new Promise((r) => setTimeout(r, 30));
    lab.dispatch({ type: 'clock.advance', ms: 250 }); // the first tick is a new journal entry: written at once
    await settled(saver); // no timer involved: idle once the store has it (a fixed wait flaked under load)
    expect((await records(store)).length).toBe(2);
    for (let i = 0; i < 3; i++) {
      clock.advance(250);
      lab.dispatch({ type: 'clock.advance', ms: 250 });
    }
    await io();
    expect((await records(store)).length).toBe(2); // 750 ms of ticks, inside the interval
    expect(saver.isIdle()).toBe(false);
    clock.advance(1000);
    await settled(saver);
    const r = await records(store);
    expect(r.slice(1).map((x) => x.t === 'cmd' && x.command)).toEqual([
      { type: 'clock.advance', ms: 250 },
      { type: 'clock.advance', ms: 750 },
    ]);
    expect(foldRecords(r).entries).toEqual(lab.journal());
  });

  it('writes a tick at once when it carries a second of lab time or more (a fast clock)', async () => {
    const { store, lab, saver } = await setup();
    for (let i = 0; i < 3; i++) {
      lab.dispatch({ type: 'clock.advance', ms: 2500 });
      await settled(saver);
    }
    const r = await records(store);
    expect(r.slice(1).map((x) => x.t === 'cmd' && x.command)).toEqual(
      Array(3).fill({ type: 'clock.advance', ms: 2500 }),
    );
    expect(foldRecords(r).entries).toEqual(lab.journal());
  });

  it('writes metadata when it changes, not when it does not', async () => {
    const { store, lab, saver } = await setup();
    saver.changed(lab.journal(), { title: 'Monday', gaveUpAt: null });
    saver.changed(lab.journal(), { title: 'Monday', gaveUpAt: null });
    await settled(saver);
    const r = await records(store);
    expect(r.slice(1)).toEqual([expect.objectContaining({ t: 'meta', set: { title: 'Monday' } })]);
  });
});

describe('when writing fails', () => {
  it('says why, keeps everything, retries with a back-off and is Saved once the store works again', async () => {
    let failing = true;
    const { store, lab, saver, clock } = await setup((s) => ({
      ...s,
      list: () => s.list(),
      create: (l) => s.create(l),
      append: (id, lines) =>
        failing
          ? Promise.resolve({ ok: false, error: 'ENOSPC: no space left on device' })
          : s.append(id, lines),
    }));
    await settled(saver);
    lab.dispatch({ type: 'service.stop', host: 'dc01', service: 'DNS' });
    await new Promise((r) => setTimeout(r, 20));
    expect(saver.getStatus()).toMatchObject({ state: 'failed', reason: 'ENOSPC: no space left on device' });
    lab.dispatch({ type: 'service.start', host: 'dc01', service: 'DNS' });
    clock.advance(500);
    await new Promise((r) => setTimeout(r, 20));
    expect(saver.getStatus().state).toBe('failed');
    failing = false;
    clock.advance(1000);
    await settled(saver);
    expect(saver.getStatus().state).toBe('saved');
    expect(foldRecords(await records(store)).entries).toEqual(lab.journal());
  });

  it('flush resolves once everything given so far is on disk', async () => {
    const { store, lab, saver } = await setup();
    lab.dispatch({ type: 'clock.advance', ms: 100 });
    lab.dispatch({ type: 'clock.advance', ms: 100 });
    await saver.flush(lab.journal(), {});
    expect(foldRecords(await records(store)).entries).toEqual(lab.journal());
  });
});

describe('wall-clock stamps of a scenario run', () => {
  it('writes each action in constant size (stamps appended, not rewritten) and reopens with the same active time', async () => {
    const store = new FileSessionStore(await mkdtemp(join(tmpdir(), 'hybridlab-saver-')));
    stores.push(store);
    const clock = new ManualClock();
    const file = 'adsync-stopped.json';
    const loaded = loadScenario(
      readFileSync(join(__dirname, '../../../assets/scenarios', file), 'utf8'),
      file,
    );
    if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
    const run = ScenarioRun.start(loaded.scenario, 1, undefined, { wallMs: clock.t });
    const meta = scenarioSessionMeta(run);
    const header = encodeRecord(
      headerRecord({ id: ID, created: clock.t, seed: 1, definition: run.lab.definition, meta }),
    );
    const saver = new SessionSaver(
      store,
      ID,
      { kind: 'new', lines: [header], cursor: { entries: 0 }, meta },
      { clock },
    );
    await settled(saver);
    const sizes: number[] = [];
    let before = 0;
    for (let i = 0; i < 300; i++) {
      clock.t += 7_000;
      run.act(i % 2 ? 'ps sync01: Get-Service ADSync' : 'ps dc01: Get-Service NTDS', clock.t);
      saver.changed(run.session().journal, scenarioSessionMeta(run));
      await settled(saver);
      const bytes = (await records(store)).reduce((n, r) => n + encodeRecord(r).length + 1, 0);
      if (i > 0) sizes.push(bytes - before);
      before = bytes;
    }
    // The last action costs what an early one did: no list that grows with the session.
    expect(Math.max(...sizes)).toBeLessThan(Math.min(...sizes) + 40);
    expect(Math.max(...sizes)).toBeLessThan(600);
    const folded = foldRecords(await records(store));
    expect(folded.meta.wall).toEqual(run.session().wall);
    expect(folded.meta).not.toHaveProperty(WALL_APPEND_KEY);
    const opened = openFolded(folded, (ref) =>
      ref === scenarioRef(loaded.scenario.id) ? loaded.scenario : undefined,
    );
    if (!opened.ok) throw new Error(opened.error);
    expect(opened.opened.run?.activeTime()).toBe(run.activeTime());
    expect(run.activeTime()).toBe(300 * 7_000);
    expect(opened.opened.lab.stateHash()).toBe(run.lab.stateHash());
  });
});
