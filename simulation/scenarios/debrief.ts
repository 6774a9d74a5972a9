/**
 * The debrief a learner reads when a run ends (completed, given up, time up): for each fault, the
 * root cause in plain words and how it showed, quoted from the lab's own history (the events the
 * hosts logged, the error pages and sign-in messages the learner met, the console output that
 * revealed it) with the time of each; what the learner did about it (the action that made the
 * fault's predicate false) beside the reference solution; what they looked at; collateral damage,
 * hints, the score and the time. Nothing here is scripted per scenario: a different route through
 * the same scenario gives different evidence. Refuses to run before the end, so it cannot leak.
 * Pure.
 */
import { faultSpec } from '../faults/catalog';
import { formatIsoLocal } from '../core/time';
import type { WinEvent } from '../windows/eventlog';
import { causeOf } from './causes';
import { describeCommand, maskConsoleLine } from './describe';
import { STATUS_TEXT, type ScenarioRun, type TimelineEntry } from './engine';
import type { Observation } from './observe';
import type { ScoreBreakdown } from './scoring';

export interface Evidence {
  /** Lab time it happened. */
  at: number;
  kind: 'event' | 'error' | 'output';
  /** Where it showed: "SYNC01 Application log: event 31034 (PasswordResetService), Error". */
  where: string;
  /** The lab's own words (a message, a page's code and text, output lines). */
  text: string;
  /** The learner saw it (met the page, ran the command, opened that log afterwards). */
  seen: boolean;
  /** More of the same event after the first one quoted. */
  repeats?: number;
}

export interface DebriefCause {
  fault: string;
  title: string;
  cause: string;
  fix: string;
  injectedAt?: number;
  /** The learner's action that made the fault go away, if they fixed it. */
  learnerFix?: { at: number; text: string };
  /** The fault still holds at the end. */
  holdsAtEnd: boolean;
  evidence: Evidence[];
}

export interface Debrief {
  scenario: { id: string; title: string };
  status: string;
  causes: DebriefCause[];
  /** The reference solution, passwords masked. */
  reference: string[];
  /** Diagnostic commands run, logs and pages opened. */
  lookedAt: { at: number; text: string }[];
  collateral: ScoreBreakdown['collateral'];
  hints: { at: number; text: string; cost: number }[];
  score: ScoreBreakdown;
  activeMs: number;
  labMs: number;
  timeline: TimelineEntry[];
}

const BAD_LEVELS: ReadonlySet<string> = new Set(['Warning', 'Error', 'Critical', 'Audit Failure']);
const MAX_EVIDENCE = 12;

const matcher = (words: readonly string[]) =>
  words.length ? new RegExp(words.map((w) => `(?:${w})`).join('|'), 'i') : undefined;

