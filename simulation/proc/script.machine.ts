/**
 * The script runner: one short-lived actor per running script (see script.ts). It sends the
 * script's packets through the network actor with itself as the reply address, waits on the lab
 * clock for the answer or the timeout, and ends with the script's return value as its output.
 *
 * Events: net.reply, net.refused (from the network). Nothing else writes to it.
 *
 * A running script is transient: its generator is kept beside the actor (`running`, by actor),
 * never in its context, so the snapshot is plain data (what it waits on, what it was answered, how
 * many packets it sent). That snapshot cannot resume the generator: a lab is restored by replaying
 * its journal, never from actor snapshots.
 */
import { assign, sendTo, setup, type AnyActorRef } from 'xstate';
import type { Message, RefuseReason } from '../net/packets';
import type { Ipv4 } from '../net/ipv4';
import type { Script, ScriptOp, ScriptResume } from './script';

export interface ScriptInput {
  /** The systemId of the device whose cable the packets leave on. */
  deviceId: string;
  /** Prefix for packet ids, unique per device and run (e.g. `pc2.7`). */
  idPrefix: string;
  start: () => Script<unknown>;
  /** What the learner ran, when this script is theirs: its packets are traced for them (see packets.ts). */
  learnerLabel?: string;
}

interface ScriptContext {
  deviceId: string;
  idPrefix: string;
  learnerLabel?: string;
  op: ScriptOp | undefined;
  resume: ScriptResume;
  output: unknown;
  finished: boolean;
  failure: string | undefined;
  sent: number;
}

type ScriptEvent =
  | { type: 'net.reply'; requestId: string; body: Message; from: Ipv4 }
  | { type: 'net.refused'; requestId: string; reason: RefuseReason; by?: Ipv4 };

/** Each running script actor's generator (transient, see above). */
const running = new WeakMap<AnyActorRef, Script<unknown>>();

function scriptOf(self: AnyActorRef): Script<unknown> {
  const script = running.get(self);
  if (!script) throw new Error('script: no running generator for this actor');
  return script;
}

/**
 * What the generator resumes with after the wait for `op` ended with `event`: the answer or the
 * refusal, a timeout when an exchange's wait ran out, nothing after a sleep (or at the start).
 */
function resumeOf(op: ScriptOp | undefined, event: { type: string }): ScriptResume {
  const e = event as ScriptEvent;
  if (e.type === 'net.reply') return { status: 'ok', body: e.body, from: e.from };
  if (e.type === 'net.refused') return { status: 'refused', reason: e.reason, by: e.by };
  return op?.op === 'exchange' ? { status: 'timeout' } : undefined;
}

/** The id of the packet sent last (`sent` counts it as soon as the step yields its exchange). */
function currentId(context: ScriptContext): string {
  return `${context.idPrefix}.${context.sent}`;
}

export const scriptMachine = setup({
  types: {
    context: {} as ScriptContext,
    events: {} as ScriptEvent,
    input: {} as ScriptInput,
  },
  actions: {
    // One assign per step: the answer the generator resumes with is read straight from the event
    // that ended the wait (a reply, a refusal, or the timeout of an exchange), and an exchange's
    // packet is counted here, so its id is known before sendPacket runs.
    step: assign(({ context, event, self }) => {
      try {
        const r = scriptOf(self).next(resumeOf(context.op, event));
        if (r.done) {
          running.delete(self);
          return { op: undefined, output: r.value, finished: true, resume: undefined };
        }
        return r.value.op === 'exchange'
          ? { op: r.value, resume: undefined, sent: context.sent + 1 }
          : { op: r.value, resume: undefined };
      } catch (e) {
        running.delete(self);
        // A script that throws is a bug in the lab, not in the learner's input: end the run and
        // carry the message so the host can show a generic error instead of crashing the lab.
        return { op: undefined, finished: true, failure: e instanceof Error ? e.message : String(e) };
      }
    }),
    sendPacket: sendTo(
      ({ system }) => system.get('network') as AnyActorRef,
      ({ context, self }) => {
        const op = context.op;
        if (!op || op.op !== 'exchange') throw new Error('sendPacket outside an exchange');
        return {
          type: 'net.send',
          packet: {
            ...op.packet,
            id: currentId(context),
            srcId: context.deviceId,
            ...(context.learnerLabel !== undefined
              ? { learnerFlow: { id: context.idPrefix, label: context.learnerLabel } }
              : {}),
          },
          replyTo: self,
        };
      },
    ),
  },
  guards: {
    finished: ({ context }) => context.finished,
    exchanging: ({ context }) => context.op?.op === 'exchange',
    ours: ({ context, event }) => event.requestId === currentId(context),
  },
  delays: {
    wait: ({ context }) => {
      const op = context.op;
      return op ? (op.op === 'exchange' ? op.timeoutMs : op.ms) : 0;
    },
  },
}).createMachine({
  id: 'script',
  context: ({ input, self }) => {
    running.set(self, input.start());
    return {
      deviceId: input.deviceId,
      idPrefix: input.idPrefix,
      learnerLabel: input.learnerLabel,
      op: undefined,
      resume: undefined,
      output: undefined,
      finished: false,
      failure: undefined,
      sent: 0,
    };
  },
  initial: 'stepping',
  states: {
    stepping: {
      entry: 'step',
      always: [
        { guard: 'finished', target: 'done' },
        { guard: 'exchanging', target: 'exchanging' },
        { target: 'sleeping' },
      ],
    },
    exchanging: {
      entry: 'sendPacket',
      on: {
        'net.reply': { guard: 'ours', target: 'stepping' },
        'net.refused': { guard: 'ours', target: 'stepping' },
      },
      after: { wait: 'stepping' },
    },
    sleeping: {
      after: { wait: 'stepping' },
    },
    done: { type: 'final' },
  },
  output: ({ context }) => ({ value: context.output, failure: context.failure }),
});

export interface ScriptOutput {
  value: unknown;
  failure: string | undefined;
}
