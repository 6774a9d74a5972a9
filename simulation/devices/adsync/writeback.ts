/**
 * The password writeback listener, as plans: the relay connection to the tenant's Service Bus
 * namespace (connected, heartbeat, failed, closed) and the reset requests it relays.
 */
import type { AnyActorRef } from 'xstate';
import { nextGuid } from '../../core/random';
import type { Packet } from '../../net/packets';
import type { RelayRequest } from '../../net/appMessages';
import type { NewEvent } from '../../windows/eventlog';
import { writebackEvents } from '../../sync/events';
import {
  relayCall,
  writebackRequest,
  type RelayOutcome,
  type WritebackResult,
} from '../../sync/writebackScripts';
import type { AdSyncPlan } from './plan';
import type { AdSyncContext, HostReader } from './types';

/** The listener runs while writeback is on and the server is not in staging mode. */
export const writebackActive = (c: AdSyncContext) =>
  !!c.state.config?.features.passwordWriteback && !c.state.scheduler.stagingMode;

/** The relay call a listener state makes: connect, or the 5-minute heartbeat. */
export const relayStart = (c: AdSyncContext, host: HostReader, kind: 'listen' | 'heartbeat') => () =>
  relayCall(host(), c.namespace, c.state.config?.tenantId ?? '', c.state.serverName, kind);

export function listening(c: AdSyncContext, now: number): AdSyncPlan {
  const failing = c.state.writeback.listener === 'failing';
  const log =
    c.wasListening || failing
      ? [writebackEvents.heartbeat(c.namespace)]
      : [writebackEvents.started(), writebackEvents.heartbeat(c.namespace)];
  if (failing && c.wasListening) log.unshift(writebackEvents.retried(c.namespace));
  return {
    patch: {
      state: {
        ...c.state,
        writeback: { listener: 'listening', lastHeartbeatAt: now, since: c.state.writeback.since ?? now },
      },
      wasListening: true,
    },
    log,
  };
}

export const heartbeatOk = (c: AdSyncContext, now: number): AdSyncPlan => ({
  patch: {
    state: { ...c.state, writeback: { ...c.state.writeback, listener: 'listening', lastHeartbeatAt: now } },
  },
  log: [writebackEvents.heartbeat(c.namespace)],
});

export function relayFailed(c: AdSyncContext, outcome: RelayOutcome | undefined): AdSyncPlan {
  const [tracking, rng] = nextGuid(c.rng);
  const reason = outcome && !outcome.ok ? outcome.reason : 'timeout';
  const first = c.state.writeback.listener !== 'failing';
  const listenerError = writebackEvents.listenerError(c.namespace, reason === 'tls');
  const serviceBusError = writebackEvents.serviceBusError(c.namespace, tracking);
  const log: NewEvent[] =
    c.state.writeback.listener === 'listening'
      ? // The relay connection dropped: the heartbeat fails and the listener reports why.
        [writebackEvents.healthReportError(), listenerError, serviceBusError, writebackEvents.unhealthy()]
      : first
        ? [listenerError, serviceBusError, writebackEvents.unhealthy()]
        : [serviceBusError];
  return {
    patch: { rng, state: { ...c.state, writeback: { ...c.state.writeback, listener: 'failing' } } },
    log,
  };
}

/** The listener stops and closes the relay connection (best effort; nothing waits for it). */
export function writebackOff(c: AdSyncContext, readHost: HostReader): AdSyncPlan {
  if (c.state.writeback.listener === 'stopped') return {};
  const host = readHost();
  const id = `close-${c.seq + 1}`;
  const tenantId = c.state.config?.tenantId ?? '';
  return {
    patch: { state: { ...c.state, writeback: { listener: 'stopped' } }, wasListening: false, seq: c.seq + 1 },
    log: [writebackEvents.stopped()],
    spawn: [{ id, start: () => relayCall(host, c.namespace, tenantId, c.state.serverName, 'close') }],
  };
}

/** A reset relayed from the tenant: the service writes the password to the directory and answers. */
export function relayRequest(
  c: AdSyncContext,
  packet: Packet,
  replyTo: AnyActorRef | undefined,
  readHost: HostReader,
): AdSyncPlan {
  const config = c.state.config;
  if (packet.body.kind !== 'app.relay.request' || !config || c.state.writeback.listener !== 'listening')
    return {};
  const id = `wb-${c.seq + 1}`;
  const host = readHost();
  const req = packet.body as RelayRequest;
  const sign = c.state.engine?.ldapSignAndEncrypt ?? config.ldapSignAndEncrypt;
  return {
    patch: { seq: c.seq + 1, jobs: { ...c.jobs, [id]: { kind: 'writeback', packet, replyTo } } },
    spawn: [
      {
        id,
        start: () => writebackRequest(host, config, c.state.connectorSpace, req, c.netbios, sign),
      },
    ],
  };
}

/** The directory answered a relayed reset: log it and send the answer back through the relay. */
export function writebackDone(
  c: AdSyncContext,
  job: { packet: Packet; replyTo?: AnyActorRef },
  r: WritebackResult | undefined,
  readHost: HostReader,
): AdSyncPlan {
  if (!r) return {};
  const host = readHost();
  const from = host.nic.static?.ip ?? host.nic.lease?.ip ?? job.packet.dst;
  return {
    log: r.events,
    network: { type: 'net.respond', request: job.packet, body: r.response, from, replyTo: job.replyTo },
  };
}
