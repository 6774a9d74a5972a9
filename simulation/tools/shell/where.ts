/**
 * Where-Object (`where`, `?`) as the lab's consoles run it: a script block holding one comparison
 * (`{ $_.Enabled -eq $false }`, `{ $_.Name -like 'M*' }`) or a bare property (`{ $_.LockedOut }`,
 * `{ -not $_.Enabled }`), or the simplified syntax (`Where-Object Status -eq Running`). Comparisons
 * follow PowerShell: case-insensitive, the left side's type decides how the right side converts.
 * Pure.
 */
import { likeName, wildcard } from './wildcard';
import { isTyped, psValue as text, type PsValue } from './psFormat';
import type { ConsoleLine } from '../../windows/hostState';
import type { Token } from './parse';
import { formatPsError } from './psError';
import { valueOf, type PsObject } from './psObject';

export type Predicate = (o: PsObject) => boolean;

const OPERATORS = ['eq', 'ne', 'like', 'notlike', 'match', 'notmatch', 'gt', 'lt', 'ge', 'le'] as const;
type Operator = (typeof OPERATORS)[number];

interface Comparison {
  op: Operator;
  caseSensitive: boolean;
}

const LAB_NOTE =
  "HybridLab: this console's Where-Object understands one comparison, such as { $_.Enabled -eq $false }, { $_.Name -like 'M*' } or Where-Object Status -eq Running.";

function operatorOf(text: string): Comparison | undefined {
  const m = /^-([ci]?)([a-z]+)$/i.exec(text);
  const name = m?.[2]?.toLowerCase() as Operator | undefined;
  if (!m || !name || !OPERATORS.includes(name)) return undefined;
  return { op: name, caseSensitive: m[1]?.toLowerCase() === 'c' };
}

export function truthy(v: PsValue): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  return v !== undefined && v !== null && v !== '';
}

/** -like: PowerShell's wildcards (`*`, `?`, `[a-c]`); -clike minds case. */
function like(pattern: string, value: string, caseSensitive: boolean): boolean {
  if (!caseSensitive) return likeName(pattern, value);
  const re = wildcard(pattern);
  return re ? new RegExp(re.source).test(value) : pattern === value;
}

/** -1, 0 or 1, comparing as the left value's type; undefined when the right side does not convert. */
function order(left: PsValue, right: PsValue, caseSensitive: boolean): number | undefined {
  if (typeof left === 'boolean') {
    const r = typeof right === 'string' ? right.length > 0 : truthy(right);
    return Number(left) - Number(r);
  }
  // A date or an enum against a number compares their values; against text, their names.
  if (isTyped(left) && (typeof right === 'number' || isTyped(right))) {
    return Math.sign(left.order - (typeof right === 'number' ? right : right.order));
  }
  if (typeof left === 'number') {
    const r = typeof right === 'number' ? right : Number(text(right).trim() === '' ? NaN : text(right));
    return Number.isNaN(r) ? undefined : Math.sign(left - r);
  }
  const a = caseSensitive ? text(left) : text(left).toLowerCase();
  const b = caseSensitive ? text(right) : text(right).toLowerCase();
  return a === b ? 0 : a < b ? -1 : 1;
}

export function compare(left: PsValue, c: Comparison, right: PsValue): boolean {
  const flags = c.caseSensitive ? '' : 'i';
  switch (c.op) {
    case 'like':
    case 'notlike':
      return like(text(right), text(left), c.caseSensitive) === (c.op === 'like');
    case 'match':
    case 'notmatch': {
      let re: RegExp;
      try {
        re = new RegExp(text(right), flags);
      } catch {
        return false;
      }
      return re.test(text(left)) === (c.op === 'match');
    }
    default: {
      const noLeft = left === undefined || left === null || left === '';
      if (right === null && (c.op === 'eq' || c.op === 'ne')) return noLeft === (c.op === 'eq');
      if (noLeft && left !== '') return c.op === 'ne';
      const o = order(left, right, c.caseSensitive);
      if (o === undefined) return c.op === 'ne';
      return { eq: o === 0, ne: o !== 0, gt: o > 0, lt: o < 0, ge: o >= 0, le: o <= 0 }[c.op];
    }
  }
}

