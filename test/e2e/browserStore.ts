/** Helpers for the persistence e2e tests: the app's IndexedDB as the test sees it, and a real kill. */
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Waits until the app has written everything it was given: the save status says "saved". A change
 * that needs a write turns it to "saving" in the same task as the view shows the change, so call
 * this once the view shows what was done (not right after the click), then reload or read the store.
 */
export async function saved(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state')).toBe('saved');
}

/** Every journal line the browser holds, in key order ([session id, seq]). */
export function storedLines(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('hybridlab');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const r = open.result.transaction('records').objectStore('records').getAll();
          r.onsuccess = () => {
            resolve(r.result as string[]);
            open.result.close();
          };
          r.onerror = () => reject(r.error);
        };
      }),
  );
}

/** Cuts the last `n` records of a session short, as a torn write would leave them. */
export function tearLastRecords(page: Page, sessionId: string, n: number): Promise<number> {
  return page.evaluate(
    ([id, count]) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('hybridlab');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('records', 'readwrite');
          const store = tx.objectStore('records');
          const keys = store.getAllKeys(IDBKeyRange.bound([id, 1], [id, Number.MAX_SAFE_INTEGER]));
          let torn = 0;
          keys.onsuccess = () => {
            for (const key of (keys.result as IDBValidKey[]).slice(-count)) {
              const get = store.get(key);
              get.onsuccess = () => {
                store.put((get.result as string).slice(0, 40), key);
                torn++;
              };
            }
          };
          tx.oncomplete = () => {
            open.result.close();
            resolve(torn);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [sessionId, n] as const,
  );
}

/** The process ids of the Chromium browser (not its helpers) running on a profile folder. */
export function browserPids(userDataDir: string): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let cmd: string[];
    try {
      cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    if (cmd.includes(`--user-data-dir=${userDataDir}`) && !cmd.some((a) => a.startsWith('--type=')))
      pids.push(Number(name));
  }
  return pids;
}

/** Kills the browser with SIGKILL, as a crash or a power cut would stop it: no unload, no shutdown. */
export async function killBrowser(userDataDir: string): Promise<number[]> {
  const pids = browserPids(userDataDir);
  if (pids.length === 0) throw new Error(`no Chromium found on ${userDataDir}`);
  for (const pid of pids) process.kill(pid, 'SIGKILL');
  for (let i = 0; i < 100 && browserPids(userDataDir).length > 0; i++)
    await new Promise((r) => setTimeout(r, 50));
  return pids;
}

/** The session the app has open (as the store records it). */
export function currentSessionId(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('hybridlab');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const r = open.result.transaction('settings').objectStore('settings').get('current');
          r.onsuccess = () => {
            resolve(r.result as string);
            open.result.close();
          };
          r.onerror = () => reject(r.error);
        };
      }),
  );
}
