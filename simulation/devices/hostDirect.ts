/**
 * The Windows host's direct path (proc/directTransitions.ts): the events of a lab's traffic that a
 * host takes without a pass through its chart (windowsHost.machine.ts), and what they share with it.
 * A packet delivered while the host is on is taken here when its answer only replies, refuses or
 * patches the context; ADSync's log entries (host.log) always are, with the same adsyncLogged as
 * the chart's action. A packet for the ADSync listener and a DNS query the server forwards (a
 * script child to spawn) stay the chart's (serveDelivery, which takes the answer made here: keepAnswer).
 */
import type { AnyActorRef } from 'xstate';
import { withContext } from '../proc/directTransitions';
import { labNow } from '../core/env';
import { log } from '../windows/hostOps';
import type { HostEvent, HostMachineContext } from './hostTypes';
import { answerPacket, keepAnswer, networkOf } from './hostNet';

/** ADSync's entries (host.log) in the host's Application log: the chart's adsyncLog and the direct path. */
export function adsyncLogged(
  context: HostMachineContext,
  event: Extract<HostEvent, { type: 'host.log' }>,
): Pick<HostMachineContext, 'host'> {
  return { host: log(context.host, labNow(context.env), ...event.entries) };
}

/** The next snapshot for an event the host takes directly, or undefined to leave it to the chart. */
export function hostDirect<S extends { value: unknown; context: HostMachineContext }>(
  snapshot: S,
  event: HostEvent,
  scope: { system: { get: (id: string) => unknown }; defer: (fn: () => void) => void },
): S | undefined {
  if (snapshot.value !== 'on') return undefined;
  if (event.type === 'host.log')
    return withContext(snapshot, { ...snapshot.context, ...adsyncLogged(snapshot.context, event) });
  if (event.type !== 'net.deliver') return undefined;
  if (event.packet.body.kind === 'app.relay.request') return undefined;
  const { context } = snapshot;
  const now = labNow(context.env);
  const a = answerPacket(context, event.packet, event.replyTo, now);
  const network = networkOf(scope.system) as AnyActorRef | undefined;
  // Left to the chart (serveDelivery), which takes this answer rather than making it again.
  if (a.forward || !network) return keepAnswer(event, context, now, a);
  if (a.network) {
    const answer = a.network;
    scope.defer(() => network.send(answer));
  }
  return a.patch ? withContext(snapshot, { ...context, ...a.patch }) : snapshot;
}
