/**
 * A machine with some of its events taken directly: `direct` gets each event first and returns the
 * next snapshot for the ones it takes, or undefined to leave the event to the machine's own chart.
 *
 * For the hot events of a lab's traffic (a packet routed, delivered, answered) that change only the
 * context of a state the actor stays in: XState spends a microstep, an eventless pass, several Sets
 * and a snapshot per enqueued action on each, where the direct path makes one context and one
 * snapshot. What `direct` returns must be what the chart would: the same snapshot when nothing
 * changed, else the snapshot before with the next context (status, value, children unchanged). Its
 * sends go through `scope.defer`, so they leave after the transition, in order, as a machine's
 * sendTo actions do. Everything else (resolveState, initial snapshot, other events) is the chart's.
 */
import type { AnyStateMachine, EventFromLogic, SnapshotFrom } from 'xstate';

export type DirectTransition<TMachine extends AnyStateMachine> = (
  snapshot: SnapshotFrom<TMachine>,
  event: EventFromLogic<TMachine>,
  scope: Parameters<TMachine['transition']>[2],
) => SnapshotFrom<TMachine> | undefined;

export function withDirectTransitions<TMachine extends AnyStateMachine>(
  chart: TMachine,
  direct: DirectTransition<TMachine>,
): TMachine {
  const transition: TMachine['transition'] = (snapshot, event, scope) =>
    (snapshot.status === 'active'
      ? direct(snapshot as SnapshotFrom<TMachine>, event as EventFromLogic<TMachine>, scope)
      : undefined) ?? chart.transition(snapshot, event, scope);
  return Object.create(chart, { transition: { value: transition } }) as TMachine;
}
