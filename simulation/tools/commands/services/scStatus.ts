/**
 * sc.exe's view of the services the lab runs: image paths, types and accounts as on Windows Server
 * 2022, process ids, and the status block `sc query` / `sc queryex` / start / stop print.
 */
import type { WindowsHostContext } from '../../../windows/hostState';
import { specOf, type ServiceState, type StartType } from '../../../windows/services';

/** A small stable hash of a string (process ids, GUID-like ids). */
function smallHash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h >>> 0;
}

interface ScInfo {
  type: number;
  path: string;
  account: string;
  flags?: string;
}

const SVCHOST = (group: string) => `C:\\Windows\\system32\\svchost.exe -k ${group} -p`;

/** sc.exe's view of the services the lab runs (image paths and accounts as on Windows Server 2022). */
export const SC_INFO: Readonly<Record<string, ScInfo>> = {
  Dhcp: { type: 30, path: SVCHOST('LocalServiceNetworkRestricted'), account: 'NT Authority\\LocalService' },
  Dnscache: {
    type: 30,
    path: SVCHOST('NetworkService'),
    account: 'NT AUTHORITY\\NetworkService',
    flags: '(NOT_STOPPABLE, NOT_PAUSABLE, IGNORES_SHUTDOWN)',
  },
  EventLog: {
    type: 30,
    path: SVCHOST('LocalServiceNetworkRestricted'),
    account: 'NT AUTHORITY\\LocalService',
  },
  LanmanServer: {
    type: 30,
    path: SVCHOST('smbsvcs'),
    account: 'LocalSystem',
    flags: '(STOPPABLE, PAUSABLE, IGNORES_SHUTDOWN)',
  },
  LanmanWorkstation: {
    type: 30,
    path: SVCHOST('NetworkService'),
    account: 'NT AUTHORITY\\NetworkService',
    flags: '(STOPPABLE, PAUSABLE, IGNORES_SHUTDOWN)',
  },
  mpssvc: { type: 30, path: SVCHOST('LocalServiceNoNetworkFirewall'), account: 'NT Authority\\LocalService' },
  Netlogon: {
    type: 20,
    path: 'C:\\Windows\\system32\\lsass.exe',
    account: 'LocalSystem',
    flags: '(STOPPABLE, PAUSABLE, IGNORES_SHUTDOWN)',
  },
  RpcSs: {
    type: 30,
    path: SVCHOST('rpcss'),
    account: 'NT AUTHORITY\\NetworkService',
    flags: '(NOT_STOPPABLE, NOT_PAUSABLE, IGNORES_SHUTDOWN)',
  },
  W32Time: {
    type: 30,
    path: 'C:\\Windows\\system32\\svchost.exe -k LocalService',
    account: 'NT AUTHORITY\\LocalService',
  },
  WinRM: { type: 30, path: SVCHOST('NetworkService'), account: 'NT AUTHORITY\\NetworkService' },
  NTDS: { type: 20, path: 'C:\\Windows\\System32\\lsass.exe', account: 'LocalSystem' },
  Kdc: { type: 20, path: 'C:\\Windows\\System32\\lsass.exe', account: 'LocalSystem' },
  ADWS: {
    type: 10,
    path: 'C:\\Windows\\ADWS\\Microsoft.ActiveDirectory.WebServices.exe',
    account: 'LocalSystem',
  },
  DNS: { type: 10, path: 'C:\\Windows\\system32\\dns.exe', account: 'LocalSystem' },
  DHCPServer: { type: 30, path: SVCHOST('DHCPServer'), account: 'NT AUTHORITY\\NetworkService' },
  DFSR: { type: 10, path: 'C:\\Windows\\system32\\DFSRs.exe', account: 'LocalSystem' },
  IsmServ: { type: 10, path: 'C:\\Windows\\System32\\ismserv.exe', account: 'LocalSystem' },
  ADSync: {
    type: 10,
    path: '"C:\\Program Files\\Microsoft Azure AD Sync\\Bin\\miiserver.exe"',
    account: 'NT SERVICE\\ADSync',
  },
  AzureADConnectHealthSyncMonitor: {
    type: 10,
    path: '"C:\\Program Files\\Microsoft Azure AD Connect Health Sync Agent\\Monitor\\Microsoft.Identity.AadConnect.Health.AadSync.Host.exe"',
    account: 'LocalSystem',
  },
  wuauserv: { type: 30, path: SVCHOST('netsvcs'), account: 'LocalSystem' },
  Spooler: { type: 110, path: 'C:\\Windows\\System32\\spoolsv.exe', account: 'LocalSystem' },
};

