/**
 * Sessions in the store as the controller uses them: a new session's first lines, reading a stored
 * one back into a running lab (recovering its longest valid prefix and saying what was lost), and
 * importing the single save of an older HybridLab. No React; the controller holds the results.
 */
import {
  encodeRecord,
  exportHlab,
  foldRecords,
  fromLegacySession,
  headerRecord,
  openFolded,
  readJournal,
  scenarioRef,
  seqAfterEntries,
  type HeaderBody,
  type JournalEntry,
  type JournalRecord,
  type Lab,
  type ScenarioRun,
  type SessionMeta,
} from '../../simulation';
import type { Platform } from '../platform/Platform';
import { loadScenarioPack } from './loadScenarioPack';
import type { PackEntry } from './scenarioPack';

export interface Notice {
  level: 'info' | 'warning' | 'error';
  text: string;
}

/** The scenario in this version's pack that a session's opaque reference stands for. */
function byRef(pack: readonly PackEntry[], ref: string) {
  return pack.find((e) => e.scenario && scenarioRef(e.scenario.id) === ref)?.scenario;
}

export function newSessionId(): string {
  return crypto.randomUUID();
}

export function sessionHeader(
  lab: Lab,
  meta: SessionMeta,
  id = newSessionId(),
): HeaderBody & { seq: number } {
  const r = headerRecord({ id, created: Date.now(), seed: lab.seed, definition: lab.definition, meta });
  return r as HeaderBody & { seq: number };
}

/** The journal a session keeps: a scenario's learner part only (its preparation and faults are rebuilt). */
export function journalOf(lab: Lab, run: ScenarioRun | undefined): readonly JournalEntry[] {
  return run ? run.session().journal : lab.journal();
}

/** A whole session from memory, as a `.hlab` file: what "Export a copy" saves when the store cannot. */
export function hlabFromMemory(
  header: HeaderBody,
  meta: SessionMeta,
  journal: readonly JournalEntry[],
): string {
  const records: JournalRecord[] = [{ ...header, seq: 1, meta }];
  journal.forEach((e, i) => records.push({ seq: i + 2, t: 'cmd', at: e.at, command: e.command }));
  return exportHlab(records);
}

/** A safe file name from a session title. */
export function fileNameFor(title: string, ext: string): string {
  const printable = [...title].map((ch) => (ch.charCodeAt(0) < 0x20 ? ' ' : ch)).join('');
  const base =
    printable
      .replace(/[\\/:*?"<>|]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 120) || 'session';
  return `${base}.${ext}`;
}

export interface OpenedStored {
  id: string;
  lab: Lab;
  run?: ScenarioRun;
  header: HeaderBody;
  meta: SessionMeta;
  lastSeq: number;
  notice: Notice;
}

function clockTime(wall: number | undefined): string | undefined {
  if (wall === undefined) return undefined;
  return new Date(wall).toLocaleTimeString('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

/** Reads a stored session into a running lab, cutting it back to what still replays. */
export async function openStored(
  platform: Platform,
  id: string,
): Promise<{ ok: true; opened: OpenedStored } | { ok: false; error: string }> {
  const loaded = await platform.sessions.load(id);
  if (!loaded.ok) return loaded;
  const read = readJournal(loaded.value.lines, false, `session ${id}`);
  if (!read.ok) return read;
  let records = read.read.records;
  const folded = foldRecords(records);
  const pack = await loadScenarioPack();
  const opened = openFolded(folded, (ref) => byRef(pack, ref));
  if (!opened.ok) return opened;
  const { lab, run, dropped, replayed } = opened.opened;
  let keptAs = loaded.value.keptAs;
  if (dropped > 0) {
    const keep = seqAfterEntries(records, replayed);
    const cut = await platform.sessions.truncate(id, keep);
    if (!cut.ok)
      return { ok: false, error: `${cut.error} (while keeping the part of the session that replays)` };
    keptAs ??= cut.value.keptAs;
    records = records.filter((r) => r.seq <= keep);
  }
  const lost = loaded.value.unreadable + dropped;
  const kept = foldRecords(records);
  const title = run ? `Your scenario "${run.scenario.title}"` : 'Your session';
  const notice: Notice =
    lost > 0
      ? {
          level: 'warning',
          text: `${title} was restored up to ${clockTime(kept.lastWall) ?? 'its last readable step'}; ${lost} command${lost === 1 ? '' : 's'} could not be read${opened.opened.error ? ` (${opened.opened.error})` : loaded.value.stoppedAt ? ` (${loaded.value.stoppedAt})` : ''}.${keptAs ? ` The damaged copy was kept ${/[\\/]/.test(keptAs) ? 'as' : 'in'} ${keptAs}.` : ''}`,
        }
      : {
          level: 'info',
          text: run ? `${title} was restored.` : `${title} was restored (${lab.journal().length} steps).`,
        };
  if (opened.opened.scenarioChanged)
    notice.text +=
      ' This scenario has changed since the session began; the score is from the current version.';
  return {
    ok: true,
    opened: {
      id,
      lab,
      ...(run ? { run } : {}),
      header: kept.header,
      meta: kept.meta,
      lastSeq: records[records.length - 1]?.seq ?? 1,
      notice,
    },
  };
}

/** Brings the single save of an older HybridLab into the store as a session, once. */
export async function importLegacy(platform: Platform): Promise<Notice | undefined> {
  const legacy = await platform.legacySession();
  if (!legacy.ok || legacy.value === null) return undefined;
  const pack = await loadScenarioPack();
  const r = fromLegacySession(
    legacy.value,
    newSessionId(),
    Date.now(),
    (id) => pack.find((e) => e.scenario?.id === id)?.scenario,
  );
  if (!r.ok)
    return {
      level: 'warning',
      text: `A session saved by an earlier version could not be read (${r.error}); it was left where it was.`,
    };
  const created = await platform.sessions.create(r.records.map(encodeRecord));
  if (!created.ok)
    return {
      level: 'error',
      text: `A session saved by an earlier version could not be moved: ${created.error}`,
    };
  await platform.sessions.setCurrent(created.value.id);
  await platform.retireLegacySession();
  return undefined;
}
