/**
 * Wires the page to its classroom host: fills the classroom store from the host's messages, and,
 * for a learner in a class, applies the hub's commands to the lab and reports the lab's progress.
 *
 * A hub command reaches the lab as the same journalled command the instructor's own tools use
 * (fault.inject, fault.clear, …): nothing a learner's surface shows says a fault was put in, and
 * replaying the journal reproduces it. The assignment starts as a new session on the scenario the
 * hub sent (without its summary, solution or hint texts), with the seed the hub chose.
 */
import { useEffect } from 'react';
import {
  checkScenario,
  HINT_PENDING,
  progressOf,
  signedText,
  utf8Bytes,
  type ExportedResult,
  type HubCommand,
  type ResultPayload,
  type ScenarioRun,
  type SignedResult,
} from '../../../simulation';
import type { LabController } from '../../lab/LabController';
import { useUi } from '../../state/uiStore';
import { prepareExport } from '../scenario/exportResult';
import { useLabController } from '../../lab/LabContext';
import { putRow, useClassroomStore } from './classroomStore';
import { hostChannel } from './hostChannel';
import { ownerKey } from './classLink';

const LEARNER_KEY = 'hybridlab.classroom.learner';
/** Progress is reported at most this often (ms): the dashboard updates live, the link is not flooded. */
const REPORT_EVERY_MS = 300;
/** The largest result text sent to the hub (the protocol's 64 KiB message, less the envelope). */
const RESULT_LIMIT = 56 * 1024;

interface LearnerState {
  assignment?: string;
  scenarioId?: string;
  /** Hub commands applied (cseq). */
  applied: number;
  /** Hints of the assignment the learner asked the hub for, and the texts the hub sent. */
  asked?: string[];
  hints?: Record<string, string>;
  /** Assignments whose result went to the hub. */
  handedIn?: string[];
  /** What the hub revealed once the run ended: the scenario's summary and solution. */
  revealed?: { assignment: string; summary: string; solution: string[] };
  /** The instructor paused the lab clock; whether it played before. */
  held?: { wasPlaying: boolean };
}

function readLearner(): LearnerState {
  try {
    const v = JSON.parse(localStorage.getItem(LEARNER_KEY) ?? '{}') as Partial<LearnerState>;
    return {
      applied: typeof v.applied === 'number' ? v.applied : 0,
      ...(Array.isArray(v.asked) ? { asked: v.asked.filter((x) => typeof x === 'string') } : {}),
      ...(v.hints && typeof v.hints === 'object' ? { hints: v.hints } : {}),
      ...(typeof v.assignment === 'string' ? { assignment: v.assignment } : {}),
      ...(typeof v.scenarioId === 'string' ? { scenarioId: v.scenarioId } : {}),
      ...(Array.isArray(v.handedIn) ? { handedIn: v.handedIn.filter((x) => typeof x === 'string') } : {}),
      ...(v.revealed && typeof v.revealed === 'object' && Array.isArray(v.revealed.solution)
        ? { revealed: v.revealed }
        : {}),
      ...(v.held && typeof v.held === 'object' ? { held: { wasPlaying: v.held.wasPlaying === true } } : {}),
    };
  } catch {
    return { applied: 0 };
  }
}

function writeLearner(s: LearnerState): void {
  try {
    localStorage.setItem(LEARNER_KEY, JSON.stringify(s));
  } catch {
    // Storage full or refused: the class still works, a reload forgets the assignment.
  }
}

