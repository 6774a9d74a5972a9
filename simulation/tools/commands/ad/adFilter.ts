/**
 * The ActiveDirectory module's -Filter language, as far as the lab's objects need it:
 * `*`, `<Attribute> -eq|-ne|-like|-notlike|-gt|-ge|-lt|-le <value>`, joined with -and/-or,
 * negated with -not, grouped with ( ). Values: 'quoted', "quoted", bare words, numbers,
 * $true/$false. A filter can come as a string or as a script block `{ … }`. Also -LDAPFilter's
 * `(attr=value)` and `(&(…)(…))` / `(|(…)(…))`. Pure.
 */

export type FilterValue = string | number | boolean;

/** Reads an attribute of an object; undefined when the object class has no such attribute. */
export type AttributeReader = (attribute: string) => FilterValue | undefined;

export type Filter =
  | { kind: 'all' }
  | { kind: 'cmp'; attribute: string; op: string; value: FilterValue }
  | { kind: 'not'; inner: Filter }
  | { kind: 'and' | 'or'; left: Filter; right: Filter };

export type FilterParse = { ok: true; filter: Filter } | { ok: false; position: number };

const OPS = ['-eq', '-ne', '-like', '-notlike', '-gt', '-ge', '-lt', '-le', '-approx'];

interface Tok {
  text: string;
  at: number;
  quoted: boolean;
}

function tokenize(s: string): Tok[] | number {
  const out: Tok[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '(' || c === ')') {
      out.push({ text: c, at: i, quoted: false });
      i++;
      continue;
    }
    if (c === "'" || c === '"') {
      const start = i;
      let text = '';
      i++;
      let closed = false;
      while (i < s.length) {
        if (s[i] === c) {
          if (s[i + 1] === c) {
            text += c;
            i += 2;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        text += s[i];
        i++;
      }
      if (!closed) return start + 1;
      out.push({ text, at: start, quoted: true });
      continue;
    }
    const start = i;
    while (i < s.length && !/[\s()]/.test(s[i] as string)) i++;
    out.push({ text: s.slice(start, i), at: start, quoted: false });
  }
  return out;
}

/** Parses a -Filter (string or `{ script block }`). Positions in errors are 1-based, as the module reports. */
export function parseFilter(raw: string): FilterParse {
  let text = raw.trim();
  if (text.startsWith('{') && text.endsWith('}')) text = text.slice(1, -1).trim();
  if (text === '*') return { ok: true, filter: { kind: 'all' } };
  const toks = tokenize(text);
  if (typeof toks === 'number') return { ok: false, position: toks };
  let p = 0;
  const fail = (): FilterParse => ({ ok: false, position: (toks[p]?.at ?? text.length) + 1 });
  const peek = () => toks[p];
  const expr = (): Filter | undefined => {
    let left = term();
    if (!left) return undefined;
    for (;;) {
      const t = peek();
      const op = t && !t.quoted ? t.text.toLowerCase() : '';
      if (op !== '-and' && op !== '-or') return left;
      p++;
      const right = term();
      if (!right) return undefined;
      left = { kind: op === '-and' ? 'and' : 'or', left, right };
    }
  };
  const term = (): Filter | undefined => {
    const t = peek();
    if (!t) return undefined;
    if (!t.quoted && t.text === '(') {
      p++;
      const inner = expr();
      if (!inner || peek()?.text !== ')') return undefined;
      p++;
      return inner;
    }
    if (!t.quoted && t.text.toLowerCase() === '-not') {
      p++;
      const inner = term();
      return inner ? { kind: 'not', inner } : undefined;
    }
    if (t.quoted || t.text.startsWith('-')) return undefined;
    const opTok = toks[p + 1];
    const valTok = toks[p + 2];
    if (!opTok || opTok.quoted || !OPS.includes(opTok.text.toLowerCase())) {
      p++;
      return undefined;
    }
    if (!valTok || (!valTok.quoted && (valTok.text === '(' || valTok.text === ')'))) {
      p += 2;
      return undefined;
    }
    p += 3;
    return { kind: 'cmp', attribute: t.text, op: opTok.text.toLowerCase(), value: literal(valTok) };
  };
  const f = expr();
  if (!f || p < toks.length) return fail();
  return { ok: true, filter: f };
}

function literal(t: Tok): FilterValue {
  if (t.quoted) return t.text;
  const l = t.text.toLowerCase();
  if (l === '$true' || l === 'true') return true;
  if (l === '$false' || l === 'false') return false;
  if (/^-?\d+$/.test(t.text)) return Number(t.text);
  return t.text;
}

function like(value: string, pattern: string): boolean {
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    'i',
  );
  return re.test(value);
}

