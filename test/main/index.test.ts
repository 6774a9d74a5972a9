import { describe, expect, it, vi } from 'vitest';

const handled: string[] = [];
const windows: { options: Record<string, unknown>; contents: { on: ReturnType<typeof vi.fn> } }[] = [];
const appEvents: string[] = [];
let lock = true;

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = { setWindowOpenHandler: vi.fn(), on: vi.fn(), send: vi.fn() };
    constructor(public options: Record<string, unknown>) {
      windows.push({ options, contents: this.webContents });
    }
    on = vi.fn();
    once = vi.fn();
    loadURL = vi.fn(async () => undefined);
    loadFile = vi.fn(async () => undefined);
  }
  return {
    app: {
      isPackaged: true,
      requestSingleInstanceLock: () => lock,
      quit: vi.fn(),
      whenReady: () => Promise.resolve(),
      on: (event: string) => appEvents.push(event),
      getPath: () => '/tmp/hybridlab-test',
      getVersion: () => '0.1.0',
    },
    BrowserWindow,
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((t: unknown) => t) },
    dialog: { showSaveDialog: vi.fn(), showOpenDialog: vi.fn(), showMessageBox: vi.fn() },
    ipcMain: { handle: (channel: string) => handled.push(channel) },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] },
    shell: { openPath: vi.fn() },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
        webRequest: { onHeadersReceived: vi.fn() },
      },
    },
  };
});

describe('the Electron main entry', () => {
  it('takes the single-instance lock, guards new web contents, opens one sandboxed window and registers the bridge', async () => {
    await import('../../src-main/index');
    await new Promise((r) => setTimeout(r, 50));
    expect(appEvents).toEqual(
      expect.arrayContaining(['web-contents-created', 'second-instance', 'before-quit']),
    );
    expect(windows).toHaveLength(1);
    const prefs = windows[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(handled.sort()).toEqual(
      [
        'appInfo',
        'classroom',
        'exportFile',
        'exportPdf',
        'instructorLock',
        'instructorSetPassphrase',
        'instructorStatus',
        'instructorUnlock',
        'legacySession',
        'retireLegacySession',
        'sessionAppend',
        'sessionCreate',
        'sessionDuplicate',
        'sessionExport',
        'sessionImport',
        'sessionList',
        'sessionLoad',
        'sessionSetCurrent',
        'sessionTruncate',
        'signResult',
      ]
        .map((m) => `hybridlab:${m}`)
        .sort(),
    );
  });

  it('in a packaged (learner) build, keeps the developer tools closed and out of the menu', async () => {
    const { Menu } = await import('electron');
    const template = vi.mocked(Menu.setApplicationMenu).mock.calls[0]![0] as unknown as {
      submenu?: { role?: string }[];
    }[];
    const roles = template.flatMap((m) => (m.submenu ?? []).map((i) => i.role));
    expect(roles).toContain('togglefullscreen');
    expect(roles).not.toContain('toggleDevTools');
    // The policy watches the window: tools that open anyway are closed, their shortcuts swallowed.
    const events = windows[0]!.contents.on.mock.calls.map((c) => c[0] as string);
    expect(events).toEqual(expect.arrayContaining(['devtools-opened', 'before-input-event']));
  });

  it('a second copy of the app quits at once instead of writing the same sessions', async () => {
    vi.resetModules();
    lock = false;
    windows.length = 0;
    const { app } = await import('electron');
    await import('../../src-main/index');
    await new Promise((r) => setTimeout(r, 20));
    expect(app.quit).toHaveBeenCalled();
    expect(windows).toHaveLength(0);
  });
});
