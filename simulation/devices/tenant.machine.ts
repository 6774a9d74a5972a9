/**
 * The Microsoft Entra ID tenant ("Everestitt") and the cloud endpoints it answers at: sign-in and
 * the password reset service, the synchronisation service, and the tenant's Service Bus relay
 * namespace. It holds the tenant's state (cloud/tenantState.ts) and the pages a learner has open
 * in a browser: the SSPR portal, My Account / Security info, and the admin center. Their logic
 * is pure (cloud/*.ts); this actor carries out what they ask over the network — SMS and
 * Authenticator notifications to the phone, and password writeback through the relay.
 *
 * Events: net.deliver (network); portal.sspr, portal.myaccount, portal.admin (lab commands);
 *         xstate.done.actor.job-* (scripts).
 * Faults that touch it: SSPR scope, licences, methods policy, writeback off in the portal, admin
 *         SSPR off, throttling.
 */
import { assertEvent, assign, enqueueActions, setup, type AnyActorRef } from 'xstate';
import type { LabDefinition } from '../core/definition';
import { labNow, type LabEnv } from '../core/env';
import type { NetworkEvent } from '../net/network.machine';
import type { Packet } from '../net/packets';
import type { WritebackFailure } from '../net/appMessages';
import { scriptMachine, type ScriptOutput } from '../proc/script.machine';
import {
  adminResetResult,
  adminStep,
  notify as addNotification,
  type AdminNotice,
  type AdminNotification,
} from '../cloud/adminPortal';
import { CLOSED_FLOW, ssprStep, type SsprFlow } from '../cloud/ssprFlow';
import { initialTenant } from '../cloud/tenantInit';
import { serveTenant, type TenantServe } from '../cloud/tenantServe';
import type { TenantState } from '../cloud/tenantState';
import { withContext, withDirectTransitions } from '../proc/directTransitions';
import { CLOSED_PORTAL, portalStep, type PortalSession } from '../cloud/userPortal';
import { endpointEvent, publicAttach, serveEndpoint } from './endpoint';
import { enact, type CarrierEntry, type JobHost } from './tenantJobs';

export type { CarrierEntry } from './tenantJobs';
import { applyTenantOp } from './backstage';
import type { LabCommandEvent } from './labCommands';

/** The tenant actor's context: what its jobs need (JobHost), its pages' flows and its endpoints. */
export interface TenantMachineContext extends JobHost {
  sspr: SsprFlow;
  portal: PortalSession;
  admin: {
    notice?: AdminNotice;
    /** The admin center's notifications flyout. */
    notifications: AdminNotification[];
    pendingResets: Record<string, { userId: string; password: string; forceChange: boolean }>;
  };
  env: LabEnv;
  addresses: string[];
  ports: Record<string, number[]>;
}

export interface TenantInput {
  definition: LabDefinition;
  seed: number;
  env: LabEnv;
  carrier: CarrierEntry[];
}

/** The lab commands the tenant takes; each event's type is inferred from the command's declaration (labCommands.ts). */
export type TenantCommandEvent = LabCommandEvent<
  'portal.sspr' | 'portal.myaccount' | 'portal.admin' | 'backstage.tenant'
>;

export type TenantEvent =
  | TenantCommandEvent
  | { type: 'net.deliver'; packet: Packet; replyTo?: AnyActorRef }
  | { type: `xstate.done.actor.${string}`; output: ScriptOutput }
  | { type: `xstate.error.actor.${string}`; error: unknown };

type Delivered = Extract<TenantEvent, { type: 'net.deliver' }>;

/**
 * The tenant's answer to a packet that asks nothing of its pages or jobs: a service's reply (with
 * the tenant it leaves), or how its endpoints answer ping and TCP. Undefined for the packets that
 * do (a phone's answer, an Authenticator registration): the chart's serve takes those.
 */
function plainAnswer(
  context: TenantMachineContext,
  { packet, replyTo }: Delivered,
  r: TenantServe,
): { tenant: TenantState; told?: NetworkEvent } | undefined {
  if (r.kind === 'reply')
    return {
      tenant: r.tenant,
      told: { type: 'net.respond', request: packet, body: r.body, from: packet.dst, replyTo },
    };
  if (r.kind !== 'none') return undefined;
  return {
    tenant: context.tenant,
    told: endpointEvent(serveEndpoint(context.ports[packet.dst] ?? [], packet, undefined), packet, replyTo),
  };
}

