import { crc32 as zlibCrc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../../simulation/core/crc32';
import {
  decodeLine,
  encodeRecord,
  headerRecord,
  readJournal,
  readJournalText,
  withoutCompat,
  type JournalRecord,
} from '../../../simulation/facade/journal';
import {
  compactionGain,
  compactRecords,
  cursorAtEnd,
  foldRecords,
  journalText,
  recordsSince,
  summarizeRecords,
  summaryView,
  type JournalCursor,
} from '../../../simulation/facade/journalFold';
import { Lab } from '../../../simulation/facade/lab';
import { presetDefinition } from '../../../simulation/lab/presets';
import { must } from '../../harness';

const ID = 'c0ffee00-0000-4000-8000-000000000001';

function header(lab = new Lab(), meta = {}): JournalRecord {
  return headerRecord({
    id: ID,
    created: 1_700_000_000_000,
    seed: lab.seed,
    definition: lab.definition,
    meta,
  });
}

/** A lab's journal written as records the way the app writes them: a few entries at a time. */
function written(lab: Lab, cuts: number[] = []): JournalRecord[] {
  const records = [header(lab)];
  let cursor: JournalCursor = { entries: 0 };
  for (const _ of cuts) {
    const r = recordsSince(lab.journal(), cursor);
    cursor = r.cursor;
    for (const b of r.bodies) records.push({ seq: records.length + 1, ...b });
  }
  const r = recordsSince(lab.journal(), cursor);
  for (const b of r.bodies) records.push({ seq: records.length + 1, ...b });
  return records;
}

const lines = (records: JournalRecord[]) => records.map(encodeRecord);

describe('the CRC stamped on each journal line', () => {
  it('is the common CRC-32 of the UTF-8 bytes (zlib computes the same)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => {
        expect(crc32(s)).toBe(zlibCrc32(Buffer.from(s, 'utf8')));
      }),
      { numRuns: 300, seed: 9 },
    );
    expect(crc32('123456789')).toBe(0xcbf43926);
  });
});

describe('one journal line', () => {
  const line = encodeRecord({ seq: 2, t: 'cmd', at: 5, command: { type: 'clock.next' }, wall: 7 });

  it('is one JSON object ending with its checksum, and reads back', () => {
    expect(line).toMatch(/^\{"seq":2,"t":"cmd",.*,"crc":"[0-9a-f]{8}"\}$/);
    expect(JSON.parse(line)).toMatchObject({ seq: 2, at: 5, wall: 7 });
    expect(decodeLine(line)).toEqual({
      ok: true,
      record: { seq: 2, t: 'cmd', at: 5, command: { type: 'clock.next' }, wall: 7 },
    });
  });

  it('is refused when a character changed, when cut short, or when not a record', () => {
    expect(decodeLine(line.replace('"at":5', '"at":6'))).toEqual({
      ok: false,
      error: 'checksum does not match',
    });
    expect(decodeLine(line.slice(0, -3))).toEqual({
      ok: false,
      error: 'incomplete: no checksum at its end',
    });
    expect(decodeLine(encodeRecord({ seq: 3, t: 'nope' } as never))).toEqual({
      ok: false,
      error: 'unknown record type "nope"',
    });
  });
});

