/**
 * The session journal on disk, in the user-data folder: written atomically (temporary file, then
 * rename), with the previous save kept as a backup, and unreadable sessions kept aside rather than
 * overwritten. Plain functions over a folder path, tested in Node.
 */
import { mkdir, readFile, rename, writeFile, copyFile, access } from 'node:fs/promises';
import { join } from 'node:path';
import type { LoadResult, SaveResult } from './bridge';

export const SESSION_FILE = 'session.json';
export const BACKUP_FILE = 'session.previous.json';

async function exists(p: string): Promise<boolean> {
  return access(p).then(
    () => true,
    () => false,
  );
}

export async function loadSessionFile(dir: string): Promise<LoadResult> {
  const p = join(dir, SESSION_FILE);
  if (!(await exists(p))) return { ok: true, text: null };
  try {
    return { ok: true, text: await readFile(p, 'utf8') };
  } catch (e) {
    return { ok: false, error: `${p}: ${e instanceof Error ? e.message : String(e)}` };
  }
}

export async function saveSessionFile(dir: string, text: string): Promise<SaveResult> {
  await mkdir(dir, { recursive: true });
  const p = join(dir, SESSION_FILE);
  const tmp = `${p}.tmp`;
  await writeFile(tmp, text, 'utf8');
  if (await exists(p)) await copyFile(p, join(dir, BACKUP_FILE));
  await rename(tmp, p);
  return { ok: true, location: p };
}

export async function keepUnreadable(dir: string, text: string, stamp: string): Promise<SaveResult> {
  await mkdir(dir, { recursive: true });
  const p = join(dir, `session.unreadable-${stamp}.json`);
  await writeFile(p, text, 'utf8');
  return { ok: true, location: p };
}
