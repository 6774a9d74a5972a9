/**
 * Packaging (`npm run package`, after `npm run build`): the app's code in an asar archive, an
 * explicit list of what goes in it, Electron's fuses set after packing, installers for Linux
 * (AppImage, deb), Windows (NSIS) and macOS (dmg).
 *
 * Electron's runtime: electron-builder needs an unpacked Electron of the version in package.json.
 * HYBRIDLAB_ELECTRON_DIST names one (for machines that cannot download it: an unzipped
 * electron-v<version>-<platform>-<arch>.zip, or a folder holding that zip); otherwise
 * node_modules/electron/dist is used when `npm install` could fetch it; otherwise electron-builder
 * downloads it itself.
 *
 * test/scripts/packaging.test.ts validates this file with electron-builder's own schema;
 * test/scripts/packaging.pack.test.ts packs with a stand-in Electron and reads back the archive
 * and the fuses.
 */
const { existsSync } = require('node:fs');
const { join, resolve } = require('node:path');

/**
 * Electron's fuses (https://www.electronjs.org/docs/latest/tutorial/fuses), flipped in the packed
 * binary: it cannot be run as plain Node, takes no NODE_OPTIONS and no --inspect, loads its code
 * only from the app's asar and (where Electron supports it: macOS, Windows) checks that archive's
 * integrity.
 */
const FUSES = {
  RunAsNode: false,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
};

/** The unpacked Electron to package with, or undefined to let electron-builder download one. */
function electronDist() {
  const fromEnv = process.env.HYBRIDLAB_ELECTRON_DIST;
  if (fromEnv) {
    const dir = resolve(fromEnv);
    if (!existsSync(dir))
      throw new Error(
        `HYBRIDLAB_ELECTRON_DIST=${fromEnv}: no such folder (expected an unpacked Electron, or a folder with its zip)`,
      );
    return dir;
  }
  const installed = join(__dirname, 'node_modules', 'electron', 'dist');
  return existsSync(installed) ? installed : undefined;
}

/** The packed Electron binary (or .app bundle) whose fuses are set, as electron-builder names it. */
function packedBinary(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const name = packager.appInfo.productFilename;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas')
    return join(appOutDir, `${name}.app`);
  if (electronPlatformName === 'win32') return join(appOutDir, `${name}.exe`);
  return join(appOutDir, packager.executableName);
}

/** Sets the fuses before electron-builder signs and builds the installers. */
async function afterPack(context) {
  const { flipFuses, FuseV1Options, FuseVersion } = require('@electron/fuses');
  const { Arch } = require('electron-builder');
  const config = { version: FuseVersion.V1 };
  for (const [fuse, on] of Object.entries(FUSES)) config[FuseV1Options[fuse]] = on;
  // Flipping fuses breaks an arm64 Mac binary's ad-hoc signature; re-sign it (real signing follows).
  config.resetAdHocDarwinSignature = context.electronPlatformName === 'darwin' && context.arch === Arch.arm64;
  await flipFuses(packedBinary(context), config);
}

const dist = electronDist();

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'store.laborhub.hybridlab',
  productName: 'HybridLab',
  copyright: 'HybridLab',
  directories: { output: 'dist', buildResources: 'build' },
  // Only the built app: electron-vite bundles every library into out/, so no node_modules ship.
  files: ['out/main/**/*', 'out/preload/**/*', 'out/renderer/**/*', 'package.json', '!**/*.map'],
  asar: true,
  // Nothing native ships (no node_modules at all), so there is nothing to rebuild for Electron.
  npmRebuild: false,
  ...(dist ? { electronDist: dist } : {}),
  afterPack,
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Education',
    maintainer: 'HybridLab <hybridlab@laborhub.store>',
    synopsis: 'A hybrid-identity training lab simulator',
  },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  mac: { target: ['dmg'], category: 'public.app-category.education' },
};
