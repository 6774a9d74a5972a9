/**
 * Holds the running lab for the UI: opens the current stored session at start (or begins a new
 * one), writes its journal as it grows (SessionSaver), and starts, opens and switches sessions.
 * Starting over or starting a scenario begins a NEW session: the old one stays in Sessions. It
 * owns no lab state of its own: the lab is the truth, the views come from it.
 */
import {
  cursorAtEnd,
  encodeRecord,
  Lab,
  type DispatchResult,
  type HeaderBody,
  presetDefinition,
  type PresetId,
  scenarioSessionMeta,
  ScenarioRun,
  type Scenario,
  skippedTimeSummary,
  type SessionMeta,
  withoutCompat,
} from '../../simulation';
import type { MenuAction, Platform } from '../platform/Platform';
import { SessionSaver, type SaveStatus } from './sessionSaver';
import { journalOf, openStored, importLegacy, sessionHeader, type Notice } from './storedSessions';
import { SessionsActions, type SessionsHost } from './sessionsActions';

export type ControllerNotice = Notice;

/**
 * How the running lab came to be: begun now (a new lab, a scenario's start, starting over), whose
 * clock starts at 1×, or reopened, whose clock resumes as the learner left it. `seq` changes each
 * time another lab takes over.
 */
export interface ClockOrigin {
  seq: number;
  fresh: boolean;
  session?: string;
}

/**
 * Clock ticks gathered into one journal record: at most this much wall time, or this much lab
 * time, of a playing clock is unsaved. The clock runs by default, so a record a second would be
 * 3,600 an hour; anything the learner does is written at once (with the ticks before it) anyway.
 */
const SAVER_TICKS = { tickIntervalMs: 5000, tickLabMs: 5 * 60_000 };

export class LabController implements SessionsHost {
  private lab: Lab;
  private unsubscribeLab: () => void;
  private unsubscribeRun: (() => void) | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly saveListeners = new Set<() => void>();
  private version = 0;
  notice: ControllerNotice | undefined;
  /** Read by the clock driver: start at 1× or resume as left (see ClockOrigin). */
  clockOrigin: ClockOrigin = { seq: 0, fresh: true };

  /** The scenario being played, if any (its lab is `current`). */
  private run: ScenarioRun | undefined;
  /** The preset a free lab started from (kept with the session). */
  private preset: PresetId | undefined;

  /** The stored session the lab is written to; undefined when this window may not write. */
  private session: { id: string; header: HeaderBody; saver: SessionSaver } | undefined;
  /** Savers of sessions left behind, still sending what they had queued. */
  private readonly draining = new Set<SessionSaver>();
  /** Why nothing is saved at all (another window writes the sessions). */
  private noWriter: string | undefined;
  readonly sessions: SessionsActions;

  private constructor(
    readonly platform: Platform,
    lab: Lab,
    run?: ScenarioRun,
  ) {
    this.lab = run?.lab ?? lab;
    this.run = run;
    this.unsubscribeLab = this.lab.subscribe(() => this.changed(true));
    this.unsubscribeRun = run?.subscribe(() => this.changed(true));
    this.sessions = new SessionsActions(this);
  }

  get scenario(): ScenarioRun | undefined {
    return this.run;
  }

  /**
   * Opens the current stored session (after moving an older version's save into the store), or a
   * new lab. `writer`: whether this window may write the sessions (platform.claimWriter(), asked once).
   */
  static async open(platform: Platform, writer: boolean): Promise<LabController> {
    if (!writer) {
      const c = new LabController(platform, new Lab());
      c.noWriter = 'HybridLab is already open in another tab or window';
      c.saveChanged();
      c.notice = {
        level: 'error',
        text: 'HybridLab is already open in another tab or window of this browser. Nothing done here is saved: close the other one, then reload this page.',
      };
      return c;
    }
    const legacyNotice = await importLegacy(platform);
    const list = await platform.sessions.list();
    const id = list.ok ? (list.value.current ?? list.value.sessions[0]?.id) : undefined;
    if (id) {
      const r = await openStored(platform, id);
      if (r.ok) {
        const c = new LabController(platform, r.opened.lab, r.opened.run);
        c.attach(r.opened.id, r.opened.header, r.opened.meta, r.opened.lastSeq);
        c.notice = legacyNotice ?? r.opened.notice;
        return c;
      }
      const c = new LabController(platform, new Lab());
      c.beginSession();
      c.notice = {
        level: 'error',
        text: `Your last session could not be opened: ${r.error}. It is kept in Sessions; a new lab was started.`,
      };
      return c;
    }
    const c = new LabController(platform, new Lab());
    c.beginSession();
    if (!list.ok)
      c.notice = {
        level: 'error',
        text: `Your sessions could not be read (${list.error}). A new lab was started.`,
      };
    else if (legacyNotice) c.notice = legacyNotice;
    return c;
  }

