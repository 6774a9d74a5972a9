import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW,
  fitToDisplays,
  loadWindowState,
  parseWindowState,
  trackWindowState,
  type TrackedWindow,
} from '../../src-main/windowState';

const SCREEN = { x: 0, y: 0, width: 1920, height: 1040 };

describe("the window's size and place between runs", () => {
  it('comes back where it was', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hybridlab-win-'));
    const file = join(dir, 'window-state.json');
    const listeners = new Map<string, () => void>();
    const win: TrackedWindow = {
      getNormalBounds: () => ({ x: 100, y: 80, width: 1300, height: 800 }),
      isMaximized: () => true,
      isFullScreen: () => false,
      on: (e, l) => listeners.set(e, l),
    };
    const timers: (() => void)[] = [];
    trackWindowState(win, file, { set: (fn) => timers.push(fn), clear: () => undefined });
    listeners.get('move')!();
    timers.at(-1)!();
    await new Promise((r) => setTimeout(r, 50));
    expect(await loadWindowState(file, [SCREEN])).toEqual({
      x: 100,
      y: 80,
      width: 1300,
      height: 800,
      maximized: true,
      fullScreen: false,
    });
    listeners.get('close')!(); // written at once, synchronously
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ x: 100, maximized: true });
  });

  it('starts at the default size when there is no saved state or it is not JSON', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hybridlab-win-'));
    expect(await loadWindowState(join(dir, 'none.json'), [SCREEN])).toEqual(DEFAULT_WINDOW);
    await writeFile(join(dir, 'bad.json'), '{"width":');
    expect(await loadWindowState(join(dir, 'bad.json'), [SCREEN])).toEqual(DEFAULT_WINDOW);
    expect(parseWindowState('{"width":"wide","height":1}')).toBeUndefined();
  });

  it('is centred again when its monitor is gone, and never larger than the largest screen', () => {
    const saved = { x: 2500, y: 100, width: 1400, height: 900, maximized: false, fullScreen: false };
    expect(fitToDisplays(saved, [SCREEN])).toEqual({
      width: 1400,
      height: 900,
      maximized: false,
      fullScreen: false,
    });
    expect(fitToDisplays(saved, [SCREEN, { x: 1920, y: 0, width: 1280, height: 1024 }])).toEqual(saved);
    expect(fitToDisplays({ ...saved, x: 0, y: 0, width: 4000, height: 3000 }, [SCREEN])).toMatchObject({
      width: 1920,
      height: 1040,
    });
  });
});
