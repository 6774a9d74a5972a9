/**
 * A Windows host's script children (hostTypes' Job) that its machine (windowsHost.machine.ts)
 * starts for the learner's desktop and ADUC, and what it makes of each job's end: a console
 * command's output, a sign-in's or password change's outcome, ADUC's message box, a time sample,
 * a DNS forward's answer. Pure: the machine carries the result out.
 */
import type { NetworkEvent } from '../net/network.machine';
import type { Message } from '../net/packets';
import type { Script } from '../proc/script';
import type { ScriptOutput } from '../proc/script.machine';
import { reportedScript } from '../proc/reportedScript';
import type { CommandResult } from '../tools/commands/types';
import type { AducAction } from '../core/actionSchemas';
import { aducScript } from '../tools/aduc';
import type { Step } from '../tools/shell/console';
import { succeeded } from '../tools/shell/console';
import { pollTimeSource, type TimePoll } from '../tools/commands/time/w32timePoll';
import { TIMINGS } from '../core/timings';
import type { AducResult, HostCore } from '../windows/hostState';
import { appendConsole, applyEffects } from '../windows/hostOps';
import {
  changePasswordScript,
  signInScript,
  type ChangeOutcome,
  type SignInOutcome,
} from '../windows/signin';
import { applyChange, applySignIn, startChangingPassword, startSigningIn } from '../windows/desktop';
import { planConsole, settle, type ConsolePlan, type Enqueue, type HostRequests } from './hostConsole';
import { labNow } from '../core/env';
import type { HostMachineContext, Job } from './hostTypes';
import { hostView, splitHost } from './hostView';

/** A job to start: the host with its next id taken, the jobs with it, and the script. */
export interface JobStart {
  id: string;
  host: HostCore;
  jobs: Record<string, Job>;
  start: () => Script<unknown>;
  learnerLabel?: string;
}

export function startAducJob(context: HostMachineContext, action: AducAction): JobStart | undefined {
  if (!context.roles.directory) return undefined;
  if (Object.values(context.jobs).some((j) => j.kind === 'aduc')) return undefined;
  const id = `job-${context.host.seq + 1}`;
  const host = { ...context.host, seq: context.host.seq + 1 };
  const view = hostView(host, context.consoles);
  return {
    id,
    host,
    jobs: { ...context.jobs, [id]: { kind: 'aduc' } },
    start: () => aducScript(view, action),
  };
}

export function startSignInJob(
  context: HostMachineContext,
  user: string,
  password: string,
  now: number,
): JobStart | undefined {
  const desk = context.host.desktop;
  if (!desk || desk.busy || desk.screen !== 'signin') return undefined;
  const id = `job-${context.host.seq + 1}`;
  const view = hostView(context.host, context.consoles);
  const { host } = splitHost(startSigningIn({ ...view, seq: view.seq + 1 }, user), context.host);
  return {
    id,
    host,
    jobs: { ...context.jobs, [id]: { kind: 'signin', user } },
    start: () => signInScript(view, user, password, now),
    learnerLabel: `Sign in as ${user}`,
  };
}

export function startPasswordJob(
  context: HostMachineContext,
  event: { user: string; oldPassword: string; newPassword: string },
  now: number,
): JobStart | undefined {
  const desk = context.host.desktop;
  if (!desk || desk.busy) return undefined;
  const signedIn = desk.screen === 'desktop' && desk.session;
  // Signed in, only the signed-in user's own password; on the sign-in screen, the forced change.
  const user = signedIn ? (desk.session?.account ?? event.user) : event.user;
  const id = `job-${context.host.seq + 1}`;
  const view = hostView(context.host, context.consoles);
  const { host } = splitHost(startChangingPassword({ ...view, seq: view.seq + 1 }), context.host);
  const { oldPassword, newPassword } = event;
  return {
    id,
    host,
    jobs: { ...context.jobs, [id]: { kind: 'passwordChange', user } },
    start: () => changePasswordScript(view, user, oldPassword, newPassword, now, !signedIn),
  };
}

/** Starts a job: the host with its id taken, the job noted, its script spawned. */
export function spawnJob(enqueue: Enqueue, s: JobStart | undefined): void {
  if (!s) return;
  enqueue.assign({ host: s.host, jobs: s.jobs });
  const { id, host, start, learnerLabel } = s;
  const input = { deviceId: host.id, idPrefix: `${host.id}.${id}`, start };
  enqueue.spawnChild('script', {
    id,
    input: learnerLabel !== undefined ? { ...input, learnerLabel } : input,
  });
}

/** A host as it boots: its time service starts again from MinPollInterval (w32timePoll.ts). */
export function withFreshPollInterval(host: HostCore): HostCore {
  if (host.time.pollInterval === undefined) return host;
  const { pollInterval: _dropped, ...time } = host.time;
  return { ...host, time };
}

