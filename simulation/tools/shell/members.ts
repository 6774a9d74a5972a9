/**
 * Member access after a parenthesised pipeline, as admins type it: `(Get-EventLog -LogName
 * Application -Newest 1).Message`, `(Get-ADUser michael.brown).Enabled`, `(Get-Date).ToUniversalTime()`,
 * `(Get-Service).Count`. PowerShell's rules (about_Member-Access_Enumeration, PowerShell 3.0 and
 * later): a property of one object is its value; of several, each object's value (member
 * enumeration); `.Count` and `.Length` of several objects count them; a property an object lacks
 * is `$null` and prints nothing. Methods: ToString(), a string's ToUpper()/ToLower()/Trim(), a
 * DateTime's ToUniversalTime(), ToLocalTime() and Add{Days,Hours,Minutes,Seconds}(n); any other
 * method is PowerShell's "Method invocation failed" error. Pure.
 */
import type { ConsoleLine } from '../../windows/hostState';
import { dateObject, EPOCH_TICKS } from '../commands/time/dateObject';
import { DATE_TYPE } from './customViews';
import { formatPsError } from './psError';
import { isScalar, objectText, propOf, scalar, type PsObject } from './psObject';
import { psValue, type PsValue } from './psFormat';

export interface Member {
  name: string;
  /** The arguments of a method call, as typed (undefined for a property). */
  args?: string[];
}

/** `.Message`, `.Name.Length`, `.AddHours(-1)`: the members of a chain, or undefined when it is not one. */
export function parseMembers(text: string): Member[] | undefined {
  const re = /\.([A-Za-z_]\w*)(\(([^()]*)\))?/y;
  const members: Member[] = [];
  let at = 0;
  while (at < text.length) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) return undefined;
    const name = m[1] as string;
    const args = m[3]
      ?.split(',')
      .map((a) => a.trim())
      .filter((a) => a !== '');
    members.push(m[2] === undefined ? { name } : { name, args: args ?? [] });
    at = re.lastIndex;
  }
  return members;
}

interface Where {
  line: string;
  /** Where the member chain starts in the line, and where the whole expression started. */
  column: number;
  length: number;
  /** The host's time-zone offset (minutes), for ToUniversalTime. */
  offsetMinutes: number;
}

type Applied = { ok: true; objects: PsObject[] } | { ok: false; lines: ConsoleLine[] };

const toObject = (v: PsValue): PsObject[] => (v === undefined || v === null ? [] : [scalar(v)]);

function property(objects: readonly PsObject[], name: string): PsObject[] {
  const n = name.toLowerCase();
  const [only] = objects;
  if (objects.length === 1 && only) {
    const own = propOf(only, name);
    if (own) return toObject(own[1]);
    if (n === 'length' && typeof only.value === 'string') return [scalar(only.value.length)];
    if (n === 'count' || n === 'length') return [scalar(1)];
    return [];
  }
  if (n === 'count' || n === 'length') return [scalar(objects.length)];
  return objects.flatMap((o) => toObject(propOf(o, name)?.[1]));
}

const UNIT_MS: Readonly<Record<string, number>> = {
  adddays: 86_400_000,
  addhours: 3_600_000,
  addminutes: 60_000,
  addseconds: 1000,
};

function localOf(o: PsObject): number {
  const ticks = propOf(o, 'Ticks')?.[1];
  return Number((BigInt(String(ticks)) - EPOCH_TICKS) / 10000n);
}

function withKind(o: PsObject, kind: string): PsObject {
  return { ...o, props: o.props.map(([k, v]) => [k, k === 'Kind' ? kind : v]) };
}

/** One object's method call; undefined when the object has no such method. */
function method(o: PsObject, m: Member, w: Where): PsObject | undefined {
  const n = m.name.toLowerCase();
  const args = m.args ?? [];
  if (n === 'tostring' && args.length === 0) return scalar(objectText(o));
  if (isScalar(o) && typeof o.value === 'string' && args.length === 0) {
    if (n === 'toupper') return scalar(o.value.toUpperCase());
    if (n === 'tolower') return scalar(o.value.toLowerCase());
    if (n === 'trim') return scalar(o.value.trim());
  }
  if (o.typeName !== DATE_TYPE) return undefined;
  const kind = psValue(propOf(o, 'Kind')?.[1]);
  const hint = psValue(propOf(o, 'DisplayHint')?.[1]);
  const offset = w.offsetMinutes * 60_000;
  if (n === 'touniversaltime' && args.length === 0)
    return kind === 'Utc' ? o : withKind(dateObject(localOf(o) - offset, hint), 'Utc');
  if (n === 'tolocaltime' && args.length === 0)
    return kind === 'Utc' ? dateObject(localOf(o) + offset, hint) : o;
  const unit = UNIT_MS[n];
  const amount = Number(args[0]);
  if (unit !== undefined && args.length === 1 && Number.isFinite(amount))
    return withKind(dateObject(Math.round(localOf(o) + amount * unit), hint), kind);
  return undefined;
}

/** A RuntimeException of the member chain (InvalidOperation), pointing where the chain was typed. */
function invalidOperation(w: Where, message: string, errorId: string): ConsoleLine[] {
  return formatPsError({
    message,
    line: w.line,
    column: w.column,
    length: w.length,
    category: 'InvalidOperation',
    target: ':',
    activity: '[]',
    exception: 'RuntimeException',
    errorId,
  });
}

function methodNotFound(o: PsObject, m: Member, w: Where): ConsoleLine[] {
  const type = isScalar(o) ? o.typeName : o.typeName.replace(/^Selected\./, '');
  return invalidOperation(
    w,
    `Method invocation failed because [${type}] does not contain a method named '${m.name}'.`,
    'MethodNotFound',
  );
}

/** The objects a member chain gives for the objects a parenthesised pipeline wrote. */
export function applyMembers(objects: readonly PsObject[], members: readonly Member[], w: Where): Applied {
  let current: PsObject[] = [...objects];
  for (const m of members) {
    if (m.args === undefined) {
      current = property(current, m.name);
      continue;
    }
    if (current.length === 0)
      return {
        ok: false,
        lines: invalidOperation(
          w,
          'You cannot call a method on a null-valued expression.',
          'InvokeMethodOnNull',
        ),
      };
    const next: PsObject[] = [];
    for (const o of current) {
      const r = method(o, m, w);
      if (!r) return { ok: false, lines: methodNotFound(o, m, w) };
      next.push(r);
    }
    current = next;
  }
  return { ok: true, objects: current };
}
