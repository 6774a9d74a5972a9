/** Electron main process: the composition root. It only wires the pieces together. */
import { app, dialog, ipcMain, session } from 'electron';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { registerHandlers, type Handlers } from './ipc';
import { hardenSession } from './security';
import { keepUnreadable, loadSessionFile, saveSessionFile } from './sessionFiles';
import { createMainWindow } from './window';

const sessionFolder = () => join(app.getPath('userData'), 'sessions');

const handlers: Handlers = {
  loadSession: () => loadSessionFile(sessionFolder()),
  saveSession: (text) => saveSessionFile(sessionFolder(), text),
  keepUnreadableSession: (text) =>
    keepUnreadable(sessionFolder(), text, new Date().toISOString().replace(/[:.]/g, '-')),
  exportFile: async (suggestedName, text) => {
    const r = await dialog.showSaveDialog({ defaultPath: suggestedName });
    if (r.canceled || !r.filePath) return { ok: false, error: 'cancelled' };
    await writeFile(r.filePath, text, 'utf8');
    return { ok: true, location: r.filePath };
  },
  appInfo: async () => ({
    version: app.getVersion(),
    electron: process.versions.electron ?? '',
    sessionFolder: sessionFolder(),
  }),
};

void app.whenReady().then(() => {
  hardenSession(session.defaultSession);
  const win = createMainWindow();
  registerHandlers(ipcMain, handlers, (event) => event.sender === win.webContents);
});

app.on('window-all-closed', () => app.quit());
