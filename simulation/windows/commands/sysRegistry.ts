/**
 * The registry from the console: Get-ItemProperty, Get-ItemPropertyValue, Set-ItemProperty,
 * New-ItemProperty, Remove-ItemProperty, New-Item, Test-Path, Get-ChildItem and Get-Item on
 * registry paths, and reg.exe (query, add, delete). Changes go back to the host as `registry` /
 * `registryKey` effects. What reads the registry elsewhere (SCHANNEL at boot, the DC's SAM for
 * RestrictRemoteSam) sees the change the way Windows does: SCHANNEL only after a restart.
 */
import type { ConsoleLine, WindowsHostContext } from '../hostState';
import type { RegType, RegValue, Registry } from '../registry';
import type { CmdletSpec } from '../shell/bind';
import type { Token } from '../shell/parse';
import { formatPsError, out } from '../shell/psError';
import { bind, cmdletError, fixedTable, listRecords, wildcard } from './sysShared';
import { done, type CommandDef, type CommandEnv, type HostEffect } from './types';

const NS = 'Microsoft.PowerShell.Commands';

/** What the lab's console says where it cannot do what Windows would (no file system, no prompts). */
export const LAB_TEXT = {
  noFileSystem:
    'The lab does not model the file system: only registry paths (HKLM:\\, HKCU:\\) can be used here.',
  noPrompt: '(The lab console cannot answer this prompt: add /f to the command.)',
} as const;

const HIVES: Record<string, string> = {
  hklm: 'HKEY_LOCAL_MACHINE',
  hkey_local_machine: 'HKEY_LOCAL_MACHINE',
  hkcu: 'HKEY_CURRENT_USER',
  hkey_current_user: 'HKEY_CURRENT_USER',
  hkcr: 'HKEY_CLASSES_ROOT',
  hkey_classes_root: 'HKEY_CLASSES_ROOT',
  hku: 'HKEY_USERS',
  hkey_users: 'HKEY_USERS',
  hkcc: 'HKEY_CURRENT_CONFIG',
  hkey_current_config: 'HKEY_CURRENT_CONFIG',
};

const DRIVE_OF: Record<string, string> = { HKEY_LOCAL_MACHINE: 'HKLM', HKEY_CURRENT_USER: 'HKCU' };

/** Keys every Windows host has, whether or not the lab stores values in them. */
const STANDARD_KEYS = [
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Windows',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\.NETFramework\\v4.0.30319',
  'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Lsa',
  'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols',
  'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters',
  'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\W32Time\\Parameters',
  'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Netlogon\\Parameters',
  'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion',
  'HKEY_CLASSES_ROOT',
  'HKEY_USERS',
  'HKEY_CURRENT_CONFIG',
];

/** Every key there is: the stored ones, the standard ones, and all their parents (canonical spelling). */
function allKeys(reg: Registry): Map<string, string> {
  const keys = new Map<string, string>();
  for (const k of [...STANDARD_KEYS, ...Object.keys(reg)]) {
    const parts = k.split('\\');
    for (let i = 1; i <= parts.length; i++) {
      const p = parts.slice(0, i).join('\\');
      if (!keys.has(p.toLowerCase())) keys.set(p.toLowerCase(), p);
    }
  }
  return keys;
}

