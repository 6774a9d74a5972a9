/**
 * The console interpreter of a Windows host: runs a console's steps in order until one has to wait
 * (a script on the network, the ADSync service, the DHCP client), as a pure plan over the host's
 * state (`planConsole`, `settle`), which the machine then carries out (`applyPlan`).
 */
import type { HostEffect } from '../windows/hostOps';
import { appendConsole, applyEffects, setBusy } from '../windows/hostOps';
import type { Script } from '../proc/script';
import type { CommandResult } from '../tools/commands/types';
import {
  appendHistory,
  appendLines,
  consolesWith,
  sessionWith,
  type ConsoleLine,
  type HostConsoles,
  type ShellKind,
  type WindowsHostContext,
} from '../windows/hostState';
import { ipconfigBrief, ipconfigRenewFailed } from '../windows/ipconfig';
import {
  finish,
  interpret,
  promptOf,
  runStep,
  succeeded,
  type Step,
  type StepTail,
} from '../tools/shell/console';
import type { AdsyncReply, AdsyncRequest } from '../sync/requests';
import { labNow } from '../core/env';
import type { HostMachineContext, Job } from './hostTypes';
import { hostView, splitHost } from './hostView';

export function renewOutput(host: WindowsHostContext, op: 'renew' | 'release', ok: boolean): ConsoleLine[] {
  if (op === 'renew' && !ok) return ipconfigRenewFailed(host).map((text) => ({ kind: 'output', text }));
  return ipconfigBrief(host).map((text) => ({ kind: 'output', text }));
}

export interface ConsolePlan {
  host: WindowsHostContext;
  /** What the commands asked of the host itself: the ADSync service's new states in order, a reboot. */
  requests?: HostRequests;
  jobs: Record<string, Job>;
  spawn?: { id: string; start: () => Script<unknown> };
  dhcp?: 'renew' | 'release';
  dhcpWait?: HostMachineContext['dhcpWait'];
  local?: { requestId: string; request: AdsyncRequest };
  localWait?: HostMachineContext['localWait'];
}

/**
 * Runs a console's steps in order until one has to wait (a script on the network, or the DHCP
 * client); the rest go with the waiting job and continue when it ends.
 */
export interface HostRequests {
  adsync: boolean[];
  restart: boolean;
}

/** Notes what effects ask of the host beyond its own state (the ADSync actor hears of service changes). */
function noteRequests(into: HostRequests, effects: readonly HostEffect[] | undefined): void {
  for (const e of effects ?? []) {
    if (e.type === 'service' && e.name.toLowerCase() === 'adsync') into.adsync.push(e.op === 'start');
    if (e.type === 'restart') into.restart = true;
  }
}

/**
 * A finished command: its output through its pipeline onto the console, its effects on the host,
 * and the steps its objects feed (they run before the rest of the line). Every way a console step
 * ends (at once, a script, the ADSync service's answer, the DHCP client) comes through here.
 */
export function settle(
  host: WindowsHostContext,
  shell: ShellKind,
  tail: StepTail,
  result: CommandResult,
  now: number,
  requests: HostRequests,
): { host: WindowsHostContext; next: Step[] } {
  const f = finish(tail, result);
  const h = applyEffects(appendConsole(host, shell, f.lines), shell, result.effects ?? [], now);
  noteRequests(requests, result.effects);
  return { host: h, next: f.next };
}

/**
 * What a console waiting on the ADSync service prints of its answer. The wait keeps the step that
 * asked and what it saw (data); running it again gives the same request and the formatter that
 * goes with it (commands are pure), which formats the answer.
 */
export function localResult(
  wait: NonNullable<HostMachineContext['localWait']>,
  reply: AdsyncReply,
): CommandResult {
  const outcome = runStep(wait.tail, wait.seen);
  if (outcome.kind !== 'local')
    throw new Error(`localResult: the step that waited now ends with ${outcome.kind}`);
  return outcome.format(reply);
}

/**
 * ADSync's reply to the request a console waits on (localWait): the host without the wait and the
 * console's plan from there; undefined when no console waits on `requestId`.
 */