/** A literal typed after the operator; undefined for a bare word (a parse error in a script block). */
function literal(raw: string, bareIsString: boolean): PsValue | undefined {
  const t = raw.trim();
  if (/^\$true$/i.test(t)) return true;
  if (/^\$false$/i.test(t)) return false;
  if (/^\$null$/i.test(t)) return null;
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  const q = /^'((?:[^']|'')*)'$/.exec(t) ?? /^"((?:[^"]|"")*)"$/.exec(t);
  if (q) return (q[1] ?? '').replace(/''/g, "'").replace(/""/g, '"');
  return bareIsString ? t : undefined;
}

export type WhereParse = { ok: true; test: Predicate } | { ok: false; lines: ConsoleLine[] };

const note = (): WhereParse => ({ ok: false, lines: [{ kind: 'error', text: LAB_NOTE }] });

/** `$_.Prop -op value`, `$_.Prop`, `-not $_.Prop` inside `{ … }` (innerAt: its column in the line). */
function fromScriptBlock(inner: string, innerAt: number, line: string): WhereParse {
  const m =
    /^(\s*(?:!|-not\s+)?\s*)\$(?:_|psitem)(?:\.([A-Za-z_]\w*))?\s*(?:(-[A-Za-z]+)\s*(.*?))?\s*$/i.exec(inner);
  if (!m) return note();
  const [, lead = '', prop, opText, raw = ''] = m;
  const negate = /!|-not/i.test(lead);
  if (!opText) return { ok: true, test: (o) => truthy(valueOf(o, prop)) !== negate };
  const c = operatorOf(opText);
  if (!c || negate) return note();
  const value = literal(raw, false);
  if (value === undefined) {
    // A bare word after the operator is PowerShell's parse error; anything longer is beyond the lab.
    if (!/^[^\s'"$]*$/.test(raw)) return note();
    // PowerShell points just past the operator.
    const opAt = innerAt + inner.indexOf(opText, lead.length);
    return {
      ok: false,
      lines: formatPsError({
        message: `You must provide a value expression following the '${opText}' operator.`,
        line,
        column: opAt + opText.length,
        length: 1,
        category: 'ParserError',
        target: ':',
        activity: '[]',
        exception: 'ParentContainsErrorRecordException',
        errorId: 'ExpectedValueExpression',
      }),
    };
  }
  return { ok: true, test: (o) => compare(valueOf(o, prop), c, value) };
}

/** Parses Where-Object's arguments into a predicate, or the error to print. */
export function parseWhere(args: readonly Token[], line: string): WhereParse {
  const rest = [...args];
  const fs = rest.findIndex((t) => !t.quoted && /^-filterscript$/i.test(t.text));
  if (fs >= 0) rest.splice(fs, 1);
  const block = rest[0];
  if (block?.group === 'scriptblock') {
    if (rest.length > 1) return note();
    return fromScriptBlock(block.inner ?? '', block.at + 1, line);
  }
  // The simplified syntax: Where-Object [-Property] Name [-op [-Value] value]
  const words = rest.filter((t) => t.quoted || !/^-(property|value)$/i.test(t.text));
  const [propTok, opTok, valueTok, ...extra] = words;
  if (!propTok || extra.length > 0) return note();
  const prop = propTok.text;
  if (!opTok) return { ok: true, test: (o) => truthy(valueOf(o, prop)) };
  const c = opTok.quoted ? undefined : operatorOf(opTok.text);
  if (!c || !valueTok) return note();
  const value = valueTok.quoted ? valueTok.text : literal(valueTok.text, true);
  return { ok: true, test: (o) => compare(valueOf(o, prop), c, value ?? null) };
}
