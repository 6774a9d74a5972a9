/**
 * The desktop session store on a real folder: appends are durable and in order, overlapping
 * writers are serialised, a torn or damaged journal opens to its intact prefix with the original
 * kept aside, compaction changes nothing a reader sees, sessions are listed, duplicated,
 * exported and imported, never overwritten.
 */
import { appendFile, mkdtemp, readdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeRecord, headerRecord, type JournalRecord } from '../../../simulation/facade/journal';
import { foldRecords } from '../../../simulation/facade/journalFold';
import { readJournal } from '../../../simulation/facade/journal';
import { Lab } from '../../../simulation/facade/lab';
import { FileSessionStore } from '../../../src-main/store/fileStore';
import { JOURNAL_FILE } from '../../../src-main/store/journalFile';

const stores: FileSessionStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

let ids = 0;
async function newStore(options = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'hybridlab-store-'));
  const store = new FileSessionStore(dir, {
    now: () => Date.parse('2026-03-02T10:42:13Z'),
    newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    ...options,
  });
  stores.push(store);
  return { dir, store };
}

const ID = 'a1b2c3d4-0000-4000-8000-000000000001';
const header = (id = ID, meta = {}) =>
  encodeRecord(headerRecord({ id, created: 1, seed: 1, definition: new Lab().definition, meta }));
const tick = (seq: number, ms = 250): string =>
  encodeRecord({
    seq,
    t: 'cmd',
    at: Date.parse('2026-03-02T08:00:00Z') + (seq - 2) * ms,
    command: { type: 'clock.advance', ms },
  });

function ok<T>(r: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

async function loadRecords(store: FileSessionStore, id = ID): Promise<JournalRecord[]> {
  const loaded = ok(await store.load(id));
  const r = readJournal(loaded.lines);
  if (!r.ok) throw new Error(r.error);
  return r.read.records;
}

describe('appending to a session', () => {
  it('answers each append once it is in the file, numbered in order', async () => {
    const { dir, store } = await newStore();
    expect(ok(await store.create([header()]))).toEqual({ id: ID });
    expect(ok(await store.append(ID, [tick(2), tick(3)]))).toEqual({ seq: 3 });
    const text = await readFile(join(dir, ID, JOURNAL_FILE), 'utf8');
    expect(text.split('\n')).toHaveLength(4);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('keeps order under overlapping appends (one writer queue)', async () => {
    const { store } = await newStore();
    ok(await store.create([header()]));
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => store.append(ID, [tick(i + 2)])));
    expect(results.map((r) => ok(r).seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 2));
    expect((await loadRecords(store)).map((r) => r.seq)).toEqual(Array.from({ length: 41 }, (_, i) => i + 1));
  });

  it('refuses a gap, a second header, a damaged line or a command the lab cannot take', async () => {
    const { store } = await newStore();
    ok(await store.create([header()]));
    expect(await store.append(ID, [tick(3)])).toEqual({
      ok: false,
      error: `session ${ID}: expected record 2, got 3`,
    });
    expect(await store.append(ID, [tick(2).replace('250', '251')])).toEqual({
      ok: false,
      error: `session ${ID}: record 1 of 1: checksum does not match`,
    });
    const bad = encodeRecord({
      seq: 2,
      t: 'cmd',
      at: 0,
      command: { type: 'link.cut', host: 'pc9' } as never,
    });
    expect(await store.append(ID, [bad])).toMatchObject({ ok: false, error: expect.stringContaining('pc9') });
    expect(ok(await store.append(ID, [tick(2)]))).toEqual({ seq: 2 });
  });

  it('takes a retried append of lines already written as done, not as a second copy', async () => {
    const { store } = await newStore();
    ok(await store.create([header()]));
    ok(await store.append(ID, [tick(2), tick(3)]));
    expect(ok(await store.append(ID, [tick(2), tick(3), tick(4)]))).toEqual({ seq: 4 });
    expect((await loadRecords(store)).map((r) => r.seq)).toEqual([1, 2, 3, 4]);
  });

  it('never creates over an existing session', async () => {
    const { store } = await newStore();
    ok(await store.create([header()]));
    expect(await store.create([header()])).toEqual({ ok: false, error: `session ${ID} already exists` });
  });
});

describe('opening a damaged journal', () => {
  it('drops a torn last line, keeps the original aside and says what was lost', async () => {
    const { dir, store } = await newStore();
    ok(await store.create([header(), tick(2), tick(3), tick(4)]));
    await store.close();
    const path = join(dir, ID, JOURNAL_FILE);
    const size = (await readFile(path)).length;
    await truncate(path, size - 30);
    const loaded = ok(await store.load(ID));
    expect(loaded).toMatchObject({ unreadable: 1, stoppedAt: 'line 4: incomplete: no checksum at its end' });
    expect(loaded.lines).toHaveLength(3);
    expect(loaded.keptAs).toBe(join(dir, ID, 'damaged-2026-03-02T10-42-13-000Z.hlj'));
    expect((await readFile(loaded.keptAs!)).length).toBe(size - 30);
    // The journal goes on from the intact prefix.
    expect(ok(await store.append(ID, [tick(4)]))).toEqual({ seq: 4 });
    expect((await loadRecords(store)).map((r) => r.seq)).toEqual([1, 2, 3, 4]);
  });

  it('keeps everything before a damaged line in the middle', async () => {
    const { dir, store } = await newStore();
    ok(await store.create([header(), tick(2), tick(3), tick(4), tick(5)]));
    await store.close();
    const path = join(dir, ID, JOURNAL_FILE);
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace('"seq":3,', '"seq":3 ,'));
    expect(ok(await store.load(ID))).toMatchObject({
      unreadable: 3,
      stoppedAt: 'line 3: checksum does not match',
    });
  });

  it('finishes a last line whose newline was not written, losing nothing and keeping no copy', async () => {
    const { dir, store } = await newStore();
    ok(await store.create([header(), tick(2)]));
    await store.close();
    const path = join(dir, ID, JOURNAL_FILE);
    await appendFile(path, tick(3));
    const loaded = ok(await store.load(ID));
    expect(loaded).toMatchObject({ unreadable: 0, lines: [expect.any(String), tick(2), tick(3)] });
    expect(loaded.keptAs).toBeUndefined();
    expect(ok(await store.append(ID, [tick(4)]))).toEqual({ seq: 4 });
  });

  it('lists a session whose header cannot be read as damaged, rather than hiding it', async () => {
    const { dir, store } = await newStore();
    ok(await store.create([header()]));
    await writeFile(join(dir, ID, JOURNAL_FILE), 'garbage\n');
    await store.close();
    const list = ok(await store.list());
    expect(list.sessions).toEqual([]);
    expect(list.damaged).toEqual([
      { id: ID, error: `session ${ID} line 1: incomplete: no checksum at its end` },
    ]);
  });
});

