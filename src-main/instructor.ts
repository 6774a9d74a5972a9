/**
 * Instructor mode on the desktop: the passphrase is kept as a salted scrypt hash in the app's data
 * folder (instructor.json), never as text; wrong guesses are slowed down here, in the main process,
 * where the page cannot reset the count; and unlocking is what turns developer tools on in a
 * packaged build (they show the lab's truth), locking turns them off again.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAttempt, NO_ATTEMPTS, waitBefore, waitMessage, type AttemptState } from '../simulation';
import type { InstructorStatus, Result } from './bridge';
import { replaceFile } from './store/durable';

/** What is stored: the scrypt parameters with the salt and the hash (hex). */
export interface PassphraseRecord {
  v: 1;
  algo: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  hash: string;
}

export const SCRYPT = { N: 2 ** 15, r: 8, p: 1, keyLen: 32 } as const;
/** A passphrase shorter than this is refused when it is set. */
export const MIN_PASSPHRASE = 8;

function scrypt(pass: string, salt: Buffer, len: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(pass.normalize('NFC'), salt, len, { ...opts, maxmem: 256 * 1024 * 1024 }, (e, key) =>
      e ? reject(e) : resolve(key),
    ),
  );
}

export async function hashPassphrase(pass: string, salt = randomBytes(16)): Promise<PassphraseRecord> {
  const { N, r, p, keyLen } = SCRYPT;
  const key = await scrypt(pass, salt, keyLen, { N, r, p });
  return { v: 1, algo: 'scrypt', N, r, p, salt: salt.toString('hex'), hash: key.toString('hex') };
}

export async function verifyPassphrase(pass: string, rec: PassphraseRecord): Promise<boolean> {
  const want = Buffer.from(rec.hash, 'hex');
  const got = await scrypt(pass, Buffer.from(rec.salt, 'hex'), want.length, { N: rec.N, r: rec.r, p: rec.p });
  return got.length === want.length && timingSafeEqual(got, want);
}

function isRecord(v: unknown): v is PassphraseRecord {
  const o = v as Partial<PassphraseRecord> | null;
  return (
    !!o &&
    o.v === 1 &&
    o.algo === 'scrypt' &&
    [o.N, o.r, o.p].every((n) => Number.isSafeInteger(n) && (n as number) > 0) &&
    typeof o.salt === 'string' &&
    /^[0-9a-f]{16,}$/.test(o.salt) &&
    typeof o.hash === 'string' &&
    /^[0-9a-f]{32,}$/.test(o.hash)
  );
}

export interface InstructorDeps {
  /** The instructor.json file in the app's data folder. */
  file: string;
  /** Whether `--instructor` asked for the unlock dialog at start. */
  askAtStart: boolean;
  /** Called on unlock (true) and lock (false). */
  onRole(unlocked: boolean): void;
  now?: () => number;
}

export class InstructorGate {
  private attempts: AttemptState = NO_ATTEMPTS;
  private unlocked = false;
  private readonly now: () => number;

  constructor(private readonly deps: InstructorDeps) {
    this.now = deps.now ?? (() => Date.now());
  }

  private async record(): Promise<PassphraseRecord | undefined> {
    const text = await readFile(this.deps.file, 'utf8').catch(() => undefined);
    if (text === undefined) return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new Error(`${this.deps.file}: not JSON; delete it to set a new instructor passphrase`);
    }
    if (!isRecord(parsed))
      throw new Error(`${this.deps.file}: not a passphrase record; delete it to set a new one`);
    return parsed;
  }

  async status(): Promise<InstructorStatus> {
    return {
      passphraseSet: (await this.record()) !== undefined,
      unlocked: this.unlocked,
      askAtStart: this.deps.askAtStart,
    };
  }

  /** Sets the passphrase the first time (and unlocks); refused once one is set. */
  async setPassphrase(pass: string): Promise<Result<null>> {
    if (await this.record())
      return { ok: false, error: 'An instructor passphrase is already set: unlock with it.' };
    if (pass.length < MIN_PASSPHRASE)
      return { ok: false, error: `The passphrase needs at least ${MIN_PASSPHRASE} characters.` };
    await replaceFile(this.deps.file, JSON.stringify(await hashPassphrase(pass)));
    this.setUnlocked(true);
    return { ok: true, value: null };
  }

  async unlock(pass: string): Promise<Result<null>> {
    const wait = waitBefore(this.attempts, this.now());
    if (wait > 0) return { ok: false, error: waitMessage(wait) };
    const rec = await this.record();
    if (!rec) return { ok: false, error: 'No instructor passphrase is set yet.' };
    const right = await verifyPassphrase(pass, rec);
    this.attempts = afterAttempt(this.attempts, right, this.now());
    if (!right) {
      const next = waitBefore(this.attempts, this.now());
      return {
        ok: false,
        error: next > 0 ? `Wrong passphrase. ${waitMessage(next)}` : 'Wrong passphrase.',
      };
    }
    this.setUnlocked(true);
    return { ok: true, value: null };
  }

  lock(): Result<null> {
    this.setUnlocked(false);
    return { ok: true, value: null };
  }

  isUnlocked(): boolean {
    return this.unlocked;
  }

  private setUnlocked(on: boolean): void {
    if (this.unlocked === on) return;
    this.unlocked = on;
    this.deps.onRole(on);
  }
}
