/**
 * The installation's Ed25519 key pair for signing results (simulation/scenarios/result.ts), with
 * Node's crypto: created once in the app's folder (`result-key.json`, readable by the user only)
 * and kept. The public key goes into every result; the private key never leaves this file. Also
 * used by the command-line runner (`npm run lab -- verify`, `--report`).
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** An Ed25519 SubjectPublicKeyInfo is this prefix and the raw 32-byte key. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export interface ResultKey {
  /** Raw 32-byte public key, base64. */
  publicKey: string;
  /** PKCS#8 DER private key, base64. */
  privateKey: string;
}

export const KEY_FILE = 'result-key.json';

function newKey(): ResultKey {
  const pair = generateKeyPairSync('ed25519');
  const spki = pair.publicKey.export({ format: 'der', type: 'spki' });
  return {
    publicKey: spki.subarray(SPKI_PREFIX.length).toString('base64'),
    privateKey: pair.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
  };
}

/** The installation's key in `dir`, created on first use. A damaged key file is an error, not replaced. */
export function loadOrCreateKey(dir: string): ResultKey {
  const file = join(dir, KEY_FILE);
  let text: string | undefined;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    text = undefined;
  }
  if (text === undefined) {
    const key = newKey();
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, JSON.stringify(key), { mode: 0o600, flag: 'wx' });
    return key;
  }
  const v = JSON.parse(text) as Partial<ResultKey>;
  if (typeof v.publicKey !== 'string' || typeof v.privateKey !== 'string')
    throw new Error(`${file}: expected { publicKey, privateKey }`);
  return { publicKey: v.publicKey, privateKey: v.privateKey };
}

export function nodeSigner(key: ResultKey): { publicKey: string; sign(text: string): string } {
  const privateKey = createPrivateKey({
    key: Buffer.from(key.privateKey, 'base64'),
    format: 'der',
    type: 'pkcs8',
  });
  return {
    publicKey: key.publicKey,
    sign: (text) => sign(null, Buffer.from(text, 'utf8'), privateKey).toString('base64'),
  };
}

/** Checks an Ed25519 signature with a raw public key; false for any malformed input. */
export function nodeCheck(publicKey: string, text: string, signature: string): boolean {
  try {
    const raw = Buffer.from(publicKey, 'base64');
    if (raw.length !== 32) return false;
    const key = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
    return verify(null, Buffer.from(text, 'utf8'), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
