/**
 * Windows Time and the host's clock: w32tm (/query /status|/source|/configuration|/peers,
 * /resync, /stripchart, /config, /tz), Get-Date and Set-Date, and cmd's `date` and `time`.
 *
 * A host's clock is lab time plus its own offset. `w32tm /resync` asks the time source over NTP
 * (UDP 123): a domain member (Type NT5DS) finds a DC with the locator, a manually configured
 * host (Type NTP) resolves the peers of its NtpServer registry value; on an answer from a
 * synchronized source the clock is set to the source's (effect `clockOffset`) and the service
 * notes the sync (effect `time`).
 *
 * Type NoSync: W32Time then has no input provider, so `/resync` has no sample to use and prints
 * "The computer did not resync because no time data was available." — what Windows does. The way
 * back is `w32tm /config /syncfromflags:domhier /update` (or a manual peer list), then `/resync`.
 * `/config` writes the registry (Type, NtpServer); only `/update` makes the running service take
 * it. The service does not poll in the background in the lab: the clock changes only by a command
 * (w32tm /resync, Set-Date, date, time) or the instructor.
 */
import { formatLongDateTime, formatShortDateTime, MINUTE, SECOND } from '../../core/time';
import { isIpv4, type Ipv4 } from '../../net/ipv4';
import { exchange, sleep, type Script } from '../../proc/script';
import { TIMINGS } from '../../lab/timings';
import { locateDc } from '../dcLocator';
import type { NewEvent } from '../eventlog';
import { effectiveIpConfig, type ConsoleLine, type WindowsHostContext } from '../hostState';
import { KEYS, readValue, type RegValue } from '../registry';
import { resolveName } from '../resolver';
import { formatPsError, out } from '../shell/psError';
import {
  bound,
  cmdletFailure,
  civil,
  daysFromCivil,
  hostClock,
  pad2,
  scripted,
  seeded,
  type Civil,
  type Stopwatch,
} from './netdiag';
import { done, type CommandDef, type CommandEnv, type CommandResult, type HostEffect } from './types';

// --- w32tm ----------------------------------------------------------------------------------------

/** w32tm's own lines (reference §6.6 for status and resync; the rest from Windows Server 2022). */
export const W32TM_TEXT = {
  sending: 'Sending resync command to local computer',
  completed: 'The command completed successfully.',
  noData: 'The computer did not resync because no time data was available.',
  notStarted: 'The following error occurred: The service has not been started. (0x80070426)',
  badParameter: 'The following error occurred: The parameter is incorrect. (0x80070057)',
  noSuchHost: 'The following error occurred: No such host is known. (0x80072AF9)',
  sampleTimeout: 'error: 0x800705B4',
  sampleRefused: 'error: 0x80072746',
  usage: [
    'w32tm [/? | /register | /unregister ]',
    '  ? - this help screen.',
    '  register - register to run as a service and add default',
    '    configuration to the registry.',
    '  unregister - unregister service and remove all configuration',
    '    information from the registry.',
    '',
    'w32tm /resync [/computer:<computer>] [/nowait] [/rediscover] [/soft]',
    '  Tell a computer that it should resynchronize its clock as soon',
    '  as possible, throwing out all accumulated error statistics.',
    '',
    'w32tm /stripchart /computer:<target> [/period:<refresh>]',
    '    [/dataonly] [/samples:<count>] [/packetinfo] [/ipprotocol:<4|6>]',
    '  Display a strip chart of the offset between this computer and',
    '  another computer.',
    '',
    'w32tm /config [/computer:<target>] [/update]',
    '    [/manualpeerlist:<peers>] [/syncfromflags:<source>]',
    '    [/LocalClockDispersion:<seconds>]',
    '    [/reliable:(YES|NO)]',
    '    [/largephaseoffset:<milliseconds>]',
    '',
    'w32tm /tz',
    '  Display the current time zone settings.',
    '',
    'w32tm /query [/computer:<target>]',
    '    {/source | /configuration | /peers | /status}',
    '    [/verbose]',
    '',
  ],
} as const;

const TIME_SOURCE = 'Microsoft-Windows-Time-Service';
/** What W32Time calls its source when it has none. */
const UNSYNCED_SOURCES = ['Local CMOS Clock', 'Free-running System Clock'];
/**
 * Addresses shown for public time servers the lab's DNS does not know (for the ReferenceId line
 * of a DC that synced from the internet before the lab starts): time.windows.com's long-standing one.
 */
const KNOWN_TIME_SERVERS: Record<string, Ipv4> = { 'time.windows.com': '168.61.215.74' };

const running = (host: WindowsHostContext) => host.services.W32Time?.status === 'Running';
const regText = (v: RegValue | undefined) => (typeof v?.data === 'string' ? v.data : undefined);
const peerHost = (entry: string) => entry.split(',')[0] ?? entry;

function isSynced(host: WindowsHostContext): boolean {
  const t = host.time;
  return t.type !== 'NoSync' && t.lastSyncAt !== undefined && !UNSYNCED_SOURCES.includes(t.source);
}

function shownSource(host: WindowsHostContext): string {
  if (isSynced(host)) return host.time.source;
  return UNSYNCED_SOURCES.includes(host.time.source) ? host.time.source : 'Local CMOS Clock';
}

/** The host's stratum once synced: the DC takes its time from the internet (stratum 2). */
const stratumOf = (host: WindowsHostContext) => (host.kind === 'dc' ? 3 : 4);

/** What a seconds value looks like in w32tm: seven decimals, `s` after. */
const secs = (s: number) => `${s.toFixed(7)}s`;

function localTime(env: CommandEnv, hostMs: number): Civil {
  return civil(hostMs + env.host.timeZoneOffsetMinutes * MINUTE);
}

function* sourceAddress(host: WindowsHostContext, source: string): Script<Ipv4 | undefined> {
  const name = peerHost(source);
  if (isIpv4(name)) return name;
  const r = yield* resolveName(host, name);
  return r.ok ? r.ip : KNOWN_TIME_SERVERS[name.toLowerCase()];
}

const refId = (ip: Ipv4) =>
  `0x${ip
    .split('.')
    .map((o) => Number(o).toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase()}`;

