/**
 * Browser mode's classroom host: the Node server of `npm start` (scripts/static-server.mjs) serves
 * the page's host protocol on a same-origin WebSocket at /classroom, so the page's content security
 * policy stays 'self' (connect-src 'self' covers it). Only the server's own page may use it: the
 * Host header must be the server's loopback address and the Origin that same address (a page of
 * another site, or another machine, is refused before the upgrade). Each connection is rate-limited
 * and every message is checked against the host protocol.
 *
 * Class events go only to connections that asked for the class (the instructor's page), link
 * events only to those that asked for the link (the learner's page).
 */
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { RateLimiter, type Rate } from '../rateLimit';
import { ClassroomHost, pageSession, type HostOptions } from './host';

const PAGE_RATE: Rate = { perSecond: 40, burst: 200 };

/** Whether an upgrade request comes from this server's own page on loopback. */
export function sameOrigin(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host ?? '';
  const allowed = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
  if (!allowed.includes(host)) return false;
  return req.headers.origin === `http://${host}`;
}

export interface AttachedClassroom {
  host: ClassroomHost;
  close(): Promise<void>;
}

export function attachClassroom(server: Server, o: HostOptions): AttachedClassroom {
  const host = new ClassroomHost(o);
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  const limiter = new RateLimiter(() => performance.now());
  let n = 0;
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const port = (server.address() as AddressInfo | null)?.port ?? -1;
    if (path !== '/classroom' || !sameOrigin(req, port)) {
      o.log?.(`classroom: refused an upgrade to ${path} from ${req.headers.origin ?? 'no origin'}`);
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serve(ws, `p${++n}`));
  });

  function serve(ws: WebSocket, key: string): void {
    // The server answers only its own page (checked at the upgrade): that page is the instructor's
    // console when its user unlocked instructor mode in it, which the server cannot see.
    const page = pageSession(
      host,
      (m) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(m));
      },
      () => true,
    );
    ws.on('message', (data, isBinary) => {
      if (!limiter.take(key, PAGE_RATE) || isBinary) return;
      void page.receive(String(data)).then((reply) => {
        if (reply && ws.readyState === ws.OPEN) ws.send(JSON.stringify(reply));
      });
    });
    ws.on('close', () => page.close());
    ws.on('error', () => undefined);
  }

  return {
    host,
    close: async () => {
      for (const c of wss.clients) c.terminate();
      await new Promise<void>((r) => wss.close(() => r()));
      await host.close();
    },
  };
}
