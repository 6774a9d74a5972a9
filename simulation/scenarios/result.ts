/**
 * The result a learner hands in: the scenario (id, content version), the seed, the learner's name,
 * the objectives with the lab time each was met, the score, active and lab time, and the learner's
 * journal, signed with Ed25519 by the installation that produced it (the public key travels inside).
 *
 * `verifyResult` checks two things, and says which one fails:
 * - the signature: the file was not edited after export (by whoever holds no private key);
 * - the replay: the journal, played on the scenario and seed, earns exactly the claimed outcome.
 * A result exported where no key could be kept (a browser without WebCrypto Ed25519) carries
 * `unsigned` (why) instead of a signature: verify rejects it unless asked to check the replay only
 * (`allowUnsigned`), and then says that nothing proves the name or any other field was not edited.
 * Neither proves who sat at the keyboard, nor that the installation's key was not used to sign a
 * made-up journal: a replay-valid journal always earns its score, whoever typed it.
 *
 * Pure: the signing and the signature check are injected (Node's crypto in the main process and the
 * command line, WebCrypto in a browser), and the text signed is the canonical JSON of the payload.
 */
import { stableStringify } from '../core/hash';
import type { JournalEntry } from '../facade/lab';
import type { WallStamp } from './activeTime';
import { ScenarioRun, type RunStatus, type ScenarioSession } from './engine';
import { scenarioVersion } from './openSession';
import type { ScoreBreakdown } from './scoring';
import type { Scenario } from './schema';

export const RESULT_FORMAT = 'hybridlab-result';

export interface ResultPayload {
  format: typeof RESULT_FORMAT;
  version: 1;
  scenario: { id: string; version: string; title: string };
  seed: number;
  learnerName: string;
  status: RunStatus;
  objectives: {
    id: string;
    title: string;
    required: boolean;
    points: number;
    met: boolean;
    metAt?: number;
  }[];
  score: ScoreBreakdown;
  /** Active wall-clock time (idle gaps over 5 minutes left out) and lab time, in ms. */
  activeMs: number;
  labMs: number;
  startedAt: number;
  endedAt?: number;
  /** The learner's journal, hints, end and wall-clock stamps: what the replay re-plays. */
  session: {
    journal: JournalEntry[];
    hints: { id: string; at: number }[];
    gaveUpAt?: number;
    wall?: WallStamp[];
  };
}

export interface ResultSignature {
  alg: 'Ed25519';
  /** The raw 32-byte public key, base64. */
  publicKey: string;
  /** The signature over `signedText(payload)`, base64. */
  value: string;
}

export type SignedResult = ResultPayload & { signature: ResultSignature };

/** A result that could not be signed where it was exported, saying why. */
export type UnsignedResult = ResultPayload & { unsigned: string };

export type ExportedResult = SignedResult | UnsignedResult;

export const isSigned = (r: ExportedResult): r is SignedResult => 'signature' in r;

/** The result of a run for export without a signature (`why`: what could not sign it). */
export function unsignedResult(payload: ResultPayload, why: string): UnsignedResult {
  return { ...payload, unsigned: why };
}

/** Signs a text with the installation's private key (Ed25519, base64 signature). */
export interface ResultSigner {
  publicKey: string;
  sign(text: string): Promise<string> | string;
}

/** Checks an Ed25519 signature (base64) of a text with a raw public key (base64). */
export type SignatureCheck = (
  publicKey: string,
  text: string,
  signature: string,
) => Promise<boolean> | boolean;

/** The exact text that is signed: the payload's canonical JSON (sorted keys, no signature). */
export function signedText(payload: ResultPayload): string {
  return stableStringify(payload);
}

/** The payload of an ended run (a run still going is not a result). */
export function buildResult(run: ScenarioRun): ResultPayload {
  if (run.getStatus() === 'running') throw new Error('buildResult: the run has not ended');
  const s = run.session();
  const endedAt = run.endedAtTime();
  return {
    format: RESULT_FORMAT,
    version: 1,
    scenario: { id: run.scenario.id, version: scenarioVersion(run.scenario), title: run.scenario.title },
    seed: run.seed,
    learnerName: run.learnerName ?? '',
    status: run.getStatus(),
    objectives: run.objectives().map((o) => ({
      id: o.id,
      title: o.title,
      required: o.required,
      points: o.points,
      met: o.met,
      ...(o.metAt !== undefined ? { metAt: o.metAt } : {}),
    })),
    score: run.score(),
    activeMs: run.activeTime(),
    labMs: run.labTime(),
    startedAt: run.startedAt,
    ...(endedAt !== undefined ? { endedAt } : {}),
    session: {
      journal: s.journal,
      hints: s.hints,
      ...(s.gaveUpAt !== undefined ? { gaveUpAt: s.gaveUpAt } : {}),
      ...(s.wall ? { wall: s.wall } : {}),
    },
  };
}

export async function signResult(payload: ResultPayload, signer: ResultSigner): Promise<SignedResult> {
  const value = await signer.sign(signedText(payload));
  return { ...payload, signature: { alg: 'Ed25519', publicKey: signer.publicKey, value } };
}

