/**
 * The objects a cmdlet writes to the PowerShell pipeline, as the lab keeps them: a type name and
 * the properties it displays, in order (or, for a plain value such as a string from
 * `Select-Object -ExpandProperty`, just the value). A `Stream` is what flows from one pipeline
 * element to the next: the lines it would print if nothing followed, and its objects when it has
 * any (a native program such as ipconfig writes text only). Pure.
 */
import type { PsValue } from '../commands/psFormat';
import type { ConsoleLine } from '../hostState';

export interface PsObject {
  /** .NET type name, e.g. Microsoft.ActiveDirectory.Management.ADUser (`Selected.` + it after Select-Object). */
  typeName: string;
  props: [string, PsValue][];
  /** A plain value (string, number, boolean) rather than an object with properties. */
  value?: PsValue;
}

export interface Stream {
  lines: ConsoleLine[];
  /** Undefined for text output; an empty list when a cmdlet wrote no objects. */
  objects?: PsObject[];
}

export const isScalar = (o: PsObject) => o.value !== undefined;

export function scalar(value: PsValue): PsObject {
  const typeName =
    typeof value === 'boolean'
      ? 'System.Boolean'
      : typeof value === 'number'
        ? 'System.Int32'
        : 'System.String';
  return { typeName, props: [], value: value ?? '' };
}

/** A property by name, matched without regard to case (as PowerShell does): its own name and value. */
export function propOf(o: PsObject, name: string): [string, PsValue] | undefined {
  const n = name.toLowerCase();
  return o.props.find(([k]) => k.toLowerCase() === n);
}

/** What `$_.Name` gives: the property's value, `$null` (undefined) when there is none; `$_` itself for a plain value. */
export function valueOf(o: PsObject, name: string | undefined): PsValue {
  if (name === undefined) return o.value ?? objectText(o);
  return propOf(o, name)?.[1];
}

/** The property names a list of names and wildcards selects, in the order asked (each once). */
export function namesMatching(o: PsObject, patterns: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of patterns) {
    const re = /[*?]/.test(p) ? wildcardRe(p) : undefined;
    const hits = re ? o.props.filter(([k]) => re.test(k)).map(([k]) => k) : [propOf(o, p)?.[0] ?? p];
    for (const h of hits) if (!out.some((x) => x.toLowerCase() === h.toLowerCase())) out.push(h);
  }
  return out;
}

function wildcardRe(p: string): RegExp {
  const body = p
    .replace(/[.+^${}()|[\]\\]/g, (m) => `\\${m}`)
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

/** The object's ToString(), as an error record's target shows it. */
export function objectText(o: PsObject): string {
  if (o.value !== undefined) return o.value === null ? '' : String(o.value);
  if (o.typeName.startsWith('Selected.') || o.typeName.endsWith('GenericMeasureInfo'))
    return `@{${o.props.map(([k, v]) => `${k}=${v === undefined || v === null ? '' : String(v)}`).join('; ')}}`;
  const dn = propOf(o, 'DistinguishedName');
  if (dn && o.typeName.includes('ActiveDirectory')) return String(dn[1] ?? '');
  return o.typeName;
}

/**
 * The stream with new objects: `shown` (their display) replaces the printed output, while the
 * errors and warnings stay where they were (those before the first output line stay before it).
 */
export function withObjects(s: Stream, objects: PsObject[] | undefined, shown: ConsoleLine[]): Stream {
  const firstOut = s.lines.findIndex((l) => l.kind === 'output');
  const cut = firstOut < 0 ? s.lines.length : firstOut;
  const before = s.lines.slice(0, cut).filter((l) => l.kind !== 'output');
  const after = s.lines.slice(cut).filter((l) => l.kind !== 'output');
  return { lines: [...before, ...shown, ...after], objects };
}

/** The objects of a stream; the lines of text output as strings (for Where-Object, Sort-Object…). */
export function objectsOf(s: Stream): PsObject[] {
  return s.objects ?? s.lines.filter((l) => l.kind === 'output').map((l) => scalar(l.text));
}
