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
