/**
 * What an ADSync action does, as data: its handlers (answers.ts, cycle.ts, writeback.ts,
 * wizardJobs.ts) are pure and return a plan; the machine's actions carry it out with `carryOut`,
 * always in the same order: the context first, then the log, the reply, the network, the scripts
 * started, and last the password sync kicked.
 */
import type { AnyActorRef } from 'xstate';
import type { NetworkEvent } from '../../net/network.machine';
import type { Script } from '../../proc/script';
import type { ScriptInput } from '../../proc/script.machine';
import type { NewEvent } from '../../windows/eventlog';
import type { AdsyncReply } from '../../sync/requests';
import type { AdSyncContext, AdSyncEvent, AdSyncReport } from './types';

export interface AdSyncPlan {
  patch?: Partial<AdSyncContext>;
  /** Entries for the host's Application log. */
  log?: NewEvent[];
  reply?: { requestId: string; reply: AdsyncReply };
  /** Sent to the lab's network. */
  network?: NetworkEvent;
  /**
   * Scripts started as children, by id (the id names them under the host: `<host>.adsync.<id>`):
   * each ends with `adsync.job.done` (jobScript.ts), and the service then stops it.
   */
  spawn?: { id: string; start: () => Script<unknown> }[];
  /** The first password sync follows the first directory sync at once. */
  kickPhs?: boolean;
}

/** The part of XState's `enqueue` a plan needs. */
interface Enqueue {
  assign: (patch: Partial<AdSyncContext>) => void;
  sendParent: (event: AdSyncReport) => void;
  sendTo: (to: AnyActorRef, event: NetworkEvent) => void;
  spawnChild: (src: 'job', options: { id: string; input: ScriptInput }) => void;
  raise: (event: { type: 'phs.kick' }) => void;
}

/** The script input for a child named `id` (its packets are numbered under the host's name). */
export function scriptInput(context: AdSyncContext, id: string, start: () => Script<unknown>): ScriptInput {
  return { deviceId: context.hostId, idPrefix: `${context.hostId}.adsync.${id}`, start };
}

export function carryOut(
  enqueue: Enqueue,
  context: AdSyncContext,
  plan: AdSyncPlan,
  network?: () => AnyActorRef,
): void {
  if (plan.patch) enqueue.assign(plan.patch);
  if (plan.log) enqueue.sendParent({ type: 'host.log', entries: plan.log });
  if (plan.reply) enqueue.sendParent({ type: 'adsync.reply', ...plan.reply });
  if (plan.network && network) enqueue.sendTo(network(), plan.network);
  for (const s of plan.spawn ?? [])
    enqueue.spawnChild('job', { id: s.id, input: scriptInput(context, s.id, s.start) });
  if (plan.kickPhs) enqueue.raise({ type: 'phs.kick' });
}

/** What a finished script returned (undefined when it failed or is not a script's event). */
export function outputOf<T>(event: AdSyncEvent): T | undefined {
  return 'output' in event && !event.output.failure ? (event.output.value as T) : undefined;
}
