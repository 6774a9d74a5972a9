/**
 * The administrator's tools on the hosts, as a learner opens them: Event Viewer and the Services
 * console on every Windows host, the Synchronization Service Manager on the Entra Connect server,
 * and the gateway's firewall page. Each shows what the real tool shows, from the truth, and only
 * while the machine it runs on is up (a tool on a powered-off host cannot be opened).
 */
import { formatShortDateTime } from '../core/time';
import type { FirewallRule, LabDefinition } from '../core/definition';
import type { RunRecord } from '../sync/state';
import type { EventLevel, LogName } from '../windows/eventlog';
import type { ServiceStatus, StartType } from '../windows/services';

import type { LabTruth } from './truth';

export const VIEWER_LOGS = ['Application', 'System', 'Security'] as const satisfies readonly LogName[];
export type ViewerLog = (typeof VIEWER_LOGS)[number];

export interface EventView {
  recordId: number;
  level: EventLevel;
  /** As Event Viewer's Date and Time column shows it: the host's own clock, its time zone. */
  display: string;
  time: number;
  source: string;
  eventId: number;
  taskCategory: string;
  computer: string;
  user: string;
  message: string;
}

/** services.msc's Description and Log On As columns for the services the lab runs. */
const SERVICE_INFO: Record<string, { description: string; logOnAs: string }> = {
  Dhcp: {
    description: 'Registers and updates IP addresses and DNS records for this computer.',
    logOnAs: 'Local Service',
  },
  Dnscache: {
    description:
      'The DNS Client service (dnscache) caches Domain Name System (DNS) names and registers the full computer name for this computer.',
    logOnAs: 'Network Service',
  },
  EventLog: { description: 'This service manages events and event logs.', logOnAs: 'Local Service' },
  EventSystem: {
    description:
      'Supports System Event Notification Service (SENS), which provides automatic distribution of events to subscribing Component Object Model (COM) components. If the service is stopped, SENS will close and will not be able to provide logon and logoff notifications. If this service is disabled, any services that explicitly depend on it will fail to start.',
    logOnAs: 'Local Service',
  },
  LanmanServer: {
    description: 'Supports file, print, and named-pipe sharing over the network for this computer.',
    logOnAs: 'Local System',
  },
  LanmanWorkstation: {
    description: 'Creates and maintains client network connections to remote servers using the SMB protocol.',
    logOnAs: 'Network Service',
  },
  mpssvc: {
    description:
      'Windows Defender Firewall helps protect your computer by preventing unauthorized users from gaining access to your computer through the Internet or a network.',
    logOnAs: 'Local Service',
  },
  Netlogon: {
    description:
      'Maintains a secure channel between this computer and the domain controller for authenticating users and services.',
    logOnAs: 'Local System',
  },
  RpcSs: {
    description: 'The RPCSS service is the Service Control Manager for COM and DCOM servers.',
    logOnAs: 'Network Service',
  },
  SamSs: {
    description:
      'The startup of this service signals other services that the Security Accounts Manager (SAM) is ready to accept requests.  Disabling this service will prevent other services in the system from being notified when the SAM is ready, which may in turn cause those services to fail to start correctly. This service should not be disabled.',
    logOnAs: 'Local System',
  },
  W32Time: {
    description: 'Maintains date and time synchronization on all clients and servers in the network.',
    logOnAs: 'Local Service',
  },
  WinRM: {
    description:
      'Windows Remote Management (WinRM) service implements the WS-Management protocol for remote management.',
    logOnAs: 'Network Service',
  },
  NTDS: { description: 'AD DS Domain Controller service.', logOnAs: 'Local System' },
  Kdc: {
    description:
      'On domain controllers, this service enables users to log on to the network using the Kerberos authentication protocol.',
    logOnAs: 'Local System',
  },
  ADWS: {
    description:
      'This service provides a Web Service interface to instances of the directory service (AD DS and AD LDS) that are running locally on this server.',
    logOnAs: 'Local System',
  },
  DNS: {
    description:
      'Enables DNS clients to resolve DNS names by answering DNS queries and dynamic DNS update requests.',
    logOnAs: 'Local System',
  },
  DHCPServer: {
    description:
      'Performs TCP/IP configuration for DHCP clients, including dynamic assignments of IP addresses.',
    logOnAs: 'Network Service',
  },
  DFSR: {
    description:
      'Enables you to synchronize folders on multiple servers across local or wide area network (WAN) network connections.',
    logOnAs: 'Local System',
  },
  IsmServ: {
    description: 'Allows the exchange of messages between Windows Server sites.',
    logOnAs: 'Local System',
  },
  ADSync: {
    description:
      'Enables integration and management of identity information across multiple directories, systems and platforms.',
    logOnAs: 'NT SERVICE\\ADSync',
  },
  AzureADConnectHealthSyncMonitor: {
    description: 'Microsoft Entra Connect Health Sync Monitoring Agent.',
    logOnAs: 'Local System',
  },
  wuauserv: {
    description:
      'Enables the detection, download, and installation of updates for Windows and other programs.',
    logOnAs: 'Local System',
  },
  Spooler: {
    description: 'This service spools print jobs and handles interaction with the printer.',
    logOnAs: 'Local System',
  },
};

export interface ServiceView {
  name: string;
  displayName: string;
  description: string;
  status: ServiceStatus;
  startType: StartType;
  logOnAs: string;
}

export interface HostToolsView {
  host: string;
  hostname: string;
  /** False while the host is off: its consoles and tools cannot be opened. */
  available: boolean;
  events: Record<ViewerLog, EventView[]>;
  services: ServiceView[];
}

