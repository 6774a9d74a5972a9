/**
 * Get-ItemProperty and Get-ItemPropertyValue on registry paths.
 */
import { cmdletSpec } from '../../catalog';
import type { ConsoleLine } from '../../../windows/hostState';
import { out } from '../../shell/psError';
import { PS_CUSTOM_OBJECT } from '../../shell/psObject';
import type { PsValue } from '../../shell/psFormat';
import { listed } from '../../shell/psViews';
import { propertyMissing } from './cmdletErrors';
import { bindLocated, valuesNamed } from './locate';
import { valueOf, valuesOf } from './paths';
import { psData, psProperties } from './values';
import { done, type CommandDef } from '../types';

const getItemPropertySpec = cmdletSpec('Get-ItemProperty');

export const getItemProperty: CommandDef = {
  name: 'Get-ItemProperty',
  run: (env) => {
    const spec = getItemPropertySpec;
    const r = bindLocated(env, spec, ['Path']);
    if (!r.ok) return done(r.lines);
    const { v, at } = r;
    const names = v.Name as string[] | undefined;
    const records: [string, PsValue][][] = [];
    const errs: ConsoleLine[] = [...at.errors];
    for (const key of at.keys) {
      const values = valuesOf(env.host.registry, key);
      let shown = values;
      if (names) {
        shown = [];
        for (const n of names) {
          const { matched, missing } = valuesNamed(values, n);
          if (missing) errs.push(...propertyMissing(env, spec, n, key));
          shown.push(...matched);
        }
        if (shown.length === 0) continue;
      }
      records.push([...shown.map(([n, v]): [string, string] => [n, psData(v)]), ...psProperties(key)]);
    }
    // A PSCustomObject per key: its values, then the provider's PS* properties.
    const shown = listed(PS_CUSTOM_OBJECT, records);
    return done([...shown.lines, ...errs], undefined, shown.objects);
  },
};

const getItemPropertyValueSpec = cmdletSpec('Get-ItemPropertyValue');

export const getItemPropertyValue: CommandDef = {
  name: 'Get-ItemPropertyValue',
  run: (env) => {
    const spec = getItemPropertyValueSpec;
    const r = bindLocated(env, spec, ['Name'], [env.host.consoles.powershell.cwd]);
    if (!r.ok) return done(r.lines);
    const { v, at } = r;
    const names = v.Name as string[];
    const lines: string[] = [];
    const errs: ConsoleLine[] = [...at.errors];
    for (const key of at.keys)
      for (const n of names) {
        const v = valueOf(env.host.registry, key, n);
        if (!v) errs.push(...propertyMissing(env, spec, n, key));
        else if (Array.isArray(v[1].data)) lines.push(...v[1].data);
        else lines.push(psData(v[1]));
      }
    return done([...out(...lines), ...errs]);
  },
};