const tenantChart = setup({
  types: {
    context: {} as TenantMachineContext,
    events: {} as TenantEvent,
    input: {} as TenantInput,
  },
  actors: { script: scriptMachine },
  actions: {
    attach: enqueueActions(({ enqueue, context, system }) => {
      enqueue.sendTo(system.get('network') as AnyActorRef, publicAttach('tenant', context.addresses));
    }),
    serve: enqueueActions(({ enqueue, context, event, system }) => {
      assertEvent(event, 'net.deliver');
      const { packet, replyTo } = event;
      const net = system.get('network') as AnyActorRef;
      const now = labNow(context.env);
      const r = serveTenant(context.tenant, packet, now);
      const plain = plainAnswer(context, event, r);
      if (plain) {
        if (r.kind === 'reply') enqueue.assign({ tenant: plain.tenant });
        if (plain.told) enqueue.sendTo(net, plain.told);
        return;
      }
      const ack = () =>
        enqueue.sendTo(net, {
          type: 'net.respond',
          request: packet,
          body: { kind: 'app.delivered' },
          from: packet.dst,
          replyTo,
        } satisfies NetworkEvent);
      if (r.kind === 'pushAnswer' || r.kind === 'callAnswer') {
        ack();
        // The phone's answer goes to whichever page is waiting for it: the SSPR page or Security info.
        const s =
          r.kind === 'pushAnswer'
            ? ssprStep(
                context.tenant,
                context.sspr,
                { type: 'pushAnswer', requestId: r.requestId, approved: r.approved, number: r.number },
                now,
              )
            : { tenant: context.tenant, flow: context.sspr, effects: [] };
        const p = portalStep(
          s.tenant,
          context.portal,
          r.kind === 'pushAnswer'
            ? { type: 'pushAnswer', requestId: r.requestId, approved: r.approved, number: r.number }
            : { type: 'callAnswered', requestId: r.requestId, keys: r.keys },
          now,
        );
        enact(enqueue, context, [...s.effects, ...p.effects], {
          tenant: p.tenant,
          sspr: s.flow,
          portal: p.session,
        });
        return;
      }
      if (r.kind === 'authenticatorRegister') {
        const p = portalStep(
          context.tenant,
          context.portal,
          {
            type: 'authenticatorRegistered',
            activationCode: r.activationCode,
            phoneId: r.phoneId,
            device: r.device,
          },
          now,
        );
        enqueue.sendTo(net, {
          type: 'net.respond',
          request: packet,
          body: {
            kind: 'app.authenticator.registered',
            ok: !!p.registered,
            account: p.registered?.account,
            secret: p.registered?.secret,
            tenant: context.tenant.name,
          },
          from: packet.dst,
          replyTo,
        } satisfies NetworkEvent);
        enact(enqueue, context, p.effects, { tenant: p.tenant, portal: p.session });
        return;
      }
    }),
    ssprAction: enqueueActions(({ enqueue, context, event }) => {
      assertEvent(event, 'portal.sspr');
      const r = ssprStep(context.tenant, context.sspr, event.action, labNow(context.env));
      enact(enqueue, context, r.effects, { tenant: r.tenant, sspr: r.flow });
    }),
    portalAction: enqueueActions(({ enqueue, context, event }) => {
      assertEvent(event, 'portal.myaccount');
      const r = portalStep(context.tenant, context.portal, event.action, labNow(context.env));
      enact(enqueue, context, r.effects, { tenant: r.tenant, portal: r.session });
    }),
    adminAction: enqueueActions(({ enqueue, context, event }) => {
      assertEvent(event, 'portal.admin');
      const r = adminStep(context.tenant, event.action, labNow(context.env));
      const pendingResets = r.pendingReset
        ? { ...context.admin.pendingResets, [r.pendingReset.trackingId]: r.pendingReset }
        : context.admin.pendingResets;
      enact(enqueue, context, r.effects, {
        tenant: r.tenant,
        admin: {
          notice: r.notice,
          notifications: addNotification(
            context.admin.notifications,
            event.action.type,
            r.notice,
            labNow(context.env),
          ),
          pendingResets,
        },
      });
    }),
    jobFinished: enqueueActions(({ enqueue, context, event }) => {
      assertEvent(event, ['xstate.done.actor.*', 'xstate.error.actor.*']);
      const id = event.type.replace(/^xstate\.(done|error)\.actor\./, '');
      const job = context.jobs[id];
      if (!job) return;
      // The finished script leaves `children` (XState keeps a done child there until it is stopped,
      // and copies the record on every spawn): it holds only the jobs still running.
      enqueue.stopChild(id);
      const jobs = Object.fromEntries(Object.entries(context.jobs).filter(([k]) => k !== id));
      const now = labNow(context.env);
      if (job.kind !== 'writeback') {
        enqueue.assign({ jobs });
        return;
      }
      const out = 'output' in event ? event.output : undefined;
      const value = (out && !out.failure ? out.value : { ok: false, failure: 'unknown' }) as {
        ok: boolean;
        failure?: WritebackFailure | 'timeout';
      };
      const action = { type: 'writebackResult' as const, ok: value.ok, failure: value.failure };
      if (job.purpose === 'sspr') {
        const r = ssprStep(context.tenant, context.sspr, action, now);
        enqueue.assign({ tenant: r.tenant, sspr: r.flow, jobs });
      } else if (job.purpose === 'myaccount') {
        const r = portalStep(context.tenant, context.portal, action, now);
        enqueue.assign({ tenant: r.tenant, portal: r.session, jobs });
      } else {
        const pending = context.admin.pendingResets[job.trackingId];
        const pendingResets = Object.fromEntries(
          Object.entries(context.admin.pendingResets).filter(([k]) => k !== job.trackingId),
        );
        if (!pending) {
          enqueue.assign({ jobs, admin: { ...context.admin, pendingResets } });
          return;
        }
        const r = adminResetResult(context.tenant, pending, value.ok, value.failure, now);
        enqueue.assign({
          tenant: r.tenant,
          jobs,
          admin: {
            notice: r.notice,
            notifications: addNotification(context.admin.notifications, 'user.resetPassword', r.notice, now),
            pendingResets,
          },
        });
      }
    }),
    backstage: assign(({ context, event }) => {
      assertEvent(event, 'backstage.tenant');
      return { tenant: applyTenantOp(context.tenant, event.op, labNow(context.env)) };
    }),
  },
}).createMachine({
  id: 'tenant',
  context: ({ input }) => {
    const def = input.definition;
    const mine = def.internet.endpoints.filter((e) => e.owner === 'tenant');
    const relay = mine.find((e) => e.names.some((n) => n.endsWith('.servicebus.windows.net')));
    const login = mine.find((e) => e.names.includes('login.microsoftonline.com')) ?? mine[0];
    return {
      tenant: initialTenant(def, input.seed, labNow(input.env)),
      sspr: CLOSED_FLOW,
      portal: CLOSED_PORTAL,
      admin: { pendingResets: {}, notifications: [] },
      env: input.env,
      addresses: mine.map((e) => e.ip),
      ports: Object.fromEntries(mine.map((e) => [e.ip, e.ports])),
      relayIp: relay?.ip ?? '0.0.0.0',
      relayHost: relay?.names[0] ?? '',
      loginIp: login?.ip ?? '0.0.0.0',
      carrier: input.carrier,
      jobs: {},
      seq: 0,
    };
  },
  entry: 'attach',
  on: {
    'net.deliver': { actions: 'serve' },
    'portal.sspr': { actions: 'ssprAction' },
    'portal.myaccount': { actions: 'portalAction' },
    'portal.admin': { actions: 'adminAction' },
    'backstage.tenant': { actions: 'backstage' },
    'xstate.done.actor.*': { actions: 'jobFinished' },
    'xstate.error.actor.*': { actions: 'jobFinished' },
  },
});

/**
 * The tenant actor's logic: the packets its services answer without its pages or jobs (a sync
 * cycle's import and export, sign-in checks, ping and TCP) taken directly (directTransitions.ts),
 * as its chart's serve would take them; everything else is the chart's.
 */
export const tenantMachine = withDirectTransitions(tenantChart, (snapshot, event, scope) => {
  if (event.type !== 'net.deliver') return undefined;
  const network = scope.system.get('network') as AnyActorRef | undefined;
  if (!network) return undefined;
  const { context } = snapshot;
  const plain = plainAnswer(context, event, serveTenant(context.tenant, event.packet, labNow(context.env)));
  if (!plain) return undefined;
  const told = plain.told;
  if (told) scope.defer(() => network.send(told));
  return plain.tenant === context.tenant
    ? snapshot
    : withContext(snapshot, { ...context, tenant: plain.tenant });
});