function compare(actual: FilterValue, op: string, expected: FilterValue): boolean {
  if (typeof actual === 'boolean' || typeof expected === 'boolean') {
    const a = String(actual).toLowerCase();
    const e = String(expected).toLowerCase();
    return op === '-ne' ? a !== e : a === e;
  }
  const a = String(actual);
  const e = String(expected);
  switch (op) {
    case '-like':
      return like(a, e);
    case '-notlike':
      return !like(a, e);
    case '-ne':
      return a.toLowerCase() !== e.toLowerCase();
    case '-gt':
    case '-ge':
    case '-lt':
    case '-le': {
      const an = Number(actual);
      const en = Number(expected);
      const both = !Number.isNaN(an) && !Number.isNaN(en);
      const d = both ? an - en : a.toLowerCase().localeCompare(e.toLowerCase());
      return op === '-gt' ? d > 0 : op === '-ge' ? d >= 0 : op === '-lt' ? d < 0 : d <= 0;
    }
    default:
      return a.toLowerCase() === e.toLowerCase();
  }
}

/** The attributes a filter names (to check them before searching). */
export function filterAttributes(f: Filter): string[] {
  switch (f.kind) {
    case 'all':
      return [];
    case 'cmp':
      return [f.attribute];
    case 'not':
      return filterAttributes(f.inner);
    default:
      return [...filterAttributes(f.left), ...filterAttributes(f.right)];
  }
}

export function matches(f: Filter, read: AttributeReader): boolean {
  switch (f.kind) {
    case 'all':
      return true;
    case 'not':
      return !matches(f.inner, read);
    case 'and':
      return matches(f.left, read) && matches(f.right, read);
    case 'or':
      return matches(f.left, read) || matches(f.right, read);
    case 'cmp': {
      const v = read(f.attribute);
      // An attribute that is not set matches nothing (not even -ne), as in LDAP.
      if (v === undefined || v === '') return false;
      return compare(v, f.op, f.value);
    }
  }
}

/** -LDAPFilter: `(attr=value)` with * wildcards, `(&…)`, `(|…)`, `(!…)`. */
export function parseLdapFilter(raw: string): Filter | undefined {
  let i = 0;
  const s = raw.trim();
  const node = (): Filter | undefined => {
    if (s[i] !== '(') return undefined;
    i++;
    const c = s[i];
    if (c === '&' || c === '|' || c === '!') {
      i++;
      const parts: Filter[] = [];
      while (s[i] === '(') {
        const n = node();
        if (!n) return undefined;
        parts.push(n);
      }
      if (s[i] !== ')' || parts.length === 0) return undefined;
      i++;
      if (c === '!') return parts.length === 1 ? { kind: 'not', inner: parts[0] as Filter } : undefined;
      return parts
        .slice(1)
        .reduce<Filter>(
          (l, r) => ({ kind: c === '&' ? 'and' : 'or', left: l, right: r }),
          parts[0] as Filter,
        );
    }
    const close = s.indexOf(')', i);
    if (close < 0) return undefined;
    const body = s.slice(i, close);
    i = close + 1;
    const eq = body.indexOf('=');
    if (eq <= 0) return undefined;
    const attribute = body.slice(0, eq);
    const value = body.slice(eq + 1);
    if (value === '*') return { kind: 'cmp', attribute, op: '-like', value: '*' };
    return { kind: 'cmp', attribute, op: value.includes('*') ? '-like' : '-eq', value };
  };
  const f = node();
  return f && i === s.length ? f : undefined;
}
