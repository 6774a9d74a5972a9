/**
 * The session journal's record format (docs/session-format.md): one JSON object per line, each with
 * a sequence number and a CRC-32 of its own text, so a reader finds exactly where a file stops
 * being trustworthy (a torn last line after a crash, a damaged block) and keeps everything before
 * it. The same lines are written to a file by the desktop app, to IndexedDB by the browser, and to
 * a `.hlab` export, so a session moves between them unchanged. Pure: no I/O here.
 */
import { crc32Hex } from '../core/crc32';
import { parseJournalCommand, type JournalCommand } from '../faults/commands';
import type { LabDefinition } from '../core/definition';
import { parseDefinition } from '../lab/definitionSchema';

export const JOURNAL_FORMAT = 'hybridlab.journal';
/** 2: Security info's QR code page waits for Next after the phone scans (see upgradeHeader). */
export const JOURNAL_VERSION = 2;
/** A line longer than this is refused (the largest real one, a header, is a few tens of KB). */
export const MAX_LINE_CHARS = 4 * 1024 * 1024;

/** Session-level facts, updated over time by `meta` records (a key set to null is removed). */
export type SessionMeta = Record<string, unknown>;

/** The first record: what the lab was built from. */
export interface HeaderBody {
  t: 'session';
  format: typeof JOURNAL_FORMAT;
  version: typeof JOURNAL_VERSION;
  /** The session's id (a folder name on disk, a key in IndexedDB). */
  id: string;
  /** Wall-clock time the session was created (ms since 1970), for the Sessions page only. */
  created: number;
  seed: number;
  definition: LabDefinition;
  meta: SessionMeta;
}

/** One lab command, journalled when it was given. `wall`/`wallEnd` are wall-clock stamps replay ignores. */
export interface CmdBody {
  t: 'cmd';
  at: number;
  command: JournalCommand;
  wall?: number;
  /** On a record that stands for several clock ticks: the wall-clock time of the last one. */
  wallEnd?: number;
}

/** A change to the session's metadata (title, learner, scenario, hints, end). */
export interface MetaBody {
  t: 'meta';
  set: SessionMeta;
  wall?: number;
}

export type RecordBody = HeaderBody | CmdBody | MetaBody;
/** `from` is present on a record that stands for the records from..seq (compacted clock ticks). */
export type JournalRecord = RecordBody & { seq: number; from?: number };

const CRC_TAIL = /,"crc":"([0-9a-f]{8})"\}$/;
const CRC_TAIL_CHARS = ',"crc":"00000000"}'.length;

/** One record as one line of text (no newline). The CRC covers the line without its crc member. */
export function encodeRecord(record: JournalRecord): string {
  const { seq, from, ...body } = record;
  const text = JSON.stringify(from !== undefined ? { seq, from, ...body } : { seq, ...body });
  return `${text.slice(0, -1)},"crc":"${crc32Hex(text)}"}`;
}

export type LineCheck = { ok: true; record: JournalRecord } | { ok: false; error: string };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isWall = (v: unknown) => v === undefined || (typeof v === 'number' && Number.isFinite(v) && v >= 0);
const isSeq = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 1;

