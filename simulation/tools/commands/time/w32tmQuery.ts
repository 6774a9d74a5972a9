/**
 * `w32tm /query`: /status (with the source's address as ReferenceId, resolved over the lab's
 * network), /peers and /configuration, as Windows Server 2022 prints them.
 */
import { formatShortDateTime, SECOND } from '../../../core/time';
import { isIpv4, type Ipv4 } from '../../../net/ipv4';
import type { Script } from '../../../proc/script';
import type { WindowsHostContext } from '../../../windows/hostState';
import { KEYS, readValue } from '../../../windows/registry';
import { resolveName } from '../../../windows/resolver';
import { out } from '../../shell/psError';
import { seeded, type Stopwatch } from '../stopwatch';
import {
  isSynced,
  KNOWN_TIME_SERVERS,
  ntpPeers,
  peerHost,
  pollIntervalOf,
  regText,
  shownSource,
  stratumOf,
} from './w32timeState';
import { pollText, secs } from './w32tmText';
import type { CommandEnv, CommandResult } from '../types';

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

export function* queryStatus(env: CommandEnv, sw: Stopwatch): Script<CommandResult> {
  const host = env.host;
  const t = host.time;
  // The clock's reading when the sync happened, not today's offset applied to it: a later
  // Set-Date does not move the last sync.
  const last =
    t.lastSyncAt !== undefined
      ? formatShortDateTime(t.lastSyncClock ?? t.lastSyncAt, host.timeZoneOffsetMinutes)
      : 'unspecified';
  if (!isSynced(host, env.now + sw.ms)) {
    return {
      lines: out(
        'Leap Indicator: 3(not synchronized)',
        'Stratum: 0 (unspecified)',
        'Precision: -23 (119.209ns per tick)',
        'Root Delay: 0.0000000s',
        'Root Dispersion: 0.0000000s',
        'ReferenceId: 0x00000000 (unspecified)',
        `Last Successful Sync Time: ${last}`,
        `Source: ${shownSource(host, env.now + sw.ms)}`,
        'Poll Interval: 6 (64s)',
        '',
      ),
    };
  }
  // The address the service took its sample from, as it noted it then: w32tm does not look the
  // source up again, so a DC unreachable now still shows where the last good sample came from.
  const ip = t.refIp ?? (yield* sourceAddress(host, t.source));
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
      `Poll Interval: ${pollText(pollIntervalOf(host))}`,
      '',
    ),
  };
}

export function queryPeers(env: CommandEnv): CommandResult {
  const host = env.host;
  const t = host.time;
  const synced = isSynced(host, env.now);
  const peers = t.type === 'NoSync' ? [] : t.type === 'NT5DS' ? (synced ? [t.source] : []) : ntpPeers(host);
  const lines = [`#Peers: ${peers.length}`, ''];
  const elapsed = Math.max(0, env.now - (t.lastSyncAt ?? env.now)) / SECOND;
  const poll = pollIntervalOf(host);
  for (const p of peers) {
    const active = synced && p.toLowerCase() === t.source.toLowerCase();
    lines.push(
      `Peer: ${p}`,
      `State: ${active ? 'Active' : 'Pending'}`,
      `Time Remaining: ${secs(active ? 2 ** poll - (elapsed % 2 ** poll) : 0)}`,
      `Mode: ${t.type === 'NT5DS' ? '3 (Client)' : '1 (Symmetric Active)'}`,
      active
        ? `Stratum: ${stratumOf(host) - 1} (secondary reference - syncd by (S)NTP)`
        : 'Stratum: 0 (unspecified)',
      'PeerPoll Interval: 10 (1024s)',
      `HostPoll Interval: ${active ? pollText(poll) : '0 (unspecified)'}`,
      '',
    );
  }
  return { lines: out(...lines) };
}

export function queryConfiguration(host: WindowsHostContext): CommandResult {
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
