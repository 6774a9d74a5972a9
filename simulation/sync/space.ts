/**
 * The connector space as a persistent map: entries spread over a fixed number of buckets, so a
 * change copies the bucket array (a few hundred pointers) and the buckets it touches, never the
 * whole space. A delta sync that changes 10 objects out of 10,000 then costs in proportion to the
 * 10. Every version stays valid (nothing is changed in place): a script that read an older version
 * across a yield still sees that version. Buckets are plain objects, so the space serialises (the
 * state hash) like any other plain data.
 */

const BUCKETS = 256;

export interface Space<V> {
  readonly buckets: readonly Readonly<Record<string, V>>[];
  readonly size: number;
}

const EMPTY_BUCKET: Readonly<Record<string, never>> = Object.freeze({});

export function emptySpace<V>(): Space<V> {
  return { buckets: new Array<Readonly<Record<string, V>>>(BUCKETS).fill(EMPTY_BUCKET), size: 0 };
}

/** The bucket of a key: a small string hash (FNV-1a), stable across runs. */
function bucketOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % BUCKETS;
}

export function spaceGet<V>(s: Space<V>, key: string): V | undefined {
  const b = s.buckets[bucketOf(key)];
  return b && Object.prototype.hasOwnProperty.call(b, key) ? b[key] : undefined;
}

/**
 * A new version with the changes applied (a value sets the key, undefined removes it). Each
 * touched bucket is copied once however many of its keys change; untouched buckets are shared.
 */
export function spaceWith<V>(s: Space<V>, changes: Iterable<readonly [string, V | undefined]>): Space<V> {
  let buckets: Readonly<Record<string, V>>[] | undefined;
  const copied = new Set<number>();
  let size = s.size;
  for (const [key, value] of changes) {
    const i = bucketOf(key);
    const current = (buckets ?? s.buckets)[i] as Record<string, V>;
    const had = Object.prototype.hasOwnProperty.call(current, key);
    if (value === undefined && !had) continue;
    buckets ??= [...s.buckets];
    let b = current;
    if (!copied.has(i)) {
      b = { ...current };
      copied.add(i);
      buckets[i] = b;
    }
    if (value === undefined) {
      // The bucket is this version's own copy, not yet seen by anyone: removing from it is safe.
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete
      delete b[key];
      size--;
    } else {
      b[key] = value;
      if (!had) size++;
    }
  }
  return buckets ? { buckets, size } : s;
}

export function spaceSome<V>(s: Space<V>, test: (v: V) => boolean): boolean {
  for (const b of s.buckets) for (const k in b) if (test(b[k] as V)) return true;
  return false;
}
