/**
 * The state of one Windows host, and pure questions about it: what address it uses now, which DNS
 * servers, whether it is on its cable. The host machine (devices/windowsHost.machine.ts) owns it.
 */
import type { HostKind } from '../core/definition';
import { isApipa, prefixToMask, type Ipv4 } from '../net/ipv4';
import type { RngState } from '../core/random';
import type { EventLogs } from './eventlog';
import type { ServiceState } from './services';
import type { Registry } from './registry';
import type { LogonToken } from './logonToken';

export interface DhcpLease {
  ip: Ipv4;
  mask: Ipv4;
  router?: Ipv4;
  dnsServers: Ipv4[];
  domainName?: string;
  server: Ipv4;
  obtainedAt: number;
  expiresAt: number;
}

export interface NicRuntime {
  name: string;
  description: string;
  mac: string;
  mediaConnected: boolean;
  dhcpEnabled: boolean;
  static?: { ip: Ipv4; prefix: number; gateway?: Ipv4; dnsServers: Ipv4[] };
  lease?: DhcpLease;
  apipa?: Ipv4;
  /** DNS servers typed into the adapter's properties; they win over DHCP's option 6. */
  dnsOverride?: Ipv4[];
  /** Stable per-adapter values ipconfig shows. */
  linkLocalV6: string;
  ifIndex: number;
  dhcpv6Iaid: number;
  dhcpv6Duid: string;
}

export type ShellKind = 'cmd' | 'powershell';

export interface ConsoleLine {
  kind: 'input' | 'output' | 'error' | 'warning';
  text: string;
}

export interface ConsoleSession {
  shell: ShellKind;
  /** DOMAIN\user whose console this is. */
  user: string;
  cwd: string;
  history: string[];
  transcript: ConsoleLine[];
  busy: boolean;
}

export interface CachedLogon {
  sam: string;
  upn: string;
  displayName: string;
  /** Truth only: the password that last signed in successfully here (the cached verifier). */
  password: string;
  at: number;
}

export interface UserSession {
  /** DOMAIN\sam as Settings > Accounts and whoami show it. */
  account: string;
  sam: string;
  upn: string;
  displayName: string;
  since: number;
  /** Signed in from cached credentials (no domain controller reached). */
  cached: boolean;
}

/** The sign-in screen and desktop of a client PC. */
export interface DesktopState {
  screen: 'signin' | 'desktop';
  session?: UserSession;
  /** The user name last typed (the sign-in screen offers it). */
  lastUser?: string;
  /** The message under the password box after a failed sign-in. */
  message?: string;
  /** The notification shown after signing in (cached logon). */
  banner?: string;
  /** The sign-in screen asks this user to change the password before going on. */
  changeRequired?: string;
  busy: boolean;
}

/** What Active Directory Users and Computers shows after an action (its message box). */
export interface AducResult {
  ok: boolean;
  title?: string;
  message?: string;
}

export interface WindowsHostContext {
  id: string;
  kind: HostKind;
  hostname: string;
  os: string;
  osBuild: string;
  domainFqdn: string;
  domainNetbios: string;
  nic: NicRuntime;
  services: Record<string, ServiceState>;
  /** How far this host's clock is from lab time (ms); Kerberos cares about the difference. */
  clockOffsetMs: number;
  timeZoneOffsetMinutes: number;
  logs: EventLogs;
  consoles: Record<ShellKind, ConsoleSession>;
  bootedAt: number;
  /** The machine account password version this member holds (its side of the secure channel). */
  machineSecret: number;
  /** Client PCs: the sign-in screen, the signed-in user and cached domain logons. */
  desktop?: DesktopState;
  cachedLogons: Record<string, CachedLogon>;
  /** The registry values the lab's tools and faults touch. */
  registry: Registry;
  /** TLS 1.2 as SCHANNEL loaded it at boot (registry changes need a restart). */
  tls12Active: boolean;
  /** The Windows Time service: where this host takes its time from, and when it last did. */
  time: {
    type: 'NT5DS' | 'NTP' | 'NoSync';
    lastSyncAt?: number;
    source: string;
    /** The host's own clock reading at that sync (absent: lastSyncAt, a clock that was right). */
    lastSyncClock?: number;
    /** The address the service took its last sample from (w32tm's ReferenceId; it does not look it up again). */
    refIp?: string;
    /** Polls in a row that found no time source (NtpClient doubles its wait after each, from 15 minutes). */
    pollFailures?: number;
    /**
     * A member's system poll interval, log2 seconds, as its own polls have adapted it (absent:
     * MinPollInterval, where the service starts; see w32timePoll.ts).
     */
    pollInterval?: number;
  };
  /**
   * Truth only: the credentials behind the consoles' user (a stand-in for its Kerberos tickets),
   * which AD cmdlets and tools on this host bind with.
   */
  logon: { user: string; password: string };
  /** The consoles' access token, built at sign-in from the directory (whoami reads it). */
  token?: LogonToken;
  /** Entra Connect Sync is installed here (its state at rest is the host machine's `adsyncDisk`). */
  entraConnect: boolean;
  /** The DC: what Active Directory Users and Computers showed after its last action (`id` tells one from the next). */
  aduc?: { lastResult?: AducResult & { id: number } };
  rng: RngState;
  /** Counter for ids of packets and jobs this host starts. */
  seq: number;
}

