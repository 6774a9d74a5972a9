/**
 * From journal records to a session and back: folding records into the lab's journal (consecutive
 * clock ticks become one advance, exactly as `Lab` keeps them in memory, so a replay is the same),
 * the records a lab's journal has gained since the last write, compaction, summaries for the
 * Sessions page, and `.hlab` exports. Pure.
 */
import { parseIsoTime } from '../core/time';
import type { JournalEntry } from './lab';
import {
  encodeRecord,
  readJournalText,
  type CmdBody,
  type HeaderBody,
  type JournalRecord,
  type SessionMeta,
} from './journal';

export interface FoldedSession {
  header: HeaderBody;
  meta: SessionMeta;
  /** The lab journal the records stand for (what `Lab.replay` takes). */
  entries: JournalEntry[];
  /** Lab time and wall-clock time of every command record, in order (for "active time"). */
  activity: { at: number; wall: number; wallEnd?: number }[];
  lastSeq: number;
  /** Wall-clock time of the last stamped record. */
  lastWall?: number;
}

/**
 * A meta key whose list is appended to `wall` rather than set: the wall-clock stamps grow by one
 * per learner action, and a record carries only the new ones (a full list each time would make
 * the journal grow with the square of the session's length).
 */
export const WALL_APPEND_KEY = 'wallAdd';

export function mergeMeta(meta: SessionMeta, set: SessionMeta): SessionMeta {
  const { [WALL_APPEND_KEY]: added, ...rest } = set;
  const merged: SessionMeta = { ...meta, ...rest };
  if (Array.isArray(added) && added.length)
    merged.wall = [...(Array.isArray(merged.wall) ? (merged.wall as unknown[]) : []), ...added];
  return Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== null && v !== undefined));
}

const isAdvance = (e: { command: { type: string } }) => e.command.type === 'clock.advance';

export function foldRecords(records: readonly JournalRecord[]): FoldedSession {
  const header = records[0];
  if (!header || header.t !== 'session')
    throw new RangeError('foldRecords: the first record must be the session');
  let meta = header.meta;
  const entries: JournalEntry[] = [];
  const activity: FoldedSession['activity'] = [];
  let lastWall = header.created;
  for (const r of records.slice(1)) {
    if (r.t === 'meta') {
      meta = mergeMeta(meta, r.set);
      if (r.wall !== undefined) lastWall = r.wall;
      continue;
    }
    if (r.t !== 'cmd') continue;
    if (r.wall !== undefined) {
      activity.push({ at: r.at, wall: r.wall, ...(r.wallEnd !== undefined ? { wallEnd: r.wallEnd } : {}) });
      lastWall = r.wallEnd ?? r.wall;
    }
    const last = entries[entries.length - 1];
    if (
      last &&
      isAdvance(last) &&
      r.command.type === 'clock.advance' &&
      last.command.type === 'clock.advance'
    ) {
      entries[entries.length - 1] = {
        at: last.at,
        command: { type: 'clock.advance', ms: last.command.ms + r.command.ms },
      };
    } else entries.push({ at: r.at, command: r.command });
  }
  const { seq, from: _from, t: _t, ...rest } = header;
  return {
    header: { t: 'session', ...rest },
    meta,
    entries,
    activity,
    lastSeq: records[records.length - 1]?.seq ?? seq,
    lastWall,
  };
}

/** How far a lab journal has been written: whole entries, and how much of a last clock advance. */
export interface JournalCursor {
  entries: number;
  tailMs?: number;
}

export function cursorAtEnd(journal: readonly JournalEntry[]): JournalCursor {
  const last = journal[journal.length - 1];
  return last?.command.type === 'clock.advance'
    ? { entries: journal.length, tailMs: last.command.ms }
    : { entries: journal.length };
}

/**
 * The command records a lab journal has gained since `cursor`: new entries, and the growth of a
 * clock advance already partly written (the lab merges ticks in memory; the journal writes each
 * interval's share as it happens, and folding merges them back).
 */
