/** Bounded lists kept as plain arrays (an event log, the network's trace), copied on each change. */
/**
 * The last `limit` of `entries` then `entry`, as a new array made at its final length (a slice
 * then a push copies a full log twice: the push regrows the slice).
 */
export function lastWith<T>(entries: readonly T[], entry: T, limit: number): T[] {
  const from = Math.max(0, entries.length + 1 - limit);
  const next = new Array<T>(entries.length - from + 1);
  for (let i = from; i < entries.length; i++) next[i - from] = entries[i] as T;
  next[entries.length - from] = entry;
  return next;
}

/**
 * The last `limit` (≥ 1) of `entries` then `added`, as a new array made at its final length: what
 * `[...entries, ...added].slice(-limit)` gives, without the full copy the slice copies again.
 */
export function lastWithAll<T>(entries: readonly T[], added: readonly T[], limit: number): T[] {
  const total = entries.length + added.length;
  const skip = Math.max(0, total - limit);
  const next = new Array<T>(total - skip);
  let k = 0;
  for (let i = skip; i < entries.length; i++) next[k++] = entries[i] as T;
  for (let j = Math.max(0, skip - entries.length); j < added.length; j++) next[k++] = added[j] as T;
  return next;
}
