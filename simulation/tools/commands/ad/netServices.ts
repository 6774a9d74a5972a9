/**
 * `net start` and `net stop` on every host: a service by its name or display name, as Windows
 * Server 2022 answers (already started, invalid name, disabled, not stoppable, dependants asked
 * for with /y).
 */
import type { HostEffect } from '../../../windows/hostOps';
import { findService, specOf } from '../../../windows/services';
import { out } from '../../shell/psError';
import type { CommandEnv, CommandResult } from '../types';
import { NET, netError, systemError } from './netText';

/** Services Windows will not stop. */
const UNSTOPPABLE = ['rpcss', 'dnscache'];

export function netStart(env: CommandEnv, name: string | undefined): CommandResult {
  const services = env.host.services;
  if (name === undefined) {
    const running = Object.values(services)
      .filter((s) => s.status === 'Running')
      .map((s) => `   ${s.displayName}`)
      .sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
    return { lines: out('These Windows services are started:', '', ...running, '', NET.ok, '') };
  }
  const svc = findService(services, name);
  if (!svc) return { lines: out(...netError(2185)) };
  if (svc.status === 'Running') return { lines: out(...netError(2182)) };
  if (svc.startType === 'Disabled') return { lines: out(...systemError(1058)) };
  // The Service Control Manager starts what the service depends on first.
  const effects: HostEffect[] = [];
  const visit = (n: string) => {
    for (const d of specOf(n)?.dependsOn ?? []) {
      visit(d);
      if (services[d]?.status !== 'Running' && !effects.some((e) => e.type === 'service' && e.name === d))
        effects.push({ type: 'service', op: 'start', name: d });
    }
  };
  visit(svc.name);
  effects.push({ type: 'service', op: 'start', name: svc.name });
  return {
    lines: out(
      `The ${svc.displayName} service is starting.`,
      `The ${svc.displayName} service was started successfully.`,
      '',
    ),
    effects,
  };
}

export function netStop(env: CommandEnv, name: string | undefined, yes: boolean): CommandResult {
  const services = env.host.services;
  if (name === undefined) return { lines: out(...NET.usage) };
  const svc = findService(services, name);
  if (!svc) return { lines: out(...netError(2185)) };
  if (svc.status !== 'Running')
    return { lines: out(...netError(3521, `The ${svc.displayName} service is not started.`)) };
  if (UNSTOPPABLE.includes(svc.name.toLowerCase())) return { lines: out(...netError(2191)) };
  const dependents = Object.values(services).filter(
    (s) =>
      s.status === 'Running' &&
      (specOf(s.name)?.dependsOn ?? []).some((d) => d.toLowerCase() === svc.name.toLowerCase()),
  );
  const lines: string[] = [];
  if (dependents.length > 0) {
    lines.push(
      `The following services are dependent on the ${svc.displayName} service.`,
      `Stopping the ${svc.displayName} service will also stop these services.`,
      '',
      ...dependents.map((d) => `   ${d.displayName}`),
      '',
    );
    if (!yes) return { lines: [...out(...lines, NET.continuePrompt), { kind: 'error', text: NET.needsY }] };
    for (const d of dependents)
      lines.push(
        `The ${d.displayName} service is stopping.`,
        `The ${d.displayName} service was stopped successfully.`,
        '',
      );
  }
  lines.push(
    `The ${svc.displayName} service is stopping.`,
    `The ${svc.displayName} service was stopped successfully.`,
    '',
  );
  return { lines: out(...lines), effects: [{ type: 'service', op: 'stop', name: svc.name }] };
}