export function recordsSince(
  journal: readonly JournalEntry[],
  cursor: JournalCursor,
): { bodies: CmdBody[]; cursor: JournalCursor } {
  if (cursor.entries > journal.length)
    throw new RangeError(
      `recordsSince: the journal has ${journal.length} entries, ${cursor.entries} were written`,
    );
  const bodies: CmdBody[] = [];
  const tail = journal[cursor.entries - 1];
  if (tail && cursor.tailMs !== undefined && tail.command.type === 'clock.advance') {
    const grown = tail.command.ms - cursor.tailMs;
    if (grown < 0) throw new RangeError('recordsSince: a written clock advance shrank');
    if (grown > 0)
      bodies.push({ t: 'cmd', at: tail.at + cursor.tailMs, command: { type: 'clock.advance', ms: grown } });
  }
  for (const e of journal.slice(cursor.entries)) bodies.push({ t: 'cmd', at: e.at, command: e.command });
  return { bodies, cursor: cursorAtEnd(journal) };
}

/** Records that compaction would fold away (each run of clock-tick records becomes one). */
export function compactionGain(records: readonly JournalRecord[]): number {
  let gain = 0;
  for (let i = 1; i < records.length; i++) {
    const a = records[i - 1] as JournalRecord;
    const b = records[i] as JournalRecord;
    if (a.t === 'cmd' && b.t === 'cmd' && isAdvance(a) && isAdvance(b)) gain++;
  }
  return gain;
}

/**
 * The same journal in fewer records: each run of consecutive clock advances becomes one record
 * covering their sequence numbers (`from`..`seq`), so numbering, and any writer appending after
 * the last record, are unaffected. Metadata and other commands stay as they are.
 */
export function compactRecords(records: readonly JournalRecord[]): JournalRecord[] {
  const out: JournalRecord[] = [];
  for (const r of records) {
    const last = out[out.length - 1];
    if (
      last?.t === 'cmd' &&
      r.t === 'cmd' &&
      last.command.type === 'clock.advance' &&
      r.command.type === 'clock.advance'
    ) {
      const wallEnd = r.wallEnd ?? r.wall ?? last.wallEnd;
      out[out.length - 1] = {
        ...last,
        seq: r.seq,
        from: last.from ?? last.seq,
        command: { type: 'clock.advance', ms: last.command.ms + r.command.ms },
        ...(wallEnd !== undefined ? { wallEnd } : {}),
      };
    } else out.push(r);
  }
  return out;
}

export function journalText(records: readonly JournalRecord[]): string {
  return records.map((r) => `${encodeRecord(r)}\n`).join('');
}

/** What the Sessions page lists. Never a fault or a scenario's summary: only what the learner saw. */
export interface SessionSummary {
  id: string;
  title: string;
  /** The scenario's title, for a scenario session. */
  scenario?: string;
  /** The scenario's opaque reference (never its id), for a scenario session. */
  scenarioRef?: string;
  /** How a scenario run ended, once it has: its status, or "ended" in a session saved before statuses were kept. */
  outcome?: 'completed' | 'time-up' | 'gave-up' | 'ended';
  learner?: string;
  created: number;
  lastChange: number;
  /** Bytes the session takes in the store (its lines and their newlines). */
  size: number;
  /** Journal entries (consecutive clock ticks count as one). */
  commands: number;
  /** Lab time at the end of the journal. */
  labTime: number;
  lastSeq: number;
}

/**
 * A summary kept up to date record by record, so a store can list sessions without reading
 * them whole. Plain data (an IndexedDB row keeps it).
 */
export interface SummaryState {
  id: string;
  created: number;
  definitionTitle: string;
  meta: SessionMeta;
  commands: number;
  lastWasAdvance: boolean;
  labTime: number;
  lastChange: number;
  size: number;
  lastSeq: number;
}

export function summaryStart(header: HeaderBody & { seq: number }, bytes: number): SummaryState {
  return {
    id: header.id,
    created: header.created,
    definitionTitle: header.definition.title,
    meta: mergeMeta({}, header.meta),
    commands: 0,
    lastWasAdvance: false,
    labTime: parseIsoTime(header.definition.startTime) ?? 0,
    lastChange: header.created,
    size: bytes,
    lastSeq: header.seq,
  };
}

export function summaryAdd(s: SummaryState, r: JournalRecord, bytes: number): SummaryState {
  const next = { ...s, size: s.size + bytes, lastSeq: r.seq };
  if (r.t === 'meta') {
    next.meta = mergeMeta(s.meta, r.set);
    if (r.wall !== undefined) next.lastChange = Math.max(s.lastChange, r.wall);
  } else if (r.t === 'cmd') {
    const advance = r.command.type === 'clock.advance';
    if (!(advance && s.lastWasAdvance)) next.commands++;
    next.lastWasAdvance = advance;
    next.labTime = r.at + (r.command.type === 'clock.advance' ? r.command.ms : 0);
    const wall = r.wallEnd ?? r.wall;
    if (wall !== undefined) next.lastChange = Math.max(s.lastChange, wall);
  }
  return next;
}

