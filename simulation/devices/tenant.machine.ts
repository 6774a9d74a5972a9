/**
 * The Microsoft Entra ID tenant ("Everestitt") and the cloud endpoints it answers at: sign-in,
 * the password reset service, the synchronisation service and the tenant's Service Bus relay
 * namespace. This first version holds the tenant's identity (name, id, domains, licences) and
 * answers connection attempts; the identity flows build on it.
 *
 * Events: net.deliver (network).
 */
import { enqueueActions, setup, type AnyActorRef } from 'xstate';
import type { LabDefinition } from '../lab/definition';
import type { NetworkEvent } from '../net/network.machine';
import type { Packet } from '../net/packets';
import { serveEndpoint } from './endpoint';

export interface TenantContext {
  name: string;
  tenantId: string;
  initialDomain: string;
  domains: { name: string; verified: boolean }[];
  licenses: { sku: string; name: string; total: number; assigned: number }[];
  addresses: string[];
  ports: Record<string, number[]>;
}

export const tenantMachine = setup({
  types: {
    context: {} as TenantContext,
    events: {} as { type: 'net.deliver'; packet: Packet; replyTo?: AnyActorRef },
    input: {} as { definition: LabDefinition },
  },
  actions: {
    attach: enqueueActions(({ enqueue, context, system }) => {
      enqueue.sendTo(system.get('network') as AnyActorRef, {
        type: 'net.attach',
        id: 'tenant',
        nic: {
          segment: 'internet',
          addresses: context.addresses.map((ip) => ({ ip, mask: '255.255.255.255' })),
          cableConnected: true,
          powered: true,
        },
      } satisfies NetworkEvent);
    }),
    serve: enqueueActions(({ enqueue, context, event, system }) => {
      const { packet, replyTo } = event;
      const net = system.get('network') as AnyActorRef;
      const r = serveEndpoint(context.ports[packet.dst] ?? [], packet, undefined);
      if (r.kind === 'reply')
        enqueue.sendTo(net, {
          type: 'net.respond',
          request: packet,
          body: r.body,
          from: packet.dst,
          replyTo,
        } satisfies NetworkEvent);
      else if (r.kind === 'refuse')
        enqueue.sendTo(net, {
          type: 'net.reject',
          request: packet,
          reason: 'port-closed',
          by: packet.dst,
          replyTo,
        } satisfies NetworkEvent);
    }),
  },
}).createMachine({
  id: 'tenant',
  context: ({ input }) => {
    const t = input.definition.tenant;
    const mine = input.definition.internet.endpoints.filter((e) => e.owner === 'tenant');
    return {
      name: t.name,
      tenantId: t.tenantId,
      initialDomain: t.initialDomain,
      domains: [{ name: t.initialDomain, verified: true }, ...t.customDomains],
      licenses: t.licenses.map((l) => ({ ...l, assigned: 0 })),
      addresses: mine.map((e) => e.ip),
      ports: Object.fromEntries(mine.map((e) => [e.ip, e.ports])),
    };
  },
  entry: 'attach',
  on: { 'net.deliver': { actions: 'serve' } },
});
