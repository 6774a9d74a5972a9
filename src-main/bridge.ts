/**
 * The typed contract between the renderer and the Electron main process: the only thing the two
 * share. Type-only: both sides import it with `import type`. Channel names derive from the method
 * names, so they cannot drift apart.
 */
export type SaveResult = { ok: true; location?: string } | { ok: false; error: string };
export type LoadResult = { ok: true; text: string | null } | { ok: false; error: string };

export interface HybridLabBridge {
  /** The saved session text, or null when there is none. */
  loadSession(): Promise<LoadResult>;
  /** Saves the session text (the previous save is kept as a backup). */
  saveSession(text: string): Promise<SaveResult>;
  /** Keeps a session that could not be read, beside the others, so no learner work is lost. */
  keepUnreadableSession(text: string): Promise<SaveResult>;
  /** Asks where to save a file (report, session export) and writes it. */
  exportFile(suggestedName: string, text: string): Promise<SaveResult>;
  appInfo(): Promise<{ version: string; electron: string; sessionFolder: string }>;
}

export type BridgeMethod = keyof HybridLabBridge;
export type BridgeChannel<M extends BridgeMethod = BridgeMethod> = `hybridlab:${M}`;
export type BridgeArgs<M extends BridgeMethod> = Parameters<HybridLabBridge[M]>;
export type BridgeReturn<M extends BridgeMethod> = Awaited<ReturnType<HybridLabBridge[M]>>;

declare global {
  interface Window {
    /** Present only inside the Electron window (set by the preload). */
    hybridlab?: HybridLabBridge;
  }
}
