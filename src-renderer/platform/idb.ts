/** Small promise wrappers over IndexedDB requests and transactions (no library). */
export function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

/** Resolves when the transaction has committed (with durability "strict": on disk), rejects if it aborts. */
export function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

export function openDatabase(
  name: string,
  version: number,
  upgrade: (db: IDBDatabase) => void,
  factory: IDBFactory = indexedDB,
): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const r = factory.open(name, version);
    r.onupgradeneeded = () => upgrade(r.result);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error(`cannot open IndexedDB "${name}"`));
    r.onblocked = () => reject(new Error(`IndexedDB "${name}" is held by an older tab of HybridLab`));
  });
}

/** A short, readable reason from an IndexedDB error (quota, closed database...). */
export function reason(e: unknown): string {
  if (e instanceof DOMException) {
    if (e.name === 'QuotaExceededError') return 'the browser has no more room for this site (storage quota)';
    if (e.name === 'VersionError')
      return "a newer HybridLab has upgraded this browser's storage; use it instead of this tab";
    return `${e.name}: ${e.message}`;
  }
  return e instanceof Error ? e.message : String(e);
}
