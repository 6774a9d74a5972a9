/**
 * The page's channel to its classroom host (the host protocol, simulation/classroom/hostProtocol).
 * In browser mode: a WebSocket to /classroom on the page's own origin (the `npm start` server), so
 * connect-src 'self' covers it; it reconnects by itself and asks again for what it listened to. In
 * the Electron app the bridge's `classroom` functions carry the same messages to the main process.
 */
import type { HostToPage, PageToHost } from '../../../simulation';

type Listener = (m: HostToPage) => void;

/**
 * Checks each message from the host (the protocol's checker is in the engine's chunk, fetched with
 * the first message, not with the first screen) and hands the valid ones on, in the order they came.
 */
function checker(): (text: string, deliver: (m: HostToPage) => void) => void {
  let queue: Promise<unknown> = Promise.resolve();
  return (text, deliver) => {
    queue = queue
      .then(() => import('../../../simulation'))
      .then(({ checkAtPage }) => {
        const r = checkAtPage(text);
        if (r.ok) deliver(r.message);
      })
      .catch(() => undefined);
  };
}

interface ClassroomBridge {
  classroom?: (text: string) => Promise<string | undefined>;
  onClassroomEvent?: (listener: (text: string) => void) => () => void;
}

export interface HostChannel {
  /** False where there is no host to talk to (a page opened from a file, say). */
  readonly available: boolean;
  send(m: PageToHost): void;
  subscribe(listener: Listener): () => void;
}

class SocketChannel implements HostChannel {
  readonly available = true;
  private ws: WebSocket | undefined;
  private readonly queue: string[] = [];
  private readonly listeners = new Set<Listener>();
  /** What this page listens to: asked again after a reconnection. */
  private readonly interests = new Map<'class' | 'link', string>();
  private delay = 500;
  private readonly check = checker();

  constructor(private readonly url: string) {}

  private open(): WebSocket {
    if (this.ws && this.ws.readyState <= WebSocket.OPEN) return this.ws;
    const ws = new WebSocket(this.url);
    this.ws = ws;
    ws.onopen = () => {
      this.delay = 500;
      const again = [...this.interests.values()];
      for (const t of [...again, ...this.queue.splice(0)]) ws.send(t);
    };
    ws.onmessage = (e: MessageEvent<string>) => {
      this.check(String(e.data), (m) => {
        for (const f of this.listeners) f(m);
      });
    };
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.ws = undefined;
      if (this.interests.size === 0) return;
      // After any message still being checked (in order).
      const lost: HostToPage = {
        kind: 'error',
        text: 'The connection to this app’s server was lost; trying again.',
      };
      this.check(JSON.stringify(lost), () => {
        for (const f of this.listeners) f(lost);
      });
      setTimeout(() => this.open(), this.delay);
      this.delay = Math.min(10_000, this.delay * 2);
    };
    return ws;
  }

  send(m: PageToHost): void {
    if (m.kind.startsWith('class.')) this.interests.set('class', JSON.stringify({ kind: 'class.status' }));
    if ('owner' in m) this.interests.set('link', JSON.stringify({ kind: 'link.status', owner: m.owner }));
    const text = JSON.stringify(m);
    const ws = this.open();
    if (ws.readyState === WebSocket.OPEN) ws.send(text);
    else this.queue.push(text);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

class BridgeChannel implements HostChannel {
  readonly available = true;
  private readonly listeners = new Set<Listener>();
  private readonly check = checker();

  constructor(private readonly bridge: Required<ClassroomBridge>) {
    bridge.onClassroomEvent((text) => this.deliver(text));
  }

  private deliver(text: unknown): void {
    // A refusal by the bridge itself (rate limit, bad arguments) comes as an object.
    if (typeof text !== 'string') return;
    this.check(text, (m) => {
      for (const f of this.listeners) f(m);
    });
  }

  send(m: PageToHost): void {
    this.bridge.classroom(JSON.stringify(m)).then(
      (reply) => this.deliver(reply),
      (e: unknown) => this.deliver(JSON.stringify({ kind: 'error', text: String(e).slice(0, 400) })),
    );
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

const none: HostChannel = { available: false, send: () => undefined, subscribe: () => () => undefined };

let channel: HostChannel | undefined;

export function hostChannel(): HostChannel {
  if (channel) return channel;
  const bridge = (window as unknown as { hybridlab?: ClassroomBridge }).hybridlab;
  if (bridge?.classroom && bridge.onClassroomEvent)
    channel = new BridgeChannel(bridge as Required<ClassroomBridge>);
  else if (location.protocol === 'http:' || location.protocol === 'https:')
    channel = new SocketChannel(
      `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/classroom`,
    );
  else channel = none;
  return channel;
}
