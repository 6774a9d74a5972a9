/**
 * The classroom protocol: every message between a learner, the hub and the instructor, as zod
 * schemas. One module, imported by both ends (the hub in a host process, the learner's link, the
 * load script), so they cannot drift apart. A message is one JSON text of at most MAX_MESSAGE_BYTES;
 * anything larger, unparsable, of an unknown kind or not allowed for the sender's role is refused
 * with a reason (the hub logs and counts it; a learner that sends an instructor command is closed).
 *
 * Reliability: what a learner sends to the hub carries `seq` (1, 2, 3, … per learner); the learner
 * keeps it in its outbox until the hub's `ack` covers it, and the hub applies each seq once. What
 * the hub sends a learner carries `cseq` the same way; a learner's `hello` says which it has.
 */
import { z } from 'zod';

export const PROTOCOL_VERSION = 1;
/** The largest message either side accepts, in bytes of UTF-8. */
export const MAX_MESSAGE_BYTES = 64 * 1024;

const name = z.string().trim().min(1).max(60);
const code = z.string().regex(/^[A-Z0-9]{6}$/, 'expected the 6-character class code');
const learnerId = z.string().regex(/^[a-z0-9]{8,32}$/);
const token = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);
const seq = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const ms = z.number().finite().min(0);
const faultId = z.string().regex(/^L\d{1,3}$/);
const faultParams = z
  .object({ user: z.string().max(64), pc: z.string().max(64) })
  .partial()
  .strict();

/** What a learner's lab reports of itself: the dashboard's row, and the hub's record of the run. */
export const progressSchema = z
  .object({
    assignment: z.string().max(64).optional(),
    scenarioId: z.string().max(64).optional(),
    status: z.enum(['idle', 'running', 'completed', 'time-up', 'gave-up']),
    /** Objectives met, with the lab time each was first met. */
    objectives: z.array(z.object({ id: z.string().max(64), metAt: ms }).strict()).max(100),
    objectivesTotal: count,
    score: z.number().int().min(-10_000).max(10_000),
    scoreMax: count,
    hints: z.array(z.string().max(64)).max(100),
    activeMs: ms,
    labMs: ms,
    /** Journal entries in the learner's part of the run. */
    entries: count,
    /** The lab's state hash (to compare the hub's record with the learner's own). */
    stateHash: z.string().max(64),
    /** Instructor commands applied so far (cseq). */
    applied: count,
    /** The faults in the learner's lab and whether each still holds: the instructor's view only. */
    faults: z.array(z.object({ id: faultId, holds: z.boolean() }).strict()).max(40),
    /** Recent timeline lines, for the instructor's detail view. */
    timeline: z.array(z.object({ at: ms, text: z.string().max(300) }).strict()).max(20),
  })
  .strict();

/**
 * A handed-in result (the scenario issue's result.json): `payload` is the exact text that was signed
 * (the payload's canonical JSON), `signature` and `publicKey` are Ed25519 in base64 (the hub checks
 * them); a result exported where no key could be kept has both empty and says why in `unsigned`.
 */
export const signedResultSchema = z
  .object({
    payload: z
      .string()
      .min(2)
      .max(56 * 1024),
    signature: z.string().max(512),
    publicKey: z.string().max(512),
    unsigned: z.string().max(300).optional(),
  })
  .strict();

// ---- learner → hub ----
const learnerHello = z
  .object({
    kind: z.literal('hello'),
    v: z.literal(PROTOCOL_VERSION),
    role: z.literal('learner'),
    code,
    name,
    /** Present when rejoining: the id and token the hub gave at the first join. */
    learnerId: learnerId.optional(),
    token: token.optional(),
    /** Hub commands (cseq) this learner has applied. */
    applied: count,
  })
  .strict();
const progressMsg = z.object({ kind: z.literal('progress'), seq, progress: progressSchema }).strict();
const resultMsg = z
  .object({ kind: z.literal('result'), seq, assignment: z.string().max(64), result: signedResultSchema })
  .strict();
const hintRequest = z
  .object({ kind: z.literal('hint.request'), seq, assignment: z.string().max(64), hint: z.string().max(64) })
  .strict();
const learnerAck = z.object({ kind: z.literal('ack'), cseq: seq }).strict();

export const learnerMessageSchema = z.discriminatedUnion('kind', [
  learnerHello,
  progressMsg,
  resultMsg,
  hintRequest,
  learnerAck,
]);
export type LearnerMessage = z.infer<typeof learnerMessageSchema>;
export type Progress = z.infer<typeof progressSchema>;
export type SignedResult = z.infer<typeof signedResultSchema>;

