/**
 * The PowerShell cmdlets that work on the objects in a pipeline: Select-Object (-Property,
 * -ExpandProperty, -First, -Last, -Skip), Sort-Object, Measure-Object, Format-Table and Format-List
 * (which turn objects into text: nothing after them sees objects). On text output (a native
 * program) Select-Object -First/-Last keep whole lines and the formatters leave the text as it is.
 * Pure.
 */
import { display, listOf, tableOf } from '../commands/psViews';
import type { PsValue } from '../commands/psFormat';
import { ellipsize } from '../commands/sysShared';
import type { ConsoleLine } from '../hostState';
import { bindParams, type BoundValue, type CmdletSpec, type ParamSpec } from './bind';
import type { ParsedCommand, Token } from './parse';
import { formatPsError } from './psError';
import {
  namesMatching,
  objectsOf,
  objectText,
  propOf,
  scalar,
  valueOf,
  withObjects,
  type PsObject,
  type Stream,
} from './psObject';

export type PipeFilter = (s: Stream) => Stream;
export type Built = { ok: true; filter: PipeFilter } | { ok: false; lines: ConsoleLine[] };

const NS = 'Microsoft.PowerShell.Commands';
const property: ParamSpec = { name: 'Property', type: 'strings', position: 0 };

/** `Name, Status` is one list in PowerShell: join the tokens a comma splits across spaces. */
function joinCommaLists(args: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (const t of args) {
    const prev = out[out.length - 1];
    if (prev && !prev.group && !t.group && (prev.text.endsWith(',') || t.text.startsWith(','))) {
      out[out.length - 1] = { ...prev, text: prev.text + t.text, end: t.end, quoted: false };
    } else out.push(t);
  }
  return out;
}

function bound(
  spec: CmdletSpec,
  cmd: ParsedCommand,
  line: string,
  make: (v: Record<string, BoundValue>) => PipeFilter,
): Built {
  const b = bindParams(spec, joinCommaLists(cmd.args), line);
  return b.ok ? { ok: true, filter: make(b.values) } : { ok: false, lines: formatPsError(b.error) };
}

/** A runtime error a pipeline cmdlet writes for one input object. */
function objectError(
  spec: CmdletSpec,
  cmd: ParsedCommand,
  line: string,
  e: { message: string; category: string; target: string; exception: string; errorId: string },
): ConsoleLine[] {
  return formatPsError({
    command: spec.name,
    message: e.message,
    line,
    column: cmd.nameAt,
    length: cmd.source.length,
    category: e.category,
    target: e.target,
    activity: `[${spec.name}]`,
    exception: e.exception,
    errorId: `${e.errorId},${spec.className}`,
  });
}

/** Keeps the first/last N non-blank lines (a fair stand-in for N objects of a table). */
function trimToRecords(lines: ConsoleLine[], n: number, end: 'first' | 'last'): ConsoleLine[] {
  if (n < 0) return lines;
  const content = lines.filter((l) => l.text.trim().length > 0);
  return end === 'first' ? content.slice(0, n) : content.slice(Math.max(0, content.length - n));
}

const selectSpec: CmdletSpec = {
  name: 'Select-Object',
  className: `${NS}.SelectObjectCommand`,
  params: [
    property,
    { name: 'ExpandProperty', type: 'string' },
    { name: 'First', type: 'int' },
    { name: 'Last', type: 'int' },
    { name: 'Skip', type: 'int' },
  ],
};

export function selectObject(cmd: ParsedCommand, line: string): Built {
  return bound(selectSpec, cmd, line, (v) => (s) => {
    const first = v.First as number | undefined;
    const last = v.Last as number | undefined;
    if (!s.objects) {
      if (first !== undefined) return { lines: trimToRecords(s.lines, first, 'first') };
      if (last !== undefined) return { lines: trimToRecords(s.lines, last, 'last') };
      return s;
    }
    let objs = s.objects.slice((v.Skip as number | undefined) ?? 0);
    if (first !== undefined) objs = objs.slice(0, Math.max(0, first));
    if (last !== undefined) objs = objs.slice(Math.max(0, objs.length - last));
    const errors: ConsoleLine[] = [];
    const expand = v.ExpandProperty as string | undefined;
    const names = v.Property as string[] | undefined;
    if (expand !== undefined) {
      const values: PsObject[] = [];
      for (const o of objs) {
        const p = propOf(o, expand);
        if (p) values.push(scalar(p[1]));
        else
          errors.push(
            ...objectError(selectSpec, cmd, line, {
              message: `Property "${expand}" cannot be found.`,
              category: 'InvalidArgument',
              target: `${ellipsize(objectText(o))}:PSObject`,
              exception: 'PSArgumentException',
              errorId: 'ExpandPropertyNotFound',
            }),
          );
      }
      objs = values;
    } else if (names) {
      objs = objs.map((o) => ({
        typeName: o.typeName.startsWith('Selected.') ? o.typeName : `Selected.${o.typeName}`,
        props: namesMatching(o, names).map((n): [string, PsValue] => [n, valueOf(o, n) ?? null]),
      }));
    }
    const shown = withObjects(s, objs, display(objs));
    return { ...shown, lines: [...shown.lines, ...errors] };
  });
}

// --- Sort-Object --------------------------------------------------------------------------------

const sortSpec: CmdletSpec = {
  name: 'Sort-Object',
  className: `${NS}.SortObjectCommand`,
  params: [property, { name: 'Descending', type: 'switch' }, { name: 'Unique', type: 'switch' }],
};

