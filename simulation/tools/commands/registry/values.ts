/**
 * Registry values on the console: how PowerShell and reg.exe show them, the PS* properties and
 * `Hive:` table of the registry provider, and a value typed on the command line as the provider
 * stores it (-PropertyType / -Type names, integers, quoting).
 */
import { fixedTable } from '../../shell/tables';
import type { RegType, RegValue, Registry } from '../../../windows/registry';
import type { Token } from '../../shell/parse';
import { DRIVE_OF, leafOf, parentOf, valuesOf } from './paths';

/** How PowerShell shows a registry value (DWORD as Int32, MULTI_SZ as {a, b}). */
export function psData(v: RegValue): string {
  if (Array.isArray(v.data)) return `{${v.data.join(', ')}}`;
  if (v.type === 'REG_DWORD' && typeof v.data === 'number') return String(v.data | 0);
  return String(v.data);
}

/** How reg.exe shows a registry value. */
export function regData(v: RegValue): string {
  if (Array.isArray(v.data)) return v.data.join('\\0');
  if ((v.type === 'REG_DWORD' || v.type === 'REG_QWORD') && typeof v.data === 'number')
    return `0x${(v.type === 'REG_DWORD' ? v.data >>> 0 : v.data).toString(16)}`;
  return String(v.data);
}

export function psProperties(key: string): [string, string][] {
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
export function keyTable(
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

export const REG_KINDS: Record<string, RegType | 'unsupported'> = {
  string: 'REG_SZ',
  expandstring: 'REG_EXPAND_SZ',
  dword: 'REG_DWORD',
  qword: 'REG_QWORD',
  multistring: 'REG_MULTI_SZ',
  binary: 'unsupported',
  unknown: 'REG_SZ',
  none: 'unsupported',
};

export function parseInteger(text: string): number | undefined {
  const t = text.trim();
  if (/^-?\d+$/.test(t)) return Number(t);
  if (/^0x[0-9a-f]+$/i.test(t)) return parseInt(t.slice(2), 16);
  return undefined;
}

/** A value typed on the command line, as the registry provider stores it. */
export function toRegValue(
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

export function quotedValue(args: readonly Token[], raw: string): boolean {
  return (
    args.some((t) => t.text === raw && t.quoted) ||
    args.some((t) => t.valueQuoted && t.text.endsWith(`:${raw}`))
  );
}
