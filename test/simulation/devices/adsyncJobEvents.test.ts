/**
 * The sync engine's scripts report their end as one event type, `adsync.job.done` with the job's
 * id (adsync/jobScript.ts), not as `xstate.done.actor.<id>`: XState caches candidate transitions
 * per event type on the (module-lived) machine's state nodes, so a type per job grew that cache by
 * every job any lab ran. Requests answered by a job, resets written back and the scheduler's
 * cycles bring no event type that names a job.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AnyActorRef } from 'xstate';
import { adsyncMachine } from '../../../simulation/devices/adsync.machine';
import type { Lab } from '../../../simulation/facade/lab';
import { wait } from '../../harness';
import { out, ssprAttempt, workingLab } from '../faults/faultHarness';

const transition = adsyncMachine.transition.bind(adsyncMachine);
afterEach(() => {
  (adsyncMachine as { transition: typeof transition }).transition = transition;
});

/** The event types the sync engine takes from now on, and how many of them. */
function watchEventTypes(): Map<string, number> {
  const seen = new Map<string, number>();
  (adsyncMachine as { transition: typeof transition }).transition = (snapshot, event, scope) => {
    seen.set(event.type, (seen.get(event.type) ?? 0) + 1);
    return transition(snapshot, event, scope);
  };
  return seen;
}

function adsyncOf(lab: Lab): AnyActorRef {
  const root = (lab as unknown as { root: AnyActorRef }).root;
  return (root.system.get('sync01') as AnyActorRef).getSnapshot().children.adsync as AnyActorRef;
}

describe('ADSync jobs: one event type for every finished job', () => {
  it('requests, writebacks and cycles over lab hours bring a fixed set of event types', () => {
    const lab = workingLab();
    const seen = watchEventTypes();
    for (let i = 0; i < 3; i++) {
      expect(out(lab, 'sync01', 'Get-ADSyncAADCompanyFeature')).toMatch(/PasswordHashSync/i);
      wait(lab, '10m');
    }
    expect(ssprAttempt(lab).page).toBe('done');
    expect(ssprAttempt(lab, 'Autumn#Reset2026').page).toBe('done');
    wait(lab, '2h');

    const perJob = [...seen.keys()].filter((t) => /\d/.test(t));
    expect(perJob).toEqual([]);
    // Jobs did run and end (else this proves nothing), each reported by the one type.
    expect(seen.get('adsync.job.done') ?? 0).toBeGreaterThanOrEqual(5);
    // And each left the engine's children when it ended.
    const children = Object.keys(adsyncOf(lab).getSnapshot().children as Record<string, unknown>);
    expect(children.filter((id) => !['cycle', 'phs', 'relay'].includes(id))).toEqual([]);
  });
});
