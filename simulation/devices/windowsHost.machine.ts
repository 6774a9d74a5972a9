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
 */
import type { AducResult } from '../windows/hostState';
import { assertEvent, assign, enqueueActions, setup, type AnyActorRef } from 'xstate';
import type { NetworkEvent } from '../net/network.machine';
import type { Message, Packet } from '../net/packets';
import type { Ipv4 } from '../net/ipv4';
import { labNow } from '../core/env';
import type { Script } from '../proc/script';
import { scriptMachine } from '../proc/script.machine';
import type { CommandResult } from '../tools/commands/types';
import { effectiveIpConfig, type WindowsHostContext } from '../windows/hostState';
import {
  appendConsole,
  applyEffects,
  bootEvents,
  bootServices,
  log,
  setServiceStatus,
  shutdownEvents,
  takeDhcpConfig,
} from '../windows/hostOps';
import { serve } from '../windows/serve';
import { interpret, promptOf, succeeded, type Step } from '../tools/shell/console';
import { dhcpClientMachine } from './dhcpClient.machine';
import { adsyncMachine, type AdSyncContext } from './adsync.machine';
import {
  changePasswordScript,
  signInScript,
  type ChangeOutcome,
  type SignInOutcome,
} from '../windows/signin';
import { applyChange, applySignIn, signOut, startChangingPassword, startSigningIn } from '../windows/desktop';
import { tls12Enabled } from '../windows/registry';
import { applyAdOp, applyAdSyncPatch, applyHostPatch } from './backstage';
import { exchange } from '../proc/script';
import { aducScript } from '../tools/aduc';
import { TIMINGS } from '../core/timings';
import type { DhcpLease } from '../windows/hostState';
import type { HostEvent, HostInput, HostMachineContext } from './hostTypes';
import { w32timeTimerMachine } from './w32timeTimer.machine';
import { pollTimeSource, type TimePoll } from '../tools/commands/time/w32timePoll';
import { applyPlan, localResult, planConsole, renewOutput, settle, type HostRequests } from './hostConsole';

export type { HostEvent, HostInput, HostMachineContext } from './hostTypes';

function networkOf(system: { get: (id: string) => unknown }): AnyActorRef {
  return system.get('network') as AnyActorRef;
}

function bindEvent(host: WindowsHostContext): NetworkEvent {
  const cfg = effectiveIpConfig(host.nic);
  return {
    type: 'net.bind',
    id: host.id,
    addresses: cfg.ip && cfg.mask ? [{ ip: cfg.ip, mask: cfg.mask }] : [],
    gateway: cfg.gateway,
  };
}

function jobIdOf(type: string): string {
  return type.replace(/^xstate\.(done|error)\.actor\./, '');
}

/** A domain member registers its own A record with its DNS server after it gets an address. */
function* registerInDns(host: WindowsHostContext): Script<void> {
  const cfg = effectiveIpConfig(host.nic);
  const server = cfg.dnsServers[0];
  if (!cfg.ip || !server) return;
  yield* exchange(
    {
      src: cfg.ip,
      dst: server,
      transport: 'udp',
      port: 53,
      body: { kind: 'dns.update', name: `${host.hostname}.${host.domainFqdn}`, ip: cfg.ip },
    },
    TIMINGS.dnsQueryTimeout,
  );
}

/** The DNS Server role asks its forwarder for a name it does not own. */
function* forwardQuery(host: WindowsHostContext, request: Packet, to: Ipv4[]): Script<Message> {
  const cfg = effectiveIpConfig(host.nic);
  const q = request.body;
  for (const fwd of to) {
    const r = yield* exchange(
      { src: cfg.ip ?? '0.0.0.0', dst: fwd, transport: 'udp', port: 53, body: q },
      TIMINGS.dnsForwarderTimeout,
    );
    if (r.status === 'ok' && r.body.kind === 'dns.response') return { ...r.body, authoritative: false };
  }
  const name = q.kind === 'dns.query' ? q.name : '';
  const qtype = q.kind === 'dns.query' ? q.qtype : 'A';
  return {
    kind: 'dns.response',
    name,
    qtype,
    rcode: 'SERVFAIL',
    authoritative: false,
    answers: [],
    additional: [],
  };
}