/** A host's state without its consoles (its actor keeps them apart: devices/hostView.ts). */
export type HostCore = Omit<WindowsHostContext, 'consoles'>;
export type HostConsoles = WindowsHostContext['consoles'];

export interface EffectiveIpConfig {
  source: 'static' | 'dhcp' | 'apipa' | 'none';
  ip?: Ipv4;
  mask?: Ipv4;
  gateway?: Ipv4;
  dnsServers: Ipv4[];
  dnsSuffix?: string;
}

/** What the adapter is using right now, as ipconfig and the network see it. */
export function effectiveIpConfig(nic: NicRuntime): EffectiveIpConfig {
  if (!nic.mediaConnected) return { source: 'none', dnsServers: [] };
  if (!nic.dhcpEnabled && nic.static) {
    return {
      source: 'static',
      ip: nic.static.ip,
      mask: prefixToMask(nic.static.prefix),
      gateway: nic.static.gateway,
      dnsServers: nic.dnsOverride ?? nic.static.dnsServers,
    };
  }
  if (nic.lease) {
    return {
      source: 'dhcp',
      ip: nic.lease.ip,
      mask: nic.lease.mask,
      gateway: nic.lease.router,
      dnsServers: nic.dnsOverride ?? nic.lease.dnsServers,
      dnsSuffix: nic.lease.domainName,
    };
  }
  if (nic.apipa) {
    return { source: 'apipa', ip: nic.apipa, mask: '255.255.0.0', dnsServers: nic.dnsOverride ?? [] };
  }
  return { source: 'none', dnsServers: nic.dnsOverride ?? [] };
}

export function hasUsableAddress(nic: NicRuntime): boolean {
  const c = effectiveIpConfig(nic);
  return !!c.ip && !isApipa(c.ip);
}

/** The host's own idea of the time. */
export function hostTime(ctx: Pick<WindowsHostContext, 'clockOffsetMs'>, labNow: number): number {
  return labNow + ctx.clockOffsetMs;
}

export const TRANSCRIPT_LIMIT = 3000;

/**
 * Appends in place. A console's transcript (up to TRANSCRIPT_LIMIT lines) and history would be
 * copied whole on every command; instead an array appendLines or appendHistory made may grow in
 * place, with the same content a copy would have, while all of these hold:
 * - a lab command is being applied (`withConsoleAppends`), so nothing outside the engine runs and
 *   an actor used on its own (a test's) keeps the copying behaviour;
 * - nothing has read a lab's state since the array was made: every read of a lab's truth (the
 *   learner's view, the state hash, a grader) first calls `sealConsoleArrays`, and an array it may
 *   have seen is copied on its next append, so a view or hash taken earlier never changes;
 * - the session appending is the newest one holding the array (its owner, handed on by
 *   sessionWith), so an older session still holding it (a console's `seen` host while it waits)
 *   never has lines added under it by a newer one and then grows them again itself.
 * No engine code reads a transcript or history other than its console's current one (commands do
 * not read them; the truth holds only each console's current session), so only a copy's cost is
 * saved: about one transcript copy per console command, the largest allocation of a replay. The
 * price is a rule: what is computed from a console session in a lab command is kept (a console
 * plan is always applied, never worked out and dropped), since an older session can have lines a
 * newer one added in place.
 */