function apply(controller: LabController, c: HubCommand, learner: LearnerState): void {
  const run = controller.scenario;
  switch (c.type) {
    case 'assign': {
      const s = checkScenario(c.scenario, c.assignment);
      if (!s.ok) {
        controller.tell({
          level: 'error',
          text: `The scenario your instructor sent does not load: ${s.errors[0] ?? ''}`,
        });
        return;
      }
      // The run carries the name the learner joined the class with (their result says who it is).
      const r = controller.startScenario(s.scenario, c.seed, useClassroomStore.getState().link.name);
      if (!r.ok) {
        controller.tell({
          level: 'error',
          text: `The scenario your instructor sent could not start: ${r.error}`,
        });
        return;
      }
      learner.assignment = c.assignment;
      learner.scenarioId = s.scenario.id;
      learner.asked = [];
      learner.hints = {};
      controller.tell({ level: 'info', text: `Your instructor started a scenario: ${s.scenario.title}.` });
      return;
    }
    case 'fault.inject':
    case 'fault.clear':
      controller.dispatch(c);
      return;
    case 'fault.schedule':
      controller.dispatch({
        type: 'fault.schedule',
        fault: c.fault,
        ...(c.params ? { params: c.params } : {}),
        at: controller.current.now() + c.afterMs,
      });
      return;
    case 'hint':
      if (c.assignment !== learner.assignment) return;
      learner.hints = { ...learner.hints, [c.id]: c.text };
      if (run) {
        patchHints(run, learner);
        run.takeHint(c.id);
      }
      // The sidebar shows the text now in the run's copy of the scenario.
      controller.tell({ level: 'info', text: 'A hint arrived from your class.' });
      return;
    case 'message':
      controller.tell({ level: 'info', text: `Message from your instructor: ${c.text}` });
      return;
    case 'class.end':
      controller.tell({ level: 'info', text: 'Your instructor ended the class. Your lab stays open.' });
      return;
    case 'reveal':
      if (c.assignment !== learner.assignment) return;
      learner.revealed = { assignment: c.assignment, summary: c.summary, solution: c.solution };
      if (run) patchReveal(run, learner);
      controller.tell({
        level: 'info',
        text: 'Your class sent what the scenario was about and how it is solved: see the debrief.',
      });
      return;
    case 'clock.pause': {
      // The clock stands still (no lab time is journalled) until the instructor resumes it.
      const ui = useUi.getState();
      learner.held ??= { wasPlaying: ui.playing };
      ui.setPlaying(false);
      useClassroomStore.setState({ clockHeld: true });
      controller.tell({ level: 'info', text: 'Your instructor paused the lab clock.' });
      return;
    }
    case 'clock.resume': {
      const was = learner.held?.wasPlaying === true;
      delete learner.held;
      useClassroomStore.setState({ clockHeld: false });
      if (was) useUi.getState().setPlaying(true);
      controller.tell({ level: 'info', text: 'Your instructor resumed the lab clock.' });
      return;
    }
  }
}

/** The run's copy of a class scenario gets the summary and solution the hub revealed at its end. */
function patchReveal(run: ScenarioRun, learner: LearnerState): void {
  const r = learner.revealed;
  if (!r || r.assignment !== learner.assignment || run.scenario.id !== learner.scenarioId) return;
  const s = run.scenario as { summary: string; solution: string[] };
  if (s.summary === r.summary) return;
  s.summary = r.summary;
  s.solution = [...r.solution];
}

/** The handed-in result as the protocol carries it: the signed text, signature and key (or why not). */
async function handIn(run: ScenarioRun, controller: LabController): Promise<SignedResult | string> {
  const e = await prepareExport(run, controller.platform);
  const { signature, unsigned, ...payload } = e.result as ExportedResult & {
    signature?: { publicKey: string; value: string };
    unsigned?: string;
  };
  const text = signedText(payload as ResultPayload);
  if (utf8Bytes(text) > RESULT_LIMIT)
    return 'Your result is too large to send to your class: export it from the debrief and hand in the file.';
  return signature
    ? { payload: text, signature: signature.value, publicKey: signature.publicKey }
    : { payload: text, signature: '', publicKey: '', unsigned: (unsigned ?? 'not signed').slice(0, 300) };
}

/**
 * In a class the learner's copy of the scenario has no hint texts (HINT_PENDING): a hint the
 * learner takes is asked of the hub, and the text the hub sends goes into the run's copy.
 */
function patchHints(run: ScenarioRun, learner: LearnerState): void {
  if (run.scenario.id !== learner.scenarioId) return;
  for (const h of run.scenario.hints ?? []) {
    const text = learner.hints?.[h.id];
    if (text !== undefined && h.text === HINT_PENDING) (h as { text: string }).text = text;
  }
}

/** Hints the learner took in the assigned run that the hub was not asked for yet. */
function hintsToAsk(run: ScenarioRun | undefined, learner: LearnerState): string[] {
  if (!run || !learner.assignment || run.scenario.id !== learner.scenarioId) return [];
  return run
    .hints()
    .filter((h) => h.text === HINT_PENDING && !(learner.asked ?? []).includes(h.id))
    .map((h) => h.id);
}

let learnerState: LearnerState | undefined;
const learnerNow = () => (learnerState ??= readLearner());

