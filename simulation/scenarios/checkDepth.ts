/**
 * A limit on how deeply a scenario file nests its checks (`not`, `all`, `any`), measured on the
 * parsed JSON before the schema sees it: the schema, the meaning checks and the evaluator all
 * recurse over checks, and a file with a thousand nested `not`s would overflow the stack with no
 * file name in the message. This walk is iterative, so it cannot overflow itself.
 */

/** Deeper than any real objective needs (the pack nests at most 3), far below what overflows. */
export const MAX_CHECK_DEPTH = 32;

/** Object and array nesting allowed anywhere in the file (checks at their limit need about 70). */
const MAX_JSON_DEPTH = 100;

const COMBINATORS = new Set(['not', 'all', 'any']);

function pathText(path: readonly (string | number)[]): string {
  return (
    path.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${k}` : k), '') ||
    '(root)'
  );
}

/**
 * The first place where checks nest deeper than MAX_CHECK_DEPTH (or the JSON itself deeper than
 * any scenario needs), as an error naming its path; undefined when the value is within limits.
 */
export function checkDepthError(value: unknown): string | undefined {
  const stack: { v: unknown; path: (string | number)[]; checks: number }[] = [
    { v: value, path: [], checks: 0 },
  ];
  while (stack.length > 0) {
    const { v, path, checks } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (path.length > MAX_JSON_DEPTH)
      return `${pathText(path)}: nested more than ${MAX_JSON_DEPTH} levels deep`;
    let depth = checks;
    if (!Array.isArray(v) && COMBINATORS.has((v as { kind?: unknown }).kind as string)) {
      depth++;
      if (depth > MAX_CHECK_DEPTH)
        return `${pathText(path)}: checks nested more than ${MAX_CHECK_DEPTH} levels deep ("not", "all" and "any" inside each other); flatten them`;
    }
    const entries: [string | number, unknown][] = Array.isArray(v)
      ? v.map((x, i) => [i, x])
      : Object.entries(v as Record<string, unknown>);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, child] = entries[i]!;
      stack.push({ v: child, path: [...path, k], checks: depth });
    }
  }
  return undefined;
}
