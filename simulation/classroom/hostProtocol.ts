/**
 * The host protocol: what the app's page says to its own host process about the classroom, and
 * what the host says back. The host is the Electron main process (over the bridge) or, in browser
 * mode, the Node server of `npm start` (over a same-origin WebSocket at /classroom). The page never
 * talks to the hub itself: the hub link lives in the host, so the page's content security policy
 * stays 'self'. Both ends check every message with these schemas.
 *
 * Instructor messages (class.*) are only served by a host whose instructor mode is unlocked (in
 * Electron the main process knows it; in browser mode the server only answers its own origin).
 */
import { z } from 'zod';
import {
  hubCommandSchema,
  instructorActionSchema,
  MAX_MESSAGE_BYTES,
  progressSchema,
  rowSchema,
  signedResultSchema,
  utf8Bytes,
} from './protocol';

/**
 * The page that owns the learner's link: a random key the page keeps in its storage. Link events go
 * only to pages that present it (another tab, or an instructor's page on the same host, gets none).
 */
const owner = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);
const learnerIdList = z
  .array(z.string().regex(/^[a-z0-9]{8,32}$/))
  .min(1)
  .max(500);

export const pageToHostSchema = z.discriminatedUnion('kind', [
  /** The instructor's page: the class now running on this host (if any), and the LAN addresses. */
  z.object({ kind: z.literal('class.status') }).strict(),
  z
    .object({
      kind: z.literal('class.start'),
      host: z.string().min(1).max(100),
      port: z.number().int().min(0).max(65535),
    })
    .strict(),
  z
    .object({
      kind: z.literal('class.act'),
      targets: z.union([z.literal('all'), learnerIdList]),
      action: instructorActionSchema,
    })
    .strict(),
  /** The class export: CSV (default), the handed-in results as JSON, or xAPI statements. */
  z.object({ kind: z.literal('class.export'), format: z.enum(['csv', 'json', 'xapi']).optional() }).strict(),
  /** Stops the hub; the class file is kept under another name (it is not resumed again). */
  z.object({ kind: z.literal('class.close') }).strict(),
  /** The learner's page: join a class (the host keeps the link and reconnects it). */
  z
    .object({
      kind: z.literal('link.join'),
      owner,
      address: z.string().min(1).max(200),
      code: z.string().regex(/^[A-Z0-9]{6}$/, 'The class code is 6 letters and digits.'),
      name: z.string().trim().min(1).max(60),
    })
    .strict(),
  z.object({ kind: z.literal('link.status'), owner }).strict(),
  z.object({ kind: z.literal('link.progress'), owner, progress: progressSchema }).strict(),
  z
    .object({
      kind: z.literal('link.hint'),
      owner,
      assignment: z.string().max(64),
      hint: z.string().max(64),
    })
    .strict(),
  z
    .object({
      kind: z.literal('link.result'),
      owner,
      assignment: z.string().max(64),
      result: signedResultSchema,
    })
    .strict(),
  z.object({ kind: z.literal('link.leave'), owner }).strict(),
]);
export type PageToHost = z.infer<typeof pageToHostSchema>;

export const classInfoSchema = z
  .object({
    code: z.string(),
    /** Where learners point their app: host:port. */
    address: z.string().max(100),
    resumed: z.boolean(),
    ended: z.boolean(),
    scenarios: z.array(z.object({ id: z.string(), title: z.string() }).strict()).max(500),
  })
  .strict();
export type ClassInfo = z.infer<typeof classInfoSchema>;

export const linkStateSchema = z.enum(['none', 'connecting', 'connected', 'waiting', 'refused', 'closed']);
export type LinkStateName = z.infer<typeof linkStateSchema>;

export const hostToPageSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('class.status'),
      running: classInfoSchema.optional(),
      /** This machine's LAN addresses (IPv4 first), the first being the default. */
      interfaces: z.array(z.string().max(100)).max(50),
      /** A class file from before a restart, resumed when the next class starts. */
      resumable: z.boolean(),
    })
    .strict(),
  z.object({ kind: z.literal('class.roster'), rows: z.array(rowSchema).max(500) }).strict(),
  z.object({ kind: z.literal('class.row'), row: rowSchema }).strict(),
  z.object({ kind: z.literal('class.file'), name: z.string().max(200), text: z.string() }).strict(),
  z
    .object({
      kind: z.literal('link.state'),
      state: linkStateSchema,
      detail: z.string().max(300).optional(),
      name: z.string().max(60).optional(),
      address: z.string().max(200).optional(),
    })
    .strict(),
  z
    .object({ kind: z.literal('link.command'), cseq: z.number().int().min(1), command: hubCommandSchema })
    .strict(),
  z.object({ kind: z.literal('error'), text: z.string().max(500) }).strict(),
]);
export type HostToPage = z.infer<typeof hostToPageSchema>;

/** The host's answer to a page's message: a message for the page, or nothing. */
export type HostReply = HostToPage | undefined;

function check<T>(
  schema: z.ZodType<T>,
  raw: string,
): { ok: true; message: T } | { ok: false; reason: string } {
  if (utf8Bytes(raw) > MAX_MESSAGE_BYTES * 4) return { ok: false, reason: 'message too large' };
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const r = schema.safeParse(v);
  if (r.success) return { ok: true, message: r.data };
  const first = r.error.issues[0];
  return {
    ok: false,
    reason: first ? `${first.path.join('.') || '(message)'}: ${first.message}` : 'invalid',
  };
}

export const checkAtHost = (raw: string) => check(pageToHostSchema, raw);
export const checkAtPage = (raw: string) => check(hostToPageSchema, raw);
