/**
 * The Windows DHCP client of one adapter: DISCOVER, OFFER, REQUEST, ACK at start; renewal by
 * unicast at T1 (half the lease) and rebinding by broadcast at T2 (7/8), both on the lab clock;
 * APIPA (169.254.x.y) when no server answers, with a new DISCOVER every five minutes; release and
 * renew on request (ipconfig). It tells its host every change of address with `dhcp.update`.
 *
 * Events: net.reply, net.refused (from the network); dhcp.renew, dhcp.release, dhcp.media (host).
 * Faults that touch it: DHCP server stopped, cable pulled, scope exhausted.
 */
import { assign, sendParent, sendTo, setup, type AnyActorRef } from 'xstate';
import { nextInt } from '../core/random';
import { BROADCAST, UNSPECIFIED, type Ipv4 } from '../net/ipv4';
import type { DhcpClientMessage, Packet } from '../net/packets';
import { labNow } from '../core/env';
import { TIMINGS } from '../core/timings';
import {
  leaseFrom,
  packetId,
  serverMessage,
  t1,
  t2,
  type DhcpClientContext,
  type DhcpClientEvent,
  type DhcpClientInput,
  type DhcpClientReport,
} from './dhcpClientTypes';

/**
 * The next message this client sends (its id counts on from the last one sent), from `src` to
 * `dst` on UDP 67; `options` (the address asked for, the server chosen) follow the fixed fields.
 */
function clientPacket(
  context: DhcpClientContext,
  op: DhcpClientMessage['op'],
  src: Ipv4,
  dst: Ipv4,
  options: Pick<DhcpClientMessage, 'requestedIp' | 'serverId'> = {},
): Packet {
  return {
    id: `${context.deviceId}.dhcp.${context.sent + 1}`,
    srcId: context.deviceId,
    src,
    dst,
    transport: 'udp',
    port: 67,
    body: {
      kind: 'dhcp.client',
      op,
      xid: context.xid,
      mac: context.mac,
      hostname: context.hostname,
      ...options,
    },
  };
}

