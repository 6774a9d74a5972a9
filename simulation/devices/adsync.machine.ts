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
 * scripts (sync/diagnostics.ts) and are answered when they finish. The actions' work is in
 * devices/adsync/ as pure handlers that return plans (answers, cycle, writeback, wizard, jobs);
 * this file is the chart and the setup that names them.
 *
 * Events: adsync.service (host: the service started or stopped), adsync.request (cmdlets),
 *         adsync.wizard (the wizard), net.deliver (relay requests, forwarded by the host),
 *         adsync.job.done (a job's script, adsync/jobScript.ts), xstate.done.actor.* (other scripts).
 * Faults that touch it: ADSync stopped, staging mode, scheduler disabled, PHS off, writeback off,
 *         outbound 443 blocked, connector account permissions, LDAP sign/encrypt off.
 */
import { assertEvent, assign, enqueueActions, sendParent, setup, type AnyActorRef } from 'xstate';
import { scriptMachine } from '../proc/script.machine';
import type { Script } from '../proc/script';
import { adsyncEvents } from '../sync/events';
import { syncCycle, type CycleResult } from '../sync/cycleScript';
import { phsPass, type PhsResult } from '../sync/phsScript';
import type { RelayOutcome } from '../sync/writebackScripts';
import { spaceSome } from '../sync/space';
import type { ConnectConfig } from '../sync/state';
import { CLOSED_WIZARD } from '../sync/wizard';
import { TIMINGS } from '../core/timings';
import { labNow } from '../core/env';
import { applyAdSyncPatch } from './backstage';
import { hostReader } from './hostView';
import { answerRequest, answerStopped } from './adsync/answers';
import { phsActive, startCycle, takeCycle, takePhs } from './adsync/cycle';
import { finishJob, jobIdOf } from './adsync/jobs';
import { JOB_DONE, jobScript } from './adsync/jobScript';
import { carryOut, outputOf, scriptInput } from './adsync/plan';
import type { AdSyncContext, AdSyncEvent, AdSyncInput, AdSyncReport } from './adsync/types';
import { wizardAction } from './adsync/wizard';
import {
  heartbeatOk,
  listening,
  relayFailed,
  relayRequest,
  relayStart,
  writebackActive,
  writebackOff,
} from './adsync/writeback';

export type { AdSyncContext, AdSyncReport } from './adsync/types';

/** No scheduled cycle can start until an event changes this (a requested one still can). */
const heldByEvent = (c: AdSyncContext) =>
  !c.state.config || !c.state.scheduler.syncCycleEnabled || c.wizard.page.page !== 'closed';

export const adsyncMachine = setup({
  types: {
    context: {} as AdSyncContext,
    events: {} as AdSyncEvent,
    input: {} as AdSyncInput,
  },
  actors: { script: scriptMachine, job: jobScript },
  actions: {
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
    startCycle: assign(({ context }) => startCycle(context, labNow(context.env))),
    takeCycle: enqueueActions(({ enqueue, context, event }) =>
      carryOut(enqueue, context, takeCycle(context, outputOf<CycleResult>(event), labNow(context.env))),
    ),
    startPhs: assign(({ context }) => ({ seq: context.seq + 1 })),
    takePhs: enqueueActions(({ enqueue, context, event }) =>
      carryOut(enqueue, context, takePhs(context, outputOf<PhsResult>(event))),
    ),
    countRelay: assign(({ context }) => ({ seq: context.seq + 1 })),
    listening: enqueueActions(({ enqueue, context }) =>
      carryOut(enqueue, context, listening(context, labNow(context.env))),
    ),
    heartbeatOk: enqueueActions(({ enqueue, context }) =>
      carryOut(enqueue, context, heartbeatOk(context, labNow(context.env))),
    ),
    relayFailed: enqueueActions(({ enqueue, context, event }) =>
      carryOut(enqueue, context, relayFailed(context, outputOf<RelayOutcome>(event))),
    ),
    writebackOff: enqueueActions(({ enqueue, context, system }) =>
      carryOut(enqueue, context, writebackOff(context, hostReader(system, context.hostId))),
    ),
    answer: enqueueActions(({ enqueue, context, event, system }) => {
      assertEvent(event, 'adsync.request');
      carryOut(
        enqueue,
        context,
        answerRequest(context, event.requestId, event.request, hostReader(system, context.hostId)),
      );
    }),
    answerStopped: enqueueActions(({ enqueue, context, event }) => {
      assertEvent(event, 'adsync.request');
      carryOut(enqueue, context, answerStopped(event.requestId));
    }),
    wizard: enqueueActions(({ enqueue, context, event, system }) => {
      assertEvent(event, 'adsync.wizard');
      carryOut(
        enqueue,
        context,
        wizardAction(context, event.action, labNow(context.env), hostReader(system, context.hostId)),
      );
    }),
    relayRequest: enqueueActions(({ enqueue, context, event, system }) => {
      assertEvent(event, 'net.deliver');
      carryOut(
        enqueue,
        context,
        relayRequest(context, event.packet, event.replyTo, hostReader(system, context.hostId)),
      );
    }),
    jobFinished: enqueueActions(({ enqueue, context, event, system }) => {
      assertEvent(event, [JOB_DONE, 'xstate.done.actor.*', 'xstate.error.actor.*']);
      // A finished script the service started leaves `children` (it stays there until it is
      // stopped): they hold only the jobs still running. The chart's invoked scripts are not jobs.
      const id = jobIdOf(event);
      if (event.type === JOB_DONE || context.jobs[id]) enqueue.stopChild(id);
      carryOut(
        enqueue,
        context,
        finishJob(context, event, labNow(context.env), hostReader(system, context.hostId)),
        () => system.get('network') as AnyActorRef,
      );
    }),
    patch: assign(({ context, event }) => {
      assertEvent(event, 'adsync.patch');
      return { state: applyAdSyncPatch(context.state, event.patch) };
    }),
  },
  guards: {
    serviceUp: ({ event }) => event.type === 'adsync.service' && event.running,
    serviceDown: ({ event }) => event.type === 'adsync.service' && !event.running,
    heldByEvent: ({ context }) => heldByEvent(context),
    jobEnded: ({ context, event }) => context.jobs[jobIdOf(event)] !== undefined,
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
    phsInterval: TIMINGS.phsInterval,
    heartbeat: TIMINGS.relayHeartbeat,
    relayRetry: TIMINGS.relayRetry,
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
    [JOB_DONE]: { actions: 'jobFinished' },
    // The chart's own scripts (the cycle, a PHS pass, a relay call) end here too, from every region
    // but their own: only a job's end has work to do (a non-job's jobFinished did nothing).
    'xstate.done.actor.*': { guard: 'jobEnded', actions: 'jobFinished' },
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
              // Due when the wait runs out: straight to the cycle (what re-entering idle then its
              // `always` did, without the wait set and cancelled between). Else, while only an
              // event can make a cycle due (the scheduler disabled, the wizard open, no
              // configuration), no wait is set again: the wait ran out at or after nextRunAt (which
              // changes only when a cycle ends), so from then on a cycle is due as soon as nothing
              // holds it, and what lifts the hold is an event (adsync.patch, adsync.wizard, a
              // request, a job finished), which re-runs the `always` above. Else wait again.
              after: {
                untilNextRun: [
                  { guard: 'dueOrRequested', target: 'cycling' },
                  { guard: 'heldByEvent' },
                  { target: 'idle', reenter: true },
                ],
              },
            },
            cycling: {
              entry: 'startCycle',
              invoke: {
                id: 'cycle',
                src: 'script',
                input: ({ context, self }) =>
                  scriptInput(context, `cycle${context.seq}`, () =>
                    syncCycle({
                      host: hostReader(self.system, context.hostId)(),
                      config: context.state.config as ConnectConfig,
                      policy: context.policy,
                      staging: context.state.scheduler.stagingMode,
                      connectorSpace: context.state.connectorSpace,
                      groupSpace: context.state.groupSpace,
                      groupsExported: context.state.groupsExported,
                      ...(context.state.adWatermark ? { watermark: context.state.adWatermark } : {}),
                      now: () => labNow(context.env),
                    }),
                  ),
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
                input: ({ context, self }) =>
                  scriptInput(
                    context,
                    `phs${context.seq}`,
                    () =>
                      phsPass({
                        host: hostReader(self.system, context.hostId)(),
                        config: context.state.config as ConnectConfig,
                        phs: context.state.phs,
                        connectorSpace: context.state.connectorSpace,
                        serverName: context.state.serverName,
                        tracking: `${context.hostId}-${context.seq}`,
                        offsetMinutes: context.offsetMinutes,
                        now: () => labNow(context.env),
                      }) as Script<unknown>,
                  ),
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
                input: ({ context, self }) =>
                  scriptInput(
                    context,
                    `relay${context.seq}`,
                    relayStart(context, hostReader(self.system, context.hostId), 'listen'),
                  ),
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
                input: ({ context, self }) =>
                  scriptInput(
                    context,
                    `relay${context.seq}`,
                    relayStart(context, hostReader(self.system, context.hostId), 'heartbeat'),
                  ),
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
