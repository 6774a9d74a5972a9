/** Questions the fault predicates ask of the lab's truth. Pure. */
import { findUser, isLockedOut, type AdUser, type DirectoryState } from '../roles/directory';
import { hasRight, trusteesOf } from '../roles/directoryAccess';
import { findCloudUser, type CloudUser } from '../cloud/tenantState';
import { firewallVerdict } from '../net/routing';
import type { LabDefinition } from '../core/definition';
import type { HostTruth, LabTruth } from '../lab/truth';
import { effectiveIpConfig } from '../windows/hostState';

export function dcOf(truth: LabTruth, def: LabDefinition): HostTruth | undefined {
  const id = def.hosts.find((h) => h.kind === 'dc')?.id;
  return id ? truth.hosts[id] : undefined;
}

export function directoryOf(truth: LabTruth, def: LabDefinition): DirectoryState | undefined {
  return dcOf(truth, def)?.roles.directory;
}

export function syncHostOf(truth: LabTruth, def: LabDefinition): HostTruth | undefined {
  return truth.hosts[def.connect.host];
}

export function adUserOf(truth: LabTruth, def: LabDefinition, sam: string): AdUser | undefined {
  const dir = directoryOf(truth, def);
  return dir ? findUser(dir, sam) : undefined;
}

export function cloudUserOf(truth: LabTruth, def: LabDefinition, sam: string): CloudUser | undefined {
  return findCloudUser(truth.tenant, `${sam}@${def.domain.fqdn}`);
}

/** The AD DS connector account as Connect currently uses it. */
export function connectorAccount(truth: LabTruth, def: LabDefinition): string {
  return (
    syncHostOf(truth, def)?.adsync?.state.config?.connectorAccount.user ?? def.connect.connectorAccount.user
  );
}

export function connectorHas(
  truth: LabTruth,
  def: LabDefinition,
  right: Parameters<typeof hasRight>[2],
  dn: string,
): boolean {
  const dir = directoryOf(truth, def);
  if (!dir) return false;
  const account = findUser(dir, connectorAccount(truth, def));
  return !!account && hasRight(dir, trusteesOf(account), right, dn);
}

export function lockedOut(truth: LabTruth, def: LabDefinition, sam: string): boolean {
  const dir = directoryOf(truth, def);
  const u = dir && findUser(dir, sam);
  return !!dir && !!u && isLockedOut(u, dir.policy, truth.time);
}

export function dcIp(def: LabDefinition): string | undefined {
  const dc = def.hosts.find((h) => h.kind === 'dc');
  return dc && dc.nic.config.mode === 'static' ? dc.nic.config.ip : undefined;
}

/** Whether a host's first DNS server can answer for the domain (it is the DC, or the DC itself on loopback). */
export function dnsPointsAtDc(truth: LabTruth, def: LabDefinition, host: string): boolean {
  const h = truth.hosts[host];
  if (!h) return false;
  const first = effectiveIpConfig(h.host.nic).dnsServers[0];
  return first === dcIp(def) || (first === '127.0.0.1' && h.host.kind === 'dc');
}

/** Whether the edge firewall lets the sync server reach the relay namespace on 443. */
export function relayPortOpen(truth: LabTruth, def: LabDefinition): boolean {
  const sync = def.hosts.find((h) => h.id === def.connect.host);
  const src = sync && sync.nic.config.mode === 'static' ? sync.nic.config.ip : '0.0.0.0';
  const relay = def.internet.endpoints.find((e) =>
    e.names.some((n) => n.endsWith('.servicebus.windows.net')),
  );
  if (!relay) return true;
  const probe = {
    id: 'probe',
    srcId: def.connect.host,
    src,
    dst: relay.ip,
    transport: 'tcp' as const,
    port: 443,
    host: relay.names[0],
    body: { kind: 'tcp.syn' as const },
  };
  return firewallVerdict(truth.network.firewall, 'outbound', probe, src).pass;
}
