/**
 * The poll timer of a member's Windows Time service: it waits on the lab clock and then tells its
 * host `time.poll`; the host takes a sample from the time source (the DC, for a domain member) and
 * answers `time.next` with the wait before the next poll (the adapted poll interval after a good
 * sample, 1024 s to 32768 s; NtpClient's backoff after a failed one). The sampling itself runs as a script on the host.
 *
 * Events: time.next (host). Sends: time.poll (to the host).
 * Faults that touch it: none directly; a stopped W32Time or Type NoSync makes the host skip polls.
 */
import { assign, sendParent, setup } from 'xstate';

export interface W32TimeTimerInput {
  /** The wait before the first poll. */
  firstInMs: number;
}

export type W32TimeTimerEvent = { type: 'time.next'; inMs: number };

/** Sent to the host. */
export type W32TimeTimerReport = { type: 'time.poll' };

export const w32timeTimerMachine = setup({
  types: {
    input: {} as W32TimeTimerInput,
    context: {} as { inMs: number },
    events: {} as W32TimeTimerEvent,
  },
  actions: {
    poll: sendParent({ type: 'time.poll' } satisfies W32TimeTimerReport),
    takeNext: assign(({ event }) => ({ inMs: Math.max(1, event.inMs) })),
  },
  delays: { wait: ({ context }) => context.inMs },
}).createMachine({
  id: 'w32timeTimer',
  context: ({ input }) => ({ inMs: input.firstInMs }),
  initial: 'waiting',
  states: {
    waiting: { after: { wait: { target: 'polling', actions: 'poll' } } },
    polling: { on: { 'time.next': { target: 'waiting', actions: 'takeNext' } } },
  },
});
