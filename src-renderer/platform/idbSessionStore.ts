/**
 * The browser's session store: the same journal lines as the desktop's files, in IndexedDB
 * (transactional, no 5 MB quota). `records` holds each line under [session id, seq]; `sessions`
 * one row per session (its summary, for the Sessions page); `aside` the lines of a damaged journal
 * kept before it was cut back to its intact prefix; `settings` the current session. Every write
 * is one transaction with durability "strict", answered once committed to disk.
 */
import type { JournalRecord, LabDefinition, SummaryState } from '../../simulation';
import type {
  ImportedSession,
  LoadedSession,
  Result,
  SessionList,
  SessionStore,
} from '../../src-main/bridge';
import { committed, openDatabase, reason, request } from './idb';

/**
 * The journal's format (the engine, its own chunk): fetched by the first call that reads or writes
 * a journal, not with the first screen. A new learner's empty store is listed without it.
 */
const engineChunk = () => import('../../simulation');
type Engine = Awaited<ReturnType<typeof engineChunk>>;
let loaded: Engine | undefined;
async function loadEngine(): Promise<Engine> {
  loaded ??= await engineChunk();
  return loaded;
}
/** The engine, once loadEngine() has answered (every task but an empty list awaits it first). */
function sim(): Engine {
  if (!loaded) throw new Error('idbSessionStore: the engine is not loaded');
  return loaded;
}

const DB_NAME = 'hybridlab';
const DB_VERSION = 1;
const MAX_SEQ = Number.MAX_SAFE_INTEGER;

interface SessionRow {
  id: string;
  summary: SummaryState;
}

function upgrade(db: IDBDatabase): void {
  if (!db.objectStoreNames.contains('sessions')) db.createObjectStore('sessions', { keyPath: 'id' });
  if (!db.objectStoreNames.contains('records')) db.createObjectStore('records');
  if (!db.objectStoreNames.contains('aside')) db.createObjectStore('aside', { autoIncrement: true });
  if (!db.objectStoreNames.contains('settings')) db.createObjectStore('settings');
}

const range = (id: string, from = 1) => IDBKeyRange.bound([id, from], [id, MAX_SEQ]);

export class IdbSessionStore implements SessionStore {
  private db: Promise<IDBDatabase> | undefined;
  /** Per session: its lab (to check commands) and recent lines (to recognise a retried write). */
  private readonly known = new Map<string, { definition: LabDefinition; recent: Map<number, string> }>();

  constructor(
    private readonly newId: () => string = () => crypto.randomUUID(),
    private readonly factory?: IDBFactory,
  ) {}

  private open(): Promise<IDBDatabase> {
    this.db ??= openDatabase(DB_NAME, DB_VERSION, upgrade, this.factory).then((db) => {
      // Another tab (a newer HybridLab) wants to upgrade the database: let it, and open again next time.
      db.onversionchange = () => {
        db.close();
        this.db = undefined;
      };
      db.onclose = () => (this.db = undefined);
      return db;
    });
    this.db.catch(() => (this.db = undefined));
    return this.db;
  }

  private async run<T>(task: (db: IDBDatabase) => Promise<T>, engine = true): Promise<Result<T>> {
    try {
      // Before any transaction: a transaction does not stay open across the fetch of a chunk.
      if (engine) await loadEngine();
      return { ok: true, value: await task(await this.open()) };
    } catch (e) {
      // A failed open is not kept: the next call (a retry) tries again.
      if (e instanceof DOMException && (e.name === 'InvalidStateError' || e.name === 'VersionError'))
        this.db = undefined;
      return { ok: false, error: `browser storage: ${reason(e)}` };
    }
  }

  private tx(db: IDBDatabase, stores: string[], mode: IDBTransactionMode = 'readwrite'): IDBTransaction {
    return mode === 'readwrite'
      ? db.transaction(stores, mode, { durability: 'strict' })
      : db.transaction(stores, mode);
  }

  private async lines(db: IDBDatabase, id: string): Promise<string[]> {
    const tx = this.tx(db, ['records'], 'readonly');
    return (await request(tx.objectStore('records').getAll(range(id)))) as string[];
  }

  /** Writes a whole session (new, imported, duplicated or cut back) in one transaction. */
  private async writeAll(
    db: IDBDatabase,
    lines: string[],
    mustBeNew: boolean,
    aside?: string[],
  ): Promise<string> {
    const r = sim().readJournal(lines);
    if (!r.ok) throw new Error(r.error);
    if (r.read.unreadable > 0) throw new Error(`${r.read.stoppedAt ?? 'a record could not be read'}`);
    const id = r.read.header.id;
    const tx = this.tx(db, ['sessions', 'records', 'aside']);
    const done = committed(tx);
    const sessions = tx.objectStore('sessions');
    if (mustBeNew && (await request(sessions.getKey(id))) !== undefined) {
      tx.abort();
      await done.catch(() => undefined);
      throw new Error(`session ${id} already exists`);
    }
    if (aside) tx.objectStore('aside').add({ id, lines: aside });
    const records = tx.objectStore('records');
    records.delete(range(id));
    r.read.records.forEach((rec, i) => records.put(lines[i], [id, rec.seq]));
    const row: SessionRow = { id, summary: sim().summarizeRecords(r.read.records, lines) };
    sessions.put(row);
    await done;
    this.known.set(id, { definition: r.read.header.definition, recent: new Map() });
    return id;
  }