export const windowsHostMachine = setup({
  types: {
    context: {} as HostMachineContext,
    events: {} as HostEvent,
    input: {} as HostInput,
  },
  actors: {
    script: scriptMachine,
    dhcpClient: dhcpClientMachine,
    adsync: adsyncMachine,
    w32time: w32timeTimerMachine,
  },
  actions: {
    boot: assign(({ context }) => {
      const now = labNow(context.env);
      const desktop = context.host.desktop;
      let host = bootServices({
        ...context.host,
        bootedAt: now,
        desktop: desktop ? { screen: 'signin', busy: false, lastUser: desktop.lastUser } : undefined,
        // SCHANNEL reads its protocol settings at boot.
        tls12Active: tls12Enabled(context.host.registry),
      });
      host = log(host, now, ...bootEvents(host));
      return { host, jobs: {}, dhcpWait: undefined };
    }),
    attachNetwork: enqueueActions(({ enqueue, context, system }) => {
      const net = networkOf(system);
      enqueue.sendTo(net, {
        type: 'net.attach',
        id: context.host.id,
        nic: {
          segment: 'lan',
          mac: context.host.nic.mac,
          addresses: [],
          cableConnected: context.host.nic.mediaConnected,
          powered: true,
          // The DHCP Server role listens for clients' broadcasts (serve() checks the service).
          udpListen: context.roles.dhcpServer ? [67] : [],
        },
      } satisfies NetworkEvent);
      enqueue.sendTo(net, bindEvent(context.host));
    }),
    startDhcpClient: enqueueActions(({ enqueue, context }) => {
      if (!context.host.nic.dhcpEnabled) return;
      enqueue.spawnChild('dhcpClient', {
        id: 'dhcp',
        input: {
          deviceId: context.host.id,
          mac: context.host.nic.mac,
          hostname: context.host.hostname,
          env: context.env,
          rng: (context.host.rng ^ 0x5bd1e995) >>> 0,
          previousLease: context.host.nic.lease,
        },
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
        input: { firstInMs: booted ? TIMINGS.w32timeStartSync : TIMINGS.w32timePoll },
      });
    }),
    pollTime: enqueueActions(({ enqueue, context }) => {
      const host = context.host;
      if (host.services.W32Time?.status !== 'Running' || host.time.type === 'NoSync') {
        enqueue.sendTo('w32time', { type: 'time.next', inMs: TIMINGS.w32timePoll });
        return;
      }
      const id = `job-${host.seq + 1}`;
      const next = { ...host, seq: host.seq + 1 };
      enqueue.assign({ host: next, jobs: { ...context.jobs, [id]: { kind: 'time.poll' } } });
      const now = labNow(context.env);
      enqueue.spawnChild('script', {
        id,
        input: { deviceId: host.id, idPrefix: `${host.id}.${id}`, start: () => pollTimeSource(next, now) },
      });
    }),
    startAdsync: enqueueActions(({ enqueue, context, self }) => {
      const disk = context.adsyncDisk;
      if (!disk) return;
      const hostRef = self;
      const bootHost = context.host;
      enqueue.spawnChild('adsync', {
        id: 'adsync',
        input: {
          hostId: context.host.id,
          rng: (context.host.rng ^ 0x2545f491) >>> 0,
          netbios: context.host.domainNetbios,
          offsetMinutes: context.host.timeZoneOffsetMinutes,
          namespace: context.relayNamespace,
          env: context.env,
          state: disk,
          running: context.host.services.ADSync?.status === 'Running',
          // While the host is still booting its snapshot is not there yet: use the state it booted with.
          readHost: () =>
            (hostRef.getSnapshot() as { context?: HostMachineContext } | undefined)?.context?.host ??
            bootHost,
        },
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
      event.type === 'host.log' ? { host: log(context.host, labNow(context.env), ...event.entries) } : {},
    ),
    adsyncReply: enqueueActions(({ enqueue, context, event }) => {
      if (
        event.type !== 'adsync.reply' ||
        !context.localWait ||
        context.localWait.requestId !== event.requestId
      )
        return;
      const { shell, tail, rest } = context.localWait;
      const result = localResult(context.localWait, event.reply);
      const requests: HostRequests = { adsync: [], restart: false };
      const { host, next } = settle(context.host, shell, tail, result, labNow(context.env), requests);
      enqueue.assign({ localWait: undefined });
      applyPlan(
        enqueue,
        { ...context, localWait: undefined },
        planConsole(
          { ...context, localWait: undefined },
          host,
          context.jobs,
          shell,
          requests.restart ? [] : [...next, ...rest],
          succeeded(result.lines),
          requests,
        ),
      );
    }),
    backstageHost: enqueueActions(({ enqueue, context, event, system, self }) => {
      assertEvent(event, 'backstage.host');
      const host = applyHostPatch(context.host, event.patch, labNow(context.env));
      enqueue.assign({ host });
      if (event.patch.op === 'dns' || event.patch.op === 'machineSecret') return;
      if (event.patch.op === 'dhcpRestart' && self.getSnapshot().children.dhcp)
        enqueue.sendTo('dhcp', { type: 'dhcp.restart' });
      void system;
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
        enqueue.assign({ adsyncDisk: applyAdSyncPatch(context.adsyncDisk, event.patch) });
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
      for (const id of Object.keys(context.jobs)) enqueue.stopChild(id);
      enqueue.sendTo(networkOf(system), {
        type: 'net.power',
        id: context.host.id,
        powered: false,
      } satisfies NetworkEvent);
      let host = log(context.host, now, ...shutdownEvents());
      // The console windows close with the machine.
      for (const shell of ['cmd', 'powershell'] as const) {
        host = {
          ...host,
          consoles: { ...host.consoles, [shell]: { ...host.consoles[shell], transcript: [], busy: false } },
        };
      }
      enqueue.assign({ host, adsyncDisk, jobs: {}, dhcpWait: undefined, localWait: undefined });
    }),
    serveDelivery: enqueueActions(({ enqueue, context, event, system, self }) => {
      assertEvent(event, 'net.deliver');
      if (event.packet.body.kind === 'app.relay.request') {
        // The writeback listener is part of the ADSync service.
        if (self.getSnapshot().children.adsync) enqueue.sendTo('adsync', event);
        return;
      }
      const now = labNow(context.env);
      const { packet, replyTo } = event;
      const r = serve(context.host, context.roles, packet, now);
      // Loopback answers come from 127.0.0.1, everything else from the adapter's address.
      const from =
        packet.dst === '127.0.0.1' ? packet.dst : (effectiveIpConfig(context.host.nic).ip ?? packet.dst);
      let host = context.host;
      if ((r.kind === 'reply' || r.kind === 'ignore') && r.events && r.events.length > 0)
        host = log(host, now, ...r.events);
      if (r.kind === 'reply') {
        enqueue.sendTo(networkOf(system), {
          type: 'net.respond',
          request: packet,
          body: r.body,
          from,
          replyTo,
        } satisfies NetworkEvent);
        enqueue.assign({ host, roles: r.roles ?? context.roles });
      } else if (r.kind === 'refuse') {
        enqueue.sendTo(networkOf(system), {
          type: 'net.reject',
          request: packet,
          reason: r.reason,
          by: from,
          replyTo,
        } satisfies NetworkEvent);
      } else if (r.kind === 'forward') {
        const id = `job-${host.seq + 1}`;
        host = { ...host, seq: host.seq + 1 };
        enqueue.assign({
          host,
          jobs: { ...context.jobs, [id]: { kind: 'dns.forward', request: packet, replyTo, from } },
        });
        const snapshot = host;
        enqueue.spawnChild('script', {
          id,
          input: {
            deviceId: host.id,
            idPrefix: `${host.id}.${id}`,
            start: () => forwardQuery(snapshot, packet, r.to),
          },
        });
      } else if (host !== context.host || r.roles) {
        enqueue.assign({ host, roles: r.roles ?? context.roles });
      }
    }),
    takeMedia: enqueueActions(({ enqueue, context, event, system }) => {
      assertEvent(event, 'net.media');
      const host = { ...context.host, nic: { ...context.host.nic, mediaConnected: event.connected } };
      enqueue.assign({ host });
      enqueue.sendTo(networkOf(system), bindEvent(host));
      if (host.nic.dhcpEnabled) enqueue.sendTo('dhcp', { type: 'dhcp.media', connected: event.connected });
    }),
    takeDhcpUpdate: enqueueActions(({ enqueue, context, event, system }) => {
      assertEvent(event, 'dhcp.update');
      const now = labNow(context.env);
      const host = takeDhcpConfig(context.host, event.lease as DhcpLease | undefined, event.apipa, now);
      enqueue.sendTo(networkOf(system), bindEvent(host));
      if (event.lease) {
        const id = `job-${host.seq + 1}`;
        enqueue.assign({
          host: { ...host, seq: host.seq + 1 },
          jobs: { ...context.jobs, [id]: { kind: 'dns.register' } },
        });
        enqueue.spawnChild('script', {
          id,
          input: { deviceId: host.id, idPrefix: `${host.id}.${id}`, start: () => registerInDns(host) },
        });
      } else {
        enqueue.assign({ host });
      }
    }),
    takeDhcpOutcome: enqueueActions(({ enqueue, context, event }) => {
      assertEvent(event, 'dhcp.outcome');
      if (!context.dhcpWait || context.dhcpWait.op !== event.op) return;
      const { shell, tail, rest } = context.dhcpWait;
      const result = { lines: renewOutput(context.host, event.op, event.ok) };
      const requests: HostRequests = { adsync: [], restart: false };
      const { host, next } = settle(context.host, shell, tail, result, labNow(context.env), requests);
      enqueue.assign({ dhcpWait: undefined });
      applyPlan(
        enqueue,
        { ...context, dhcpWait: undefined },
        planConsole(context, host, context.jobs, shell, [...next, ...rest], event.ok, requests),
      );
    }),
    execConsole: enqueueActions(({ enqueue, context, event }) => {
      assertEvent(event, 'console.exec');
      const { shell, line } = event;
      const session = context.host.consoles[shell];
      if (session.busy) return;
      let host = appendConsole(context.host, shell, [{ kind: 'input', text: `${promptOf(session)}${line}` }]);
      if (line.trim().length > 0) {
        host = {
          ...host,
          consoles: {
            ...host.consoles,
            [shell]: {
              ...host.consoles[shell],
              history: [...host.consoles[shell].history.slice(-199), line],
            },
          },
        };
      }
      applyPlan(
        enqueue,
        context,
        planConsole(context, host, context.jobs, shell, interpret(host, shell, line)),
      );
    }),
    clearConsole: assign(({ context, event }) => {
      assertEvent(event, ['console.clear', 'console.close']);
      const s = context.host.consoles[event.shell];
      const next =
        event.type === 'console.close' ? { ...s, transcript: [], history: [] } : { ...s, transcript: [] };
      return { host: { ...context.host, consoles: { ...context.host.consoles, [event.shell]: next } } };
    }),
    jobFinished: enqueueActions(({ enqueue, context, event, system }) => {
      if (!event.type.startsWith('xstate.done.actor.') && !event.type.startsWith('xstate.error.actor.'))
        return;
      const id = jobIdOf(event.type);
      const job = context.jobs[id];
      if (!job) return;
      const jobs = Object.fromEntries(Object.entries(context.jobs).filter(([k]) => k !== id));
      const failed = event.type.startsWith('xstate.error.actor.');
      const output = 'output' in event ? event.output : undefined;
      const now = labNow(context.env);
      if (job.kind === 'console') {
        let host = context.host;
        let next: Step[] = [];
        const requests: HostRequests = { adsync: [], restart: false };
        if (failed || !output || output.failure) {
          host = appendConsole(host, job.shell, [
            { kind: 'error', text: 'The command failed because of an internal error in the lab.' },
          ]);
        } else {
          ({ host, next } = settle(host, job.shell, job.tail, output.value as CommandResult, now, requests));
        }
        const ok = !failed && !!output && !output.failure && succeeded((output.value as CommandResult).lines);
        applyPlan(
          enqueue,
          context,
          planConsole(
            context,
            host,
            jobs,
            job.shell,
            requests.restart ? [] : [...next, ...job.rest],
            ok,
            requests,
          ),
        );
        return;
      }
      if (job.kind === 'signin') {
        const outcome: SignInOutcome =
          failed || !output || output.failure
            ? {
                ok: false,
                message: 'The sign-in failed because of an internal error in the lab.',
                events: [],
              }
            : (output.value as SignInOutcome);
        enqueue.assign({ host: applySignIn(context.host, outcome, now), jobs });
        return;
      }
      if (job.kind === 'passwordChange') {
        const outcome: ChangeOutcome =
          failed || !output || output.failure
            ? {
                ok: false,
                message: 'The password change failed because of an internal error in the lab.',
                events: [],
              }
            : (output.value as ChangeOutcome);
        enqueue.assign({ host: applyChange(context.host, outcome, now), jobs });
        return;
      }
      if (job.kind === 'aduc') {
        const result: AducResult =
          failed || !output || output.failure
            ? { ok: false, message: 'The operation failed because of an internal error in the lab.' }
            : (output.value as AducResult);
        const lastResult = { ...result, id: Number(id.slice(4)) };
        enqueue.assign({ host: { ...context.host, aduc: { lastResult } }, jobs });
        return;
      }
      if (job.kind === 'time.poll') {
        const poll = !failed && output && !output.failure ? (output.value as TimePoll) : undefined;
        const host = poll ? applyEffects(context.host, 'cmd', poll.effects, now) : context.host;
        enqueue.assign({ host, jobs });
        enqueue.sendTo('w32time', { type: 'time.next', inMs: poll?.nextInMs ?? TIMINGS.w32timePoll });
        return;
      }
      if (job.kind === 'dns.forward' && output && !failed) {
        enqueue.sendTo(networkOf(system), {
          type: 'net.respond',
          request: job.request,
          body: output.value as Message,
          from: job.from,
          replyTo: job.replyTo,
        } satisfies NetworkEvent);
      }
      enqueue.assign({ jobs });
    }),
    startAduc: enqueueActions(({ enqueue, context, event }) => {
      assertEvent(event, 'aduc.action');
      if (!context.roles.directory) return;
      if (Object.values(context.jobs).some((j) => j.kind === 'aduc')) return;
      const id = `job-${context.host.seq + 1}`;
      const host = { ...context.host, seq: context.host.seq + 1 };
      enqueue.assign({ host, jobs: { ...context.jobs, [id]: { kind: 'aduc' } } });
      const { action } = event;
      enqueue.spawnChild('script', {
        id,
        input: { deviceId: host.id, idPrefix: `${host.id}.${id}`, start: () => aducScript(host, action) },
      });
    }),
    startSignIn: enqueueActions(({ enqueue, context, event }) => {
      assertEvent(event, 'desktop.signIn');
      const desk = context.host.desktop;
      if (!desk || desk.busy || desk.screen !== 'signin') return;
      const now = labNow(context.env);
      const id = `job-${context.host.seq + 1}`;
      const host = startSigningIn({ ...context.host, seq: context.host.seq + 1 }, event.user);
      enqueue.assign({ host, jobs: { ...context.jobs, [id]: { kind: 'signin', user: event.user } } });
      const snapshot = context.host;
      const { user, password } = event;
      enqueue.spawnChild('script', {
        id,
        input: {
          deviceId: host.id,
          idPrefix: `${host.id}.${id}`,
          start: () => signInScript(snapshot, user, password, now),
          learnerLabel: `Sign in as ${user}`,
        },
      });
    }),
    startPasswordChange: enqueueActions(({ enqueue, context, event }) => {
      assertEvent(event, 'desktop.changePassword');
      const desk = context.host.desktop;
      if (!desk || desk.busy) return;
      const signedIn = desk.screen === 'desktop' && desk.session;
      // Signed in, only the signed-in user's own password; on the sign-in screen, the forced change.
      const user = signedIn ? (desk.session?.account ?? event.user) : event.user;
      const now = labNow(context.env);
      const id = `job-${context.host.seq + 1}`;
      const host = startChangingPassword({ ...context.host, seq: context.host.seq + 1 });
      enqueue.assign({ host, jobs: { ...context.jobs, [id]: { kind: 'passwordChange', user } } });
      const snapshot = context.host;
      const { oldPassword, newPassword } = event;
      enqueue.spawnChild('script', {
        id,
        input: {
          deviceId: host.id,
          idPrefix: `${host.id}.${id}`,
          start: () => changePasswordScript(snapshot, user, oldPassword, newPassword, now, !signedIn),
        },
      });
    }),
    signOut: assign(({ context }) => ({ host: signOut(context.host, labNow(context.env)) })),
    startService: assign(({ context, event }) =>
      event.type === 'service.start' || event.type === 'service.restart'
        ? { host: setServiceStatus(context.host, event.service, 'Running', labNow(context.env)) }
        : {},
    ),
    stopService: assign(({ context, event }) =>
      event.type === 'service.stop' || event.type === 'service.restart'
        ? { host: setServiceStatus(context.host, event.service, 'Stopped', labNow(context.env)) }
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
    host: input.host,
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
        'xstate.done.actor.*': { actions: 'jobFinished' },
        'xstate.error.actor.*': { actions: 'jobFinished' },
      },
    },
  },
});
