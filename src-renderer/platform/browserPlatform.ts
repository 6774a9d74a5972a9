/**
 * The plain-browser host: sessions in IndexedDB (idbSessionStore.ts); exports are downloads,
 * imports a file chooser; one tab at a time writes (Web Locks), as one desktop app at a time does.
 */
import { BrowserInstructorAuth } from './browserInstructor';
import { browserSignResult } from './browserSigning';
import { IdbSessionStore } from './idbSessionStore';
import type { Platform } from './Platform';

const LEGACY_KEYS = ['hybridlab.session', 'hybridlab.session.previous'];

function download(name: string, text: string, type = 'application/octet-stream'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // Revoked later: revoking at once can cancel the download before it starts.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Lets the learner choose a file; resolves null when they cancel. */
function chooseFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null));
    input.addEventListener('cancel', () => resolve(null));
    input.click();
  });
}

export function browserPlatform(storage: Storage = window.localStorage): Platform {
  const sessions = new IdbSessionStore();
  return {
    kind: 'browser',
    sessions,
    claimWriter: async () => {
      if (!navigator.locks) return true;
      // Held for as long as the tab lives: the lock's callback never returns.
      return new Promise<boolean>((resolve) => {
        void navigator.locks.request('hybridlab.sessions', { ifAvailable: true }, (lock) => {
          resolve(lock !== null);
          return lock ? new Promise<void>(() => undefined) : undefined;
        });
      });
    },
    exportSession: async (id, name) => {
      const text = await sessions.exportText(id);
      if (!text.ok) return text;
      download(name, text.value);
      return { ok: true, location: name };
    },
    importSession: async () => {
      const file = await chooseFile('.hlab');
      if (!file) return { ok: false, error: 'cancelled' };
      return sessions.importText(await file.text(), file.name);
    },
    legacySession: async () => {
      try {
        return { ok: true, value: storage.getItem(LEGACY_KEYS[0] as string) };
      } catch (e) {
        return { ok: false, error: `browser storage: ${e instanceof Error ? e.message : String(e)}` };
      }
    },
    retireLegacySession: async () => {
      for (const k of LEGACY_KEYS) storage.removeItem(k);
      return { ok: true, value: null };
    },
    exportFile: async (name, text) => {
      download(name, text, name.endsWith('.json') ? 'application/json' : 'application/octet-stream');
      return { ok: true, location: name };
    },
    signResult: browserSignResult,
    exportPdf: async (name, html) => {
      // The report in a tab of its own, printed from there ("Save as PDF" in the print dialog).
      const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
      const w = window.open(url, '_blank');
      if (!w) {
        URL.revokeObjectURL(url);
        return { ok: false, error: 'the browser blocked the print view (allow pop-ups for this page)' };
      }
      w.addEventListener('load', () => w.print(), { once: true });
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return { ok: true, location: name };
    },
    instructor: new BrowserInstructorAuth(storage, /[?#&]instructor\b/.test(location.search + location.hash)),
    onMenuAction: () => () => undefined,
  };
}
