/**
 * Set-ItemProperty, New-ItemProperty and Remove-ItemProperty on registry paths: each change goes
 * back to the host as a `registry` effect.
 */
import { listRecords } from '../../shell/tables';
import { wildcard } from '../../shell/wildcard';
import { bind } from '../args';
import { cmdletError, missingMandatory } from '../errors';
import type { HostEffect } from '../../../windows/hostOps';
import type { ConsoleLine } from '../../../windows/hostState';
import type { CmdletSpec } from '../../shell/bind';
import { formatPsError, out } from '../../shell/psError';
import { castError, locate, noFileSystem, NS, propertyMissing } from './cmdletShared';
import { valueOf, valuesOf } from './paths';
import { KIND_NAMES, psData, psProperties, quotedValue, REG_KINDS, toRegValue } from './values';
import { done, type CommandDef } from '../types';

const setItemPropertySpec: CmdletSpec = {
  name: 'Set-ItemProperty',
  className: `${NS}.SetItemPropertyCommand`,
  params: [
    { name: 'Path', type: 'strings', position: 0 },
    { name: 'LiteralPath', type: 'strings', aliases: ['PSPath', 'LP'] },
    { name: 'Name', type: 'string', position: 1, aliases: ['PSProperty'] },
    { name: 'Value', type: 'string', position: 2 },
    { name: 'Type', type: 'enum', values: KIND_NAMES, typeName: 'Microsoft.Win32.RegistryValueKind' },
    { name: 'PassThru', type: 'switch' },
    { name: 'Force', type: 'switch' },
    { name: 'WhatIf', type: 'switch', aliases: ['wi'] },
    { name: 'Confirm', type: 'switch', aliases: ['cf'] },
  ],
};

export const setItemProperty: CommandDef = {
  names: ['set-itemproperty', 'sp'],
  kind: 'cmdlet',
  spec: setItemPropertySpec,
  run: (env) => {
    const spec = setItemPropertySpec;
    const b = bind(env, spec);
    if (!b.ok) return done(formatPsError(b.error));
    const v = b.values;
    const paths = (v.Path ?? v.LiteralPath) as string[] | undefined;
    if (!paths) return done(missingMandatory(env, spec, ['Path']));
    if (v.Name === undefined) return done(missingMandatory(env, spec, ['Name']));
    const name = v.Name as string;
    const raw = (v.Value as string | undefined) ?? '';
    const kindName = (v.Type as string | undefined)?.toLowerCase();
    const kind = kindName ? REG_KINDS[kindName] : undefined;
    const { found, errors, fileSystem } = locate(env, spec, paths);
    if (fileSystem && found.length === 0 && errors.length === 0) return done(noFileSystem());
    const effects: HostEffect[] = [];
    const lines: ConsoleLine[] = [...errors];
    for (const l of found)
      for (const key of l.keys) {
        if (v.WhatIf) {
          lines.push({
            kind: 'output',
            text: `What if: Performing the operation "Set Property" on target "Item: ${key} Property: ${name}".`,
          });
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
          lines.push(
            ...out(...listRecords([[[existing?.[0] ?? name, psData(value)], ...psProperties(key)]])),
          );
      }
    return done(lines, effects);
  },
};

const newItemPropertySpec: CmdletSpec = {
  name: 'New-ItemProperty',
  className: `${NS}.NewItemPropertyCommand`,
  params: [
    { name: 'Path', type: 'strings', position: 0 },
    { name: 'LiteralPath', type: 'strings', aliases: ['PSPath', 'LP'] },
    { name: 'Name', type: 'string', position: 1, aliases: ['PSProperty'] },
    {
      name: 'PropertyType',
      type: 'enum',
      values: KIND_NAMES,
      typeName: 'Microsoft.Win32.RegistryValueKind',
      aliases: ['Type'],
    },
    { name: 'Value', type: 'string' },
    { name: 'Force', type: 'switch' },
    { name: 'WhatIf', type: 'switch', aliases: ['wi'] },
    { name: 'Confirm', type: 'switch', aliases: ['cf'] },
  ],
};

export const newItemProperty: CommandDef = {
  names: ['new-itemproperty'],
  kind: 'cmdlet',
  spec: newItemPropertySpec,
  run: (env) => {
    const spec = newItemPropertySpec;
    const b = bind(env, spec);
    if (!b.ok) return done(formatPsError(b.error));
    const v = b.values;
    const paths = (v.Path ?? v.LiteralPath) as string[] | undefined;
    if (!paths) return done(missingMandatory(env, spec, ['Path']));
    if (v.Name === undefined) return done(missingMandatory(env, spec, ['Name']));
    const name = v.Name as string;
    const kind = REG_KINDS[((v.PropertyType as string | undefined) ?? 'String').toLowerCase()] ?? 'REG_SZ';
    const rawValue = v.Value as string | undefined;
    const { found, errors, fileSystem } = locate(env, spec, paths);
    if (fileSystem && found.length === 0 && errors.length === 0) return done(noFileSystem());
    const effects: HostEffect[] = [];
    const lines: ConsoleLine[] = [...errors];
    const records: [string, string][][] = [];
    for (const l of found)
      for (const key of l.keys) {
        if (v.WhatIf) {
          lines.push({
            kind: 'output',
            text: `What if: Performing the operation "New Property" on target "Item: ${key} Property: ${name}".`,
          });
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

const removeItemPropertySpec: CmdletSpec = {
  name: 'Remove-ItemProperty',
  className: `${NS}.RemoveItemPropertyCommand`,
  params: [
    { name: 'Path', type: 'strings', position: 0 },
    { name: 'LiteralPath', type: 'strings', aliases: ['PSPath', 'LP'] },
    { name: 'Name', type: 'strings', position: 1, aliases: ['PSProperty'] },
    { name: 'Force', type: 'switch' },
    { name: 'WhatIf', type: 'switch', aliases: ['wi'] },
    { name: 'Confirm', type: 'switch', aliases: ['cf'] },
  ],
};

export const removeItemProperty: CommandDef = {
  names: ['remove-itemproperty', 'rp'],
  kind: 'cmdlet',
  spec: removeItemPropertySpec,
  run: (env) => {
    const spec = removeItemPropertySpec;
    const b = bind(env, spec);
    if (!b.ok) return done(formatPsError(b.error));
    const v = b.values;
    const paths = (v.Path ?? v.LiteralPath) as string[] | undefined;
    if (!paths) return done(missingMandatory(env, spec, ['Path']));
    const names = v.Name as string[] | undefined;
    if (!names) return done(missingMandatory(env, spec, ['Name']));
    const { found, errors, fileSystem } = locate(env, spec, paths);
    if (fileSystem && found.length === 0 && errors.length === 0) return done(noFileSystem());
    const effects: HostEffect[] = [];
    const lines: ConsoleLine[] = [...errors];
    for (const l of found)
      for (const key of l.keys)
        for (const n of names) {
          const re = wildcard(n);
          const matched = valuesOf(env.host.registry, key).filter(([vn]) =>
            re ? re.test(vn) : vn.toLowerCase() === n.toLowerCase(),
          );
          if (matched.length === 0 && !re) lines.push(...propertyMissing(env, spec, n, key));
          for (const [vn] of matched) {
            if (v.WhatIf)
              lines.push({
                kind: 'output',
                text: `What if: Performing the operation "Remove Property" on target "Item: ${key} Property: ${vn}".`,
              });
            else effects.push({ type: 'registry', key, name: vn });
          }
        }
    return done(lines, effects);
  },
};
