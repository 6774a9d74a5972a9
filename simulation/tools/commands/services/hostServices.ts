/**
 * A host's services as the service commands see them: listed and sorted by name, labelled the way
 * the cmdlets name them, and their dependencies (what a start brings up first, what depends on a
 * service).
 */
import type { WindowsHostContext } from '../../../windows/hostState';
import { dependentsOf, specOf, type ServiceState } from '../../../windows/services';

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
