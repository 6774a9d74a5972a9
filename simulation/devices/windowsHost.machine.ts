/**
 * A Windows host of the lab — the domain controller, the Entra Connect Sync server, or a client
 * PC. It owns its adapter (static or DHCP, through a DHCP client child), its services, event logs
 * and consoles, and answers what arrives on its cable (serve.ts). Work that talks over the network
 * (a console command, a DNS forward) runs as a script child and reports back here.
 *
 * Events: net.deliver, net.media (network); host.power, host.restart, service.start|stop|restart,
 *         console.exec, console.clear, console.close, aduc.action (lab commands); dhcp.update, dhcp.outcome (DHCP client);
 *         xstate.done.actor.job-* (scripts).
 * Faults that touch it: a stopped service (DHCP Server, DNS Server, NTDS...), a pulled cable,
 *         a wrong DNS server on the adapter, a skewed clock.
 * Its context keeps the consoles apart from the rest of the host (hostView.ts); the console
 * interpreter is hostConsole.ts, its jobs hostJobs.ts, its side of the network hostNet.ts, the events
 * it takes without a pass through the chart (packets, ADSync's log entries) hostDirect.ts.
 */
import { assertEvent, assign, enqueueActions, setup, type AnyActorRef } from 'xstate';
import type { ScriptOutput } from '../proc/script.machine';
import { withDirectTransitions } from '../proc/directTransitions';
import { bootedHost, log, setServiceStatus, shutdownEvents, takeDhcpConfig } from '../windows/hostOps';
import { dhcpClientMachine } from './dhcpClient.machine';
import { adsyncMachine, type AdSyncContext } from './adsync.machine';
import { signOut } from '../windows/desktop';
import { applyAdOp, applyAdSyncPatch, applyHostPatch } from './backstage';
import { TIMINGS } from '../core/timings';
import { labNow } from '../core/env';
import { consolesWith, sessionWith, type DhcpLease } from '../windows/hostState';
import type { NetworkEvent } from '../net/network.machine';
import type { HostEvent, HostInput, HostMachineContext } from './hostTypes';
import { w32timeTimerMachine } from './w32timeTimer.machine';
import { applyPlan, closedConsoles, planAdsyncReply, planAfterDhcp, planLine } from './hostConsole';
import { adsyncLogged, hostDirect } from './hostDirect';
import { adsyncInput, hostCoreOf, hostView, splitHost } from './hostView';
import {
  answerDelivery,
  attachEvent,
  bindEvent,
  dhcpClientInput,
  dnsRegistration,
  networkOf,
  registrationJob,
  registrationTimer,
} from './hostNet';
import {
  endJob,
  HOST_JOB_DONE,
  hostJobScript,
  jobIdOf,
  startAducJob,
  startPasswordJob,
  startSignInJob,
  startTimePollJob,
  spawnJob,
  withFreshPollInterval,
} from './hostJobs';

export type { HostEvent, HostInput, HostMachineContext } from './hostTypes';

