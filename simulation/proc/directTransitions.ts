/**
 * A machine with some of its events taken directly: `direct` gets each event first and returns the
 * next snapshot for the ones it takes, or undefined to leave the event to the machine's own chart.
 *
 * For the hot events of a lab's traffic (a packet routed, delivered, answered) that change only the
 * context of a state the actor stays in: XState spends a microstep, an eventless pass, several Sets
 * and a snapshot per enqueued action on each, where the direct path makes one context and one
 * snapshot. What `direct` returns must be what the chart would: the same snapshot when nothing
 * changed, else the snapshot before with the next context (`withContext`: status, value, children
 * unchanged). Its sends go through `scope.defer`, so they leave after the transition, in order, as a
 * machine's sendTo actions do. Everything else (resolveState, initial snapshot, other events) is the
 * chart's.
 *
 * Shapes matter here: XState's own code (every actor's send, every machine's transition) reads the
 * logic and snapshot objects of all the lab's actors, and of any other actor in the process. Were ours
 * of other shapes (hidden classes) than XState's, its property reads would turn polymorphic and slow
 * every actor down, not only ours. So the machine is a real StateMachine (`chart.provide({})`, whose
 * `transition`, an own property bound in StateMachine's constructor, is replaced: the object keeps
 * its map), and `withContext` builds the snapshot with exactly createMachineSnapshot's keys in its
 * order.
 */
import type { AnyStateMachine, EventFromLogic, SnapshotFrom } from 'xstate';

export type DirectTransition<TMachine extends AnyStateMachine> = (
  snapshot: SnapshotFrom<TMachine>,
  event: EventFromLogic<TMachine>,
  scope: Parameters<TMachine['transition']>[2],
) => SnapshotFrom<TMachine> | undefined;

/**
 * A copy of `chart` (a StateMachine like it, `chart` itself unchanged) whose transition takes
 * `direct`'s snapshots first.
 */
export function withDirectTransitions<TMachine extends AnyStateMachine>(
  chart: TMachine,
  direct: DirectTransition<TMachine>,
): TMachine {
  const machine = chart.provide({}) as TMachine;
  const own = Object.getOwnPropertyDescriptor(machine, 'transition');
  if (!own || typeof own.value !== 'function' || !own.writable)
    throw new Error('withDirectTransitions: the machine has no own transition to replace');
  const chartTransition = own.value as TMachine['transition'];
  const transition: TMachine['transition'] = (snapshot, event, scope) =>
    (snapshot.status === 'active'
      ? direct(snapshot as SnapshotFrom<TMachine>, event as EventFromLogic<TMachine>, scope)
      : undefined) ?? chartTransition(snapshot, event, scope);
  (machine as { transition: TMachine['transition'] }).transition = transition;
  return machine;
}

/**
 * The machine snapshot with another context, built as XState's createMachineSnapshot builds one: the
 * same keys in the same order, the same values (so the same hidden class as XState's snapshots).
 */
export function withContext<S extends { context: unknown }>(snapshot: S, context: S['context']): S {
  const s = snapshot as unknown as MachineSnapshotFields;
  const next: MachineSnapshotFields = {
    status: s.status,
    output: s.output,
    error: s.error,
    machine: s.machine,
    context,
    _nodes: s._nodes,
    value: s.value,
    tags: s.tags,
    children: s.children,
    historyValue: s.historyValue,
    matches: s.matches,
    hasTag: s.hasTag,
    can: s.can,
    getMeta: s.getMeta,
    toJSON: s.toJSON,
  };
  return next as unknown as S;
}

/** createMachineSnapshot's keys, in its order (xstate/dist, raise-*.js). */
interface MachineSnapshotFields {
  status: unknown;
  output: unknown;
  error: unknown;
  machine: unknown;
  context: unknown;
  _nodes: unknown;
  value: unknown;
  tags: unknown;
  children: unknown;
  historyValue: unknown;
  matches: unknown;
  hasTag: unknown;
  can: unknown;
  getMeta: unknown;
  toJSON: unknown;
}
