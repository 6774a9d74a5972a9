/**
 * Signing results in browser mode: an Ed25519 key pair made with WebCrypto the first time and kept
 * in this browser profile's IndexedDB, the private key not extractable (the page can use it, not
 * read it). A browser without WebCrypto Ed25519 answers "unsupported", and the result is exported
 * labelled unsigned rather than pretending.
 */
import type { Result } from '../../src-main/bridge';
import { committed, openDatabase, reason, request } from './idb';

const DB = 'hybridlab-result-key';
const STORE = 'keys';
const KEY = 'installation';

export const UNSUPPORTED = 'unsupported';

function b64(bytes: ArrayBuffer): string {
  let s = '';
  for (const b of new Uint8Array(bytes)) s += String.fromCharCode(b);
  return btoa(s);
}

async function keyPair(): Promise<CryptoKeyPair> {
  const db = await openDatabase(DB, 1, (d) => d.createObjectStore(STORE));
  try {
    const found = await request(db.transaction(STORE).objectStore(STORE).get(KEY));
    if (found) return found as CryptoKeyPair;
    const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, [
      'sign',
      'verify',
    ])) as CryptoKeyPair;
    const tx = db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).put(pair, KEY);
    await committed(tx);
    return pair;
  } finally {
    db.close();
  }
}

export async function browserSignResult(
  text: string,
): Promise<Result<{ publicKey: string; signature: string }>> {
  if (!globalThis.crypto?.subtle) return { ok: false, error: UNSUPPORTED };
  let pair: CryptoKeyPair;
  try {
    pair = await keyPair();
  } catch (e) {
    // NotSupportedError: this browser has no WebCrypto Ed25519.
    if (e instanceof DOMException && e.name === 'NotSupportedError') return { ok: false, error: UNSUPPORTED };
    return { ok: false, error: reason(e) };
  }
  try {
    const publicKey = b64(await crypto.subtle.exportKey('raw', pair.publicKey));
    const signature = b64(
      await crypto.subtle.sign({ name: 'Ed25519' }, pair.privateKey, new TextEncoder().encode(text)),
    );
    return { ok: true, value: { publicKey, signature } };
  } catch (e) {
    return { ok: false, error: reason(e) };
  }
}
