/**
 * Pure operations on a Windows host's state that the host machine's actions call: starting and
 * stopping services (with dependants and the Service Control Manager's 7036 events), writing to
 * the event logs, taking a new DHCP configuration, and console bookkeeping.
 */
import { appendEvent, appendEvents, type NewEvent } from './eventlog';
import {
  appendLines,
  consolesWith,
  sessionWith,
  effectiveIpConfig,
  type ConsoleLine,
  type ShellKind,
  type HostCore,
  type WindowsHostContext,
} from './hostState';
import { dependentsOf, servicesFor, specOf, type ServiceStatus, type StartType } from './services';
import type { DhcpLease } from './hostState';
import { createKey, deleteKey, deleteValue, tls12Enabled, writeValue, type RegValue } from './registry';

/** What a console command or tool changes on its host, as data; `applyEffects` applies it. */
export type HostEffect =
  | { type: 'clear' }
  | { type: 'flushDns' }
  | { type: 'service'; op: 'start' | 'stop'; name: string }
  | { type: 'log'; entry: NewEvent }
  | { type: 'clockOffset'; offsetMs: number }
  /** The Windows Time service's view of itself after a resync or a configuration change. */
  | {
      type: 'time';
      mode?: 'NT5DS' | 'NTP' | 'NoSync';
      source?: string;
      lastSyncAt?: number;
      lastSyncClock?: number;
      refIp?: string;
      /** Polls in a row without a usable source (0 after a good sample). */
      pollFailures?: number;
      /** The system poll interval (log2 s) the service's own poll settled on. */
      pollInterval?: number;
    }
  /** Set-DnsClientServerAddress / netsh: `null` goes back to what DHCP or the static config gives. */
  | { type: 'dns'; servers: string[] | null }
  /** The secure channel's new machine password (Test-ComputerSecureChannel -Repair, nltest /sc_reset). */
  | { type: 'machineSecret'; secret: number }
  | { type: 'registry'; key: string; name: string; value?: RegValue }
  /** New-Item / reg add on a key without a value; Remove-Item / reg delete of a whole key. */
  | { type: 'registryKey'; key: string; op: 'create' | 'delete' }
  /** Set-Service -StartupType / sc config start=. */
  | { type: 'serviceStartType'; name: string; startType: StartType }
  /** Restart-Computer / shutdown /r: the host reboots once the command has printed. */
  | { type: 'restart' };

export function log<H extends HostCore>(host: H, now: number, ...entries: NewEvent[]): H {
  return { ...host, logs: appendEvents(host.logs, entries, now, `${host.hostname}.${host.domainFqdn}`) };
}

function scmEvent(displayName: string, status: ServiceStatus): NewEvent {
  return {
    log: 'System',
    source: 'Service Control Manager',
    eventId: 7036,
    level: 'Information',
    message: `The ${displayName} service entered the ${status === 'Running' ? 'running' : 'stopped'} state.`,
  };
}

/** Starts or stops a service; stopping also stops the services that depend on it. */
export function setServiceStatus<H extends HostCore>(
  host: H,
  name: string,
  status: ServiceStatus,
  now: number,
): H {
  const svc = Object.values(host.services).find((s) => s.name.toLowerCase() === name.toLowerCase());
  if (!svc) return host;
  const names =
    status === 'Stopped'
      ? [...dependentsOf(svc.name).filter((n) => host.services[n]?.status === 'Running'), svc.name]
      : [svc.name];
  let next = host;
  for (const n of names) {
    const s = next.services[n];
    if (!s || s.status === status) continue;
    next = { ...next, services: { ...next.services, [n]: { ...s, status } } };
    next = {
      ...next,
      logs: appendEvent(
        next.logs,
        scmEvent(s.displayName, status),
        now,
        `${next.hostname}.${next.domainFqdn}`,
      ),
    };
  }
  return next;
}

/** What a host's services look like after a boot: Automatic ones run, the rest keep their start type. */
export function bootServices<H extends HostCore>(host: H): H {
  const fresh = servicesFor(host.kind);
  const services = { ...host.services };
  for (const [name, s] of Object.entries(services)) {
    const spec = specOf(name);
    const runs = s.startType === 'Automatic' && !spec?.stoppedAtBoot;
    services[name] = { ...s, status: runs ? 'Running' : 'Stopped' };
  }
  for (const [name, s] of Object.entries(fresh)) if (!services[name]) services[name] = s;
  return { ...host, services };
}

/** The host as it comes up: services as their start types say, the sign-in screen, SCHANNEL's settings read. */
export function bootedHost<H extends HostCore>(host: H, now: number): H {
  const desktop = host.desktop;
  const booted = bootServices({
    ...host,
    bootedAt: now,
    desktop: desktop ? { screen: 'signin', busy: false, lastUser: desktop.lastUser } : undefined,
    // SCHANNEL reads its protocol settings at boot.
    tls12Active: tls12Enabled(host.registry),
  });
  return log(booted, now, ...bootEvents(booted));
}

