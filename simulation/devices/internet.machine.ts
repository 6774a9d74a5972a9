/**
 * The public internet as the lab needs it: Google's public resolver (8.8.8.8, dns.google), which
 * knows the public names of Microsoft's cloud endpoints and nothing of laborhub.store's internal
 * records, and answers ping and HTTPS like a real public host.
 *
 * Events: net.deliver (network).
 */
import { enqueueActions, setup, type AnyActorRef } from 'xstate';
import type { LabDefinition } from '../core/definition';
import type { NetworkEvent } from '../net/network.machine';
import type { Packet } from '../net/packets';
import { answer, reverseName, type DnsServerState } from '../roles/dnsServer';
import { endpointEvent, publicAttach, serveEndpoint } from './endpoint';
import { withDirectTransitions } from '../proc/directTransitions';

export interface InternetContext {
  dns: DnsServerState;
  addresses: string[];
  ports: Record<string, number[]>;
}

export function publicDns(def: LabDefinition): DnsServerState {
  const records = def.internet.endpoints.flatMap((e) => [
    ...e.names.map((n) => ({ name: n, type: 'A' as const, ttl: 300, data: e.ip })),
    ...(e.ptr ? [{ name: reverseName(e.ip), type: 'PTR' as const, ttl: 300, data: e.ptr }] : []),
  ]);
  // One zone per public name's parent, so unknown names under them are NXDOMAIN, and a catch-all
  // root zone so that everything else is NXDOMAIN too (the lab has no other internet).
  return { zones: [{ name: '', records, dynamicUpdates: false }], forwarders: [] };
}

type InternetEvent = { type: 'net.deliver'; packet: Packet; replyTo?: AnyActorRef };

/**
 * What the network is told of a packet delivered here: the resolver's answer to a DNS query on port
 * 53 (nothing for a query it has no answer to), else how a public host answers ping and TCP.
 */
function served(context: InternetContext, { packet, replyTo }: InternetEvent): NetworkEvent | undefined {
  if (packet.body.kind === 'dns.query' && packet.port === 53) {
    const d = answer(context.dns, packet.body);
    if (d.kind !== 'answer') return undefined;
    return {
      type: 'net.respond',
      request: packet,
      body: { ...d.response, authoritative: false },
      from: packet.dst,
      replyTo,
    };
  }
  return endpointEvent(serveEndpoint(context.ports[packet.dst] ?? [], packet, 117), packet, replyTo);
}

const internetChart = setup({
  types: {
    context: {} as InternetContext,
    events: {} as InternetEvent,
    input: {} as { definition: LabDefinition },
  },
  actions: {
    attach: enqueueActions(({ enqueue, context, system }) => {
      enqueue.sendTo(system.get('network') as AnyActorRef, publicAttach('internet', context.addresses));
    }),
    serve: enqueueActions(({ enqueue, context, event, system }) => {
      const told = served(context, event);
      if (told) enqueue.sendTo(system.get('network') as AnyActorRef, told);
    }),
  },
}).createMachine({
  id: 'internet',
  context: ({ input }) => {
    const mine = input.definition.internet.endpoints.filter((e) => e.owner === 'internet');
    return {
      dns: publicDns(input.definition),
      addresses: mine.map((e) => e.ip),
      ports: Object.fromEntries(mine.map((e) => [e.ip, e.ports])),
    };
  },
  entry: 'attach',
  on: { 'net.deliver': { actions: 'serve' } },
});

/**
 * The internet actor's logic: every packet delivered to it taken directly (directTransitions.ts), as
 * its chart would take it: it answers and its context never changes.
 */
export const internetMachine = withDirectTransitions(internetChart, (snapshot, event, scope) => {
  if (event.type !== 'net.deliver') return undefined;
  const network = scope.system.get('network') as AnyActorRef | undefined;
  if (!network) return undefined;
  const told = served(snapshot.context, event);
  if (told) scope.defer(() => network.send(told));
  return snapshot;
});
