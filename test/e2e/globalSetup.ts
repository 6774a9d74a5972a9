/**
 * End-to-end setup, once per `vitest run` that includes an e2e file: builds the renderer once and
 * serves it on 127.0.0.1. Every e2e file opens its own Chromium (a fresh profile) on that URL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'electron-vite';
import type { TestProject } from 'vitest/node';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { attachClassroom } from '../../src-main/classroom/browserHost';

const ROOT = resolve(__dirname, '../..');
export const E2E_BUILD = join(ROOT, 'test-results', 'e2e-build');

declare module 'vitest' {
  export interface ProvidedContext {
    e2eUrl: string;
    e2eBuild: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await build({
    configFile: join(ROOT, 'electron.vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: E2E_BUILD },
  });
  // E2E_PORT: where to start looking for a free port (engineers sharing a machine each have a range).
  // The classroom host of browser mode, as `npm start` attaches it (its class file in a fresh folder).
  const dataDir = mkdtempSync(join(tmpdir(), 'hybridlab-e2e-class-'));
  const server = await startStaticServer(join(E2E_BUILD, 'renderer'), {
    port: Number(process.env.E2E_PORT ?? 5400),
    attach: (s) => attachClassroom(s, { dataDir, scenariosDir: join(ROOT, 'assets', 'scenarios') }),
  });
  project.provide('e2eUrl', server.url);
  project.provide('e2eBuild', E2E_BUILD);
  return async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
