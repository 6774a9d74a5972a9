/**
 * Microsoft Azure AD Sync (the ADSync service) on the Entra Connect server: a child of the sync
 * server's host actor. While the service runs, three things go on at once, each on the lab clock:
 * the sync scheduler (a cycle every 30 minutes, or when Start-ADSyncSyncCycle asks), password hash
 * sync (every 2 minutes, independent of the scheduler), and the password writeback listener (a
 * relay connection to the tenant's Service Bus namespace, with a heartbeat every 5 minutes). It
 * also answers the ADSync cmdlets and runs the Connect wizard. It writes to its host's
 * Application log through the host.
 *
 * Requests that need the network (Invoke-ADSyncDiagnostics, Get-ADSyncAADCompanyFeature) run as
 * scripts (sync/diagnostics.ts) and are answered when they finish.
 *
 * Events: adsync.service (host: the service started or stopped), adsync.request (cmdlets),
 *         adsync.wizard (the wizard), net.deliver (relay requests, forwarded by the host),
 *         xstate.done.actor.* (scripts).
 * Faults that touch it: ADSync stopped, staging mode, scheduler disabled, PHS off, writeback off,
 *         outbound 443 blocked, connector account permissions, LDAP sign/encrypt off.
 */
import { assign, enqueueActions, sendParent, setup, type AnyActorRef } from 'xstate';
import { nextGuid, type RngState } from '../core/random';
import { labNow, type LabEnv } from '../core/env';
import type { NetworkEvent } from '../net/network.machine';
import type { Packet } from '../net/packets';
import type { RelayRequest } from '../net/appMessages';
import { sleep, type Script } from '../proc/script';
import { scriptMachine, type ScriptOutput } from '../proc/script.machine';
import type { NewEvent } from '../windows/eventlog';
import type { WindowsHostContext } from '../windows/hostState';
import { writebackEvents, adsyncEvents, phsEvents } from '../sync/events';
import { cloudPhsFeature, diagnosePhs } from '../sync/diagnostics';
import { connectorViews, schedulerView, type AdsyncReply, type AdsyncRequest } from '../sync/requests';
import {
  checkCloudCredentials,
  configureCloud,
  phsPass,
  relayCall,
  syncCycle,
  writebackRequest,
  type CycleResult,
  type PhsResult,
  type RelayOutcome,
  type WritebackResult,
} from '../sync/scripts';
import { spaceSome } from '../sync/space';
import { effectiveInterval, RUN_HISTORY_LIMIT, type AdSyncState, type ConnectConfig } from '../sync/state';
import {
  CLOSED_WIZARD,
  WIZARD_TEXT,
  wizardStep,
  type WizardAction,
  type WizardEffect,
  type WizardState,
} from '../sync/wizard';
import { applyAdSyncPatch, type AdSyncPatch } from './backstage';
import { TIMINGS } from '../core/timings';

export interface AdSyncInput {
  hostId: string;
  rng: RngState;
  netbios: string;
  offsetMinutes: number;
  namespace: string;
  env: LabEnv;
  state: AdSyncState;
  running: boolean;
  readHost: () => WindowsHostContext;
}

function* pause(ms: number): Script<{ ok: true }> {
  yield* sleep(ms);
  return { ok: true };
}

type Job =
  | { kind: 'writeback'; packet: Packet; replyTo?: AnyActorRef }
  | { kind: 'wizardCheck' }
  | { kind: 'wizardConfigure'; effect: Extract<WizardEffect, { type: 'configure' }> }
  /** The cloud took the configuration; the server's own stages run on the lab clock, then it applies. */
  | {
      kind: 'wizardFinish';
      effect: Extract<WizardEffect, { type: 'configure' }>;
      syncAccount?: { user: string; password: string };
    }
  /** A cmdlet request the service answers once it has asked the cloud or the directory. */
  | { kind: 'request'; requestId: string };

export interface AdSyncContext extends AdSyncInput {
  wizard: WizardState;
  jobs: Record<string, Job>;
  seq: number;
  /** A cycle asked for by Start-ADSyncSyncCycle, to run as soon as none is running. */
  requested?: 'Delta' | 'Initial';
  /** Whether the writeback listener connected at least once since the service started. */
  wasListening: boolean;
  /** The policy of the cycle running now. */
  policy: 'Delta' | 'Initial';
}

