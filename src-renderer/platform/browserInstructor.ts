/**
 * Instructor mode in browser mode: the passphrase as a salted scrypt hash (@noble/hashes, the same
 * parameters as the desktop's Node crypto) in the browser's storage; wrong guesses slowed down with
 * the same back-off as on the desktop. `?instructor` in the address opens the unlock dialog at start
 * (`npm start -- --instructor` prints that address).
 *
 * The hashing library and the back-off rules are fetched when a passphrase is set or tried, not with
 * the first screen (they are in the engine's chunk: `npm run bench:ui`).
 */
import type { AttemptState } from '../../simulation';
import type { InstructorAuth, InstructorStatus, Result } from './Platform';

export const PASSPHRASE_KEY = 'hybridlab.instructor';
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, dkLen: 32 } as const;
const MIN_PASSPHRASE = 8;

interface PassphraseRecord {
  v: 1;
  algo: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  hash: string;
}

const encoder = new TextEncoder();

const noble = () => Promise.all([import('@noble/hashes/scrypt'), import('@noble/hashes/utils')]);

async function derive(
  pass: string,
  salt: Uint8Array,
  rec: { N: number; r: number; p: number },
  dkLen: number,
) {
  const [{ scryptAsync }] = await noble();
  return scryptAsync(encoder.encode(pass.normalize('NFC')), salt, { N: rec.N, r: rec.r, p: rec.p, dkLen });
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

export class BrowserInstructorAuth implements InstructorAuth {
  /** Failed unlocks so far (none until the first try). */
  private attempts: AttemptState | undefined;
  private unlocked = false;

  constructor(
    private readonly storage: Storage,
    private readonly askAtStart: boolean,
    private readonly now: () => number = () => Date.now(),
  ) {}

  private record(): PassphraseRecord | undefined {
    const text = this.storage.getItem(PASSPHRASE_KEY);
    if (!text) return undefined;
    const rec = JSON.parse(text) as PassphraseRecord;
    if (rec.v !== 1 || rec.algo !== 'scrypt' || typeof rec.salt !== 'string' || typeof rec.hash !== 'string')
      throw new Error(`browser storage ${PASSPHRASE_KEY}: not a passphrase record`);
    return rec;
  }

  async status(): Promise<Result<InstructorStatus>> {
    try {
      return {
        ok: true,
        value: { passphraseSet: !!this.record(), unlocked: this.unlocked, askAtStart: this.askAtStart },
      };
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  }

  async setPassphrase(pass: string): Promise<Result<null>> {
    if (this.record())
      return { ok: false, error: 'An instructor passphrase is already set: unlock with it.' };
    if (pass.length < MIN_PASSPHRASE)
      return { ok: false, error: `The passphrase needs at least ${MIN_PASSPHRASE} characters.` };
    const [, { bytesToHex, randomBytes }] = await noble();
    const salt = randomBytes(16);
    const hash = await derive(pass, salt, SCRYPT, SCRYPT.dkLen);
    const rec: PassphraseRecord = {
      v: 1,
      algo: 'scrypt',
      N: SCRYPT.N,
      r: SCRYPT.r,
      p: SCRYPT.p,
      salt: bytesToHex(salt),
      hash: bytesToHex(hash),
    };
    this.storage.setItem(PASSPHRASE_KEY, JSON.stringify(rec));
    this.unlocked = true;
    return { ok: true, value: null };
  }

  async unlock(pass: string): Promise<Result<null>> {
    const { afterAttempt, NO_ATTEMPTS, waitBefore, waitMessage } = await import('../../simulation');
    const [, { hexToBytes }] = await noble();
    const attempts = this.attempts ?? NO_ATTEMPTS;
    const wait = waitBefore(attempts, this.now());
    if (wait > 0) return { ok: false, error: waitMessage(wait) };
    const rec = this.record();
    if (!rec) return { ok: false, error: 'No instructor passphrase is set yet.' };
    const want = hexToBytes(rec.hash);
    const right = sameBytes(await derive(pass, hexToBytes(rec.salt), rec, want.length), want);
    this.attempts = afterAttempt(this.attempts ?? NO_ATTEMPTS, right, this.now());
    if (!right) {
      const next = waitBefore(this.attempts, this.now());
      return { ok: false, error: next > 0 ? `Wrong passphrase. ${waitMessage(next)}` : 'Wrong passphrase.' };
    }
    this.unlocked = true;
    return { ok: true, value: null };
  }

  async lock(): Promise<Result<null>> {
    this.unlocked = false;
    return { ok: true, value: null };
  }
}
