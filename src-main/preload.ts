/**
 * Preload: exposes named functions to the page, nothing else (no ipcRenderer). Runs sandboxed.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type {
  BridgeArgs,
  BridgeChannel,
  BridgeMethod,
  BridgeReturn,
  ClassroomEventChannel,
  HybridLabBridge,
  MenuAction,
  MenuChannel,
} from './bridge';

function invoke<M extends BridgeMethod>(method: M, ...args: BridgeArgs<M>): Promise<BridgeReturn<M>> {
  const channel: BridgeChannel<M> = `hybridlab:${method}`;
  return ipcRenderer.invoke(channel, ...args) as Promise<BridgeReturn<M>>;
}

const MENU: MenuChannel = 'hybridlab:menu';
const CLASSROOM_EVENT: ClassroomEventChannel = 'hybridlab:classroom-event';
const MENU_ACTIONS: readonly string[] = [
  'new-session',
  'open-session',
  'save-copy',
  'export-report',
  'instructor-mode',
] satisfies MenuAction[];

const api = {
  sessionList: () => invoke('sessionList'),
  sessionCreate: (lines: string[]) => invoke('sessionCreate', lines),
  sessionAppend: (id: string, lines: string[]) => invoke('sessionAppend', id, lines),
  sessionLoad: (id: string) => invoke('sessionLoad', id),
  sessionTruncate: (id: string, seq: number) => invoke('sessionTruncate', id, seq),
  sessionDuplicate: (id: string, title: string) => invoke('sessionDuplicate', id, title),
  sessionSetCurrent: (id: string) => invoke('sessionSetCurrent', id),
  sessionExport: (id: string, suggestedName: string) => invoke('sessionExport', id, suggestedName),
  sessionImport: () => invoke('sessionImport'),
  legacySession: () => invoke('legacySession'),
  retireLegacySession: () => invoke('retireLegacySession'),
  exportFile: (suggestedName: string, text: string) => invoke('exportFile', suggestedName, text),
  signResult: (text: string) => invoke('signResult', text),
  exportPdf: (suggestedName: string, html: string) => invoke('exportPdf', suggestedName, html),
  appInfo: () => invoke('appInfo'),
  instructorStatus: () => invoke('instructorStatus'),
  instructorSetPassphrase: (passphrase: string) => invoke('instructorSetPassphrase', passphrase),
  instructorUnlock: (passphrase: string) => invoke('instructorUnlock', passphrase),
  instructorLock: () => invoke('instructorLock'),
  onMenuAction: (listener: (action: MenuAction) => void) => {
    // The page gets the action only, never the IPC event (which would expose the sender).
    const handler = (_event: unknown, action: unknown) => {
      if (typeof action === 'string' && MENU_ACTIONS.includes(action)) listener(action as MenuAction);
    };
    ipcRenderer.on(MENU, handler);
    return () => {
      ipcRenderer.removeListener(MENU, handler);
    };
  },
  classroom: (message: string) => invoke('classroom', message),
  onClassroomEvent: (listener: (message: string) => void) => {
    // Text only (the main process checks and the page checks again with the host protocol).
    const handler = (_event: unknown, message: unknown) => {
      if (typeof message === 'string') listener(message);
    };
    ipcRenderer.on(CLASSROOM_EVENT, handler);
    return () => {
      ipcRenderer.removeListener(CLASSROOM_EVENT, handler);
    };
  },
} satisfies HybridLabBridge;

contextBridge.exposeInMainWorld('hybridlab', api);
