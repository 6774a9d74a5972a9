/**
 * Every duration the lab runs on, in one place. Values marked "reference" come from
 * ../shared/reference/entra-behaviour.md; values marked "unconfirmed" are educated guesses kept
 * here so they are easy to correct.
 */
import { DAY, HOUR, MINUTE, SECOND } from './time';

export const TIMINGS = {
  /** DHCP client: waits after each DISCOVER before retrying, then APIPA (Windows behaviour; unconfirmed exact values). */
  dhcpDiscoverWaits: [4 * SECOND, 8 * SECOND, 16 * SECOND, 32 * SECOND],
  dhcpRequestWait: 4 * SECOND,
  /** APIPA clients look for a DHCP server again every five minutes (reference §6.1). */
  dhcpApipaRetry: 5 * MINUTE,
  /** Minimum wait between renew/rebind retries (RFC 2131). */
  dhcpMinRetry: 60 * SECOND,
  /** DNS client: wait per server per try (unconfirmed: nslookup prints "timeout was 2 seconds"). */
  dnsQueryTimeout: 2 * SECOND,
  dnsForwarderTimeout: 3 * SECOND,
  pingTimeout: 4 * SECOND,
  pingInterval: 1 * SECOND,
  /** A TCP connect that gets no answer gives up after three SYNs (Windows: about 21 s). */
  tcpConnectTimeout: 21 * SECOND,
  ntpTimeout: 5 * SECOND,
  /** Kerberos: maximum tolerance for computer clock synchronization (reference §6.3). */
  kerberosMaxSkew: 5 * MINUTE,
  /**
   * A domain member's shortest Windows Time poll: 2^MinPollInterval s, MinPollInterval 10 on members
   * (Microsoft Learn, "Config\\MinPollInterval"): where the service starts, and its wait when it
   * skips a poll. Steady samples lengthen it towards 2^MaxPollInterval (w32timePoll.ts).
   */
  w32timePoll: 1024 * SECOND,
  /** NtpClient's first retry after a failed poll, doubled after each further failure (event 129's text). */
  w32timeRetry: 15 * MINUTE,
  /** A member's first sample after it boots (unconfirmed: W32Time syncs soon after start once the network is up). */
  w32timeStartSync: 2 * MINUTE,
  /** How long a learner command may take before the console gives up waiting (lab time). */
  commandSettleLimit: 5 * MINUTE,
  dhcpLeaseDefault: 8 * DAY,
  /**
   * How long the sync engine stays busy with one cycle on the lab's small directory (unconfirmed: a
   * delta cycle of a few dozen objects takes tens of seconds on a real server).
   */
  syncCycleBusy: 25 * SECOND,
  /** The sync scheduler's default and allowed interval (reference: every 30 minutes). */
  syncSchedulerInterval: 30 * MINUTE,
  /** Password hash sync sends changed hashes every two minutes (reference). */
  phsInterval: 2 * MINUTE,
  /** The writeback client's heartbeat to the relay, and its wait before reconnecting. */
  relayHeartbeat: 5 * MINUTE,
  relayRetry: 2 * MINUTE,
  /** The admin center shows the writeback client as up while its last heartbeat is this recent (unconfirmed). */
  listenerGrace: 6 * MINUTE,
  /** The sync engine's health ping to the cloud (unconfirmed). */
  syncPing: 30 * MINUTE,
  /** The cloud's wait for the writeback client's answer (unconfirmed). */
  writebackTimeout: 30 * SECOND,
  /** The cloud's wait for a push or SMS gateway to accept a notification (unconfirmed). */
  notifyTimeout: 10 * SECOND,
  /** The phone's wait for the Authenticator service (unconfirmed). */
  phoneServiceTimeout: 15 * SECOND,
  /** A DHCP server holds an offered address for the client that long (unconfirmed). */
  dhcpOfferHold: 2 * MINUTE,
  /** Kerberos tickets: TGT lifetime and renewal limit (the domain's default policy). */
  kerberosTgtLifetime: 10 * HOUR,
  kerberosRenewLifetime: 7 * DAY,
  /**
   * Microsoft Entra smart lockout's default lockout duration (reference: Microsoft Learn "Protect
   * user accounts from attacks with Microsoft Entra smart lockout": 60 seconds, one minute).
   */
  smartLockoutDuration: 60 * SECOND,
} as const;
