/**
 * The class export beside the CSV: the handed-in results as one JSON array (each `result` is the
 * learner's result.json exactly as it was signed, so `lab verify` checks it, with the hub's flags
 * beside it), and the same results as xAPI 1.0.3 statements (one JSON array) for an LMS's learning
 * record store.
 *
 * xAPI: the actor is the learner by name and an account on the class's hub (homePage), the object
 * is the scenario as a URN with its content version (the hub's full scenario, not the learner's
 * redacted copy), the verb is completed (the run's objectives met), failed (time up or given up) or
 * attempted (assigned and started, no result handed in), and the result carries score.scaled,
 * success, completion and duration (ISO 8601, the learner's active time).
 */
import { scenarioVersion } from '../scenarios/openSession';
import type { Scenario } from '../scenarios/schema';
import type { ClassRecord } from './hubCore';

export interface ExportDeps {
  scenario(id: string): Scenario | undefined;
  /** The class's hub as a URL (the account's homePage), e.g. "http://192.168.1.10:47800". */
  homePage: string;
}

export interface ClassResult {
  learner: string;
  learnerId: string;
  assignment: string;
  /** ISO 8601: when the hub took the result. */
  receivedAt?: string;
  /** What in the result disagrees with the hub's own record (empty: nothing). */
  flags: string[];
  /** The result.json as the learner's app exported it (signed, or saying why not). */
  result: Record<string, unknown>;
}

type Payload = {
  scenario?: { id?: string; title?: string };
  status?: string;
  score?: { total?: number; max?: number; passed?: boolean };
  activeMs?: number;
  labMs?: number;
  seed?: number;
};

function parse(text: string): Payload | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Payload) : undefined;
  } catch {
    return undefined;
  }
}

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

/** The handed-in results, each as the learner's result.json with the hub's flags. */
export function classResults(record: ClassRecord): ClassResult[] {
  return record.learners.flatMap((l) =>
    l.results.map((r) => {
      const payload = parse(r.result.payload) ?? {};
      const receivedAt = iso(r.at);
      return {
        learner: l.name,
        learnerId: l.id,
        assignment: r.assignment,
        ...(receivedAt ? { receivedAt } : {}),
        flags: r.flags,
        result: {
          ...payload,
          ...(r.result.signature
            ? { signature: { alg: 'Ed25519', publicKey: r.result.publicKey, value: r.result.signature } }
            : { unsigned: r.result.unsigned ?? 'not signed' }),
        },
      };
    }),
  );
}

/** Milliseconds as an ISO 8601 duration ("PT1H2M3.5S"). */
export function isoDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms)) / 1000;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total - h * 3600) / 60);
  const s = Math.round((total - h * 3600 - m * 60) * 1000) / 1000;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${s}S` : ''}`;
}

const VERBS = {
  completed: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
  failed: { id: 'http://adlnet.gov/expapi/verbs/failed', display: { 'en-US': 'failed' } },
  attempted: { id: 'http://adlnet.gov/expapi/verbs/attempted', display: { 'en-US': 'attempted' } },
};

/** The URN of a scenario at a content version: the xAPI activity id. */
export function scenarioUrn(id: string, version: string): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, '-');
  return `urn:hybridlab:scenario:${safe(id)}:${safe(version)}`;
}

const EXT = 'urn:hybridlab:xapi:';

/** The class's results (and runs started without one) as xAPI statements. */
export function classXapi(record: ClassRecord, deps: ExportDeps): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const l of record.learners) {
    const actor = { objectType: 'Agent', name: l.name, account: { homePage: deps.homePage, name: l.id } };
    for (const c of l.commands) {
      if (c.type !== 'assign') continue;
      const scenarioId = record.assignments.find((a) => a.id === c.assignment)?.scenarioId ?? '';
      const s = deps.scenario(scenarioId);
      const object = {
        objectType: 'Activity',
        id: scenarioUrn(scenarioId, s ? scenarioVersion(s) : 'unknown'),
        definition: {
          name: { 'en-US': s?.title ?? scenarioId },
          type: 'http://adlnet.gov/expapi/activities/simulation',
        },
      };
      const results = l.results.filter((r) => r.assignment === c.assignment);
      const p = l.progress?.assignment === c.assignment ? l.progress : undefined;
      for (const r of results) {
        const payload = parse(r.result.payload) ?? {};
        const total = payload.score?.total ?? 0;
        const max = payload.score?.max ?? 0;
        const completed = payload.status === 'completed';
        const timestamp = iso(r.at);
        out.push({
          actor,
          verb: completed ? VERBS.completed : VERBS.failed,
          object,
          result: {
            score: {
              scaled: max > 0 ? Math.max(-1, Math.min(1, total / max)) : 0,
              raw: total,
              min: 0,
              max,
            },
            success: completed && payload.score?.passed !== false,
            completion: completed,
            duration: isoDuration(payload.activeMs ?? 0),
          },
          context: {
            extensions: {
              [`${EXT}assignment`]: c.assignment,
              [`${EXT}seed`]: c.seed,
              [`${EXT}status`]: payload.status ?? '',
              [`${EXT}signed`]: Boolean(r.result.signature),
              [`${EXT}flags`]: r.flags,
            },
          },
          ...(timestamp ? { timestamp } : {}),
        });
      }
      if (results.length === 0 && p && p.status !== 'idle') {
        const timestamp = iso(l.lastActivity);
        out.push({
          actor,
          verb: VERBS.attempted,
          object,
          result: {
            score: {
              scaled: p.scoreMax > 0 ? Math.max(-1, Math.min(1, p.score / p.scoreMax)) : 0,
              raw: p.score,
              min: 0,
              max: p.scoreMax,
            },
            completion: false,
            duration: isoDuration(p.activeMs),
          },
          context: {
            extensions: {
              [`${EXT}assignment`]: c.assignment,
              [`${EXT}seed`]: c.seed,
              [`${EXT}status`]: p.status,
            },
          },
          ...(timestamp ? { timestamp } : {}),
        });
      }
    }
  }
  return out;
}
