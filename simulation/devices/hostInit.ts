/**
 * Builds a Windows host's starting state from the lab definition: adapter, services, consoles,
 * and the role data (DHCP scope, DNS zones) a domain controller carries.
 */
import { hashString } from '../core/hash';
import { seedFrom } from '../core/random';
import type { HostDefinition, LabDefinition } from '../core/definition';
import { domainZones } from '../roles/dnsServer';
import { initialDhcpServer } from '../roles/dhcpServer';
import { initialDirectory } from '../roles/directorySeed';
import { initialAdSync } from '../sync/adsyncInit';
import { phsPingHistory } from '../sync/history';
import { appendEvent, type EventLogs } from '../windows/eventlog';
import type { AdSyncState } from '../sync/state';
import { logonToken, type LogonToken } from '../windows/logonToken';
import { defaultRegistry, tls12Enabled } from '../windows/registry';
import { consoleSession, type WindowsHostContext } from '../windows/hostState';
import type { ServerRoles } from '../windows/serve';
import { servicesFor } from '../windows/services';

function adminProfile(host: HostDefinition, def: LabDefinition): string {
  // The domain administrator's profile on a member is created next to the local Administrator's.
  return host.kind === 'dc' ? 'C:\\Users\\Administrator' : `C:\\Users\\administrator.${def.domain.netbios}`;
}

/**
 * The administrator's token every host's consoles start with, taken from the directory the lab
 * starts with. Built once per (definition, seed, start, DC or not): building the directory per host
 * made a lab of N PCs cost N directories of N computer objects. Tokens are never changed in place.
 */
const ADMIN_TOKENS = new WeakMap<LabDefinition, Map<string, LogonToken | undefined>>();

function initialAdminToken(
  def: LabDefinition,
  seed: number,
  now: number,
  onDc: boolean,
): LogonToken | undefined {
  let byKey = ADMIN_TOKENS.get(def);
  if (!byKey) ADMIN_TOKENS.set(def, (byKey = new Map()));
  const k = `${seed}:${now}:${onDc}`;
  if (byKey.has(k)) return byKey.get(k);
  const token = logonToken(initialDirectory(def, seed, now), 'administrator', onDc);
  byKey.set(k, token);
  return token;
}

/**
 * Built once per (definition, host, seed, start) and shared by every lab of that definition: a
 * lab's construction is a fifth of a replay, and a host's starting state is plain data the engine
 * never changes in place (every update copies; test/simulation/devices/initialState.test.ts checks
 * that sessions leave it as built). Only the last seed is kept per host. The same holds for a
 * host's server roles (initialRoles).
 */
type Once<T> = WeakMap<LabDefinition, WeakMap<HostDefinition, { key: string; value: T }>>;

function once<T>(cache: Once<T>, def: LabDefinition, host: HostDefinition, key: string, build: () => T): T {
  let byHost = cache.get(def);
  if (!byHost) cache.set(def, (byHost = new WeakMap()));
  const known = byHost.get(host);
  if (known?.key === key) return known.value;
  const value = build();
  byHost.set(host, { key, value });
  return value;
}

const INITIAL_HOSTS: Once<WindowsHostContext> = new WeakMap();

/** A host's state at the lab's start (shared by every lab of the definition: never change it in place). */
export function initialHostContext(
  def: LabDefinition,
  host: HostDefinition,
  seed: number,
  now: number,
): WindowsHostContext {
  return once(INITIAL_HOSTS, def, host, `${seed}:${now}`, () => buildHostContext(def, host, seed, now));
}