function* queryStatus(env: CommandEnv, sw: Stopwatch): Script<CommandResult> {
  const host = env.host;
  const t = host.time;
  const last =
    t.lastSyncAt !== undefined
      ? formatShortDateTime(t.lastSyncAt + host.clockOffsetMs, host.timeZoneOffsetMinutes)
      : 'unspecified';
  if (!isSynced(host)) {
    return {
      lines: out(
        'Leap Indicator: 3(not synchronized)',
        'Stratum: 0 (unspecified)',
        'Precision: -23 (119.209ns per tick)',
        'Root Delay: 0.0000000s',
        'Root Dispersion: 0.0000000s',
        'ReferenceId: 0x00000000 (unspecified)',
        `Last Successful Sync Time: ${last}`,
        `Source: ${shownSource(host)}`,
        'Poll Interval: 6 (64s)',
        '',
      ),
    };
  }
  const ip = yield* sourceAddress(host, t.source);
  const since = Math.max(0, env.now + sw.ms - (t.lastSyncAt ?? env.now)) / SECOND;
  const dc = host.kind === 'dc';
  const jitter = (seeded(`${host.id}:${t.lastSyncAt ?? 0}`) % 100000) / 1e7;
  return {
    lines: out(
      'Leap Indicator: 0(no warning)',
      `Stratum: ${stratumOf(host)} (secondary reference - syncd by (S)NTP)`,
      'Precision: -23 (119.209ns per tick)',
      `Root Delay: ${secs((dc ? 0.0312 : 0.0154) + jitter)}`,
      `Root Dispersion: ${secs((dc ? 0.1 : 7.765) + jitter + since * 15e-6)}`,
      ip ? `ReferenceId: ${refId(ip)} (source IP:  ${ip})` : 'ReferenceId: 0x00000000 (unspecified)',
      `Last Successful Sync Time: ${last}`,
      `Source: ${t.source}`,
      'Poll Interval: 10 (1024s)',
      '',
    ),
  };
}

function ntpPeers(host: WindowsHostContext): string[] {
  const list = regText(readValue(host.registry, KEYS.w32time, 'NtpServer')) ?? '';
  return list.split(/\s+/).filter((p) => p.length > 0);
}

function queryPeers(env: CommandEnv): CommandResult {
  const host = env.host;
  const t = host.time;
  const synced = isSynced(host);
  const peers = t.type === 'NoSync' ? [] : t.type === 'NT5DS' ? (synced ? [t.source] : []) : ntpPeers(host);
  const lines = [`#Peers: ${peers.length}`, ''];
  const elapsed = Math.max(0, env.now - (t.lastSyncAt ?? env.now)) / SECOND;
  for (const p of peers) {
    const active = synced && p.toLowerCase() === t.source.toLowerCase();
    lines.push(
      `Peer: ${p}`,
      `State: ${active ? 'Active' : 'Pending'}`,
      `Time Remaining: ${secs(active ? 1024 - (elapsed % 1024) : 0)}`,
      `Mode: ${t.type === 'NT5DS' ? '3 (Client)' : '1 (Symmetric Active)'}`,
      active
        ? `Stratum: ${stratumOf(host) - 1} (secondary reference - syncd by (S)NTP)`
        : 'Stratum: 0 (unspecified)',
      'PeerPoll Interval: 10 (1024s)',
      `HostPoll Interval: ${active ? '10 (1024s)' : '0 (unspecified)'}`,
      '',
    );
  }
  return { lines: out(...lines) };
}

function queryConfiguration(host: WindowsHostContext): CommandResult {
  const local = (name: string, value: string | number) => `${name}: ${value} (Local)`;
  const dc = host.kind === 'dc';
  const peers = regText(readValue(host.registry, KEYS.w32time, 'NtpServer')) ?? 'time.windows.com,0x9';
  return {
    lines: out(
      '[Configuration]',
      '',
      local('EventLogFlags', 2),
      local('AnnounceFlags', dc ? 5 : 10),
      local('TimeJumpAuditOffset', 28800),
      local('MinPollInterval', dc ? 6 : 10),
      local('MaxPollInterval', dc ? 10 : 15),
      local('MaxNegPhaseCorrection', dc ? 172800 : 4294967295),
      local('MaxPosPhaseCorrection', dc ? 172800 : 4294967295),
      local('MaxAllowedPhaseOffset', 300),
      '',
      local('FrequencyCorrectRate', 4),
      local('PollAdjustFactor', 5),
      local('LargePhaseOffset', 50000000),
      local('SpikeWatchPeriod', 900),
      local('LocalClockDispersion', 10),
      local('HoldPeriod', 5),
      local('PhaseCorrectRate', 1),
      local('UpdateInterval', 100),
      '',
      '',
      '[TimeProviders]',
      '',
      'NtpClient (Local)',
      local('DllName', 'C:\\Windows\\system32\\w32time.dll'),
      local('Enabled', 1),
      local('InputProvider', 1),
      local('CrossSiteSyncFlags', 2),
      local('AllowNonstandardModeCombinations', 1),
      local('ResolvePeerBackoffMinutes', 15),
      local('ResolvePeerBackoffMaxTimes', 7),
      local('CompatibilityFlags', 2147483648),
      local('EventLogFlags', 1),
      local('LargeSampleSkew', 3),
      local('SpecialPollInterval', 3600),
      local('Type', host.time.type),
      ...(host.time.type === 'NTP' ? [local('NtpServer', peers)] : []),
      '',
      'NtpServer (Local)',
      local('DllName', 'C:\\Windows\\system32\\w32time.dll'),
      local('Enabled', dc ? 1 : 0),
      local('InputProvider', 0),
      ...(dc ? [local('AllowNonstandardModeCombinations', 1)] : []),
      '',
    ),
  };
}

interface Candidate {
  /** How the source appears in `Source:`: the DC's name, or the peer list entry. */
  label: string;
  ip: Ipv4;
  mode: 'd' | 'm';
}

function timeEvent(eventId: number, level: 'Information' | 'Warning', message: string): HostEffect {
  return {
    type: 'log',
    entry: { log: 'System', source: TIME_SOURCE, eventId, level, message } satisfies NewEvent,
  };
}

/** `2026-03-02T08:10:00.000000000Z`, as Kernel-General's time-change event writes it. */
function isoUtc(ms: number): string {
  const c = civil(ms);
  return `${c.year}-${pad2(c.month)}-${pad2(c.day)}T${pad2(c.hour)}:${pad2(c.minute)}:${pad2(c.second)}.${String(c.ms).padStart(3, '0')}000000Z`;
}

/** The System log's record of a clock change (Kernel-General 1). */
function timeChanged(fromHostMs: number, toHostMs: number): HostEffect {
  return {
    type: 'log',
    entry: {
      log: 'System',
      source: 'Microsoft-Windows-Kernel-General',
      eventId: 1,
      level: 'Information',
      message: `The system time has changed to ${isoUtc(toHostMs)} from ${isoUtc(fromHostMs)}.\n\nChange Reason: An application or system component changed the time.`,
    },
  };
}

