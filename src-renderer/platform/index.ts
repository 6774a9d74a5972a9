import type { Platform } from './Platform';
import { browserPlatform } from './browserPlatform';
import { electronPlatform } from './electronPlatform';

/** The Electron bridge when the preload put one there, else the browser. */
export function detectPlatform(): Platform {
  return window.hybridlab ? electronPlatform(window.hybridlab) : browserPlatform();
}
