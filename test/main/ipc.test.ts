import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { BridgeMethod } from '../../src-main/bridge';
import { RATES, registerHandlers, type Handlers } from '../../src-main/ipc';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

function fakeIpc() {
  const handlers = new Map<string, Listener>();
  return { handle: (channel: string, l: Listener) => handlers.set(channel, l), handlers };
}

const done = { ok: true as const, value: null };
function fakeHandlers(): Handlers {
  return {
    sessionList: vi.fn(async () => ({ ok: true as const, value: { sessions: [], damaged: [] } })),
    sessionCreate: vi.fn(async () => ({ ok: true as const, value: { id: 'x' } })),
    sessionAppend: vi.fn(async () => ({ ok: true as const, value: { seq: 2 } })),
    sessionLoad: vi.fn(async (id: string) => ({
      ok: true as const,
      value: { id, lines: [], unreadable: 0 },
    })),
    sessionTruncate: vi.fn(async () => ({ ok: true as const, value: { keptAs: 'k' } })),
    sessionDuplicate: vi.fn(async () => ({ ok: true as const, value: { id: 'y' } })),
    sessionSetCurrent: vi.fn(async () => done),
    sessionExport: vi.fn(async () => ({ ok: true as const })),
    sessionImport: vi.fn(async () => ({ ok: true as const, value: { id: 'z', unreadable: 0 } })),
    legacySession: vi.fn(async () => ({ ok: true as const, value: null })),
    retireLegacySession: vi.fn(async () => done),
    exportFile: vi.fn(async () => ({ ok: true as const, location: '/tmp/x' })),
    signResult: vi.fn(async () => ({ ok: true as const, value: { publicKey: 'k', signature: 's' } })),
    exportPdf: vi.fn(async () => ({ ok: true as const, location: '/tmp/x.pdf' })),
    appInfo: vi.fn(async () => ({ version: '0', electron: '45', sessionFolder: '/tmp' })),
    instructorStatus: vi.fn(async () => ({
      ok: true as const,
      value: { passphraseSet: false, unlocked: false, askAtStart: false },
    })),
    instructorSetPassphrase: vi.fn(async () => done),
    instructorUnlock: vi.fn(async () => done),
    instructorLock: vi.fn(async () => done),
    classroom: vi.fn(async () => undefined),
  };
}

const trusted = {} as IpcMainInvokeEvent;
const ID = 'a1b2c3d4-0000-4000-8000-000000000001';

describe('the IPC bridge in the main process', () => {
  it('registers one channel per bridge method, named hybridlab:<method>', () => {
    const ipc = fakeIpc();
    registerHandlers(ipc, fakeHandlers(), () => true);
    expect([...ipc.handlers.keys()].sort()).toEqual(
      Object.keys(fakeHandlers())
        .map((m) => `hybridlab:${m}`)
        .sort(),
    );
  });

  it('passes valid arguments to the handler', async () => {
    const ipc = fakeIpc();
    const h = fakeHandlers();
    registerHandlers(ipc, h, () => true);
    await expect(ipc.handlers.get('hybridlab:sessionAppend')!(trusted, ID, ['{"seq":2}'])).resolves.toEqual({
      ok: true,
      value: { seq: 2 },
    });
    expect(h.sessionAppend).toHaveBeenCalledWith(ID, ['{"seq":2}']);
  });

  it.each([
    ['sessionAppend', [ID, []]],
    ['sessionAppend', ['../../etc', ['x']]],
    ['sessionAppend', [ID, [42]]],
    ['sessionAppend', [ID, ['x'.repeat(5 * 1024 * 1024)]]],
    ['sessionLoad', []],
    ['sessionTruncate', [ID, 0]],
    ['sessionDuplicate', [ID, '']],
    ['sessionExport', [ID, '../../etc/passwd']],
    ['exportFile', ['../../etc/passwd', 'x']],
    ['exportFile', ['report.json']],
    ['sessionList', ['extra']],
  ])('refuses %s with invalid arguments without calling the handler', async (method, args) => {
    const ipc = fakeIpc();
    const h = fakeHandlers();
    registerHandlers(ipc, h, () => true);
    const r = await ipc.handlers.get(`hybridlab:${method}`)!(trusted, ...args);
    expect(r).toEqual({ ok: false, error: `hybridlab:${method}: invalid arguments` });
    expect(h[method as BridgeMethod]).not.toHaveBeenCalled();
  });

  it('answers nothing useful to an untrusted sender', async () => {
    const ipc = fakeIpc();
    const h = fakeHandlers();
    registerHandlers(ipc, h, () => false);
    expect(await ipc.handlers.get('hybridlab:sessionList')!(trusted)).toEqual({
      ok: false,
      error: 'untrusted sender',
    });
    expect(h.sessionList).not.toHaveBeenCalled();
  });

  it('turns a handler that throws into an error result', async () => {
    const ipc = fakeIpc();
    const h = { ...fakeHandlers(), sessionList: async () => Promise.reject(new Error('disk gone')) };
    registerHandlers(ipc, h, () => true);
    expect(await ipc.handlers.get('hybridlab:sessionList')!(trusted)).toEqual({
      ok: false,
      error: 'disk gone',
    });
  });
});

describe('rate limits on every channel', () => {
  it('has a limit for every method', () => {
    expect(Object.keys(RATES).sort()).toEqual(Object.keys(fakeHandlers()).sort());
  });

  it.each(Object.keys(RATES) as BridgeMethod[])(
    '%s: a burst past its limit is refused with a reason, and allowed again as time passes',
    async (method) => {
      const ipc = fakeIpc();
      const h = fakeHandlers();
      let now = 0;
      registerHandlers(
        ipc,
        h,
        () => true,
        () => now,
      );
      const call = ipc.handlers.get(`hybridlab:${method}`)!;
      const { burst, perSecond } = RATES[method];
      const results = [];
      for (let i = 0; i < burst + 3; i++) results.push(await call(trusted, 'bad argument count', 1, 2, 3));
      // Within the burst, calls reach validation (and fail it); past it, they are refused first.
      expect(
        results.slice(0, burst).every((r) => (r as { error: string }).error.endsWith('invalid arguments')),
      ).toBe(true);
      expect(results.slice(burst)).toEqual(
        Array(3).fill({
          ok: false,
          error: `hybridlab:${method}: too many requests (at most ${perSecond} a second); try again shortly`,
        }),
      );
      now += 1000 / perSecond;
      expect(((await call(trusted, 'x', 1, 2, 3)) as { error: string }).error).toMatch(/invalid arguments$/);
    },
  );

  it('counts each channel separately: a flood of appends does not block listing', async () => {
    const ipc = fakeIpc();
    registerHandlers(
      ipc,
      fakeHandlers(),
      () => true,
      () => 0,
    );
    for (let i = 0; i < RATES.sessionAppend.burst + 1; i++)
      await ipc.handlers.get('hybridlab:sessionAppend')!(trusted, ID, ['x']);
    expect(await ipc.handlers.get('hybridlab:sessionList')!(trusted)).toMatchObject({ ok: true });
  });
});
