/**
 * ForEach-Object (`%`, `foreach`) as far as the lab's consoles take it: `{ $_ }`, `{ $_.Name }` and
 * `ForEach-Object Name` (-MemberName) write each object's value of one property; a property the
 * object lacks writes nothing. Any other script block gets a HybridLab note rather than a false
 * "not recognized". Pure.
 */
import { display } from './psViews';
import type { Built } from './filterSpec';
import type { Token } from './parse';
import { objectsOf, propOf, scalar, withObjects, type PsObject } from './psObject';

const NOTE =
  "HybridLab: this console's ForEach-Object writes one property of each object, such as ForEach-Object { $_.Name } or ForEach-Object Name.";

/** The property a script block or -MemberName reads; null for `$_` itself; undefined when it is neither. */
function memberOf(args: readonly Token[]): string | null | undefined {
  const rest = args.filter((t) => t.quoted || !/^-(process|membername)$/i.test(t.text));
  const [only, ...extra] = rest;
  if (!only || extra.length > 0) return undefined;
  if (only.group === 'scriptblock') {
    const m = /^\s*\$(?:_|psitem)(?:\.([A-Za-z_][\w-]*))?\s*$/i.exec(only.inner ?? '');
    return m ? (m[1] ?? null) : undefined;
  }
  return !only.group && /^[A-Za-z_][\w-]*$/.test(only.text) ? only.text : undefined;
}

export function forEachObject(args: readonly Token[]): Built {
  const member = memberOf(args);
  if (member === undefined) return { ok: false, lines: [{ kind: 'error', text: NOTE }] };
  return {
    ok: true,
    filter: (s) => {
      const objs = objectsOf(s).flatMap((o): PsObject[] => {
        if (member === null) return [o];
        const p = propOf(o, member);
        return p && p[1] !== undefined && p[1] !== null ? [scalar(p[1])] : [];
      });
      return withObjects(s, objs, display(objs));
    },
  };
}
