/**
 * The desktop app's session store: one folder per session under the sessions folder, each an
 * append-only journal (docs/session-format.md). Every operation runs through one queue (one
 * writer); appends that arrive together are written together and answered after one fsync
 * (group commit); compaction rewrites a journal by write-new-then-rename once enough clock ticks
 * can be folded. Plain Node: the Electron main process and the crash test drive the same class.
 */
import { randomUUID } from 'node:crypto';
import { access, mkdir, readdir, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  checkAppend,
  compactRecords,
  encodeRecord,
  exportHlab,
  headerRecord,
  importHlab,
  isSessionId,
  journalText,
  readJournal,
  summarizeRecords,
  summaryAdd,
  summaryView,
  lineBytes,
  type JournalRecord,
  type SessionSummary,
} from '../../simulation';
import type { ImportedSession, LoadedSession, Result, SessionList, SessionStore } from '../bridge';
import { appendDurable, replaceFile } from './durable';
import {
  JOURNAL_FILE,
  openJournalFile,
  readJournalFile,
  remember,
  StoreError,
  type OpenJournal,
} from './journalFile';
import { SerialQueue } from './serialQueue';

export interface FileStoreOptions {
  /** Wall clock, for the names of damaged copies. */
  now?: () => number;
  newId?: () => string;
  /** Compact a journal once this many clock-tick records can be folded away. */
  compactAfter?: number;
}

const CURRENT_FILE = 'current.json';

interface PendingAppend {
  lines: string[];
  done: (r: Result<{ seq: number }>) => void;
}

const fail = (e: unknown): { ok: false; error: string } => ({
  ok: false,
  error: e instanceof Error ? e.message : String(e),
});

export class FileSessionStore implements SessionStore {
  private readonly queue = new SerialQueue();
  private readonly journals = new Map<string, OpenJournal>();
  private readonly pending = new Map<string, PendingAppend[]>();
  private readonly listed = new Map<string, { key: string; summary: SessionSummary }>();
  private readonly now: () => number;
  private readonly newId: () => string;
  private readonly compactAfter: number;

  constructor(
    readonly dir: string,
    options: FileStoreOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? randomUUID;
    this.compactAfter = options.compactAfter ?? 2000;
  }

  private run<T>(task: () => Promise<T>): Promise<Result<T>> {
    return this.queue.run(async () => ({ ok: true as const, value: await task() })).catch(fail);
  }

  private sessionDir(id: string): string {
    if (!isSessionId(id)) throw new StoreError(`"${id}" is not a session id`);
    return join(this.dir, id);
  }

  private stamp(): string {
    return new Date(this.now()).toISOString().replace(/[:.]/g, '-');
  }

  private async journal(id: string): Promise<OpenJournal> {
    const open = this.journals.get(id);
    if (open) return open;
    const { journal } = await openJournalFile(this.sessionDir(id), id, this.stamp());
    this.journals.set(id, journal);
    return journal;
  }

  private async forget(id: string): Promise<void> {
    const j = this.journals.get(id);
    this.journals.delete(id);
    await j?.handle.close().catch(() => undefined);
  }

  /** Writes a whole new session folder; its journal appears at once (renamed into place). */
  private async writeNew(records: JournalRecord[] | string[]): Promise<void> {
    const lines = records.map((r) => (typeof r === 'string' ? r : encodeRecord(r)));
    const first = readJournal(lines.slice(0, 1));
    if (!first.ok) throw new StoreError(first.error);
    const dir = this.sessionDir(first.read.header.id);
    if (
      await access(join(dir, JOURNAL_FILE)).then(
        () => true,
        () => false,
      )
    )
      throw new StoreError(`session ${first.read.header.id} already exists`);
    await mkdir(dir, { recursive: true });
    await replaceFile(join(dir, JOURNAL_FILE), lines.map((l) => `${l}\n`).join(''));
  }

