/**
 * Hashtable literals, `@{ Name = value; Other = 'x' }`: their entries as the tokeniser reads them
 * and as commands read them back from a token or bound text (see parse.ts).
 */
import { OPEN_DOUBLE, OPEN_SINGLE, PS_ESCAPES, scanGroup, skipString, splitTopLevel } from './brackets';
import type { HashtableEntries, HashtableValue, ParseFailure, Token } from './parseTypes';

/** A literal as PowerShell reads it in a hashtable value: quotes removed, escapes applied. */
function literalText(raw: string): string {
  const t = raw.trim();
  const first = t[0] as string;
  if (t.length >= 2 && OPEN_SINGLE.includes(first)) return t.slice(1, -1).replace(/''/g, "'");
  if (t.length >= 2 && OPEN_DOUBLE.includes(first)) {
    let out = '';
    const body = t.slice(1, -1);
    for (let k = 0; k < body.length; k++) {
      const ch = body[k] as string;
      if (ch === '`' && k + 1 < body.length) {
        const e = body[++k] as string;
        out += PS_ESCAPES[e] ?? e;
      } else if (OPEN_DOUBLE.includes(ch) && OPEN_DOUBLE.includes(body[k + 1] as string)) {
        out += ch;
        k++;
      } else out += ch;
    }
    return out;
  }
  return t;
}

function literalValue(raw: string): HashtableValue {
  const items = splitTopLevel(raw, [',']).map((p) => p.part.trim());
  if (items.length > 1) return items.map((x) => (/^\$null$/i.test(x) ? '' : literalText(x)));
  const t = raw.trim();
  if (/^\$true$/i.test(t)) return true;
  if (/^\$false$/i.test(t)) return false;
  if (/^\$null$/i.test(t)) return '';
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  return literalText(t);
}

/** The entries of a hashtable literal whose body is line[from, to). */
export function parseHashtableBody(
  line: string,
  from: number,
  to: number,
): { entries: HashtableEntries } | ParseFailure {
  const entries: HashtableEntries = {};
  for (const { part, at } of splitTopLevel(line.slice(from, to), [';', '\n'])) {
    if (part.trim() === '') continue;
    const lead = part.length - part.trimStart().length;
    const body = part.trimStart();
    const bare = /^[A-Za-z_][\w-]*/.exec(body);
    let keyEnd: number;
    let name: string;
    if (bare) {
      keyEnd = bare[0].length;
      name = bare[0];
    } else if (OPEN_SINGLE.includes(body[0] as string) || OPEN_DOUBLE.includes(body[0] as string)) {
      const next = skipString(body, 0);
      keyEnd = typeof next === 'number' ? next : body.length;
      name = literalText(body.slice(0, keyEnd));
    } else {
      keyEnd = body.search(/[\s=]/) < 0 ? body.length : body.search(/[\s=]/);
      name = body.slice(0, keyEnd);
    }
    const keyAt = from + at + lead;
    const rest = body.slice(keyEnd);
    const eq = rest.search(/\S/);
    if (eq < 0 || rest[eq] !== '=')
      return {
        error: "Missing '=' operator after key in hash literal.",
        column: keyAt + keyEnd,
        errorId: 'MissingEqualsInHashLiteral',
      };
    const value = rest.slice(eq + 1);
    if (value.trim() === '')
      return {
        error: "Missing statement after '=' in hash literal.",
        column: keyAt + keyEnd + eq + 1,
        errorId: 'MissingStatementInHashLiteral',
      };
    entries[name] = literalValue(value);
  }
  return { entries };
}

/** Parses `@{ … }` (a token or its text); undefined when it is not a hashtable literal. */
export function hashtableOf(x: Token | string | undefined): HashtableEntries | undefined {
  if (x === undefined) return undefined;
  if (typeof x !== 'string') {
    if (x.entries) return x.entries;
    if (x.quoted) return undefined;
  }
  const text = (typeof x === 'string' ? x : x.text).trim();
  if (!text.startsWith('@{') || !text.endsWith('}')) return undefined;
  const g = scanGroup(text, { group: 'hashtable', array: false, bracketAt: 1, innerAt: 2 });
  if ('error' in g || g.end !== text.length) return undefined;
  const r = parseHashtableBody(text, 2, text.length - 1);
  return 'error' in r ? undefined : r.entries;
}

/** A hashtable's value for a key, matched without regard to case (as PowerShell does). */
export function hashtableValue(entries: HashtableEntries, key: string): HashtableValue | undefined {
  const k = Object.keys(entries).find((n) => n.toLowerCase() === key.toLowerCase());
  return k === undefined ? undefined : entries[k];
}
