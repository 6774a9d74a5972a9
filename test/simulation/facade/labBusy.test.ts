/**
 * "Is the lab busy" is kept up to date from the actors' snapshots (facade/labBusy.ts). Every time
 * the lab asks it (after each step of the clock while a command runs to its end), the answer must
 * be what a full look at every actor gives: a host's consoles, sign-in, ADUC and waits, each host's
 * ADSync wizard (a new ADSync child after a restart included), the tenant's jobs, the phones' jobs.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AnyActorRef } from 'xstate';
import { Lab } from '../../../simulation/facade/lab';
import { BusyWatch } from '../../../simulation/facade/labBusy';
import { DEFAULT_LAB } from '../../../simulation/lab/defaultLab';
import type { HostMachineContext } from '../../../simulation/devices/windowsHost.machine';
import type { AdSyncContext } from '../../../simulation/devices/adsync.machine';
import { must, run, wizard } from '../../harness';
import { registerAuthenticator, ssprAttempt, workingLab } from '../faults/faultHarness';

type Kind = 'host' | 'wizard' | 'tenant' | 'phone';

/** What each kind of actor says right now, read from every actor of the lab. */
function scan(lab: Lab): Record<Kind, boolean> {
  const system = (lab as unknown as { root: AnyActorRef }).root.system;
  const get = (id: string) => system.get(id) as AnyActorRef | undefined;
  const hasKeys = (o: object | undefined) => !!o && Object.keys(o).length > 0;
  const hosts = lab.definition.hosts.map((h) => get(h.id)?.getSnapshot());
  return {
    host: hosts.some((s) => {
      const c = s?.context as HostMachineContext | undefined;
      return (
        !!c &&
        (c.consoles.cmd.busy ||
          c.consoles.powershell.busy ||
          !!c.host.desktop?.busy ||
          !!c.busyWith ||
          !!c.localWait ||
          !!c.dhcpWait ||
          Object.values(c.jobs).some((j) => j.kind === 'aduc'))
      );
    }),
    wizard: hosts.some((s) => {
      const adsync = s?.children.adsync as AnyActorRef | undefined;
      return (adsync?.getSnapshot().context as AdSyncContext | undefined)?.wizard?.page.page === 'working';
    }),
    tenant: hasKeys((get('tenant')?.getSnapshot().context as { jobs?: object } | undefined)?.jobs),
    phone: lab.definition.phones.some((p) =>
      hasKeys((get(p.id)?.getSnapshot().context as { jobs?: object } | undefined)?.jobs),
    ),
  };
}

/** The lab's outbound HTTPS dropped at the gateway (so what waits on the cloud waits to its timeout). */
const DROP_HTTPS = { id: 'drop-https', direction: 'outbound', action: 'block', mode: 'drop', port: 443 };

/**
 * The Connect wizard's credentials check with HTTPS dropped at the gateway: the wizard stays on its
 * working page until the check times out (with the cloud in reach it answers at once).
 */
function checkCredentialsOutOfReach(lab: Lab): void {
  must(lab, { type: 'gateway.firewall', add: DROP_HTTPS });
  wizard(lab, { type: 'open' });
  wizard(lab, { type: 'next' });
  wizard(lab, { type: 'chooseTask', task: 'customize' });
  wizard(lab, { type: 'next' });
  wizard(lab, {
    type: 'setCredentials',
    user: 'admin@everestitt.onmicrosoft.com',
    password: 'CloudAdmin!2026',
  });
  wizard(lab, { type: 'next' });
  wizard(lab, { type: 'close' });
  must(lab, { type: 'gateway.firewall', remove: DROP_HTTPS.id });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('when the lab asks whether it is busy', () => {
  it('its kept answer is the full look at every actor, at every ask, through console, wizard (after a restart too) and tenant work', () => {
    const busy = Lab.prototype.busy;
    const seen: Record<Kind, number> = { host: 0, wizard: 0, tenant: 0, phone: 0 };
    const mismatches: string[] = [];
    let phase = 'start';
    let wizardAfterRestart = 0;
    vi.spyOn(Lab.prototype, 'busy').mockImplementation(function (this: Lab) {
      const kept = busy.call(this);
      const s = scan(this);
      for (const k of Object.keys(seen) as Kind[]) if (s[k]) seen[k]++;
      if (phase === 'after restart' && s.wizard) wizardAfterRestart++;
      const full = s.host || s.wizard || s.tenant || s.phone;
      if (kept !== full) mismatches.push(`${phase}: kept ${kept}, full look ${JSON.stringify(s)}`);
      return kept;
    });

    const lab = workingLab();
    phase = 'console';
    run(lab, 'pc2', 'ping dc01');
    phase = 'authenticator';
    registerAuthenticator(lab);
    phase = 'sspr';
    // The password writeback waits on the relay: sync01's HTTPS dropped, the tenant's job runs to its timeout.
    must(lab, { type: 'gateway.firewall', add: DROP_HTTPS });
    ssprAttempt(lab);
    must(lab, { type: 'gateway.firewall', remove: DROP_HTTPS.id });
    phase = 'wizard';
    checkCredentialsOutOfReach(lab);
    phase = 'restart';
    must(lab, { type: 'host.restart', host: 'sync01' });
    must(lab, { type: 'clock.advance', ms: 5 * 60_000 });
    phase = 'after restart';
    checkCredentialsOutOfReach(lab);
    lab.stop();

    expect(mismatches).toEqual([]);
    // Each kind was busy at some ask (so a kind the bookkeeping missed would show above).
    expect(seen.host).toBeGreaterThan(0);
    expect(seen.wizard).toBeGreaterThan(0);
    expect(seen.tenant).toBeGreaterThan(0);
    // A phone's job ends in the instant it starts in a lab (the tenant answers at once): below.
    expect(wizardAfterRestart).toBeGreaterThan(0);
  });
});

/** An actor as BusyWatch reads one: its snapshot now, and its next ones. */
function fakeActor(context: object) {
  let snapshot = { context, children: {} };
  const observers: ((s: typeof snapshot) => void)[] = [];
  return {
    ref: {
      getSnapshot: () => snapshot,
      subscribe: (o: { next: (s: typeof snapshot) => void }) => {
        observers.push(o.next);
        return { unsubscribe: () => undefined };
      },
    } as unknown as AnyActorRef,
    set(next: object) {
      snapshot = { context: next, children: {} };
      for (const o of observers) o(snapshot);
    },
  };
}

describe('when only a phone has a job running', () => {
  it('the lab is busy until the job ends', () => {
    const phoneId = DEFAULT_LAB.phones[0]?.id ?? '';
    const phone = fakeActor({ jobs: {} });
    const tenant = fakeActor({ jobs: {} });
    const watch = new BusyWatch(
      { get: (id) => (id === phoneId ? phone.ref : id === 'tenant' ? tenant.ref : undefined) },
      DEFAULT_LAB,
    );
    expect(watch.busy()).toBe(false);
    phone.set({ jobs: { 'job-1': 'scan' } });
    expect(watch.busy()).toBe(true);
    phone.set({ jobs: {} });
    expect(watch.busy()).toBe(false);
    tenant.set({ jobs: { 'job-1': { kind: 'notify' } } });
    expect(watch.busy()).toBe(true);
  });
});