export const TYPE_TEXT: Record<number, string> = {
  10: '10  WIN32_OWN_PROCESS',
  20: '20  WIN32_SHARE_PROCESS',
  30: '30  WIN32',
  110: '110  WIN32_OWN_PROCESS  (interactive)',
};

export const SC_START: Record<StartType, string> = {
  Automatic: '2   AUTO_START',
  Manual: '3   DEMAND_START',
  Disabled: '4   DISABLED',
};

export function infoOf(name: string): ScInfo {
  return SC_INFO[name] ?? { type: 10, path: `C:\\Windows\\system32\\${name}.exe`, account: 'LocalSystem' };
}

/** A stable process id for a running service (a multiple of 4, as Windows hands them out). */
function pidOf(host: WindowsHostContext, s: ServiceState): number {
  if (s.status !== 'Running') return 0;
  const shared = ['lsass.exe'].some((x) => infoOf(s.name).path.toLowerCase().includes(x));
  const key = shared ? `${host.id}:lsass:${host.bootedAt}` : `${host.id}:${s.name}:${host.bootedAt}`;
  return 400 + (smallHash(key) % 2000) * 4;
}

export function scBlock(
  host: WindowsHostContext,
  s: ServiceState,
  opts: { ex?: boolean; display?: boolean; state?: 'start' | 'stop' },
): string[] {
  const info = infoOf(s.name);
  const lines = ['', `SERVICE_NAME: ${s.name}`];
  if (opts.display) lines.push(`DISPLAY_NAME: ${s.displayName}`);
  lines.push(`        TYPE               : ${TYPE_TEXT[info.type] ?? String(info.type)}`);
  if (opts.state === 'start') {
    lines.push('        STATE              : 2  START_PENDING');
    lines.push('                                (NOT_STOPPABLE, NOT_PAUSABLE, IGNORES_SHUTDOWN)');
  } else if (opts.state === 'stop') {
    lines.push('        STATE              : 3  STOP_PENDING');
    lines.push(
      `                                ${info.flags ?? '(STOPPABLE, NOT_PAUSABLE, ACCEPTS_SHUTDOWN)'}`,
    );
  } else if (s.status === 'Running') {
    lines.push('        STATE              : 4  RUNNING');
    lines.push(
      `                                ${info.flags ?? '(STOPPABLE, NOT_PAUSABLE, ACCEPTS_SHUTDOWN)'}`,
    );
  } else {
    lines.push('        STATE              : 1  STOPPED');
  }
  // A service that has not run since boot reports ERROR_SERVICE_NEVER_STARTED.
  const neverStarted = s.status !== 'Running' && !!specOf(s.name)?.stoppedAtBoot && opts.state === undefined;
  lines.push(`        WIN32_EXIT_CODE    : ${neverStarted ? '1077  (0x435)' : '0  (0x0)'}`);
  lines.push('        SERVICE_EXIT_CODE  : 0  (0x0)');
  lines.push('        CHECKPOINT         : 0x0');
  lines.push(`        WAIT_HINT          : ${opts.state === 'start' ? '0x7d0' : '0x0'}`);
  if (opts.ex || opts.state === 'start') {
    const pid = opts.state === 'stop' ? pidOf(host, s) : pidOf(host, { ...s, status: 'Running' });
    lines.push(`        PID                : ${s.status === 'Running' || opts.state ? pid : 0}`);
    lines.push('        FLAGS              :');
  }
  return lines;
}
