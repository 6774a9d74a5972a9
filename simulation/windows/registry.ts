/**
 * The part of a Windows host's registry the lab's tools and faults touch: TLS 1.2 for .NET and
 * SCHANNEL (the writeback listener needs it), LSA's RestrictRemoteSam (a policy that can lock the
 * connector account out of SAM), the Windows Time service's type, and Winlogon's cached logons.
 * Keys are case-insensitive, stored in their canonical spelling.
 */
import type { HostKind } from '../core/definition';

export type RegType = 'REG_DWORD' | 'REG_SZ' | 'REG_MULTI_SZ' | 'REG_QWORD' | 'REG_EXPAND_SZ';

export interface RegValue {
  type: RegType;
  data: number | string | string[];
}

export type Registry = Record<string, Record<string, RegValue>>;

export const KEYS = {
  lsa: 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Lsa',
  tls12Client:
    'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client',
  tls12Server:
    'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Server',
  netfx64: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319',
  netfx32: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\.NETFramework\\v4.0.30319',
  w32time: 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\W32Time\\Parameters',
  winlogon: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon',
  tcpip: 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters',
} as const;

const dword = (n: number): RegValue => ({ type: 'REG_DWORD', data: n });
const sz = (s: string): RegValue => ({ type: 'REG_SZ', data: s });

export function defaultRegistry(kind: HostKind, hostname: string, domain: string): Registry {
  const reg: Registry = {
    [KEYS.lsa]: { LmCompatibilityLevel: dword(5), NoLmHash: dword(1) },
    [KEYS.w32time]: {
      Type: sz(kind === 'dc' ? 'NTP' : 'NT5DS'),
      NtpServer: sz(kind === 'dc' ? 'time.windows.com,0x9' : 'time.windows.com,0x9'),
    },
    [KEYS.winlogon]: {
      CachedLogonsCount: sz('10'),
      DefaultDomainName: sz(domain.split('.')[0]?.toUpperCase() ?? ''),
    },
    [KEYS.tcpip]: { Hostname: sz(hostname), Domain: sz(domain), 'NV Domain': sz(domain) },
  };
  if (kind === 'sync') {
    // What Microsoft's TLS 1.2 enforcement script leaves on an Entra Connect server.
    reg[KEYS.netfx64] = { SystemDefaultTlsVersions: dword(1), SchUseStrongCrypto: dword(1) };
    reg[KEYS.netfx32] = { SystemDefaultTlsVersions: dword(1), SchUseStrongCrypto: dword(1) };
    reg[KEYS.tls12Client] = { Enabled: dword(1), DisabledByDefault: dword(0) };
    reg[KEYS.tls12Server] = { Enabled: dword(1), DisabledByDefault: dword(0) };
  }
  return reg;
}

const HIVES: Record<string, string> = {
  'hklm:': 'HKEY_LOCAL_MACHINE',
  hklm: 'HKEY_LOCAL_MACHINE',
  hkey_local_machine: 'HKEY_LOCAL_MACHINE',
  'hkcu:': 'HKEY_CURRENT_USER',
  hkcu: 'HKEY_CURRENT_USER',
  hkey_current_user: 'HKEY_CURRENT_USER',
};

/** A key path with its hive written out (`HKEY_LOCAL_MACHINE\...`), whether or not the key exists. */
export function canonicalPath(path: string): string | undefined {
  const p = path
    .trim()
    .replace(/^Registry::/i, '')
    .replace(/\//g, '\\')
    .replace(/\\+$/, '');
  const [hive, ...rest] = p.split('\\');
  const h = HIVES[(hive ?? '').toLowerCase()];
  return h ? [h, ...rest].join('\\') : undefined;
}

/** `HKLM:\System\...`, `HKLM\System\...`, `Registry::HKEY_LOCAL_MACHINE\...` → the canonical key, if one exists. */
export function resolveKey(reg: Registry, path: string): string | undefined {
  const lower = canonicalPath(path)?.toLowerCase();
  return lower === undefined ? undefined : Object.keys(reg).find((k) => k.toLowerCase() === lower);
}

export function readValue(reg: Registry, key: string, name: string): RegValue | undefined {
  const k = resolveKey(reg, key);
  if (!k) return undefined;
  const values = reg[k] ?? {};
  const n = Object.keys(values).find((x) => x.toLowerCase() === name.toLowerCase());
  return n ? values[n] : undefined;
}

export function writeValue(reg: Registry, key: string, name: string, value: RegValue): Registry {
  const k = resolveKey(reg, key) ?? canonicalPath(key);
  if (!k) return reg;
  const values = { ...(reg[k] ?? {}) };
  const existing = Object.keys(values).find((x) => x.toLowerCase() === name.toLowerCase());
  values[existing ?? name] = value;
  return { ...reg, [k]: values };
}

export function deleteValue(reg: Registry, key: string, name: string): { reg: Registry; found: boolean } {
  const k = resolveKey(reg, key);
  if (!k) return { reg, found: false };
  const values = reg[k] ?? {};
  const n = Object.keys(values).find((x) => x.toLowerCase() === name.toLowerCase());
  if (!n) return { reg, found: false };
  return {
    reg: { ...reg, [k]: Object.fromEntries(Object.entries(values).filter(([x]) => x !== n)) },
    found: true,
  };
}

export function createKey(reg: Registry, key: string): Registry {
  const k = resolveKey(reg, key) ?? canonicalPath(key);
  return !k || reg[k] ? reg : { ...reg, [k]: {} };
}

/** Removes a key and everything under it. */
export function deleteKey(reg: Registry, key: string): Registry {
  const k = (resolveKey(reg, key) ?? canonicalPath(key))?.toLowerCase();
  if (!k) return reg;
  return Object.fromEntries(
    Object.entries(reg).filter(([x]) => x.toLowerCase() !== k && !x.toLowerCase().startsWith(`${k}\\`)),
  );
}

/** Whether TLS 1.2 is on for the .NET client, as SCHANNEL reads it at boot. */
export function tls12Enabled(reg: Registry): boolean {
  const enabled = readValue(reg, KEYS.tls12Client, 'Enabled');
  const disabledByDefault = readValue(reg, KEYS.tls12Client, 'DisabledByDefault');
  if (enabled && enabled.data === 0) return false;
  if (disabledByDefault && disabledByDefault.data === 1) return false;
  return true;
}

/** The principals RestrictRemoteSam allows, parsed from its SDDL (O:BAG:BAD:(A;;RC;;;BA)...). */
export function restrictRemoteSam(reg: Registry): string[] | undefined {
  const v = readValue(reg, KEYS.lsa, 'RestrictRemoteSam');
  if (!v || typeof v.data !== 'string') return undefined;
  const allowed = [...v.data.matchAll(/\(A;;RC;;;([^)]+)\)/g)].map((m) => m[1] as string);
  return allowed.map((sid) => (sid === 'BA' ? 'Administrators' : sid));
}
