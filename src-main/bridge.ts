/**
 * The typed contract between the renderer and the Electron main process: the only thing the two
 * share. Type-only: both sides import it with `import type`. Invoke channels derive from the method
 * names (`hybridlab:<method>`), so they cannot drift apart; the one event channel (menu actions)
 * is a named subscribe function.
 */
import type { SessionSummary } from '../simulation';

export type SaveResult = { ok: true; location?: string } | { ok: false; error: string };
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** A session's journal as read back: the intact lines, and what could not be read. */
export interface LoadedSession {
  id: string;
  /** Journal lines (docs/session-format.md), header first: the longest intact prefix. */
  lines: string[];
  /** Lines after that prefix that could not be read (a torn last write, damage). */
  unreadable: number;
  /** Where reading stopped, e.g. `line 812: checksum does not match`. */
  stoppedAt?: string;
  /** Where the damaged original was kept, when there was damage. */
  keptAs?: string;
}

export interface DamagedSession {
  id: string;
  error: string;
}

export interface SessionList {
  sessions: SessionSummary[];
  /** Sessions whose first record cannot be read: listed, never hidden or deleted. */
  damaged: DamagedSession[];
  /** The session last opened. */
  current?: string;
}

export interface ImportedSession {
  id: string;
  unreadable: number;
  stoppedAt?: string;
}

/**
 * Where sessions are kept: the same operations over a folder (desktop, src-main/store) and over
 * IndexedDB (browser). Lines are written by one writer, in order, and a write is answered only
 * once it is durable.
 */
export interface SessionStore {
  list(): Promise<Result<SessionList>>;
  /** A new session from its lines (header first). */
  create(lines: string[]): Promise<Result<{ id: string }>>;
  /** Appends lines numbered after the last; answers once they are on disk. */
  append(id: string, lines: string[]): Promise<Result<{ seq: number }>>;
  /** Reads a session (recovering its longest intact prefix, the damaged original kept aside). */
  load(id: string): Promise<Result<LoadedSession>>;
  /** Keeps records up to `seq` (the rest no longer replay); the original is kept aside. */
  truncate(id: string, seq: number): Promise<Result<{ keptAs: string }>>;
  duplicate(id: string, title: string): Promise<Result<{ id: string }>>;
  setCurrent(id: string): Promise<Result<null>>;
  importText(text: string, source: string): Promise<Result<ImportedSession>>;
  exportText(id: string): Promise<Result<string>>;
}

export interface InstructorStatus {
  passphraseSet: boolean;
  unlocked: boolean;
  /** `npm start -- --instructor`: open the unlock dialog at start. */
  askAtStart: boolean;
}

/** What the application menu asks the page to do. */
export type MenuAction = 'new-session' | 'open-session' | 'save-copy' | 'export-report' | 'instructor-mode';
export type MenuChannel = 'hybridlab:menu';

export interface HybridLabBridge {
  sessionList(): Promise<Result<SessionList>>;
  sessionCreate(lines: string[]): Promise<Result<{ id: string }>>;
  sessionAppend(id: string, lines: string[]): Promise<Result<{ seq: number }>>;
  sessionLoad(id: string): Promise<Result<LoadedSession>>;
  sessionTruncate(id: string, seq: number): Promise<Result<{ keptAs: string }>>;
  sessionDuplicate(id: string, title: string): Promise<Result<{ id: string }>>;
  sessionSetCurrent(id: string): Promise<Result<null>>;
  /** Asks where to save, and writes the stored session there as a `.hlab` file. */
  sessionExport(id: string, suggestedName: string): Promise<SaveResult>;
  /** Asks for a `.hlab` file and imports it as a new session. */
  sessionImport(): Promise<Result<ImportedSession>>;
  /** The text of a session saved by an older HybridLab (before the journal), if one is there. */
  legacySession(): Promise<Result<string | null>>;
  /** Puts the older save aside once it has been imported. */
  retireLegacySession(): Promise<Result<null>>;
  /** Asks where to save a file (report, session copy) and writes it. */
  exportFile(suggestedName: string, text: string): Promise<SaveResult>;
  /**
   * Signs a result's text with the installation's Ed25519 key (src-main/resultSigning.ts): the
   * raw public key and the signature, both base64. The private key never leaves main.
   */
  signResult(text: string): Promise<Result<{ publicKey: string; signature: string }>>;
  /** Renders a self-contained HTML report to PDF (print-to-PDF), asks where to save it and writes it. */
  exportPdf(suggestedName: string, html: string): Promise<SaveResult>;
  appInfo(): Promise<{ version: string; electron: string; sessionFolder: string }>;
  /** Whether an instructor passphrase is set, whether instructor mode is on, and whether to ask at start. */
  instructorStatus(): Promise<Result<InstructorStatus>>;
  /** Sets the instructor passphrase the first time (stored as a salted scrypt hash) and unlocks. */
  instructorSetPassphrase(passphrase: string): Promise<Result<null>>;
  /** Unlocks instructor mode (wrong passphrases are slowed down in the main process). */
  instructorUnlock(passphrase: string): Promise<Result<null>>;
  instructorLock(): Promise<Result<null>>;
  /** Calls `listener` for each application-menu action; returns the function that stops it. */
  onMenuAction(listener: (action: MenuAction) => void): () => void;
  /**
   * The classroom: one message of the host protocol (simulation/classroom/hostProtocol) to the
   * main process, which runs the hub for an unlocked instructor and keeps a learner's link; the
   * answer, if any, as text.
   */
  classroom(message: string): Promise<string | undefined>;
  /** The main process's classroom events (dashboard rows, link state, hub commands), as text. */
  onClassroomEvent(listener: (message: string) => void): () => void;
}

export type ClassroomEventChannel = 'hybridlab:classroom-event';

export type BridgeMethod = Exclude<keyof HybridLabBridge, 'onMenuAction' | 'onClassroomEvent'>;
export type BridgeChannel<M extends BridgeMethod = BridgeMethod> = `hybridlab:${M}`;
export type BridgeArgs<M extends BridgeMethod> = Parameters<HybridLabBridge[M]>;
export type BridgeReturn<M extends BridgeMethod> = Awaited<ReturnType<HybridLabBridge[M]>>;

declare global {
  interface Window {
    /** Present only inside the Electron window (set by the preload). */
    hybridlab?: HybridLabBridge;
  }
}