/** Checks one line's checksum and shape (not yet its command against the lab: see readJournal). */
export function decodeLine(line: string): LineCheck {
  if (line.length > MAX_LINE_CHARS) return { ok: false, error: `longer than ${MAX_LINE_CHARS} characters` };
  const m = CRC_TAIL.exec(line);
  if (!m) return { ok: false, error: 'incomplete: no checksum at its end' };
  const text = `${line.slice(0, -CRC_TAIL_CHARS)}}`;
  if (crc32Hex(text) !== m[1]) return { ok: false, error: 'checksum does not match' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not valid JSON' };
  }
  if (!isObject(raw) || !isSeq(raw.seq)) return { ok: false, error: 'expected an object with "seq"' };
  if (raw.from !== undefined && !(isSeq(raw.from) && raw.from <= raw.seq))
    return { ok: false, error: '"from" must be a sequence number not after "seq"' };
  switch (raw.t) {
    case 'session':
      if (raw.format !== JOURNAL_FORMAT) return { ok: false, error: `expected format "${JOURNAL_FORMAT}"` };
      if (raw.version !== JOURNAL_VERSION && raw.version !== 1)
        return {
          ok: false,
          error: `expected version 1 or ${JOURNAL_VERSION}, got ${JSON.stringify(raw.version)}`,
        };
      if (typeof raw.id !== 'string' || !isSessionId(raw.id))
        return { ok: false, error: 'expected "id", a session id' };
      if (!isWall(raw.created) || raw.created === undefined)
        return { ok: false, error: 'expected "created"' };
      if (typeof raw.seed !== 'number' || !Number.isInteger(raw.seed))
        return { ok: false, error: 'expected "seed", an integer' };
      if (!isObject(raw.meta)) return { ok: false, error: 'expected "meta", an object' };
      break;
    case 'cmd':
      if (typeof raw.at !== 'number' || !Number.isFinite(raw.at))
        return { ok: false, error: 'expected "at", a lab time in milliseconds' };
      if (!isObject(raw.command)) return { ok: false, error: 'expected "command", an object' };
      if (!isWall(raw.wall) || !isWall(raw.wallEnd)) return { ok: false, error: 'bad wall-clock stamp' };
      break;
    case 'meta':
      if (!isObject(raw.set)) return { ok: false, error: 'expected "set", an object' };
      if (!isWall(raw.wall)) return { ok: false, error: 'bad wall-clock stamp' };
      break;
    default:
      return { ok: false, error: `unknown record type ${JSON.stringify(raw.t)}` };
  }
  return { ok: true, record: (raw.t === 'session' ? upgradeHeader(raw) : raw) as unknown as JournalRecord };
}

/** A definition for a new session: behaviour kept for an old journal (compat) does not carry over. */
export function withoutCompat(definition: LabDefinition): LabDefinition {
  const { compat: _compat, ...rest } = definition;
  return rest;
}

/**
 * Version 1 journals were written while Security info went on to "Let's try it out" as soon as the
 * phone scanned the QR code; version 2 waits for Next there. A version 1 session replays with the
 * behaviour it was recorded with (LabDefinition.compat), as a version 2 header.
 */
function upgradeHeader(raw: Record<string, unknown>): Record<string, unknown> {
  if (raw.version === JOURNAL_VERSION || !isObject(raw.definition)) return raw;
  const compat = isObject(raw.definition.compat) ? raw.definition.compat : {};
  return {
    ...raw,
    version: JOURNAL_VERSION,
    definition: { ...raw.definition, compat: { ...compat, authenticatorPushOnScan: true } },
  };
}

/** Session ids name folders and keys: letters, digits and dashes only. */
export function isSessionId(id: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9-]{7,63}$/.test(id);
}

export interface JournalRead {
  header: HeaderBody & { seq: number };
  /** The valid prefix, header first, commands checked against the header's lab. */
  records: JournalRecord[];
  /** Lines after the valid prefix (they could not be read, or follow one that could not). */
  unreadable: number;
  /** What stopped the reading, `line N: ...`, when something did. */
  stoppedAt?: string;
  /** True when the text did not end with a newline (a torn last write). */
  torn: boolean;
}

export type JournalReadResult = { ok: true; read: JournalRead } | { ok: false; error: string };

/** Splits journal text into lines (a missing final newline leaves a last, maybe torn, line). */
export function splitLines(text: string): { lines: string[]; torn: boolean } {
  const lines = text.split('\n');
  const torn = text.length > 0 && !text.endsWith('\n');
  if (!torn) lines.pop();
  return { lines, torn };
}

/**
 * Reads journal lines: the header, then every record while each is intact, numbered in order and
 * (for commands) valid in the header's lab. Never throws; an unreadable header is the only failure.
 */
