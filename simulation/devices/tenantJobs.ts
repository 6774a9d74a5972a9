/**
 * The tenant's network work, as scripts the tenant actor runs: texts, calls and Authenticator
 * notifications to phones (through the mobile carrier's numbers), and password writeback over the
 * Service Bus relay, each remembered as a job until its answer comes back.
 */
import type { Packet } from '../net/packets';
import type { RelayRequest, WritebackFailure } from '../net/appMessages';
import { exchange, type Script } from '../proc/script';
import type { ScriptInput } from '../proc/script.machine';
import type { TenantEffect } from '../cloud/effects';
import type { TenantState } from '../cloud/tenantState';
import { TIMINGS } from '../core/timings';

/** How long the cloud waits for the writeback client's answer over the relay. */
export const WRITEBACK_TIMEOUT = TIMINGS.writebackTimeout;

export interface CarrierEntry {
  phoneId: string;
  number: string;
  address: string;
}

export type TenantJob =
  { kind: 'writeback'; purpose: 'sspr' | 'myaccount' | 'admin'; trackingId: string } | { kind: 'notify' };

/** What planEffects needs of the tenant actor's context. */
export interface JobHost {
  tenant: TenantState;
  /** The public address the relay namespace answers at. */
  relayIp: string;
  relayHost: string;
  loginIp: string;
  carrier: CarrierEntry[];
  jobs: Record<string, TenantJob>;
  seq: number;
}

export function* relaySend(
  fromIp: string,
  host: string,
  lanIp: string,
  request: RelayRequest,
): Script<{ ok: boolean; failure?: WritebackFailure | 'timeout' }> {
  const r = yield* exchange(
    { src: fromIp, dst: lanIp, transport: 'tcp', port: 443, host, body: request },
    WRITEBACK_TIMEOUT,
  );
  if (r.status === 'ok' && r.body.kind === 'app.relay.response')
    return { ok: r.body.ok, failure: r.body.failure };
  return { ok: false, failure: 'timeout' };
}

function* notify(fromIp: string, toIp: string, body: Packet['body']): Script<boolean> {
  const r = yield* exchange(
    { src: fromIp, dst: toIp, transport: 'tcp', port: 443, body },
    TIMINGS.notifyTimeout,
  );
  return r.status === 'ok';
}

export interface Plan<T> {
  patch: Partial<T> & { jobs: Record<string, TenantJob>; seq: number };
  spawns: { id: string; start: () => Script<unknown>; learnerLabel?: string }[];
}

/** Turns effects into script children and records what each waits for. */
function planEffects<T extends JobHost>(ctx: T, effects: readonly TenantEffect[], base: Partial<T>): Plan<T> {
  let seq = ctx.seq;
  const jobs = { ...ctx.jobs };
  const spawns: Plan<T>['spawns'] = [];
  const tenant = base.tenant ?? ctx.tenant;
  for (const e of effects) {
    const id = `job-${++seq}`;
    if (e.type === 'writeback') {
      const relay = tenant.relay;
      jobs[id] = { kind: 'writeback', purpose: e.purpose, trackingId: e.request.trackingId };
      const lanIp = relay?.lanIp ?? '0.0.0.0';
      // A writeback is always something the learner did (an SSPR attempt, a change in My Account,
      // an admin reset): its relay trip is theirs to trace.
      spawns.push({
        id,
        start: () => relaySend(ctx.relayIp, ctx.relayHost, lanIp, e.request),
        learnerLabel: `${WRITEBACK_LABEL[e.purpose]} for ${e.request.upn}: password writeback`,
      });
    } else {
      const phone =
        e.type === 'push'
          ? ctx.carrier.find((c) => c.phoneId === e.phoneId)
          : ctx.carrier.find((c) => c.number.replace(/\D/g, '') === e.to.replace(/\D/g, ''));
      if (!phone) continue; // a text or call to a number no phone in the lab has goes nowhere
      jobs[id] = { kind: 'notify' };
      const body: Packet['body'] =
        e.type === 'sms'
          ? { kind: 'app.sms', from: 'Microsoft', to: e.to, text: e.text }
          : e.type === 'call'
            ? { kind: 'app.call', requestId: e.requestId, from: 'Microsoft', to: e.to, prompt: e.prompt }
            : {
                kind: 'app.push',
                requestId: e.requestId,
                account: e.account,
                number: e.number,
                appName: 'Microsoft Authenticator',
              };
      spawns.push({ id, start: () => notify(ctx.loginIp, phone.address, body) });
    }
  }
  return { patch: { ...base, jobs, seq }, spawns };
}

const WRITEBACK_LABEL = {
  sspr: 'Password reset (SSPR)',
  myaccount: 'Password change in My Account',
  admin: 'Password reset in the admin center',
} as const;

type Spawner = { spawnChild: (src: 'script', options: { id: string; input: ScriptInput }) => void };

/** Starts the scripts a plan asks for, as children of the tenant actor. */
function spawnAll(enqueue: Spawner, spawns: Plan<unknown>['spawns']): void {
  for (const sp of spawns)
    enqueue.spawnChild('script', {
      id: sp.id,
      input: {
        deviceId: 'tenant',
        idPrefix: `tenant.${sp.id}`,
        start: sp.start,
        ...(sp.learnerLabel !== undefined ? { learnerLabel: sp.learnerLabel } : {}),
      },
    });
}

/**
 * What the tenant actor does with the effects of a page's step: plans them (planEffects), records
 * the plan with `base` (the step's new tenant, flow or session) in its context and starts the scripts.
 */
export function enact<T extends JobHost>(
  enqueue: Spawner & { assign: (patch: Plan<T>['patch']) => void },
  ctx: T,
  effects: readonly TenantEffect[],
  base: Partial<T>,
): void {
  const plan = planEffects(ctx, effects, base);
  enqueue.assign(plan.patch);
  spawnAll(enqueue, plan.spawns);
}
