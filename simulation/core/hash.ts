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
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(obj[k])}`).join(',')}}`;
}

/** 128-bit non-cryptographic hash (four interleaved 32-bit FNV-1a/murmur mixes), as 32 hex digits. */
export function hashString(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x9e3779b9;
  let h3 = 0xdeadbeef;
  let h4 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h3 = Math.imul(h3 ^ c, 0x9e3779b1);
    h4 = Math.imul(h4 ^ c, 0x85ebca77);
  }
  const mix = (h: number, k: number) => {
    h ^= h >>> 16;
    h = Math.imul(h, k);
    h ^= h >>> 13;
    return h >>> 0;
  };
  return [mix(h1, 0x85ebca6b), mix(h2, 0xc2b2ae35), mix(h3, 0x27d4eb2f), mix(h4, 0x165667b1)]
    .map((h) => h.toString(16).padStart(8, '0'))
    .join('');
}

export function hashValue(value: unknown): string {
  return hashString(stableStringify(value));
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
