import type { Server } from 'node:http';
export function startStaticServer(
  root: string,
  options?: {
    port?: number;
    host?: string;
    tries?: number;
    attach?: (server: Server) => { close: () => Promise<void> };
  },
): Promise<{ server: Server; url: string; close: () => Promise<void> }>;
