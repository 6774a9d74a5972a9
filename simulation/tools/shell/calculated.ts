/**
 * The property lists Select-Object, Format-Table and Format-List take: names, wildcards and
 * calculated properties (`@{Name='Who'; Expression={$_.Name}}`, also `n`/`Label`/`l` and `e`). A
 * calculated property here reads one property of the object (`{$_.Name}` or `'Name'`); anything
 * else gets a HybridLab note rather than a wrong answer. Pure.
 */
import type { PsValue } from './psFormat';
import type { ConsoleLine } from '../../windows/hostState';
import { hashtableValue, type Token } from './parse';
import { namesMatching, valueOf, type PsObject } from './psObject';

/** One entry of a property list: a name or wildcard, or a calculated property. */
export type PropertySpec = string | { name: string; from: string };

/** Stands in for a hashtable while the list binds as strings (no one types this character). */
const MARK = '\u0001';

const NOTE =
  "HybridLab: this console's calculated properties read one property, such as @{Name='Who'; Expression={$_.Name}}.";

export type Calculated =
  { ok: true; args: Token[]; specs: PropertySpec[][] } | { ok: false; lines: ConsoleLine[] };

function calculatedOf(t: Token): PropertySpec | undefined {
  const entries = t.entries ?? {};
  const keys = Object.keys(entries).map((k) => k.toLowerCase());
  const known = ['name', 'n', 'label', 'l', 'expression', 'e', 'width', 'alignment', 'formatstring'];
  if (keys.some((k) => !known.includes(k))) return undefined;
  const expr = ['expression', 'e'].map((k) => hashtableValue(entries, k)).find((v) => v !== undefined);
  if (typeof expr !== 'string') return undefined;
  const block = /^\{\s*\$(?:_|psitem)\.([A-Za-z_][\w-]*)\s*\}$/i.exec(expr.trim());
  const from = block ? block[1] : /^[A-Za-z_][\w-]*$/.test(expr) ? expr : undefined;
  if (!from) return undefined;
  const label = ['name', 'n', 'label', 'l']
    .map((k) => hashtableValue(entries, k))
    .find((v) => v !== undefined);
  // Without a name PowerShell heads the column with the expression's text.
  const name = label === undefined ? expr.replace(/^\{\s*|\s*\}$/g, '') : String(label);
  return { name, from };
}

/**
 * The arguments with each hashtable replaced by a marker word (so `Name, @{…}` joins into one
 * list as it does in PowerShell), and the calculated properties the markers stand for.
 */
export function markCalculated(args: readonly Token[]): Calculated {
  const specs: PropertySpec[][] = [];
  const out: Token[] = [];
  for (const t of args) {
    if (t.group !== 'hashtable') {
      out.push(t);
      continue;
    }
    const c = calculatedOf(t);
    if (!c) return { ok: false, lines: [{ kind: 'error', text: NOTE }] };
    specs.push([c]);
    out.push({ text: `${MARK}${specs.length - 1}`, quoted: false, at: t.at, end: t.end });
  }
  return { ok: true, args: out, specs };
}

/** The bound list with the markers turned back into their calculated properties. */
export function resolveSpecs(names: readonly string[], specs: readonly PropertySpec[][]): PropertySpec[] {
  return names.flatMap((n) => (n.startsWith(MARK) ? (specs[Number(n.slice(1))] ?? []) : [n]));
}

export const hasCalculated = (list: readonly PropertySpec[]) => list.some((p) => typeof p !== 'string');

/** The object's properties a list selects, in order: wildcards expanded, calculated ones read. */
export function project(o: PsObject, list: readonly PropertySpec[]): [string, PsValue][] {
  const out: [string, PsValue][] = [];
  for (const p of list) {
    if (typeof p === 'string') {
      for (const n of namesMatching(o, [p]))
        if (!out.some(([k]) => k.toLowerCase() === n.toLowerCase())) out.push([n, valueOf(o, n) ?? null]);
    } else out.push([p.name, valueOf(o, p.from) ?? null]);
  }
  return out;
}