  /** Starts a scenario from the pack, as a new session (the current one stays in Sessions). */
  startScenario(
    scenario: Scenario,
    seed = 1,
    learnerName?: string,
  ): { ok: true } | { ok: false; error: string } {
    let run: ScenarioRun;
    try {
      // The wall clock is read here, never in the simulation: stamps are metadata beside the journal.
      run = ScenarioRun.start(scenario, seed, undefined, {
        ...(learnerName ? { learnerName } : {}),
        wallMs: Date.now(),
      });
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
    this.replaceLab(run.lab, run);
    this.beginSession();
    this.notice = { level: 'info', text: `Scenario started: ${scenario.title}.` };
    this.changed(false);
    return { ok: true };
  }

  /** A free lab from a preset, no scenario, as a new session. */
  startFreeLab(preset: PresetId): void {
    this.preset = preset;
    this.replaceLab(new Lab({ definition: presetDefinition(preset), seed: 1 }), undefined);
    this.beginSession();
    this.notice = {
      level: 'info',
      text: `A new ${preset === 'fresh' ? 'fresh' : 'configured'} lab was started. Your previous session is kept in Sessions.`,
    };
    this.changed(false);
  }

  giveUp(): void {
    this.run?.giveUp(Date.now());
  }

  takeHint(): void {
    const h = this.run?.nextHint();
    if (h) this.run?.takeHint(h.id, Date.now());
  }

  /** Starts the lab again from the beginning, as a new session: the old one stays, and can be reopened. */
  startOver(): void {
    if (this.run) {
      const { scenario, seed, learnerName } = this.run;
      this.startScenario(scenario, seed, learnerName);
    } else {
      this.replaceLab(
        new Lab({ definition: withoutCompat(this.lab.definition), seed: this.lab.seed }),
        undefined,
      );
      this.beginSession();
      this.changed(false);
    }
    this.notice = {
      level: 'info',
      text: 'A new session was started from the beginning. Your previous session is kept in Sessions.',
    };
  }

  /** Replaces the running lab with a stored session's. */
  async openSession(id: string): Promise<{ ok: true } | { ok: false; error: string }> {
    if (this.noWriter) return { ok: false, error: this.noWriter };
    await this.flush();
    const r = await openStored(this.platform, id);
    if (!r.ok) return r;
    this.replaceLab(r.opened.lab, r.opened.run);
    this.preset = undefined;
    this.attach(r.opened.id, r.opened.header, r.opened.meta, r.opened.lastSeq);
    void this.platform.sessions.setCurrent(id);
    this.notice = r.opened.notice;
    this.changed(false);
    return { ok: true };
  }

  private replaceLab(lab: Lab, run: ScenarioRun | undefined): void {
    this.unsubscribeLab();
    this.unsubscribeRun?.();
    this.lab.stop();
    this.lab = lab;
    this.run = run;
    this.unsubscribeLab = lab.subscribe(() => this.changed(true));
    this.unsubscribeRun = run?.subscribe(() => this.changed(true));
  }

  /** The session's metadata as it stands: the scenario (by reference), hints, end; or the preset. */
  meta(): SessionMeta {
    if (this.run) return scenarioSessionMeta(this.run);
    return this.preset ? { preset: this.preset } : {};
  }

  /** The journal the session keeps (a scenario's: the learner's part). */
  journal() {
    return journalOf(this.lab, this.run);
  }

  /** A new stored session for the running lab; the previous session's saver finishes its queue. */
  private beginSession(): void {
    if (this.noWriter) {
      this.clockOrigin = { seq: this.clockOrigin.seq + 1, fresh: true };
      return;
    }
    const meta = this.meta();
    const header = sessionHeader(this.lab, meta);
    this.retireSaver();
    const saver = new SessionSaver(
      this.platform.sessions,
      header.id,
      {
        kind: 'new',
        lines: [encodeRecord(header)],
        cursor: cursorAtEnd(this.journal()),
        meta: header.meta,
      },
      SAVER_TICKS,
    );
    this.session = { id: header.id, header, saver };
    this.clockOrigin = { seq: this.clockOrigin.seq + 1, fresh: true, session: header.id };
    saver.subscribe(() => this.saveChanged());
    void this.platform.sessions.setCurrent(header.id);
    this.saveChanged();
  }

  /** Continues writing a session read back from the store. */
  private attach(id: string, header: HeaderBody, meta: SessionMeta, lastSeq: number): void {
    this.retireSaver();
    const saver = new SessionSaver(
      this.platform.sessions,
      id,
      { kind: 'loaded', lastSeq, cursor: cursorAtEnd(this.journal()), meta },
      SAVER_TICKS,
    );
    this.session = { id, header, saver };
    this.clockOrigin = { seq: this.clockOrigin.seq + 1, fresh: false, session: id };
    saver.subscribe(() => this.saveChanged());
    this.saveChanged();
  }

  private retireSaver(): void {
    const old = this.session?.saver;
    if (!old) return;
    old.dispose();
    if (old.isIdle()) return;
    this.draining.add(old);
    const done = old.subscribe(() => {
      if (!old.isIdle()) return;
      this.draining.delete(old);
      done();
      this.saveChanged();
    });
  }

  get currentSession(): { id: string; header: HeaderBody; saver: SessionSaver } | undefined {
    return this.session;
  }

  /** "Saved", "Saving…" or "Not saved: why" — the worst of the current session and any still draining. */
  saveStatus(): SaveStatus {
    return this.status;
  }

  private status: SaveStatus = { state: 'saved' };

  private computeStatus(): SaveStatus {
    if (this.noWriter) return { state: 'failed', reason: this.noWriter, since: 0 };
    const all = [...this.draining, ...(this.session ? [this.session.saver] : [])].map((s) => s.getStatus());
    return (
      all.find((s) => s.state === 'failed') ??
      all.find((s) => s.state === 'saving') ??
      all[all.length - 1] ?? { state: 'saved' }
    );
  }

  subscribeSave(listener: () => void): () => void {
    this.saveListeners.add(listener);
    return () => this.saveListeners.delete(listener);
  }

  private saveChanged(): void {
    // One object per status, so a React external store sees a change only when there is one.
    this.status = this.computeStatus();
    for (const l of this.saveListeners) l();
  }

  /** Whether everything done so far has been written. */
  isSaved(): boolean {
    return !this.noWriter && !!this.session?.saver.isIdle() && this.draining.size === 0;
  }

  /** Sends everything now and waits until it is written (e.g. before the window closes). */
  async flush(): Promise<void> {
    await this.session?.saver.flush(this.journal(), this.meta());
  }

  onMenuAction(listener: (action: MenuAction) => void): () => void {
    return this.platform.onMenuAction(listener);
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

  /**
   * A command from the UI. In a scenario it is stamped with the wall clock (active time);
   * `activity: false` for the clock playing by itself, which the learner did not do.
   */
  dispatch(command: unknown, options: { activity?: boolean } = {}): DispatchResult {
    return this.run
      ? this.run.dispatch(command, Date.now(), options.activity ?? true)
      : this.lab.dispatchUnknown(command);
  }

  /**
   * Skips lab time (forward by a step, to the next event, or to what the learner waits for) and
   * then says what happened meanwhile, as Event Viewer would tell it afterwards: "+1 day: 48 sync
   * cycles, 0 password changes synced, 2 errors on SYNC01".
   */
  skipTime(command: { type: 'clock.advance'; ms: number } | { type: 'clock.next' }): void {
    const from = this.lab.now();
    const r = this.dispatch(command);
    if (!r.ok) {
      this.tell({ level: 'error', text: `The lab clock could not move: ${r.error}` });
      return;
    }
    const to = this.lab.now();
    if (to <= from) return;
    const summary = skippedTimeSummary(this.lab.learnerView().tools, from, to);
    this.tell({ level: 'info', text: summary.text });
  }

  dismissNotice(): void {
    this.notice = undefined;
    this.changed(false);
  }

  /** For the Sessions actions: show a notice. */
  tell(notice: ControllerNotice): void {
    this.notice = notice;
    this.changed(false);
  }

  private changed(save: boolean): void {
    this.version++;
    for (const l of this.listeners) l();
    if (save) this.session?.saver.changed(this.journal(), this.meta());
  }
}
