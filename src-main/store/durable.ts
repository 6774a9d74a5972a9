/**
 * Durable file writes: data is on disk (fsync) before a write is answered, and a file is replaced
 * by writing a new one beside it and renaming it over the old (then syncing the folder, so the
 * rename itself survives a power cut). A crash leaves the old file or the new one, never half.
 */
import { closeSync, fsyncSync, openSync, renameSync, writeFileSync } from 'node:fs';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

let counter = 0;

/** Syncs a folder's entries (a rename or a new file in it). Windows cannot open a folder: NTFS journals its metadata. */
export async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const h = await open(dir, 'r');
  try {
    await h.sync();
  } finally {
    await h.close();
  }
}

/** Writes `path` as a whole: a new file beside it, synced, renamed over it, the folder synced. */
export async function replaceFile(path: string, data: string | Uint8Array): Promise<void> {
  // A name of its own per write: two writes never share a temporary file.
  const tmp = `${path}.${process.pid}-${++counter}.tmp`;
  const h = await open(tmp, 'wx');
  try {
    await h.writeFile(data);
    await h.sync();
  } catch (e) {
    await h.close();
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  await h.close();
  await rename(tmp, path);
  await fsyncDir(dirname(path));
}

/** Appends to an open file and waits until the data is on disk. */
export async function appendDurable(handle: FileHandle, data: string): Promise<void> {
  await handle.appendFile(data, 'utf8');
  await handle.datasync();
}

/** `replaceFile`, synchronously: for the last write of a process that is about to exit. */
export function replaceFileSync(path: string, data: string): void {
  const tmp = `${path}.${process.pid}-${++counter}.tmp`;
  const fd = openSync(tmp, 'wx');
  try {
    writeFileSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  if (process.platform !== 'win32') {
    const d = openSync(dirname(path), 'r');
    try {
      fsyncSync(d);
    } finally {
      closeSync(d);
    }
  }
}
