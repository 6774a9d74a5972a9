/**
 * A user's mobile phone on the mobile network: its SMS inbox, and the Microsoft Authenticator app
 * (accounts added by scanning Security info's QR code, their 30-second codes, and sign-in
 * notifications to approve with number matching). It receives only what the cloud really sends
 * it, and only while it is switched on.
 *
 * It also rings for verification calls: the user answers and presses a key (or declines).
 *
 * Events: net.deliver (network); phone.power, phone.scan, phone.respond, phone.call (lab commands);
 *         xstate.done.actor.job-* (scripts).
 */
import { assertEvent, assign, enqueueActions, setup, type AnyActorRef } from 'xstate';
import type { PhoneDefinition } from '../core/definition';
import { labNow, type LabEnv } from '../core/env';
import type { NetworkEvent } from '../net/network.machine';
import type { LabCommandEvent } from './labCommands';
import type { Packet } from '../net/packets';
import { exchange, type Script } from '../proc/script';
import { scriptMachine, type ScriptOutput } from '../proc/script.machine';
import { TIMINGS } from '../core/timings';

export interface SmsEntry {
  from: string;
  text: string;
  at: number;
}

export interface AuthenticatorAccount {
  account: string;
  tenant: string;
  /** Truth only: the shared secret; the app shows codes derived from it. */
  secret: number;
  addedAt: number;
}

export interface PendingNotification {
  requestId: string;
  account: string;
  number?: number;
  at: number;
}

export interface IncomingCall {
  requestId: string;
  from: string;
  /** What the voice says once the call is answered. */
  prompt: string;
  at: number;
}

export interface PhoneContext {
  id: string;
  owner: string;
  label: string;
  number: string;
  model: string;
  address: string;
  powered: boolean;
  sms: SmsEntry[];
  authenticator: { accounts: AuthenticatorAccount[]; pending: PendingNotification[]; lastError?: string };
  /** Calls ringing now. */
  calls: IncomingCall[];
  env: LabEnv;
  loginIp: string;
  jobs: Record<string, 'scan' | 'respond' | 'call'>;
  seq: number;
}

export type PhoneEvent =
  | { type: 'net.deliver'; packet: Packet; replyTo?: AnyActorRef }
  /** The lab's phone commands (declared in labCommands.ts). */
  | LabCommandEvent<'phone.power' | 'phone.scan' | 'phone.respond' | 'phone.call'>
  | { type: `xstate.done.actor.${string}`; output: ScriptOutput }
  | { type: `xstate.error.actor.${string}`; error: unknown };

/** The phone's context once a job's script has finished: the job gone, a scanned account added. */
function jobFinished(
  context: PhoneContext,
  event: PhoneEvent,
  id: string,
  kind: PhoneContext['jobs'][string] | undefined,
): Partial<PhoneContext> {
  const jobs = Object.fromEntries(Object.entries(context.jobs).filter(([k]) => k !== id));
  if (kind !== 'scan') return { jobs };
  const out =
    'output' in event
      ? (event.output.value as { account?: string; tenant?: string; secret?: number } | undefined)
      : undefined;
  if (!out?.account || out.secret === undefined) {
    return {
      jobs,
      authenticator: {
        ...context.authenticator,
        lastError: "This QR code can't be used to add an account. Make sure it is current and try again.",
      },
    };
  }
  const accounts = [
    ...context.authenticator.accounts.filter((a) => a.account !== out.account),
    { account: out.account, tenant: out.tenant ?? '', secret: out.secret, addedAt: labNow(context.env) },
  ];
  return { jobs, authenticator: { ...context.authenticator, accounts } };
}

const SMS_LIMIT = 200;

function* register(
  from: string,
  loginIp: string,
  phoneId: string,
  model: string,
  activationCode: string,
): Script<{ account?: string; tenant?: string; secret?: number }> {
  const r = yield* exchange(
    {
      src: from,
      dst: loginIp,
      transport: 'tcp',
      port: 443,
      host: 'mobileappcommunicator.auth.microsoft.net',
      body: { kind: 'app.authenticator.register', activationCode, phoneId, device: model },
    },
    TIMINGS.phoneServiceTimeout,
  );
  if (r.status === 'ok' && r.body.kind === 'app.authenticator.registered' && r.body.ok)
    return { account: r.body.account, tenant: r.body.tenant, secret: r.body.secret };
  return {};
}

function* answer(
  from: string,
  loginIp: string,
  requestId: string,
  approved: boolean,
  number: number | undefined,
): Script<boolean> {
  const r = yield* exchange(
    {
      src: from,
      dst: loginIp,
      transport: 'tcp',
      port: 443,
      body: { kind: 'app.push.answer', requestId, approved, number },
    },
    TIMINGS.phoneServiceTimeout,
  );
  return r.status === 'ok';
}

function* answerCall(from: string, loginIp: string, requestId: string, keys: string): Script<boolean> {
  const r = yield* exchange(
    {
      src: from,
      dst: loginIp,
      transport: 'tcp',
      port: 443,
      body: { kind: 'app.call.answer', requestId, keys },
    },
    TIMINGS.phoneServiceTimeout,
  );
  return r.status === 'ok';
}

