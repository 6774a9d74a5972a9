/**
 * A job's script (a request answered, a reset written back, a wizard step): the script runner
 * (proc/script.machine.ts), reporting its end to the service as one event type, `adsync.job.done`
 * with the job's id, rather than XState's `xstate.done.actor.<id>`. XState keeps, for every state
 * node an event reaches, its candidate transitions by event type, for as long as the machine
 * lives (the module's): with a new type per job, that grew by each job a lab ever ran.
 *
 * The runner's end is reported at the moment the done event was: after the step's deferred work
 * (its wait cancelled), from the step that ended it. The actor then stays (its snapshot active,
 * its value `done`, no timer left) until the service stops it, as it stopped the done actor.
 */
import type { ActorLogic, AnyActorRef } from 'xstate';
import {
  scriptMachine,
  type ScriptInput,
  type ScriptOutput,
  type ScriptSnapshot,
} from '../../proc/script.machine';

export const JOB_DONE = 'adsync.job.done';

export interface JobDone {
  type: typeof JOB_DONE;
  /** The job's child id. */
  id: string;
  output: ScriptOutput;
}

type Scope = Parameters<typeof scriptMachine.transition>[2];

function reported(snapshot: ScriptSnapshot, scope: Scope): ScriptSnapshot {
  if (snapshot.status !== 'done') return snapshot;
  const { self } = scope;
  const parent = (self as AnyActorRef & { _parent?: AnyActorRef })._parent;
  const event: JobDone = { type: JOB_DONE, id: self.id, output: snapshot.output as ScriptOutput };
  scope.defer(() => parent?.send(event));
  return { ...snapshot, status: 'active', output: undefined };
}

export const jobScript: ActorLogic<
  ScriptSnapshot,
  Parameters<typeof scriptMachine.transition>[1],
  ScriptInput
> = {
  ...scriptMachine,
  getInitialSnapshot: (scope, input) => reported(scriptMachine.getInitialSnapshot(scope, input), scope),
  transition: (snapshot, event, scope) => {
    const next = scriptMachine.transition(snapshot, event, scope);
    return next === snapshot ? next : reported(next, scope);
  },
};
