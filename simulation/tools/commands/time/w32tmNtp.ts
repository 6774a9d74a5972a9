/**
 * w32tm over NTP (UDP 123): /resync asks the time source (a DC found with the locator for NT5DS,
 * the NtpServer peers for NTP) and sets the clock from a synchronized answer, logging the Time-
 * Service events; /stripchart samples a target's offset.
 */
import type { HostEffect } from '../../../windows/hostOps';
import { formatShortDateTime, SECOND } from '../../../core/time';
import type { Ipv4 } from '../../../net/ipv4';
import { exchange, sleep, type Script } from '../../../proc/script';
import { TIMINGS } from '../../../core/timings';
import { locateDc } from '../../../windows/dcLocator';
import type { NewEvent } from '../../../windows/eventlog';
import { effectiveIpConfig, type WindowsHostContext } from '../../../windows/hostState';
import { resolveName } from '../../../windows/resolver';
import { out } from '../../shell/psError';
import { hostClock, seeded, type Stopwatch } from '../stopwatch';
import { civil, pad2, type Civil } from './calendar';
import { timeChanged } from './clockChange';
import { isSynced, ntpPeers, peerHost, running, TIME_SOURCE } from './w32timeState';
import { W32TM_TEXT } from './w32tmText';
import type { CommandEnv, CommandResult } from '../types';
import { hostLocal } from './hostTime';

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

export function* resync(env: CommandEnv, sw: Stopwatch, nowait: boolean): Script<CommandResult> {
  const host = env.host;
  const head = [W32TM_TEXT.sending];
  if (!running(host)) return { lines: out(...head, W32TM_TEXT.notStarted, '') };
  const finish = (ok: boolean, effects: HostEffect[] = []): CommandResult => ({
    lines: out(...head, ok || nowait ? W32TM_TEXT.completed : W32TM_TEXT.noData, ''),
    effects,
  });
  if (host.time.type === 'NoSync') return finish(false);
  const r = yield* sampleTimeSource(host, env.now, sw);
  return finish(r.ok, r.effects);
}

/** One sample from the time source: what a resync or the service's own poll changes on the host. */
export interface TimeSample {
  ok: boolean;
  effects: HostEffect[];
}

/**
 * Asks the configured time source once (a DC through the locator for NT5DS, the NtpServer peers
 * for NTP) and, on an answer from a synchronized source, sets the clock to it. A domain member
 * accepts any correction (MaxPos/MaxNegPhaseCorrection 0xFFFFFFFF), so a clock set by hand goes
 * back to the domain's time. `now` is lab time when the sample starts; `sw` counts its waits.
 */
export function* sampleTimeSource(host: WindowsHostContext, now: number, sw: Stopwatch): Script<TimeSample> {
  const effects: HostEffect[] = [];
  const finish = (ok: boolean): TimeSample => ({ ok, effects });
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
    const labAt = now + sw.ms;
    const offset = r.body.serverTime - labAt;
    if (Math.abs(offset - host.clockOffsetMs) >= SECOND)
      effects.push(timeChanged(labAt + host.clockOffsetMs, r.body.serverTime));
    effects.push({ type: 'clockOffset', offsetMs: offset });
    effects.push({
      type: 'time',
      source: c.label,
      lastSyncAt: labAt,
      lastSyncClock: r.body.serverTime,
      refIp: c.ip,
      pollFailures: 0,
    });
    if (!isSynced(host, labAt) || host.time.source.toLowerCase() !== c.label.toLowerCase()) {
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

function localTime(env: CommandEnv, hostMs: number): Civil {
  return civil(hostLocal(env, hostMs));
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

export interface StripOptions {
  target: string;
  samples?: number;
  period: number;
  dataonly: boolean;
}

/** Samples when /samples is not given: Windows runs until Ctrl+C; the lab stops after these. */
const STRIP_DEFAULT_SAMPLES = 5;

export function* stripchart(env: CommandEnv, sw: Stopwatch, o: StripOptions): Script<CommandResult> {
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