export function planAdsyncReply(
  context: HostMachineContext,
  requestId: string,
  reply: AdsyncReply,
): { context: HostMachineContext; plan: ConsolePlan } | undefined {
  if (!context.localWait || context.localWait.requestId !== requestId) return undefined;
  const { shell, tail, rest } = context.localWait;
  const result = localResult(context.localWait, reply);
  const requests: HostRequests = { adsync: [], restart: false };
  const view = hostView(context.host, context.consoles);
  const { host, next } = settle(view, shell, tail, result, labNow(context.env), requests);
  const plan = planConsole(
    { ...context, localWait: undefined },
    host,
    context.jobs,
    shell,
    requests.restart ? [] : [...next, ...rest],
    succeeded(result.lines),
    requests,
  );
  return { context: { ...context, localWait: undefined }, plan };
}

export function planConsole(
  ctx: HostMachineContext,
  host: WindowsHostContext,
  jobs: Record<string, Job>,
  shell: ShellKind,
  steps: readonly Step[],
  previousOk = true,
  requests: HostRequests = { adsync: [], restart: false },
  pending: readonly ConsoleLine[] = [],
): ConsolePlan {
  const now = labNow(ctx.env);
  let h = host;
  let lastOk = previousOk;
  const queue = [...steps];
  // Lines bound for the console, put on its transcript in one copy when something needs it there
  // (an effect, a wait, the end) rather than one copy of the whole transcript per command. No
  // command reads a transcript, so a step sees the same host either way.
  const lines: ConsoleLine[] = [...pending];
  for (let step = queue.shift(); step; step = queue.shift()) {
    if ((step.condition === 'and' && !lastOk) || (step.condition === 'or' && lastOk)) continue;
    const outcome = runStep(step, { host: h, now, offsetMinutes: h.timeZoneOffsetMinutes });
    const rest = queue;
    if (outcome.kind === 'done') {
      const f = finish(step, outcome.result);
      for (const l of f.lines) lines.push(l);
      if (outcome.result.effects?.length) {
        h = flushed(h, shell, lines);
        h = applyEffects(h, shell, outcome.result.effects, now);
      }
      noteRequests(requests, outcome.result.effects);
      queue.unshift(...f.next);
      lastOk = succeeded(outcome.result.lines);
      // A reboot ends the console session: nothing after it on the line runs.
      if (requests.restart) break;
      continue;
    }
    h = flushed(h, shell, lines);
    if (outcome.kind === 'local') {
      // What the step saw, as it was on screen then (its answer is formatted from it: localResult).
      const seen = { host: h, now, offsetMinutes: h.timeZoneOffsetMinutes };
      const requestId = `req-${h.seq + 1}`;
      h = setBusy({ ...h, seq: h.seq + 1 }, shell, true);
      return {
        host: h,
        jobs,
        requests,
        local: { requestId, request: outcome.request },
        localWait: { shell, requestId, tail: step, seen, rest },
      };
    }
    if (outcome.kind === 'dhcp') {
      return {
        host: setBusy(h, shell, true),
        jobs,
        requests,
        dhcp: outcome.op,
        dhcpWait: { shell, op: outcome.op, tail: step, rest },
      };
    }
    const id = `job-${h.seq + 1}`;
    h = setBusy({ ...h, seq: h.seq + 1 }, shell, true);
    return {
      host: h,
      requests,
      jobs: { ...jobs, [id]: { kind: 'console', shell, tail: step, rest } },
      spawn: { id, start: outcome.script as () => Script<unknown> },
    };
  }
  // All done: cmd leaves a blank line before the next prompt.
  if (shell === 'cmd' && steps.length > 0 && h.consoles[shell].transcript.length + lines.length > 0)
    lines.push({ kind: 'output', text: '' });
  return { host: finished(h, shell, lines), jobs, requests };
}

/**
 * The host with `lines` on the shell's console, and `lines` emptied (planConsole's flush: a function
 * of its own, since a closure made on every call costs a name definition each time under tsx).
 */
function flushed(host: WindowsHostContext, shell: ShellKind, lines: ConsoleLine[]): WindowsHostContext {
  if (lines.length === 0) return host;
  const next = appendConsole(host, shell, lines);
  lines.length = 0;
  return next;
}

/** The host with `lines` on the shell's console and the console free again: flush, then setBusy, in one copy. */
function finished(
  host: WindowsHostContext,
  shell: ShellKind,
  lines: readonly ConsoleLine[],
): WindowsHostContext {
  const session = lines.length > 0 ? appendLines(host.consoles[shell], lines) : host.consoles[shell];
  return { ...host, consoles: consolesWith(host.consoles, shell, sessionWith(session, { busy: false })) };
}

/** The lines a console's history keeps (its oldest go first). */
const HISTORY_LIMIT = 200;

