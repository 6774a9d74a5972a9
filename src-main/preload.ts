/**
 * Preload: exposes named functions to the page, nothing else (no ipcRenderer). Runs sandboxed.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { BridgeArgs, BridgeChannel, BridgeMethod, BridgeReturn, HybridLabBridge } from './bridge';

function invoke<M extends BridgeMethod>(method: M, ...args: BridgeArgs<M>): Promise<BridgeReturn<M>> {
  const channel: BridgeChannel<M> = `hybridlab:${method}`;
  return ipcRenderer.invoke(channel, ...args) as Promise<BridgeReturn<M>>;
}

const api = {
  loadSession: () => invoke('loadSession'),
  saveSession: (text: string) => invoke('saveSession', text),
  keepUnreadableSession: (text: string) => invoke('keepUnreadableSession', text),
  exportFile: (suggestedName: string, text: string) => invoke('exportFile', suggestedName, text),
  appInfo: () => invoke('appInfo'),
} satisfies HybridLabBridge;

contextBridge.exposeInMainWorld('hybridlab', api);