function buildHostContext(
  def: LabDefinition,
  host: HostDefinition,
  seed: number,
  now: number,
): WindowsHostContext {
  const h = hashString(host.nic.mac);
  const linkLocal = `fe80::${h.slice(0, 4)}:${h.slice(4, 8)}:${h.slice(8, 12)}:${h.slice(12, 16)}`.replace(
    /:0+([0-9a-f])/g,
    ':$1',
  );
  const macHex = host.nic.mac.replace(/-/g, '');
  const user = `${def.domain.netbios}\\administrator`;
  const cwd = adminProfile(host, def);
  const cfg = host.nic.config;
  const registry = defaultRegistry(host.kind, host.hostname, def.domain.fqdn);
  const dcHost = def.hosts.find((h) => h.kind === 'dc');
  const dcName = dcHost?.hostname ?? 'DC01';
  // Where the service took its last sample at the lab's start: the DC for a member, the DC's own
  // internet source (time.windows.com's long-standing address) for the DC.
  const refIp =
    host.kind === 'dc'
      ? '168.61.215.74'
      : dcHost?.nic.config.mode === 'static'
        ? dcHost.nic.config.ip
        : undefined;
  return {
    id: host.id,
    kind: host.kind,
    hostname: host.hostname,
    os: host.os,
    osBuild: host.osBuild,
    domainFqdn: def.domain.fqdn,
    domainNetbios: def.domain.netbios,
    nic: {
      name: 'Ethernet',
      description: host.nic.description,
      mac: host.nic.mac,
      mediaConnected: true,
      dhcpEnabled: cfg.mode === 'dhcp',
      static:
        cfg.mode === 'static'
          ? { ip: cfg.ip, prefix: cfg.prefix, gateway: cfg.gateway, dnsServers: cfg.dnsServers }
          : undefined,
      linkLocalV6: linkLocal,
      ifIndex: 12,
      dhcpv6Iaid: 100000000 + (parseInt(h.slice(16, 22), 16) % 99999999),
      dhcpv6Duid: `00-01-00-01-2D-49-${h.slice(22, 24).toUpperCase()}-${h.slice(24, 26).toUpperCase()}-${macHex.match(/../g)?.join('-') ?? ''}`,
    },
    services: servicesFor(host.kind),
    clockOffsetMs: 0,
    timeZoneOffsetMinutes: def.timeZone.offsetMinutes,
    logs: pastLogs(def, host, now),
    consoles: { cmd: consoleSession('cmd', user, cwd), powershell: consoleSession('powershell', user, cwd) },
    bootedAt: now,
    machineSecret: 1,
    desktop:
      host.kind === 'client'
        ? {
            screen: 'signin',
            busy: false,
            lastUser: host.primaryUser ? `${def.domain.netbios}\\${host.primaryUser}` : undefined,
          }
        : undefined,
    cachedLogons: {},
    logon: {
      user: 'administrator',
      password: def.users.find((u) => u.sam.toLowerCase() === 'administrator')?.password ?? '',
    },
    entraConnect: hostsEntraConnect(def, host),
    token: initialAdminToken(def, seed, now, host.kind === 'dc'),
    registry,
    tls12Active: tls12Enabled(registry),
    time: {
      type: host.kind === 'dc' ? 'NTP' : 'NT5DS',
      lastSyncAt: now,
      source: host.kind === 'dc' ? 'time.windows.com,0x9' : `${dcName}.${def.domain.fqdn}`,
      ...(refIp ? { refIp } : {}),
    },
    rng: seedFrom(seed, host.id),
    seq: 0,
  };
}

/** The events a host's logs hold from before the lab's start (the sync server's PHS pings). */
function pastLogs(def: LabDefinition, host: HostDefinition, now: number): EventLogs {
  if (!hostsEntraConnect(def, host)) return {};
  const computer = `${host.hostname}.${def.domain.fqdn}`;
  return phsPingHistory(def, now).reduce<EventLogs>(
    (logs, p) => appendEvent(logs, p.entry, p.at, computer),
    {},
  );
}

/** Entra Connect Sync runs on the sync server the definition names. */
function hostsEntraConnect(def: LabDefinition, host: HostDefinition): boolean {
  return host.kind === 'sync' && def.connect.host === host.id;
}

/** Entra Connect's state on the sync server's disk at the lab's start (undefined elsewhere). */
export function initialAdSyncDisk(
  def: LabDefinition,
  host: HostDefinition,
  now: number,
): AdSyncState | undefined {
  return hostsEntraConnect(def, host) ? initialAdSync(def, now) : undefined;
}

const INITIAL_ROLES: Once<ServerRoles> = new WeakMap();

/** A host's server roles at the lab's start (shared by every lab of the definition: never change them in place). */
export function initialRoles(
  def: LabDefinition,
  host: HostDefinition,
  seed: number,
  now: number,
): ServerRoles {
  return once(INITIAL_ROLES, def, host, `${seed}:${now}`, () => buildRoles(def, host, seed, now));
}

function buildRoles(def: LabDefinition, host: HostDefinition, seed: number, now: number): ServerRoles {
  if (host.kind !== 'dc' || host.nic.config.mode !== 'static') return {};
  const dcIp = host.nic.config.ip;
  const staticHosts = def.hosts
    .filter((h) => h.id !== host.id && h.nic.config.mode === 'static')
    .map((h) => ({ name: h.hostname, ip: h.nic.config.mode === 'static' ? h.nic.config.ip : '' }));
  // The reverse lookup zone covers the LAN's whole octets: 6.168.192.in-addr.arpa for a /24,
  // 168.192.in-addr.arpa for a /16 to /23 (a widened LAN spans several third octets).
  const [lanNet, lanBits] = def.lan.cidr.split('/');
  const octets = Math.max(1, Math.min(3, Math.floor(Number(lanBits ?? 24) / 8)));
  const lanPrefix = lanNet?.split('.').slice(0, octets) ?? [];
  return {
    dhcpServer: initialDhcpServer(def.dhcpScope),
    dnsServer: {
      zones: domainZones({
        domain: def.domain.fqdn,
        dcHost: host.hostname,
        dcIp,
        siteName: def.domain.siteName,
        staticHosts,
        reverseZone: `${lanPrefix.reverse().join('.')}.in-addr.arpa`,
      }),
      forwarders: [def.internet.publicDns],
    },
    timeSource: { synchronized: true, stratum: 3 },
    directory: initialDirectory(def, seed, now),
    dcInfo: { domainGuid: def.domain.domainGuid, forest: def.domain.forest, site: def.domain.siteName },
  };
}