export type VerifyOutcome =
  | {
      ok: true;
      result: ExportedResult;
      /** False only for an unsigned result accepted with `allowUnsigned` (the replay alone was checked). */
      signed: boolean;
      replayed: { score: number; status: RunStatus };
    }
  | { ok: false; mismatches: string[] };

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a result file's JSON, naming the first field that is missing or of the wrong kind. */
export function parseResult(
  text: string,
): { ok: true; result: ExportedResult } | { ok: false; error: string } {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `not JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  if (!isObj(v) || v.format !== RESULT_FORMAT)
    return { ok: false, error: `format: expected "${RESULT_FORMAT}"` };
  if (v.version !== 1) return { ok: false, error: 'version: expected 1' };
  const sc = v.scenario;
  if (!isObj(sc) || typeof sc.id !== 'string' || typeof sc.version !== 'string')
    return { ok: false, error: 'scenario: expected { id, version, title }' };
  if (typeof v.seed !== 'number' || !Number.isInteger(v.seed))
    return { ok: false, error: 'seed: expected a whole number' };
  if (typeof v.learnerName !== 'string') return { ok: false, error: 'learnerName: expected a text' };
  if (!isObj(v.score) || typeof v.score.total !== 'number')
    return { ok: false, error: 'score.total: expected a number' };
  if (!Array.isArray(v.objectives)) return { ok: false, error: 'objectives: expected a list' };
  const s = v.session;
  if (!isObj(s) || !Array.isArray(s.journal) || !Array.isArray(s.hints))
    return { ok: false, error: 'session: expected { journal, hints }' };
  for (const [i, e] of (s.journal as unknown[]).entries())
    if (!isObj(e) || typeof e.at !== 'number' || !isObj(e.command))
      return { ok: false, error: `session.journal[${i}]: expected { at, command }` };
  const sig = v.signature;
  if (sig === undefined && typeof v.unsigned === 'string')
    return { ok: true, result: v as unknown as UnsignedResult };
  if (
    !isObj(sig) ||
    sig.alg !== 'Ed25519' ||
    typeof sig.publicKey !== 'string' ||
    typeof sig.value !== 'string'
  )
    return { ok: false, error: 'signature: expected { alg: "Ed25519", publicKey, value }' };
  return { ok: true, result: v as unknown as SignedResult };
}

/**
 * Checks a result file: its signature, then a replay of its journal on the scenario and seed.
 * Every mismatch is named (the signature, the scenario version, the score, the status, each
 * objective, a journal entry that does not replay).
 */
export async function verifyResult(
  text: string,
  findScenario: (id: string) => Scenario | undefined,
  check: SignatureCheck,
  options: { allowUnsigned?: boolean } = {},
): Promise<VerifyOutcome> {
  const parsed = parseResult(text);
  if (!parsed.ok) return { ok: false, mismatches: [`the file is not a result: ${parsed.error}`] };
  const result = parsed.result;
  const mismatches: string[] = [];
  const signed = isSigned(result);
  if (isSigned(result)) {
    const { signature, ...payload } = result;
    let valid: boolean;
    try {
      valid = await check(signature.publicKey, signedText(payload), signature.value);
    } catch {
      valid = false;
    }
    if (!valid)
      mismatches.push(
        'signature: does not match the content (the file was changed after it was signed: score, name, journal or any other field)',
      );
  } else if (!options.allowUnsigned)
    mismatches.push(
      `signature: none (the result was exported unsigned: ${result.unsigned}); nothing proves it was not edited. Use --allow-unsigned to check the replay alone`,
    );
  const scenario = findScenario(result.scenario.id);
  if (!scenario)
    return { ok: false, mismatches: [...mismatches, `scenario: "${result.scenario.id}" is not in the pack`] };
  if (scenarioVersion(scenario) !== result.scenario.version)
    mismatches.push(
      `scenario.version: the result was made with version ${result.scenario.version}, the pack has ${scenarioVersion(scenario)}`,
    );
  const session: ScenarioSession = {
    scenarioId: scenario.id,
    seed: result.seed,
    journal: result.session.journal,
    hints: result.session.hints,
    ...(result.session.gaveUpAt !== undefined ? { gaveUpAt: result.session.gaveUpAt } : {}),
    ...(result.session.wall ? { wall: result.session.wall } : {}),
    learnerName: result.learnerName,
  };
  let run: ScenarioRun;
  try {
    run = ScenarioRun.replay(scenario, session);
  } catch (e) {
    return {
      ok: false,
      mismatches: [
        ...mismatches,
        `journal: does not replay on the scenario and seed (${e instanceof Error ? e.message : String(e)})`,
      ],
    };
  }
  const replayedScore = run.score();
  if (replayedScore.total !== result.score.total)
    mismatches.push(`score: claims ${result.score.total}, the journal replays to ${replayedScore.total}`);
  if (run.getStatus() !== result.status)
    mismatches.push(`status: claims "${result.status}", the journal replays to "${run.getStatus()}"`);
  const objectives = run.objectives();
  for (const o of result.objectives) {
    const r = objectives.find((x) => x.id === o.id);
    if (!r) mismatches.push(`objectives: "${o.id}" is not an objective of the scenario`);
    else if (r.met !== o.met || r.metAt !== o.metAt)
      mismatches.push(
        `objectives.${o.id}: claims ${o.met ? 'met' : 'not met'}, the replay says ${r.met ? 'met' : 'not met'}`,
      );
  }
  if (Math.abs(run.labTime() - result.labMs) > 0)
    mismatches.push(`labMs: claims ${result.labMs}, the replay took ${run.labTime()}`);
  if (run.activeTime() !== result.activeMs)
    mismatches.push(
      `activeMs: claims ${result.activeMs}, the wall-clock stamps add up to ${run.activeTime()}`,
    );
  run.lab.stop();
  return mismatches.length
    ? { ok: false, mismatches }
    : { ok: true, result, signed, replayed: { score: replayedScore.total, status: run.getStatus() } };
}
