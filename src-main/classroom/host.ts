/**
 * The classroom host: what runs in the app's host process (the Electron main process, or the Node
 * server of browser mode) for its page. For an instructor it runs the hub (and is the instructor's
 * console itself, in the same process: no secret crosses to the page); for a learner it keeps the
 * link to the hub (outbox, acks, reconnects). The page talks to it in the host protocol
 * (simulation/classroom/hostProtocol), whatever carries it.
 *
 * The class is kept in <dataDir>/class.json (written atomically by the hub after each change): an
 * instructor app that crashes or restarts resumes the class when a class is started again.
 */
import { mkdir, readdir, readFile, rename, stat } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import {
  checkAtHost,
  classCsv,
  classResults,
  classXapi,
  loadScenario,
  type HostReply,
  type HostToPage,
  type LinkStateName,
  type PageToHost,
  type Scenario,
} from '../../simulation';
import { Hub } from './hubServer';
import { LearnerLink } from './learnerLink';

/** The port a class listens on unless the instructor picks another (open it in the firewall). */
export const DEFAULT_CLASS_PORT = 47800;

export interface HostOptions {
  /** Where class.json is kept. */
  dataDir: string;
  /** The scenario pack (the full files: only the hub holds summaries, solutions and hints). */
  scenariosDir?: string;
  /** Or the pack's files as built in (file name → text), as the Electron main process has them. */
  scenarioTexts?: Record<string, string>;
  log?: (line: string) => void;
}

/** Who a page's message comes from: only an unlocked instructor may run a class. */
export interface Caller {
  instructor: boolean;
}

type Listener = (m: HostToPage) => void;

/** This machine's IPv4 LAN addresses (the first is the default), then loopback. */
export function lanAddresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) out.push(a.address);
  return [...out, '127.0.0.1'];
}

/** "192.168.1.10:47800", "192.168.1.10" or "ws://…" → the hub's WebSocket URL. */
export function hubUrl(address: string): string | undefined {
  const a = address.trim();
  const withScheme = /^wss?:\/\//i.test(a) ? a : `ws://${a}`;
  try {
    const u = new URL(withScheme);
    if (!u.hostname || u.pathname.length > 1 || u.search || u.username) return undefined;
    if (!u.port) u.port = String(DEFAULT_CLASS_PORT);
    return `${u.protocol}//${u.host}`;
  } catch {
    return undefined;
  }
}

export class ClassroomHost {
  private hub: Hub | undefined;
  private starting: Promise<Hub> | undefined;
  private link: LearnerLink | undefined;
  private linkInfo: { name: string; address: string } | undefined;
  /** Which join the link's callbacks belong to (a closed link's last words are ignored). */
  private linkGen = 0;
  private linkState: { state: LinkStateName; detail?: string } = { state: 'none' };
  /** Hub commands that came while no page listened: given to the next one. */
  private waitingCommands: HostToPage[] = [];
  private readonly classListeners = new Set<Listener>();
  private readonly linkListeners = new Map<Listener, string>();
  /** The page that joined (its key): link events go to it alone, and only it may use the link. */
  private linkOwner: string | undefined;
  private scenarios: Map<string, Scenario> | undefined;

  constructor(private readonly o: HostOptions) {}

  private get classFile(): string {
    return join(this.o.dataDir, 'class.json');
  }

  /** The instructor's page: class events (the dashboard rows). */
  onClass(listener: Listener): () => void {
    this.classListeners.add(listener);
    return () => this.classListeners.delete(listener);
  }

  /** The learner's page (by its key): link state and the hub's commands for its lab. */
  onLink(owner: string, listener: Listener): () => void {
    this.linkListeners.set(listener, owner);
    if (owner === this.linkOwner) {
      const waiting = this.waitingCommands;
      this.waitingCommands = [];
      for (const m of waiting) listener(m);
    }
    return () => this.linkListeners.delete(listener);
  }

  private emitClass(m: HostToPage): void {
    for (const f of this.classListeners) f(m);
  }

  private emitLink(m: HostToPage): void {
    const to = [...this.linkListeners].filter(([, owner]) => owner === this.linkOwner).map(([f]) => f);
    if (to.length === 0 && m.kind === 'link.command') this.waitingCommands.push(m);
    for (const f of to) f(m);
  }

