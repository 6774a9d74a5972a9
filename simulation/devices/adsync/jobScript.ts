/**
 * A job's script (a request answered, a reset written back, a wizard step): the script runner
 * reporting its end to the service as one event type, `adsync.job.done` with the job's id, rather
 * than XState's `xstate.done.actor.<id>` (proc/reportedScript.ts says why and when). The service
 * then stops it.
 */
import { reportedScript, type ScriptDone } from '../../proc/reportedScript';

export const JOB_DONE = 'adsync.job.done';

export type JobDone = ScriptDone<typeof JOB_DONE>;

export const jobScript = reportedScript(JOB_DONE);
