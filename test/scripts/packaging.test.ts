/**
 * electron-builder.config.cjs is a configuration electron-builder accepts: it passes the
 * validation electron-builder itself runs before packing (its JSON schema, scheme.json, and its
 * checks of deprecated options), and says what the issue asks: asar, an explicit file list, the
 * four platforms' targets, the fuses hook, and Electron's runtime from HYBRIDLAB_ELECTRON_DIST.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const CONFIG = join(ROOT, 'electron-builder.config.cjs');
const load = createRequire(__filename);

type Config = Record<string, unknown> & {
  files: string[];
  linux: { target: string[] };
  win: { target: string[] };
  mac: { target: string[] };
};

/** The config as electron-builder would load it, with HYBRIDLAB_ELECTRON_DIST set (or not). */
function loadConfig(electronDist?: string): Config {
  const before = process.env.HYBRIDLAB_ELECTRON_DIST;
  if (electronDist === undefined) delete process.env.HYBRIDLAB_ELECTRON_DIST;
  else process.env.HYBRIDLAB_ELECTRON_DIST = electronDist;
  try {
    Reflect.deleteProperty(load.cache, CONFIG);
    return load(CONFIG) as Config;
  } finally {
    if (before === undefined) delete process.env.HYBRIDLAB_ELECTRON_DIST;
    else process.env.HYBRIDLAB_ELECTRON_DIST = before;
  }
}

/** electron-builder's own check (app-builder-lib, the version the project pins). */
const { validateConfiguration } = load(
  join(ROOT, 'node_modules/app-builder-lib/out/util/config/config.js'),
) as { validateConfiguration: (c: unknown, log: { isEnabled: boolean }) => Promise<void> };
const validate = (c: unknown) => validateConfiguration(c, { isEnabled: false });

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the packaging configuration', () => {
  it("passes electron-builder's own validation", async () => {
    const c = loadConfig();
    expect(typeof c.afterPack).toBe('function');
    await expect(validate(c)).resolves.toBeUndefined();
  });

  it('the same validation rejects a broken configuration, naming the option', async () => {
    await expect(validate({ ...loadConfig(), asar: 'yes' })).rejects.toThrow(/configuration\.asar/);
    await expect(validate({ ...loadConfig(), linux: { target: ['AppImage'], icon2: 'x' } })).rejects.toThrow(
      /configuration\.linux/,
    );
  });

  it('packs the code into an asar from an explicit list of the built files, without source maps', () => {
    const c = loadConfig();
    expect(c.asar).toBe(true);
    expect(c.files).toEqual([
      'out/main/**/*',
      'out/preload/**/*',
      'out/renderer/**/*',
      'package.json',
      '!**/*.map',
    ]);
  });

  it('targets AppImage and deb, NSIS and dmg', () => {
    const c = loadConfig();
    expect(c.linux.target).toEqual(['AppImage', 'deb']);
    expect(c.win.target).toEqual(['nsis']);
    expect(c.mac.target).toEqual(['dmg']);
  });

  it("takes Electron's runtime from HYBRIDLAB_ELECTRON_DIST, and names the variable when it is wrong", () => {
    const dir = mkdtempSync(join(tmpdir(), 'hybridlab-edist-'));
    dirs.push(dir);
    expect(loadConfig(dir).electronDist).toBe(dir);
    expect(() => loadConfig(join(dir, 'missing'))).toThrow(
      `HYBRIDLAB_ELECTRON_DIST=${join(dir, 'missing')}: no such folder`,
    );
  });
});
