/**
 * The shell's hardening, driven in Node with small stand-ins for Electron's objects: navigation
 * refused anywhere but the app's own page, permissions refused when requested and when checked,
 * every new web contents guarded (no webviews, no windows), and index.html's own CSP as strict
 * as the header's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { App, Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  appUrlMatcher,
  CSP,
  CSP_DIRECTIVES,
  hardenApp,
  hardenContents,
  hardenSession,
} from '../../src-main/security';

const INDEX = pathToFileURL('/opt/HybridLab/resources/app.asar/out/renderer/index.html').href;

function fakeContents() {
  const listeners = new Map<string, (...a: unknown[]) => void>();
  let openHandler: (() => { action: string }) | undefined;
  const contents = {
    on: (event: string, l: (...a: unknown[]) => void) => listeners.set(event, l),
    setWindowOpenHandler: (h: () => { action: string }) => (openHandler = h),
  };
  const fire = (event: string, ...args: unknown[]) => {
    const e = { preventDefault: vi.fn(), url: args[0] };
    listeners.get(event)!(e, ...args);
    return e.preventDefault.mock.calls.length > 0;
  };
  return { contents: contents as unknown as WebContents, fire, open: () => openHandler?.() };
}

describe('navigation', () => {
  const isApp = appUrlMatcher(INDEX);

  it.each([
    ['the app page itself', INDEX, true],
    ['the app page with a fragment', `${INDEX}#x`, true],
    ['another file beside it', INDEX.replace('index.html', 'evil.html'), false],
    ['a local HTML file dropped on the window', 'file:///home/learner/Downloads/page.html', false],
    ['a look-alike path', `${INDEX}/../index.html.evil`, false],
    ['a web page', 'https://example.com/', false],
    ['a data URL', 'data:text/html,<script>1</script>', false],
    ['nonsense', 'not a url', false],
  ])('%s: allowed is %s', (_label, url, allowed) => {
    expect(isApp(url)).toBe(allowed);
    const { contents, fire } = fakeContents();
    hardenContents(contents, isApp);
    expect(fire('will-navigate', url)).toBe(!allowed);
    expect(fire('will-redirect', url)).toBe(!allowed);
    expect(fire('will-frame-navigate', url)).toBe(!allowed);
  });

  it('matches the dev server only at its root in development', () => {
    const dev = appUrlMatcher('http://localhost:5173/');
    expect(dev('http://localhost:5173/')).toBe(true);
    expect(dev('http://localhost:5174/')).toBe(false);
    expect(dev('http://localhost:5173/other.html')).toBe(false);
  });
});

describe('every web contents the app creates', () => {
  it('may not open windows or attach webviews', () => {
    const { contents, fire, open } = fakeContents();
    const app = { on: vi.fn() };
    hardenApp(app as unknown as App, appUrlMatcher(INDEX));
    expect(app.on).toHaveBeenCalledWith('web-contents-created', expect.any(Function));
    const created = app.on.mock.calls[0]![1] as (e: unknown, c: WebContents) => void;
    created({}, contents);
    expect(open()).toEqual({ action: 'deny' });
    expect(fire('will-attach-webview')).toBe(true);
    expect(fire('will-navigate', 'https://example.com/')).toBe(true);
  });
});

describe('permissions', () => {
  it('refuses every request and every check, and sets the CSP header', () => {
    const s = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
      webRequest: { onHeadersReceived: vi.fn() },
    };
    hardenSession(s as unknown as Session);
    const request = s.setPermissionRequestHandler.mock.calls[0]![0] as (...a: unknown[]) => void;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      request({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
    }
    const check = s.setPermissionCheckHandler.mock.calls[0]![0] as (...a: unknown[]) => boolean;
    for (const permission of ['media', 'clipboard-sanitized-write', 'hid', 'serial'])
      expect(check({}, permission, 'file://', {})).toBe(false);
    expect((s.setDevicePermissionHandler.mock.calls[0]![0] as () => boolean)()).toBe(false);
    const headers = s.webRequest.onHeadersReceived.mock.calls[0]![0] as (
      d: unknown,
      cb: (r: { responseHeaders: Record<string, string[]> }) => void,
    ) => void;
    const cb = vi.fn();
    headers({ responseHeaders: { 'X-Other': ['1'] } }, cb);
    expect(cb).toHaveBeenCalledWith({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CSP] },
    });
  });
});

describe("index.html's own content security policy", () => {
  it('is as strict as the header one (frame-ancestors cannot be set in a <meta>)', () => {
    const html = readFileSync(join(__dirname, '../../src-renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    const directives = (meta ?? '').split(';').map((d) => d.trim());
    expect(directives.sort()).toEqual([...CSP_DIRECTIVES].sort());
    expect(directives).toContain("object-src 'none'");
    expect(directives).toContain("base-uri 'none'");
  });
});
