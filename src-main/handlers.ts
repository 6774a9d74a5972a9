/**
 * The bridge's handlers as plain functions over their dependencies (the session store, the file
 * dialogs), so main stays a composition root and the handlers are tested in Node.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { InstructorGate } from './instructor';
import type { Handlers } from './ipc';
import type { FileSessionStore } from './store/fileStore';
import { replaceFile } from './store/durable';

export interface Dialogs {
  /** A path to save to, or undefined when the user cancels. */
  saveTo(suggestedName: string, filter?: { name: string; extensions: string[] }): Promise<string | undefined>;
  /** A file to open, or undefined when the user cancels. */
  openFrom(filter: { name: string; extensions: string[] }): Promise<string | undefined>;
}

const HLAB = { name: 'HybridLab session', extensions: ['hlab'] };
/** The largest `.hlab` file imported (a very long session is a few tens of MB). */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

export function createHandlers(deps: {
  store: FileSessionStore;
  dialogs: Dialogs;
  appInfo: () => { version: string; electron: string };
  instructor: InstructorGate;
  /** Signs a result's text with the installation's key. */
  signResult: (text: string) => { publicKey: string; signature: string };
  /** A self-contained HTML page printed to PDF. */
  printToPdf: (html: string) => Promise<Uint8Array>;
  /** The classroom host's page session (host protocol text in, answer text out). */
  classroom?: (message: string) => Promise<string | undefined>;
}): Handlers {
  const { store, dialogs } = deps;
  return {
    sessionList: () => store.list(),
    sessionCreate: (lines) => store.create(lines),
    sessionAppend: (id, lines) => store.append(id, lines),
    sessionLoad: (id) => store.load(id),
    sessionTruncate: (id, seq) => store.truncate(id, seq),
    sessionDuplicate: (id, title) => store.duplicate(id, title),
    sessionSetCurrent: (id) => store.setCurrent(id),
    sessionExport: async (id, suggestedName) => {
      const text = await store.exportText(id);
      if (!text.ok) return text;
      const path = await dialogs.saveTo(suggestedName, HLAB);
      if (!path) return { ok: false, error: 'cancelled' };
      await replaceFile(path, text.value);
      return { ok: true, location: path };
    },
    sessionImport: async () => {
      const path = await dialogs.openFrom(HLAB);
      if (!path) return { ok: false, error: 'cancelled' };
      const size = (await stat(path)).size;
      if (size > MAX_IMPORT_BYTES)
        return { ok: false, error: `${basename(path)}: ${size} bytes, more than a session file can be` };
      return store.importText(await readFile(path, 'utf8'), basename(path));
    },
    legacySession: () => store.legacyText(),
    retireLegacySession: () => store.retireLegacy(),
    exportFile: async (suggestedName, text) => {
      const path = await dialogs.saveTo(suggestedName);
      if (!path) return { ok: false, error: 'cancelled' };
      await replaceFile(path, text);
      return { ok: true, location: path };
    },
    signResult: async (text) => ({ ok: true, value: deps.signResult(text) }),
    exportPdf: async (suggestedName, html) => {
      const pdf = await deps.printToPdf(html);
      const path = await dialogs.saveTo(suggestedName, { name: 'PDF document', extensions: ['pdf'] });
      if (!path) return { ok: false, error: 'cancelled' };
      await replaceFile(path, Buffer.from(pdf));
      return { ok: true, location: path };
    },
    appInfo: async () => ({ ...deps.appInfo(), sessionFolder: store.dir }),
    instructorStatus: async () => ({ ok: true, value: await deps.instructor.status() }),
    instructorSetPassphrase: (p) => deps.instructor.setPassphrase(p),
    instructorUnlock: (p) => deps.instructor.unlock(p),
    instructorLock: async () => deps.instructor.lock(),
    classroom: async (message) =>
      deps.classroom
        ? deps.classroom(message)
        : JSON.stringify({ kind: 'error', text: 'The classroom is not available in this window.' }),
  };
}
