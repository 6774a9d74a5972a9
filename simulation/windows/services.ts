/**
 * The Windows services each kind of host runs, with their real service names, display names and
 * the ports they listen on. Services are data: a host's chart starts and stops them; what a
 * stopped service means (no DHCP offers, no writeback) follows from who listens on which port.
 */
import type { HostKind, Transport } from '../core/definition';

export type ServiceStatus = 'Running' | 'Stopped';
export type StartType = 'Automatic' | 'Manual' | 'Disabled';

export interface ServiceState {
  name: string;
  displayName: string;
  status: ServiceStatus;
  startType: StartType;
}

export interface ServiceSpec {
  name: string;
  displayName: string;
  startType: StartType;
  kinds: readonly HostKind[];
  listens?: readonly { transport: Transport; port: number }[];
  /** Services that must run for this one to run (stopping one of these stops this one too). */
  dependsOn?: readonly string[];
  /** Present on the host but not running at boot. */
  stoppedAtBoot?: boolean;
}

const ALL: readonly HostKind[] = ['dc', 'sync', 'client'];

export const SERVICE_CATALOG: readonly ServiceSpec[] = [
  { name: 'Dhcp', displayName: 'DHCP Client', startType: 'Automatic', kinds: ALL },
  { name: 'Dnscache', displayName: 'DNS Client', startType: 'Automatic', kinds: ALL },
  { name: 'EventLog', displayName: 'Windows Event Log', startType: 'Automatic', kinds: ALL },
  {
    name: 'EventSystem',
    displayName: 'COM+ Event System',
    startType: 'Automatic',
    kinds: ALL,
  },
  {
    name: 'LanmanServer',
    displayName: 'Server',
    startType: 'Automatic',
    kinds: ALL,
    listens: [{ transport: 'tcp', port: 445 }],
  },
  { name: 'LanmanWorkstation', displayName: 'Workstation', startType: 'Automatic', kinds: ALL },
  { name: 'mpssvc', displayName: 'Windows Defender Firewall', startType: 'Automatic', kinds: ALL },
  { name: 'Netlogon', displayName: 'Netlogon', startType: 'Automatic', kinds: ALL },
  {
    name: 'RpcSs',
    displayName: 'Remote Procedure Call (RPC)',
    startType: 'Automatic',
    kinds: ALL,
    listens: [{ transport: 'tcp', port: 135 }],
  },
  {
    name: 'SamSs',
    displayName: 'Security Accounts Manager',
    startType: 'Automatic',
    kinds: ALL,
  },
  {
    name: 'W32Time',
    displayName: 'Windows Time',
    startType: 'Automatic',
    kinds: ALL,
    listens: [{ transport: 'udp', port: 123 }],
  },
  {
    name: 'WinRM',
    displayName: 'Windows Remote Management (WS-Management)',
    startType: 'Automatic',
    kinds: ALL,
    listens: [{ transport: 'tcp', port: 5985 }],
  },
  {
    name: 'NTDS',
    displayName: 'Active Directory Domain Services',
    startType: 'Automatic',
    kinds: ['dc'],
    listens: [
      { transport: 'tcp', port: 389 },
      { transport: 'udp', port: 389 },
      { transport: 'tcp', port: 636 },
      { transport: 'tcp', port: 3268 },
      { transport: 'tcp', port: 3269 },
    ],
  },
  {
    name: 'Kdc',
    displayName: 'Kerberos Key Distribution Center',
    startType: 'Automatic',
    kinds: ['dc'],
    listens: [
      { transport: 'tcp', port: 88 },
      { transport: 'udp', port: 88 },
      { transport: 'tcp', port: 464 },
    ],
    dependsOn: ['NTDS'],
  },
  {
    name: 'ADWS',
    displayName: 'Active Directory Web Services',
    startType: 'Automatic',
    kinds: ['dc'],
    listens: [{ transport: 'tcp', port: 9389 }],
    dependsOn: ['NTDS'],
  },
  {
    name: 'DNS',
    displayName: 'DNS Server',
    startType: 'Automatic',
    kinds: ['dc'],
    listens: [
      { transport: 'udp', port: 53 },
      { transport: 'tcp', port: 53 },
    ],
  },
  {
    name: 'DHCPServer',
    displayName: 'DHCP Server',
    startType: 'Automatic',
    kinds: ['dc'],
    listens: [{ transport: 'udp', port: 67 }],
  },
  { name: 'DFSR', displayName: 'DFS Replication', startType: 'Automatic', kinds: ['dc'] },
  { name: 'IsmServ', displayName: 'Intersite Messaging', startType: 'Automatic', kinds: ['dc'] },
  { name: 'ADSync', displayName: 'Microsoft Azure AD Sync', startType: 'Automatic', kinds: ['sync'] },
  {
    name: 'AzureADConnectHealthSyncMonitor',
    displayName: 'Azure AD Connect Health Sync Monitoring Service',
    startType: 'Automatic',
    kinds: ['sync'],
  },
  { name: 'wuauserv', displayName: 'Windows Update', startType: 'Manual', kinds: ALL, stoppedAtBoot: true },
  { name: 'Spooler', displayName: 'Print Spooler', startType: 'Automatic', kinds: ['client'] },
];

export function servicesFor(kind: HostKind): Record<string, ServiceState> {
  const out: Record<string, ServiceState> = {};
  for (const s of SERVICE_CATALOG) {
    if (!s.kinds.includes(kind)) continue;
    out[s.name] = {
      name: s.name,
      displayName: s.displayName,
      status: s.stoppedAtBoot ? 'Stopped' : 'Running',
      startType: s.startType,
    };
  }
  return out;
}

export function specOf(name: string): ServiceSpec | undefined {
  const n = name.toLowerCase();
  return SERVICE_CATALOG.find((s) => s.name.toLowerCase() === n);
}

/** Finds a service on a host by its name or display name, case-insensitively (as sc/Get-Service do). */
export function findService(
  services: Record<string, ServiceState>,
  nameOrDisplay: string,
): ServiceState | undefined {
  const n = nameOrDisplay.toLowerCase();
  return Object.values(services).find((s) => s.name.toLowerCase() === n || s.displayName.toLowerCase() === n);
}

/** Services running on the host that listen on this transport and port. */
export function listenerFor(
  services: Record<string, ServiceState>,
  transport: Transport,
  port: number,
): ServiceState | undefined {
  for (const spec of SERVICE_CATALOG) {
    const svc = services[spec.name];
    if (svc?.status === 'Running' && spec.listens?.some((l) => l.transport === transport && l.port === port))
      return svc;
  }
  return undefined;
}

/** The services that stop when `name` stops (those depending on it, transitively). */
export function dependentsOf(name: string): string[] {
  const out: string[] = [];
  const visit = (n: string) => {
    for (const s of SERVICE_CATALOG) {
      if (s.dependsOn?.includes(n) && !out.includes(s.name)) {
        out.push(s.name);
        visit(s.name);
      }
    }
  };
  visit(name);
  return out;
}