export function bootEvents(host: HostCore): NewEvent[] {
  return [
    {
      log: 'System',
      source: 'Microsoft-Windows-Kernel-General',
      eventId: 12,
      level: 'Information',
      message: `The operating system started.`,
    },
    {
      log: 'System',
      source: 'EventLog',
      eventId: 6009,
      level: 'Information',
      message: `${host.os} ${host.osBuild} Multiprocessor Free.`,
    },
    {
      log: 'System',
      source: 'EventLog',
      eventId: 6005,
      level: 'Information',
      message: 'The Event log service was started.',
    },
  ];
}

export function shutdownEvents(): NewEvent[] {
  return [
    {
      log: 'System',
      source: 'EventLog',
      eventId: 6006,
      level: 'Information',
      message: 'The Event log service was stopped.',
    },
  ];
}

/** Takes the DHCP client's news: a lease, an APIPA address, or nothing. */
export function takeDhcpConfig<H extends HostCore>(
  host: H,
  lease: DhcpLease | undefined,
  apipa: string | undefined,
  now: number,
): H {
  const before = effectiveIpConfig(host.nic);
  let next: H = { ...host, nic: { ...host.nic, lease, apipa } };
  const after = effectiveIpConfig(next.nic);
  if (after.source === 'apipa' && before.ip !== after.ip) {
    const macHex = host.nic.mac.replace(/-/g, '');
    next = log(next, now, {
      log: 'System',
      source: 'Dhcp-Client',
      eventId: 1007,
      level: 'Warning',
      message: `Your computer has automatically configured the IP address for the Network Card with network address 0x${macHex}. The IP address being used is ${after.ip}.`,
    });
  }
  if (after.source === 'dhcp' && before.source === 'apipa') {
    next = log(next, now, {
      log: 'System',
      source: 'Dhcp-Client',
      eventId: 1005,
      level: 'Information',
      message: `Your computer was able to successfully renew an address from the network, and it can now connect to other machines on the network.`,
    });
  }
  return next;
}

export function appendConsole(
  host: WindowsHostContext,
  shell: ShellKind,
  lines: readonly ConsoleLine[],
): WindowsHostContext {
  return { ...host, consoles: consolesWith(host.consoles, shell, appendLines(host.consoles[shell], lines)) };
}

export function setBusy(host: WindowsHostContext, shell: ShellKind, busy: boolean): WindowsHostContext {
  return {
    ...host,
    consoles: consolesWith(host.consoles, shell, sessionWith(host.consoles[shell], { busy })),
  };
}

export function applyEffects(
  host: WindowsHostContext,
  shell: ShellKind,
  effects: readonly HostEffect[],
  now: number,
): WindowsHostContext {
  let next = host;
  for (const e of effects) {
    switch (e.type) {
      case 'clear':
        next = {
          ...next,
          consoles: consolesWith(next.consoles, shell, sessionWith(next.consoles[shell], { transcript: [] })),
        };
        break;
      case 'flushDns':
        break;
      case 'service':
        next = setServiceStatus(next, e.name, e.op === 'start' ? 'Running' : 'Stopped', now);
        break;
      case 'log':
        next = log(next, now, e.entry);
        break;
      case 'clockOffset':
        next = { ...next, clockOffsetMs: e.offsetMs };
        break;
      case 'time':
        next = {
          ...next,
          time: {
            type: e.mode ?? next.time.type,
            source: e.source ?? next.time.source,
            lastSyncAt: e.lastSyncAt ?? next.time.lastSyncAt,
            lastSyncClock: e.lastSyncAt !== undefined ? e.lastSyncClock : next.time.lastSyncClock,
            refIp: e.refIp ?? next.time.refIp,
            pollFailures: e.pollFailures ?? next.time.pollFailures,
            ...(e.pollInterval !== undefined
              ? { pollInterval: e.pollInterval }
              : next.time.pollInterval !== undefined
                ? { pollInterval: next.time.pollInterval }
                : {}),
          },
        };
        break;
      case 'dns':
        next = { ...next, nic: { ...next.nic, dnsOverride: e.servers ?? undefined } };
        break;
      case 'machineSecret':
        next = { ...next, machineSecret: e.secret };
        break;
      case 'registry':
        next = {
          ...next,
          registry: e.value
            ? writeValue(next.registry, e.key, e.name, e.value)
            : deleteValue(next.registry, e.key, e.name).reg,
        };
        break;
      case 'registryKey':
        next = {
          ...next,
          registry: e.op === 'create' ? createKey(next.registry, e.key) : deleteKey(next.registry, e.key),
        };
        break;
      case 'serviceStartType': {
        const svc = Object.values(next.services).find((s) => s.name.toLowerCase() === e.name.toLowerCase());
        if (svc)
          next = { ...next, services: { ...next.services, [svc.name]: { ...svc, startType: e.startType } } };
        break;
      }
      case 'restart':
        // Carried out by the host machine once the console has printed (see windowsHost.machine).
        break;
    }
  }
  return next;
}
