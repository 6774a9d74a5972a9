// A small static file server for the built renderer, bound to 127.0.0.1 (used by `npm start`
// without Electron, and by the end-to-end test). No directory listing; no path escapes the root.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

// `attach(server)`, when given, adds to the server before it listens (browser mode's classroom host
// serves its same-origin WebSocket at /classroom this way); what it returns is closed with the server.
export async function startStaticServer(root, { port = 5173, host = '127.0.0.1', tries = 20, attach } = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      let path = normalize(join(base, decodeURIComponent(url.pathname)));
      if (path !== base && !path.startsWith(base + sep)) {
        res.writeHead(403).end('Forbidden');
        return;
      }
      const info = await stat(path).catch(() => undefined);
      if (!info || info.isDirectory()) path = join(base, 'index.html');
      const body = await readFile(path);
      res.writeHead(200, {
        'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end('Not found');
    }
  });
  const attached = attach?.(server);
  for (let p = port; p < port + tries; p++) {
    const ok = await new Promise((done) => {
      server.once('error', () => done(false));
      server.listen(p, host, () => done(true));
    });
    if (ok)
      return {
        server,
        url: `http://${host}:${p}/`,
        close: async () => {
          await attached?.close();
          await new Promise((r) => server.close(() => r(undefined)));
        },
      };
  }
  throw new Error(`no free port on ${host} from ${port} to ${port + tries - 1}`);
}
