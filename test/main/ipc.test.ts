import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { registerHandlers, type Handlers } from '../../src-main/ipc';
import {
  keepUnreadable,
  loadSessionFile,
  saveSessionFile,
  BACKUP_FILE,
  SESSION_FILE,
} from '../../src-main/sessionFiles';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

function fakeIpc() {
  const handlers = new Map<string, Listener>();
  return { handle: (channel: string, l: Listener) => handlers.set(channel, l), handlers };
}

function fakeHandlers(): Handlers {
  return {
    loadSession: vi.fn(async () => ({ ok: true as const, text: 'saved' })),
    saveSession: vi.fn(async () => ({ ok: true as const })),
    keepUnreadableSession: vi.fn(async () => ({ ok: true as const })),
    exportFile: vi.fn(async () => ({ ok: true as const, location: '/tmp/x' })),
    appInfo: vi.fn(async () => ({ version: '0', electron: '45', sessionFolder: '/tmp' })),
  };
}

const trusted = {} as IpcMainInvokeEvent;

describe('the IPC bridge in the main process', () => {
  it('registers one channel per bridge method, named hybridlab:<method>', () => {
    const ipc = fakeIpc();
    registerHandlers(ipc, fakeHandlers(), () => true);
    expect([...ipc.handlers.keys()].sort()).toEqual(
      [
        'hybridlab:appInfo',
        'hybridlab:exportFile',
        'hybridlab:keepUnreadableSession',
        'hybridlab:loadSession',
        'hybridlab:saveSession',
      ].sort(),
    );
  });

  it('passes valid arguments to the handler', async () => {
    const ipc = fakeIpc();
    const h = fakeHandlers();
    registerHandlers(ipc, h, () => true);
    await expect(ipc.handlers.get('hybridlab:saveSession')!(trusted, '{"a":1}')).resolves.toEqual({
      ok: true,
    });
    expect(h.saveSession).toHaveBeenCalledWith('{"a":1}');
  });

  it.each([
    ['saveSession', [42]],
    ['saveSession', []],
    ['exportFile', ['../../etc/passwd', 'x']],
    ['exportFile', ['report.json']],
    ['loadSession', ['extra']],
  ])('refuses %s with invalid arguments %j without calling the handler', async (method, args) => {
    const ipc = fakeIpc();
    const h = fakeHandlers();
    registerHandlers(ipc, h, () => true);
    const r = await ipc.handlers.get(`hybridlab:${method}`)!(trusted, ...args);
    expect(r).toEqual({ ok: false, error: `hybridlab:${method}: invalid arguments` });
    expect(h[method as keyof Handlers]).not.toHaveBeenCalled();
  });

  it('answers nothing useful to an untrusted sender', async () => {
    const ipc = fakeIpc();
    const h = fakeHandlers();
    registerHandlers(ipc, h, () => false);
    expect(await ipc.handlers.get('hybridlab:loadSession')!(trusted)).toEqual({
      ok: false,
      error: 'untrusted sender',
    });
    expect(h.loadSession).not.toHaveBeenCalled();
  });

  it('turns a handler that throws into an error result', async () => {
    const ipc = fakeIpc();
    const h = { ...fakeHandlers(), loadSession: async () => Promise.reject(new Error('disk gone')) };
    registerHandlers(ipc, h, () => true);
    expect(await ipc.handlers.get('hybridlab:loadSession')!(trusted)).toEqual({
      ok: false,
      error: 'disk gone',
    });
  });
});

describe('the session on disk', () => {
  it('has no session at first, then saves atomically keeping the previous save as a backup', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hybridlab-'));
    expect(await loadSessionFile(dir)).toEqual({ ok: true, text: null });
    await saveSessionFile(dir, 'first');
    await saveSessionFile(dir, 'second');
    expect(await loadSessionFile(dir)).toEqual({ ok: true, text: 'second' });
    expect(await readFile(join(dir, BACKUP_FILE), 'utf8')).toBe('first');
    expect((await readdir(dir)).sort()).toEqual([BACKUP_FILE, SESSION_FILE].sort());
  });

  it('keeps an unreadable session aside instead of overwriting it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hybridlab-'));
    const r = await keepUnreadable(dir, '{broken', '2026-03-02T08-00-00');
    expect(r.ok && r.location).toBe(join(dir, 'session.unreadable-2026-03-02T08-00-00.json'));
    expect(await readFile(join(dir, 'session.unreadable-2026-03-02T08-00-00.json'), 'utf8')).toBe('{broken');
  });
});
