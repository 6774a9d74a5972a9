/**
 * Registers the bridge's handlers on ipcMain through one typed helper: every channel is
 * `hybridlab:<method>`, every argument is validated before a handler sees it, and only messages
 * from our own window's frames are answered.
 */
import type { IpcMainInvokeEvent } from 'electron';
import type { BridgeArgs, BridgeMethod, BridgeReturn } from './bridge';

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
}

export type Handlers = { [M in BridgeMethod]: (...args: BridgeArgs<M>) => Promise<BridgeReturn<M>> };

export type Validators = { [M in BridgeMethod]: (args: unknown[]) => args is BridgeArgs<M> };

export const MAX_TEXT = 50 * 1024 * 1024;

const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_TEXT;
const isName = (v: unknown): v is string =>
  typeof v === 'string' && v.length > 0 && v.length <= 200 && !/[\\/:*?"<>|]/.test(v);

export const validators: Validators = {
  loadSession: (a): a is [] => a.length === 0,
  saveSession: (a): a is [string] => a.length === 1 && isText(a[0]),
  keepUnreadableSession: (a): a is [string] => a.length === 1 && isText(a[0]),
  exportFile: (a): a is [string, string] => a.length === 2 && isName(a[0]) && isText(a[1]),
  appInfo: (a): a is [] => a.length === 0,
};

export function registerHandlers(
  ipcMain: IpcMainLike,
  handlers: Handlers,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
): void {
  for (const method of Object.keys(handlers) as BridgeMethod[]) {
    ipcMain.handle(`hybridlab:${method}`, async (event, ...args) => {
      if (!isTrustedSender(event)) return { ok: false, error: 'untrusted sender' };
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