/** The run-profile names and statuses as the Operations tab prints them. */
export const RUN_STATUS_TEXT: Record<RunRecord['status'], string> = {
  success: 'success',
  'completed-export-errors': 'completed-export-errors',
  'stopped-server-down': 'stopped-server-down',
  'no-start-connection': 'no-start-connection',
  'stopped-extension-dll-exception': 'stopped-extension-dll-exception',
  'completed-warnings': 'completed-warnings',
};

export interface SyncManagerView {
  host: string;
  /** Whether the tool can connect to the ADSync service (it cannot while the service is stopped). */
  available: boolean;
  unavailableText?: string;
  operations: {
    id: number;
    connector: string;
    profile: string;
    status: string;
    start: string;
    end: string;
    adds: number;
    updates: number;
    deletes: number;
    errors: number;
    detail?: string;
  }[];
  connectors: {
    name: string;
    type: string;
    description: string;
    state: string;
    /** For the AD connector: the Connect to Active Directory Forest page. */
    forest?: string;
    account?: string;
    domain?: string;
    ldapSignAndEncrypt?: boolean;
  }[];
}

export interface GatewayView {
  name: string;
  lanAddress: string;
  rules: (FirewallRule & { summary: string })[];
}

/** Text of the Synchronization Service Manager when it cannot reach the service (unconfirmed wording). */
export const SYNC_MANAGER_UNAVAILABLE =
  'Unable to connect to the Synchronization Service. Some possible reasons are: 1) The service is not started. 2) Your account is not a member of a required security group.';

function hostClockOffset(truth: LabTruth, host: string): number {
  return truth.hosts[host]?.host.clockOffsetMs ?? 0;
}

export function hostToolsViews(truth: LabTruth, def: LabDefinition): Record<string, HostToolsView> {
  const out: Record<string, HostToolsView> = {};
  for (const h of def.hosts) {
    const t = truth.hosts[h.id];
    if (!t) continue;
    const on = t.power === 'on';
    const offset = t.host.clockOffsetMs;
    const tz = t.host.timeZoneOffsetMinutes;
    const events = {} as Record<ViewerLog, EventView[]>;
    for (const log of VIEWER_LOGS) {
      const entries = on ? (t.host.logs[log]?.entries ?? []) : [];
      // Newest first, as Event Viewer lists them.
      events[log] = entries
        .map((e) => ({
          recordId: e.recordId,
          level: e.level,
          display: formatShortDateTime(e.time + offset, tz),
          time: e.time,
          source: e.source,
          eventId: e.eventId,
          taskCategory: e.taskCategory ?? 'None',
          computer: e.computer,
          user: e.user ?? 'N/A',
          message: e.message,
        }))
        .reverse();
    }
    const services: ServiceView[] = on
      ? Object.values(t.host.services)
          .map((s) => {
            const info = SERVICE_INFO[s.name];
            return {
              name: s.name,
              displayName: s.displayName,
              description: info?.description ?? '',
              status: s.status,
              startType: s.startType,
              logOnAs: info?.logOnAs ?? 'Local System',
            };
          })
          .sort((a, b) => a.displayName.localeCompare(b.displayName))
      : [];
    out[h.id] = { host: h.id, hostname: h.hostname, available: on, events, services };
  }
  return out;
}

export function syncManagerView(truth: LabTruth, def: LabDefinition): SyncManagerView | undefined {
  const h = truth.hosts[def.connect.host];
  const a = h?.adsync;
  if (!h || !a || !a.state.installed) return undefined;
  const running = h.power === 'on' && h.host.services.ADSync?.status === 'Running';
  const offset = hostClockOffset(truth, def.connect.host);
  const tz = h.host.timeZoneOffsetMinutes;
  const c = a.state.config;
  if (!running) {
    return {
      host: def.connect.host,
      available: false,
      unavailableText: SYNC_MANAGER_UNAVAILABLE,
      operations: [],
      connectors: [],
    };
  }
  return {
    host: def.connect.host,
    available: true,
    operations: [...a.state.runHistory].reverse().map((r) => ({
      id: r.id,
      connector: r.connector,
      profile: r.profile,
      status: RUN_STATUS_TEXT[r.status],
      start: formatShortDateTime(r.start + offset, tz),
      end: formatShortDateTime(r.end + offset, tz),
      adds: r.adds,
      updates: r.updates,
      deletes: r.deletes,
      errors: r.errors,
      detail: r.detail,
    })),
    connectors: c
      ? [
          {
            name: c.adConnector,
            type: 'Active Directory Domain Services',
            description: '',
            state: a.state.cycleInProgress ? 'Running' : 'Idle',
            forest: c.forest,
            account: c.connectorAccount.user,
            domain: def.domain.netbios,
            ldapSignAndEncrypt: c.ldapSignAndEncrypt,
          },
          {
            name: c.aadConnector,
            type: 'Windows Azure Active Directory (Microsoft)',
            description: '',
            state: a.state.cycleInProgress ? 'Running' : 'Idle',
          },
        ]
      : [],
  };
}

function ruleSummary(r: FirewallRule): string {
  const what = [
    r.transport ? r.transport.toUpperCase() : 'Any protocol',
    r.port !== undefined ? `port ${r.port}` : 'any port',
  ].join(' ');
  const from = r.srcCidr ?? 'any source';
  const to = r.host ?? r.dstCidr ?? 'any destination';
  return `${r.action === 'allow' ? 'Allow' : r.mode === 'reject' ? 'Reject' : 'Drop'} ${r.direction} ${what} from ${from} to ${to}`;
}

export function gatewayView(truth: LabTruth, def: LabDefinition): GatewayView {
  return {
    name: 'Gateway',
    lanAddress: def.lan.gateway,
    rules: truth.network.firewall.map((r) => ({ ...r, summary: ruleSummary(r) })),
  };
}
