/**
 * The Windows Time service's state as the w32tm subcommands read it: running, synced, the source it
 * shows, its stratum and poll interval, and the NtpServer peer list in the registry.
 */
import type { Ipv4 } from '../../../net/ipv4';
import type { WindowsHostContext } from '../../../windows/hostState';
import { KEYS, readValue, type RegValue } from '../../../windows/registry';

export const TIME_SOURCE = 'Microsoft-Windows-Time-Service';
/** What W32Time calls its source when it has none. */
const UNSYNCED_SOURCES = ['Local CMOS Clock', 'Free-running System Clock'];
/**
 * Addresses shown for public time servers the lab's DNS does not know (for the ReferenceId line
 * of a DC that synced from the internet before the lab starts): time.windows.com's long-standing one.
 */
export const KNOWN_TIME_SERVERS: Record<string, Ipv4> = { 'time.windows.com': '168.61.215.74' };

export const running = (host: WindowsHostContext) => host.services.W32Time?.status === 'Running';
export const regText = (v: RegValue | undefined) => (typeof v?.data === 'string' ? v.data : undefined);
export const peerHost = (entry: string) => entry.split(',')[0] ?? entry;

/**
 * How long a member's service counts itself synchronized without a new sample: 1.5 times
 * 2^MaxPollInterval seconds (MaxPollInterval 15 on members; Microsoft Learn, "Config\\MaxPollInterval":
 * "The time service itself is considered unsynchronized after 1.5 times the number of seconds
 * specified by this entry have elapsed"). The DC's own source is outside the lab, so it never ages.
 */
export const MEMBER_SYNC_LIFETIME_MS = 1.5 * 2 ** 15 * 1000;

/**
 * A domain member's bounds for its system poll interval, log2 seconds (Microsoft Learn, "Windows
 * Time service tools and settings", Config: MinPollInterval "The default value for domain members
 * is 10", MaxPollInterval "The default value for domain members is 15"). The DC's own poll is
 * outside the lab (MaxPollInterval 10 on domain controllers): it shows 10.
 */
export const MEMBER_MIN_POLL = 10;
export const MEMBER_MAX_POLL = 15;

/** The system poll interval (log2 s) the host's service is at now. */
export const pollIntervalOf = (host: WindowsHostContext): number =>
  host.kind === 'dc' ? MEMBER_MIN_POLL : (host.time.pollInterval ?? MEMBER_MIN_POLL);

/** Synchronized: a source, a sync, and (given `now`, on a member) a sample recent enough to count. */
export function isSynced(host: WindowsHostContext, now?: number): boolean {
  const t = host.time;
  if (t.type === 'NoSync' || t.lastSyncAt === undefined || UNSYNCED_SOURCES.includes(t.source)) return false;
  return now === undefined || host.kind === 'dc' || now - t.lastSyncAt <= MEMBER_SYNC_LIFETIME_MS;
}

export function shownSource(host: WindowsHostContext, now?: number): string {
  if (isSynced(host, now)) return host.time.source;
  return UNSYNCED_SOURCES.includes(host.time.source) ? host.time.source : 'Local CMOS Clock';
}

/** The host's stratum once synced: the DC takes its time from the internet (stratum 2). */
export const stratumOf = (host: WindowsHostContext) => (host.kind === 'dc' ? 3 : 4);

export function ntpPeers(host: WindowsHostContext): string[] {
  const list = regText(readValue(host.registry, KEYS.w32time, 'NtpServer')) ?? '';
  return list.split(/\s+/).filter((p) => p.length > 0);
}