/** `HKLM:\X`, `HKLM:X`, `Registry::HKEY_LOCAL_MACHINE\X`, `HKLM\X` (reg.exe) → `HKEY_LOCAL_MACHINE\X`. */
function normalise(path: string, psDrive: boolean): string | undefined {
  let p = path
    .trim()
    .replace(/^(Microsoft\.PowerShell\.Core\\)?Registry::/i, '')
    .replace(/\//g, '\\');
  if (psDrive) {
    const m = /^(HKLM|HKCU):\\?(.*)$/i.exec(p);
    if (m) p = `${m[1]}\\${m[2] ?? ''}`;
    else if (!/^HKEY_/i.test(path.trim().replace(/^(Microsoft\.PowerShell\.Core\\)?Registry::/i, '')))
      return undefined;
  }
  p = p.replace(/\\+$/, '');
  const [hive, ...rest] = p.split('\\');
  const h = HIVES[(hive ?? '').toLowerCase()];
  if (!h) return undefined;
  return [h, ...rest.filter((x) => x.length > 0)].join('\\');
}

/** Whether a PowerShell path is a registry path at all. */
function isRegistryPath(path: string): boolean {
  return (
    /^(HKLM|HKCU):/i.test(path.trim()) || /^(Microsoft\.PowerShell\.Core\\)?Registry::/i.test(path.trim())
  );
}

function keyOf(reg: Registry, normalised: string): string | undefined {
  return allKeys(reg).get(normalised.toLowerCase());
}

/** The keys a path (with or without wildcards) names. */
function expand(reg: Registry, normalised: string): string[] {
  if (!/[*?[]/.test(normalised)) {
    const k = keyOf(reg, normalised);
    return k ? [k] : [];
  }
  const parts = normalised.split('\\');
  const res = parts.map(
    (p) => wildcard(p) ?? new RegExp(`^${p.replace(/[.+^${}()|\\\]]/g, (m) => `\\${m}`)}$`, 'i'),
  );
  return [...allKeys(reg).values()]
    .filter((k) => {
      const kp = k.split('\\');
      return kp.length === parts.length && kp.every((x, i) => res[i]?.test(x));
    })
    .sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
}

function valuesOf(reg: Registry, key: string): [string, RegValue][] {
  const k = Object.keys(reg).find((x) => x.toLowerCase() === key.toLowerCase());
  return k ? Object.entries(reg[k] ?? {}) : [];
}

function valueOf(reg: Registry, key: string, name: string): [string, RegValue] | undefined {
  return valuesOf(reg, key).find(([n]) => n.toLowerCase() === name.toLowerCase());
}

function subkeysOf(reg: Registry, key: string): string[] {
  const prefix = `${key.toLowerCase()}\\`;
  const names = new Map<string, string>();
  for (const k of allKeys(reg).values()) {
    if (!k.toLowerCase().startsWith(prefix)) continue;
    const child = k.slice(prefix.length).split('\\')[0] ?? '';
    if (child && !names.has(child.toLowerCase())) names.set(child.toLowerCase(), child);
  }
  return [...names.values()].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
}

const parentOf = (key: string) => key.split('\\').slice(0, -1).join('\\');
const leafOf = (key: string) => key.split('\\').pop() ?? key;

/** How PowerShell shows a registry value (DWORD as Int32, MULTI_SZ as {a, b}). */
function psData(v: RegValue): string {
  if (Array.isArray(v.data)) return `{${v.data.join(', ')}}`;
  if (v.type === 'REG_DWORD' && typeof v.data === 'number') return String(v.data | 0);
  return String(v.data);
}

/** How reg.exe shows a registry value. */
function regData(v: RegValue): string {
  if (Array.isArray(v.data)) return v.data.join('\\0');
  if ((v.type === 'REG_DWORD' || v.type === 'REG_QWORD') && typeof v.data === 'number')
    return `0x${(v.type === 'REG_DWORD' ? v.data >>> 0 : v.data).toString(16)}`;
  return String(v.data);
}

function psProperties(key: string): [string, string][] {
  const parent = parentOf(key);
  const hive = key.split('\\')[0] ?? '';
  return [
    ['PSPath', `Microsoft.PowerShell.Core\\Registry::${key}`],
    ['PSParentPath', parent ? `Microsoft.PowerShell.Core\\Registry::${parent}` : ''],
    ['PSChildName', leafOf(key)],
    ['PSDrive', DRIVE_OF[hive] ?? ''],
    ['PSProvider', 'Microsoft.PowerShell.Core\\Registry'],
  ];
}

/** The `Hive:` block Get-ChildItem, Get-Item and New-Item print for registry keys. */
function keyTable(
  reg: Registry,
  parent: string,
  keys: readonly string[],
  extra?: Map<string, [string, RegValue][]>,
): string[] {
  const rows: string[][] = [];
  for (const k of keys) {
    const values = extra?.get(k) ?? valuesOf(reg, k);
    const width = Math.max(0, ...values.map(([n]) => n.length));
    const props = values.map(([n, v]) => `${n.padEnd(width)} : ${psData(v)}`);
    rows.push([leafOf(k), props[0] ?? '']);
    for (const p of props.slice(1)) rows.push(['', p]);
  }
  return [
    '',
    '',
    `    Hive: ${parent}`,
    '',
    '',
    ...fixedTable([{ header: 'Name', width: 30 }, { header: 'Property' }], rows),
    '',
  ];
}

const REG_KINDS: Record<string, RegType | 'unsupported'> = {
  string: 'REG_SZ',
  expandstring: 'REG_EXPAND_SZ',
  dword: 'REG_DWORD',
  qword: 'REG_QWORD',
  multistring: 'REG_MULTI_SZ',
  binary: 'unsupported',
  unknown: 'REG_SZ',
  none: 'unsupported',
};

const KIND_NAMES = ['String', 'ExpandString', 'Binary', 'DWord', 'MultiString', 'QWord', 'Unknown', 'None'];

function parseInteger(text: string): number | undefined {
  const t = text.trim();
  if (/^-?\d+$/.test(t)) return Number(t);
  if (/^0x[0-9a-f]+$/i.test(t)) return parseInt(t.slice(2), 16);
  return undefined;
}

/** A value typed on the command line, as the registry provider stores it. */
function toRegValue(
  raw: string,
  quoted: boolean,
  kind: RegType | undefined,
  existing?: RegValue,
): RegValue | { cast: string } {
  const type = kind ?? existing?.type;
  if (!type) {
    const n = quoted ? undefined : parseInteger(raw);
    if (n !== undefined)
      return n >= -2147483648 && n <= 2147483647
        ? { type: 'REG_DWORD', data: n }
        : { type: 'REG_QWORD', data: n };
    return { type: 'REG_SZ', data: raw };
  }
  if (type === 'REG_DWORD' || type === 'REG_QWORD') {
    const n = parseInteger(raw);
    if (n === undefined) return { cast: type === 'REG_DWORD' ? 'System.Int32' : 'System.Int64' };
    return { type, data: type === 'REG_DWORD' ? n >>> 0 : n };
  }
  if (type === 'REG_MULTI_SZ') return { type, data: raw.split(',').map((s) => s.trim()) };
  return { type, data: raw };
}

function quotedValue(args: readonly Token[], raw: string): boolean {
  return (
    args.some((t) => t.text === raw && t.quoted) ||
    args.some((t) => t.valueQuoted && t.text.endsWith(`:${raw}`))
  );
}

function pathNotFound(env: CommandEnv, spec: CmdletSpec, typed: string): ConsoleLine[] {
  return cmdletError(env, spec, {
    message: `Cannot find path '${typed}' because it does not exist.`,
    category: 'ObjectNotFound',
    targetName: typed,
    targetType: 'String',
    exception: 'ItemNotFoundException',
    errorId: 'PathNotFound',
  });
}

function propertyMissing(env: CommandEnv, spec: CmdletSpec, name: string, key: string): ConsoleLine[] {
  return cmdletError(env, spec, {
    message: `Property ${name} does not exist at path ${key}.`,
    category: 'InvalidArgument',
    targetName: name,
    targetType: 'String',
    exception: 'PSArgumentException',
    errorId: 'System.Management.Automation.PSArgumentException',
  });
}

function castError(env: CommandEnv, spec: CmdletSpec, raw: string, type: string): ConsoleLine[] {
  return cmdletError(env, spec, {
    message: `Cannot convert value "${raw}" to type "${type}". Error: "Input string was not in a correct format."`,
    category: 'NotSpecified',
    exception: 'PSInvalidCastException',
    errorId: 'System.Management.Automation.PSInvalidCastException',
  });
}

const noFileSystem = (): ConsoleLine[] => [{ kind: 'warning', text: LAB_TEXT.noFileSystem }];

interface Located {
  typed: string;
  keys: string[];
}

/** Resolves each -Path to its keys; paths that are not registry paths or do not exist give errors. */
function locate(
  env: CommandEnv,
  spec: CmdletSpec,
  paths: string[],
): { found: Located[]; errors: ConsoleLine[]; fileSystem: boolean } {
  const found: Located[] = [];
  const errors: ConsoleLine[] = [];
  let fileSystem = false;
  for (const typed of paths) {
    if (!isRegistryPath(typed)) {
      fileSystem = true;
      continue;
    }
    const n = normalise(typed, true);
    const keys = n ? expand(env.host.registry, n) : [];
    if (keys.length === 0) {
      if (!/[*?[]/.test(typed)) errors.push(...pathNotFound(env, spec, typed));
      continue;
    }
    found.push({ typed, keys });
  }
  return { found, errors, fileSystem };
}

// ---------------------------------------------------------------------------------------------
// Get-ItemProperty / Get-ItemPropertyValue

const getItemPropertySpec: CmdletSpec = {
  name: 'Get-ItemProperty',
  className: `${NS}.GetItemPropertyCommand`,
  params: [
    { name: 'Path', type: 'strings', position: 0 },
    { name: 'LiteralPath', type: 'strings', aliases: ['PSPath', 'LP'] },
    { name: 'Name', type: 'strings', position: 1 },
    { name: 'Filter', type: 'string' },
    { name: 'Include', type: 'strings' },
    { name: 'Exclude', type: 'strings' },
  ],
};

export const getItemProperty: CommandDef = {
  names: ['get-itemproperty', 'gp'],
  kind: 'cmdlet',
  run: (env) => {
    const spec = getItemPropertySpec;
    const b = bind(env, spec);
    if (!b.ok) return done(formatPsError(b.error));
    const paths = (b.values.Path ?? b.values.LiteralPath) as string[] | undefined;
    if (!paths) return done(mandatory(env, spec, 'Path'));
    const { found, errors, fileSystem } = locate(env, spec, paths);
    if (fileSystem && found.length === 0 && errors.length === 0) return done(noFileSystem());
    const names = b.values.Name as string[] | undefined;
    const records: [string, string][][] = [];
    const errs: ConsoleLine[] = [...errors];
    for (const l of found) {
      for (const key of l.keys) {
        const values = valuesOf(env.host.registry, key);
        let shown = values;
        if (names) {
          shown = [];
          for (const n of names) {
            const re = wildcard(n);
            const matched = values.filter(([vn]) =>
              re ? re.test(vn) : vn.toLowerCase() === n.toLowerCase(),
            );
            if (matched.length === 0 && !re) errs.push(...propertyMissing(env, spec, n, key));
            shown.push(...matched);
          }
          if (shown.length === 0) continue;
        }
        records.push([...shown.map(([n, v]): [string, string] => [n, psData(v)]), ...psProperties(key)]);
      }
    }
    return done([...(records.length ? out(...listRecords(records)) : []), ...errs]);
  },
};

function mandatory(env: CommandEnv, spec: CmdletSpec, name: string): ConsoleLine[] {
  return formatPsError({
    command: spec.name,
    message: `Cannot process command because of one or more missing mandatory parameters: ${name}.`,
    line: env.line,
    column: env.line.length,
    length: 1,
    category: 'InvalidArgument',
    target: ':',
    activity: `[${spec.name}]`,
    exception: 'ParameterBindingException',
    errorId: `MissingMandatoryParameter,${spec.className}`,
  });
}

const getItemPropertyValueSpec: CmdletSpec = {
  name: 'Get-ItemPropertyValue',
  className: `${NS}.GetItemPropertyValueCommand`,
  params: [
    { name: 'Path', type: 'strings', position: 0 },
    { name: 'LiteralPath', type: 'strings', aliases: ['PSPath', 'LP'] },
    { name: 'Name', type: 'strings', position: 1 },
  ],
};

export const getItemPropertyValue: CommandDef = {
  names: ['get-itempropertyvalue', 'gpv'],
  kind: 'cmdlet',
  run: (env) => {
    const spec = getItemPropertyValueSpec;
    const b = bind(env, spec);
    if (!b.ok) return done(formatPsError(b.error));
    const paths = (b.values.Path ?? b.values.LiteralPath) as string[] | undefined;
    const names = b.values.Name as string[] | undefined;
    if (!names) return done(mandatory(env, spec, 'Name'));
    const { found, errors, fileSystem } = locate(env, spec, paths ?? [env.host.consoles.powershell.cwd]);
    if (fileSystem && found.length === 0 && errors.length === 0) return done(noFileSystem());
    const lines: string[] = [];
    const errs: ConsoleLine[] = [...errors];
    for (const l of found)
      for (const key of l.keys)
        for (const n of names) {
          const v = valueOf(env.host.registry, key, n);
          if (!v) errs.push(...propertyMissing(env, spec, n, key));
          else if (Array.isArray(v[1].data)) lines.push(...v[1].data);
          else lines.push(psData(v[1]));
        }
    return done([...out(...lines), ...errs]);
  },
};

// ---------------------------------------------------------------------------------------------
// Set-ItemProperty / New-ItemProperty / Remove-ItemProperty

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
  run: (env) => {
    const spec = setItemPropertySpec;
    const b = bind(env, spec);
    if (!b.ok) return done(formatPsError(b.error));
    const v = b.values;
    const paths = (v.Path ?? v.LiteralPath) as string[] | undefined;
    if (!paths) return done(mandatory(env, spec, 'Path'));
    if (v.Name === undefined) return done(mandatory(env, spec, 'Name'));
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
  run: (env) => {
    const spec = newItemPropertySpec;
    const b = bind(env, spec);
    if (!b.ok) return done(formatPsError(b.error));
    const v = b.values;
    const paths = (v.Path ?? v.LiteralPath) as string[] | undefined;
    if (!paths) return done(mandatory(env, spec, 'Path'));
    if (v.Name === undefined) return done(mandatory(env, spec, 'Name'));
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
  run: (env) => {
    const spec = removeItemPropertySpec;
    const b = bind(env, spec);
    if (!b.ok) return done(formatPsError(b.error));
    const v = b.values;
    const paths = (v.Path ?? v.LiteralPath) as string[] | undefined;
    if (!paths) return done(mandatory(env, spec, 'Path'));
    const names = v.Name as string[] | undefined;
    if (!names) return done(mandatory(env, spec, 'Name'));
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

// ---------------------------------------------------------------------------------------------
// New-Item, Test-Path, Get-ChildItem, Get-Item

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
  run: (env) => {
    const spec = newItemSpec;
    const b = bind(env, spec);
    if (!b.ok) return done(formatPsError(b.error));
    const v = b.values;
    const paths = v.Path as string[] | undefined;
    if (!paths) return done(mandatory(env, spec, 'Path'));
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
  if (host.adsyncDisk)
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
  run: (env) => {
    const spec = testPathSpec;
    const b = bind(env, spec);
    if (!b.ok) return done(formatPsError(b.error));
    const paths = (b.values.Path ?? b.values.LiteralPath) as string[] | undefined;
    if (!paths) return done(mandatory(env, spec, 'Path'));
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
  run: (env) => {
    const spec = getItemSpec;
    const b = bind(env, spec);
    if (!b.ok) return done(formatPsError(b.error));
    const paths = (b.values.Path ?? b.values.LiteralPath) as string[] | undefined;
    if (!paths) return done(mandatory(env, spec, 'Path'));
    const { found, errors, fileSystem } = locate(env, spec, paths);
    if (fileSystem && found.length === 0 && errors.length === 0) return done(noFileSystem());
    const lines: string[] = [];
    for (const l of found)
      for (const k of l.keys) lines.push(...keyTable(env.host.registry, parentOf(k), [k]));
    return done([...out(...lines), ...errors]);
  },
};

// ---------------------------------------------------------------------------------------------
// reg.exe

const REG_TEXT = {
  ok: 'The operation completed successfully.',
  notFound: 'ERROR: The system was unable to find the specified registry key or value.',
  invalidKey: 'ERROR: Invalid key name.',
  invalidSyntax: 'ERROR: Invalid syntax.',
} as const;

const REG_TYPES: readonly RegType[] = ['REG_SZ', 'REG_MULTI_SZ', 'REG_EXPAND_SZ', 'REG_DWORD', 'REG_QWORD'];

function regUsage(op: string): ConsoleLine[] {
  return [{ kind: 'error', text: `Type "REG ${op ? `${op.toUpperCase()} ` : ''}/?" for usage.` }];
}

function regError(text: string, op?: string): ConsoleLine[] {
  return [{ kind: 'error', text }, ...(op !== undefined ? regUsage(op) : [])];
}

function regQueryBlock(reg: Registry, key: string, only?: string): string[] {
  const values = valuesOf(reg, key).filter(
    ([n]) => only === undefined || n.toLowerCase() === only.toLowerCase(),
  );
  return [key, ...values.map(([n, v]) => `    ${n}    ${v.type}    ${regData(v)}`)];
}

function regQuery(env: CommandEnv, args: string[]): ConsoleLine[] {
  const reg = env.host.registry;
  const path = args[0];
  if (!path || path.startsWith('/')) return regError(REG_TEXT.invalidSyntax, 'query');
  const n = normalise(path, false);
  if (!n) return regError(REG_TEXT.invalidKey, 'query');
  const key = keyOf(reg, n);
  let valueName: string | undefined;
  let recurse = false;
  for (let i = 1; i < args.length; i++) {
    const a = (args[i] as string).toLowerCase();
    if (a === '/v') {
      valueName = args[++i];
      if (valueName === undefined) return regError(REG_TEXT.invalidSyntax, 'query');
    } else if (a === '/s') recurse = true;
    else if (a === '/ve') valueName = '(default)';
    else if (a === '/reg:64' || a === '/reg:32') continue;
    else return regError(REG_TEXT.invalidSyntax, 'query');
  }
  if (!key) return regError(REG_TEXT.notFound);
  if (valueName !== undefined) {
    if (!recurse) {
      if (!valueOf(reg, key, valueName)) return regError(REG_TEXT.notFound);
      return out('', ...regQueryBlock(reg, key, valueName), '');
    }
    const matches: string[] = [];
    let count = 0;
    const visit = (k: string) => {
      if (valueOf(reg, k, valueName as string)) {
        matches.push('', ...regQueryBlock(reg, k, valueName));
        count++;
      }
      for (const c of subkeysOf(reg, k)) visit(`${k}\\${c}`);
    };
    visit(key);
    if (count === 0) return regError(REG_TEXT.notFound);
    return out(...matches, '', `End of search: ${count} match(es) found.`);
  }
  if (recurse) {
    const lines: string[] = [];
    const visit = (k: string) => {
      lines.push('', ...regQueryBlock(reg, k));
      for (const c of subkeysOf(reg, k)) visit(`${k}\\${c}`);
    };
    visit(key);
    return out(...lines, '');
  }
  const subkeys = subkeysOf(reg, key).map((c) => `${key}\\${c}`);
  return out('', ...regQueryBlock(reg, key), '', ...subkeys);
}

function regAdd(env: CommandEnv, args: string[]): { lines: ConsoleLine[]; effects: HostEffect[] } {
  const fail = (lines: ConsoleLine[]) => ({ lines, effects: [] });
  const path = args[0];
  if (!path || path.startsWith('/')) return fail(regError(REG_TEXT.invalidSyntax, 'add'));
  const n = normalise(path, false);
  if (!n) return fail(regError(REG_TEXT.invalidKey, 'add'));
  let name: string | undefined;
  let type: RegType = 'REG_SZ';
  let data: string | undefined;
  let force = false;
  let separator = '\\0';
  for (let i = 1; i < args.length; i++) {
    const a = (args[i] as string).toLowerCase();
    if (a === '/v') name = args[++i];
    else if (a === '/ve') name = '(default)';
    else if (a === '/t') {
      const t = args[++i]?.toUpperCase();
      if (!t || !REG_TYPES.includes(t as RegType)) return fail(regError(REG_TEXT.invalidSyntax, 'add'));
      type = t as RegType;
    } else if (a === '/d') data = args[++i];
    else if (a === '/s') separator = args[++i] ?? separator;
    else if (a === '/f') force = true;
    else if (a === '/reg:64' || a === '/reg:32') continue;
    else return fail(regError(REG_TEXT.invalidSyntax, 'add'));
    if (args[i] === undefined) return fail(regError(REG_TEXT.invalidSyntax, 'add'));
  }
  const reg = env.host.registry;
  const key = keyOf(reg, n) ?? n;
  if (name === undefined) {
    return {
      lines: out(REG_TEXT.ok),
      effects: keyOf(reg, n) ? [] : [{ type: 'registryKey', key, op: 'create' }],
    };
  }
  let value: RegValue;
  if (type === 'REG_DWORD' || type === 'REG_QWORD') {
    const num = parseInteger(data ?? '0');
    if (num === undefined || num < 0) return fail(regError(REG_TEXT.invalidSyntax, 'add'));
    value = { type, data: type === 'REG_DWORD' ? num >>> 0 : num };
  } else if (type === 'REG_MULTI_SZ') {
    value = { type, data: (data ?? '').split(separator).filter((s) => s.length > 0) };
  } else value = { type, data: data ?? '' };
  const existing = valueOf(reg, key, name);
  if (existing && !force) {
    return {
      lines: [
        { kind: 'output', text: `Value ${name} exists, overwrite(Yes/No)?` },
        { kind: 'warning', text: LAB_TEXT.noPrompt },
      ],
      effects: [],
    };
  }
  return {
    lines: out(REG_TEXT.ok),
    effects: [{ type: 'registry', key, name: existing?.[0] ?? name, value }],
  };
}

function regDelete(env: CommandEnv, args: string[]): { lines: ConsoleLine[]; effects: HostEffect[] } {
  const fail = (lines: ConsoleLine[]) => ({ lines, effects: [] });
  const path = args[0];
  if (!path || path.startsWith('/')) return fail(regError(REG_TEXT.invalidSyntax, 'delete'));
  const n = normalise(path, false);
  if (!n) return fail(regError(REG_TEXT.invalidKey, 'delete'));
  let name: string | undefined;
  let all = false;
  let force = false;
  for (let i = 1; i < args.length; i++) {
    const a = (args[i] as string).toLowerCase();
    if (a === '/v') {
      name = args[++i];
      if (name === undefined) return fail(regError(REG_TEXT.invalidSyntax, 'delete'));
    } else if (a === '/ve') name = '(default)';
    else if (a === '/va') all = true;
    else if (a === '/f') force = true;
    else if (a === '/reg:64' || a === '/reg:32') continue;
    else return fail(regError(REG_TEXT.invalidSyntax, 'delete'));
  }
  const reg = env.host.registry;
  const key = keyOf(reg, n);
  if (!key) return fail(regError(REG_TEXT.notFound));
  if (name !== undefined) {
    const v = valueOf(reg, key, name);
    if (!v) return fail(regError(REG_TEXT.notFound));
    if (!force)
      return fail([
        { kind: 'output', text: `Delete the registry value ${v[0]} (Yes/No)?` },
        { kind: 'warning', text: LAB_TEXT.noPrompt },
      ]);
    return { lines: out(REG_TEXT.ok), effects: [{ type: 'registry', key, name: v[0] }] };
  }
  if (all) {
    if (!force)
      return fail([
        { kind: 'output', text: `Delete all values under the registry key ${key} (Yes/No)?` },
        { kind: 'warning', text: LAB_TEXT.noPrompt },
      ]);
    return {
      lines: out(REG_TEXT.ok),
      effects: valuesOf(reg, key).map(([vn]): HostEffect => ({ type: 'registry', key, name: vn })),
    };
  }
  if (!force)
    return fail([
      { kind: 'output', text: `Permanently delete the registry key ${key} (Yes/No)?` },
      { kind: 'warning', text: LAB_TEXT.noPrompt },
    ]);
  return { lines: out(REG_TEXT.ok), effects: [{ type: 'registryKey', key, op: 'delete' }] };
}

const REG_USAGE = [
  '',
  'REG Operation [Parameter List]',
  '',
  '  Operation  [ QUERY   | ADD    | DELETE  | COPY    |',
  '               SAVE    | LOAD   | UNLOAD  | RESTORE |',
  '               COMPARE | EXPORT | IMPORT  | FLAGS ]',
  '',
  'Return Code: (Except for REG COMPARE)',
  '',
  '  0 - Successful',
  '  1 - Failed',
  '',
  'For help on a specific operation type:',
  '',
  '  REG Operation /?',
  '',
  'Examples:',
  '',
  '  REG QUERY /?',
  '  REG ADD /?',
  '  REG DELETE /?',
];

export const regExe: CommandDef = {
  names: ['reg', 'reg.exe'],
  kind: 'native',
  run: (env) => {
    const args = env.cmd.args.map((a) => a.text);
    const op = args[0]?.toLowerCase();
    if (op === undefined) return done(regError(REG_TEXT.invalidSyntax, ''));
    if (op === '/?' || op === '-?') return done(out(...REG_USAGE));
    switch (op) {
      case 'query':
        return done(regQuery(env, args.slice(1)));
      case 'add': {
        const r = regAdd(env, args.slice(1));
        return done(r.lines, r.effects);
      }
      case 'delete': {
        const r = regDelete(env, args.slice(1));
        return done(r.lines, r.effects);
      }
      default:
        return done(regError(REG_TEXT.invalidSyntax, ''));
    }
  },
};

export const REGISTRY_COMMANDS: readonly CommandDef[] = [
  getItemProperty,
  getItemPropertyValue,
  setItemProperty,
  newItemProperty,
  removeItemProperty,
  newItem,
  testPath,
  getChildItem,
  getItem,
  regExe,
];