/** A line typed into a console: its prompt and the line on screen, in the history, and run (undefined: the console is busy). */
export function planLine(ctx: HostMachineContext, shell: ShellKind, line: string): ConsolePlan | undefined {
  const session = ctx.consoles[shell];
  if (session.busy) return undefined;
  // The history first, so the host is put together with its consoles once (hostView).
  const consoles =
    line.trim().length > 0
      ? consolesWith(ctx.consoles, shell, appendHistory(session, line, HISTORY_LIMIT))
      : ctx.consoles;
  const host = hostView(ctx.host, consoles);
  // The prompt and the line go on screen first, with what the line prints (planConsole).
  const input: ConsoleLine = { kind: 'input', text: `${promptOf(session)}${line}` };
  return planConsole(ctx, host, ctx.jobs, shell, interpret(host, shell, line), true, undefined, [input]);
}

/** The DHCP client's answer to ipconfig /renew or /release: the waiting console goes on. */
export function planAfterDhcp(
  ctx: HostMachineContext,
  op: 'renew' | 'release',
  ok: boolean,
): ConsolePlan | undefined {
  if (!ctx.dhcpWait || ctx.dhcpWait.op !== op) return undefined;
  const { shell, tail, rest } = ctx.dhcpWait;
  const view = hostView(ctx.host, ctx.consoles);
  const result = { lines: renewOutput(view, op, ok) };
  const requests: HostRequests = { adsync: [], restart: false };
  const { host, next } = settle(view, shell, tail, result, labNow(ctx.env), requests);
  return planConsole(ctx, host, ctx.jobs, shell, [...next, ...rest], ok, requests);
}

/** The console windows as a shutdown leaves them: closed, their history kept. */
export function closedConsoles(consoles: HostConsoles): HostConsoles {
  const { cmd, powershell } = consoles;
  return {
    cmd: sessionWith(cmd, { transcript: [], busy: false }),
    powershell: sessionWith(powershell, { transcript: [], busy: false }),
  };
}

export interface Enqueue {
  assign: (patch: Partial<HostMachineContext>) => void;
  spawnChild: (
    src: 'script',
    options: {
      id: string;
      input: { deviceId: string; idPrefix: string; start: () => Script<unknown>; learnerLabel?: string };
    },
  ) => void;
  sendTo: (
    target: 'dhcp' | 'adsync',
    event:
      | { type: 'dhcp.renew' | 'dhcp.release' }
      | { type: 'adsync.request'; requestId: string; request: AdsyncRequest }
      | { type: 'adsync.service'; running: boolean },
  ) => void;
  raise: (event: { type: 'host.restart' }) => void;
}

export function applyPlan(enqueue: Enqueue, context: HostMachineContext, plan: ConsolePlan): void {
  // Written out rather than spread after splitHost's result (keys added after a spread are slow in
  // Node 20's V8: sessionWith), in the same order: host, consoles, jobs, then the waits.
  const { host, consoles } = splitHost(plan.host, context.host);
  const { jobs, dhcpWait, localWait } = plan;
  enqueue.assign(
    dhcpWait
      ? localWait
        ? { host, consoles, jobs, dhcpWait, localWait }
        : { host, consoles, jobs, dhcpWait }
      : localWait
        ? { host, consoles, jobs, localWait }
        : { host, consoles, jobs },
  );
  if (plan.local)
    enqueue.sendTo('adsync', {
      type: 'adsync.request',
      requestId: plan.local.requestId,
      request: plan.local.request,
    });
  if (plan.spawn) {
    const { id, start } = plan.spawn;
    // A console command is the learner's own: its packets are traced for them (net/learnerFlow.ts).
    const job = plan.jobs[id];
    const line = job?.kind === 'console' ? plan.host.consoles[job.shell].history.at(-1) : undefined;
    enqueue.spawnChild('script', {
      id,
      input: {
        deviceId: context.host.id,
        idPrefix: `${context.host.id}.${id}`,
        start,
        ...(line !== undefined ? { learnerLabel: line } : {}),
      },
    });
  }
  if (plan.dhcp) enqueue.sendTo('dhcp', { type: plan.dhcp === 'renew' ? 'dhcp.renew' : 'dhcp.release' });
  // The ADSync actor runs while this host is on and has Entra Connect installed.
  if (context.adsyncDisk)
    for (const running of plan.requests?.adsync ?? [])
      enqueue.sendTo('adsync', { type: 'adsync.service', running });
  if (plan.requests?.restart) enqueue.raise({ type: 'host.restart' });
}
