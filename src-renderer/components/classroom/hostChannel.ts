/**
 * The page's channel to its classroom host (the host protocol, simulation/classroom/hostProtocol).
 * In browser mode: a WebSocket to /classroom on the page's own origin (the `npm start` server), so
 * connect-src 'self' covers it; it reconnects by itself and asks again for what it listened to. In
 * the Electron app the bridge's `classroom` functions carry the same messages to the main process.
 */
import { checkAtPage, type HostToPage, type PageToHost } from '../../../simulation';

type Listener = (m: HostToPage) => void;

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
      const r = checkAtPage(String(e.data));
      if (r.ok) for (const f of this.listeners) f(r.message);
    };
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.ws = undefined;
      if (this.interests.size === 0) return;
      for (const f of this.listeners)
        f({ kind: 'error', text: 'The connection to this app’s server was lost; trying again.' });
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

  constructor(private readonly bridge: Required<ClassroomBridge>) {
    bridge.onClassroomEvent((text) => this.deliver(text));
  }

  private deliver(text: unknown): void {
    // A refusal by the bridge itself (rate limit, bad arguments) comes as an object.
    if (typeof text !== 'string') return;
    const r = checkAtPage(text);
    if (r.ok) for (const f of this.listeners) f(r.message);
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
