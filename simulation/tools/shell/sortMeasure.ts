/**
 * Sort-Object and Measure-Object on the objects of a pipeline (or on text output's lines, as
 * strings). Sort-Object orders each value by its type: numbers as numbers, dates as dates, enums
 * such as a service's Status by their value (Stopped before Running), strings without regard to
 * case, nothing before anything. Pure.
 */
import { cmdletError } from '../commands/errors';
import { display } from './psViews';
import { isTyped, psValue, type PsValue } from './psFormat';
import type { ConsoleLine } from '../../windows/hostState';
import type { BoundValue, CmdletSpec } from './bind';
import { bound, NS, property, type Built } from './filterSpec';
import type { ParsedCommand } from './parse';
import { objectsOf, propOf, valueOf, withObjects, type PsObject } from './psObject';

// --- Sort-Object --------------------------------------------------------------------------------

const sortSpec: CmdletSpec = {
  name: 'Sort-Object',
  className: `${NS}.SortObjectCommand`,
  params: [property, { name: 'Descending', type: 'switch' }, { name: 'Unique', type: 'switch' }],
};

const none = (v: PsValue) => v === undefined || v === null || v === '';

/** -1, 0 or 1: PowerShell's order of two property values. */
export function compareValues(a: PsValue, b: PsValue): number {
  if (none(a) || none(b)) return none(a) === none(b) ? 0 : none(a) ? -1 : 1;
  const num = (v: PsValue) =>
    typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : isTyped(v) ? v.order : undefined;
  const x = num(a);
  const y = num(b);
  if (x !== undefined && y !== undefined && typeof a !== 'string' && typeof b !== 'string')
    return Math.sign(x - y);
  const s = psValue(a).toLowerCase();
  const t = psValue(b).toLowerCase();
  return s === t ? 0 : s < t ? -1 : 1;
}

export function sortObject(cmd: ParsedCommand, line: string): Built {
  return bound(sortSpec, cmd, line, (v, properties) => (s) => {
    const keys = properties?.map((p) => (typeof p === 'string' ? p : p.from)) ?? [undefined];
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
      // A DateTime or an enum is not a number to Measure-Object in Windows PowerShell 5.1.
      const n =
        typeof raw === 'boolean'
          ? Number(raw)
          : typeof raw === 'number'
            ? raw
            : Number(psValue(raw).trim() || NaN);
      if (Number.isNaN(n)) bad.push(psValue(raw));
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
  const at = { cmd, line };
  return bound(measureSpec, cmd, line, (v, properties) => (s) => {
    const objs = objectsOf(s);
    const props = properties?.map((p) => (typeof p === 'string' ? p : p.from)) ?? [undefined];
    const infos: PsObject[] = [];
    const errors: ConsoleLine[] = [];
    for (const p of props) {
      const m = measureOne(objs, p, v);
      for (const b of m.bad)
        errors.push(
          ...cmdletError(at, measureSpec, {
            message: `Input object "${b}" is not numeric.`,
            category: 'InvalidType',
            targetName: b,
            targetType: 'String',
            exception: 'PSInvalidOperationException',
            errorId: 'NonNumericInputObject',
          }),
        );
      if (m.missing)
        errors.push(
          ...cmdletError(at, measureSpec, {
            message: `The property "${p ?? ''}" cannot be found in the input for any objects.`,
            category: 'InvalidArgument',
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
