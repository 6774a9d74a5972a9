/** The Electron host: everything goes through the preload bridge (window.hybridlab). */
import type { HybridLabBridge } from '../../src-main/bridge';
import type { Platform } from './Platform';

export function electronPlatform(bridge: HybridLabBridge): Platform {
  return {
    kind: 'electron',
    sessions: {
      list: () => bridge.sessionList(),
      create: (lines) => bridge.sessionCreate(lines),
      append: (id, lines) => bridge.sessionAppend(id, lines),
      load: (id) => bridge.sessionLoad(id),
      truncate: (id, seq) => bridge.sessionTruncate(id, seq),
      duplicate: (id, title) => bridge.sessionDuplicate(id, title),
      setCurrent: (id) => bridge.sessionSetCurrent(id),
      // Importing and exporting text is the main process's job (it owns the dialogs and files).
      importText: async () => ({ ok: false, error: 'importText: use importSession on the desktop' }),
      exportText: async () => ({ ok: false, error: 'exportText: use exportSession on the desktop' }),
    },
    // The main process holds the single-instance lock: this window is the only writer.
    claimWriter: async () => true,
    exportSession: (id, name) => bridge.sessionExport(id, name),
    importSession: () => bridge.sessionImport(),
    legacySession: () => bridge.legacySession(),
    retireLegacySession: () => bridge.retireLegacySession(),
    exportFile: (name, text) => bridge.exportFile(name, text),
    signResult: (text) => bridge.signResult(text),
    exportPdf: (name, html) => bridge.exportPdf(name, html),
    instructor: {
      status: () => bridge.instructorStatus(),
      setPassphrase: (p) => bridge.instructorSetPassphrase(p),
      unlock: (p) => bridge.instructorUnlock(p),
      lock: () => bridge.instructorLock(),
    },
    onMenuAction: (listener) => bridge.onMenuAction(listener),
  };
}