  list(): Promise<Result<SessionList>> {
    return this.run(async () => {
      const out: SessionList = { sessions: [], damaged: [] };
      const names = await readdir(this.dir, { withFileTypes: true }).catch(() => []);
      for (const d of names) {
        if (!d.isDirectory() || !isSessionId(d.name)) continue;
        const path = join(this.dir, d.name, JOURNAL_FILE);
        const info = await stat(path).catch(() => undefined);
        if (!info) continue; // a session whose creation never finished: nothing was acknowledged
        const open = this.journals.get(d.name);
        if (open) {
          out.sessions.push(summaryView(open.summary));
          continue;
        }
        const key = `${info.size}:${info.mtimeMs}`;
        const cached = this.listed.get(d.name);
        if (cached?.key === key) {
          out.sessions.push(cached.summary);
          continue;
        }
        try {
          const { lines, read } = await readJournalFile(path, `session ${d.name}`);
          const summary = summaryView(summarizeRecords(read.records, lines));
          this.listed.set(d.name, { key, summary });
          out.sessions.push(summary);
        } catch (e) {
          out.damaged.push({ id: d.name, error: e instanceof Error ? e.message : String(e) });
        }
      }
      out.sessions.sort((a, b) => b.lastChange - a.lastChange);
      const current = await readFile(join(this.dir, CURRENT_FILE), 'utf8').then(
        (t) => (JSON.parse(t) as { id?: unknown }).id,
        () => undefined,
      );
      if (typeof current === 'string' && out.sessions.some((s) => s.id === current)) out.current = current;
      return out;
    });
  }

  create(lines: string[]): Promise<Result<{ id: string }>> {
    return this.run(async () => {
      await this.writeNew(lines);
      const r = readJournal(lines.slice(0, 1));
      return { id: r.ok ? r.read.header.id : '' };
    });
  }

  append(id: string, lines: string[]): Promise<Result<{ seq: number }>> {
    return new Promise((done) => {
      const queued = this.pending.get(id);
      if (queued) {
        queued.push({ lines, done });
        return;
      }
      this.pending.set(id, [{ lines, done }]);
      void this.queue.run(() => this.flushAppends(id));
    });
  }

  /** Writes every append queued for a session with one write and one fsync (group commit). */
  private async flushAppends(id: string): Promise<void> {
    const batch = this.pending.get(id) ?? [];
    this.pending.delete(id);
    let j: OpenJournal;
    try {
      j = await this.journal(id);
    } catch (e) {
      for (const p of batch) p.done(fail(e));
      return;
    }
    const accepted: { p: PendingAppend; seq: number }[] = [];
    let text = '';
    let state = { lastSeq: j.lastSeq, definition: j.definition, recent: j.recent };
    let { summary, gain, lastWasAdvance } = j;
    const written: [number, string][] = [];
    for (const p of batch) {
      const c = checkAppend(state, p.lines);
      if (!c.ok) {
        p.done({ ok: false, error: `session ${id}: ${c.error}` });
        continue;
      }
      for (const { line, record } of c.accepted) {
        text += `${line}\n`;
        written.push([record.seq, line]);
        summary = summaryAdd(summary, record, lineBytes(line));
        const advance = record.t === 'cmd' && record.command.type === 'clock.advance';
        if (advance && lastWasAdvance) gain++;
        lastWasAdvance = record.t === 'cmd' ? advance : lastWasAdvance;
      }
      state = { ...state, lastSeq: c.lastSeq };
      accepted.push({ p, seq: c.lastSeq });
    }
    try {
      // A journal whose file was deleted under us would take writes that no one can ever read.
      if ((await j.handle.stat()).nlink === 0)
        throw new StoreError(`session ${id} does not exist (its file was removed)`);
      if (text) await appendDurable(j.handle, text);
      else await j.handle.datasync(); // a retry of lines already written: make sure they are on disk
    } catch (e) {
      // The file may now end in a partial line: reopen (and repair) it before the next write.
      await this.forget(id);
      for (const a of accepted) a.p.done(fail(e));
      return;
    }
    for (const [seq, line] of written) remember(j.recent, seq, line);
    Object.assign(j, { lastSeq: state.lastSeq, summary, gain, lastWasAdvance });
    for (const a of accepted) a.p.done({ ok: true, value: { seq: a.seq } });
    if (j.gain >= this.compactAfter) void this.queue.run(() => this.compact(id));
  }

