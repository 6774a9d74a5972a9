/**
 * What the UI needs from whatever hosts it: a session store, a way to hand the user a file and to
 * take one from them, and (on the desktop) the application menu's actions. Two implementations:
 * the Electron window (through the preload bridge) and a plain browser (IndexedDB, downloads).
 * The UI never knows which one it has beyond `kind`.
 */
import type {
  ImportedSession,
  InstructorStatus,
  MenuAction,
  Result,
  SaveResult,
  SessionStore,
} from '../../src-main/bridge';

export type { ImportedSession, InstructorStatus, MenuAction, Result, SaveResult, SessionStore };

/**
 * The instructor's passphrase: set once, kept as a salted scrypt hash (the app's data folder on the
 * desktop, the browser's storage in browser mode); wrong guesses are slowed down.
 */
export interface InstructorAuth {
  status(): Promise<Result<InstructorStatus>>;
  setPassphrase(passphrase: string): Promise<Result<null>>;
  unlock(passphrase: string): Promise<Result<null>>;
  lock(): Promise<Result<null>>;
}

export interface Platform {
  kind: 'electron' | 'browser';
  sessions: SessionStore;
  /**
   * Makes this window the one writer of the sessions (a second browser tab would be a second
   * writer). False when another window already is.
   */
  claimWriter(): Promise<boolean>;
  /** Asks where to put a stored session and writes it there as a `.hlab` file. */
  exportSession(id: string, suggestedName: string): Promise<SaveResult>;
  /** Asks for a `.hlab` file and imports it as a new session (error "cancelled" when none is chosen). */
  importSession(): Promise<Result<ImportedSession>>;
  /** The text of a session saved by an older HybridLab (before the journal), if one is there. */
  legacySession(): Promise<Result<string | null>>;
  retireLegacySession(): Promise<Result<null>>;
  exportFile(suggestedName: string, text: string): Promise<SaveResult>;
  /**
   * Signs a result's text with this installation's Ed25519 key (the desktop app's, kept in its
   * folder; a browser's, kept in its IndexedDB). Error "unsupported" where no key can be made.
   */
  signResult(text: string): Promise<Result<{ publicKey: string; signature: string }>>;
  /**
   * The report as PDF: the desktop app prints it to a PDF file; a browser opens the report in a
   * print view (its print dialog has "Save as PDF").
   */
  exportPdf(suggestedName: string, html: string): Promise<SaveResult>;
  instructor: InstructorAuth;
  /** Application-menu actions (desktop only; a browser has no app menu). */
  onMenuAction(listener: (action: MenuAction) => void): () => void;
}