function* resync(env: CommandEnv, sw: Stopwatch, nowait: boolean): Script<CommandResult> {
  const host = env.host;
  const head = [W32TM_TEXT.sending];
  if (!running(host)) return { lines: out(...head, W32TM_TEXT.notStarted, '') };
  const effects: HostEffect[] = [];
  const finish = (ok: boolean): CommandResult => ({
    lines: out(...head, ok || nowait ? W32TM_TEXT.completed : W32TM_TEXT.noData, ''),
    effects,
  });
  if (host.time.type === 'NoSync') return finish(false);

  const candidates: Candidate[] = [];
  if (host.time.type === 'NT5DS') {
    const loc = effectiveIpConfig(host.nic).ip ? yield* locateDc(host, host.domainFqdn) : undefined;
    // The domain hierarchy: a DC other than this host (the PDC itself has no domain parent).
    if (loc?.ok && loc.dc.dcName.toLowerCase() !== host.hostname.toLowerCase())
      candidates.push({ label: `${loc.dc.dcName}.${loc.dc.domain}`, ip: loc.dc.dcIp, mode: 'd' });
    else if (!loc?.ok)
      effects.push(
        timeEvent(
          129,
          'Warning',
          'NtpClient was unable to set a domain peer to use as a time source because of discovery error. NtpClient will try again in 15 minutes and double the reattempt interval thereafter. The error was: The entry is not found. (0x800706E1)',
        ),
      );
  } else {
    for (const entry of ntpPeers(host)) {
      const r = yield* resolveName(host, peerHost(entry));
      if (r.ok) candidates.push({ label: entry, ip: r.ip, mode: 'm' });
      else
        effects.push(
          timeEvent(
            134,
            'Warning',
            `NtpClient was unable to set a manual peer to use as a time source because of DNS resolution error on '${entry}'. NtpClient will try again in 15 minutes and double the reattempt interval thereafter. The error was: No such host is known. (0x80072AF9)`,
          ),
        );
    }
  }
  const src = effectiveIpConfig(host.nic).ip ?? '0.0.0.0';
  for (const c of candidates) {
    const r = yield* exchange(
      { src, dst: c.ip, transport: 'udp', port: 123, body: { kind: 'ntp.request' } },
      TIMINGS.ntpTimeout,
    );
    // A source that is not synchronized itself (leap indicator 3) gives no usable sample.
    if (r.status !== 'ok' || r.body.kind !== 'ntp.response' || !r.body.synchronized) continue;
    const labAt = env.now + sw.ms;
    const offset = r.body.serverTime - labAt;
    if (Math.abs(offset - host.clockOffsetMs) >= SECOND)
      effects.push(timeChanged(labAt + host.clockOffsetMs, r.body.serverTime));
    effects.push({ type: 'clockOffset', offsetMs: offset });
    effects.push({ type: 'time', source: c.label, lastSyncAt: labAt });
    if (!isSynced(host) || host.time.source.toLowerCase() !== c.label.toLowerCase()) {
      const how = c.mode === 'd' ? 'ntp.d' : `ntp.m|${c.label.split(',')[1] ?? '0x0'}`;
      effects.push(
        timeEvent(
          35,
          'Information',
          `The time service is now synchronizing the system time with the time source ${c.label} (${how}|0.0.0.0:123->${c.ip}:123).`,
        ),
      );
    }
    return finish(true);
  }
  return finish(false);
}

/** `+00.0001785s` / `-600.0012345s`: the sign, at least two integer digits, seven decimals. */
function signed(s: number): string {
  const abs = Math.abs(s);
  const [int = '0', frac = '0'] = abs.toFixed(7).split('.');
  return `${s < 0 ? '-' : '+'}${int.padStart(2, '0')}.${frac}s`;
}

/** The strip chart's graph: `|` is this host's time, `*` the target's offset (one column a second). */
function graph(offset: number): string {
  const cells = Array<string>(55).fill(' ');
  cells[27] = '|';
  cells[Math.max(0, Math.min(54, 27 + Math.round(offset)))] = '*';
  return `[${cells.join('')}]`;
}

interface StripOptions {
  target: string;
  samples?: number;
  period: number;
  dataonly: boolean;
}

/** Samples when /samples is not given: Windows runs until Ctrl+C; the lab stops after these. */
const STRIP_DEFAULT_SAMPLES = 5;

function* stripchart(env: CommandEnv, sw: Stopwatch, o: StripOptions): Script<CommandResult> {
  const host = env.host;
  const r = yield* resolveName(host, o.target);
  if (!r.ok) return { lines: out(W32TM_TEXT.noSuchHost, '') };
  const lines = [`Tracking ${o.target} [${r.ip}:123].`];
  if (o.samples !== undefined) lines.push(`Collecting ${o.samples} samples.`);
  lines.push(`The current time is ${formatShortDateTime(hostClock(env, sw), host.timeZoneOffsetMinutes)}.`);
  const n = o.samples ?? STRIP_DEFAULT_SAMPLES;
  const src = effectiveIpConfig(host.nic).ip ?? '0.0.0.0';
  for (let i = 0; i < n; i++) {
    const at = localTime(env, hostClock(env, sw));
    const stamp = `${pad2(at.hour)}:${pad2(at.minute)}:${pad2(at.second)}`;
    const x = yield* exchange(
      { src, dst: r.ip, transport: 'udp', port: 123, body: { kind: 'ntp.request' } },
      TIMINGS.ntpTimeout,
    );
    if (x.status === 'ok' && x.body.kind === 'ntp.response') {
      const noise = seeded(`${host.id}:${env.now}:${i}`);
      const offset = (x.body.serverTime - hostClock(env, sw)) / SECOND + ((noise % 4001) - 2000) / 1e7;
      const delay = (noise % 9000) / 1e7;
      lines.push(
        o.dataonly
          ? `${stamp}, ${signed(offset)}`
          : `${stamp}, d:${signed(delay)} o:${signed(offset)}  ${graph(offset)}`,
      );
    } else {
      lines.push(`${stamp}, ${x.status === 'refused' ? W32TM_TEXT.sampleRefused : W32TM_TEXT.sampleTimeout}`);
    }
    if (i < n - 1) yield* sleep(o.period * SECOND);
  }
  if (o.samples === undefined) lines.push('^C');
  return { lines: out(...lines, '') };
}

