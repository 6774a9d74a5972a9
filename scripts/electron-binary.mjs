// Where Electron's runtime would be, and whether it is there, without triggering a download
// (requiring the `electron` package itself downloads on demand in Electron 45).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export function electronPackageDir() {
  try {
    return dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

/** The path of the Electron executable, or undefined when the runtime is not installed. */
export function electronBinary() {
  const dir = electronPackageDir();
  if (!dir) return undefined;
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const exe = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(exe) ? exe : undefined;
}