export const phoneMachine = setup({
  types: {
    context: {} as PhoneContext,
    events: {} as PhoneEvent,
    input: {} as {
      phone: PhoneDefinition;
      address: string;
      env: LabEnv;
      loginIp: string;
      accounts: AuthenticatorAccount[];
    },
  },
  actors: { script: scriptMachine },
  actions: {
    attach: enqueueActions(({ enqueue, context, system }) => {
      enqueue.sendTo(system.get('network') as AnyActorRef, {
        type: 'net.attach',
        id: context.id,
        nic: {
          segment: 'cellular',
          addresses: [{ ip: context.address, mask: '255.255.255.255' }],
          cableConnected: true,
          powered: context.powered,
        },
      } satisfies NetworkEvent);
    }),
    setPower: assign(({ event }) => (event.type === 'phone.power' ? { powered: event.on } : {})),
    tellNetwork: enqueueActions(({ enqueue, context, system }) => {
      enqueue.sendTo(system.get('network') as AnyActorRef, {
        type: 'net.power',
        id: context.id,
        powered: context.powered,
      } satisfies NetworkEvent);
    }),
    receive: enqueueActions(({ enqueue, context, event, system }) => {
      assertEvent(event, 'net.deliver');
      if (!context.powered) return;
      const { packet, replyTo } = event;
      const body = packet.body;
      const now = labNow(context.env);
      if (body.kind === 'app.sms') {
        const sms = [...context.sms, { from: body.from, text: body.text, at: now }].slice(-SMS_LIMIT);
        enqueue.assign({ sms });
      } else if (body.kind === 'app.call') {
        enqueue.assign({
          calls: [
            ...context.calls,
            { requestId: body.requestId, from: body.from, prompt: body.prompt, at: now },
          ],
        });
      } else if (body.kind === 'app.push') {
        enqueue.assign({
          authenticator: {
            ...context.authenticator,
            pending: [
              ...context.authenticator.pending,
              { requestId: body.requestId, account: body.account, number: body.number, at: now },
            ],
          },
        });
      } else {
        return;
      }
      enqueue.sendTo(system.get('network') as AnyActorRef, {
        type: 'net.respond',
        request: packet,
        body: { kind: 'app.delivered' },
        from: context.address,
        replyTo,
      } satisfies NetworkEvent);
    }),
    scan: enqueueActions(({ enqueue, context, event }) => {
      assertEvent(event, 'phone.scan');
      if (!context.powered) return;
      const id = `job-${context.seq + 1}`;
      enqueue.assign({
        seq: context.seq + 1,
        jobs: { ...context.jobs, [id]: 'scan' },
        authenticator: { ...context.authenticator, lastError: undefined },
      });
      const { address, loginIp, id: phoneId, model } = context;
      const code = event.activationCode.replace(/\s/g, '');
      enqueue.spawnChild('script', {
        id,
        input: {
          deviceId: context.id,
          idPrefix: `${context.id}.${id}`,
          start: () => register(address, loginIp, phoneId, model, code),
        },
      });
    }),
    respond: enqueueActions(({ enqueue, context, event }) => {
      assertEvent(event, 'phone.respond');
      if (!context.powered) return;
      const pending = context.authenticator.pending.find((p) => p.requestId === event.requestId);
      if (!pending) return;
      const id = `job-${context.seq + 1}`;
      enqueue.assign({
        seq: context.seq + 1,
        jobs: { ...context.jobs, [id]: 'respond' },
        authenticator: {
          ...context.authenticator,
          pending: context.authenticator.pending.filter((p) => p.requestId !== event.requestId),
        },
      });
      const { address, loginIp } = context;
      const { requestId, approve, number } = event;
      enqueue.spawnChild('script', {
        id,
        input: {
          deviceId: context.id,
          idPrefix: `${context.id}.${id}`,
          start: () => answer(address, loginIp, requestId, approve, number),
        },
      });
    }),
    call: enqueueActions(({ enqueue, context, event }) => {
      assertEvent(event, 'phone.call');
      if (!context.powered) return;
      if (!context.calls.some((c) => c.requestId === event.requestId)) return;
      const id = `job-${context.seq + 1}`;
      enqueue.assign({
        seq: context.seq + 1,
        jobs: { ...context.jobs, [id]: 'call' },
        calls: context.calls.filter((c) => c.requestId !== event.requestId),
      });
      const { address, loginIp } = context;
      const { requestId } = event;
      const keys = event.answer ? (event.keys ?? '') : '';
      enqueue.spawnChild('script', {
        id,
        input: {
          deviceId: context.id,
          idPrefix: `${context.id}.${id}`,
          start: () => answerCall(address, loginIp, requestId, keys),
        },
      });
    }),
    jobFinished: enqueueActions(({ enqueue, context, event }) => {
      if (!event.type.startsWith('xstate.done.actor.') && !event.type.startsWith('xstate.error.actor.'))
        return;
      const id = event.type.replace(/^xstate\.(done|error)\.actor\./, '');
      const kind = context.jobs[id];
      // The finished script leaves `children` (XState keeps a done child there until it is stopped,
      // and copies the record on every spawn): it holds only the jobs still running.
      if (kind) enqueue.stopChild(id);
      enqueue.assign(jobFinished(context, event, id, kind));
    }),
  },
}).createMachine({
  id: 'phone',
  context: ({ input }) => ({
    ...input.phone,
    address: input.address,
    powered: true,
    sms: [],
    authenticator: { accounts: input.accounts, pending: [] },
    calls: [],
    env: input.env,
    loginIp: input.loginIp,
    jobs: {},
    seq: 0,
  }),
  entry: 'attach',
  on: {
    'net.deliver': { actions: 'receive' },
    'phone.power': { actions: ['setPower', 'tellNetwork'] },
    'phone.scan': { actions: 'scan' },
    'phone.respond': { actions: 'respond' },
    'phone.call': { actions: 'call' },
    'xstate.done.actor.*': { actions: 'jobFinished' },
    'xstate.error.actor.*': { actions: 'jobFinished' },
  },
});