  list(): Promise<Result<SessionList>> {
    return this.run(async (db) => {
      const tx = this.tx(db, ['sessions', 'settings'], 'readonly');
      const rows = (await request(tx.objectStore('sessions').getAll())) as SessionRow[];
      const current = (await request(tx.objectStore('settings').get('current'))) as string | undefined;
      // The reads are done: the engine (for the summaries) is fetched only when there are sessions.
      const { summaryView } = rows.length > 0 ? await loadEngine() : { summaryView: undefined };
      const sessions = summaryView
        ? rows.map((r) => summaryView(r.summary)).sort((a, b) => b.lastChange - a.lastChange)
        : [];
      return {
        sessions,
        damaged: [],
        ...(current && sessions.some((s) => s.id === current) ? { current } : {}),
      };
    }, false);
  }

  create(lines: string[]): Promise<Result<{ id: string }>> {
    return this.run(async (db) => ({ id: await this.writeAll(db, lines, true) }));
  }

  append(id: string, lines: string[]): Promise<Result<{ seq: number }>> {
    return this.run(async (db) => {
      let known = this.known.get(id);
      if (!known) {
        const first = await request(this.tx(db, ['records'], 'readonly').objectStore('records').get([id, 1]));
        const r = sim().readJournal(typeof first === 'string' ? [first] : []);
        if (!r.ok) throw new Error(`session ${id}: ${r.error}`);
        known = { definition: r.read.header.definition, recent: new Map() };
        this.known.set(id, known);
      }
      const tx = this.tx(db, ['sessions', 'records']);
      const done = committed(tx);
      const row = (await request(tx.objectStore('sessions').get(id))) as SessionRow | undefined;
      if (!row) throw new Error(`session ${id} does not exist`);
      const c = sim().checkAppend(
        { lastSeq: row.summary.lastSeq, definition: known.definition, recent: known.recent },
        lines,
      );
      if (!c.ok) {
        tx.abort();
        await done.catch(() => undefined);
        throw new Error(`session ${id}: ${c.error}`);
      }
      let summary = row.summary;
      for (const { line, record } of c.accepted) {
        tx.objectStore('records').put(line, [id, record.seq]);
        summary = sim().summaryAdd(summary, record, sim().lineBytes(line));
      }
      tx.objectStore('sessions').put({ id, summary } satisfies SessionRow);
      await done;
      for (const { line, record } of c.accepted) {
        known.recent.set(record.seq, line);
        if (known.recent.size > 512) known.recent.delete(known.recent.keys().next().value as number);
      }
      return { seq: c.lastSeq };
    });
  }

  load(id: string): Promise<Result<LoadedSession>> {
    return this.run(async (db) => {
      if (!sim().isSessionId(id)) throw new Error(`"${id}" is not a session id`);
      const all = await this.lines(db, id);
      const r = sim().readJournal(all, false, `session ${id}`);
      if (!r.ok) throw new Error(r.error);
      const lines = all.slice(0, r.read.records.length);
      let keptAs: string | undefined;
      if (r.read.unreadable > 0) {
        // Cut back to the intact prefix; the whole damaged journal is kept in `aside`.
        await this.writeAll(db, lines, false, all);
        keptAs = "this browser's storage";
      } else this.known.set(id, { definition: r.read.header.definition, recent: new Map() });
      return {
        id,
        lines,
        unreadable: r.read.unreadable,
        ...(r.read.stoppedAt ? { stoppedAt: r.read.stoppedAt } : {}),
        ...(keptAs ? { keptAs } : {}),
      };
    });
  }

  truncate(id: string, seq: number): Promise<Result<{ keptAs: string }>> {
    return this.run(async (db) => {
      const all = await this.lines(db, id);
      const r = sim().readJournal(all);
      if (!r.ok) throw new Error(r.error);
      const keep = r.read.records.filter((x) => x.seq <= seq).length;
      await this.writeAll(db, all.slice(0, keep), false, all);
      return { keptAs: "this browser's storage" };
    });
  }

  private async records(db: IDBDatabase, id: string): Promise<JournalRecord[]> {
    const r = sim().readJournal(await this.lines(db, id), false, `session ${id}`);
    if (!r.ok) throw new Error(r.error);
    return r.read.records;
  }

  duplicate(id: string, title: string): Promise<Result<{ id: string }>> {
    return this.run(async (db) => {
      const [h, ...rest] = await this.records(db, id);
      if (!h || h.t !== 'session') throw new Error(`session ${id}: no session record`);
      const header = sim().headerRecord({
        ...h,
        id: this.newId(),
        created: Date.now(),
        meta: { ...h.meta, title, copyOf: id },
      });
      return { id: await this.writeAll(db, [header, ...rest].map(sim().encodeRecord), true) };
    });
  }

  setCurrent(id: string): Promise<Result<null>> {
    return this.run(async (db) => {
      const tx = this.tx(db, ['settings']);
      tx.objectStore('settings').put(id, 'current');
      await committed(tx);
      return null;
    });
  }

  importText(text: string, source: string): Promise<Result<ImportedSession>> {
    return this.run(async (db) => {
      const id = this.newId();
      const r = sim().importHlab(text, id, source);
      if (!r.ok) throw new Error(r.error);
      await this.writeAll(db, r.records.map(sim().encodeRecord), true);
      return { id, unreadable: r.unreadable, ...(r.stoppedAt ? { stoppedAt: r.stoppedAt } : {}) };
    });
  }

  exportText(id: string): Promise<Result<string>> {
    return this.run(async (db) => sim().exportHlab(await this.records(db, id)));
  }
}
