/**
 * The objects a cmdlet writes to the PowerShell pipeline, as the lab keeps them: a type name and
 * the properties it displays, in order (or, for a plain value such as a string from
 * `Select-Object -ExpandProperty`, just the value). A `Stream` is what flows from one pipeline
 * element to the next: the lines it would print if nothing followed, and its objects when it has
 * any (a native program such as ipconfig writes text only). Pure.
 */
import { wildcard } from './wildcard';
import { isTyped, psValue, type PsValue } from './psFormat';
import type { ConsoleLine } from '../../windows/hostState';

export const PS_CUSTOM_OBJECT = 'System.Management.Automation.PSCustomObject';

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

/**
 * Whether a line is pipeline output. -WhatIf's "What if: …" lines go to the host: they print
 * wherever the command stands in a pipeline and nothing after it sees them.
 */
export const isOutput = (l: ConsoleLine) => l.kind === 'output' && !l.text.startsWith('What if: ');

export function scalar(value: PsValue): PsObject {
  const typeName = isTyped(value)
    ? value.type
    : typeof value === 'boolean'
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
    const re = wildcard(p);
    const hits = re ? o.props.filter(([k]) => re.test(k)).map(([k]) => k) : [propOf(o, p)?.[0] ?? p];
    for (const h of hits) if (!out.some((x) => x.toLowerCase() === h.toLowerCase())) out.push(h);
  }
  return out;
}

/** The object's ToString(), as an error record's target shows it. */
export function objectText(o: PsObject): string {
  if (o.value !== undefined) return psValue(o.value);
  if (isCustom(o) || o.typeName.endsWith('GenericMeasureInfo'))
    return `@{${o.props.map(([k, v]) => `${k}=${psValue(v)}`).join('; ')}}`;
  const dn = propOf(o, 'DistinguishedName');
  if (dn && o.typeName.includes('ActiveDirectory')) return psValue(dn[1]);
  if (o.typeName === 'System.DateTime') return psValue(propOf(o, 'DateTime')?.[1]);
  return o.typeName;
}

/** A PSCustomObject: what Select-Object makes of an object, or Get-ItemProperty writes. */
export const isCustom = (o: PsObject) =>
  o.typeName.startsWith('Selected.') || o.typeName === PS_CUSTOM_OBJECT;

/**
 * The stream with new objects: `shown` (their display) replaces the printed output, while the
 * errors and warnings stay where they were (those before the first output line stay before it).
 */
export function withObjects(s: Stream, objects: PsObject[] | undefined, shown: ConsoleLine[]): Stream {
  const firstOut = s.lines.findIndex(isOutput);
  const cut = firstOut < 0 ? s.lines.length : firstOut;
  const before = s.lines.slice(0, cut).filter((l) => !isOutput(l));
  const after = s.lines.slice(cut).filter((l) => !isOutput(l));
  return { lines: [...before, ...shown, ...after], objects };
}

/** The objects of a stream; the lines of text output as strings (for Where-Object, Sort-Object…). */
export function objectsOf(s: Stream): PsObject[] {
  return s.objects ?? s.lines.filter(isOutput).map((l) => scalar(l.text));
}
