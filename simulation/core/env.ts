/**
 * What every actor may ask of the lab around it: the time on the lab clock. Given as input, never
 * read from the wall clock.
 *
 * Plain data: an actor's context holds only the clock's name, and `labNow` reads the clock it
 * names, so every snapshot stays data (no closure in any context). A registry rather than the
 * actor system, because XState v5 hands guards only `{ context, event }`, and the DHCP client's
 * and the ADSync scheduler's guards read the time; rather than a time stamped on every event,
 * because XState's own delayed events carry none. The clock named is the one XState's timers run
 * on (the facade gives both), so what actions read is what the scheduler keeps.
 */
export interface LabEnv {
  /** The name of the lab clock (see `labEnv`). */
  readonly clock: string;
}

/** A lab clock: what `labEnv` registers. */
export interface ClockSource {
  now(): number;
}

/** Clocks by name, held weakly: a lab that is dropped takes its clock (and its entry) with it. */
const clocks = new Map<string, WeakRef<ClockSource>>();
const forget = new FinalizationRegistry<string>((name) => clocks.delete(name));
let named = 0;

/** Registers a lab's clock and returns the data that names it, for the actors' inputs. */
export function labEnv(clock: ClockSource): LabEnv {
  named += 1;
  const name = `clock-${named}`;
  clocks.set(name, new WeakRef(clock));
  forget.register(clock, name);
  return { clock: name };
}

/** The lab time (epoch ms) on the clock `env` names. */
export function labNow(env: LabEnv): number {
  const clock = clocks.get(env.clock)?.deref();
  if (!clock) throw new Error(`labNow: no lab clock named ${env.clock}`);
  return clock.now();
}
