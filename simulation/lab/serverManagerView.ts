/**
 * Server Manager's dashboard on each server (DC01, SYNC01): the "Roles and server groups" tiles,
 * each with its five rows (Manageability, Events, Services, Performance, BPA results). A tile turns
 * red when one of its rows has something to show: an automatic service that is stopped, an error
 * in the last 24 hours. This is where Windows shows a server's health, so it is where the lab shows
 * it, and not on the lab map.
 *
 * Texts live in SERVER_MANAGER_TEXT; those not confirmed against a source are marked (and listed in
 * docs/fidelity.md).
 */
import type { LabDefinition } from '../core/definition';
import type { LogName, WinEvent } from '../windows/eventlog';
import type { LabTruth } from './truth';

export const SERVER_MANAGER_TEXT = {
  title: 'Server Manager',
  dashboard: 'Dashboard',
  welcome: 'WELCOME TO SERVER MANAGER',
  rolesHeading: 'ROLES AND SERVER GROUPS',
  /** Unconfirmed: the summary line under the heading. */
  summary: (roles: number, groups: number, servers: number) =>
    `Roles: ${roles}   |   Server groups: ${groups}   |   Servers total: ${servers}`,
  rows: ['Manageability', 'Events', 'Services', 'Performance', 'BPA results'] as const,
  localServer: 'Local Server',
  allServers: 'All Servers',
  fileServices: 'File and Storage Services',
} as const;

export type TileRowName = (typeof SERVER_MANAGER_TEXT.rows)[number];

export interface TileRow {
  name: TileRowName;
  /** The count Server Manager shows beside the row (only drawn when not 0). */
  count: number;
  alert: boolean;
  /** What the row lists when opened (the stopped services, the events). */
  items: string[];
}

export interface ServerManagerTile {
  title: string;
  /** The number of servers in the tile (one: this lab manages each server on its own). */
  servers: number;
  alert: boolean;
  rows: TileRow[];
}

export interface ServerManagerView {
  host: string;
  hostname: string;
  available: boolean;
  roles: number;
  serverGroups: number;
  serversTotal: number;
  tiles: ServerManagerTile[];
}

const DAY = 86_400_000;

interface RoleSpec {
  title: string;
  has: (t: LabTruth['hosts'][string]) => boolean;
  services: readonly string[];
  logs: readonly LogName[];
}

/** The roles the lab's servers run, with the services and logs each tile watches (lab's own mapping). */
const ROLES: readonly RoleSpec[] = [
  {
    title: 'AD DS',
    has: (t) => !!t.roles.directory,
    services: ['NTDS', 'Kdc', 'ADWS', 'DFSR', 'IsmServ', 'Netlogon'],
    logs: ['Directory Service'],
  },
  { title: 'DHCP', has: (t) => !!t.roles.dhcpServer, services: ['DHCPServer'], logs: [] },
  { title: 'DNS', has: (t) => !!t.roles.dnsServer, services: ['DNS'], logs: ['DNS Server'] },
  { title: SERVER_MANAGER_TEXT.fileServices, has: () => true, services: ['LanmanServer'], logs: [] },
];

const SERVER_LOGS: readonly LogName[] = ['System', 'Application'];

function recentErrors(t: LabTruth['hosts'][string], logs: readonly LogName[], now: number): WinEvent[] {
  return logs.flatMap((log) =>
    (t.host.logs[log]?.entries ?? []).filter(
      (e) => (e.level === 'Error' || e.level === 'Critical') && e.time > now - DAY,
    ),
  );
}

function tile(
  title: string,
  t: LabTruth['hosts'][string],
  services: readonly string[] | 'all',
  logs: readonly LogName[],
  now: number,
): ServerManagerTile {
  const watched = Object.values(t.host.services).filter(
    (s) => services === 'all' || services.includes(s.name),
  );
  const stopped = watched
    .filter((s) => s.startType === 'Automatic' && s.status !== 'Running')
    .map((s) => `${s.displayName} (${s.name}): Stopped`);
  const events = recentErrors(t, logs, now).map((e) => `${e.level} ${e.eventId} ${e.source}`);
  const rows: TileRow[] = SERVER_MANAGER_TEXT.rows.map((name) => {
    const items = name === 'Services' ? stopped : name === 'Events' ? events : [];
    return { name, count: items.length, alert: items.length > 0, items };
  });
  return { title, servers: 1, alert: rows.some((r) => r.alert), rows };
}

export function serverManagerViews(truth: LabTruth, def: LabDefinition): Record<string, ServerManagerView> {
  const out: Record<string, ServerManagerView> = {};
  for (const h of def.hosts) {
    if (h.kind === 'client') continue;
    const t = truth.hosts[h.id];
    if (!t) continue;
    const on = t.power === 'on';
    const roles = ROLES.filter((r) => r.has(t));
    const tiles = on
      ? [
          ...roles.map((r) => tile(r.title, t, r.services, r.logs, truth.time)),
          tile(SERVER_MANAGER_TEXT.localServer, t, 'all', SERVER_LOGS, truth.time),
          tile(SERVER_MANAGER_TEXT.allServers, t, 'all', SERVER_LOGS, truth.time),
        ]
      : [];
    out[h.id] = {
      host: h.id,
      hostname: h.hostname,
      available: on,
      roles: roles.length,
      serverGroups: 1,
      serversTotal: 1,
      tiles,
    };
  }
  return out;
}
