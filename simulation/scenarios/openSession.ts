/**
 * Opening a saved session: a free lab is its definition, seed and journal replayed; a scenario
 * session is the scenario (found in the pack by an opaque reference, so the saved session never
 * spells out a scenario id that names the cause), its seed, the learner's journal, hints and end.
 * A journal that stops replaying part-way keeps everything before the entry that does not fit,
 * and says how much was dropped: the longest valid prefix, never nothing.
 */
import { hashString, stableStringify } from '../core/hash';
import { Lab } from '../facade/lab';
import { headerRecord, type JournalRecord, type SessionMeta } from '../facade/journal';
import type { FoldedSession } from '../facade/journalFold';
import type { JournalEntry } from '../facade/lab';
import { parseSession } from '../facade/session';
import type { WallStamp } from './activeTime';
import { ScenarioRun } from './engine';
import type { Scenario } from './schema';

/** What a scenario session keeps of its scenario (no id, no summary, no solution). */
export interface ScenarioMeta {
  /** Opaque reference to the scenario (a hash of its id). */
  ref: string;
  /** A hash of the scenario's content: tells whether the pack changed since the session began. */
  version: string;
  seed: number;
  title: string;
}

export function scenarioRef(id: string): string {
  return `s${hashString(`hybridlab.scenario:${id}`).slice(0, 16)}`;
}

export function scenarioVersion(s: Scenario): string {
  return hashString(stableStringify(s)).slice(0, 16);
}

/** The metadata a scenario run keeps in its session: the scenario reference, hints taken, the end. */
export function scenarioSessionMeta(run: ScenarioRun): SessionMeta {
  const session = run.session();
  const scenario: ScenarioMeta = {
    ref: scenarioRef(run.scenario.id),
    version: scenarioVersion(run.scenario),
    seed: run.seed,
    title: run.scenario.title,
  };
  return {
    scenario,
    hints: session.hints,
    gaveUpAt: session.gaveUpAt ?? null,
    // How the run ended (none while it runs): the picker's done / attempted marks read it.
    status: run.getStatus() === 'running' ? null : run.getStatus(),
    // Who plays it and when they acted: metadata, never replayed into the lab.
    learnerName: session.learnerName ?? null,
    wall: session.wall ?? null,
  };
}

function wallOf(meta: SessionMeta): WallStamp[] {
  return Array.isArray(meta.wall)
    ? (meta.wall as unknown[]).filter(
        (w): w is WallStamp =>
          typeof w === 'object' &&
          w !== null &&
          typeof (w as { ms?: unknown }).ms === 'number' &&
          typeof (w as { entry?: unknown }).entry === 'number' &&
          ['start', 'action', 'hint', 'end'].includes(String((w as { kind?: unknown }).kind)),
      )
    : [];
}

export function readScenarioMeta(meta: SessionMeta): ScenarioMeta | undefined {
  const s = meta.scenario as Partial<ScenarioMeta> | undefined;
  if (typeof s !== 'object' || s === null) return undefined;
  if (typeof s.ref !== 'string' || typeof s.seed !== 'number' || typeof s.title !== 'string')
    return undefined;
  return {
    ref: s.ref,
    version: typeof s.version === 'string' ? s.version : '',
    seed: s.seed,
    title: s.title,
  };
}

export interface OpenedSession {
  lab: Lab;
  run?: ScenarioRun;
  /** Journal entries replayed. */
  replayed: number;
  /** Journal entries dropped because they no longer replay (the first of them named in `error`). */
  dropped: number;
  error?: string;
  /** True when the scenario in the pack is not the version the session began with. */
  scenarioChanged?: boolean;
}

export type OpenResult = { ok: true; opened: OpenedSession } | { ok: false; error: string };

/** `journal[12].at: ...` → 12; anything else → undefined. */
function failingIndex(e: unknown): number | undefined {
  const m = /^journal\[(\d+)\]/.exec(e instanceof Error ? e.message : '');
  return m ? Number(m[1]) : undefined;
}

