/**
 * What the UI needs from whatever hosts it: somewhere to keep the session, and a way to hand the
 * user a file. Two implementations: the Electron window (through the preload bridge) and a plain
 * browser (localStorage and downloads). The UI never knows which one it has beyond `kind`.
 */
export type SaveResult = { ok: true; location?: string } | { ok: false; error: string };
export type LoadResult = { ok: true; text: string | null } | { ok: false; error: string };

export interface Platform {
  kind: 'electron' | 'browser';
  loadSession(): Promise<LoadResult>;
  saveSession(text: string): Promise<SaveResult>;
  keepUnreadableSession(text: string): Promise<SaveResult>;
  exportFile(suggestedName: string, text: string): Promise<SaveResult>;
}