  /** Folds runs of clock ticks: a new journal is written beside the old and renamed over it. */
  private async compact(id: string): Promise<void> {
    const j = this.journals.get(id);
    if (!j || j.gain < this.compactAfter) return;
    const { read } = await readJournalFile(j.path, `session ${id}`);
    if (read.unreadable > 0 || read.torn) return; // never rewrite what cannot be read whole
    const compacted = compactRecords(read.records);
    await replaceFile(j.path, journalText(compacted));
    await this.forget(id);
    await this.journal(id);
  }

  /** Runs any compaction that is due now (tests and the crash test call it at random moments). */
  compactNow(id: string): Promise<Result<null>> {
    return this.run(async () => {
      const j = await this.journal(id);
      j.gain = Math.max(j.gain, this.compactAfter);
      await this.compact(id);
      return null;
    });
  }

  load(id: string): Promise<Result<LoadedSession>> {
    return this.run(async () => {
      await this.forget(id);
      const { journal, recovery } = await openJournalFile(this.sessionDir(id), id, this.stamp());
      this.journals.set(id, journal);
      return { id, ...recovery };
    });
  }

  truncate(id: string, seq: number): Promise<Result<{ keptAs: string }>> {
    return this.run(async () => {
      const dir = this.sessionDir(id);
      await this.forget(id);
      const { text, read } = await readJournalFile(join(dir, JOURNAL_FILE), `session ${id}`);
      const keep = read.records.filter((r) => r.seq <= seq);
      const keptAs = join(dir, `damaged-${this.stamp()}.hlj`);
      await replaceFile(keptAs, text);
      await replaceFile(join(dir, JOURNAL_FILE), journalText(keep));
      return { keptAs };
    });
  }

  duplicate(id: string, title: string): Promise<Result<{ id: string }>> {
    return this.run(async () => {
      const { read } = await readJournalFile(join(this.sessionDir(id), JOURNAL_FILE), `session ${id}`);
      const [h, ...rest] = read.records;
      if (!h || h.t !== 'session') throw new StoreError(`session ${id}: no session record`);
      const copyId = this.newId();
      const header = headerRecord({
        ...h,
        id: copyId,
        created: this.now(),
        meta: { ...h.meta, title, copyOf: id },
      });
      await this.writeNew([header, ...rest]);
      return { id: copyId };
    });
  }

  setCurrent(id: string): Promise<Result<null>> {
    return this.run(async () => {
      this.sessionDir(id);
      await mkdir(this.dir, { recursive: true });
      await replaceFile(join(this.dir, CURRENT_FILE), JSON.stringify({ id }));
      return null;
    });
  }

  importText(text: string, source: string): Promise<Result<ImportedSession>> {
    return this.run(async () => {
      const id = this.newId();
      const r = importHlab(text, id, source);
      if (!r.ok) throw new StoreError(r.error);
      await this.writeNew(r.records);
      return { id, unreadable: r.unreadable, ...(r.stoppedAt ? { stoppedAt: r.stoppedAt } : {}) };
    });
  }

  exportText(id: string): Promise<Result<string>> {
    return this.run(async () => {
      const { read } = await readJournalFile(join(this.sessionDir(id), JOURNAL_FILE), `session ${id}`);
      return exportHlab(read.records);
    });
  }

  /** Waits for queued work and closes every file. */
  async close(): Promise<void> {
    await this.queue.idle();
    for (const id of [...this.journals.keys()]) await this.forget(id);
  }

  /** The folder of an older HybridLab's single save (session.json), moved aside once imported. */
  async legacyText(): Promise<Result<string | null>> {
    return this.run(async () =>
      readFile(join(this.dir, 'session.json'), 'utf8').catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return null;
        throw e;
      }),
    );
  }

  async retireLegacy(): Promise<Result<null>> {
    return this.run(async () => {
      for (const name of ['session.json', 'session.previous.json'])
        await rename(join(this.dir, name), join(this.dir, `${name}.imported`)).catch(() => undefined);
      return null;
    });
  }
}
