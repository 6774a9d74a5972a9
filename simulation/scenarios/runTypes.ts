/**
 * What a scenario run shows and keeps: the objectives and hints as the learner sees them, the
 * timeline, a fault's predicate changing, the saved session and the report. Types and the few
 * fixed texts only; engine.ts runs the scenario.
 */
import type { FaultParams } from '../faults/catalog';
import type { JournalEntry } from '../facade/lab';
import type { WallStamp } from './activeTime';
import type { ScoreBreakdown } from './scoring';

export type RunStatus = 'running' | 'completed' | 'time-up' | 'gave-up';

export interface ObjectiveStatus {
  id: string;
  title: string;
  description?: string;
  required: boolean;
  points: number;
  /** Graded on the root cause: shown as "Root cause found and fixed" until the run ends. */
  rootCause: boolean;
  /** Holds now (guided steps stay done once done). */
  met: boolean;
  /** Lab time it first held. */
  metAt?: number;
  /** Guided mode: the step the learner is on. */
  current: boolean;
}

export interface HintView {
  id: string;
  text: string;
  cost: number;
  takenAt?: number;
}

export interface TimelineEntry {
  at: number;
  text: string;
  kind: 'action' | 'clock' | 'view' | 'hint' | 'end';
}

/** A fault's predicate changing: put in place, fixed by the learner, broken again. */
export interface FaultChange {
  id: string;
  at: number;
  /** The learner's journal entry that changed it (-1: before the learner started). */
  entry: number;
  holds: boolean;
}

export interface ScenarioSession {
  scenarioId: string;
  seed: number;
  /**
   * The learner's part of the lab journal only (from the scenario's start): the preparation and the
   * scenario's faults are rebuilt from the scenario and the seed, so a saved session does not spell
   * out the faults.
   */
  journal: JournalEntry[];
  hints: { id: string; at: number }[];
  gaveUpAt?: number;
  /** Who played it (typed before starting). */
  learnerName?: string;
  /** Wall-clock stamps of the learner's actions: metadata, never replayed into the lab. */
  wall?: WallStamp[];
}

export interface StartOptions {
  learnerName?: string;
  /** Wall-clock time the learner started (ms since the epoch). */
  wallMs?: number;
}

/** What a still-hidden root-cause objective is called while the run goes on. */
export const ROOT_CAUSE_TITLE = 'Root cause found and fixed';

/** What a penalty whose title would name a cause is called while the run goes on. */
export const HIDDEN_PENALTY_TITLE = 'A change that broke something else (named at the end)';

export const STATUS_TEXT: Record<RunStatus, string> = {
  running: 'In progress',
  completed: 'Scenario completed',
  'time-up': 'Time is up',
  'gave-up': 'Given up',
};

export interface ScenarioReport {
  scenario: { id: string; title: string };
  seed: number;
  status: RunStatus;
  startedAt: number;
  endedAt?: number;
  objectives: ObjectiveStatus[];
  hints: HintView[];
  score: ScoreBreakdown;
  timeline: TimelineEntry[];
  /** Instructor's copy only. */
  faults?: {
    id: string;
    title: string;
    params: FaultParams;
    injectedAt?: number;
    stoppedHoldingAt?: number;
    holdsNow: boolean;
  }[];
  variant?: FaultParams;
}

/** A scenario that cannot start as written (a setup line that fails, a fault command refused). */
export class ScenarioError extends Error {}