function hintsOf(meta: SessionMeta): { id: string; at: number }[] {
  return Array.isArray(meta.hints)
    ? (meta.hints as unknown[]).filter(
        (h): h is { id: string; at: number } =>
          typeof h === 'object' &&
          h !== null &&
          typeof (h as { id?: unknown }).id === 'string' &&
          typeof (h as { at?: unknown }).at === 'number',
      )
    : [];
}

/** Replays with `replay`; when entry i does not fit, replays the entries before it instead. */
function withPrefix<T>(
  entries: JournalEntry[],
  replay: (entries: JournalEntry[]) => T,
): { value: T; replayed: number; error?: string } {
  try {
    return { value: replay(entries), replayed: entries.length };
  } catch (e) {
    const i = failingIndex(e);
    if (i === undefined || i >= entries.length) throw e;
    const error = e instanceof Error ? e.message : String(e);
    return { value: replay(entries.slice(0, i)), replayed: i, error };
  }
}

export function openFolded(
  folded: FoldedSession,
  findScenario: (ref: string) => Scenario | undefined,
): OpenResult {
  const { entries, meta, header } = folded;
  const sm = readScenarioMeta(meta);
  try {
    if (sm) {
      const scenario = findScenario(sm.ref);
      if (!scenario) return { ok: false, error: `the scenario "${sm.title}" is not in this version's pack` };
      const gaveUpAt = typeof meta.gaveUpAt === 'number' ? meta.gaveUpAt : undefined;
      const learnerName = typeof meta.learnerName === 'string' ? meta.learnerName : undefined;
      const r = withPrefix(entries, (journal) =>
        ScenarioRun.replay(scenario, {
          scenarioId: scenario.id,
          seed: sm.seed,
          journal,
          hints: hintsOf(meta),
          ...(gaveUpAt !== undefined ? { gaveUpAt } : {}),
          ...(learnerName !== undefined ? { learnerName } : {}),
          wall: wallOf(meta).filter((w) => w.entry <= journal.length),
        }),
      );
      return {
        ok: true,
        opened: {
          lab: r.value.lab,
          run: r.value,
          replayed: r.replayed,
          dropped: entries.length - r.replayed,
          ...(r.error ? { error: r.error } : {}),
          ...(sm.version && sm.version !== scenarioVersion(scenario) ? { scenarioChanged: true } : {}),
        },
      };
    }
    const r = withPrefix(entries, (journal) => Lab.replay(header.definition, header.seed, journal));
    return {
      ok: true,
      opened: {
        lab: r.value,
        replayed: r.replayed,
        dropped: entries.length - r.replayed,
        ...(r.error ? { error: r.error } : {}),
      },
    };
  } catch (e) {
    return { ok: false, error: `could not be replayed (${e instanceof Error ? e.message : String(e)})` };
  }
}

/**
 * A session saved by HybridLab before the journal (one JSON document: definition, seed, journal,
 * meta with the scenario's id) as journal records, so an older save opens in this version.
 */
export function fromLegacySession(
  text: string,
  id: string,
  created: number,
  findById: (scenarioId: string) => Scenario | undefined,
): { ok: true; records: JournalRecord[] } | { ok: false; error: string } {
  const p = parseSession(text, 'saved session');
  if (!p.ok) return p;
  const { scenarioId, hints, gaveUpAt, ...rest } = p.record.meta ?? {};
  const meta: SessionMeta = { ...rest };
  if (typeof scenarioId === 'string') {
    const scenario = findById(scenarioId);
    if (!scenario)
      return { ok: false, error: `the scenario of the saved session is not in this version's pack` };
    const sm: ScenarioMeta = {
      ref: scenarioRef(scenario.id),
      version: '',
      seed: p.record.seed,
      title: scenario.title,
    };
    Object.assign(meta, { scenario: sm, hints: Array.isArray(hints) ? hints : [] });
    if (typeof gaveUpAt === 'number') meta.gaveUpAt = gaveUpAt;
  }
  const header = headerRecord({ id, created, seed: p.record.seed, definition: p.record.definition, meta });
  const cmds = p.record.journal.map((e, i): JournalRecord => ({
    seq: i + 2,
    t: 'cmd',
    at: e.at,
    command: e.command,
  }));
  return { ok: true, records: [header, ...cmds] };
}
