/**
 * New-Item, Test-Path, Get-ChildItem and Get-Item on registry paths (New-Item's key as a
 * `registryKey` effect); Test-Path also knows the folders every host has, as the lab has no file
 * system.
 */
import { bind } from '../args';
import { cmdletError, missingMandatory } from '../errors';
import type { HostEffect } from '../../../windows/hostOps';
import type { ConsoleLine, WindowsHostContext } from '../../../windows/hostState';
import type { RegValue } from '../../../windows/registry';
import type { CmdletSpec } from '../../shell/bind';
import { formatPsError, out } from '../../shell/psError';
import { locate, noFileSystem, NS, pathNotFound } from './cmdletShared';
import { expand, isRegistryPath, keyOf, leafOf, normalise, parentOf, subkeysOf } from './paths';
import { keyTable } from './values';
import { done, type CommandDef } from '../types';

const newItemSpec: CmdletSpec = {
  name: 'New-Item',
  className: `${NS}.NewItemCommand`,
  params: [
    { name: 'Path', type: 'strings', position: 0 },
    { name: 'Name', type: 'string' },
    { name: 'ItemType', type: 'string', aliases: ['Type'] },
    { name: 'Value', type: 'string' },
    { name: 'Force', type: 'switch' },
    { name: 'WhatIf', type: 'switch', aliases: ['wi'] },
    { name: 'Confirm', type: 'switch', aliases: ['cf'] },
  ],
};

export const newItem: CommandDef = {
  names: ['new-item', 'ni'],
  kind: 'cmdlet',
  spec: newItemSpec,
  run: (env) => {
    const spec = newItemSpec;
    const b = bind(env, spec);
    if (!b.ok) return done(formatPsError(b.error));
    const v = b.values;
    const paths = v.Path as string[] | undefined;
    if (!paths) return done(missingMandatory(env, spec, ['Path']));
    const effects: HostEffect[] = [];
    const lines: ConsoleLine[] = [];
    for (const typed0 of paths) {
      const typed = v.Name ? `${typed0.replace(/\\+$/, '')}\\${v.Name as string}` : typed0;
      if (!isRegistryPath(typed)) {
        lines.push(...noFileSystem());
        continue;
      }
      const n = normalise(typed, true);
      if (!n) {
        lines.push(...pathNotFound(env, spec, typed));
        continue;
      }
      const existing = keyOf(env.host.registry, n);
      const parent = parentOf(n);
      if (!v.Force && !keyOf(env.host.registry, parent)) {
        lines.push(...pathNotFound(env, spec, typed.split('\\').slice(0, -1).join('\\')));
        continue;
      }
      if (existing && !v.Force) {
        lines.push(
          ...cmdletError(env, spec, {
            message: 'A key at this path already exists.',
            category: 'ResourceExists',
            targetName: `Microsoft.PowerShell.Core\\Registry::${existing}`,
            targetType: 'String',
            exception: 'IOException',
            errorId: 'System.IO.IOException',
          }),
        );
        continue;
      }
      if (v.WhatIf) {
        lines.push({
          kind: 'output',
          text: `What if: Performing the operation "New Item" on target "Item: ${n}".`,
        });
        continue;
      }
      const key = existing ?? n;
      // New-Item -Force on a key that exists replaces it: its values and subkeys are gone.
      if (existing) effects.push({ type: 'registryKey', key, op: 'delete' });
      effects.push({ type: 'registryKey', key, op: 'create' });
      const value: [string, RegValue][] =
        v.Value !== undefined ? [['(default)', { type: 'REG_SZ', data: v.Value as string }]] : [];
      if (v.Value !== undefined)
        effects.push({
          type: 'registry',
          key,
          name: '(default)',
          value: { type: 'REG_SZ', data: v.Value as string },
        });
      lines.push(
        ...out(
          ...keyTable(
            env.host.registry,
            keyOf(env.host.registry, parent) ?? parent,
            [key],
            new Map([[key, value]]),
          ),
        ),
      );
    }
    return done(lines, effects);
  },
};

/** Folders every host has, for Test-Path on file-system paths (the lab has no files). */
function knownFolders(host: WindowsHostContext): string[] {
  const dirs = [
    'C:\\',
    'C:\\Windows',
    'C:\\Windows\\System32',
    'C:\\Windows\\System32\\drivers\\etc',
    'C:\\Windows\\System32\\drivers\\etc\\hosts',
    'C:\\Program Files',
    'C:\\Program Files (x86)',
    'C:\\ProgramData',
    'C:\\Users',
    host.consoles.powershell.cwd,
  ];
  if (host.kind === 'dc')
    dirs.push('C:\\Windows\\NTDS', 'C:\\Windows\\SYSVOL', 'C:\\Windows\\SYSVOL\\sysvol');
  if (host.entraConnect)
    dirs.push(
      'C:\\Program Files\\Microsoft Azure AD Sync',
      'C:\\Program Files\\Microsoft Azure AD Sync\\Bin',
      'C:\\Program Files\\Microsoft Azure AD Sync\\Bin\\miiserver.exe',
      'C:\\Program Files\\Microsoft Azure Active Directory Connect',
      'C:\\ProgramData\\AADConnect',
    );
  return dirs.map((d) => d.toLowerCase().replace(/\\+$/, ''));
}

