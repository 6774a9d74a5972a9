/** The main window: sandboxed renderer, context isolation, preload bridge only. */
import { BrowserWindow } from 'electron';
import { join } from 'node:path';
import { hardenWindow } from './security';

export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 680,
    title: 'HybridLab',
    show: false,
    backgroundColor: '#f3f2f1',
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  hardenWindow(win, (url) => (devUrl ? url.startsWith(devUrl) : url.startsWith('file://')));
  win.once('ready-to-show', () => win.show());
  if (devUrl) void win.loadURL(devUrl);
  else void win.loadFile(join(__dirname, '../renderer/index.html'));
  return win;
}
