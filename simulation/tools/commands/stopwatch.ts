/**
 * Commands that run on the network as scripts: a stopwatch that adds up the lab time a running
 * script waits (timed, scripted), the host's clock that far into the command, and seeded numbers
 * that replay identically.
 */
import { hashString } from '../../core/hash';
import type { Script, ScriptOp, ScriptResume } from '../../proc/script';
import { hostTime } from '../../windows/hostState';
import type { CommandEnv, CommandOutcome, CommandResult } from './types';

export type Step<T> = Generator<ScriptOp, T, ScriptResume>;

/** How much lab time a running script has used so far (exchanges are answered without delay). */
export interface Stopwatch {
  ms: number;
}

/** Passes a script's steps through, adding up the sleeps and the timeouts it waited out. */
export function* timed<T>(sw: Stopwatch, gen: Step<T>): Step<T> {
  let step = gen.next();
  while (!step.done) {
    const op = step.value;
    const resume: ScriptResume = yield op;
    if (op.op === 'sleep') sw.ms += op.ms;
    else if (!resume || resume.status === 'timeout') sw.ms += op.timeoutMs;
    step = gen.next(resume);
  }
  return step.value;
}

/** A command that runs on the network, with a stopwatch for the lab time it takes. */
export function scripted(run: (sw: Stopwatch) => Script<CommandResult>): CommandOutcome {
  return {
    kind: 'script',
    script: () => {
      const sw: Stopwatch = { ms: 0 };
      return timed(sw, run(sw));
    },
  };
}

/** A stable number from text (ids and jitter that look random but replay identically). */
export function seeded(text: string): number {
  return parseInt(hashString(text).slice(0, 8), 16);
}

/** The host's own clock (epoch ms) this far into a running command. */
export function hostClock(env: CommandEnv, sw?: Stopwatch): number {
  return hostTime(env.host, env.now + (sw?.ms ?? 0));
}
