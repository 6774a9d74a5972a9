/**
 * Select-Object (-Property with calculated properties, -ExpandProperty, -First, -Last, -Skip) and
 * Format-Table / Format-List (which turn objects into text and format records no cmdlet binds). Text
 * output (a native program) reaches Select-Object as strings, one a line, blank lines included, as
 * it does in PowerShell; the formatters leave it as it is. Sort-Object and Measure-Object are in
 * sortMeasure.ts. Pure.
 */
import { cmdletError, outOfRange, validationError } from '../commands/errors';
import { display, listOf, tableOf } from './psViews';
import type { ConsoleLine } from '../../windows/hostState';
import type { BoundValue, CmdletSpec, ParamSpec } from './bind';
import { hasCalculated, project, type PropertySpec } from './calculated';
import { bound, NS, property, type Built, type PipeFilter } from './filterSpec';
import type { ParsedCommand } from './parse';
import { objectsOf, objectText, propOf, scalar, withObjects, type PsObject } from './psObject';

export { measureObject, sortObject } from './sortMeasure';
export type { Built, PipeFilter };

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

/** -First, -Last and -Skip carry [ValidateRange(0, Int32.MaxValue)]. */
function checkCounts(
  cmd: ParsedCommand,
  line: string,
  v: Record<string, BoundValue>,
): ConsoleLine[] | undefined {
  for (const p of ['First', 'Last', 'Skip']) {
    const n = v[p];
    if (typeof n !== 'number' || n >= 0) continue;
    return validationError({ cmd, line }, selectSpec, p, outOfRange(n, 0));
  }
  return undefined;
}

/**
 * The objects -First, -Last and -Skip keep. With both, the first N and then the last M of the
 * rest; -Skip counts from the end when -Last is given alone (as the cmdlet's help says).
 */
function counted(objs: readonly PsObject[], v: Record<string, BoundValue>): PsObject[] {
  const first = v.First as number | undefined;
  const last = v.Last as number | undefined;
  const skip = (v.Skip as number | undefined) ?? 0;
  if (last !== undefined && first === undefined) {
    const kept = objs.slice(0, Math.max(0, objs.length - skip));
    return kept.slice(Math.max(0, kept.length - last));
  }
  const rest = objs.slice(skip);
  if (first === undefined) return rest;
  const head = rest.slice(0, first);
  if (last === undefined) return head;
  const tail = rest.slice(first);
  return [...head, ...tail.slice(Math.max(0, tail.length - last))];
}

function selected(o: PsObject, list: readonly PropertySpec[]): PsObject {
  return {
    typeName: o.typeName.startsWith('Selected.') ? o.typeName : `Selected.${o.typeName}`,
    props: project(o, list),
  };
}

export function selectObject(cmd: ParsedCommand, line: string): Built {
  const at = { cmd, line };
  const make =
    (v: Record<string, BoundValue>, list: PropertySpec[] | undefined): PipeFilter =>
    (s) => {
      let objs = counted(objectsOf(s), v);
      const errors: ConsoleLine[] = [];
      const expand = v.ExpandProperty as string | undefined;
      if (expand !== undefined) {
        const values: PsObject[] = [];
        for (const o of objs) {
          const p = propOf(o, expand);
          if (p) values.push(scalar(p[1]));
          else
            errors.push(
              ...cmdletError(at, selectSpec, {
                message: `Property "${expand}" cannot be found.`,
                category: 'InvalidArgument',
                targetName: objectText(o),
                targetType: 'PSObject',
                exception: 'PSArgumentException',
                errorId: 'ExpandPropertyNotFound',
              }),
            );
        }
        objs = values;
      } else if (list) {
        objs = objs.map((o) => selected(o, list));
      }
      const shown = withObjects(s, objs, display(objs));
      return { ...shown, lines: [...shown.lines, ...errors] };
    };
  return bound(selectSpec, cmd, line, make, (v) => checkCounts(cmd, line, v));
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
  return bound(kind === 'table' ? tableSpec : listSpec, cmd, line, (_v, list) => (s) => {
    if (!s.objects) return s;
    let objects = s.objects;
    let names = list as string[] | undefined;
    // Calculated properties: format what they read, under their names.
    if (list && hasCalculated(list)) {
      objects = objects.map((o) => ({ typeName: o.typeName, props: project(o, list) }));
      names = objects[0]?.props.map(([k]) => k) ?? [];
    }
    const shown = kind === 'table' ? tableOf(objects, names) : listOf(objects, names);
    return withObjects(s, formatData(objects.length), shown);
  });
}

const FORMAT = 'Microsoft.PowerShell.Commands.Internal.Format';

/** What a formatter writes: format records for Out-Default, which no other cmdlet can bind. */
function formatData(entries: number): PsObject[] {
  const data = (kind: string): PsObject => ({ typeName: `${FORMAT}.${kind}`, props: [] });
  return [
    data('FormatStartData'),
    data('GroupStartData'),
    ...Array.from({ length: entries }, () => data('FormatEntryData')),
    data('GroupEndData'),
    data('FormatEndData'),
  ];
}
