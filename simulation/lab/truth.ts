/**
 * The lab's full truth as plain data: every actor's state, for the instructor, for grading and
 * for the state hash. Transient machinery (running scripts, references to actors, the clock
 * accessor) is left out; everything that decides what happens next is in.
 */
import type { AnyActorRef } from 'xstate';
import type { NetworkContext } from '../net/network.machine';
import type { HostMachineContext } from '../devices/windowsHost.machine';
import { hostView } from '../devices/hostView';
import type { DhcpClientContext } from '../devices/dhcpClientTypes';
import type { AdSyncContext } from '../devices/adsync.machine';
import type { AdSyncState } from '../sync/state';
import { CLOSED_WIZARD, type WizardState } from '../sync/wizard';
import type { TenantMachineContext } from '../devices/tenant.machine';
import type { TenantState } from '../cloud/tenantState';
import type { SsprFlow } from '../cloud/ssprFlow';
import type { PortalSession } from '../cloud/userPortal';
import type { AdminNotice, AdminNotification } from '../cloud/adminPortal';
import type { PhoneContext } from '../devices/phone.machine';
import type { WindowsHostContext } from '../windows/hostState';
import type { ServerRoles } from '../windows/serve';
import type { LabDefinition } from '../core/definition';
import type { FaultRecord, ScheduledFault } from './lab.machine';

export interface DhcpClientTruth {
  state: string;
  xid: number;
  attempt: number;
  lease?: DhcpClientContext['lease'];
  apipa?: string;
  rng: number;
  sent: number;
}

export interface AdSyncTruth {
  /** The ADSync service's actor state (stopped, or what each of its activities is doing). */
  activity: string;
  state: AdSyncState;
  wizard: WizardState;
  requested?: 'Delta' | 'Initial';
}

export interface HostTruth {
  power: 'on' | 'off';
  host: WindowsHostContext;
  roles: ServerRoles;
  dhcpClient?: DhcpClientTruth;
  adsync?: AdSyncTruth;
  runningJobs: number;
}

export interface LabTruth {
  time: number;
  definitionId: string;
  seed: number;
  network: Omit<NetworkContext, never>;
  hosts: Record<string, HostTruth>;
  tenant: TenantState;
  /** The pages the learner has open in a browser (the SSPR portal, My Account, the admin center). */
  browser: {
    sspr: SsprFlow;
    myAccount: PortalSession;
    adminNotice?: AdminNotice;
    adminNotifications: AdminNotification[];
  };
  phones: Record<string, PhoneTruth>;
  /** Instructor only: the faults put in place, and those waiting for their time or trigger. */
  faults: { active: FaultRecord[]; scheduled: ScheduledFault[] };
}

/** A phone's state: its context but the name of the lab's clock (which says which lab, not what state). */
export type PhoneTruth = Omit<PhoneContext, 'env'>;

function phoneTruth(context: PhoneContext): PhoneTruth {
  const { env, ...phone } = context;
  void env;
  return phone;
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
  faults: LabTruth['faults'] = { active: [], scheduled: [] },
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
    const adsyncRef = s.children.adsync;
    let adsync: AdSyncTruth | undefined;
    if (adsyncRef) {
      const a = adsyncRef.getSnapshot() as Snap<AdSyncContext>;
      adsync = {
        activity: stateName(a.value),
        state: a.context.state,
        wizard: a.context.wizard,
        requested: a.context.requested,
      };
    } else if (s.context.adsyncDisk) {
      adsync = { activity: 'off', state: s.context.adsyncDisk, wizard: CLOSED_WIZARD };
    }
    hosts[h.id] = {
      power: s.value === 'off' ? 'off' : 'on',
      host: hostView(s.context.host, s.context.consoles),
      roles: s.context.roles,
      dhcpClient,
      adsync,
      runningJobs: Object.keys(s.context.jobs).length,
    };
  }
  const phones: Record<string, PhoneTruth> = {};
  for (const p of def.phones) phones[p.id] = phoneTruth(snap<PhoneContext>(system, p.id).context);
  const tenantCtx = snap<TenantMachineContext>(system, 'tenant').context;
  return {
    time,
    definitionId: def.id,
    seed,
    network: snap<NetworkContext>(system, 'network').context,
    hosts,
    tenant: tenantCtx.tenant,
    browser: {
      sspr: tenantCtx.sspr,
      myAccount: tenantCtx.portal,
      adminNotice: tenantCtx.admin.notice,
      adminNotifications: tenantCtx.admin.notifications,
    },
    phones,
    faults,
  };
}