// ---- instructor → hub ----
// The fault, clock and end-of-class commands an instructor's action and the hub's command to a
// learner share (the hub passes them on unchanged; only the delay's bound differs).
const faultInject = z
  .object({ type: z.literal('fault.inject'), fault: faultId, params: faultParams.optional() })
  .strict();
/** A fault to go in `afterMs` of lab time from the learner's now (the instructor's is bounded). */
const faultSchedule = (afterMs: z.ZodNumber) =>
  z
    .object({ type: z.literal('fault.schedule'), fault: faultId, params: faultParams.optional(), afterMs })
    .strict();
const faultClear = z.object({ type: z.literal('fault.clear'), fault: faultId }).strict();
const clockPause = z.object({ type: z.literal('clock.pause') }).strict();
const clockResume = z.object({ type: z.literal('clock.resume') }).strict();
const classEnd = z.object({ type: z.literal('class.end') }).strict();

/** What an instructor does to learners. Each becomes a hub command to every learner targeted. */
export const instructorActionSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('assign'),
      scenarioId: z.string().max(64),
      /** Each learner's seed is derived from this and their place in the roster: neighbours differ. */
      seedBase: z.number().int().min(0).max(1_000_000).optional(),
    })
    .strict(),
  faultInject,
  faultSchedule(ms.max(30 * 24 * 3600_000)),
  faultClear,
  clockPause,
  clockResume,
  z.object({ type: z.literal('message'), text: z.string().trim().min(1).max(500) }).strict(),
  classEnd,
]);
export type InstructorAction = z.infer<typeof instructorActionSchema>;

const instructorHello = z
  .object({
    kind: z.literal('hello'),
    v: z.literal(PROTOCOL_VERSION),
    role: z.literal('instructor'),
    secret: z.string().min(16).max(128),
  })
  .strict();
const actionMsg = z
  .object({
    kind: z.literal('action'),
    targets: z.union([z.literal('all'), z.array(learnerId).min(1).max(500)]),
    action: instructorActionSchema,
  })
  .strict();
const detailRequest = z.object({ kind: z.literal('detail'), learnerId }).strict();

export const instructorMessageSchema = z.discriminatedUnion('kind', [
  instructorHello,
  actionMsg,
  detailRequest,
]);
export type InstructorMessage = z.infer<typeof instructorMessageSchema>;

// ---- hub → learner ----
/** A command the hub sends a learner; it reaches the lab as a journalled instructor command. */
export const hubCommandSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('assign'),
      assignment: z.string().max(64),
      seed: z.number().int().min(0),
      /** The scenario without its summary, solution or hint texts (those come later, from the hub). */
      scenario: z.record(z.string(), z.unknown()),
    })
    .strict(),
  faultInject,
  faultSchedule(ms),
  faultClear,
  clockPause,
  clockResume,
  z.object({ type: z.literal('message'), text: z.string().max(500) }).strict(),
  classEnd,
  z
    .object({
      type: z.literal('hint'),
      assignment: z.string().max(64),
      id: z.string().max(64),
      text: z.string().max(2000),
    })
    .strict(),
  /** After the run ends: what the scenario was about and how it is solved. */
  z
    .object({
      type: z.literal('reveal'),
      assignment: z.string().max(64),
      summary: z.string().max(4000),
      solution: z.array(z.string().max(500)).max(200),
    })
    .strict(),
]);
export type HubCommand = z.infer<typeof hubCommandSchema>;

export const hubToLearnerSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('welcome'),
      learnerId,
      token,
      /** The last seq of this learner's the hub has applied: the outbox drops up to it and resends the rest. */
      acked: count,
    })
    .strict(),
  z.object({ kind: z.literal('ack'), seq: count }).strict(),
  z.object({ kind: z.literal('command'), cseq: seq, command: hubCommandSchema }).strict(),
  z.object({ kind: z.literal('refused'), reason: z.string().max(300) }).strict(),
]);
export type HubToLearner = z.infer<typeof hubToLearnerSchema>;

// ---- hub → instructor ----
export const rowSchema = z
  .object({
    learnerId,
    name,
    connected: z.boolean(),
    progress: progressSchema.optional(),
    lastActivity: ms.optional(),
    /** A handed-in result that disagrees with the hub's own record: the difference, in words. */
    flags: z.array(z.string().max(300)).max(20),
    results: count,
  })
  .strict();
export type DashboardRow = z.infer<typeof rowSchema>;

