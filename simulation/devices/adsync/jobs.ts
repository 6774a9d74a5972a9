/**
 * A script the service started has finished: one named handler per kind of job, each returning
 * a plan (the job is dropped from the context first). Scripts that are no job (the cycle, the PHS
 * pass and the relay calls the chart invokes, a relay connection closed) change nothing here.
 */
import type { AdsyncReply } from '../../sync/requests';
import type { WritebackResult } from '../../sync/writebackScripts';
import { outputOf, type AdSyncPlan } from './plan';
import type { AdSyncContext, AdSyncEvent, HostReader, Job } from './types';
import { JOB_DONE } from './jobScript';
import { writebackDone } from './writeback';
import {
  applyWizard,
  cloudConfigured,
  configureFailed,
  credentialsChecked,
  type ConfigureOutcome,
} from './wizard';

type Finish<K extends Job['kind']> = (
  c: AdSyncContext,
  job: Extract<Job, { kind: K }>,
  event: AdSyncEvent,
  jobs: Record<string, Job>,
  now: number,
  host: HostReader,
) => AdSyncPlan;

const JOB_FINISHED: { [K in Job['kind']]: Finish<K> } = {
  request: (_, job, event) => ({
    reply: {
      requestId: job.requestId,
      reply: outputOf<AdsyncReply>(event) ?? { ok: false, error: 'failed' },
    },
  }),
  writeback: (c, job, event, _, __, host) => writebackDone(c, job, outputOf<WritebackResult>(event), host),
  wizardCheck: (c, _, event, __, now) => credentialsChecked(c, outputOf(event), now),
  wizardConfigure: (c, job, event, jobs, now) => {
    const r = outputOf<ConfigureOutcome>(event);
    return r?.ok ? cloudConfigured(c, jobs, job.effect, r, now) : configureFailed(c, r, now);
  },
  wizardFinish: (c, job, event, _, now) => {
    const r = outputOf<ConfigureOutcome>(event);
    return r?.ok ? applyWizard(c, job, now) : configureFailed(c, r, now);
  },
};

/** The child id of the script an event reports the end of. */
export const jobIdOf = (event: AdSyncEvent): string =>
  event.type === JOB_DONE ? event.id : event.type.replace(/^xstate\.(done|error)\.actor\./, '');

export function finishJob(c: AdSyncContext, event: AdSyncEvent, now: number, host: HostReader): AdSyncPlan {
  const id = jobIdOf(event);
  const job = c.jobs[id];
  if (!job) return {};
  const jobs = Object.fromEntries(Object.entries(c.jobs).filter(([k]) => k !== id));
  const plan = (JOB_FINISHED[job.kind] as Finish<Job['kind']>)(c, job, event, jobs, now, host);
  return { ...plan, patch: { jobs, ...plan.patch } };
}