const windowsHostChart = setup({
  types: {
    context: {} as HostMachineContext,
    events: {} as HostEvent,
    input: {} as HostInput,
  },
  actors: {
    // Every script the host spawns is a job, whose end jobFinished takes (hostJobs.ts HOST_JOB_DONE).
    script: hostJobScript,
    dhcpClient: dhcpClientMachine,
    adsync: adsyncMachine,
    w32time: w32timeTimerMachine,
  },
  actions: {
    boot: assign(({ context }) => ({
      host: withFreshPollInterval(bootedHost(context.host, labNow(context.env))),
      jobs: {},
      dhcpWait: undefined,
    })),
    attachNetwork: enqueueActions(({ enqueue, context, system }) => {
      enqueue.sendTo(networkOf(system), attachEvent(context));
      enqueue.sendTo(networkOf(system), bindEvent(context.host));
    }),
    startDhcpClient: enqueueActions(({ enqueue, context }) => {
      if (!context.host.nic.dhcpEnabled) return;
      enqueue.spawnChild('dhcpClient', {
        id: 'dhcp',
        input: dhcpClientInput(context),
      });
      enqueue.sendTo('dhcp', { type: 'dhcp.start' });
    }),
    startTimeService: enqueueActions(({ enqueue, context, event }) => {
      // Members poll the domain hierarchy; the DC's own source is outside the lab.
      if (context.host.kind === 'dc') return;
      // Entered by a power-on or restart (not at the lab's start, when every clock is in step).
      const booted = event.type === 'host.power' || event.type === 'host.restart';
      enqueue.spawnChild('w32time', {
        id: 'w32time',
        input: {
          firstInMs: booted ? TIMINGS.w32timeStartSync : TIMINGS.w32timePoll,
        },
      });
    }),
    pollTime: enqueueActions(({ enqueue, context }) => {
      const job = startTimePollJob(context, labNow(context.env));
      if (job) spawnJob(enqueue, job);
      else
        enqueue.sendTo('w32time', {
          type: 'time.next',
          inMs: TIMINGS.w32timePoll,
        });
    }),
    startAdsync: enqueueActions(({ enqueue, context }) => {
      if (!context.adsyncDisk) return;
      enqueue.spawnChild('adsync', {
        id: 'adsync',
        input: adsyncInput(context, context.adsyncDisk),
      });
      enqueue.sendTo('adsync', {
        type: 'adsync.service',
        running: context.host.services.ADSync?.status === 'Running',
      });
    }),
    tellAdsync: enqueueActions(({ enqueue, context, self }) => {
      if (!self.getSnapshot().children.adsync) return;
      enqueue.sendTo('adsync', {
        type: 'adsync.service',
        running: context.host.services.ADSync?.status === 'Running',
      });
    }),
    adsyncLog: assign(({ context, event }) =>
      event.type === 'host.log' ? adsyncLogged(context, event) : {},
    ),
    adsyncReply: enqueueActions(({ enqueue, context, event }) => {
      if (event.type !== 'adsync.reply') return;
      const r = planAdsyncReply(context, event.requestId, event.reply);
      if (!r) return;
      enqueue.assign({ localWait: undefined });
      applyPlan(enqueue, r.context, r.plan);
    }),
    backstageHost: enqueueActions(({ enqueue, context, event, self }) => {
      assertEvent(event, 'backstage.host');
      const view = hostView(context.host, context.consoles);
      enqueue.assign(splitHost(applyHostPatch(view, event.patch, labNow(context.env)), context.host));
      if (event.patch.op === 'dns' || event.patch.op === 'machineSecret') return;
      if (event.patch.op === 'dhcpRestart' && self.getSnapshot().children.dhcp)
        enqueue.sendTo('dhcp', { type: 'dhcp.restart' });
    }),
    backstageAd: assign(({ context, event }) => {
      assertEvent(event, 'backstage.ad');
      if (!context.roles.directory) return {};
      return {
        roles: {
          ...context.roles,
          directory: applyAdOp(context.roles.directory, event.op, labNow(context.env)),
        },
      };
    }),
    backstageAdsync: enqueueActions(({ enqueue, context, event, self }) => {
      assertEvent(event, 'backstage.adsync');
      if (self.getSnapshot().children.adsync)
        enqueue.sendTo('adsync', { type: 'adsync.patch', patch: event.patch });
      else if (context.adsyncDisk)
        enqueue.assign({
          adsyncDisk: applyAdSyncPatch(context.adsyncDisk, event.patch),
        });
    }),
    toSyncManager: enqueueActions(({ enqueue, context, event, self }) => {
      assertEvent(event, 'syncmanager.connector');
      if (!self.getSnapshot().children.adsync) return;
      if (context.host.services.ADSync?.status !== 'Running') return;
      enqueue.sendTo('adsync', { type: 'adsync.patch', patch: event.patch });
    }),
    toWizard: enqueueActions(({ enqueue, event, self }) => {
      assertEvent(event, 'connect.wizard');
      if (!self.getSnapshot().children.adsync) return;
      enqueue.sendTo('adsync', { type: 'adsync.wizard', action: event.action });
    }),
    shutdown: enqueueActions(({ enqueue, context, system, self }) => {
      const now = labNow(context.env);
      const adsyncRef = self.getSnapshot().children.adsync as AnyActorRef | undefined;
      const adsyncDisk = adsyncRef
        ? (adsyncRef.getSnapshot().context as AdSyncContext).state
        : context.adsyncDisk;
      enqueue.stopChild('adsync');
      enqueue.stopChild('dhcp');
      enqueue.stopChild('w32time');
      for (const [id, job] of Object.entries(context.jobs)) {
        if (job.kind === 'dns.register') enqueue.cancel(registrationTimer(id));
        else enqueue.stopChild(id);
      }
      enqueue.sendTo(networkOf(system), {
        type: 'net.power',
        id: context.host.id,
        powered: false,
      } satisfies NetworkEvent);
      const host = log(context.host, now, ...shutdownEvents());
      // The console windows close with the machine.
      const consoles = closedConsoles(context.consoles);
      enqueue.assign({
        host,
        consoles,
        adsyncDisk,
        jobs: {},
        dhcpWait: undefined,
        localWait: undefined,
      });
    }),
    serveDelivery: enqueueActions(({ enqueue, context, event, system, self }) => {
      assertEvent(event, 'net.deliver');
      if (event.packet.body.kind === 'app.relay.request') {
        // The writeback listener is part of the ADSync service.
        if (self.getSnapshot().children.adsync) enqueue.sendTo('adsync', event);
        return;
      }
      const a = answerDelivery(context, event, labNow(context.env));
      if (a.network) enqueue.sendTo(networkOf(system), a.network);
      if (a.patch) enqueue.assign(a.patch);
      spawnJob(enqueue, a.forward);
    }),
    takeMedia: enqueueActions(({ enqueue, context, event, system }) => {
      assertEvent(event, 'net.media');
      const host = {
        ...context.host,
        nic: { ...context.host.nic, mediaConnected: event.connected },
      };
      enqueue.assign({ host });
      enqueue.sendTo(networkOf(system), bindEvent(host));
      if (host.nic.dhcpEnabled)
        enqueue.sendTo('dhcp', {
          type: 'dhcp.media',
          connected: event.connected,
        });
    }),
    takeDhcpUpdate: enqueueActions(({ enqueue, context, event, system, self }) => {
      assertEvent(event, 'dhcp.update');
      const now = labNow(context.env);
      const host = takeDhcpConfig(context.host, event.lease as DhcpLease | undefined, event.apipa, now);
      enqueue.sendTo(networkOf(system), bindEvent(host));
      if (!event.lease) {
        enqueue.assign({ host });
        return;
      }
      // The DNS registration is a job of its own (an id, a place in `jobs` until it is answered or
      // times out) that the host runs itself, not as a script child (hostNet.ts dnsRegistration).
      const id = `job-${host.seq + 1}`;
      const packet = dnsRegistration(host, id);
      enqueue.assign({
        host: { ...host, seq: host.seq + 1 },
        ...(packet ? { jobs: { ...context.jobs, [id]: { kind: 'dns.register' as const } } } : {}),
      });
      if (!packet) return;
      enqueue.sendTo(networkOf(system), { type: 'net.send', packet, replyTo: self } satisfies NetworkEvent);
      enqueue.raise(
        { type: 'dns.register.timeout', job: id },
        { id: registrationTimer(id), delay: TIMINGS.dnsQueryTimeout },
      );
    }),
    endDnsRegistration: enqueueActions(({ enqueue, context, event }) => {
      assertEvent(event, ['net.reply', 'net.refused', 'dns.register.timeout']);
      const id =
        event.type === 'dns.register.timeout' ? event.job : registrationJob(context, event.requestId);
      if (id === undefined || context.jobs[id]?.kind !== 'dns.register') return;
      if (event.type !== 'dns.register.timeout') enqueue.cancel(registrationTimer(id));
      enqueue.assign({ jobs: Object.fromEntries(Object.entries(context.jobs).filter(([k]) => k !== id)) });
    }),
    takeDhcpOutcome: enqueueActions(({ enqueue, context, event }) => {
      assertEvent(event, 'dhcp.outcome');
      const plan = planAfterDhcp(context, event.op, event.ok);
      if (!plan) return;
      enqueue.assign({ dhcpWait: undefined });
      applyPlan(enqueue, { ...context, dhcpWait: undefined }, plan);
    }),
    execConsole: enqueueActions(({ enqueue, context, event }) => {
      assertEvent(event, 'console.exec');
      const plan = planLine(context, event.shell, event.line);
      if (plan) applyPlan(enqueue, context, plan);
    }),
    clearConsole: assign(({ context, event }) => {
      assertEvent(event, ['console.clear', 'console.close']);
      // Only the console is copied: the rest of the host is kept apart from it (hostView.ts).
      const s = context.consoles[event.shell];
      const next =
        event.type === 'console.close'
          ? sessionWith(s, { transcript: [], history: [] })
          : sessionWith(s, { transcript: [] });
      return { consoles: consolesWith(context.consoles, event.shell, next) };
    }),
    jobFinished: enqueueActions(({ enqueue, context, event, system }) => {
      const end = endJob(context, event as { type: string; id?: string; output?: ScriptOutput });
      if (!end) return;
      // The finished script leaves `children` (XState keeps a done child there until it is stopped,
      // and copies the record on every spawn): it holds only the jobs still running.
      enqueue.stopChild(jobIdOf(event as { type: string; id?: string }));
      if (end.network) enqueue.sendTo(networkOf(system), end.network);
      if (end.plan) applyPlan(enqueue, context, end.plan);
      else enqueue.assign(end.patch);
      if (end.w32timeInMs !== undefined)
        enqueue.sendTo('w32time', { type: 'time.next', inMs: end.w32timeInMs });
    }),
    startAduc: enqueueActions(({ enqueue, context, event }) => {
      assertEvent(event, 'aduc.action');
      spawnJob(enqueue, startAducJob(context, event.action));
    }),
    startSignIn: enqueueActions(({ enqueue, context, event }) => {
      assertEvent(event, 'desktop.signIn');
      spawnJob(enqueue, startSignInJob(context, event.user, event.password, labNow(context.env)));
    }),
    startPasswordChange: enqueueActions(({ enqueue, context, event }) => {
      assertEvent(event, 'desktop.changePassword');
      spawnJob(enqueue, startPasswordJob(context, event, labNow(context.env)));
    }),
    signOut: assign(({ context }) =>
      splitHost(signOut(hostView(context.host, context.consoles), labNow(context.env)), context.host),
    ),
    startService: assign(({ context, event }) =>
      event.type === 'service.start' || event.type === 'service.restart'
        ? {
            host: setServiceStatus(context.host, event.service, 'Running', labNow(context.env)),
          }
        : {},
    ),
    stopService: assign(({ context, event }) =>
      event.type === 'service.stop' || event.type === 'service.restart'
        ? {
            host: setServiceStatus(context.host, event.service, 'Stopped', labNow(context.env)),
          }
        : {},
    ),
  },
  guards: {
    serviceRunning: ({ context, event }) =>
      'service' in event &&
      Object.values(context.host.services).some(
        (s) => s.name.toLowerCase() === event.service.toLowerCase() && s.status === 'Running',
      ),
    powerOn: ({ event }) => event.type === 'host.power' && event.on,
    powerOff: ({ event }) => event.type === 'host.power' && !event.on,
  },
}).createMachine({
  id: 'windowsHost',
  context: ({ input }) => ({
    ...splitHost(input.host, hostCoreOf(input.host)),
    roles: input.roles,
    ...(input.adsyncDisk ? { adsyncDisk: input.adsyncDisk } : {}),
    env: input.env,
    relayNamespace: input.relayNamespace,
    jobs: {},
  }),
  initial: 'on',
  states: {
    off: {
      on: {
        'host.power': { guard: 'powerOn', target: 'on' },
        'host.restart': { target: 'on' },
      },
    },
    on: {
      entry: ['boot', 'attachNetwork', 'startDhcpClient', 'startAdsync', 'startTimeService'],
      exit: 'shutdown',
      on: {
        'host.power': { guard: 'powerOff', target: 'off' },
        'host.restart': { target: 'on', reenter: true },
        'net.deliver': { actions: 'serveDelivery' },
        'net.media': { actions: 'takeMedia' },
        'dhcp.update': { actions: 'takeDhcpUpdate' },
        'net.reply': { actions: 'endDnsRegistration' },
        'net.refused': { actions: 'endDnsRegistration' },
        'dns.register.timeout': { actions: 'endDnsRegistration' },
        'dhcp.outcome': { actions: 'takeDhcpOutcome' },
        'time.poll': { actions: 'pollTime' },
        'console.exec': { actions: 'execConsole' },
        'console.clear': { actions: 'clearConsole' },
        'console.close': { actions: 'clearConsole' },
        'desktop.signIn': { actions: 'startSignIn' },
        'desktop.signOut': { actions: 'signOut' },
        'desktop.changePassword': { actions: 'startPasswordChange' },
        'service.start': { actions: ['startService', 'tellAdsync'] },
        'service.stop': { actions: ['stopService', 'tellAdsync'] },
        // The Services console greys Restart out for a stopped service: restart only what runs.
        'service.restart': {
          guard: 'serviceRunning',
          actions: ['stopService', 'tellAdsync', 'startService', 'tellAdsync'],
        },
        'host.log': { actions: 'adsyncLog' },
        'adsync.reply': { actions: 'adsyncReply' },
        'connect.wizard': { actions: 'toWizard' },
        'syncmanager.connector': { actions: 'toSyncManager' },
        'aduc.action': { actions: 'startAduc' },
        'backstage.host': { actions: 'backstageHost' },
        'backstage.ad': { actions: 'backstageAd' },
        'backstage.adsync': { actions: 'backstageAdsync' },
        [HOST_JOB_DONE]: { actions: 'jobFinished' },
        'xstate.done.actor.*': { actions: 'jobFinished' },
        'xstate.error.actor.*': { actions: 'jobFinished' },
      },
    },
  },
});

/** The host's logic: the chart above, with its hot events taken directly (hostDirect.ts). */
export const windowsHostMachine = withDirectTransitions(windowsHostChart, hostDirect);
