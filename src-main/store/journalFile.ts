/**
 * One session's journal file (`<sessions>/<id>/journal.hlj`): opened for appending after its
 * intact prefix is checked; a torn or damaged file is copied aside first (`damaged-<time>.hlj`)
 * and replaced by its intact prefix, so nothing readable is lost and the learner is told what
 * was not. Leftover temporary files of an interrupted replace are removed.
 */
import { copyFile, open, readdir, readFile, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import {
  compactionGain,
  readJournalText,
  splitLines,
  summarizeRecords,
  type JournalRead,
  type LabDefinition,
  type SummaryState,
} from '../../simulation';
import { appendDurable, fsyncDir, replaceFile } from './durable';

export const JOURNAL_FILE = 'journal.hlj';
/** How many recent lines are remembered, so a retried write is recognised. */
const RECENT = 512;

export class StoreError extends Error {}

export interface OpenJournal {
  id: string;
  dir: string;
  path: string;
  handle: FileHandle;
  lastSeq: number;
  definition: LabDefinition;
  recent: Map<number, string>;
  summary: SummaryState;
  /** Records compaction would fold away. */
  gain: number;
  lastWasAdvance: boolean;
}

export interface Recovery {
  lines: string[];
  unreadable: number;
  stoppedAt?: string;
  keptAs?: string;
}

export function remember(recent: Map<number, string>, seq: number, line: string): void {
  recent.set(seq, line);
  if (recent.size > RECENT) recent.delete(recent.keys().next().value as number);
}

async function removeStrayTemporaries(dir: string): Promise<void> {
  for (const name of await readdir(dir).catch(() => [] as string[]))
    if (name.endsWith('.tmp')) await unlink(join(dir, name)).catch(() => undefined);
}

/** Reads a journal file's intact prefix (no repair). */
export async function readJournalFile(
  path: string,
  source: string,
): Promise<{ text: string; lines: string[]; read: JournalRead }> {
  const text = await readFile(path, 'utf8');
  const r = readJournalText(text, source);
  if (!r.ok) throw new StoreError(r.error);
  return { text, lines: splitLines(text).lines.slice(0, r.read.records.length), read: r.read };
}

/** Opens a journal for appending, repairing it first if its end is torn or damaged. */
export async function openJournalFile(
  dir: string,
  id: string,
  stamp: string,
): Promise<{ journal: OpenJournal; recovery: Recovery }> {
  await removeStrayTemporaries(dir);
  const path = join(dir, JOURNAL_FILE);
  const { lines, read } = await readJournalFile(path, `session ${id}`);
  let keptAs: string | undefined;
  if (read.unreadable > 0) {
    keptAs = join(dir, `damaged-${stamp}.hlj`);
    await copyFile(path, keptAs);
    const h = await open(keptAs, 'r+');
    await h.sync().finally(() => h.close());
    await replaceFile(path, lines.map((l) => `${l}\n`).join(''));
  } else if (read.torn) {
    // The last line is whole but its newline was not written: finish it, nothing is lost.
    const h = await open(path, 'a');
    await appendDurable(h, '\n').finally(() => h.close());
  } else await fsyncDir(dir);
  const handle = await open(path, 'a');
  const recent = new Map<number, string>();
  read.records
    .slice(-RECENT)
    .forEach((r, i, a) => recent.set(r.seq, lines[lines.length - a.length + i] ?? ''));
  const last = read.records[read.records.length - 1];
  return {
    journal: {
      id,
      dir,
      path,
      handle,
      lastSeq: last?.seq ?? 1,
      definition: read.header.definition,
      recent,
      summary: summarizeRecords(read.records, lines),
      gain: compactionGain(read.records),
      lastWasAdvance: last?.t === 'cmd' && last.command.type === 'clock.advance',
    },
    recovery: {
      lines,
      unreadable: read.unreadable,
      ...(read.stoppedAt ? { stoppedAt: read.stoppedAt } : {}),
      ...(keptAs ? { keptAs } : {}),
    },
  };
}