export function readJournal(lines: readonly string[], torn = false, source = 'journal'): JournalReadResult {
  const first = lines[0];
  if (first === undefined) return { ok: false, error: `${source}: empty` };
  const h = decodeLine(first);
  if (!h.ok) return { ok: false, error: `${source} line 1: ${h.error}` };
  if (h.record.t !== 'session' || h.record.seq !== 1 || h.record.from !== undefined)
    return { ok: false, error: `${source} line 1: expected the session record (seq 1)` };
  const def = parseDefinition(h.record.definition);
  if (!def.ok) return { ok: false, error: `${source} line 1: definition.${def.errors[0] ?? 'invalid'}` };
  const header = { ...h.record, definition: def.definition };
  const records: JournalRecord[] = [header];
  let stoppedAt: string | undefined;
  let i = 1;
  for (; i < lines.length; i++) {
    const line = lines[i] as string;
    const d = decodeLine(line);
    const prev = (records[records.length - 1] as JournalRecord).seq;
    let error = d.ok ? undefined : d.error;
    if (d.ok) {
      const r = d.record;
      if ((r.from ?? r.seq) !== prev + 1)
        error = `expected record ${prev + 1}, got ${r.from !== undefined ? `${r.from}..` : ''}${r.seq}`;
      else if (r.t === 'session') error = 'a second session record';
      else if (r.t === 'cmd') {
        const c = parseJournalCommand(def.definition, r.command);
        if (!c.ok) error = c.error;
        else r.command = c.command;
      }
      if (!error) {
        records.push(r);
        continue;
      }
    }
    stoppedAt = `line ${i + 1}: ${error}`;
    break;
  }
  const unreadable = lines.slice(i).filter((l) => l.length > 0).length;
  return { ok: true, read: { header, records, unreadable, ...(stoppedAt ? { stoppedAt } : {}), torn } };
}

/** Reads a whole journal text (a file, an export). */
export function readJournalText(text: string, source = 'journal'): JournalReadResult {
  const { lines, torn } = splitLines(text);
  return readJournal(lines, torn, source);
}

/** The first record of a new session (metadata keys set to null are left out). */
export function headerRecord(h: {
  id: string;
  created: number;
  seed: number;
  definition: LabDefinition;
  meta: SessionMeta;
}): JournalRecord {
  const meta = Object.fromEntries(Object.entries(h.meta).filter(([, v]) => v !== null && v !== undefined));
  return {
    seq: 1,
    t: 'session',
    format: JOURNAL_FORMAT,
    version: JOURNAL_VERSION,
    id: h.id,
    created: h.created,
    seed: h.seed,
    definition: h.definition,
    meta,
  };
}

/** What a store knows of a journal it appends to. */
export interface AppendState {
  lastSeq: number;
  definition: LabDefinition;
  /** Lines recently written, by sequence number: a retried write of one of them is not an error. */
  recent: ReadonlyMap<number, string>;
}

export type AppendCheck =
  | { ok: true; accepted: { line: string; record: JournalRecord }[]; lastSeq: number }
  | { ok: false; error: string };

/**
 * Checks lines a writer wants to append: each intact, numbered right after the last one, not a
 * second header, its command valid in the session's lab. Lines already written (a retry after a
 * lost answer) are skipped, not written twice. All or nothing.
 */
export function checkAppend(state: AppendState, lines: readonly string[]): AppendCheck {
  let last = state.lastSeq;
  const accepted: { line: string; record: JournalRecord }[] = [];
  for (const [i, line] of lines.entries()) {
    const d = decodeLine(line);
    if (!d.ok) return { ok: false, error: `record ${i + 1} of ${lines.length}: ${d.error}` };
    const r = d.record;
    if (r.seq <= last && r.from === undefined && accepted.length === 0) {
      if (state.recent.get(r.seq) === line) continue;
      return { ok: false, error: `record ${r.seq} is already written, with other content` };
    }
    if ((r.from ?? r.seq) !== last + 1)
      return { ok: false, error: `expected record ${last + 1}, got ${r.seq}` };
    if (r.t === 'session')
      return { ok: false, error: `record ${r.seq}: a session record cannot be appended` };
    if (r.t === 'cmd') {
      const c = parseJournalCommand(state.definition, r.command);
      if (!c.ok) return { ok: false, error: `record ${r.seq}: ${c.error}` };
    }
    accepted.push({ line, record: r });
    last = r.seq;
  }
  return { ok: true, accepted, lastSeq: last };
}
