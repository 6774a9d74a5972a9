/**
 * A saved session: lab definition, seed and journal. Serialised as JSON; reading one back checks
 * every part and replays the journal, so a damaged file gives an error that says where, never a
 * crash and never a half-built lab.
 */
import { parseJournalCommand } from '../faults/commands';
import { parseDefinition } from '../lab/definitionSchema';
import type { LabDefinition } from '../core/definition';
import { Lab, LabReplayError, type JournalEntry } from './lab';

export const SESSION_FORMAT = 'hybridlab.session';
export const SESSION_VERSION = 1;

export interface SessionRecord {
  format: typeof SESSION_FORMAT;
  version: typeof SESSION_VERSION;
  seed: number;
  definition: LabDefinition;
  journal: JournalEntry[];
  /** Free-form data the app keeps with the session (e.g. the scenario being played). */
  meta?: Record<string, unknown>;
}

export function sessionOf(lab: Lab, meta?: Record<string, unknown>): SessionRecord {
  return {
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    seed: lab.seed,
    definition: lab.definition,
    journal: [...lab.journal()],
    meta,
  };
}

export function serializeSession(record: SessionRecord): string {
  return JSON.stringify(record);
}

export type SessionParse = { ok: true; record: SessionRecord } | { ok: false; error: string };

export function parseSession(text: string, source = 'session'): SessionParse {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `${source}: not valid JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, error: `${source}: expected a JSON object` };
  const r = raw as Record<string, unknown>;
  if (r.format !== SESSION_FORMAT)
    return {
      ok: false,
      error: `${source}.format: expected "${SESSION_FORMAT}", got ${JSON.stringify(r.format)}`,
    };
  if (r.version !== SESSION_VERSION)
    return {
      ok: false,
      error: `${source}.version: expected ${SESSION_VERSION}, got ${JSON.stringify(r.version)}`,
    };
  if (typeof r.seed !== 'number' || !Number.isInteger(r.seed))
    return { ok: false, error: `${source}.seed: expected an integer, got ${JSON.stringify(r.seed)}` };
  const def = parseDefinition(r.definition);
  if (!def.ok) return { ok: false, error: `${source}.${def.errors[0] ?? 'definition: invalid'}` };
  if (!Array.isArray(r.journal)) return { ok: false, error: `${source}.journal: expected an array` };
  const journal: JournalEntry[] = [];
  for (let i = 0; i < r.journal.length; i++) {
    const e = r.journal[i] as Record<string, unknown> | null;
    if (typeof e !== 'object' || e === null)
      return { ok: false, error: `${source}.journal[${i}]: expected an object` };
    if (typeof e.at !== 'number' || !Number.isFinite(e.at))
      return { ok: false, error: `${source}.journal[${i}].at: expected a lab time in milliseconds` };
    const c = parseJournalCommand(def.definition, e.command);
    if (!c.ok) return { ok: false, error: `${source}.journal[${i}].${c.error}` };
    journal.push({ at: e.at, command: c.command });
  }
  const meta =
    typeof r.meta === 'object' && r.meta !== null && !Array.isArray(r.meta)
      ? (r.meta as Record<string, unknown>)
      : undefined;
  return {
    ok: true,
    record: {
      format: SESSION_FORMAT,
      version: SESSION_VERSION,
      seed: r.seed,
      definition: def.definition,
      journal,
      meta,
    },
  };
}

/** Parses and replays a saved session. */
export function restoreSession(
  text: string,
  source = 'session',
): { ok: true; lab: Lab; record: SessionRecord } | { ok: false; error: string } {
  const p = parseSession(text, source);
  if (!p.ok) return p;
  try {
    const lab = Lab.replay(p.record.definition, p.record.seed, p.record.journal);
    return { ok: true, lab, record: p.record };
  } catch (e) {
    if (e instanceof LabReplayError) return { ok: false, error: `${source}.${e.message}` };
    return {
      ok: false,
      error: `${source}: could not be replayed (${e instanceof Error ? e.message : String(e)})`,
    };
  }
}
