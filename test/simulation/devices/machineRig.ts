/**
 * A rig for machine-level tests: one device machine run on XState's SimulatedClock, under a tiny
 * parent that records what the device sends it (sendParent) and beside a stub network actor
 * registered as systemId 'network' (what every device looks up) that records what it is sent and
 * answers through a test's own handler. Tests drive the device with events and read its snapshot:
 * state value and context, as the lab would see them.
 */
import {
  assign,
  createActor,
  fromCallback,
  fromTransition,
  setup,
  SimulatedClock,
  type AnyActorRef,
  type AnyEventObject,
  type AnyActorLogic,
  type EventObject,
  type SnapshotFrom,
} from 'xstate';
import { labEnv, type LabEnv } from '../../../simulation/core/env';

export type Sent = EventObject & Record<string, unknown>;

/** What the stub network does with one event sent to it (answer through `replyTo`, or nothing). */
export type NetworkStub = (event: Sent) => void;

export interface Rig<TMachine extends AnyActorLogic> {
  clock: SimulatedClock;
  env: LabEnv;
  /** Everything the device (and its children) sent the network, in order. */
  net: Sent[];
  /** Everything each stub device (options.devices) was sent, by systemId. */
  got: Record<string, Sent[]>;
  /** Everything the device sent its parent, in order. */
  parent: Sent[];
  /** The device under test. */
  ref(): AnyActorRef;
  /** A stub (the network or one of options.devices), e.g. as the replyTo of a packet sent by hand. */
  stub(id: string): AnyActorRef;
  snap(): SnapshotFrom<TMachine>;
  send(event: AnyEventObject): void;
  /** Moves the clock on by `ms`, in steps of at most `step` ms (timers set while firing start from then). */
  advance(ms: number, step?: number): void;
  stop(): void;
}

/** Monday, March 2, 2026 8:00 AM UTC: the default lab's start. */
export const LAB_START = Date.UTC(2026, 2, 2, 8, 0, 0);

/**
 * Starts `machine` as the child 'dut' (registered as `systemId`) with the input built from the
 * rig's env. The network stub is spawned first, as the lab root spawns the real network first.
 */
export function rig<TMachine extends AnyActorLogic>(
  machine: TMachine,
  makeInput: (env: LabEnv) => unknown,
  options: {
    systemId?: string;
    network?: NetworkStub;
    /** Stub devices to register beside it, by systemId (for a network under test to deliver to). */
    devices?: Record<string, NetworkStub | undefined>;
    /** Actors registered beside it whose snapshot's context is given (a host the device reads through the system). */
    contexts?: Record<string, unknown>;
    start?: number;
  } = {},
): Rig<TMachine> {
  const clock = new SimulatedClock();
  clock.set(options.start ?? LAB_START);
  const env: LabEnv = labEnv(clock);
  const parent: Sent[] = [];
  const systemId = options.systemId ?? 'dut';
  const stubs: Record<string, NetworkStub | undefined> = {
    ...(systemId === 'network' ? {} : { network: options.network }),
    ...options.devices,
  };
  const got: Record<string, Sent[]> = Object.fromEntries(Object.keys(stubs).map((id) => [id, []]));
  const net = got.network ?? [];
  const stub = fromCallback<EventObject, string>(({ receive, input: id }) => {
    receive((event) => {
      got[id]?.push(event as Sent);
      stubs[id]?.(event as Sent);
    });
  });
  const input = makeInput(env);
  const held = fromTransition(
    (context: unknown) => context,
    ({ input: context }: { input: unknown }) => context,
  );
  const root = createActor(
    setup({ actors: { stub, held, dut: machine as AnyActorLogic } }).createMachine({
      // Spawned in one assign, as the lab root spawns its topology.
      entry: assign(({ spawn }) => {
        for (const id of Object.keys(stubs)) spawn('stub', { id, systemId: id, input: id });
        for (const [id, context] of Object.entries(options.contexts ?? {}))
          spawn('held', { id, systemId: id, input: context });
        spawn('dut', { id: 'dut', systemId, input: input as never });
        return {};
      }),
      on: { '*': { actions: ({ event }) => void parent.push(event as Sent) } },
    }),
    { clock },
  );
  root.start();
  const ref = () => root.getSnapshot().children.dut as AnyActorRef;
  return {
    clock,
    env,
    net,
    got,
    parent,
    ref,
    stub: (id) => root.getSnapshot().children[id] as AnyActorRef,
    snap: () => ref().getSnapshot() as SnapshotFrom<TMachine>,
    send: (event) => ref().send(event),
    advance(ms, step = ms) {
      let left = ms;
      while (left > 0) {
        const d = Math.min(step, left);
        clock.increment(d);
        left -= d;
      }
    },
    stop: () => root.stop(),
  };
}

/** The events of one type the device sent, in order. */
export function ofType(events: Sent[], type: string): Sent[] {
  return events.filter((e) => e.type === type);
}