interface Owner {
  session: ConsoleSession;
  epoch: number;
}
const OWNERS = new WeakMap<readonly unknown[], Owner>();
/** Incremented by every read of a lab's state: arrays owned in an earlier epoch are copied on their next append. */
let epoch = 0;
/** How many lab commands are being applied (withConsoleAppends). */
let open = 0;

/** Called before a lab's state is read: no array it can reach grows in place afterwards. */
export function sealConsoleArrays(): void {
  epoch++;
}

/** Runs `apply` (one lab command, given `arg`: no closure per command) with console appends in place (see above). */
export function withConsoleAppends<T, A = undefined>(apply: (arg: A) => T, arg?: A): T {
  open++;
  try {
    return apply(arg as A);
  } finally {
    open--;
  }
}

function growable(items: readonly unknown[], session: ConsoleSession): boolean {
  if (open === 0) return false;
  const o = OWNERS.get(items);
  return o !== undefined && o.session === session && o.epoch === epoch;
}

function own(items: readonly unknown[], session: ConsoleSession): void {
  if (open > 0) OWNERS.set(items, { session, epoch });
}

/** Hands the arrays `from` owned and `to` still holds on to `to`. */
function handOn(from: ConsoleSession, to: ConsoleSession): void {
  const t = OWNERS.get(to.transcript);
  if (t?.session === from) t.session = to;
  const h = OWNERS.get(to.history);
  if (h?.session === from) h.session = to;
}

export function appendLines(session: ConsoleSession, lines: readonly ConsoleLine[]): ConsoleSession {
  if (growable(session.transcript, session)) {
    const t = session.transcript;
    for (const l of lines) t.push(l);
    if (t.length > TRANSCRIPT_LIMIT) t.splice(0, t.length - TRANSCRIPT_LIMIT);
    return sessionWith(session, {});
  }
  const transcript = session.transcript.concat(lines);
  const next = sessionWith(session, {
    transcript:
      transcript.length > TRANSCRIPT_LIMIT
        ? transcript.slice(transcript.length - TRANSCRIPT_LIMIT)
        : transcript,
  });
  own(next.transcript, next);
  return next;
}

/** `line` at the end of the session's history, which keeps the last `limit` lines (its oldest go first). */
export function appendHistory(session: ConsoleSession, line: string, limit: number): ConsoleSession {
  const items = session.history;
  if (growable(items, session)) {
    items.push(line);
    if (items.length > limit) items.splice(0, items.length - limit);
    return sessionWith(session, {});
  }
  let history: string[];
  if (items.length < limit) history = items.concat([line]);
  else {
    // One new array (no copy of a copy).
    const kept = limit - 1;
    const from = items.length - kept;
    history = new Array<string>(limit);
    for (let i = 0; i < kept; i++) history[i] = items[from + i] as string;
    history[kept] = line;
  }
  const next = sessionWith(session, { history });
  own(history, next);
  return next;
}

/**
 * A console session with some of its fields changed, written out in its own field order (the order
 * consoleSession gives it) instead of spread: in Node 20's V8 a spread of an object that was itself
 * made by a spread (`{ ...s, busy }` after `{ ...s, transcript }`) takes a slow path that makes a new
 * hidden class each time (≈ 1.8 µs against 0.07 µs), and a session changes on every console command.
 */
export function sessionWith(s: ConsoleSession, change: Partial<ConsoleSession>): ConsoleSession {
  const next = {
    shell: change.shell ?? s.shell,
    user: change.user ?? s.user,
    cwd: change.cwd ?? s.cwd,
    history: change.history ?? s.history,
    transcript: change.transcript ?? s.transcript,
    busy: change.busy ?? s.busy,
  };
  if (open > 0) handOn(s, next);
  return next;
}

/** A new console session: nothing typed yet. */
export function consoleSession(shell: ShellKind, user: string, cwd: string): ConsoleSession {
  return { shell, user, cwd, history: [], transcript: [], busy: false };
}

/** The consoles with `shell`'s session replaced (written out, as sessionWith). */
export function consolesWith(consoles: HostConsoles, shell: ShellKind, s: ConsoleSession): HostConsoles {
  return shell === 'cmd' ? { cmd: s, powershell: consoles.powershell } : { cmd: consoles.cmd, powershell: s };
}
