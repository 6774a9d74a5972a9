/** The main window: sandboxed renderer, context isolation, preload bridge only, its old place restored. */
import { BrowserWindow } from 'electron';
import type { WindowState } from './windowState';

export function createMainWindow(state: WindowState, preload: string): BrowserWindow {
  const win = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: 1024,
    minHeight: 680,
    title: 'HybridLab',
    show: false,
    backgroundColor: '#f3f2f1',
    webPreferences: {
      // Reviewed: the preload exposes named functions only (no ipcRenderer), ends with `satisfies`,
      // and every channel it calls is validated and rate-limited in main (ipc.ts).
      preload, // eng-disable PRELOAD_JS_CHECK
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // A middle click on a link would otherwise open it in a new window.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize();
    if (state.fullScreen) win.setFullScreen(true);
    win.show();
  });
  return win;
}
