/**
 * Stable serialisation and hashing of plain data, for state hashes that compare runs. Object keys
 * are sorted, so two equal states hash equally whatever order their fields were written in.
 */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (value === undefined) return 'null';
    if (typeof value === 'number' && !Number.isFinite(value)) return JSON.stringify(String(value));
    return JSON.stringify(value);
  }
  // Built by concatenation, not by arrays mapped and joined: a full sync hashes 10,000 users, and
  // the arrays (keys, filtered keys, sort's copy, parts) were most of what it allocated.
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) text += ',';
      // A hole is written as nothing, as map and join did.
      if (i in value) text += stableStringify(value[i]);
    }
    return `${text}]`;
  }
  const obj = value as Record<string, unknown>;
  const keys = sortedKeys(obj);
  let text = '{';
  let first = true;
  for (const k of keys) {
    const v = obj[k];
    if (v === undefined) continue;
    text += first ? quoted(k) : `,${quoted(k)}`;
    text += `:${stableStringify(v)}`;
    first = false;
  }
  return `${text}}`;
}

/** An object's own keys in sort()'s order (UTF-16 code units); a few are sorted in place. */
function sortedKeys(obj: object): string[] {
  const keys = Object.keys(obj);
  if (keys.length > 16) return keys.sort();
  // Insertion sort: no copy (sort() allocates one), and `<` on strings is sort()'s order.
  for (let i = 1; i < keys.length; i++) {
    const k = keys[i] as string;
    let j = i - 1;
    while (j >= 0 && (keys[j] as string) > k) {
      keys[j + 1] = keys[j] as string;
      j--;
    }
    keys[j + 1] = k;
  }
  return keys;
}

/** A key as JSON, remembered for the field names every record repeats (a bounded cache). */
const QUOTED = new Map<string, string>();
const QUOTED_LIMIT = 2048;

function quoted(k: string): string {
  let q = QUOTED.get(k);
  if (q === undefined) {
    q = JSON.stringify(k);
    if (QUOTED.size < QUOTED_LIMIT) QUOTED.set(k, q);
  }
  return q;
}

/** The four running states of hashString, fed piece by piece. */
interface Hasher {
  h1: number;
  h2: number;
  h3: number;
  h4: number;
}

function newHasher(): Hasher {
  return { h1: 0x811c9dc5, h2: 0x01000193 ^ 0x9e3779b9, h3: 0xdeadbeef, h4: 0x41c6ce57 };
}

function feed(s: Hasher, text: string): void {
  let { h1, h2, h3, h4 } = s;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h3 = Math.imul(h3 ^ c, 0x9e3779b1);
    h4 = Math.imul(h4 ^ c, 0x85ebca77);
  }
  s.h1 = h1;
  s.h2 = h2;
  s.h3 = h3;
  s.h4 = h4;
}

function digest(s: Hasher): string {
  const mix = (h: number, k: number) => {
    h ^= h >>> 16;
    h = Math.imul(h, k);
    h ^= h >>> 13;
    return (h >>> 0).toString(16).padStart(8, '0');
  };
  return mix(s.h1, 0x85ebca6b) + mix(s.h2, 0xc2b2ae35) + mix(s.h3, 0x27d4eb2f) + mix(s.h4, 0x165667b1);
}

/** 128-bit non-cryptographic hash (four interleaved 32-bit FNV-1a/murmur mixes), as 32 hex digits. */
export function hashString(text: string): string {
  const s = newHasher();
  feed(s, text);
  return digest(s);
}

/**
 * Whether JSON.stringify writes the string other than between two quotes as it is: a control
 * character, a quote, a backslash, or a surrogate (a lone one is escaped).
 */
function needsEscape(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return true;
  }
  return false;
}

/** Feeds the hasher stableStringify(value)'s text, piece by piece, without making the text. */
function feedValue(s: Hasher, value: unknown): void {
  if (typeof value === 'string' && !needsEscape(value)) {
    feed(s, '"');
    feed(s, value);
    feed(s, '"');
    return;
  }
  if (value === null || typeof value !== 'object') {
    feed(s, stableStringify(value));
    return;
  }
  if (Array.isArray(value)) {
    feed(s, '[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) feed(s, ',');
      if (i in value) feedValue(s, value[i]);
    }
    feed(s, ']');
    return;
  }
  const obj = value as Record<string, unknown>;
  feed(s, '{');
  let first = true;
  for (const k of sortedKeys(obj)) {
    const v = obj[k];
    if (v === undefined) continue;
    if (!first) feed(s, ',');
    feed(s, quoted(k));
    feed(s, ':');
    feedValue(s, v);
    first = false;
  }
  feed(s, '}');
}

/**
 * hashString(stableStringify(value)), the text fed to the hash as it is worked out rather than
 * built: a full sync hashes 10,000 users, and their texts were most of what it allocated.
 */
export function hashValue(value: unknown): string {
  const s = newHasher();
  feedValue(s, value);
  return digest(s);
}

/**
 * Plain data as text for a state hash, built from its parts and remembered per object: state is
 * never changed in place (a change makes new objects along its path), so hashing a lab again after
 * one command redoes only the objects that command replaced, not the 10,000 users beside them. Equal
 * data gives equal text (keys sorted, undefined fields left out, as stableStringify); a large part
 * stands in by its hash, so the text differs from stableStringify's.
 */
const TREE_TEXTS = new WeakMap<object, string>();

export function treeText(value: unknown): string {
  if (value === null || typeof value !== 'object') return stableStringify(value);
  const known = TREE_TEXTS.get(value);
  if (known !== undefined) return known;
  let text: string;
  if (Array.isArray(value)) text = `[${value.map(treeText).join(',')}]`;
  else {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort();
    text = `{${keys.map((k) => `${JSON.stringify(k)}:${treeText(obj[k])}`).join(',')}}`;
  }
  // Small parts stay as text (hashing them would cost more than it saves); large ones become a hash.
  const part = text.length > 96 ? `#${hashString(text)}` : text;
  TREE_TEXTS.set(value, part);
  return part;
}