/** The learner joins a class (a new class: its commands are counted from the start). */
export function joinClass(address: string, code: string, name: string): void {
  const l = learnerNow();
  l.applied = 0;
  delete l.assignment;
  delete l.scenarioId;
  writeLearner(l);
  hostChannel().send({ kind: 'link.join', owner: ownerKey(), address, code, name });
}

export function useClassroom(): void {
  const controller = useLabController();
  useEffect(() => {
    const channel = hostChannel();
    if (!channel.available) return;
    const learner = learnerNow();
    const owner = ownerKey();
    const set = useClassroomStore.setState;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const handing = new Set<string>();
    if (learner.held) useClassroomStore.setState({ clockHeld: true });
    // While the instructor holds the clock, it does not play.
    const offUi = useUi.subscribe((s) => {
      if (learner.held && s.playing) {
        s.setPlaying(false);
        controller.tell({ level: 'info', text: 'Your instructor paused the lab clock.' });
      }
    });
    const joined = () => {
      const s = useClassroomStore.getState().link.state;
      return s !== 'none' && s !== 'refused' && s !== 'closed';
    };
    const report = () => {
      timer = undefined;
      if (!joined()) return;
      const run = controller.scenario;
      if (run) patchHints(run, learner);
      for (const id of hintsToAsk(run, learner)) {
        learner.asked = [...(learner.asked ?? []), id];
        writeLearner(learner);
        channel.send({ kind: 'link.hint', owner, assignment: learner.assignment ?? '', hint: id });
      }
      const mine = run && learner.scenarioId === run.scenario.id ? learner.assignment : undefined;
      if (run) patchReveal(run, learner);
      channel.send({
        kind: 'link.progress',
        owner,
        progress: progressOf(run, {
          ...(mine ? { assignment: mine } : {}),
          applied: learner.applied,
          wallMs: Date.now(),
        }),
      });
      // The run ended: its result goes to the hub once (after the progress that says it ended).
      if (run && mine && run.getStatus() !== 'running' && !(learner.handedIn ?? []).includes(mine)) {
        if (handing.has(mine)) return;
        handing.add(mine);
        void handIn(run, controller)
          .then((r) => {
            learner.handedIn = [...(learner.handedIn ?? []), mine];
            writeLearner(learner);
            if (typeof r === 'string') controller.tell({ level: 'error', text: r });
            else channel.send({ kind: 'link.result', owner, assignment: mine, result: r });
          })
          .catch((e: unknown) =>
            controller.tell({ level: 'error', text: `Your result could not be sent: ${String(e)}` }),
          )
          .finally(() => handing.delete(mine));
      }
    };
    const soon = () => {
      timer ??= setTimeout(report, REPORT_EVERY_MS);
    };
    const off = channel.subscribe((m) => {
      switch (m.kind) {
        case 'class.status':
          set({
            interfaces: m.interfaces,
            resumable: m.resumable,
            ...(m.running ? { running: m.running } : { running: undefined, rows: [] }),
          });
          return;
        case 'class.roster':
          set({ rows: m.rows });
          return;
        case 'class.row':
          set((s) => ({ rows: putRow(s.rows, m.row) }));
          return;
        case 'class.file':
          void controller.platform.exportFile(m.name, m.text);
          return;
        case 'error':
          set({ error: m.text });
          return;
        case 'link.state': {
          const was = useClassroomStore.getState().link.state;
          set({
            link: {
              state: m.state,
              ...(m.detail ? { detail: m.detail } : {}),
              ...(m.name ? { name: m.name } : {}),
              ...(m.address ? { address: m.address } : {}),
            },
          });
          if (m.state === 'none' && was !== 'none') {
            learner.applied = 0;
            delete learner.assignment;
            delete learner.scenarioId;
            delete learner.held;
            useClassroomStore.setState({ clockHeld: false });
            writeLearner(learner);
          }
          if (m.state === 'connected') soon();
          return;
        }
        case 'link.command':
          if (m.cseq <= learner.applied) return;
          learner.applied = m.cseq;
          apply(controller, m.command, learner);
          writeLearner(learner);
          soon();
          return;
      }
    });
    const unsubscribeLab = controller.subscribe(soon);
    channel.send({ kind: 'link.status', owner });
    return () => {
      off();
      offUi();
      unsubscribeLab();
      clearTimeout(timer);
    };
  }, [controller]);
}
