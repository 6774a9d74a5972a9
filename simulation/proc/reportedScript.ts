/**
 * The script runner (script.machine.ts) reporting its end to its parent as one event type, with
 * the child's id (`{ type, id, output }`), rather than XState's `xstate.done.actor.<id>`. XState
 * keeps, for every state node an event reaches, its candidate transitions by event type, for as
 * long as the machine lives (the module's): with a new type per job, that grew by each job a lab
 * ever ran, and each new type was matched against the node's wildcards once more.
 *
 * The end is reported at the moment the done event was: after the step's deferred work (its wait
 * cancelled), from the step that ended it. The actor then stays (its snapshot active, its value
 * `done`, no timer left) until its parent stops it, as the parent stopped the done actor.
 */
import type { ActorLogic, AnyActorRef } from 'xstate';
import { scriptMachine, type ScriptInput, type ScriptOutput, type ScriptSnapshot } from './script.machine';

export interface ScriptDone<T extends string> {
  type: T;
  /** The child's id. */
  id: string;
  output: ScriptOutput;
}

type Scope = Parameters<typeof scriptMachine.transition>[2];

export type ReportedScript = ActorLogic<
  ScriptSnapshot,
  Parameters<typeof scriptMachine.transition>[1],
  ScriptInput
>;

/** The script runner, its end sent to its parent as `type`. */
export function reportedScript<T extends string>(type: T): ReportedScript {
  function reported(snapshot: ScriptSnapshot, scope: Scope): ScriptSnapshot {
    if (snapshot.status !== 'done') return snapshot;
    const { self } = scope;
    const parent = (self as AnyActorRef & { _parent?: AnyActorRef })._parent;
    const event: ScriptDone<T> = { type, id: self.id, output: snapshot.output as ScriptOutput };
    scope.defer(() => parent?.send(event));
    return { ...snapshot, status: 'active', output: undefined };
  }
  return {
    ...scriptMachine,
    getInitialSnapshot: (scope, input) => reported(scriptMachine.getInitialSnapshot(scope, input), scope),
    transition: (snapshot, event, scope) => {
      const next = scriptMachine.transition(snapshot, event, scope);
      return next === snapshot ? next : reported(next, scope);
    },
  };
}