const SYNC_FLAGS: Record<string, 'NT5DS' | 'NTP' | 'NoSync' | 'AllSync'> = {
  domhier: 'NT5DS',
  manual: 'NTP',
  no: 'NoSync',
  all: 'AllSync',
};

function config(env: CommandEnv, opts: Map<string, string | undefined>): CommandResult | undefined {
  const host = env.host;
  const effects: HostEffect[] = [];
  let type = regText(readValue(host.registry, KEYS.w32time, 'Type'));
  for (const [key, value] of opts) {
    switch (key) {
      case 'syncfromflags': {
        const flags = (value ?? '').toLowerCase().split(',');
        const t = flags.map((f) => SYNC_FLAGS[f]);
        if (t.length === 0 || t.some((x) => x === undefined)) return undefined;
        type = t.length > 1 ? 'AllSync' : t[0];
        effects.push({
          type: 'registry',
          key: KEYS.w32time,
          name: 'Type',
          value: { type: 'REG_SZ', data: type ?? 'NT5DS' },
        });
        break;
      }
      case 'manualpeerlist':
        if (value === undefined) return undefined;
        effects.push({
          type: 'registry',
          key: KEYS.w32time,
          name: 'NtpServer',
          value: { type: 'REG_SZ', data: value },
        });
        break;
      case 'reliable':
        if (value?.toLowerCase() !== 'yes' && value?.toLowerCase() !== 'no') return undefined;
        break;
      case 'update':
      case 'localclockdispersion':
      case 'largephaseoffset':
        break;
      default:
        return undefined;
    }
  }
  if (!opts.has('update')) return { lines: out(W32TM_TEXT.completed, ''), effects };
  if (!running(host)) return { lines: out(W32TM_TEXT.notStarted, ''), effects };
  // The running service takes the registry's Type; AllSync tries the domain hierarchy first.
  const mode = type === 'NTP' ? 'NTP' : type === 'NoSync' ? 'NoSync' : 'NT5DS';
  effects.push({ type: 'time', mode, ...(mode === 'NoSync' ? { source: 'Local CMOS Clock' } : {}) });
  return { lines: out(W32TM_TEXT.completed, ''), effects };
}

const TZ_NAMES: Record<number, string> = {
  0: 'Coordinated Universal Time',
  60: 'W. Europe Standard Time',
  [-300]: 'Eastern Standard Time',
  [-480]: 'Pacific Standard Time',
};

function tz(host: WindowsHostContext): CommandResult {
  const off = host.timeZoneOffsetMinutes;
  const name =
    TZ_NAMES[off] ??
    `(UTC${off < 0 ? '-' : '+'}${pad2(Math.floor(Math.abs(off) / 60))}:${pad2(Math.abs(off) % 60)})`;
  return {
    lines: out(
      `Time zone: Current:TIME_ZONE_ID_UNKNOWN Bias: ${-off}min (UTC=LocalTime+Bias)`,
      `  [Standard Name:"${name}" Bias:0min Date:(unspecified)]`,
      `  [Daylight Name:"${name}" Bias:0min Date:(unspecified)]`,
      '',
    ),
  };
}

/** `/name` or `/name:value`, lower-cased names; undefined when an argument is not a switch. */
function switches(env: CommandEnv): Map<string, string | undefined> | undefined {
  const m = new Map<string, string | undefined>();
  for (const a of env.cmd.args) {
    const x = /^[/-]([A-Za-z?]+)(?::(.*))?$/.exec(a.text);
    if (!x) return undefined;
    m.set((x[1] ?? '').toLowerCase(), x[2]);
  }
  return m;
}

function only(opts: Map<string, string | undefined>, allowed: readonly string[]): boolean {
  return [...opts.keys()].every((k) => allowed.includes(k));
}

export const w32tm: CommandDef = {
  names: ['w32tm', 'w32tm.exe'],
  kind: 'native',
  run: (env) => {
    const opts = switches(env);
    const bad = () => done(out(W32TM_TEXT.badParameter, ''));
    if (!opts || opts.size === 0 || opts.has('?')) return done(out(...W32TM_TEXT.usage));
    const host = env.host;
    if (opts.has('query')) {
      if (!only(opts, ['query', 'status', 'source', 'configuration', 'peers', 'verbose'])) return bad();
      const what = ['status', 'source', 'configuration', 'peers'].filter((k) => opts.has(k));
      if (what.length !== 1) return done(out(...W32TM_TEXT.usage));
      if (!running(host)) return done(out(W32TM_TEXT.notStarted, ''));
      switch (what[0]) {
        case 'status':
          return scripted((sw) => queryStatus(env, sw));
        case 'source':
          return done(out(shownSource(host), ''));
        case 'peers':
          return done(queryPeers(env).lines);
        default: {
          const c = queryConfiguration(host);
          return done(c.lines);
        }
      }
    }
    if (opts.has('resync')) {
      if (!only(opts, ['resync', 'force', 'nowait', 'rediscover', 'soft'])) return bad();
      return scripted((sw) => resync(env, sw, opts.has('nowait')));
    }
    if (opts.has('stripchart')) {
      if (
        !only(opts, ['stripchart', 'computer', 'samples', 'dataonly', 'period', 'packetinfo', 'ipprotocol'])
      )
        return bad();
      const target = opts.get('computer');
      const samples = opts.get('samples');
      const period = opts.get('period');
      if (
        !target ||
        (samples !== undefined && !/^\d+$/.test(samples)) ||
        (period !== undefined && !/^\d+$/.test(period))
      )
        return bad();
      const o: StripOptions = {
        target,
        samples: samples === undefined ? undefined : Math.min(Number(samples), 100),
        period: period === undefined ? 2 : Math.max(1, Number(period)),
        dataonly: opts.has('dataonly'),
      };
      return scripted((sw) => stripchart(env, sw, o));
    }
    if (opts.has('config')) {
      const rest = new Map([...opts].filter(([k]) => k !== 'config'));
      const r = config(env, rest);
      return r ? done(r.lines, r.effects) : bad();
    }
    if (opts.has('tz') && opts.size === 1) return done(tz(host).lines);
    return done(out(...W32TM_TEXT.usage));
  },
};

// --- Dates typed on the command line ------------------------------------------------------------

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const daysIn = (year: number, month: number) =>
  daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) -
  daysFromCivil(year, month, 1);

