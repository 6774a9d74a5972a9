/**
 * Holds the running lab for the UI: restores the saved session at start (or begins a fresh lab,
 * keeping an unreadable save aside), saves the journal shortly after every change, and lets the
 * UI start over. It owns no lab state of its own: the lab is the truth, the views come from it.
 */
import {
  Lab,
  type DispatchResult,
  presetDefinition,
  type PresetId,
  parseSession,
  restoreSession,
  serializeSession,
  sessionOf,
  ScenarioRun,
  type Scenario,
} from '../../simulation';
import { findScenario } from './scenarioPack';
import type { Platform } from '../platform/Platform';

export interface ControllerNotice {
  level: 'info' | 'warning' | 'error';
  text: string;
}

const SAVE_DELAY_MS = 400;

export class LabController {
  private lab: Lab;
  private unsubscribeLab: () => void;
  private readonly listeners = new Set<() => void>();
  private version = 0;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  notice: ControllerNotice | undefined;
  lastSave: { ok: boolean; text: string } | undefined;

  /** The scenario being played, if any (its lab is `current`). */
  private run: ScenarioRun | undefined;
  /** The preset a free lab started from (kept with the session). */
  private preset: PresetId | undefined;

  private constructor(
    private readonly platform: Platform,
    lab: Lab,
    run?: ScenarioRun,
  ) {
    this.lab = run?.lab ?? lab;
    this.run = run;
    this.unsubscribeLab = this.lab.subscribe(() => this.changed(true));
  }

  get scenario(): ScenarioRun | undefined {
    return this.run;
  }

