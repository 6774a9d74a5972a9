/**
 * The script runner: one short-lived actor per running script (see script.ts). It sends the
 * script's packets through the network actor with itself as the reply address, waits on the lab
 * clock for the answer or the timeout, and ends with the script's return value as its output.
 *
 * Events: net.reply, net.refused (from the network). Nothing else writes to it.
 *
 * States (the snapshot's `value`): exchanging (a packet sent, waiting for its answer or the
 * timeout), sleeping, done. Between them the runner steps the script's generator once.
 *
 * It is written as plain XState actor logic rather than a state machine: a lab day runs hundreds
 * of scripts' steps, and a machine spent an eventless microstep and several snapshots on each. It
 * does what the machine did, in the same order: on an answer or a timeout it cancels the wait's
 * timer, steps the generator, then sends the next packet and sets the next timer on the lab clock
 * (XState's scheduler, so the timers fire exactly as a machine's `after` did).
 *
 * A running script is transient: its generator is kept beside the actor (`running`, by actor),
 * never in its context, so the snapshot is plain data (what it waits on, what it was answered, how
 * many packets it sent). That snapshot cannot resume the generator: a lab is restored by replaying
 * its journal, never from actor snapshots.
 */
import type { ActorLogic, ActorScope, AnyActorRef, Snapshot } from 'xstate';
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
  /** What the generator was last resumed with: consumed by the step it resumes, so undefined at rest. */
  resume: ScriptResume;
  output: unknown;
  finished: boolean;
  failure: string | undefined;
  sent: number;
}

export interface ScriptOutput {
  value: unknown;
  failure: string | undefined;
}

type ScriptEvent =
  | { type: 'net.reply'; requestId: string; body: Message; from: Ipv4 }
  | { type: 'net.refused'; requestId: string; reason: RefuseReason; by?: Ipv4 };

type ScriptValue = 'exchanging' | 'sleeping' | 'done';

export type ScriptSnapshot = Snapshot<ScriptOutput> & { value: ScriptValue; context: ScriptContext };

type Scope = ActorScope<ScriptSnapshot, ScriptEvent>;

/** The events the lab clock sends when a wait runs out (the names a machine's `after` gave them). */
const TIMEOUT: Record<'exchanging' | 'sleeping', string> = {
  exchanging: 'xstate.after.wait.script.exchanging',
  sleeping: 'xstate.after.wait.script.sleeping',
};

/** Each running script actor's generator (transient, see above). */
const running = new WeakMap<AnyActorRef, Script<unknown>>();

function scriptOf(self: AnyActorRef): Script<unknown> {
  const script = running.get(self);
  if (!script) throw new Error('script: no running generator for this actor');
  return script;
}

/** The id of the packet sent last (`sent` counts it as soon as the step yields its exchange). */
function currentId(context: ScriptContext): string {
  return `${context.idPrefix}.${context.sent}`;
}

/** Resumes the generator with `resume` (the answer to its last op): its next op, or its end. */
function step(context: ScriptContext, resume: ScriptResume, self: AnyActorRef): ScriptContext {
  try {
    const r = scriptOf(self).next(resume);
    if (r.done) {
      running.delete(self);
      return { ...context, op: undefined, output: r.value, finished: true, resume: undefined };
    }
    return r.value.op === 'exchange'
      ? { ...context, op: r.value, resume: undefined, sent: context.sent + 1 }
      : { ...context, op: r.value, resume: undefined };
  } catch (e) {
    running.delete(self);
    // A script that throws is a bug in the lab, not in the learner's input: end the run and
    // carry the message so the host can show a generic error instead of crashing the lab.
    return { ...context, op: undefined, finished: true, failure: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * After a step: the snapshot of the state the script's next op puts it in, with that state's
 * work deferred until the step is taken (the wait left cancelled, the packet sent, then the timer
 * set), as a machine leaving one state and entering the next would. One deferred call does it all,
 * in that order: nothing else is deferred between them.
 */
function enter(context: ScriptContext, scope: Scope, left?: string): ScriptSnapshot {
  const { self, system } = scope;
  const op = context.op;
  if (context.finished || !op) {
    if (left !== undefined) scope.defer(() => system.scheduler.cancel(self, left));
    return {
      status: 'done',
      value: 'done',
      context,
      output: { value: context.output, failure: context.failure },
      error: undefined,
    };
  }
  const value = op.op === 'exchange' ? 'exchanging' : 'sleeping';
  let network: AnyActorRef | undefined;
  let event: { type: 'net.send'; packet: object; replyTo: AnyActorRef } | undefined;
  if (op.op === 'exchange') {
    // No network (a rig without one): the packet comes back to the runner, which ignores it, as
    // sendTo did with a target that was not there.
    network = (system.get('network') as AnyActorRef | undefined) ?? (self as AnyActorRef);
    event = {
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
  }
  const timeout = { type: TIMEOUT[value] };
  const delay = op.op === 'exchange' ? op.timeoutMs : op.ms;
  scope.defer(() => {
    if (left !== undefined) system.scheduler.cancel(self, left);
    if (network && event) network.send(event);
    system.scheduler.schedule(self, self, timeout, delay, timeout.type);
  });
  return { status: 'active', value, context, output: undefined, error: undefined };
}

/** Leaves the state the script waits in (its timer cancelled), steps it with `resume`, and enters the next. */
function advance(snapshot: ScriptSnapshot, resume: ScriptResume, scope: Scope): ScriptSnapshot {
  const left = TIMEOUT[snapshot.value as 'exchanging' | 'sleeping'];
  return enter(step(snapshot.context, resume, scope.self), scope, left);
}

export const scriptMachine: ActorLogic<ScriptSnapshot, ScriptEvent, ScriptInput> = {
  getInitialSnapshot: (scope, input) => {
    running.set(scope.self, input.start());
    const context: ScriptContext = {
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
    return enter(step(context, undefined, scope.self), scope);
  },
  transition: (snapshot, event, scope) => {
    if (snapshot.status !== 'active') return snapshot;
    const e = event as ScriptEvent | { type: string };
    // Stopped with its host (or the lab): the clock's timers go with the actor.
    if (e.type === 'xstate.stop') return { ...snapshot, status: 'stopped' } as ScriptSnapshot;
    if (snapshot.value === 'exchanging') {
      const { context } = snapshot;
      if ('requestId' in e && e.requestId === currentId(context)) {
        if (e.type === 'net.reply')
          return advance(snapshot, { status: 'ok', body: e.body, from: e.from }, scope);
        if (e.type === 'net.refused')
          return advance(snapshot, { status: 'refused', reason: e.reason, by: e.by }, scope);
      }
      if (e.type === TIMEOUT.exchanging) return advance(snapshot, { status: 'timeout' }, scope);
    } else if (snapshot.value === 'sleeping' && e.type === TIMEOUT.sleeping) {
      return advance(snapshot, undefined, scope);
    }
    return snapshot;
  },
  getPersistedSnapshot: (snapshot) => snapshot,
};
