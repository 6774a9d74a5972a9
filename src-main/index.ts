/** Electron main process: the composition root. It only wires the pieces together. */
import { app, dialog, ipcMain, Menu, screen, session, shell, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ClassroomEventChannel, MenuAction, MenuChannel } from './bridge';
import { bundledScenarioTexts } from './classroom/bundledPack';
import { ClassroomHost, pageSession } from './classroom/host';
import { DevToolsPolicy } from './devtools';
import { createHandlers } from './handlers';
import { printToPdf } from './pdf';
import { loadOrCreateKey, nodeSigner } from './resultSigning';
import { InstructorGate } from './instructor';
import { registerHandlers } from './ipc';
import { menuTemplate } from './menu';
import { appUrlMatcher, hardenApp, hardenSession } from './security';
import { FileSessionStore } from './store/fileStore';
import { createMainWindow } from './window';
import { loadWindowState, trackWindowState } from './windowState';

const devUrl = process.env.ELECTRON_RENDERER_URL;
const indexFile = join(__dirname, '../renderer/index.html');
const isAppUrl = appUrlMatcher(devUrl ?? pathToFileURL(indexFile).href);

/**
 * Developer tools: off in a packaged (learner) build. Unlocking instructor mode turns them on
 * (`devTools.setDevToolsAllowed(true)`), locking it turns them off; the menu and any open tools follow.
 */
const devTools = new DevToolsPolicy(!app.isPackaged);
/** `npm start -- --instructor` (start.mjs passes it on as HYBRIDLAB_INSTRUCTOR=1). */
const askInstructor = process.argv.includes('--instructor') || process.env.HYBRIDLAB_INSTRUCTOR === '1';

function start(): void {
  let win: BrowserWindow | undefined;
  hardenApp(app, isAppUrl);
  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });
  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession);
    const store = new FileSessionStore(join(app.getPath('userData'), 'sessions'));
    app.on('before-quit', () => void store.close());
    const stateFile = join(app.getPath('userData'), 'window-state.json');
    const state = await loadWindowState(
      stateFile,
      screen.getAllDisplays().map((d) => d.workArea),
    );
    const w = createMainWindow(state, join(__dirname, '../preload/index.js'));
    win = w;
    devTools.attach(w.webContents);
    trackWindowState(w, stateFile);

    const send = (action: MenuAction) => {
      const channel: MenuChannel = 'hybridlab:menu';
      w.webContents.send(channel, action);
    };
    const setMenu = () =>
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(
          menuTemplate({
            platform: process.platform,
            send,
            devToolsAllowed: devTools.isAllowed(),
            showAbout: () =>
              void dialog.showMessageBox(w, {
                type: 'info',
                title: 'About HybridLab',
                message: `HybridLab ${app.getVersion()}`,
                detail: `Electron ${process.versions.electron ?? ''}\nSessions are kept in ${store.dir}`,
              }),
            openSessionsFolder: () => void shell.openPath(store.dir),
          }),
        ),
      );
    setMenu();
    devTools.onChange(setMenu);

    const instructor = new InstructorGate({
      file: join(app.getPath('userData'), 'instructor.json'),
      askAtStart: askInstructor,
      onRole: (unlocked) => devTools.setDevToolsAllowed(unlocked || !app.isPackaged),
    });
    // The classroom: the hub of an instructor's class and a learner's link live here, in the main
    // process; class messages are only served while instructor mode is unlocked.
    const classroom = new ClassroomHost({
      dataDir: join(app.getPath('userData'), 'classroom'),
      scenarioTexts: bundledScenarioTexts(),
      log: (line) => console.log(line),
    });
    app.on('before-quit', () => void classroom.close());
    const classroomEvent: ClassroomEventChannel = 'hybridlab:classroom-event';
    const classPage = pageSession(
      classroom,
      (m) => {
        if (!w.isDestroyed()) w.webContents.send(classroomEvent, JSON.stringify(m));
      },
      () => instructor.isUnlocked(),
    );
    const handlers = createHandlers({
      store,
      instructor,
      classroom: async (message) => {
        const reply = await classPage.receive(message);
        return reply ? JSON.stringify(reply) : undefined;
      },
      dialogs: {
        saveTo: async (name, filter) => {
          const r = await dialog.showSaveDialog(w, {
            defaultPath: join(app.getPath('documents'), name),
            ...(filter ? { filters: [filter] } : {}),
          });
          return r.canceled ? undefined : r.filePath;
        },
        openFrom: async (filter) => {
          const r = await dialog.showOpenDialog(w, { properties: ['openFile'], filters: [filter] });
          return r.canceled ? undefined : r.filePaths[0];
        },
      },
      appInfo: () => ({ version: app.getVersion(), electron: process.versions.electron ?? '' }),
      // The installation's key, made on first use (result-key.json in the app's folder).
      signResult: (text) => {
        const signer = nodeSigner(loadOrCreateKey(app.getPath('userData')));
        return { publicKey: signer.publicKey, signature: signer.sign(text) };
      },
      printToPdf,
    });
    registerHandlers(
      ipcMain,
      handlers,
      (event) => event.sender === w.webContents && isAppUrl(event.senderFrame?.url ?? ''),
    );
    if (devUrl) void w.loadURL(devUrl);
    else void w.loadFile(indexFile);
  });
}

// One app per user-data folder: a second one would be a second writer of the same sessions.
if (app.requestSingleInstanceLock()) start();
else app.quit();
