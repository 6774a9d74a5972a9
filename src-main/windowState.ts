/**
 * The window's size and position between runs: saved when it moves, resizes or closes, restored
 * at start only where it is still visible (a monitor unplugged since puts it back in the middle).
 */
import { readFile } from 'node:fs/promises';
import { replaceFile, replaceFileSync } from './store/durable';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
  fullScreen: boolean;
}

export const DEFAULT_WINDOW: WindowState = { width: 1440, height: 900, maximized: false, fullScreen: false };
export const MIN_SIZE = { width: 1024, height: 680 };

const int = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 100_000;

export function parseWindowState(text: string): WindowState | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  if (!int(r.width) || !int(r.height)) return undefined;
  return {
    ...(int(r.x) && int(r.y) ? { x: r.x, y: r.y } : {}),
    width: r.width,
    height: r.height,
    maximized: r.maximized === true,
    fullScreen: r.fullScreen === true,
  };
}

/** The state, made to fit the displays there are now: at least the title bar reachable on one of them. */
export function fitToDisplays(state: WindowState, workAreas: Rect[]): WindowState {
  const largest = workAreas.reduce<Rect | undefined>(
    (a, b) => (!a || b.width * b.height > a.width * a.height ? b : a),
    undefined,
  );
  const width = Math.max(MIN_SIZE.width, Math.min(state.width, largest?.width ?? state.width));
  const height = Math.max(MIN_SIZE.height, Math.min(state.height, largest?.height ?? state.height));
  const { x, y, ...rest } = state;
  if (x === undefined || y === undefined) return { ...rest, width, height };
  const titleBar = { x, y, width, height: 40 };
  const visible = workAreas.some(
    (a) =>
      Math.min(titleBar.x + titleBar.width, a.x + a.width) - Math.max(titleBar.x, a.x) >= 100 &&
      Math.min(titleBar.y + titleBar.height, a.y + a.height) - Math.max(titleBar.y, a.y) >= 20,
  );
  return visible ? { ...rest, x, y, width, height } : { ...rest, width, height };
}

export async function loadWindowState(file: string, workAreas: Rect[]): Promise<WindowState> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  return fitToDisplays((text !== undefined && parseWindowState(text)) || DEFAULT_WINDOW, workAreas);
}

/** What a window reports about itself (Electron's BrowserWindow has these). */
export interface TrackedWindow {
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isFullScreen(): boolean;
  on(event: 'resize' | 'move' | 'close', listener: () => void): unknown;
}

export function stateOf(win: TrackedWindow): WindowState {
  const b = win.getNormalBounds();
  return { ...b, maximized: win.isMaximized(), fullScreen: win.isFullScreen() };
}

/** Saves the window's state half a second after it stops moving, and at once when it closes. */
export function trackWindowState(
  win: TrackedWindow,
  file: string,
  timers: { set: (fn: () => void, ms: number) => unknown; clear: (h: unknown) => void } = {
    set: (fn, ms) => setTimeout(fn, ms),
    clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  },
): void {
  let timer: unknown;
  const save = () => void replaceFile(file, JSON.stringify(stateOf(win))).catch(() => undefined);
  const later = () => {
    if (timer !== undefined) timers.clear(timer);
    timer = timers.set(() => {
      timer = undefined;
      save();
    }, 500);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('close', () => {
    if (timer !== undefined) timers.clear(timer);
    try {
      replaceFileSync(file, JSON.stringify(stateOf(win)));
    } catch {
      // The window's place is a convenience: failing to keep it never stops the app closing.
    }
  });
}
