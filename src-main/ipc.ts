/**
 * Registers the bridge's handlers on ipcMain through one typed helper: every channel is
 * `hybridlab:<method>`; only our own window's frames are answered; every channel has a rate limit
 * (a page gone wrong cannot flood the disk or stack up dialogs); every argument is validated
 * before a handler sees it.
 */
import type { IpcMainInvokeEvent } from 'electron';
import { isSessionId, MAX_LINE_CHARS } from '../simulation';
import type { BridgeArgs, BridgeMethod, BridgeReturn } from './bridge';
import { RateLimiter, type Rate } from './rateLimit';

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
}

export type Handlers = { [M in BridgeMethod]: (...args: BridgeArgs<M>) => Promise<BridgeReturn<M>> };

export type Validators = { [M in BridgeMethod]: (args: unknown[]) => args is BridgeArgs<M> };

/** Electron refuses IPC messages past about this size; a bigger one fails here, with a reason. */
export const MAX_TEXT = 48 * 1024 * 1024;
/** One append: what a few seconds of work can produce, with room to spare. */
export const MAX_APPEND_CHARS = 16 * 1024 * 1024;

const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_TEXT;
const hasControl = (s: string) => [...s].some((ch) => ch.charCodeAt(0) < 0x20);
const isName = (v: unknown): v is string =>
  typeof v === 'string' && v.length > 0 && v.length <= 200 && !/[\\/:*?"<>|]/.test(v) && !hasControl(v);
const isId = (v: unknown): v is string => typeof v === 'string' && isSessionId(v);
const isTitle = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200;
/** A passphrase: any text a person types, within reason. */
const isPassphrase = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 1024;

function isLines(v: unknown, maxCount: number, maxChars: number): v is string[] {
  if (!Array.isArray(v) || v.length === 0 || v.length > maxCount) return false;
  let total = 0;
  for (const l of v) {
    if (typeof l !== 'string' || l.length > MAX_LINE_CHARS) return false;
    total += l.length;
    if (total > maxChars) return false;
  }
  return true;
}

export const validators: Validators = {
  sessionList: (a): a is [] => a.length === 0,
  sessionCreate: (a): a is [string[]] => a.length === 1 && isLines(a[0], 1_000_000, MAX_TEXT),
  sessionAppend: (a): a is [string, string[]] =>
    a.length === 2 && isId(a[0]) && isLines(a[1], 100_000, MAX_APPEND_CHARS),
  sessionLoad: (a): a is [string] => a.length === 1 && isId(a[0]),
  sessionTruncate: (a): a is [string, number] =>
    a.length === 2 && isId(a[0]) && Number.isSafeInteger(a[1]) && (a[1] as number) >= 1,
  sessionDuplicate: (a): a is [string, string] => a.length === 2 && isId(a[0]) && isTitle(a[1]),
  sessionSetCurrent: (a): a is [string] => a.length === 1 && isId(a[0]),
  sessionExport: (a): a is [string, string] => a.length === 2 && isId(a[0]) && isName(a[1]),
  sessionImport: (a): a is [] => a.length === 0,
  legacySession: (a): a is [] => a.length === 0,
  retireLegacySession: (a): a is [] => a.length === 0,
  exportFile: (a): a is [string, string] => a.length === 2 && isName(a[0]) && isText(a[1]),
  signResult: (a): a is [string] => a.length === 1 && isText(a[0]),
  exportPdf: (a): a is [string, string] => a.length === 2 && isName(a[0]) && isText(a[1]),
  appInfo: (a): a is [] => a.length === 0,
  instructorStatus: (a): a is [] => a.length === 0,
  instructorSetPassphrase: (a): a is [string] => a.length === 1 && isPassphrase(a[0]),
  instructorUnlock: (a): a is [string] => a.length === 1 && isPassphrase(a[0]),
  instructorLock: (a): a is [] => a.length === 0,
  classroom: (a): a is [string] => a.length === 1 && typeof a[0] === 'string' && a[0].length <= 256 * 1024,
};

/**
 * Calls a second per channel, with bursts. The renderer appends a few times a second while the
 * clock plays and retries failed writes with a back-off; dialogs come one at a time.
 */
export const RATES: { [M in BridgeMethod]: Rate } = {
  sessionAppend: { perSecond: 50, burst: 200 },
  sessionCreate: { perSecond: 2, burst: 10 },
  sessionList: { perSecond: 5, burst: 20 },
  sessionLoad: { perSecond: 5, burst: 20 },
  sessionTruncate: { perSecond: 2, burst: 5 },
  sessionDuplicate: { perSecond: 2, burst: 5 },
  sessionSetCurrent: { perSecond: 5, burst: 20 },
  sessionExport: { perSecond: 1, burst: 3 },
  sessionImport: { perSecond: 1, burst: 3 },
  legacySession: { perSecond: 2, burst: 5 },
  retireLegacySession: { perSecond: 2, burst: 5 },
  exportFile: { perSecond: 1, burst: 3 },
  signResult: { perSecond: 2, burst: 5 },
  exportPdf: { perSecond: 1, burst: 2 },
  appInfo: { perSecond: 5, burst: 10 },
  instructorStatus: { perSecond: 5, burst: 10 },
  // Guessing is slowed down by the gate's back-off as well; this caps the scrypt work a page can ask for.
  instructorSetPassphrase: { perSecond: 1, burst: 2 },
  instructorUnlock: { perSecond: 1, burst: 3 },
  instructorLock: { perSecond: 5, burst: 10 },
  // Progress reports a few times a second, dashboard actions in bursts.
  classroom: { perSecond: 40, burst: 200 },
};

export function registerHandlers(
  ipcMain: IpcMainLike,
  handlers: Handlers,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
  now: () => number = () => performance.now(),
): void {
  const limiter = new RateLimiter(now);
  for (const method of Object.keys(handlers) as BridgeMethod[]) {
    ipcMain.handle(`hybridlab:${method}`, async (event, ...args) => {
      if (!isTrustedSender(event)) return { ok: false, error: 'untrusted sender' };
      if (!limiter.take(method, RATES[method]))
        return {
          ok: false,
          error: `hybridlab:${method}: too many requests (at most ${RATES[method].perSecond} a second); try again shortly`,
        };
      const valid = validators[method] as (a: unknown[]) => boolean;
      if (!valid(args)) return { ok: false, error: `hybridlab:${method}: invalid arguments` };
      const handler = handlers[method] as (...a: unknown[]) => Promise<unknown>;
      try {
        return await handler(...args);
      } catch (e) {
        return { ok: false, error: e instanceof Error ? e.message : String(e) };
      }
    });
  }
}