function compareValues(a: PsValue, b: PsValue): number {
  const none = (v: PsValue) => v === undefined || v === null;
  if (none(a) || none(b)) return none(a) === none(b) ? 0 : none(a) ? -1 : 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const x = String(a).toLowerCase();
  const y = String(b).toLowerCase();
  return x === y ? 0 : x < y ? -1 : 1;
}

export function sortObject(cmd: ParsedCommand, line: string): Built {
  return bound(sortSpec, cmd, line, (v) => (s) => {
    const keys = (v.Property as string[] | undefined) ?? [undefined];
    const key = (o: PsObject) => keys.map((k) => valueOf(o, k));
    const cmp = (a: PsObject, b: PsObject) => {
      const ka = key(a);
      const kb = key(b);
      for (let i = 0; i < ka.length; i++) {
        const c = compareValues(ka[i], kb[i]);
        if (c !== 0) return v.Descending ? -c : c;
      }
      return 0;
    };
    let objs = [...objectsOf(s)].sort(cmp);
    if (v.Unique) objs = objs.filter((o, i) => i === 0 || cmp(objs[i - 1] as PsObject, o) !== 0);
    return withObjects(s, objs, display(objs));
  });
}

// --- Measure-Object -------------------------------------------------------------------------------

const measureSpec: CmdletSpec = {
  name: 'Measure-Object',
  className: `${NS}.MeasureObjectCommand`,
  params: [
    property,
    { name: 'Sum', type: 'switch' },
    { name: 'Average', type: 'switch' },
    { name: 'Maximum', type: 'switch' },
    { name: 'Minimum', type: 'switch' },
  ],
};

const MEASURE_TYPE = `${NS}.GenericMeasureInfo`;

function measureOne(objs: readonly PsObject[], prop: string | undefined, v: Record<string, BoundValue>) {
  const present = prop === undefined ? objs : objs.filter((o) => propOf(o, prop) !== undefined);
  const numbers: number[] = [];
  const bad: string[] = [];
  const wantsNumbers = v.Sum || v.Average || v.Maximum || v.Minimum;
  if (wantsNumbers) {
    for (const o of present) {
      const raw = valueOf(o, prop);
      if (raw === undefined || raw === null) continue;
      const n =
        typeof raw === 'boolean' ? Number(raw) : typeof raw === 'number' ? raw : Number(raw.trim() || NaN);
      if (Number.isNaN(n)) bad.push(String(raw));
      else numbers.push(n);
    }
  }
  const sum = numbers.reduce((a, b) => a + b, 0);
  const stat = (on: BoundValue | undefined, value: number) => (on && numbers.length > 0 ? value : null);
  const info: PsObject = {
    typeName: MEASURE_TYPE,
    props: [
      ['Count', present.length],
      ['Average', stat(v.Average, sum / numbers.length)],
      ['Sum', stat(v.Sum, sum)],
      ['Maximum', stat(v.Maximum, Math.max(...numbers))],
      ['Minimum', stat(v.Minimum, Math.min(...numbers))],
      ['Property', prop ?? null],
    ],
  };
  return { info, missing: present.length === 0 && prop !== undefined, bad };
}

export function measureObject(cmd: ParsedCommand, line: string): Built {
  return bound(measureSpec, cmd, line, (v) => (s) => {
    const objs = objectsOf(s);
    const props = (v.Property as string[] | undefined) ?? [undefined];
    const infos: PsObject[] = [];
    const errors: ConsoleLine[] = [];
    for (const p of props) {
      const m = measureOne(objs, p, v);
      for (const b of m.bad)
        errors.push(
          ...objectError(measureSpec, cmd, line, {
            message: `Input object "${b}" is not numeric.`,
            category: 'InvalidType',
            target: `${ellipsize(b)}:String`,
            exception: 'PSInvalidOperationException',
            errorId: 'NonNumericInputObject',
          }),
        );
      if (m.missing)
        errors.push(
          ...objectError(measureSpec, cmd, line, {
            message: `The property "${p ?? ''}" cannot be found in the input for any objects.`,
            category: 'InvalidArgument',
            target: ':',
            exception: 'PSArgumentException',
            errorId: 'GenericMeasurePropertyNotFound',
          }),
        );
      else infos.push(m.info);
    }
    const shown = withObjects(s, infos, display(infos));
    return { ...shown, lines: [...errors, ...shown.lines] };
  });
}

// --- Format-Table / Format-List -----------------------------------------------------------------

const formatSpec = (name: string, cls: string, extra: ParamSpec[] = []): CmdletSpec => ({
  name,
  className: `${NS}.${cls}`,
  params: [property, { name: 'Force', type: 'switch' }, ...extra],
});

const tableSpec = formatSpec('Format-Table', 'FormatTableCommand', [
  { name: 'AutoSize', type: 'switch' },
  { name: 'Wrap', type: 'switch' },
  { name: 'HideTableHeaders', type: 'switch' },
]);
const listSpec = formatSpec('Format-List', 'FormatListCommand');

export function formatObjects(cmd: ParsedCommand, line: string, kind: 'table' | 'list'): Built {
  return bound(kind === 'table' ? tableSpec : listSpec, cmd, line, (v) => (s) => {
    if (!s.objects) return s;
    const names = v.Property as string[] | undefined;
    const shown = kind === 'table' ? tableOf(s.objects, names) : listOf(s.objects, names);
    return withObjects(s, undefined, shown);
  });
}