/** Bytes one record takes in a journal file (its line and newline; UTF-8). */
export function lineBytes(line: string): number {
  let n = line.length + 1;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    // UTF-8: 2 bytes below U+0800, 3 above, 4 for a surrogate pair (2 per half).
    if (c >= 0x80) n += c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 1 : 2;
  }
  return n;
}

const OUTCOMES = ['completed', 'time-up', 'gave-up'] as const;

/** How a scenario session's run ended, from its metadata (the status, else the give-up or the end stamp). */
function outcomeOf(m: SessionMeta): SessionSummary['outcome'] {
  const status = OUTCOMES.find((o) => o === m.status);
  if (status) return status;
  if (typeof m.gaveUpAt === 'number') return 'gave-up';
  const ended =
    Array.isArray(m.wall) &&
    m.wall.some(
      (w: unknown) => typeof w === 'object' && w !== null && (w as { kind?: unknown }).kind === 'end',
    );
  return ended ? 'ended' : undefined;
}

export function summaryView(s: SummaryState): SessionSummary {
  const m = s.meta;
  const meta =
    typeof m.scenario === 'object' && m.scenario !== null
      ? (m.scenario as { title?: unknown; ref?: unknown })
      : undefined;
  const scenario = meta?.title;
  const outcome = meta ? outcomeOf(m) : undefined;
  return {
    id: s.id,
    title:
      typeof m.title === 'string' && m.title
        ? m.title
        : typeof scenario === 'string'
          ? scenario
          : s.definitionTitle,
    ...(typeof scenario === 'string' ? { scenario } : {}),
    ...(typeof meta?.ref === 'string' ? { scenarioRef: meta.ref } : {}),
    ...(outcome ? { outcome } : {}),
    ...(typeof m.learner === 'string' && m.learner ? { learner: m.learner } : {}),
    created: s.created,
    lastChange: s.lastChange,
    size: s.size,
    commands: s.commands,
    labTime: s.labTime,
    lastSeq: s.lastSeq,
  };
}

/** The summary of a whole journal (its lines in order, header first). */
export function summarizeRecords(records: readonly JournalRecord[], lines: readonly string[]): SummaryState {
  const [header] = records;
  if (!header || header.t !== 'session')
    throw new RangeError('summarizeRecords: the first record must be the session');
  let s = summaryStart(header, lineBytes(lines[0] ?? ''));
  for (let i = 1; i < records.length; i++)
    s = summaryAdd(s, records[i] as JournalRecord, lineBytes(lines[i] ?? ''));
  return s;
}

/** A `.hlab` export: the session's journal, compacted, header first. */
export function exportHlab(records: readonly JournalRecord[]): string {
  return journalText(compactRecords(records));
}

/**
 * Reads a `.hlab` file as a new session with id `id`: every intact record up to the first one that
 * is not (how many were dropped is returned), the header re-stamped with the new id.
 */
export function importHlab(
  text: string,
  id: string,
  source = 'session file',
):
  | { ok: true; records: JournalRecord[]; unreadable: number; stoppedAt?: string }
  | { ok: false; error: string } {
  const r = readJournalText(text, source);
  if (!r.ok) return r;
  const [header, ...rest] = r.read.records;
  if (!header || header.t !== 'session') return { ok: false, error: `${source}: no session record` };
  const renamed: JournalRecord = { ...header, id, meta: { ...header.meta, importedFrom: header.id } };
  return {
    ok: true,
    records: [renamed, ...rest],
    unreadable: r.read.unreadable,
    ...(r.read.stoppedAt ? { stoppedAt: r.read.stoppedAt } : {}),
  };
}

/**
 * The sequence number of the last record that belongs to the first `entries` journal entries (a
 * clock advance may span several records): cutting a journal there keeps exactly those entries.
 */
export function seqAfterEntries(records: readonly JournalRecord[], entries: number): number {
  let count = 0;
  let lastWasAdvance = false;
  let seq = records[0]?.seq ?? 1;
  for (const r of records.slice(1)) {
    if (r.t === 'cmd') {
      const advance = r.command.type === 'clock.advance';
      const startsEntry = !(advance && lastWasAdvance);
      if (startsEntry && count === entries) break;
      if (startsEntry) count++;
      lastWasAdvance = advance;
    }
    seq = r.seq;
  }
  return seq;
}
