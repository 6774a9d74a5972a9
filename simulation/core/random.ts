/**
 * Seeded, serialisable randomness. The generator's whole state is one 32-bit number, so an actor
 * can keep it in its context and the lab's state hash covers it. mulberry32: small, fast, good
 * enough for a simulator (not for cryptography).
 */
export type RngState = number;

export function seedFrom(seed: number, salt: string): RngState {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (let i = 0; i < salt.length; i++) {
    h = Math.imul(h ^ salt.charCodeAt(i), 0x85ebca6b) >>> 0;
    h = (h ^ (h >>> 13)) >>> 0;
  }
  return h >>> 0;
}

/** Returns a float in [0, 1) and the next state. */
export function nextFloat(state: RngState): [number, RngState] {
  const s = (state + 0x6d2b79f5) >>> 0;
  let t = s;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [((t ^ (t >>> 14)) >>> 0) / 4294967296, s];
}

/** Integer in [lo, hi], both inclusive. */
export function nextInt(state: RngState, lo: number, hi: number): [number, RngState] {
  const [f, s] = nextFloat(state);
  return [lo + Math.floor(f * (hi - lo + 1)), s];
}

export function nextHex(state: RngState, digits: number): [string, RngState] {
  let out = '';
  let s = state;
  for (let i = 0; i < digits; i++) {
    const [d, n] = nextInt(s, 0, 15);
    out += d.toString(16);
    s = n;
  }
  return [out, s];
}

/** A GUID in Windows' lower-case 8-4-4-4-12 form. */
export function nextGuid(state: RngState): [string, RngState] {
  const [hex, s] = nextHex(state, 32);
  return [
    `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`,
    s,
  ];
}

export function nextDigits(state: RngState, digits: number): [string, RngState] {
  let out = '';
  let s = state;
  for (let i = 0; i < digits; i++) {
    const [d, n] = nextInt(s, 0, 9);
    out += String(d);
    s = n;
  }
  return [out, s];
}

export function pick<T>(state: RngState, items: readonly T[]): [T, RngState] {
  if (items.length === 0) throw new RangeError('pick: no items');
  const [i, s] = nextInt(state, 0, items.length - 1);
  return [items[i] as T, s];
}
