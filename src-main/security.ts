/**
 * The shell's hardening, as plain functions over Electron's objects (tested in Node with fakes):
 * the page may only be the app's own index.html; no new windows, no webviews, in any web contents
 * the app ever creates; every permission refused, both when asked and when checked; a strict
 * content security policy on everything loaded (index.html carries the same one in a <meta>,
 * since response headers do not apply to file://).
 */
import type { App, Session, WebContents } from 'electron';

/** Directives shared by the header and index.html's <meta> (which cannot carry frame-ancestors). */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
] as const;

export const CSP = [...CSP_DIRECTIVES, "frame-ancestors 'none'"].join('; ');

/**
 * The one page the window may show: the app's index.html (a `file:` URL in a packaged app, the
 * dev server's root in development). Query and fragment are ignored; nothing else matches, not
 * another file beside it, not a look-alike path, not another scheme.
 */
export function appUrlMatcher(appUrl: string): (url: string) => boolean {
  const app = new URL(appUrl);
  return (url) => {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return false;
    }
    return u.protocol === app.protocol && u.host === app.host && u.pathname === app.pathname;
  };
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
}

/** Applies to every web contents: the window's, and any other one something manages to create. */
export function hardenContents(contents: WebContents, isAppUrl: (url: string) => boolean): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const guard = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function hardenApp(app: Pick<App, 'on'>, isAppUrl: (url: string) => boolean): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, isAppUrl));
}