export const hubToInstructorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('welcome'), code, address: z.string().max(100) }).strict(),
  z.object({ kind: z.literal('roster'), rows: z.array(rowSchema).max(500) }).strict(),
  z.object({ kind: z.literal('row'), row: rowSchema }).strict(),
  z.object({ kind: z.literal('refused'), reason: z.string().max(300) }).strict(),
]);
export type HubToInstructor = z.infer<typeof hubToInstructorSchema>;

// ---- checking a message ----
/** Who sent it: a connection that has not said hello yet, a learner, or the instructor. */
export type Sender = 'anonymous' | 'learner' | 'instructor';

export type Refusal = 'oversized' | 'malformed' | 'wrong-role' | 'unknown-kind';

export type Checked<M> = { ok: true; message: M } | { ok: false; refusal: Refusal; reason: string };

const LEARNER_KINDS = new Set(['hello', 'progress', 'result', 'hint.request', 'ack']);
const INSTRUCTOR_KINDS = new Set(['hello', 'action', 'detail']);

/** Bytes of a string in UTF-8, without allocating. */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function issues(e: z.ZodError): string {
  const first = e.issues[0];
  if (!first) return 'invalid';
  return `${first.path.length ? first.path.join('.') : '(message)'}: ${first.message}`;
}

function parseJson(raw: string): Checked<Record<string, unknown>> {
  if (utf8Bytes(raw) > MAX_MESSAGE_BYTES)
    return { ok: false, refusal: 'oversized', reason: `message over ${MAX_MESSAGE_BYTES} bytes` };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, refusal: 'malformed', reason: 'not JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, refusal: 'malformed', reason: 'not a JSON object' };
  return { ok: true, message: value as Record<string, unknown> };
}

/**
 * Checks a message the hub received from `sender`. A kind only the other role may send is
 * `wrong-role` (a learner sending an instructor's action is closed for it); before hello, only hello.
 */
export function checkAtHub(
  raw: string,
  sender: Sender,
): Checked<{ from: 'learner'; m: LearnerMessage } | { from: 'instructor'; m: InstructorMessage }> {
  const json = parseJson(raw);
  if (!json.ok) return json;
  const kind = json.message.kind;
  if (typeof kind !== 'string' || (!LEARNER_KINDS.has(kind) && !INSTRUCTOR_KINDS.has(kind)))
    return { ok: false, refusal: 'unknown-kind', reason: `unknown kind ${JSON.stringify(kind)}` };
  if (sender === 'anonymous' && kind !== 'hello')
    return { ok: false, refusal: 'wrong-role', reason: `${kind} before hello` };
  if (sender !== 'anonymous' && kind === 'hello')
    return { ok: false, refusal: 'wrong-role', reason: 'hello twice' };
  const role = sender === 'anonymous' ? json.message.role : sender;
  if (role === 'learner') {
    if (!LEARNER_KINDS.has(kind))
      return { ok: false, refusal: 'wrong-role', reason: `a learner may not send ${kind}` };
    const r = learnerMessageSchema.safeParse(json.message);
    return r.success
      ? { ok: true, message: { from: 'learner', m: r.data } }
      : { ok: false, refusal: 'malformed', reason: `${kind}: ${issues(r.error)}` };
  }
  if (role === 'instructor') {
    if (!INSTRUCTOR_KINDS.has(kind))
      return { ok: false, refusal: 'wrong-role', reason: `the instructor may not send ${kind}` };
    const r = instructorMessageSchema.safeParse(json.message);
    return r.success
      ? { ok: true, message: { from: 'instructor', m: r.data } }
      : { ok: false, refusal: 'malformed', reason: `${kind}: ${issues(r.error)}` };
  }
  return { ok: false, refusal: 'malformed', reason: 'hello.role: expected learner or instructor' };
}

/** Checks a message a learner received from the hub. */
export function checkAtLearner(raw: string): Checked<HubToLearner> {
  const json = parseJson(raw);
  if (!json.ok) return json;
  const r = hubToLearnerSchema.safeParse(json.message);
  return r.success
    ? { ok: true, message: r.data }
    : { ok: false, refusal: 'malformed', reason: issues(r.error) };
}

/** Checks a message the instructor's console received from the hub. */
export function checkAtInstructor(raw: string): Checked<HubToInstructor> {
  const json = parseJson(raw);
  if (!json.ok) return json;
  const r = hubToInstructorSchema.safeParse(json.message);
  return r.success
    ? { ok: true, message: r.data }
    : { ok: false, refusal: 'malformed', reason: issues(r.error) };
}
