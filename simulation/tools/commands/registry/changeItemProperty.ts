/**
 * Set-ItemProperty, New-ItemProperty and Remove-ItemProperty on registry paths: each change goes
 * back to the host as a `registry` effect.
 */
import { cmdletSpec } from '../../catalog';
import { listRecords } from '../../shell/tables';
import { cmdletError } from '../errors';
import type { HostEffect } from '../../../windows/hostOps';
import type { ConsoleLine } from '../../../windows/hostState';
import { out, whatIf } from '../../shell/psError';
import { castError, propertyMissing } from './cmdletErrors';
import { bindLocated, valuesNamed } from './locate';
import { valueOf, valuesOf } from './paths';
import { psData, psProperties, quotedValue, REG_KINDS, toRegValue } from './values';
import { done, type CommandDef } from '../types';

const setItemPropertySpec = cmdletSpec('Set-ItemProperty');

export const setItemProperty: CommandDef = {
  name: 'Set-ItemProperty',
  run: (env) => {
    const spec = setItemPropertySpec;
    const r = bindLocated(env, spec, ['Path', 'Name']);
    if (!r.ok) return done(r.lines);
    const { v, at } = r;
    const name = v.Name as string;
    const raw = (v.Value as string | undefined) ?? '';
    const kindName = (v.Type as string | undefined)?.toLowerCase();
    const kind = kindName ? REG_KINDS[kindName] : undefined;
    const effects: HostEffect[] = [];
    const lines: ConsoleLine[] = [...at.errors];
    for (const key of at.keys) {
      if (v.WhatIf) {
        lines.push(...whatIf('Set Property', `Item: ${key} Property: ${name}`));
        continue;
      }
      const existing = valueOf(env.host.registry, key, name);
      if (kind === 'unsupported') {
        lines.push(...castError(env, spec, raw, 'System.Byte[]'));
        continue;
      }
      const value = toRegValue(raw, quotedValue(env.cmd.args, raw), kind, existing?.[1]);
      if ('cast' in value) {
        lines.push(...castError(env, spec, raw, value.cast));
        continue;
      }
      effects.push({ type: 'registry', key, name: existing?.[0] ?? name, value });
      if (v.PassThru)
        lines.push(...out(...listRecords([[[existing?.[0] ?? name, psData(value)], ...psProperties(key)]])));
    }
    return done(lines, effects);
  },
};

const newItemPropertySpec = cmdletSpec('New-ItemProperty');

export const newItemProperty: CommandDef = {
  name: 'New-ItemProperty',
  run: (env) => {
    const spec = newItemPropertySpec;
    const r = bindLocated(env, spec, ['Path', 'Name']);
    if (!r.ok) return done(r.lines);
    const { v, at } = r;
    const name = v.Name as string;
    const kind = REG_KINDS[((v.PropertyType as string | undefined) ?? 'String').toLowerCase()] ?? 'REG_SZ';
    const rawValue = v.Value as string | undefined;
    const effects: HostEffect[] = [];
    const lines: ConsoleLine[] = [...at.errors];
    const records: [string, string][][] = [];
    for (const key of at.keys) {
      if (v.WhatIf) {
        lines.push(...whatIf('New Property', `Item: ${key} Property: ${name}`));
        continue;
      }
      const existing = valueOf(env.host.registry, key, name);
      if (existing && !v.Force) {
        lines.push(
          ...cmdletError(env, spec, {
            message: 'The property already exists.',
            category: 'ResourceExists',
            targetName: key,
            targetType: 'String',
            exception: 'IOException',
            errorId: 'System.IO.IOException',
          }),
        );
        continue;
      }
      if (kind === 'unsupported') {
        lines.push(...castError(env, spec, rawValue ?? '', 'System.Byte[]'));
        continue;
      }
      const raw = rawValue ?? (kind === 'REG_DWORD' || kind === 'REG_QWORD' ? '0' : '');
      const value = toRegValue(raw, quotedValue(env.cmd.args, raw), kind);
      if ('cast' in value) {
        lines.push(...castError(env, spec, raw, value.cast));
        continue;
      }
      effects.push({ type: 'registry', key, name: existing?.[0] ?? name, value });
      records.push([[existing?.[0] ?? name, psData(value)], ...psProperties(key)]);
    }
    return done([...(records.length ? out(...listRecords(records)) : []), ...lines], effects);
  },
};

const removeItemPropertySpec = cmdletSpec('Remove-ItemProperty');

export const removeItemProperty: CommandDef = {
  name: 'Remove-ItemProperty',
  run: (env) => {
    const spec = removeItemPropertySpec;
    const r = bindLocated(env, spec, ['Path', 'Name']);
    if (!r.ok) return done(r.lines);
    const { v, at } = r;
    const names = v.Name as string[];
    const effects: HostEffect[] = [];
    const lines: ConsoleLine[] = [...at.errors];
    for (const key of at.keys)
      for (const n of names) {
        const { matched, missing } = valuesNamed(valuesOf(env.host.registry, key), n);
        if (missing) lines.push(...propertyMissing(env, spec, n, key));
        for (const [vn] of matched) {
          if (v.WhatIf) lines.push(...whatIf('Remove Property', `Item: ${key} Property: ${vn}`));
          else effects.push({ type: 'registry', key, name: vn });
        }
      }
    return done(lines, effects);
  },
};