function monthOf(name: string): number | undefined {
  const n = name.toLowerCase();
  const i = MONTHS.findIndex(
    (m) => m.toLowerCase() === n || (n.length >= 3 && m.toLowerCase().startsWith(n)),
  );
  return i < 0 ? undefined : i + 1;
}

/** `8:15`, `8:15:30`, `8:15 PM`, `20:15:30.5` → ms since midnight (and a zone, if one was written). */
function parseClock(text: string): { ms: number; zone?: number } | undefined {
  const m =
    /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,7}))?)?\s*([AaPp][Mm]?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(
      text.trim(),
    );
  if (!m) return undefined;
  let h = Number(m[1]);
  const mi = Number(m[2]);
  const s = Number(m[3] ?? 0);
  const frac = m[4] ? Math.round(Number(`0.${m[4]}`) * 1000) : 0;
  const ampm = m[5]?.toLowerCase();
  if (ampm) {
    if (h < 1 || h > 12) return undefined;
    h = (h % 12) + (ampm.startsWith('p') ? 12 : 0);
  }
  if (h > 23 || mi > 59 || s > 59) return undefined;
  const z = m[6];
  const zone =
    z === undefined
      ? undefined
      : z === 'Z'
        ? 0
        : (z.startsWith('-') ? -1 : 1) * (Number(z.slice(1, 3)) * 60 + Number(z.slice(-2)));
  return { ms: ((h * 60 + mi) * 60 + s) * SECOND + frac, zone };
}

/**
 * A date as .NET's DateTime.Parse reads it with en-US settings: `3/2/2026 8:15 AM`,
 * `2026-03-02T08:15:00`, `March 2, 2026 8:15`, `Monday, March 2, 2026 8:15:12 AM`, or a time alone
 * (today). Returns the host-local wall-clock time (epoch-like ms), or undefined.
 */
export function parseDateTime(text: string, todayLocal: number, tzMinutes: number): number | undefined {
  if (text.trim() === '') return undefined;
  let t = text.trim().replace(/^(?:sun|mon|tue|wed|thu|fri|sat)[a-z]*,?\s+/i, '');
  let ymd: [number, number, number] | undefined;
  let rest: string;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](.*))?$/.exec(t))) {
    ymd = [Number(m[1]), Number(m[2]), Number(m[3])];
    rest = m[4] ?? '';
  } else if ((m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})(?:\s+(.*))?$/.exec(t))) {
    const y = Number(m[3]);
    ymd = [m[3]?.length === 2 ? 2000 + y : y, Number(m[1]), Number(m[2])];
    rest = m[4] ?? '';
  } else if ((m = /^([A-Za-z]+)\s+(\d{1,2}),?\s+(\d{4})(?:\s+(.*))?$/.exec(t))) {
    const mo = monthOf(m[1] ?? '');
    if (!mo) return undefined;
    ymd = [Number(m[3]), mo, Number(m[2])];
    rest = m[4] ?? '';
  } else if ((m = /^(\d{1,2})\s+([A-Za-z]+),?\s+(\d{4})(?:\s+(.*))?$/.exec(t))) {
    const mo = monthOf(m[2] ?? '');
    if (!mo) return undefined;
    ymd = [Number(m[3]), mo, Number(m[1])];
    rest = m[4] ?? '';
  } else {
    rest = t;
  }
  t = rest.trim();
  const clock = t === '' ? { ms: 0, zone: undefined } : parseClock(t);
  if (!clock) return undefined;
  const today = civil(todayLocal);
  const [y, mo, d] = ymd ?? [today.year, today.month, today.day];
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || y < 1 || y > 9999) return undefined;
  const local = daysFromCivil(y, mo, d) * 86400000 + clock.ms;
  return clock.zone === undefined ? local : local - clock.zone * MINUTE + tzMinutes * MINUTE;
}

/** `-00:10:00`, `1.02:03:04`, `00:05`, `(New-TimeSpan -Minutes -10)` → ms. */
function parseTimeSpanText(text: string): number | undefined {
  const nts = /^\(?\s*New-TimeSpan\s+(.*?)\)?$/i.exec(text.trim());
  if (nts) {
    let total = 0;
    const units: Record<string, number> = { days: 86400000, hours: 3600000, minutes: 60000, seconds: 1000 };
    const parts = (nts[1] ?? '').trim().split(/\s+/);
    if (parts.length % 2 !== 0) return undefined;
    for (let i = 0; i < parts.length; i += 2) {
      const name = (parts[i] ?? '').replace(/^-/, '').toLowerCase();
      const unit = Object.keys(units).find((u) => u.startsWith(name) && name.length > 0);
      const n = Number(parts[i + 1]);
      if (!unit || !Number.isFinite(n)) return undefined;
      total += n * (units[unit] ?? 0);
    }
    return total;
  }
  const m = /^(-)?(?:(\d+)\.)?(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?$/.exec(text.trim());
  if (m) {
    const [, neg, d, h, mi, s, f] = m;
    if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) return undefined;
    const ms =
      ((Number(d ?? 0) * 24 + Number(h)) * 60 + Number(mi)) * 60000 +
      Number(s ?? 0) * 1000 +
      (f ? Math.round(Number(`0.${f}`) * 1000) : 0);
    return neg ? -ms : ms;
  }
  // A bare number is ticks (100 ns).
  if (/^-?\d+$/.test(text.trim())) return Math.round(Number(text) / 10000);
  return undefined;
}

// --- .NET date formatting (Get-Date -Format / -UFormat) -------------------------------------------

const STANDARD_FORMATS: Record<string, string> = {
  d: 'M/d/yyyy',
  D: 'dddd, MMMM d, yyyy',
  t: 'h:mm tt',
  T: 'h:mm:ss tt',
  f: 'dddd, MMMM d, yyyy h:mm tt',
  F: 'dddd, MMMM d, yyyy h:mm:ss tt',
  g: 'M/d/yyyy h:mm tt',
  G: 'M/d/yyyy h:mm:ss tt',
  M: 'MMMM d',
  m: 'MMMM d',
  Y: 'MMMM yyyy',
  y: 'MMMM yyyy',
  s: "yyyy'-'MM'-'dd'T'HH':'mm':'ss",
  o: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
  O: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
};

const zoneText = (tzMinutes: number, colon: boolean) =>
  `${tzMinutes < 0 ? '-' : '+'}${pad2(Math.floor(Math.abs(tzMinutes) / 60))}${colon ? ':' : ''}${pad2(Math.abs(tzMinutes) % 60)}`;