export type AdSyncEvent =
  | { type: 'adsync.service'; running: boolean }
  | { type: 'adsync.request'; requestId: string; request: AdsyncRequest }
  | { type: 'adsync.wizard'; action: WizardAction }
  | { type: 'adsync.patch'; patch: AdSyncPatch }
  | { type: 'phs.kick' }
  | { type: 'net.deliver'; packet: Packet; replyTo?: AnyActorRef }
  | { type: `xstate.done.actor.${string}`; output: ScriptOutput }
  | { type: `xstate.error.actor.${string}`; error: unknown };

/** Sent to the host. */
export type AdSyncReport =
  { type: 'host.log'; entries: NewEvent[] } | { type: 'adsync.reply'; requestId: string; reply: AdsyncReply };

/** Runs a script and turns what it found into the cmdlet's answer. */
function* requestScript<T>(script: Script<T>, toReply: (value: T) => AdsyncReply): Script<AdsyncReply> {
  return toReply(yield* script);
}

const PHS_INTERVAL = TIMINGS.phsInterval;
const HEARTBEAT_INTERVAL = TIMINGS.relayHeartbeat;
const RELAY_RETRY = TIMINGS.relayRetry;

const phsActive = (c: AdSyncContext) =>
  !!c.state.config?.features.passwordHashSync && !c.state.scheduler.stagingMode;
const writebackActive = (c: AdSyncContext) =>
  !!c.state.config?.features.passwordWriteback && !c.state.scheduler.stagingMode;

function outputOf<T>(event: AdSyncEvent): T | undefined {
  return 'output' in event && !event.output.failure ? (event.output.value as T) : undefined;
}

function applyCycle(state: AdSyncState, r: CycleResult, now: number): AdSyncState {
  let seq = state.runSeq;
  const runs = r.runs.map((x) => ({ ...x, id: ++seq }));
  return {
    ...state,
    connectorSpace: r.connectorSpace,
    groupSpace: r.groupSpace,
    groupsExported: r.groupsExported,
    ...(r.watermark ? { adWatermark: r.watermark } : {}),
    runHistory: [...state.runHistory, ...runs].slice(-RUN_HISTORY_LIMIT),
    runSeq: seq,
    cycleInProgress: false,
    scheduler: { ...nextDue(state.scheduler, now), nextPolicy: 'Delta' },
  };
}

/** After a cycle: the next one is due an interval after this one started. */
function nextDue(s: AdSyncState['scheduler'], now: number): AdSyncState['scheduler'] {
  return { ...s, nextRunAt: (s.cycleStartedAt ?? now) + effectiveInterval(s), cycleStartedAt: undefined };
}

function applyConfigured(
  state: AdSyncState,
  effect: Extract<WizardEffect, { type: 'configure' }>,
  syncAccount: { user: string; password: string } | undefined,
): AdSyncState {
  const config = state.config as ConnectConfig;
  const draft = effect.draft;
  return {
    ...state,
    config: {
      ...config,
      ouFilter: draft.ouFilter,
      features: draft.features,
      signIn: draft.features.passwordHashSync ? 'PasswordHashSync' : config.signIn,
      syncAccount: syncAccount ?? config.syncAccount,
    },
    scheduler: {
      ...state.scheduler,
      stagingMode: draft.staging,
      // Changing what is in scope makes the next cycle an Initial one.
      nextPolicy:
        JSON.stringify(draft.ouFilter) !== JSON.stringify(config.ouFilter)
          ? 'Initial'
          : state.scheduler.nextPolicy,
    },
    // Turning writeback off and on again rebuilds the connector's password management.
    ...(draft.features.passwordWriteback !== config.features.passwordWriteback
      ? {
          config: {
            ...config,
            ouFilter: draft.ouFilter,
            features: draft.features,
            signIn: draft.features.passwordHashSync ? 'PasswordHashSync' : config.signIn,
            syncAccount: syncAccount ?? config.syncAccount,
            staleManagementAgent: false,
          },
        }
      : {}),
    // Turning PHS on starts with a full password sync.
    phs:
      draft.features.passwordHashSync && !config.features.passwordHashSync
        ? { ...state.phs, synced: {}, fullSyncDone: false }
        : state.phs,
  };
}

