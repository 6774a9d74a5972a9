/**
 * Registry paths and what they name: the hives and their PowerShell drives, the keys every host
 * has, a typed path (HKLM:\X, Registry::HKEY_LOCAL_MACHINE\X, HKLM\X) made canonical, wildcards
 * expanded to keys, and a key's values and subkeys. Also the lab's own texts where it cannot do
 * what Windows would.
 */
import { wildcard } from '../../shell/wildcard';
import type { RegValue, Registry } from '../../../windows/registry';

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

export const DRIVE_OF: Record<string, string> = { HKEY_LOCAL_MACHINE: 'HKLM', HKEY_CURRENT_USER: 'HKCU' };

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
export function normalise(path: string, psDrive: boolean): string | undefined {
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
export function isRegistryPath(path: string): boolean {
  return (
    /^(HKLM|HKCU):/i.test(path.trim()) || /^(Microsoft\.PowerShell\.Core\\)?Registry::/i.test(path.trim())
  );
}

export function keyOf(reg: Registry, normalised: string): string | undefined {
  return allKeys(reg).get(normalised.toLowerCase());
}

/** The keys a path (with or without wildcards) names. */
export function expand(reg: Registry, normalised: string): string[] {
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

export function valuesOf(reg: Registry, key: string): [string, RegValue][] {
  const k = Object.keys(reg).find((x) => x.toLowerCase() === key.toLowerCase());
  return k ? Object.entries(reg[k] ?? {}) : [];
}

export function valueOf(reg: Registry, key: string, name: string): [string, RegValue] | undefined {
  return valuesOf(reg, key).find(([n]) => n.toLowerCase() === name.toLowerCase());
}

export function subkeysOf(reg: Registry, key: string): string[] {
  const prefix = `${key.toLowerCase()}\\`;
  const names = new Map<string, string>();
  for (const k of allKeys(reg).values()) {
    if (!k.toLowerCase().startsWith(prefix)) continue;
    const child = k.slice(prefix.length).split('\\')[0] ?? '';
    if (child && !names.has(child.toLowerCase())) names.set(child.toLowerCase(), child);
  }
  return [...names.values()].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
}

export const parentOf = (key: string) => key.split('\\').slice(0, -1).join('\\');
export const leafOf = (key: string) => key.split('\\').pop() ?? key;
