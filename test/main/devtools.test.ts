import type { WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { DevToolsPolicy, opensDevTools } from '../../src-main/devtools';

function fakeContents() {
  const listeners = new Map<string, (...a: unknown[]) => void>();
  let open = false;
  const wc = {
    on: (e: string, l: (...a: unknown[]) => void) => listeners.set(e, l),
    isDevToolsOpened: () => open,
    closeDevTools: vi.fn(() => (open = false)),
  };
  return {
    wc: wc as unknown as WebContents,
    openTools: () => {
      open = true;
      listeners.get('devtools-opened')!();
    },
    key: (input: Record<string, unknown>) => {
      const e = { preventDefault: vi.fn() };
      listeners.get('before-input-event')!(e, {
        type: 'keyDown',
        control: false,
        meta: false,
        shift: false,
        alt: false,
        ...input,
      });
      return e.preventDefault.mock.calls.length > 0;
    },
    isOpen: () => open,
  };
}

describe('developer tools in a learner build', () => {
  it('closes them when they open anyway, and swallows their shortcuts', () => {
    const policy = new DevToolsPolicy(false);
    const f = fakeContents();
    policy.attach(f.wc);
    f.openTools();
    expect(f.isOpen()).toBe(false);
    expect(f.key({ key: 'F12' })).toBe(true);
    expect(f.key({ key: 'I', control: true, shift: true })).toBe(true);
    expect(f.key({ key: 'i', meta: true, alt: true })).toBe(true);
    expect(f.key({ key: 'c', control: true })).toBe(false); // plain copy stays copy
  });

  it('setDevToolsAllowed(true) lets them open; false closes them again and tells the menu', () => {
    const policy = new DevToolsPolicy(false);
    const f = fakeContents();
    policy.attach(f.wc);
    const changes: boolean[] = [];
    policy.onChange((a) => changes.push(a));
    policy.setDevToolsAllowed(true);
    f.openTools();
    expect(f.isOpen()).toBe(true);
    expect(f.key({ key: 'F12' })).toBe(false);
    policy.setDevToolsAllowed(false);
    expect(f.isOpen()).toBe(false);
    expect(changes).toEqual([true, false]);
  });

  it('knows the shortcuts', () => {
    const k = (key: string, mods: Record<string, boolean> = {}) =>
      opensDevTools({ type: 'keyDown', key, control: false, meta: false, shift: false, alt: false, ...mods });
    expect(k('F12')).toBe(true);
    expect(k('J', { control: true, shift: true })).toBe(true);
    expect(k('a', { control: true, shift: true })).toBe(false);
  });
});