export const adsyncMachine = setup({
  types: {
    context: {} as AdSyncContext,
    events: {} as AdSyncEvent,
    input: {} as AdSyncInput,
  },
  actors: { script: scriptMachine },
  actions: {
    log: sendParent((_, params: { entries: NewEvent[] }): AdSyncReport => ({
      type: 'host.log',
      entries: params.entries,
    })),
    logServiceStart: sendParent((): AdSyncReport => ({
      type: 'host.log',
      entries: [adsyncEvents.serviceStarted()],
    })),
    loadEngine: assign(({ context }) => ({
      state: {
        ...context.state,
        engine: {
          ldapSignAndEncrypt: context.state.config?.ldapSignAndEncrypt ?? true,
          loadedAt: labNow(context.env),
        },
      },
    })),
    // The scheduler counts its interval from a cycle's start, so cycles do not drift by the time
    // each one takes. A cycle cut short (the service stopped) leaves the due time as it was, so
    // the service runs it when it starts again.
    startCycle: assign(({ context }) => ({
      state: {
        ...context.state,
        cycleInProgress: true,
        scheduler: { ...context.state.scheduler, cycleStartedAt: labNow(context.env) },
      },
      policy: context.requested ?? context.state.scheduler.nextPolicy,
      seq: context.seq + 1,
      requested: undefined,
    })),
    takeCycle: enqueueActions(({ enqueue, context, event }) => {
      const r = outputOf<CycleResult>(event);
      const now = labNow(context.env);
      if (!r) {
        enqueue.assign({
          state: {
            ...context.state,
            cycleInProgress: false,
            scheduler: nextDue(context.state.scheduler, now),
          },
        });
        return;
      }
      enqueue.assign({ state: applyCycle(context.state, r, now) });
      enqueue.sendParent({ type: 'host.log', entries: r.events } satisfies AdSyncReport);
      if (r.exportedToCloud && !context.state.phs.fullSyncDone) enqueue.raise({ type: 'phs.kick' });
    }),
    startPhs: assign(({ context }) => ({ seq: context.seq + 1 })),
    takePhs: enqueueActions(({ enqueue, context, event }) => {
      const r = outputOf<PhsResult>(event);
      if (!r) return;
      enqueue.assign({ state: { ...context.state, phs: r.phs } });
      if (r.events.length > 0)
        enqueue.sendParent({ type: 'host.log', entries: r.events } satisfies AdSyncReport);
    }),
    countRelay: assign(({ context }) => ({ seq: context.seq + 1 })),
    listening: enqueueActions(({ enqueue, context }) => {
      const now = labNow(context.env);
      const entries =
        context.wasListening || context.state.writeback.listener === 'failing'
          ? [writebackEvents.heartbeat(context.namespace)]
          : [writebackEvents.started(), writebackEvents.heartbeat(context.namespace)];
      if (context.state.writeback.listener === 'failing' && context.wasListening)
        entries.unshift(writebackEvents.retried(context.namespace));
      enqueue.assign({
        state: {
          ...context.state,
          writeback: {
            listener: 'listening',
            lastHeartbeatAt: now,
            since: context.state.writeback.since ?? now,
          },
        },
        wasListening: true,
      });
      enqueue.sendParent({ type: 'host.log', entries } satisfies AdSyncReport);
    }),
    heartbeatOk: enqueueActions(({ enqueue, context }) => {
      enqueue.assign({
        state: {
          ...context.state,
          writeback: {
            ...context.state.writeback,
            listener: 'listening',
            lastHeartbeatAt: labNow(context.env),
          },
        },
      });
      enqueue.sendParent({
        type: 'host.log',
        entries: [writebackEvents.heartbeat(context.namespace)],
      } satisfies AdSyncReport);
    }),
    relayFailed: enqueueActions(({ enqueue, context, event }) => {
      const [tracking, rng] = nextGuid(context.rng);
      enqueue.assign({ rng });
      const outcome = outputOf<RelayOutcome>(event);
      const reason = outcome && !outcome.ok ? outcome.reason : 'timeout';
      const first = context.state.writeback.listener !== 'failing';
      const listenerError = writebackEvents.listenerError(context.namespace, reason === 'tls');
      const entries =
        context.state.writeback.listener === 'listening'
          ? [
              // The relay connection dropped: the heartbeat fails and the listener reports why.
              writebackEvents.healthReportError(),
              listenerError,
              writebackEvents.serviceBusError(context.namespace, tracking),
              writebackEvents.unhealthy(),
            ]
          : first
            ? [
                listenerError,
                writebackEvents.serviceBusError(context.namespace, tracking),
                writebackEvents.unhealthy(),
              ]
            : [writebackEvents.serviceBusError(context.namespace, tracking)];
      enqueue.assign({
        state: { ...context.state, writeback: { ...context.state.writeback, listener: 'failing' } },
      });
      enqueue.sendParent({ type: 'host.log', entries } satisfies AdSyncReport);
    }),
    writebackOff: enqueueActions(({ enqueue, context }) => {
      if (context.state.writeback.listener === 'stopped') return;
      enqueue.assign({
        state: { ...context.state, writeback: { listener: 'stopped' } },
        wasListening: false,
      });
      enqueue.sendParent({ type: 'host.log', entries: [writebackEvents.stopped()] } satisfies AdSyncReport);
      // Close the relay connection (best effort; nothing waits for it).
      const host = context.readHost();
      const id = `close-${context.seq + 1}`;
      enqueue.assign({ seq: context.seq + 1 });
      enqueue.spawnChild('script', {
        id,
        input: {
          deviceId: context.hostId,
          idPrefix: `${context.hostId}.adsync.${id}`,
          start: () =>
            relayCall(
              host,
              context.namespace,
              context.state.config?.tenantId ?? '',
              context.state.serverName,
              'close',
            ),
        },
      });
    }),
    phsStopped: sendParent((): AdSyncReport => ({ type: 'host.log', entries: [phsEvents.stopped()] })),
    answer: enqueueActions(({ enqueue, context, event }) => {
      if (event.type !== 'adsync.request') return;
      const reply = (r: AdsyncReply) =>
        enqueue.sendParent({
          type: 'adsync.reply',
          requestId: event.requestId,
          reply: r,
        } satisfies AdSyncReport);
      const req = event.request;
      const config = context.state.config;
      if (!config && req.op !== 'getScheduler' && req.op !== 'status')
        return reply({ ok: false, error: 'not-configured' });
      switch (req.op) {
        case 'status':
          return reply({ ok: true, done: true });
        case 'getScheduler':
          return reply({
            ok: true,
            scheduler: schedulerView(context.state, context.wizard.page.page !== 'closed'),
          });
        case 'setScheduler': {
          const s = context.state.scheduler;
          enqueue.assign({
            state: {
              ...context.state,
              scheduler: {
                ...s,
                syncCycleEnabled: req.syncCycleEnabled ?? s.syncCycleEnabled,
                customizedInterval: req.customizedInterval ?? s.customizedInterval,
                nextPolicy: req.nextPolicy ?? s.nextPolicy,
                maintenanceEnabled: req.maintenanceEnabled ?? s.maintenanceEnabled,
                purgeRunHistoryInterval: req.purgeRunHistoryInterval ?? s.purgeRunHistoryInterval,
              },
            },
          });
          return reply({ ok: true, done: true });
        }
        case 'startCycle':
          if (context.state.cycleInProgress || context.requested)
            return reply({ ok: false, error: 'busy', connector: config?.aadConnector });
          enqueue.assign({ requested: req.policy });
          return reply({ ok: true, started: req.policy });
        case 'getConnectors':
          return reply({ ok: true, connectors: connectorViews(config as ConnectConfig) });
        case 'getPhsConfig': {
          const c = config as ConnectConfig;
          if (req.sourceConnector && req.sourceConnector.toLowerCase() !== c.adConnector.toLowerCase())
            return reply({ ok: false, error: 'no-such-connector', connector: req.sourceConnector });
          return reply({
            ok: true,
            phs: [{ source: c.adConnector, target: c.aadConnector, enabled: c.features.passwordHashSync }],
          });
        }
        case 'setPhsConfig': {
          const c = config as ConnectConfig;
          if (req.sourceConnector.toLowerCase() !== c.adConnector.toLowerCase())
            return reply({ ok: false, error: 'no-such-connector', connector: req.sourceConnector });
          enqueue.assign({
            state: {
              ...context.state,
              config: { ...c, features: { ...c.features, passwordHashSync: req.enable } },
            },
          });
          return reply({ ok: true, done: true });
        }
        case 'getRunStatus':
          return reply({
            ok: true,
            runStatus: context.state.cycleInProgress
              ? { connector: (config as ConnectConfig).aadConnector, state: 'Busy' }
              : undefined,
          });
        case 'getRunHistory':
          return reply({
            ok: true,
            runs: context.state.runHistory.slice(-req.count),
            connectorIds: Object.fromEntries(
              connectorViews(config as ConnectConfig).map((c) => [c.name, c.identifier]),
            ),
          });
        case 'getConnectorAccount': {
          const c = config as ConnectConfig;
          return reply({
            ok: true,
            account: { name: c.connectorAccount.user, domain: c.forest, connector: c.adConnector },
          });
        }
        case 'diagnosePhs':
        case 'getCompanyFeature': {
          const id = `request-${context.seq + 1}`;
          const host = context.readHost();
          const c = config as ConnectConfig;
          const serverName = context.state.serverName;
          const start =
            req.op === 'diagnosePhs'
              ? () =>
                  requestScript(
                    diagnosePhs({
                      host,
                      config: c,
                      stagingMode: context.state.scheduler.stagingMode,
                      netbios: context.netbios,
                      serverName,
                      bind: req.bind,
                    }),
                    (diagnostics): AdsyncReply => ({ ok: true, diagnostics }),
                  )
              : () =>
                  requestScript(cloudPhsFeature(host, serverName), (r): AdsyncReply =>
                    r.ok
                      ? { ok: true, companyFeature: { passwordHashSync: r.passwordHashSync } }
                      : { ok: false, error: 'cloud-unreachable', detail: r.detail },
                  );
          enqueue.assign({
            seq: context.seq + 1,
            jobs: { ...context.jobs, [id]: { kind: 'request', requestId: event.requestId } },
          });
          enqueue.spawnChild('script', {
            id,
            input: {
              deviceId: context.hostId,
              idPrefix: `${context.hostId}.adsync.${id}`,
              start: start as () => Script<unknown>,
            },
          });
          return;
        }
      }
    }),
    answerStopped: enqueueActions(({ enqueue, event }) => {
      if (event.type !== 'adsync.request') return;
      enqueue.sendParent({
        type: 'adsync.reply',
        requestId: event.requestId,
        reply: { ok: false, error: 'service-stopped' },
      } satisfies AdSyncReport);
    }),
    wizard: enqueueActions(({ enqueue, context, event }) => {
      if (event.type !== 'adsync.wizard') return;
      const r = wizardStep(
        context.wizard,
        event.action,
        context.state.config,
        context.state.scheduler.stagingMode,
        labNow(context.env),
      );
      enqueue.assign({ wizard: r.wizard });
      let seq = context.seq;
      const jobs = { ...context.jobs };
      const host = context.readHost();
      for (const e of r.effects) {
        const id = `wizard-${++seq}`;
        if (e.type === 'checkCredentials') {
          jobs[id] = { kind: 'wizardCheck' };
          enqueue.spawnChild('script', {
            id,
            input: {
              deviceId: context.hostId,
              idPrefix: `${context.hostId}.adsync.${id}`,
              start: () => checkCloudCredentials(host, e.credentials),
            },
          });
        } else {
          jobs[id] = { kind: 'wizardConfigure', effect: e };
          const draftConfig: ConnectConfig = {
            ...(context.state.config as ConnectConfig),
            ouFilter: e.draft.ouFilter,
            features: e.draft.features,
          };
          enqueue.spawnChild('script', {
            id,
            input: {
              deviceId: context.hostId,
              idPrefix: `${context.hostId}.adsync.${id}`,
              start: () => configureCloud(host, e.credentials, context.state.serverName, draftConfig),
            },
          });
        }
      }
      enqueue.assign({ jobs, seq });
    }),
    relayRequest: enqueueActions(({ enqueue, context, event }) => {
      if (event.type !== 'net.deliver' || event.packet.body.kind !== 'app.relay.request') return;
      const config = context.state.config;
      if (!config || context.state.writeback.listener !== 'listening') return;
      const id = `wb-${context.seq + 1}`;
      const host = context.readHost();
      const req = event.packet.body as RelayRequest;
      enqueue.assign({
        seq: context.seq + 1,
        jobs: { ...context.jobs, [id]: { kind: 'writeback', packet: event.packet, replyTo: event.replyTo } },
      });
      enqueue.spawnChild('script', {
        id,
        input: {
          deviceId: context.hostId,
          idPrefix: `${context.hostId}.adsync.${id}`,
          start: () =>
            writebackRequest(
              host,
              config,
              context.state.connectorSpace,
              req,
              context.netbios,
              context.state.engine?.ldapSignAndEncrypt ?? config.ldapSignAndEncrypt,
            ),
        },
      });
    }),
    jobFinished: enqueueActions(({ enqueue, context, event, system }) => {
      if (!event.type.startsWith('xstate.done.actor.') && !event.type.startsWith('xstate.error.actor.'))
        return;
      const id = event.type.replace(/^xstate\.(done|error)\.actor\./, '');
      const job = context.jobs[id];
      if (!job) return;
      const jobs = Object.fromEntries(Object.entries(context.jobs).filter(([k]) => k !== id));
      enqueue.assign({ jobs });
      if (job.kind === 'request') {
        enqueue.sendParent({
          type: 'adsync.reply',
          requestId: job.requestId,
          reply: outputOf<AdsyncReply>(event) ?? { ok: false, error: 'failed' },
        } satisfies AdSyncReport);
        return;
      }
      if (job.kind === 'writeback') {
        const r = outputOf<WritebackResult>(event);
        if (!r) return;
        enqueue.sendParent({ type: 'host.log', entries: r.events } satisfies AdSyncReport);
        const host = context.readHost();
        const from = host.nic.static?.ip ?? host.nic.lease?.ip ?? job.packet.dst;
        enqueue.sendTo(system.get('network') as AnyActorRef, {
          type: 'net.respond',
          request: job.packet,
          body: r.response,
          from,
          replyTo: job.replyTo,
        } satisfies NetworkEvent);
        return;
      }
      if (job.kind === 'wizardCheck') {
        const r = outputOf<'ok' | 'invalid' | 'unreachable'>(event) ?? 'unreachable';
        const w = wizardStep(
          context.wizard,
          { type: 'credentialsChecked', result: r },
          context.state.config,
          context.state.scheduler.stagingMode,
          labNow(context.env),
        );
        enqueue.assign({ wizard: w.wizard });
        return;
      }
      const r = outputOf<{ ok: boolean; syncAccount?: { user: string; password: string }; error?: string }>(
        event,
      );
      if (!r?.ok) {
        const w = wizardStep(
          context.wizard,
          { type: 'configured', ok: false, message: r?.error ?? WIZARD_TEXT.unreachable },
          context.state.config,
          context.state.scheduler.stagingMode,
          labNow(context.env),
        );
        enqueue.assign({ wizard: w.wizard });
        return;
      }
      if (job.kind === 'wizardConfigure') {
        const w = wizardStep(
          context.wizard,
          { type: 'cloudConfigured' },
          context.state.config,
          context.state.scheduler.stagingMode,
          labNow(context.env),
        );
        const next = `wizard-${context.seq + 1}`;
        const ms = job.effect.localMs;
        enqueue.assign({
          wizard: w.wizard,
          seq: context.seq + 1,
          jobs: { ...jobs, [next]: { kind: 'wizardFinish', effect: job.effect, syncAccount: r.syncAccount } },
        });
        enqueue.spawnChild('script', {
          id: next,
          input: {
            deviceId: context.hostId,
            idPrefix: `${context.hostId}.adsync.${next}`,
            start: () => pause(ms),
          },
        });
        return;
      }
      const before = context.state.config as ConnectConfig;
      const state = applyConfigured(context.state, job.effect, job.syncAccount);
      const after = state.config as ConnectConfig;
      const entries: NewEvent[] = [];
      if (after.features.passwordWriteback && !before.features.passwordWriteback) {
        entries.push(
          writebackEvents.onboardingStart(),
          writebackEvents.authToken(),
          writebackEvents.keyPair(),
          writebackEvents.onboardingSuccess(),
        );
      }
      if (!after.features.passwordWriteback && before.features.passwordWriteback)
        entries.push(writebackEvents.offboardingStart(), writebackEvents.offboardingSuccess());
      if (after.features.passwordHashSync && !before.features.passwordHashSync)
        entries.push(phsEvents.started());
      const message = state.scheduler.stagingMode
        ? WIZARD_TEXT.stagingOn
        : job.effect.draft.startSync
          ? WIZARD_TEXT.success
          : WIZARD_TEXT.successNoSync;
      const w = wizardStep(
        context.wizard,
        { type: 'configured', ok: true, message },
        after,
        state.scheduler.stagingMode,
        labNow(context.env),
      );
      enqueue.assign({
        state,
        wizard: w.wizard,
        requested: job.effect.draft.startSync
          ? state.scheduler.nextPolicy === 'Initial'
            ? 'Initial'
            : 'Delta'
          : context.requested,
      });
      if (entries.length > 0) enqueue.sendParent({ type: 'host.log', entries } satisfies AdSyncReport);
    }),
    closeWizard: assign({ wizard: CLOSED_WIZARD }),
    patch: assign(({ context, event }) =>
      event.type === 'adsync.patch' ? { state: applyAdSyncPatch(context.state, event.patch) } : {},
    ),
  },
  guards: {
    serviceUp: ({ event }) => event.type === 'adsync.service' && event.running,
    serviceDown: ({ event }) => event.type === 'adsync.service' && !event.running,
    dueOrRequested: ({ context }) =>
      !!context.state.config &&
      (!!context.requested ||
        (context.state.scheduler.syncCycleEnabled &&
          context.wizard.page.page === 'closed' &&
          labNow(context.env) >= context.state.scheduler.nextRunAt)),
    phsActive: ({ context }) => phsActive(context),
    writebackActive: ({ context }) => writebackActive(context),
    writebackInactive: ({ context }) => !writebackActive(context),
    ok: ({ event }) => outputOf<RelayOutcome>(event)?.ok === true,
    phsPausedButReady: ({ context, event }) =>
      outputOf<PhsResult>(event)?.paused === true &&
      spaceSome(context.state.connectorSpace, (e) => e.exportedAt !== undefined),
  },
  delays: {
    untilNextRun: ({ context }) => Math.max(1000, context.state.scheduler.nextRunAt - labNow(context.env)),
    phsInterval: PHS_INTERVAL,
    heartbeat: HEARTBEAT_INTERVAL,
    relayRetry: RELAY_RETRY,
  },
}).createMachine({
  id: 'adsync',
  context: ({ input }) => ({
    ...input,
    wizard: CLOSED_WIZARD,
    jobs: {},
    seq: 0,
    wasListening: false,
    policy: 'Delta' as const,
  }),
  on: {
    'adsync.wizard': { actions: 'wizard' },
    'adsync.patch': { actions: 'patch' },
    'xstate.done.actor.*': { actions: 'jobFinished' },
    'xstate.error.actor.*': { actions: 'jobFinished' },
  },
  initial: 'boot',
  states: {
    // Waits for its host to be on the network, which tells it whether the service runs.
    boot: {
      on: {
        'adsync.service': [{ guard: 'serviceUp', target: 'running' }, { target: 'stopped' }],
      },
    },
    stopped: {
      on: {
        'adsync.service': { guard: 'serviceUp', target: 'running' },
        'adsync.request': { actions: 'answerStopped' },
      },
    },
    running: {
      type: 'parallel',
      entry: ['loadEngine', 'logServiceStart'],
      on: {
        'adsync.service': { guard: 'serviceDown', target: 'stopped' },
        'adsync.request': { actions: 'answer' },
        'net.deliver': { actions: 'relayRequest' },
      },
      states: {
        scheduler: {
          initial: 'idle',
          states: {
            idle: {
              // Eventless: re-checked after every event, so a request or a closed wizard starts a cycle at once.
              always: { guard: 'dueOrRequested', target: 'cycling' },
              after: { untilNextRun: { target: 'idle', reenter: true } },
            },
            cycling: {
              entry: 'startCycle',
              invoke: {
                id: 'cycle',
                src: 'script',
                input: ({ context }) => ({
                  deviceId: context.hostId,
                  idPrefix: `${context.hostId}.adsync.cycle${context.seq}`,
                  start: () =>
                    syncCycle({
                      host: context.readHost(),
                      config: context.state.config as ConnectConfig,
                      policy: context.policy,
                      staging: context.state.scheduler.stagingMode,
                      connectorSpace: context.state.connectorSpace,
                      groupSpace: context.state.groupSpace,
                      groupsExported: context.state.groupsExported,
                      ...(context.state.adWatermark ? { watermark: context.state.adWatermark } : {}),
                      now: () => labNow(context.env),
                    }),
                }),
                onDone: { target: 'idle', actions: 'takeCycle' },
                onError: { target: 'idle', actions: 'takeCycle' },
              },
            },
          },
        },
        phs: {
          initial: 'waiting',
          states: {
            waiting: {
              always: { guard: 'phsActive', target: 'syncing' },
            },
            syncing: {
              entry: 'startPhs',
              invoke: {
                id: 'phs',
                src: 'script',
                input: ({ context }) => ({
                  deviceId: context.hostId,
                  idPrefix: `${context.hostId}.adsync.phs${context.seq}`,
                  start: () =>
                    phsPass({
                      host: context.readHost(),
                      config: context.state.config as ConnectConfig,
                      phs: context.state.phs,
                      connectorSpace: context.state.connectorSpace,
                      serverName: context.state.serverName,
                      tracking: `${context.hostId}-${context.seq}`,
                      offsetMinutes: context.offsetMinutes,
                      now: () => labNow(context.env),
                    }) as Script<unknown>,
                }),
                onDone: [
                  // Paused for want of a directory sync, and one has finished meanwhile: go again now.
                  { guard: 'phsPausedButReady', target: 'waiting', actions: 'takePhs' },
                  { target: 'resting', actions: 'takePhs' },
                ],
                onError: { target: 'resting' },
              },
            },
            resting: {
              after: { phsInterval: 'waiting' },
              // The first password sync follows the first directory sync at once.
              on: { 'phs.kick': { target: 'waiting' } },
            },
          },
        },
        writeback: {
          initial: 'off',
          exit: 'writebackOff',
          states: {
            off: {
              entry: 'writebackOff',
              always: { guard: 'writebackActive', target: 'connecting' },
            },
            connecting: {
              entry: 'countRelay',
              invoke: {
                id: 'relay',
                src: 'script',
                input: ({ context }) => ({
                  deviceId: context.hostId,
                  idPrefix: `${context.hostId}.adsync.relay${context.seq}`,
                  start: () =>
                    relayCall(
                      context.readHost(),
                      context.namespace,
                      context.state.config?.tenantId ?? '',
                      context.state.serverName,
                      'listen',
                    ) as Script<unknown>,
                }),
                onDone: [
                  { guard: 'ok', target: 'listening', actions: 'listening' },
                  { target: 'failing', actions: 'relayFailed' },
                ],
                onError: { target: 'failing', actions: 'relayFailed' },
              },
            },
            listening: {
              always: { guard: 'writebackInactive', target: 'off' },
              after: { heartbeat: 'heartbeat' },
            },
            heartbeat: {
              entry: 'countRelay',
              invoke: {
                id: 'relay',
                src: 'script',
                input: ({ context }) => ({
                  deviceId: context.hostId,
                  idPrefix: `${context.hostId}.adsync.relay${context.seq}`,
                  start: () =>
                    relayCall(
                      context.readHost(),
                      context.namespace,
                      context.state.config?.tenantId ?? '',
                      context.state.serverName,
                      'heartbeat',
                    ) as Script<unknown>,
                }),
                onDone: [
                  { guard: 'ok', target: 'listening', actions: 'heartbeatOk' },
                  { target: 'failing', actions: 'relayFailed' },
                ],
                onError: { target: 'failing', actions: 'relayFailed' },
              },
            },
            failing: {
              always: { guard: 'writebackInactive', target: 'off' },
              after: { relayRetry: 'connecting' },
            },
          },
        },
      },
    },
  },
});
