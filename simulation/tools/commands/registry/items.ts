/**
 * New-Item, Test-Path, Get-ChildItem and Get-Item on registry paths (New-Item's key as a
 * `registryKey` effect); Test-Path also knows the folders every host has, as the lab has no file
 * system.
 */
import { cmdletSpec } from '../../catalog';
import { bind } from '../args';
import { cmdletError, missingMandatory } from '../errors';
import type { HostEffect } from '../../../windows/hostOps';
import type { ConsoleLine, WindowsHostContext } from '../../../windows/hostState';
import type { RegValue } from '../../../windows/registry';
import { formatPsError, out, whatIf } from '../../shell/psError';
import { noFileSystem, pathNotFound } from './cmdletErrors';
import { bindLocated, locate, pathsOf } from './locate';
import { expand, isRegistryPath, keyOf, leafOf, normalise, parentOf, subkeysOf } from './paths';
import { keyTable } from './values';
import { done, type CommandDef } from '../types';

const newItemSpec = cmdletSpec('New-Item');

export const newItem: CommandDef = {
  name: 'New-Item',
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
        lines.push(...whatIf('New Item', `Item: ${n}`));
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

const testPathSpec = cmdletSpec('Test-Path');

export const testPath: CommandDef = {
  name: 'Test-Path',
  run: (env) => {
    const spec = testPathSpec;
    const b = bind(env, spec);
    if (!b.ok) return done(formatPsError(b.error));
    const paths = pathsOf(b.values);
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

const childItemSpec = cmdletSpec('Get-ChildItem');

export const getChildItem: CommandDef = {
  name: 'Get-ChildItem',
  run: (env) => {
    const spec = childItemSpec;
    const b = bind(env, spec);
    if (!b.ok) return done(formatPsError(b.error));
    const paths = pathsOf(b.values);
    if (!paths) return done(noFileSystem());
    const at = locate(env, spec, paths);
    if ('note' in at) return done(at.note);
    const lines: string[] = [];
    const reg = env.host.registry;
    const visit = (key: string) => {
      const children = subkeysOf(reg, key).map((c) => `${key}\\${c}`);
      if (children.length === 0) return;
      if (b.values.Name) lines.push(...children.map(leafOf));
      else lines.push(...keyTable(reg, key, children));
      if (b.values.Recurse) for (const c of children) visit(c);
    };
    for (const k of at.keys) visit(k);
    return done([...out(...lines), ...at.errors]);
  },
};

const getItemSpec = cmdletSpec('Get-Item');

export const getItem: CommandDef = {
  name: 'Get-Item',
  run: (env) => {
    const r = bindLocated(env, getItemSpec, ['Path']);
    if (!r.ok) return done(r.lines);
    const { at } = r;
    const lines: string[] = [];
    for (const k of at.keys) lines.push(...keyTable(env.host.registry, parentOf(k), [k]));
    return done([...out(...lines), ...at.errors]);
  },
};
