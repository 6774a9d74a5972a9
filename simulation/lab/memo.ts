/**
 * Reuse for the learner view's parts: the lab's state is immutable, so a part computed from the
 * same objects (compared by reference) is the same part. `keys` names what the part depends on;
 * one result is remembered per part (a view is projected again and again from one lab; another
 * lab only costs a recomputation). Callers treat results as read-only: they are shared.
 */
export function memoOn<I, R>(
  keys: (input: I) => readonly unknown[],
  compute: (input: I) => R,
): (input: I) => R {
  let last: { keys: readonly unknown[]; result: R } | undefined;
  return (input: I): R => {
    const k = keys(input);
    if (last && last.keys.length === k.length && last.keys.every((x, i) => x === k[i])) return last.result;
    const result = compute(input);
    last = { keys: k, result };
    return result;
  };
}