describe('reading a journal', () => {
  const lab = new Lab();
  lab.dispatch({ type: 'service.stop', host: 'dc01', service: 'DNS' });
  lab.dispatch({ type: 'clock.advance', ms: 60_000 });
  lab.dispatch({ type: 'console.exec', host: 'pc2', shell: 'cmd', line: 'hostname' });
  const good = lines(written(lab));

  it('keeps every record of an intact journal', () => {
    const r = readJournal(good);
    expect(r.ok && r.read.records.length).toBe(4);
    expect(r.ok && r.read.unreadable).toBe(0);
  });

  it('drops a torn last line and keeps everything before it', () => {
    const text = `${good.join('\n')}\n`;
    const torn = text.slice(0, text.length - 25);
    const r = readJournalText(torn);
    expect(r.ok && r.read).toMatchObject({
      unreadable: 1,
      torn: true,
      stoppedAt: 'line 4: incomplete: no checksum at its end',
    });
    expect(r.ok && r.read.records.map((x) => x.seq)).toEqual([1, 2, 3]);
  });

  it('stops at a damaged line in the middle: the prefix is kept, the rest counted as unreadable', () => {
    const damaged = [...good];
    damaged[1] = damaged[1]!.replace('DNS', 'DNs');
    const r = readJournal(damaged);
    expect(r.ok && r.read.records).toHaveLength(1);
    expect(r.ok && r.read).toMatchObject({ unreadable: 3, stoppedAt: 'line 2: checksum does not match' });
  });

  it('notices a missing record by its sequence number', () => {
    const r = readJournal([good[0]!, good[1]!, good[3]!]);
    expect(r.ok && r.read.stoppedAt).toBe('line 3: expected record 3, got 4');
  });

  it("checks each command against the session's lab, naming the line", () => {
    const bad = encodeRecord({
      seq: 2,
      t: 'cmd',
      at: 0,
      command: { type: 'link.cut', host: 'pc9' } as never,
    });
    const r = readJournal([good[0]!, bad]);
    expect(r.ok && r.read.stoppedAt).toBe(
      'line 2: link.cut.host: expected a host of the lab (dc01, sync01, pc1, pc2, pc3), got "pc9"',
    );
  });

  it('says why when even the header cannot be read', () => {
    expect(readJournal([])).toEqual({ ok: false, error: 'journal: empty' });
    expect(readJournal([good[1]!], false, 'x.hlj')).toEqual({
      ok: false,
      error: 'x.hlj line 1: expected the session record (seq 1)',
    });
  });
});

describe('folding records back into the lab journal', () => {
  it('gives the journal the lab keeps in memory, however the clock ticks were written', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.integer({ min: 1, max: 5000 }).map((ms) => ({ type: 'clock.advance' as const, ms })),
            fc.constantFrom(
              { type: 'service.stop' as const, host: 'dc01', service: 'DNS' },
              { type: 'service.start' as const, host: 'dc01', service: 'DNS' },
              { type: 'clock.next' as const },
            ),
          ),
          { maxLength: 25 },
        ),
        fc.array(fc.boolean(), { maxLength: 25 }),
        (commands, flushes) => {
          const lab = new Lab();
          const records = [header(lab)];
          let cursor: JournalCursor = { entries: 0 };
          commands.forEach((c, i) => {
            lab.dispatch(c);
            if (flushes[i]) {
              const r = recordsSince(lab.journal(), cursor);
              cursor = r.cursor;
              for (const b of r.bodies) records.push({ seq: records.length + 1, ...b });
            }
          });
          const r = recordsSince(lab.journal(), cursor);
          for (const b of r.bodies) records.push({ seq: records.length + 1, ...b });
          expect(r.cursor).toEqual(cursorAtEnd(lab.journal()));
          const read = readJournal(lines(records));
          expect(read.ok && read.read.unreadable).toBe(0);
          const folded = foldRecords(read.ok ? read.read.records : []);
          expect(folded.entries).toEqual(lab.journal());
          expect(Lab.replay(folded.header.definition, folded.header.seed, folded.entries).stateHash()).toBe(
            lab.stateHash(),
          );
          // Compaction changes neither the journal nor the numbering.
          const compacted = compactRecords(records);
          expect(compacted.length).toBe(records.length - compactionGain(records));
          expect(foldRecords(compacted).entries).toEqual(lab.journal());
          expect(compacted[compacted.length - 1]?.seq).toBe(records[records.length - 1]?.seq);
          expect(readJournal(lines(compacted)).ok).toBe(true);
          lab.stop();
        },
      ),
      { numRuns: 40, seed: 3 },
    );
  });

  it('merges metadata records in order; null removes a key', () => {
    const records: JournalRecord[] = [
      header(new Lab(), { title: 'A', learner: 'Ana' }),
      { seq: 2, t: 'meta', set: { title: 'B' }, wall: 1_700_000_001_000 },
      { seq: 3, t: 'meta', set: { learner: null } },
    ];
    const folded = foldRecords(records);
    expect(folded.meta).toEqual({ title: 'B' });
    expect(folded.lastWall).toBe(1_700_000_001_000);
  });
});

