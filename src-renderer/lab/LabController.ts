/**
 * Holds the running lab for the UI: restores the saved session at start (or begins a fresh lab,
 * keeping an unreadable save aside), saves the journal shortly after every change, and lets the
 * UI start over. It owns no lab state of its own: the lab is the truth, the views come from it.
 */
import { Lab, type DispatchResult } from '../../simulation/lab/lab';
import { restoreSession, serializeSession, sessionOf } from '../../simulation/lab/session';
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

  private constructor(
    private readonly platform: Platform,
    lab: Lab,
  ) {
    this.lab = lab;
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
    const restored = restoreSession(loaded.text, 'saved session');
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
    return this.lab.dispatch(command);
  }

  /** Throws the current lab away and starts again from the definition (the old save stays as backup). */
  startOver(): void {
    this.unsubscribeLab();
    this.lab.stop();
    this.lab = new Lab({ definition: this.lab.definition, seed: this.lab.seed });
    this.unsubscribeLab = this.lab.subscribe(() => this.changed(true));
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
    const r = await this.platform.saveSession(serializeSession(sessionOf(this.lab)));
    this.lastSave = r.ok ? { ok: true, text: 'Saved' } : { ok: false, text: `Not saved: ${r.error}` };
  }
}
