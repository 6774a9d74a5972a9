/**
 * What Tab completion may offer on a host, taken from the lab's state: the values a learner could
 * list there with the host's own tools (Get-Service, Get-ADUser where the AD module is installed,
 * Get-ADSyncConnector on the Entra Connect server, the registry keys and event logs it has) and the
 * lab's computer names. Nothing here comes from faults or other hidden state.
 */
import type { ShellKind } from '../windows/hostState';
import type { CompletionContext } from '../tools/shell/complete';
import type { LabTruth } from './truth';

export function completionContext(
  truth: LabTruth,
  hostId: string,
  shell: ShellKind,
): CompletionContext | undefined {
  const h = truth.hosts[hostId];
  if (!h) return undefined;
  const adModule = h.host.kind === 'dc' || h.host.kind === 'sync';
  const directory = Object.values(truth.hosts).find((x) => x.roles.directory)?.roles.directory;
  const config = h.adsync?.state.config;
  return {
    host: { kind: h.host.kind },
    shell,
    values: {
      service: Object.values(h.host.services).map((s) => s.name),
      adUser: adModule && directory ? Object.values(directory.users).map((u) => u.sam) : [],
      adGroup: adModule && directory ? Object.values(directory.groups).map((g) => g.name) : [],
      host: Object.values(truth.hosts).map((x) => x.host.hostname),
      connector: config ? [config.adConnector, config.aadConnector] : [],
      registryPath: Object.keys(h.host.registry).map((k) => k.replace(/^HKEY_LOCAL_MACHINE\\/i, 'HKLM:\\')),
      eventLog: Object.keys(h.host.logs),
    },
  };
}