describe('a session summary', () => {
  it('counts commands as the lab does, and names the title and learner', () => {
    const lab = new Lab();
    lab.dispatch({ type: 'clock.advance', ms: 1000 });
    lab.dispatch({ type: 'service.stop', host: 'dc01', service: 'DNS' });
    const records = written(lab);
    records.push({ seq: records.length + 1, t: 'meta', set: { title: 'Monday', learner: 'Ana' } });
    const text = journalText(records);
    const s = summaryView(summarizeRecords(records, lines(records)));
    expect(s).toMatchObject({ id: ID, title: 'Monday', learner: 'Ana', commands: 2, size: text.length });
    expect(s.labTime).toBe(lab.now());
  });
});

describe('a version 1 journal (before the QR code page waited for Next)', () => {
  /** Michael adds Microsoft Authenticator as HybridLab 1 journalled it: scan, then approve, no Next. */
  function oldSession(definition: Lab['definition']): Lab {
    const lab = new Lab({ definition, seed: 11 });
    const my = (action: Record<string, unknown>) =>
      must(lab, { type: 'portal.myaccount', action } as Parameters<Lab['dispatch']>[0]);
    must(lab, { type: 'clock.advance', ms: 5 * 60_000 });
    my({ type: 'open' });
    my({ type: 'signIn', upn: 'michael.brown@laborhub.store', password: 'Welcome@2026' });
    my({ type: 'goto', page: 'securityInfo' });
    my({ type: 'addMethod', method: 'authenticator' });
    my({ type: 'authenticatorNext' });
    const page = lab.learnerView().browser.myAccount.page;
    if (page.page !== 'securityInfo' || page.add?.stage !== 'scan') throw new Error('no QR code');
    must(lab, { type: 'phone.scan', phone: 'phone-michael', activationCode: page.add.activationCode });
    const pending = lab.learnerView().phones['phone-michael']?.authenticator.pending[0];
    const tryIt = lab.learnerView().browser.myAccount.page;
    if (pending && tryIt.page === 'securityInfo' && tryIt.add?.stage === 'tryItOut')
      must(lab, {
        type: 'phone.respond',
        phone: 'phone-michael',
        requestId: pending.requestId,
        approve: true,
        number: tryIt.add.number,
      });
    return lab;
  }

  it('replays with the behaviour it was recorded with, to the same state', () => {
    const configured = presetDefinition('configured');
    const old = oldSession({ ...configured, compat: { authenticatorPushOnScan: true } });
    expect(old.learnerView().browser.myAccount.methods).toContain('Microsoft Authenticator (Android phone)');
    // Written as version 1 wrote it: no compat in the definition, version 1 in the header.
    const v1 = { ...header(old), version: 1, definition: configured } as unknown as JournalRecord;
    const records = [v1];
    for (const b of recordsSince(old.journal(), { entries: 0 }).bodies)
      records.push({ seq: records.length + 1, ...b });
    const read = readJournal(lines(records));
    if (!read.ok) throw new Error(read.error);
    expect(read.read.header.version).toBe(2);
    const folded = foldRecords(read.read.records);
    const replayed = Lab.replay(folded.header.definition, folded.header.seed, folded.entries);
    expect(replayed.learnerView().browser.myAccount.methods).toContain(
      'Microsoft Authenticator (Android phone)',
    );
    expect(replayed.stateHash()).toBe(old.stateHash());
    // Starting over from it is a new session, with today's behaviour.
    expect(withoutCompat(folded.header.definition)).toEqual(configured);
    old.stop();
    replayed.stop();
  });

  it('the same commands in a version 2 session stop on the QR code page, waiting for Next', () => {
    const lab = oldSession(presetDefinition('configured'));
    expect(lab.learnerView().browser.myAccount.page).toMatchObject({ add: { stage: 'scan' } });
    expect(lab.learnerView().phones['phone-michael']?.authenticator.pending).toEqual([]);
    lab.stop();
  });
});
