import { describe, expect, it, vi } from 'vitest';

const handled: string[] = [];
const windows: { options: Record<string, unknown> }[] = [];

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = { setWindowOpenHandler: vi.fn(), on: vi.fn() };
    constructor(public options: Record<string, unknown>) {
      windows.push({ options });
    }
    once = vi.fn();
    loadURL = vi.fn(async () => undefined);
    loadFile = vi.fn(async () => undefined);
  }
  return {
    app: {
      whenReady: () => Promise.resolve(),
      on: vi.fn(),
      getPath: () => '/tmp/hybridlab-test',
      getVersion: () => '0.1.0',
    },
    BrowserWindow,
    dialog: { showSaveDialog: vi.fn() },
    ipcMain: { handle: (channel: string) => handled.push(channel) },
    session: {
      defaultSession: { setPermissionRequestHandler: vi.fn(), webRequest: { onHeadersReceived: vi.fn() } },
    },
  };
});

describe('the Electron main entry', () => {
  it('opens one sandboxed, context-isolated window and registers the bridge handlers', async () => {
    await import('../../src-main/index');
    await new Promise((r) => setTimeout(r, 0));
    expect(windows).toHaveLength(1);
    const prefs = windows[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs.sandbox).toBe(true);
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(handled.sort()).toEqual(
      [
        'hybridlab:appInfo',
        'hybridlab:exportFile',
        'hybridlab:keepUnreadableSession',
        'hybridlab:loadSession',
        'hybridlab:saveSession',
      ].sort(),
    );
  });
});
