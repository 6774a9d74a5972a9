/**
 * What the service commands share: the services that start or stop slowly or not at all, a host's
 * services and their dependencies (what a start brings up first, what depends on a service), and
 * the Service Control Manager's event 7040 for a start-type change.
 */
import type { HostEffect } from '../../../windows/hostOps';
import type { WindowsHostContext } from '../../../windows/hostState';
import { dependentsOf, specOf, type ServiceState, type StartType } from '../../../windows/services';

/** Services that take long enough to start or stop for the cmdlets to print "Waiting for service…". */
export const SLOW_SERVICES: Readonly<Record<string, { start: number; stop: number }>> = {
  ADSync: { start: 1, stop: 1 },
  NTDS: { start: 0, stop: 1 },
};

/** Services the Service Control Manager will not stop. */
export const UNSTOPPABLE = ['RpcSs', 'Dnscache'];

/** The Service Control Manager's words for start types (event 7040, sc qc). */
const SCM_START: Record<StartType, string> = {
  Automatic: 'auto start',
  Manual: 'demand start',
  Disabled: 'disabled',
};

export const label = (s: ServiceState) => `${s.displayName} (${s.name})`;

export const onHost = (host: WindowsHostContext) => Object.values(host.services);

export const byName = (a: ServiceState, b: ServiceState) =>
  a.name.toLowerCase().localeCompare(b.name.toLowerCase());

export function required(host: WindowsHostContext, name: string): ServiceState[] {
  return (specOf(name)?.dependsOn ?? []).map((n) => host.services[n]).filter((s): s is ServiceState => !!s);
}

/** Services on this host that depend on `name` (directly or not). */
export function dependents(host: WindowsHostContext, name: string): ServiceState[] {
  return dependentsOf(name)
    .map((n) => host.services[n])
    .filter((s): s is ServiceState => !!s);
}

/** The stopped services a start has to bring up first (the SCM starts what a service depends on). */
export function startChain(host: WindowsHostContext, svc: ServiceState): ServiceState[] {
  const chain: ServiceState[] = [];
  const visit = (s: ServiceState) => {
    for (const r of required(host, s.name)) visit(r);
    if (s.status !== 'Running' && !chain.includes(s)) chain.push(s);
  };
  visit(svc);
  return chain;
}

export function scmStartTypeEvent(s: ServiceState, to: StartType): HostEffect {
  return {
    type: 'log',
    entry: {
      log: 'System',
      source: 'Service Control Manager',
      eventId: 7040,
      level: 'Information',
      message: `The start type of the ${s.displayName} service was changed from ${SCM_START[s.startType]} to ${SCM_START[to]}.`,
    },
  };
}
