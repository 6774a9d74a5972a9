/** The Electron host: everything goes through the preload bridge (window.hybridlab). */
import type { HybridLabBridge } from '../../src-main/bridge';
import type { Platform } from './Platform';

export function electronPlatform(bridge: HybridLabBridge): Platform {
  return {
    kind: 'electron',
    loadSession: () => bridge.loadSession(),
    saveSession: (text) => bridge.saveSession(text),
    keepUnreadableSession: (text) => bridge.keepUnreadableSession(text),
    exportFile: (name, text) => bridge.exportFile(name, text),
  };
}
