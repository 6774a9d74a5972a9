/**
 * Microsoft Entra Connect Sync on the sync server, as data: its configuration (what the wizard
 * sets), the scheduler (Get-ADSyncScheduler's fields), the connector space (which AD objects are
 * in scope and what was last exported), password hash sync's watermark and heartbeat, the
 * writeback listener, and the Synchronization Service Manager's run history.
 */
import type { Credentials } from '../net/appMessages';
import { TIMINGS } from '../core/timings';
import type { Space } from './space';

/** The Optional features page (the eight of them; only the two password features change the lab). */
export interface ConnectFeatures {
  passwordHashSync: boolean;
  passwordWriteback: boolean;
  exchangeHybrid: boolean;
  exchangeMailPublicFolders: boolean;
  appAttributeFiltering: boolean;
  groupWriteback: boolean;
  deviceWriteback: boolean;
  directoryExtensions: boolean;
}

export interface ConnectConfig {
  tenantDomain: string;
  tenantId: string;
  /** Connector names as Get-ADSyncConnector lists them. */
  adConnector: string;
  aadConnector: string;
  forest: string;
  /** The AD DS connector account (MSOL_…) and its password (truth only). */
  connectorAccount: Credentials;
  /** The directory synchronization account in Entra ID (truth only). */
  syncAccount: Credentials;
  /** 'all' or the distinguished names of the OUs in scope. */
  ouFilter: 'all' | string[];
  features: ConnectFeatures;
  signIn: 'PasswordHashSync' | 'PassThroughAuth' | 'Federation' | 'DoNotConfigure';
  sourceAnchor: 'mS-DS-ConsistencyGuid';
  /** "Sign and Encrypt LDAP Traffic" in the AD connector's connection options. */
  ldapSignAndEncrypt: boolean;
  /**
   * The AD connector lost its password management setting (a forest re-added after password
   * writeback was enabled): writeback fails with 0x8023061f until writeback is turned off and on.
   */
  staleManagementAgent?: boolean;
}

export interface SchedulerState {
  syncCycleEnabled: boolean;
  /** Admin override of the interval (ms), if any. */
  customizedInterval?: number;
  nextPolicy: 'Delta' | 'Initial';
  nextRunAt: number;
  /** When the cycle in progress started: the next one is due an interval after it. */
  cycleStartedAt?: number;
  maintenanceEnabled: boolean;
  stagingMode: boolean;
  purgeRunHistoryInterval: number;
}

export interface ConnectorSpaceEntry {
  anchor: string;
  guid: string;
  dn: string;
  sam: string;
  upn: string;
  /** Hash of the exported attributes, to export only what changed. */
  exportedHash?: string;
  exportedAt?: number;
}

/** A group as the AD connector last imported it: its name and its members' objectGUIDs. */
export interface ImportedGroup {
  name: string;
  guid: string;
  members: string[];
}

export interface RunRecord {
  id: number;
  connector: string;
  profile: 'Full Import' | 'Delta Import' | 'Full Synchronization' | 'Delta Synchronization' | 'Export';
  status:
    | 'success'
    | 'completed-export-errors'
    | 'stopped-server-down'
    | 'no-start-connection'
    | 'stopped-extension-dll-exception'
    | 'completed-warnings';
  start: number;
  end: number;
  adds: number;
  updates: number;
  deletes: number;
  errors: number;
  detail?: string;
}

export interface PhsState {
  /** pwdLastSet last synchronised per AD object GUID. */
  synced: Record<string, number>;
  fullSyncDone: boolean;
  lastRunAt?: number;
  lastHeartbeatAt?: number;
  lastPingAt?: number;
  /** Per-object log (the connector space object's Log tab), newest last. */
  log: {
    time: number;
    dn: string;
    status: 'Success' | 'FilteredByTarget' | 'TargetNotExportedToDirectory' | 'Error';
  }[];
}

export interface WritebackState {
  /** 'listening' when the relay connection is up. */
  listener: 'stopped' | 'listening' | 'failing';
  lastHeartbeatAt?: number;
  since?: number;
}

export interface AdSyncState {
  installed: boolean;
  version: string;
  serverName: string;
  config?: ConnectConfig;
  scheduler: SchedulerState;
  /** The AD connector's users in scope, by anchor (a persistent map: a change copies a bucket). */
  connectorSpace: Space<ConnectorSpaceEntry>;
  /** The AD connector's exportable groups, by anchor, as last imported. */
  groupSpace: Record<string, ImportedGroup>;
  /** The hash each group was last exported with, by anchor. */
  groupsExported: Record<string, string>;
  phs: PhsState;
  writeback: WritebackState;
  runHistory: RunRecord[];
  runSeq: number;
  cycleInProgress: boolean;
  /** Settings the sync engine loaded when the service last started (connector options need a restart). */
  engine?: { ldapSignAndEncrypt: boolean; loadedAt: number };
  /**
   * The AD connector's delta import watermark: the highest uSNChanged it has imported and fully
   * exported, and the scope (OU filter) it was taken under. A delta import reads only objects
   * changed since; a full import, or a different scope, starts from nothing.
   */
  adWatermark?: { usn: number; scope: string };
}

export const ADSYNC_VERSION = '2.4.131.0';
export const DEFAULT_INTERVAL = TIMINGS.syncSchedulerInterval;
export const RUN_HISTORY_LIMIT = 300;

export function effectiveInterval(s: SchedulerState): number {
  return s.customizedInterval && s.customizedInterval > DEFAULT_INTERVAL
    ? s.customizedInterval
    : DEFAULT_INTERVAL;
}

const anchors = new Map<string, string>();

/** Base64 of the GUID's bytes in .NET order: the sourceAnchor (ms-DS-ConsistencyGuid / ImmutableId). */
export function guidToAnchor(guid: string): string {
  // A sync cycle converts every user's GUID: remember the answers (a pure function of the GUID).
  const known = anchors.get(guid);
  if (known !== undefined) return known;
  const anchor = computeAnchor(guid);
  if (anchors.size >= 100_000) anchors.clear();
  anchors.set(guid, anchor);
  return anchor;
}

function computeAnchor(guid: string): string {
  const hex = guid.replace(/-/g, '');
  if (hex.length !== 32) return guid;
  const b = (i: number) => parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  const order = [3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15];
  const bytes = order.map(b);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [x = 0, y = 0, z = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (x << 16) | (y << 8) | z;
    out += alphabet[(n >> 18) & 63];
    out += alphabet[(n >> 12) & 63];
    out += i + 1 < bytes.length ? alphabet[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? alphabet[n & 63] : '=';
  }
  return out;
}