  private async pack(): Promise<Map<string, Scenario>> {
    if (this.scenarios) return this.scenarios;
    const out = new Map<string, Scenario>();
    const texts: Record<string, string> = { ...this.o.scenarioTexts };
    const dir = this.o.scenariosDir;
    if (dir)
      for (const f of (await readdir(dir)).filter((x) => x.endsWith('.json')))
        texts[f] = await readFile(join(dir, f), 'utf8');
    for (const f of Object.keys(texts).sort()) {
      const r = loadScenario(texts[f], f);
      if (r.ok) out.set(r.scenario.id, r.scenario);
      else this.o.log?.(`classroom: ${f} not offered: ${r.errors[0] ?? 'invalid'}`);
    }
    this.scenarios = out;
    return out;
  }

  private async status(): Promise<HostToPage> {
    const hub = this.hub;
    const pack = await this.pack();
    return {
      kind: 'class.status',
      ...(hub
        ? {
            running: {
              code: hub.code,
              address: hub.url.replace(/^ws:\/\//, ''),
              resumed: hub.core.record.learners.length > 0,
              ended: hub.core.record.ended,
              scenarios: [...pack.values()].map((s) => ({ id: s.id, title: s.title })),
            },
          }
        : {}),
      interfaces: lanAddresses(),
      resumable:
        !hub &&
        (await stat(this.classFile).then(
          () => true,
          () => false,
        )),
    };
  }

  private roster(): HostToPage | undefined {
    const hub = this.hub;
    return hub ? { kind: 'class.roster', rows: hub.core.rows((id) => hub.isConnected(id)) } : undefined;
  }

  async handle(m: PageToHost, caller: Caller): Promise<HostReply> {
    if (m.kind.startsWith('class.') && !caller.instructor)
      return { kind: 'error', text: 'Only an instructor (unlocked) can run a class.' };
    // Another page's link: not this page's to use.
    if ('owner' in m && m.kind !== 'link.join' && m.kind !== 'link.status' && m.owner !== this.linkOwner)
      return undefined;
    switch (m.kind) {
      case 'class.status': {
        const s = await this.status();
        const roster = this.roster();
        if (roster) queueMicrotask(() => this.emitClass(roster));
        return s;
      }
      case 'class.start':
        return this.start(m.host, m.port);
      case 'class.act': {
        if (!this.hub) return { kind: 'error', text: 'No class is running.' };
        const r = this.hub.act(m.targets, m.action);
        return r.error ? { kind: 'error', text: r.error } : undefined;
      }
      case 'class.export': {
        if (!this.hub) return { kind: 'error', text: 'No class is running.' };
        const { code, core, url } = this.hub;
        const pack = await this.pack();
        if (m.format === 'json')
          return {
            kind: 'class.file',
            name: `class-${code}-results.json`,
            text: `${JSON.stringify(classResults(core.record), null, 2)}\n`,
          };
        if (m.format === 'xapi') {
          const homePage = url.replace(/^ws/, 'http');
          const statements = classXapi(core.record, { scenario: (id) => pack.get(id), homePage });
          return {
            kind: 'class.file',
            name: `class-${code}-xapi.json`,
            text: `${JSON.stringify(statements, null, 2)}\n`,
          };
        }
        return { kind: 'class.file', name: `class-${code}.csv`, text: classCsv(core.record) };
      }
      case 'class.close': {
        const hub = this.hub;
        if (!hub) return this.status();
        this.hub = undefined;
        await hub.close();
        const stamp = new Date().toISOString().replace(/[:.]/g, '-');
        await rename(this.classFile, join(this.o.dataDir, `class-${hub.code}-${stamp}.json`)).catch(
          () => undefined,
        );
        return this.status();
      }
      case 'link.join':
        return this.join(m.owner, m.address, m.code, m.name);
      case 'link.status':
        return m.owner === this.linkOwner ? this.linkMessage() : { kind: 'link.state', state: 'none' };
      case 'link.progress':
        this.link?.send({ kind: 'progress', progress: m.progress });
        return undefined;
      case 'link.hint':
        this.link?.send({ kind: 'hint.request', assignment: m.assignment, hint: m.hint });
        return undefined;
      case 'link.result':
        this.link?.send({ kind: 'result', assignment: m.assignment, result: m.result });
        return undefined;
      case 'link.leave':
        this.linkGen++;
        this.link?.close();
        this.link = undefined;
        this.linkInfo = undefined;
        this.linkOwner = undefined;
        this.waitingCommands = [];
        this.linkState = { state: 'none' };
        return this.linkMessage();
    }
  }

  private async start(host: string, port: number): Promise<HostReply> {
    if (!this.hub) {
      if (!lanAddresses().includes(host) && host !== '0.0.0.0')
        return { kind: 'error', text: `${host} is not an address of this machine.` };
      await mkdir(this.o.dataDir, { recursive: true });
      const scenarios = await this.pack();
      this.starting ??= Hub.start({
        host,
        port,
        file: this.classFile,
        scenarios,
        ...(this.o.log ? { log: this.o.log } : {}),
      });
      try {
        const hub = await this.starting;
        this.hub = hub;
        hub.onRow((id) => {
          const l = hub.core.learner(id);
          if (l && this.hub === hub)
            this.emitClass({ kind: 'class.row', row: hub.core.row(l, hub.isConnected(id)) });
        });
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        return {
          kind: 'error',
          text:
            err.code === 'EADDRINUSE'
              ? `Port ${port} is in use on ${host}: pick another port.`
              : `The class could not start: ${err.message}`,
        };
      } finally {
        this.starting = undefined;
      }
    }
    const s = await this.status();
    const roster = this.roster();
    if (roster) queueMicrotask(() => this.emitClass(roster));
    return s;
  }

  private linkMessage(): HostToPage {
    return {
      kind: 'link.state',
      state: this.linkState.state,
      ...(this.linkState.detail ? { detail: this.linkState.detail } : {}),
      ...(this.linkInfo ?? {}),
    };
  }

  private join(owner: string, address: string, code: string, name: string): HostReply {
    const url = hubUrl(address);
    if (!url)
      return { kind: 'error', text: `"${address}" is not an address (for example 192.168.1.10:47800).` };
    const gen = ++this.linkGen;
    this.link?.close();
    this.linkOwner = owner;
    this.waitingCommands = [];
    this.linkInfo = { name, address: url.replace(/^wss?:\/\//, '') };
    this.link = new LearnerLink({
      url,
      code,
      name,
      onCommand: (command, cseq) => {
        if (gen === this.linkGen) this.emitLink({ kind: 'link.command', cseq, command });
      },
      onState: (state, detail) => {
        if (gen !== this.linkGen) return;
        this.linkState = { state, ...(detail ? { detail } : {}) };
        this.emitLink(this.linkMessage());
      },
    });
    return this.linkMessage();
  }

  /** Stops the hub and the link (the class file is complete when this resolves). */
  async close(): Promise<void> {
    this.link?.close();
    this.link = undefined;
    await this.hub?.close();
    this.hub = undefined;
  }
}

/**
 * One page's session with the host, whatever carries it (a WebSocket in browser mode, IPC in
 * Electron): checks each message, subscribes the page to class events once it acts as the
 * instructor and to link events under the key it presents, and answers. `send` carries events.
 */
export function pageSession(
  host: ClassroomHost,
  send: (m: HostToPage) => void,
  isInstructor: () => boolean,
): { receive(raw: string): Promise<HostReply>; close(): void } {
  let offClass: (() => void) | undefined;
  let offLink: (() => void) | undefined;
  let owner: string | undefined;
  return {
    async receive(raw) {
      const r = checkAtHost(raw);
      if (!r.ok) return { kind: 'error', text: `Refused: ${r.reason}` };
      const m = r.message;
      const caller = { instructor: isInstructor() };
      if (m.kind.startsWith('class.') && caller.instructor)
        // Class events reach the page only while its instructor mode is unlocked.
        offClass ??= host.onClass((e) => {
          if (isInstructor()) send(e);
        });
      if ('owner' in m && m.owner !== owner) {
        offLink?.();
        owner = m.owner;
        offLink = host.onLink(m.owner, send);
      }
      try {
        return await host.handle(m, caller);
      } catch (e) {
        return { kind: 'error', text: String(e instanceof Error ? e.message : e).slice(0, 400) };
      }
    },
    close() {
      offClass?.();
      offLink?.();
    },
  };
}