const testPathSpec: CmdletSpec = {
  name: 'Test-Path',
  className: `${NS}.TestPathCommand`,
  params: [
    { name: 'Path', type: 'strings', position: 0 },
    { name: 'LiteralPath', type: 'strings', aliases: ['PSPath', 'LP'] },
    {
      name: 'PathType',
      type: 'enum',
      values: ['Any', 'Container', 'Leaf'],
      typeName: 'Microsoft.PowerShell.Commands.TestPathType',
      aliases: ['Type'],
    },
    { name: 'IsValid', type: 'switch' },
    { name: 'Filter', type: 'string' },
  ],
};

export const testPath: CommandDef = {
  names: ['test-path'],
  kind: 'cmdlet',
  spec: testPathSpec,
  run: (env) => {
    const spec = testPathSpec;
    const b = bind(env, spec);
    if (!b.ok) return done(formatPsError(b.error));
    const paths = (b.values.Path ?? b.values.LiteralPath) as string[] | undefined;
    if (!paths) return done(missingMandatory(env, spec, ['Path']));
    const type = (b.values.PathType as string | undefined) ?? 'Any';
    const results = paths.map((p) => {
      if (b.values.IsValid) return true;
      if (isRegistryPath(p)) {
        const n = normalise(p, true);
        const exists = !!n && expand(env.host.registry, n).length > 0;
        return exists && type !== 'Leaf';
      }
      const folders = knownFolders(env.host);
      const f = p.trim().toLowerCase().replace(/\\+$/, '');
      const exists = folders.includes(f);
      const leaf = /\.\w+$/.test(f);
      return exists && (type === 'Any' || (type === 'Leaf') === leaf);
    });
    return done(out(...results.map((r) => (r ? 'True' : 'False'))));
  },
};

const childItemSpec: CmdletSpec = {
  name: 'Get-ChildItem',
  className: `${NS}.GetChildItemCommand`,
  params: [
    { name: 'Path', type: 'strings', position: 0 },
    { name: 'LiteralPath', type: 'strings', aliases: ['PSPath', 'LP'] },
    { name: 'Filter', type: 'string', position: 1 },
    { name: 'Recurse', type: 'switch', aliases: ['s'] },
    { name: 'Name', type: 'switch' },
    { name: 'Force', type: 'switch' },
    { name: 'Include', type: 'strings' },
    { name: 'Exclude', type: 'strings' },
  ],
};

export const getChildItem: CommandDef = {
  names: ['get-childitem', 'gci'],
  kind: 'cmdlet',
  spec: childItemSpec,
  run: (env) => {
    const spec = childItemSpec;
    const b = bind(env, spec);
    if (!b.ok) return done(formatPsError(b.error));
    const paths = (b.values.Path ?? b.values.LiteralPath) as string[] | undefined;
    if (!paths) return done(noFileSystem());
    const { found, errors, fileSystem } = locate(env, spec, paths);
    if (fileSystem && found.length === 0 && errors.length === 0) return done(noFileSystem());
    const lines: string[] = [];
    const reg = env.host.registry;
    const visit = (key: string) => {
      const children = subkeysOf(reg, key).map((c) => `${key}\\${c}`);
      if (children.length === 0) return;
      if (b.values.Name) lines.push(...children.map(leafOf));
      else lines.push(...keyTable(reg, key, children));
      if (b.values.Recurse) for (const c of children) visit(c);
    };
    for (const l of found) for (const k of l.keys) visit(k);
    return done([...out(...lines), ...errors]);
  },
};

const getItemSpec: CmdletSpec = {
  name: 'Get-Item',
  className: `${NS}.GetItemCommand`,
  params: [
    { name: 'Path', type: 'strings', position: 0 },
    { name: 'LiteralPath', type: 'strings', aliases: ['PSPath', 'LP'] },
    { name: 'Force', type: 'switch' },
  ],
};

export const getItem: CommandDef = {
  names: ['get-item', 'gi'],
  kind: 'cmdlet',
  spec: getItemSpec,
  run: (env) => {
    const spec = getItemSpec;
    const b = bind(env, spec);
    if (!b.ok) return done(formatPsError(b.error));
    const paths = (b.values.Path ?? b.values.LiteralPath) as string[] | undefined;
    if (!paths) return done(missingMandatory(env, spec, ['Path']));
    const { found, errors, fileSystem } = locate(env, spec, paths);
    if (fileSystem && found.length === 0 && errors.length === 0) return done(noFileSystem());
    const lines: string[] = [];
    for (const l of found)
      for (const k of l.keys) lines.push(...keyTable(env.host.registry, parentOf(k), [k]));
    return done([...out(...lines), ...errors]);
  },
};
