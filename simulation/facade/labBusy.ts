/**
 * "Is the lab busy": whether something a learner started is still running (a console command, a
 * sign-in, ADUC, a DHCP or ADSync wait, the Connect wizard checking credentials, a tenant or phone
 * job). The lab asks after every step of the clock while a command runs to its end, so the answer
 * is kept up to date from each actor's snapshots as they change (one watch per host, the tenant,
 * each phone, and each host's ADSync child while it runs), not read from every actor on each ask.
 */
import type { AnyActorRef } from 'xstate';
import type { LabDefinition } from '../core/definition';
import type { HostMachineContext } from '../devices/windowsHost.machine';
import type { TenantMachineContext } from '../devices/tenant.machine';
import type { PhoneContext } from '../devices/phone.machine';
import type { AdSyncContext } from '../devices/adsync.machine';

type Snapshot = { context?: unknown; children?: Record<string, unknown> };

function hasKeys(o: object): boolean {
  for (const _ in o) return true;
  return false;
}

function hasAducJob(jobs: HostMachineContext['jobs']): boolean {
  for (const id in jobs) if (jobs[id]?.kind === 'aduc') return true;
  return false;
}

function hostBusy(ctx: HostMachineContext | undefined): boolean {
  return (
    !!ctx &&
    (ctx.consoles.cmd.busy ||
      ctx.consoles.powershell.busy ||
      !!ctx.host.desktop?.busy ||
      !!ctx.busyWith ||
      !!ctx.localWait ||
      !!ctx.dhcpWait ||
      hasAducJob(ctx.jobs))
  );
}

/** Follows `ref`'s snapshots from now on (the current one included); `note` gets each. */
function watch(ref: AnyActorRef, note: (snapshot: Snapshot) => void): () => void {
  const sub = ref.subscribe({ next: note, error: () => undefined });
  note(ref.getSnapshot() as Snapshot);
  return () => sub.unsubscribe();
}

export class BusyWatch {
  /** Hosts whose own state says something is running. */
  private readonly hosts = new Set<string>();
  /** Hosts with Entra Connect on disk: their ADSync child's wizard can be working. */
  private readonly adsyncHosts = new Set<string>();
  /** The ADSync child each of those hosts has now (a new one at each boot), and its watch's end. */
  private readonly adsyncChildren = new Map<string, { ref: AnyActorRef; stop: () => void }>();
  /** Hosts whose ADSync wizard is working (checking credentials). */
  private readonly wizards = new Set<string>();
  private tenant = false;
  /** Phones with a job running. */
  private readonly phones = new Set<string>();

  constructor(system: { get: (id: string) => AnyActorRef | undefined }, definition: LabDefinition) {
    for (const h of definition.hosts) {
      const ref = system.get(h.id);
      if (!ref) continue;
      watch(ref, (snapshot) => {
        const ctx = snapshot.context as HostMachineContext | undefined;
        if (ctx?.adsyncDisk) this.adsyncHosts.add(h.id);
        if (hostBusy(ctx)) this.hosts.add(h.id);
        else this.hosts.delete(h.id);
        if (this.adsyncHosts.has(h.id))
          this.followAdsync(h.id, snapshot.children?.adsync as AnyActorRef | undefined);
      });
    }
    const tenant = system.get('tenant');
    if (tenant)
      watch(tenant, (snapshot) => {
        const ctx = snapshot.context as TenantMachineContext | undefined;
        this.tenant = !!ctx && hasKeys(ctx.jobs);
      });
    for (const p of definition.phones) {
      const ref = system.get(p.id);
      if (!ref) continue;
      watch(ref, (snapshot) => {
        const ctx = snapshot.context as PhoneContext | undefined;
        if (ctx && hasKeys(ctx.jobs)) this.phones.add(p.id);
        else this.phones.delete(p.id);
      });
    }
  }

  busy(): boolean {
    return this.hosts.size > 0 || this.wizards.size > 0 || this.tenant || this.phones.size > 0;
  }

  /** Follows the host's ADSync child (spawned at each boot, stopped at shutdown) for its wizard. */
  private followAdsync(id: string, child: AnyActorRef | undefined): void {
    const followed = this.adsyncChildren.get(id);
    if (followed?.ref === child) return;
    followed?.stop();
    this.adsyncChildren.delete(id);
    this.wizards.delete(id);
    if (!child) return;
    const stop = watch(child, (snapshot) => {
      const wizard = (snapshot.context as AdSyncContext | undefined)?.wizard;
      if (wizard?.page.page === 'working') this.wizards.add(id);
      else this.wizards.delete(id);
    });
    this.adsyncChildren.set(id, { ref: child, stop });
  }
}
