/**
 * The lab's full truth as plain data: every actor's state, for the instructor, for grading and
 * for the state hash. Transient machinery (running scripts, references to actors, the clock
 * accessor) is left out; everything that decides what happens next is in.
 */
import type { AnyActorRef } from 'xstate';
import type { NetworkContext } from '../net/network.machine';
import type { HostMachineContext } from '../devices/windowsHost.machine';
import type { DhcpClientContext } from '../devices/dhcpClient.machine';
import type { TenantContext } from '../devices/tenant.machine';
import type { PhoneContext } from '../devices/phone.machine';
import type { WindowsHostContext } from '../windows/hostState';
import type { ServerRoles } from '../windows/serve';
import type { LabDefinition } from './definition';

export interface DhcpClientTruth {
  state: string;
  xid: number;
  attempt: number;
  lease?: DhcpClientContext['lease'];
  apipa?: string;
  rng: number;
  sent: number;
}

export interface HostTruth {
  power: 'on' | 'off';
  host: WindowsHostContext;
  roles: ServerRoles;
  dhcpClient?: DhcpClientTruth;
  runningJobs: number;
}

export interface LabTruth {
  time: number;
  definitionId: string;
  seed: number;
  network: Omit<NetworkContext, never>;
  hosts: Record<string, HostTruth>;
  tenant: TenantContext;
  phones: Record<string, PhoneContext>;
}

function stateName(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

interface Snap<C> {
  value: unknown;
  context: C;
  children: Record<string, AnyActorRef | undefined>;
}

function snap<C>(system: { get: (id: string) => AnyActorRef | undefined }, id: string): Snap<C> {
  const ref = system.get(id);
  if (!ref) throw new Error(`the lab has no actor ${id}`);
  return ref.getSnapshot() as Snap<C>;
}

export function collectTruth(
  system: { get: (id: string) => AnyActorRef | undefined },
  def: LabDefinition,
  seed: number,
  time: number,
): LabTruth {
  const hosts: Record<string, HostTruth> = {};
  for (const h of def.hosts) {
    const s = snap<HostMachineContext>(system, h.id);
    const dhcpRef = s.children.dhcp;
    let dhcpClient: DhcpClientTruth | undefined;
    if (dhcpRef) {
      const d = dhcpRef.getSnapshot() as Snap<DhcpClientContext>;
      dhcpClient = {
        state: stateName(d.value),
        xid: d.context.xid,
        attempt: d.context.attempt,
        lease: d.context.lease,
        apipa: d.context.apipa,
        rng: d.context.rng,
        sent: d.context.sent,
      };
    }
    hosts[h.id] = {
      power: s.value === 'off' ? 'off' : 'on',
      host: s.context.host,
      roles: s.context.roles,
      dhcpClient,
      runningJobs: Object.keys(s.context.jobs).length,
    };
  }
  const phones: Record<string, PhoneContext> = {};
  for (const p of def.phones) phones[p.id] = snap<PhoneContext>(system, p.id).context;
  return {
    time,
    definitionId: def.id,
    seed,
    network: snap<NetworkContext>(system, 'network').context,
    hosts,
    tenant: snap<TenantContext>(system, 'tenant').context,
    phones,
  };
}
