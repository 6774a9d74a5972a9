/**
 * What the UI holds while the engine is not loaded yet, and after: the first screen renders from a
 * precomputed first view (a new lab's `learnerView()`, firstView.json), and the engine (the
 * simulation and LabController, their own chunk) is fetched when the learner starts — their first
 * click or key in the workspace, a menu action — or at once when there is a stored session to
 * reopen. Anything asked of the lab before the engine is ready (`act`) waits for it and then runs,
 * in order; nothing the learner did is dropped. No engine code here: only type imports.
 */
import type { LearnerView } from '../../simulation';
import type { Platform } from '../platform/Platform';
import type { LabController } from './LabController';
import type { SaveStatus } from './sessionSaver';
import type { Notice } from './storedSessions';
import firstView from './firstView.json';

/**
 * The parts of the learner view the first screen shows (the map, the device panel, the console,
 * the clock, the surface tabs): what the first view holds. Every other surface reads the whole view
 * (useLearnerView), which waits for the engine.
 */
export const FIRST_SCREEN_KEYS = [
  'time',
  'devices',
  'links',
  'consoles',
  'phones',
  'labTime',
  'lastFlow',
] as const;
export type FirstScreenView = Pick<LearnerView, (typeof FIRST_SCREEN_KEYS)[number]>;

/** A new lab's title and first-screen view, before the engine runs (`npm run gen:first-view` writes them). */
export interface FirstView {
  title: string;
  view: FirstScreenView;
}

const FIRST = firstView as unknown as FirstView;
const SAVED: SaveStatus = { state: 'saved' };

export class LabHost {
  private ctl: LabController | undefined;
  private loading: Promise<LabController> | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly saveListeners = new Set<() => void>();
  private version = 0;
  /** What was asked of the lab before the engine was ready, in order (act). */
  private waiting: ((c: LabController) => void)[] = [];
  /** Why the engine could not be loaded (a failed fetch): shown as the notice. */
  private failed: Notice | undefined;

  constructor(
    readonly platform: Platform,
    /** Whether this window may write the sessions (claimed once, before the host is made). */
    private readonly writer: boolean,
    readonly first: FirstView = FIRST,
  ) {}

  /** The running controller, once the engine is loaded. */
  get controller(): LabController | undefined {
    return this.ctl;
  }

  /** Whether the engine is being fetched (or the stored session replayed) and not ready yet. */
  get starting(): boolean {
    return !!this.loading && !this.ctl;
  }

  /**
   * Loads the engine and opens the lab (the current stored session, or a new one) once; every
   * later call answers the same controller.
   */
  start(): Promise<LabController> {
    this.loading ??= this.load();
    return this.loading;
  }

  private async load(): Promise<LabController> {
    this.changed();
    try {
      const { LabController } = await import('./LabController');
      const c = await LabController.open(this.platform, this.writer);
      this.ctl = c;
      c.subscribe(() => this.changed());
      c.subscribeSave(() => this.saveChanged());
      // What the learner did meanwhile runs first, in order, before the UI sees the running lab.
      for (const fn of this.waiting.splice(0)) {
        try {
          fn(c);
        } catch (e) {
          console.error(e);
        }
      }
      this.changed();
      this.saveChanged();
      return c;
    } catch (e) {
      this.loading = undefined;
      this.failed = {
        level: 'error',
        text: `The lab could not be started: ${e instanceof Error ? e.message : String(e)}. Reload the page to try again.`,
      };
      this.changed();
      throw e;
    }
  }

  /** Runs `fn` with the controller: now when the engine is ready, else once it is (in order). */
  act(fn: (c: LabController) => void): void {
    if (this.ctl) {
      fn(this.ctl);
      return;
    }
    this.waiting.push(fn);
    void this.start().catch(() => undefined);
  }

  /** The learner's view: the running lab's (all of it), or the first view before the engine runs. */
  view(): FirstScreenView {
    return this.ctl ? viewAt(this.ctl, this.ctl.getVersion()) : this.first.view;
  }

  get title(): string {
    return this.ctl ? this.ctl.current.definition.title : this.first.title;
  }

  get notice(): Notice | undefined {
    return this.ctl ? this.ctl.notice : this.failed;
  }

  get scenario(): LabController['scenario'] {
    return this.ctl?.scenario;
  }

  get currentSession(): LabController['currentSession'] {
    return this.ctl?.currentSession;
  }

  dismissNotice(): void {
    if (this.ctl) this.ctl.dismissNotice();
    else {
      this.failed = undefined;
      this.changed();
    }
  }

  saveStatus(): SaveStatus {
    return this.ctl ? this.ctl.saveStatus() : SAVED;
  }

  subscribeSave(listener: () => void): () => void {
    this.saveListeners.add(listener);
    return () => this.saveListeners.delete(listener);
  }

  /** Every lab change (and the engine's arrival). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  getVersion(): number {
    return this.version;
  }

  private changed(): void {
    this.version++;
    for (const l of this.listeners) l();
  }

  private saveChanged(): void {
    for (const l of this.saveListeners) l();
  }
}

/**
 * One learner view per lab and version, shared by every component that reads it: projecting the
 * view costs several milliseconds, and some twenty mounted components ask for it after each change
 * (computing it once each made a console command's echo take ~100 ms; `npm run bench:ui`).
 */
const views = new WeakMap<object, { version: number; view: LearnerView }>();

function viewAt(c: LabController, version: number): LearnerView {
  const lab = c.current;
  const hit = views.get(lab);
  if (hit?.version === version) return hit.view;
  const view = lab.learnerView();
  views.set(lab, { version, view });
  return view;
}
