/**
 * The faults an instructor scheduled for a lab time, as delayed events on the lab's clock: each
 * `fault.at` becomes a delayed `fault.due` the clock's own timer delivers, which the actor emits for
 * the facade to put the fault in place. Run it on the clock's late lane (lateLane below), so a fault
 * goes in after what the devices do at that instant, as an advance that stopped there would have it.
 * Faults scheduled on a trigger (triggers.ts) are not here: they wait for what the learner does.
 *
 * Events: fault.at (arm, replacing an earlier time for the same fault), fault.cancel, fault.due
 * (delayed, to itself). Emits: fault.due.
 */
import { cancel, emit, enqueueActions, setup } from 'xstate';
import type { LabClock } from '../core/clock';

export type FaultSchedulerEvent =
  | { type: 'fault.at'; fault: string; delay: number }
  | { type: 'fault.cancel'; fault: string }
  | { type: 'fault.due'; fault: string };

/** The delayed event's id: one timer per fault. */
const timerId = (fault: string): string => `due.${fault}`;

export const faultSchedulerMachine = setup({
  types: {
    events: {} as FaultSchedulerEvent,
    emitted: {} as { type: 'fault.due'; fault: string },
  },
}).createMachine({
  id: 'faultScheduler',
  on: {
    'fault.at': {
      actions: enqueueActions(({ enqueue, event }) => {
        const id = timerId(event.fault);
        enqueue.cancel(id);
        enqueue.raise({ type: 'fault.due', fault: event.fault }, { delay: event.delay, id });
      }),
    },
    'fault.cancel': { actions: cancel(({ event }) => timerId(event.fault)) },
    'fault.due': { actions: emit(({ event }) => ({ type: 'fault.due' as const, fault: event.fault })) },
  },
});

/** The clock an actor's delayed events use when they belong on the lab clock's late lane. */
export function lateLane(clock: LabClock): {
  setTimeout: (fn: (...args: unknown[]) => void, ms: number) => number;
  clearTimeout: (id: unknown) => void;
} {
  return {
    setTimeout: (fn, ms) => clock.setLateTimeout(() => fn(), ms),
    clearTimeout: (id) => clock.clearTimeout(id),
  };
}
