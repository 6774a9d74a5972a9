/** The plain-browser host: the session lives in localStorage; exports are downloads. */
import type { Platform } from './Platform';

const KEY = 'hybridlab.session';
const BACKUP = 'hybridlab.session.previous';

export function browserPlatform(storage: Storage = window.localStorage): Platform {
  return {
    kind: 'browser',
    loadSession: async () => {
      try {
        return { ok: true, text: storage.getItem(KEY) };
      } catch (e) {
        return { ok: false, error: `browser storage: ${e instanceof Error ? e.message : String(e)}` };
      }
    },
    saveSession: async (text) => {
      try {
        const previous = storage.getItem(KEY);
        if (previous !== null) storage.setItem(BACKUP, previous);
        storage.setItem(KEY, text);
        return { ok: true, location: 'browser storage' };
      } catch (e) {
        return { ok: false, error: `browser storage: ${e instanceof Error ? e.message : String(e)}` };
      }
    },
    keepUnreadableSession: async (text) => {
      try {
        const key = `hybridlab.session.unreadable.${Object.keys(storage).filter((k) => k.startsWith('hybridlab.session.unreadable.')).length + 1}`;
        storage.setItem(key, text);
        return { ok: true, location: key };
      } catch (e) {
        return { ok: false, error: `browser storage: ${e instanceof Error ? e.message : String(e)}` };
      }
    },
    exportFile: async (name, text) => {
      const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.click();
      URL.revokeObjectURL(url);
      return { ok: true, location: name };
    },
  };
}
