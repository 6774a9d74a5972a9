// npm postinstall: fetch Electron's runtime if this machine can; never fail the install when it
// cannot (an air-gapped classroom, or a machine that reaches only the npm registry). `npm start`
// then runs HybridLab in the browser instead.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { electronBinary, electronPackageDir } from './electron-binary.mjs';

const dir = electronPackageDir();
if (!dir) {
  console.warn('[hybridlab] electron is not installed; skipping its runtime.');
} else if (electronBinary()) {
  // Already there.
} else if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.warn(
    "[hybridlab] ELECTRON_SKIP_BINARY_DOWNLOAD is set: Electron's runtime was not downloaded; `npm start` will use your browser.",
  );
} else {
  const r = spawnSync(process.execPath, [join(dir, 'install.js')], {
    stdio: 'pipe',
    timeout: 180_000,
    encoding: 'utf8',
  });
  if (r.status !== 0 || !electronBinary()) {
    const reason =
      (r.stderr || r.stdout || (r.error ? String(r.error) : '')).split('\n').find((l) => l.trim()) ??
      'unknown error';
    console.warn(`[hybridlab] Electron's runtime could not be downloaded (${reason.trim()}).`);
    console.warn(
      '[hybridlab] The install is complete anyway: `npm start` will serve HybridLab to your browser instead.',
    );
  }
}