describe('compaction', () => {
  it('folds clock ticks by writing a new file and renaming it; readers and writers see no change', async () => {
    const { dir, store } = await newStore({ compactAfter: 10 });
    ok(await store.create([header()]));
    for (let seq = 2; seq < 40; seq++) ok(await store.append(ID, [tick(seq)]));
    const before = foldRecords(await loadRecords(store));
    ok(await store.compactNow(ID));
    const after = await loadRecords(store);
    expect(after.length).toBeLessThan(5);
    expect(foldRecords(after).entries).toEqual(before.entries);
    expect(ok(await store.append(ID, [tick(40)]))).toEqual({ seq: 40 });
    expect((await readdir(join(dir, ID))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('the sessions folder', () => {
  it('lists sessions newest first with what the Sessions page shows, and remembers the current one', async () => {
    const { store } = await newStore();
    const other = '0f0f0f0f-0000-4000-8000-000000000002';
    ok(await store.create([header(ID, { title: 'Monday' })]));
    ok(await store.create([header(other, { learner: 'Ana' })]));
    ok(
      await store.append(other, [
        encodeRecord({ seq: 2, t: 'meta', set: { title: 'Tuesday' }, wall: 5_000 }),
      ]),
    );
    ok(await store.setCurrent(ID));
    const list = ok(await store.list());
    expect(list.current).toBe(ID);
    expect(list.sessions.map((s) => [s.id, s.title, s.learner])).toEqual([
      [other, 'Tuesday', 'Ana'],
      [ID, 'Monday', undefined],
    ]);
    expect(list.sessions[0]!.size).toBeGreaterThan(1000);
  });

  it('duplicates, exports and imports a session as new ones; the original is untouched', async () => {
    const { store } = await newStore();
    ok(await store.create([header(), tick(2), tick(3)]));
    const copy = ok(await store.duplicate(ID, 'Copy of Monday')).id;
    expect(copy).not.toBe(ID);
    const copied = foldRecords(await loadRecords(store, copy));
    expect(copied.meta).toMatchObject({ title: 'Copy of Monday', copyOf: ID });
    expect(copied.entries).toEqual(foldRecords(await loadRecords(store)).entries);
    const text = ok(await store.exportText(ID));
    const imported = ok(await store.importText(text, 'monday.hlab'));
    expect(imported).toMatchObject({ unreadable: 0 });
    expect(foldRecords(await loadRecords(store, imported.id)).meta).toMatchObject({ importedFrom: ID });
    expect(ok(await store.list()).sessions).toHaveLength(3);
    expect(await store.importText('{"not":"a journal"}\n', 'x.hlab')).toEqual({
      ok: false,
      error: 'x.hlab line 1: incomplete: no checksum at its end',
    });
  });
});