  /** Starts a scenario from the pack (the current session is replaced; its save is overwritten). */
  startScenario(scenario: Scenario, seed = 1): { ok: true } | { ok: false; error: string } {
    let run: ScenarioRun;
    try {
      run = ScenarioRun.start(scenario, seed);
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
    this.replaceLab(run.lab, run);
    this.notice = { level: 'info', text: `Scenario started: ${scenario.title}.` };
    this.changed(true);
    return { ok: true };
  }

  /** A free lab from a preset, no scenario. */
  startFreeLab(preset: PresetId): void {
    this.preset = preset;
    this.replaceLab(new Lab({ definition: presetDefinition(preset), seed: 1 }), undefined);
    this.notice = {
      level: 'info',
      text: `A new ${preset === 'fresh' ? 'fresh' : 'configured'} lab was started.`,
    };
    this.changed(true);
  }

  giveUp(): void {
    this.run?.giveUp();
    this.changed(true);
  }

  takeHint(): void {
    this.run?.takeHint();
    this.changed(true);
  }

  private replaceLab(lab: Lab, run: ScenarioRun | undefined): void {
    this.unsubscribeLab();
    this.lab.stop();
    this.lab = lab;
    this.run = run;
    this.unsubscribeLab = lab.subscribe(() => this.changed(true));
  }

  /** Restores the saved session if there is one and it reads back; otherwise a fresh lab. */
  static async open(platform: Platform): Promise<LabController> {
    const loaded = await platform.loadSession();
    if (!loaded.ok) {
      const c = new LabController(platform, new Lab());
      c.notice = {
        level: 'warning',
        text: `The saved session could not be read (${loaded.error}). A new lab was started.`,
      };
      return c;
    }
    if (loaded.text === null) return new LabController(platform, new Lab());
    const scenarioRun = LabController.restoreScenario(loaded.text);
    if (scenarioRun && 'run' in scenarioRun) {
      const c = new LabController(platform, scenarioRun.run.lab, scenarioRun.run);
      c.notice = { level: 'info', text: `Your scenario "${scenarioRun.run.scenario.title}" was restored.` };
      return c;
    }
    const restored: { ok: true; lab: Lab; record: { journal: unknown[] } } | { ok: false; error: string } =
      scenarioRun && 'error' in scenarioRun
        ? { ok: false, error: `the scenario could not be replayed (${scenarioRun.error})` }
        : restoreSession(loaded.text, 'saved session');
    if (restored.ok) {
      const c = new LabController(platform, restored.lab);
      c.notice = {
        level: 'info',
        text: `Your session was restored (${restored.record.journal.length} steps).`,
      };
      return c;
    }
    const kept = await platform.keepUnreadableSession(loaded.text);
    const c = new LabController(platform, new Lab());
    c.notice = {
      level: 'error',
      text: `The saved session could not be restored: ${restored.error}. ${kept.ok ? `It was kept as ${kept.location ?? 'a copy'}; ` : ''}a new lab was started.`,
    };
    return c;
  }

  /** A saved scenario session, replayed; undefined when the save is not a scenario's. */
  private static restoreScenario(text: string): { run: ScenarioRun } | { error: string } | undefined {
    const parsed = parseSession(text, 'saved session');
    if (!parsed.ok) return undefined;
    const meta = parsed.record.meta;
    if (!meta || typeof meta.scenarioId !== 'string') return undefined;
    const scenario = findScenario(meta.scenarioId);
    if (!scenario) return { error: `the scenario "${meta.scenarioId}" is not in this version's pack` };
    const hints = Array.isArray(meta.hints)
      ? (meta.hints as unknown[]).filter(
          (h): h is { id: string; at: number } =>
            typeof h === 'object' &&
            h !== null &&
            typeof (h as { id?: unknown }).id === 'string' &&
            typeof (h as { at?: unknown }).at === 'number',
        )
      : [];
    try {
      const run = ScenarioRun.replay(scenario, {
        scenarioId: scenario.id,
        seed: parsed.record.seed,
        journal: parsed.record.journal,
        hints,
        ...(typeof meta.gaveUpAt === 'number' ? { gaveUpAt: meta.gaveUpAt } : {}),
      });
      return { run };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }

  get current(): Lab {
    return this.lab;
  }

  getVersion(): number {
    return this.version;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispatch(command: unknown): DispatchResult {
    return this.run ? this.run.dispatch(command) : this.lab.dispatch(command);
  }

  /** Throws the current lab away and starts again from the definition (the old save stays as backup). */
  startOver(): void {
    if (this.run) {
      const { scenario, seed } = this.run;
      this.startScenario(scenario, seed);
      return;
    }
    this.replaceLab(new Lab({ definition: this.lab.definition, seed: this.lab.seed }), undefined);
    this.notice = { level: 'info', text: 'A new lab was started.' };
    this.changed(true);
  }

  dismissNotice(): void {
    this.notice = undefined;
    this.changed(false);
  }

  /** Writes any pending save now (e.g. before the page closes). */
  async flush(): Promise<void> {
    if (this.saveTimer === undefined) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    await this.save();
  }

  private changed(save: boolean): void {
    this.version++;
    for (const l of this.listeners) l();
    if (save) {
      if (this.saveTimer !== undefined) clearTimeout(this.saveTimer);
      this.saveTimer = setTimeout(() => {
        this.saveTimer = undefined;
        void this.save();
      }, SAVE_DELAY_MS);
    }
  }

  private async save(): Promise<void> {
    const meta = this.run
      ? {
          scenarioId: this.run.scenario.id,
          hints: this.run.session().hints,
          ...(this.run.session().gaveUpAt !== undefined ? { gaveUpAt: this.run.session().gaveUpAt } : {}),
        }
      : this.preset
        ? { preset: this.preset }
        : undefined;
    const record = sessionOf(this.lab, meta);
    // A scenario's session keeps only the learner's part of the journal (see ScenarioSession).
    if (this.run) record.journal = this.run.session().journal;
    const r = await this.platform.saveSession(serializeSession(record));
    this.lastSave = r.ok ? { ok: true, text: 'Saved' } : { ok: false, text: `Not saved: ${r.error}` };
  }
}