export const dhcpClientMachine = setup({
  types: {
    context: {} as DhcpClientContext,
    events: {} as DhcpClientEvent,
    input: {} as DhcpClientInput,
  },
  actions: {
    newTransaction: assign(({ context }) => {
      const [xid, rng] = nextInt(context.rng, 1, 0x7fffffff);
      return { xid, rng, attempt: 0, offer: undefined };
    }),
    nextAttempt: assign(({ context }) => ({ attempt: context.attempt + 1 })),
    lastAttemptOnly: assign({ attempt: TIMINGS.dhcpDiscoverWaits.length - 1 }),
    sendDiscover: sendTo(
      ({ system }) => system.get('network') as AnyActorRef,
      ({ context, self }) => ({
        type: 'net.send',
        packet: clientPacket(context, 'DISCOVER', UNSPECIFIED, BROADCAST),
        replyTo: self,
      }),
    ),
    sendSelecting: sendTo(
      ({ system }) => system.get('network') as AnyActorRef,
      ({ context, self }) => ({
        type: 'net.send',
        packet: clientPacket(context, 'REQUEST', UNSPECIFIED, BROADCAST, {
          requestedIp: context.offer?.yiaddr,
          serverId: context.offer?.options.serverId,
        }),
        replyTo: self,
      }),
    ),
    sendReboot: sendTo(
      ({ system }) => system.get('network') as AnyActorRef,
      ({ context, self }) => ({
        type: 'net.send',
        packet: clientPacket(context, 'REQUEST', UNSPECIFIED, BROADCAST, {
          requestedIp: context.previousLease?.ip,
        }),
        replyTo: self,
      }),
    ),
    sendRenew: sendTo(
      ({ system }) => system.get('network') as AnyActorRef,
      ({ context, self }) => ({
        type: 'net.send',
        packet: clientPacket(
          context,
          'REQUEST',
          context.lease?.ip ?? UNSPECIFIED,
          context.lease?.server ?? BROADCAST,
        ),
        replyTo: self,
      }),
    ),
    sendRebind: sendTo(
      ({ system }) => system.get('network') as AnyActorRef,
      ({ context, self }) => ({
        type: 'net.send',
        packet: clientPacket(context, 'REQUEST', context.lease?.ip ?? UNSPECIFIED, BROADCAST, {
          requestedIp: context.lease?.ip,
        }),
        replyTo: self,
      }),
    ),
    sendRelease: sendTo(
      ({ system }) => system.get('network') as AnyActorRef,
      ({ context }) => ({
        type: 'net.send',
        packet: clientPacket(
          context,
          'RELEASE',
          context.lease?.ip ?? UNSPECIFIED,
          context.lease?.server ?? BROADCAST,
        ),
      }),
    ),
    countSent: assign(({ context }) => ({ sent: context.sent + 1 })),
    takeOffer: assign(({ event }) => ({ offer: serverMessage(event) })),
    takeLease: assign(({ context, event }) => {
      const msg = serverMessage(event);
      return msg ? { lease: leaseFrom(msg, labNow(context.env)), apipa: undefined } : {};
    }),
    dropLease: assign({ lease: undefined, offer: undefined }),
    keepForReboot: assign(({ context }) => ({ previousLease: context.lease ?? context.previousLease })),
    dropPrevious: assign({ previousLease: undefined }),
    adoptPrevious: assign(({ context }) => ({
      lease: context.previousLease,
      previousLease: undefined,
      apipa: undefined,
    })),
    pickApipa: assign(({ context }) => {
      if (context.apipa) return {};
      const [c, r1] = nextInt(context.rng, 1, 254);
      const [d, r2] = nextInt(r1, 1, 254);
      return { apipa: `169.254.${c}.${d}`, rng: r2 };
    }),
    dropApipa: assign({ apipa: undefined }),
    markPending: assign({ pending: 'renew' as const }),
    reportConfig: sendParent(({ context }): DhcpClientReport => ({
      type: 'dhcp.update',
      lease: context.lease,
      apipa: context.lease ? undefined : context.apipa,
    })),
    reportRenewOk: sendParent({ type: 'dhcp.outcome', op: 'renew', ok: true } satisfies DhcpClientReport),
    reportRenewFailed: sendParent({
      type: 'dhcp.outcome',
      op: 'renew',
      ok: false,
    } satisfies DhcpClientReport),
    reportReleased: sendParent({ type: 'dhcp.outcome', op: 'release', ok: true } satisfies DhcpClientReport),
    clearPending: assign({ pending: undefined }),
  },
  guards: {
    isOffer: ({ context, event }) => {
      const m = serverMessage(event);
      return (
        !!m &&
        event.type === 'net.reply' &&
        event.requestId === packetId(context) &&
        m.op === 'OFFER' &&
        m.xid === context.xid
      );
    },
    isAck: ({ context, event }) => {
      const m = serverMessage(event);
      return (
        !!m &&
        event.type === 'net.reply' &&
        event.requestId === packetId(context) &&
        m.op === 'ACK' &&
        m.xid === context.xid
      );
    },
    isNak: ({ context, event }) => {
      const m = serverMessage(event);
      return !!m && event.type === 'net.reply' && event.requestId === packetId(context) && m.op === 'NAK';
    },
    moreAttempts: ({ context }) => context.attempt + 1 < TIMINGS.dhcpDiscoverWaits.length,
    pending: ({ context }) => context.pending === 'renew',
    pastT2: ({ context }) => !!context.lease && labNow(context.env) >= t2(context.lease),
    expired: ({ context }) => !context.lease || labNow(context.env) >= context.lease.expiresAt,
    connected: ({ event }) => event.type === 'dhcp.media' && event.connected,
    disconnected: ({ event }) => event.type === 'dhcp.media' && !event.connected,
    hasLease: ({ context }) => !!context.lease,
    canReboot: ({ context }) =>
      !!context.previousLease && labNow(context.env) < context.previousLease.expiresAt,
  },
  delays: {
    discoverWait: ({ context }) => TIMINGS.dhcpDiscoverWaits[context.attempt] ?? TIMINGS.dhcpDiscoverWaits[0],
    requestWait: TIMINGS.dhcpRequestWait,
    untilT1: ({ context }) => (context.lease ? Math.max(0, t1(context.lease) - labNow(context.env)) : 0),
    renewRetry: ({ context }) =>
      context.lease
        ? Math.max(TIMINGS.dhcpMinRetry, (t2(context.lease) - labNow(context.env)) / 2)
        : TIMINGS.dhcpMinRetry,
    rebindRetry: ({ context }) =>
      context.lease
        ? Math.max(
            TIMINGS.dhcpMinRetry,
            Math.min(
              (context.lease.expiresAt - labNow(context.env)) / 2,
              context.lease.expiresAt - labNow(context.env),
            ),
          )
        : TIMINGS.dhcpMinRetry,
    apipaRetry: TIMINGS.dhcpApipaRetry,
  },
}).createMachine({
  id: 'dhcpClient',
  context: ({ input }) => ({ ...input, xid: 0, attempt: 0, sent: 0 }),
  // Waits for its host to be on the network before the first DISCOVER.
  initial: 'stopped',
  on: {
    'dhcp.release': { target: '.releasing' },
    'dhcp.restart': { target: '.init', actions: ['dropLease', 'dropPrevious', 'dropApipa', 'reportConfig'] },
    'dhcp.media': [
      { guard: 'disconnected', target: '.unplugged' },
      { guard: 'connected', target: '.init' },
    ],
  },
  states: {
    stopped: {
      on: { 'dhcp.start': 'init' },
    },
    init: {
      entry: 'newTransaction',
      always: [{ guard: 'canReboot', target: 'rebooting' }, { target: 'selecting' }],
    },
    rebooting: {
      entry: ['sendReboot', 'countSent'],
      on: {
        'net.reply': [
          { guard: 'isAck', target: 'bound', actions: ['takeLease', 'dropPrevious', 'reportConfig'] },
          { guard: 'isNak', target: 'init', actions: 'dropPrevious' },
        ],
        'dhcp.renew': { actions: 'markPending' },
      },
      after: {
        // No server answered: Windows keeps using an unexpired lease.
        requestWait: [
          { guard: 'canReboot', target: 'bound', actions: ['adoptPrevious', 'reportConfig'] },
          { target: 'init', actions: 'dropPrevious' },
        ],
      },
    },
    selecting: {
      entry: ['sendDiscover', 'countSent'],
      on: {
        'net.reply': { guard: 'isOffer', target: 'requesting', actions: 'takeOffer' },
        'dhcp.renew': { actions: 'markPending' },
      },
      after: {
        discoverWait: [
          { guard: 'moreAttempts', target: 'selecting', reenter: true, actions: 'nextAttempt' },
          { target: 'autoconfig' },
        ],
      },
    },
    requesting: {
      entry: ['sendSelecting', 'countSent'],
      on: {
        'net.reply': [
          { guard: 'isAck', target: 'bound', actions: ['takeLease', 'reportConfig'] },
          { guard: 'isNak', target: 'init' },
        ],
        'dhcp.renew': { actions: 'markPending' },
      },
      after: { requestWait: 'init' },
    },
    bound: {
      always: { guard: 'pending', actions: ['reportRenewOk', 'clearPending'] },
      on: {
        'dhcp.renew': { target: 'renewing', actions: 'markPending' },
      },
      after: { untilT1: 'renewing' },
    },
    renewing: {
      entry: ['sendRenew', 'countSent'],
      on: {
        'net.reply': [
          { guard: 'isAck', target: 'bound', actions: ['takeLease', 'reportConfig'] },
          { guard: 'isNak', target: 'init', actions: ['dropLease', 'reportConfig'] },
        ],
        'net.refused': { target: 'renewWait' },
        'dhcp.renew': { actions: 'markPending' },
      },
      after: { requestWait: 'renewWait' },
    },
    renewWait: {
      always: [
        { guard: 'pending', actions: ['reportRenewFailed', 'clearPending'] },
        { guard: 'pastT2', target: 'rebinding' },
      ],
      on: { 'dhcp.renew': { target: 'renewing', actions: 'markPending' } },
      after: { renewRetry: 'renewing' },
    },
    rebinding: {
      entry: ['sendRebind', 'countSent'],
      on: {
        'net.reply': [
          { guard: 'isAck', target: 'bound', actions: ['takeLease', 'reportConfig'] },
          { guard: 'isNak', target: 'init', actions: ['dropLease', 'reportConfig'] },
        ],
        'dhcp.renew': { actions: 'markPending' },
      },
      after: { requestWait: 'rebindWait' },
    },
    rebindWait: {
      always: [
        { guard: 'pending', actions: ['reportRenewFailed', 'clearPending'] },
        { guard: 'expired', target: 'init', actions: ['dropLease', 'reportConfig'] },
      ],
      on: { 'dhcp.renew': { target: 'rebinding', actions: 'markPending' } },
      after: { rebindRetry: 'rebinding' },
    },
    autoconfig: {
      entry: ['pickApipa', 'reportConfig'],
      always: { guard: 'pending', actions: ['reportRenewFailed', 'clearPending'] },
      on: { 'dhcp.renew': { target: 'init', actions: 'markPending' } },
      after: { apipaRetry: { target: 'selecting', actions: ['newTransaction', 'lastAttemptOnly'] } },
    },
    releasing: {
      always: [
        { guard: 'hasLease', target: 'released', actions: ['sendRelease', 'countSent'] },
        { target: 'released' },
      ],
    },
    released: {
      entry: ['dropLease', 'dropPrevious', 'dropApipa', 'reportConfig', 'reportReleased'],
      on: { 'dhcp.renew': { target: 'init', actions: 'markPending' } },
    },
    unplugged: {
      entry: ['keepForReboot', 'dropLease', 'dropApipa', 'reportConfig'],
    },
  },
});