/** A time sample from the domain hierarchy (undefined: the Windows Time service does not poll now). */
export function startTimePollJob(context: HostMachineContext, now: number): JobStart | undefined {
  const host = context.host;
  if (host.services.W32Time?.status !== 'Running' || host.time.type === 'NoSync') return undefined;
  const id = `job-${host.seq + 1}`;
  const next = { ...host, seq: host.seq + 1 };
  return {
    id,
    host: next,
    jobs: { ...context.jobs, [id]: { kind: 'time.poll' } },
    start: () => pollTimeSource(hostView(next, context.consoles), now),
  };
}

/**
 * What the end of a job changes: the context (the job gone; for a console, the plan that goes on
 * with the rest of its line), and what the host tells the network or its time service.
 */
export interface JobEnd {
  patch: Partial<HostMachineContext>;
  plan?: ConsolePlan;
  network?: NetworkEvent;
  w32timeInMs?: number;
}

/** A host job's script reports its end as this one event type (proc/reportedScript.ts). */
export const HOST_JOB_DONE = 'host.job.done';

/** The script runner the host spawns its jobs with: each ends with HOST_JOB_DONE, and the host stops it. */
export const hostJobScript = reportedScript(HOST_JOB_DONE);

/** The job a script child's end event is about: its id, in the event or in its type. */
export function jobIdOf(event: { type: string; id?: string }): string {
  return event.type === HOST_JOB_DONE && event.id !== undefined
    ? event.id
    : event.type.replace(/^xstate\.(done|error)\.actor\./, '');
}

export function endJob(
  context: HostMachineContext,
  event: { type: string; id?: string; output?: ScriptOutput },
): JobEnd | undefined {
  if (
    event.type !== HOST_JOB_DONE &&
    !event.type.startsWith('xstate.done.actor.') &&
    !event.type.startsWith('xstate.error.actor.')
  )
    return undefined;
  const id = jobIdOf(event);
  const job = context.jobs[id];
  if (!job) return undefined;
  const jobs = Object.fromEntries(Object.entries(context.jobs).filter(([k]) => k !== id));
  const failed = event.type.startsWith('xstate.error.actor.');
  const output = 'output' in event ? event.output : undefined;
  const ok = !failed && !!output && !output.failure;
  const now = labNow(context.env);
  // The host's view, made only for the jobs that read it (a DNS forward's or ADUC's end does not).
  const view = () => hostView(context.host, context.consoles);
  switch (job.kind) {
    case 'console': {
      let host = view();
      let next: Step[] = [];
      const requests: HostRequests = { adsync: [], restart: false };
      if (!ok) {
        host = appendConsole(host, job.shell, [
          { kind: 'error', text: 'The command failed because of an internal error in the lab.' },
        ]);
      } else {
        ({ host, next } = settle(host, job.shell, job.tail, output.value as CommandResult, now, requests));
      }
      const rest = requests.restart ? [] : [...next, ...job.rest];
      const lastOk = ok && succeeded((output.value as CommandResult).lines);
      return { patch: {}, plan: planConsole(context, host, jobs, job.shell, rest, lastOk, requests) };
    }
    case 'signin': {
      const outcome: SignInOutcome = ok
        ? (output.value as SignInOutcome)
        : { ok: false, message: 'The sign-in failed because of an internal error in the lab.', events: [] };
      return { patch: { ...splitHost(applySignIn(view(), outcome, now), context.host), jobs } };
    }
    case 'passwordChange': {
      const outcome: ChangeOutcome = ok
        ? (output.value as ChangeOutcome)
        : {
            ok: false,
            message: 'The password change failed because of an internal error in the lab.',
            events: [],
          };
      return { patch: { ...splitHost(applyChange(view(), outcome, now), context.host), jobs } };
    }
    case 'aduc': {
      const result: AducResult = ok
        ? (output.value as AducResult)
        : { ok: false, message: 'The operation failed because of an internal error in the lab.' };
      const lastResult = { ...result, id: Number(id.slice(4)) };
      return { patch: { host: { ...context.host, aduc: { lastResult } }, jobs } };
    }
    case 'time.poll': {
      const poll = ok ? (output.value as TimePoll) : undefined;
      const host = poll ? splitHost(applyEffects(view(), 'cmd', poll.effects, now), context.host) : {};
      return { patch: { ...host, jobs }, w32timeInMs: poll?.nextInMs ?? TIMINGS.w32timePoll };
    }
    case 'dns.forward':
      return {
        patch: { jobs },
        ...(output && !failed
          ? {
              network: {
                type: 'net.respond' as const,
                request: job.request,
                body: output.value as Message,
                from: job.from,
                replyTo: job.replyTo,
              },
            }
          : {}),
      };
    default:
      return { patch: { jobs } };
  }
}
