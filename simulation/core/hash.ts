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