/** A reference solution line with its passwords masked. */
export function maskSolutionLine(line: string): string {
  const MASK = '••••••••';
  if (/^(signin|changepw)\s/i.test(line)) {
    const words = line.split(/\s+/);
    const keep = 3;
    return [...words.slice(0, keep), ...words.slice(keep).map(() => MASK)].join(' ');
  }
  if (/^(cmd|ps|powershell)\s/i.test(line)) return maskConsoleLine(line);
  return line.replace(/\b((?:old|new)?password|confirm|code|captcha)=("[^"]*"|\S+)/gi, `$1=${MASK}`);
}

/** Every event of every host, oldest first, with the host's name. */
function allEvents(run: ScenarioRun): { host: string; e: WinEvent }[] {
  const out: { host: string; e: WinEvent }[] = [];
  for (const [id, t] of Object.entries(run.lab.truth().hosts)) {
    const name = run.lab.definition.hosts.find((h) => h.id === id)?.hostname ?? id.toUpperCase();
    for (const log of Object.values(t.host?.logs ?? {}))
      for (const e of log?.entries ?? []) out.push({ host: name, e });
  }
  return out.sort((a, b) => a.e.time - b.e.time || a.e.recordId - b.e.recordId);
}

/** Whether the learner looked at a host's events after `at` (Event Viewer, Get-EventLog/WinEvent). */
function logSeen(run: ScenarioRun, hostName: string, at: number): boolean {
  const id = run.lab.definition.hosts.find((h) => h.hostname === hostName)?.id;
  const viewed = run
    .learnerJournal()
    .some(
      (j) =>
        j.at >= at &&
        j.command.type === 'surface.view' &&
        j.command.surface === 'events' &&
        j.command.host === id,
    );
  const queried = run
    .observations()
    .some(
      (o) =>
        o.at >= at &&
        o.kind === 'console' &&
        o.host === id &&
        /get-(eventlog|winevent)|wevtutil/i.test(o.line),
    );
  return viewed || queried;
}

function observationEvidence(o: Observation, reveal: RegExp): Evidence | undefined {
  switch (o.kind) {
    case 'sspr': {
      const text = [o.code, o.heading, o.text].filter(Boolean).join(' · ');
      return reveal.test(text)
        ? { at: o.at, kind: 'error', where: 'SSPR page (aka.ms/sspr)', text, seen: true }
        : undefined;
    }
    case 'signin':
      return reveal.test(o.text)
        ? {
            at: o.at,
            kind: 'error',
            where: `${o.host.toUpperCase()} sign-in screen`,
            text: o.text,
            seen: true,
          }
        : undefined;
    case 'portal':
      return reveal.test(o.text)
        ? {
            at: o.at,
            kind: 'error',
            where:
              o.surface === 'aduc'
                ? 'Active Directory Users and Computers'
                : o.surface === 'admin'
                  ? 'Entra admin center'
                  : 'My Account',
            text: o.text,
            seen: true,
          }
        : undefined;
    case 'console': {
      const lines = o.output.filter((l) => reveal.test(l));
      return lines.length
        ? {
            at: o.at,
            kind: 'output',
            where: `${o.host.toUpperCase()} ${o.shell === 'cmd' ? 'Command Prompt' : 'PowerShell'}: ${o.line}`,
            text: lines.slice(0, 4).join('\n'),
            seen: true,
          }
        : undefined;
    }
  }
}

function causeEvidence(run: ScenarioRun, fault: string, from: number, until: number): Evidence[] {
  const spec = causeOf(fault);
  if (!spec) return [];
  const reveal = matcher(spec.reveals);
  const out: Evidence[] = [];
  // Events: the first of each (host, id) in the window, with how many followed.
  const ids = new Set(spec.events);
  const firsts = new Map<string, Evidence>();
  for (const { host, e } of allEvents(run)) {
    if (e.time < from || e.time > until) continue;
    const relevant = ids.has(e.eventId) && (BAD_LEVELS.has(e.level) || (reveal?.test(e.message) ?? false));
    if (!relevant) continue;
    const key = `${host}/${e.log}/${e.eventId}`;
    const seenBefore = firsts.get(key);
    if (seenBefore) {
      seenBefore.repeats = (seenBefore.repeats ?? 0) + 1;
      continue;
    }
    const ev: Evidence = {
      at: e.time,
      kind: 'event',
      where: `${host} ${e.log} log: event ${e.eventId} (${e.source}), ${e.level}`,
      // The first lines that say something (an event's "Details:" follow a blank line).
      text: e.message
        .split('\n')
        .filter((l) => l.trim())
        .slice(0, 3)
        .join('\n'),
      seen: logSeen(run, host, e.time),
    };
    firsts.set(key, ev);
    out.push(ev);
  }
  if (reveal)
    for (const o of run.observations()) {
      if (o.at < from || o.at > until) continue;
      const ev = observationEvidence(o, reveal);
      if (ev && !out.some((x) => x.at === ev.at && x.where === ev.where && x.text === ev.text)) out.push(ev);
    }
  return out.sort((a, b) => a.at - b.at).slice(0, MAX_EVIDENCE);
}

/** The learner's journal entry that made the fault go away, in words. */
function learnerFix(run: ScenarioRun, entry: number, at: number): { at: number; text: string } | undefined {
  const journal = run.learnerJournal();
  // A fix that takes effect as the clock runs (a service starting, a reboot) was the action before.
  for (let i = entry; i >= 0; i--) {
    const j = journal[i];
    if (!j || j.command.type.startsWith('clock.') || j.command.type === 'surface.view') continue;
    const text = describeCommand(j.command, run.lab.definition);
    if (text) return { at: j.at, text: i === entry ? text : `${text} (took effect at ${clockText(at)})` };
  }
  return undefined;
}

const clockText = (ms: number) => formatIsoLocal(ms).slice(11, 16);

export function debriefOf(run: ScenarioRun): Debrief {
  const status = run.getStatus();
  if (status === 'running') throw new Error('debriefOf: the run has not ended (the debrief names the cause)');
  const end = run.endedAtTime() ?? run.lab.now();
  const history = run.faultHistory();
  const active = run.lab.truth().faults.active;
  const causes: DebriefCause[] = run.faults.map((f) => {
    const spec = causeOf(f.id);
    const injectedAt = active.find((a) => a.id === f.id)?.injectedAt;
    const changes = history.filter((c) => c.id === f.id);
    const fixed = [...changes].reverse().find((c) => !c.holds && c.at <= end);
    const lastChange = [...changes].reverse().find((c) => c.at <= end);
    const holdsAtEnd = lastChange?.holds ?? false;
    const until = fixed && !holdsAtEnd ? fixed.at : end;
    return {
      fault: f.id,
      title: faultSpec(f.id)?.title ?? f.id,
      cause: spec?.cause ?? faultSpec(f.id)?.title ?? f.id,
      fix: spec?.fix ?? '',
      ...(injectedAt !== undefined ? { injectedAt } : {}),
      ...(fixed && !holdsAtEnd && fixed.entry >= 0
        ? { learnerFix: learnerFix(run, fixed.entry, fixed.at) }
        : {}),
      holdsAtEnd,
      evidence: injectedAt === undefined ? [] : causeEvidence(run, f.id, injectedAt, until),
    };
  });
  const lookedAt: { at: number; text: string }[] = [];
  for (const j of run.learnerJournal()) {
    if (j.command.type === 'surface.view') {
      const text = describeCommand(j.command, run.lab.definition);
      if (text) lookedAt.push({ at: j.at, text });
    }
  }
  for (const o of run.observations())
    if (o.kind === 'console')
      lookedAt.push({
        at: o.at,
        text: `${o.host.toUpperCase()} ${o.shell === 'cmd' ? 'Command Prompt' : 'PowerShell'}: ${o.line}`,
      });
  lookedAt.sort((a, b) => a.at - b.at);
  const score = run.score();
  return {
    scenario: { id: run.scenario.id, title: run.scenario.title },
    status: STATUS_TEXT[status],
    causes,
    reference: run.scenario.solution.map(maskSolutionLine),
    lookedAt,
    collateral: score.collateral,
    hints: run.hints().map((h) => ({ at: h.takenAt ?? 0, text: h.text, cost: h.cost })),
    score,
    activeMs: run.activeTime(),
    labMs: run.labTime(),
    timeline: run.timeline(),
  };
}
