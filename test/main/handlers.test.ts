/** The bridge's handlers over a real store and fake dialogs: export and import of `.hlab` files. */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeRecord, headerRecord } from '../../simulation/facade/journal';
import { Lab } from '../../simulation/facade/lab';
import { createHandlers, type Dialogs } from '../../src-main/handlers';
import { loadOrCreateKey, nodeCheck, nodeSigner } from '../../src-main/resultSigning';
import { InstructorGate } from '../../src-main/instructor';
import { FileSessionStore } from '../../src-main/store/fileStore';

const ID = 'a1b2c3d4-0000-4000-8000-000000000001';
const stores: FileSessionStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

async function setup(answer: string | undefined) {
  const dir = await mkdtemp(join(tmpdir(), 'hybridlab-h-'));
  const store = new FileSessionStore(join(dir, 'sessions'));
  stores.push(store);
  const asked: string[] = [];
  const dialogs: Dialogs = {
    saveTo: async (name) => (asked.push(name), answer && join(dir, answer)),
    openFrom: async () => answer && join(dir, answer),
  };
  const instructor = new InstructorGate({
    file: join(dir, 'instructor.json'),
    askAtStart: false,
    onRole: () => undefined,
  });
  const signer = nodeSigner(loadOrCreateKey(join(dir, 'key')));
  const h = createHandlers({
    store,
    dialogs,
    instructor,
    appInfo: () => ({ version: '1', electron: '45' }),
    signResult: (text) => ({ publicKey: signer.publicKey, signature: signer.sign(text) }),
    printToPdf: async (html) => new TextEncoder().encode(`%PDF-1.4 ${html.length}`),
  });
  const header = encodeRecord(
    headerRecord({ id: ID, created: 1, seed: 1, definition: new Lab().definition, meta: {} }),
  );
  await h.sessionCreate([header]);
  return { dir, h, asked };
}

describe('exporting and importing session files', () => {
  it('writes a stored session where the learner chose, and imports it back as a new session', async () => {
    const { dir, h, asked } = await setup('monday.hlab');
    expect(await h.sessionExport(ID, 'Monday.hlab')).toEqual({
      ok: true,
      location: join(dir, 'monday.hlab'),
    });
    expect(asked).toEqual(['Monday.hlab']);
    expect(await readFile(join(dir, 'monday.hlab'), 'utf8')).toMatch(/^\{"seq":1,"t":"session"/);
    const imported = await h.sessionImport();
    expect(imported).toMatchObject({ ok: true, value: { unreadable: 0 } });
    const list = await h.sessionList();
    expect(list.ok && list.value.sessions).toHaveLength(2);
  });

  it('says "cancelled" when the learner closes the dialog, and names a bad file', async () => {
    const { dir, h } = await setup(undefined);
    expect(await h.sessionExport(ID, 'x.hlab')).toEqual({ ok: false, error: 'cancelled' });
    expect(await h.sessionImport()).toEqual({ ok: false, error: 'cancelled' });
    const bad = await setup('notes.hlab');
    await writeFile(join(bad.dir, 'notes.hlab'), 'hello\n');
    expect(await bad.h.sessionImport()).toEqual({
      ok: false,
      error: 'notes.hlab line 1: incomplete: no checksum at its end',
    });
    expect(dir).toBeTruthy();
  });
});

describe('results: signing and PDF', () => {
  it('signs a text with the installation key (the signature checks out, and not for another text)', async () => {
    const { h } = await setup('x.pdf');
    const r = await h.signResult('{"a":1}');
    if (!r.ok) throw new Error(r.error);
    expect(nodeCheck(r.value.publicKey, '{"a":1}', r.value.signature)).toBe(true);
    expect(nodeCheck(r.value.publicKey, '{"a":2}', r.value.signature)).toBe(false);
  });

  it('writes the printed PDF where the learner chose', async () => {
    const { dir, h, asked } = await setup('report.pdf');
    const r = await h.exportPdf('report.pdf', '<p>hi</p>');
    expect(r).toEqual({ ok: true, location: join(dir, 'report.pdf') });
    expect(asked).toContain('report.pdf');
    await expect(readFile(join(dir, 'report.pdf'), 'utf8')).resolves.toBe('%PDF-1.4 9');
  });
});