/** .NET custom date format over a local time; undefined for a format .NET rejects. */
export function formatDotNet(fmt: string, local: number, tzMinutes: number): string | undefined {
  if (fmt.length === 1) {
    if (fmt === 'u' || fmt === 'U' || fmt === 'r' || fmt === 'R') {
      const utc = local - tzMinutes * MINUTE;
      if (fmt === 'r' || fmt === 'R') return formatDotNet("ddd, dd MMM yyyy HH':'mm':'ss 'GMT'", utc, 0);
      return formatDotNet(
        fmt === 'u' ? "yyyy'-'MM'-'dd HH':'mm':'ss'Z'" : 'dddd, MMMM d, yyyy h:mm:ss tt',
        utc,
        0,
      );
    }
    const std = STANDARD_FORMATS[fmt];
    if (!std) return undefined;
    return formatDotNet(std, local, tzMinutes);
  }
  const c = civil(local);
  let outText = '';
  for (let i = 0; i < fmt.length;) {
    const ch = fmt[i] as string;
    if (ch === "'" || ch === '"') {
      const end = fmt.indexOf(ch, i + 1);
      if (end < 0) return undefined;
      outText += fmt.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (ch === '\\') {
      outText += fmt[i + 1] ?? '';
      i += 2;
      continue;
    }
    if (ch === '%') {
      i++;
      continue;
    }
    let n = 1;
    while (fmt[i + n] === ch) n++;
    const h12 = c.hour % 12 === 0 ? 12 : c.hour % 12;
    switch (ch) {
      case 'd':
        outText +=
          n === 1
            ? c.day
            : n === 2
              ? pad2(c.day)
              : n === 3
                ? WEEKDAYS[c.weekday]?.slice(0, 3)
                : WEEKDAYS[c.weekday];
        break;
      case 'M':
        outText +=
          n === 1
            ? c.month
            : n === 2
              ? pad2(c.month)
              : n === 3
                ? MONTHS[c.month - 1]?.slice(0, 3)
                : MONTHS[c.month - 1];
        break;
      case 'y':
        outText += n === 1 ? c.year % 100 : n === 2 ? pad2(c.year % 100) : String(c.year).padStart(n, '0');
        break;
      case 'h':
        outText += n === 1 ? h12 : pad2(h12);
        break;
      case 'H':
        outText += n === 1 ? c.hour : pad2(c.hour);
        break;
      case 'm':
        outText += n === 1 ? c.minute : pad2(c.minute);
        break;
      case 's':
        outText += n === 1 ? c.second : pad2(c.second);
        break;
      case 'f':
      case 'F': {
        const digits = String(c.ms).padStart(3, '0').padEnd(7, '0').slice(0, Math.min(n, 7));
        outText += ch === 'F' ? digits.replace(/0+$/, '') : digits;
        break;
      }
      case 't':
        outText += n === 1 ? (c.hour < 12 ? 'A' : 'P') : c.hour < 12 ? 'AM' : 'PM';
        break;
      case 'z':
        outText +=
          n === 1
            ? `${tzMinutes < 0 ? '-' : '+'}${Math.floor(Math.abs(tzMinutes) / 60)}`
            : n === 2
              ? zoneText(tzMinutes, false).slice(0, 3)
              : zoneText(tzMinutes, true);
        break;
      case 'K':
        outText += zoneText(tzMinutes, true);
        break;
      case 'g':
        outText += 'A.D.';
        break;
      default:
        outText += ch.repeat(n);
    }
    i += n;
  }
  return outText;
}

/** PowerShell's -UFormat (Unix `date` style). */
function formatUnix(fmt: string, local: number, tzMinutes: number): string {
  const c = civil(local);
  const h12 = c.hour % 12 === 0 ? 12 : c.hour % 12;
  const yday = daysFromCivil(c.year, c.month, c.day) - daysFromCivil(c.year, 1, 1) + 1;
  const map: Record<string, string> = {
    Y: String(c.year),
    y: pad2(c.year % 100),
    C: String(Math.floor(c.year / 100)),
    m: pad2(c.month),
    d: pad2(c.day),
    e: String(c.day).padStart(2, ' '),
    H: pad2(c.hour),
    I: pad2(h12),
    k: String(c.hour).padStart(2, ' '),
    l: String(h12).padStart(2, ' '),
    M: pad2(c.minute),
    S: pad2(c.second),
    p: c.hour < 12 ? 'AM' : 'PM',
    A: WEEKDAYS[c.weekday] ?? '',
    a: WEEKDAYS[c.weekday]?.slice(0, 3) ?? '',
    B: MONTHS[c.month - 1] ?? '',
    b: MONTHS[c.month - 1]?.slice(0, 3) ?? '',
    h: MONTHS[c.month - 1]?.slice(0, 3) ?? '',
    j: String(yday).padStart(3, '0'),
    u: String(c.weekday === 0 ? 7 : c.weekday),
    w: String(c.weekday),
    Z: zoneText(tzMinutes, false).slice(0, 3),
    s: String(Math.floor((local - tzMinutes * MINUTE) / SECOND)),
    T: `${pad2(c.hour)}:${pad2(c.minute)}:${pad2(c.second)}`,
    R: `${pad2(c.hour)}:${pad2(c.minute)}`,
    r: `${pad2(h12)}:${pad2(c.minute)}:${pad2(c.second)} ${c.hour < 12 ? 'AM' : 'PM'}`,
    D: `${pad2(c.month)}/${pad2(c.day)}/${pad2(c.year % 100)}`,
    x: `${pad2(c.month)}/${pad2(c.day)}/${pad2(c.year % 100)}`,
    X: `${pad2(c.hour)}:${pad2(c.minute)}:${pad2(c.second)}`,
    F: `${c.year}-${pad2(c.month)}-${pad2(c.day)}`,
    c: `${WEEKDAYS[c.weekday]?.slice(0, 3) ?? ''} ${MONTHS[c.month - 1]?.slice(0, 3) ?? ''} ${String(c.day).padStart(2, ' ')} ${pad2(c.hour)}:${pad2(c.minute)}:${pad2(c.second)} ${c.year}`,
    n: '\n',
    t: '\t',
    '%': '%',
  };
  return fmt.replace(/%(.)/g, (all, k: string) => map[k] ?? all);
}

// --- Get-Date, Set-Date ---------------------------------------------------------------------------

const GET_DATE_CLASS = 'Microsoft.PowerShell.Commands.GetDateCommand';
const SET_DATE_CLASS = 'Microsoft.PowerShell.Commands.SetDateCommand';
const DISPLAY_HINT = {
  name: 'DisplayHint',
  type: 'enum' as const,
  values: ['Date', 'Time', 'DateTime'],
  typeName: 'Microsoft.PowerShell.Commands.DisplayHintType',
};

/** A DateTime as PowerShell 5.1 writes it to the console (blank line before, two after). */
function showDate(local: number, hint: string | undefined): ConsoleLine[] {
  const long = formatLongDateTime(local, 0);
  const [date = long, time = ''] = /^(.*\d{4}) (.*)$/.exec(long)?.slice(1) ?? [];
  const text = hint === 'Date' ? date : hint === 'Time' ? time : long;
  return out('', text, '', '');
}

/** The parameter binder's "cannot convert" error for a date or time span argument. */
function convertError(
  env: CommandEnv,
  command: string,
  className: string,
  param: string,
  value: string,
  type: string,
): ConsoleLine[] {
  const tok = env.cmd.args.find((t) => t.text === value);
  const what = type === 'System.DateTime' ? 'DateTime' : 'TimeSpan';
  return formatPsError({
    command,
    message: `Cannot bind parameter '${param}'. Cannot convert value "${value}" to type "${type}". Error: "String was not recognized as a valid ${what}."`,
    line: env.line,
    column: tok?.at ?? env.cmd.nameAt,
    length: tok ? Math.max(1, tok.end - tok.at) : env.cmd.source.length,
    category: 'InvalidArgument',
    target: ':',
    activity: `[${command}]`,
    exception: 'ParameterBindingException',
    errorId: `CannotConvertArgumentNoMessage,${className}`,
  });
}

const hostLocalNow = (env: CommandEnv) => hostClock(env) + env.host.timeZoneOffsetMinutes * MINUTE;

const getDateSpec = {
  name: 'Get-Date',
  className: GET_DATE_CLASS,
  params: [
    { name: 'Date', type: 'string' as const, position: 0, aliases: ['LastWriteTime'] },
    ...['Year', 'Month', 'Day', 'Hour', 'Minute', 'Second', 'Millisecond'].map((name) => ({
      name,
      type: 'int' as const,
    })),
    DISPLAY_HINT,
    { name: 'Format', type: 'string' as const },
    { name: 'UFormat', type: 'string' as const },
  ],
};

export const getDate: CommandDef = {
  names: ['get-date'],
  kind: 'cmdlet',
  run: (env) => {
    const v = bound(env, getDateSpec);
    if (Array.isArray(v)) return done(v);
    const tzMin = env.host.timeZoneOffsetMinutes;
    let local = hostLocalNow(env);
    if (typeof v.Date === 'string') {
      const parsed = parseDateTime(v.Date, local, tzMin);
      if (parsed === undefined)
        return done(convertError(env, 'Get-Date', GET_DATE_CLASS, 'Date', v.Date, 'System.DateTime'));
      local = parsed;
    }
    const c = civil(local);
    const num = (k: string) => (typeof v[k] === 'number' ? (v[k] as number) : undefined);
    const year = num('Year') ?? c.year;
    const month = num('Month') ?? c.month;
    const day = num('Day') ?? c.day;
    const fields = [num('Hour') ?? c.hour, num('Minute') ?? c.minute, num('Second') ?? c.second];
    // Get-Date's ValidateRange attributes.
    const RANGES: [string, number, number, number][] = [
      ['Year', year, 1, 9999],
      ['Month', month, 1, 12],
      ['Day', day, 1, 31],
      ['Hour', fields[0] ?? 0, 0, 23],
      ['Minute', fields[1] ?? 0, 0, 59],
      ['Second', fields[2] ?? 0, 0, 59],
      ['Millisecond', num('Millisecond') ?? 0, 0, 999],
    ];
    for (const [param, value, lo, hi] of RANGES) {
      if (value >= lo && value <= hi) continue;
      const range =
        value < lo
          ? `less than the minimum allowed range of ${lo}`
          : `greater than the maximum allowed range of ${hi}`;
      return done(
        cmdletFailure(env, 'Get-Date', {
          message: `Cannot validate argument on parameter '${param}'. The ${value} argument is ${range}. Supply an argument that is ${value < lo ? `greater than or equal to ${lo}` : `less than or equal to ${hi}`} and then try the command again.`,
          category: 'InvalidData',
          target: ':',
          exception: 'ParameterBindingValidationException',
          errorId: `ParameterArgumentValidationError,${GET_DATE_CLASS}`,
        }),
      );
    }
    const [h = 0, mi = 0, s = 0] = fields;
    local =
      daysFromCivil(year, month, Math.min(day, daysIn(year, month))) * 86400000 +
      ((h * 60 + mi) * 60 + s) * SECOND +
      (num('Millisecond') ?? c.ms);
    if (typeof v.UFormat === 'string') return done(out(formatUnix(v.UFormat, local, tzMin)));
    if (typeof v.Format === 'string') {
      const text = formatDotNet(v.Format, local, tzMin);
      if (text === undefined)
        return done(
          cmdletFailure(env, 'Get-Date', {
            message: 'Input string was not in a correct format.',
            category: 'NotSpecified',
            target: ':',
            exception: 'FormatException',
            errorId: `System.FormatException,${GET_DATE_CLASS}`,
          }),
        );
      return done(out(text));
    }
    return done(showDate(local, typeof v.DisplayHint === 'string' ? v.DisplayHint : undefined));
  },
};

const setDateSpec = {
  name: 'Set-Date',
  className: SET_DATE_CLASS,
  params: [
    { name: 'Date', type: 'string' as const, position: 0 },
    { name: 'Adjust', type: 'string' as const },
    DISPLAY_HINT,
    { name: 'WhatIf', type: 'switch' as const, aliases: ['wi'] },
    { name: 'Confirm', type: 'switch' as const, aliases: ['cf'] },
  ],
};

/** A clock change typed by the learner: the new offset, and Kernel-General 1 in the System log. */
function setClock(env: CommandEnv, newLocal: number): HostEffect[] {
  const tzMs = env.host.timeZoneOffsetMinutes * MINUTE;
  const offset = newLocal - tzMs - env.now;
  return [timeChanged(hostClock(env), newLocal - tzMs), { type: 'clockOffset', offsetMs: offset }];
}

export const setDate: CommandDef = {
  names: ['set-date'],
  kind: 'cmdlet',
  run: (env) => {
    const v = bound(env, setDateSpec);
    if (Array.isArray(v)) return done(v);
    const hasDate = typeof v.Date === 'string';
    const hasAdjust = typeof v.Adjust === 'string';
    if (hasDate && hasAdjust)
      return done(
        formatPsError({
          command: 'Set-Date',
          message: 'Parameter set cannot be resolved using the specified named parameters.',
          line: env.line,
          column: env.cmd.nameAt,
          length: env.cmd.source.length,
          category: 'InvalidArgument',
          target: ':',
          activity: '[Set-Date]',
          exception: 'ParameterBindingException',
          errorId: `AmbiguousParameterSet,${SET_DATE_CLASS}`,
        }),
      );
    if (!hasDate && !hasAdjust)
      return done(
        formatPsError({
          command: 'Set-Date',
          message: 'Cannot process command because of one or more missing mandatory parameters: Date.',
          line: env.line,
          column: env.line.length,
          length: 1,
          category: 'InvalidArgument',
          target: ':',
          activity: '[Set-Date]',
          exception: 'ParameterBindingException',
          errorId: `MissingMandatoryParameter,${SET_DATE_CLASS}`,
        }),
      );
    const now = hostLocalNow(env);
    let target: number;
    if (hasDate) {
      const parsed = parseDateTime(v.Date as string, now, env.host.timeZoneOffsetMinutes);
      if (parsed === undefined)
        return done(
          convertError(env, 'Set-Date', SET_DATE_CLASS, 'Date', v.Date as string, 'System.DateTime'),
        );
      target = parsed;
    } else {
      const span = parseTimeSpanText(v.Adjust as string);
      if (span === undefined)
        return done(
          convertError(env, 'Set-Date', SET_DATE_CLASS, 'Adjust', v.Adjust as string, 'System.TimeSpan'),
        );
      target = now + span;
    }
    if (target < daysFromCivil(1, 1, 1) * 86400000 || target >= daysFromCivil(10000, 1, 1) * 86400000)
      return done(
        cmdletFailure(env, 'Set-Date', {
          message: 'The added or subtracted value results in an un-representable DateTime.',
          category: 'NotSpecified',
          target: ':',
          exception: 'ArgumentOutOfRangeException',
          errorId: `System.ArgumentOutOfRangeException,${SET_DATE_CLASS}`,
        }),
      );
    if (v.WhatIf === true)
      return done(
        out(`What if: Performing the operation "Set-Date" on target "${formatShortDateTime(target, 0)}".`),
      );
    return done(
      showDate(target, typeof v.DisplayHint === 'string' ? v.DisplayHint : undefined),
      setClock(env, target),
    );
  },
};

// --- cmd's date and time --------------------------------------------------------------------------

export const DATE_TIME_TEXT = {
  dateHelp: [
    'Displays or sets the date.',
    '',
    'DATE [/T | date]',
    '',
    'Type DATE without parameters to display the current date setting and',
    'a prompt for a new one.  Press ENTER to keep the same date.',
    '',
    'If Command Extensions are enabled the DATE command supports',
    'the /T switch which tells the command to just output the',
    'current date, without prompting for a new date.',
  ],
  timeHelp: [
    'Displays or sets the system time.',
    '',
    'TIME [/T | time]',
    '',
    'Type TIME with no parameters to display the current time setting and a prompt',
    'for a new one.  Press ENTER to keep the same time.',
    '',
    'If Command Extensions are enabled the TIME command supports',
    'the /T switch which tells the command to just output the',
    'current time, without prompting for a new time.',
  ],
  badDate: 'The system cannot accept the date entered.',
  badTime: 'The system cannot accept the time entered.',
  newDate: 'Enter the new date: (mm-dd-yy) ',
  newTime: 'Enter the new time: ',
} as const;

const cmdDateText = (c: Civil) =>
  `${WEEKDAYS[c.weekday]?.slice(0, 3) ?? ''} ${pad2(c.month)}/${pad2(c.day)}/${c.year}`;

function cmdDate(env: CommandEnv): CommandResult {
  const args = env.cmd.args.map((a) => a.text);
  const now = hostLocalNow(env);
  const c = civil(now);
  const first = args[0]?.toLowerCase();
  if (first === '/?') return { lines: out(...DATE_TIME_TEXT.dateHelp) };
  if (first === '/t') return { lines: out(cmdDateText(c)) };
  if (first === undefined)
    return { lines: out(`The current date is: ${cmdDateText(c)}`, DATE_TIME_TEXT.newDate) };
  const m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(args.join(' '));
  const y = m ? (m[3]?.length === 2 ? 2000 + Number(m[3]) : Number(m[3])) : 0;
  const mo = Number(m?.[1] ?? 0);
  const d = Number(m?.[2] ?? 0);
  if (!m || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || y < 1980 || y > 2107)
    return { lines: out(DATE_TIME_TEXT.badDate, DATE_TIME_TEXT.newDate) };
  const timeOfDay = now - Math.floor(now / 86400000) * 86400000;
  return { lines: [], effects: setClock(env, daysFromCivil(y, mo, d) * 86400000 + timeOfDay) };
}

export const date: CommandDef = {
  names: ['date'],
  // cmd's DATE; in PowerShell `date` finds Get-Date (PowerShell tries the Get- verb).
  kind: 'native',
  run: (env) => (env.shell === 'powershell' ? getDate.run(env) : { kind: 'done', result: cmdDate(env) }),
};

export const time: CommandDef = {
  names: ['time'],
  kind: 'internal',
  run: (env) => {
    const args = env.cmd.args.map((a) => a.text);
    const now = hostLocalNow(env);
    const c = civil(now);
    const first = args[0]?.toLowerCase();
    if (first === '/?') return done(out(...DATE_TIME_TEXT.timeHelp));
    if (first === '/t') {
      const h12 = c.hour % 12 === 0 ? 12 : c.hour % 12;
      return done(out(`${pad2(h12)}:${pad2(c.minute)} ${c.hour < 12 ? 'AM' : 'PM'}`));
    }
    if (first === undefined)
      return done(
        out(
          `The current time is: ${String(c.hour).padStart(2, ' ')}:${pad2(c.minute)}:${pad2(c.second)}.${pad2(Math.floor(c.ms / 10))}`,
          DATE_TIME_TEXT.newTime,
        ),
      );
    const clock = parseClock(args.join(' '));
    if (!clock || clock.zone !== undefined) return done(out(DATE_TIME_TEXT.badTime, DATE_TIME_TEXT.newTime));
    return done([], setClock(env, Math.floor(now / 86400000) * 86400000 + clock.ms));
  },
};

export const TIME_COMMANDS: readonly CommandDef[] = [w32tm, getDate, setDate, date, time];
