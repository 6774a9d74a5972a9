/**
 * The root lab actor: the composition root of the topology. It spawns the network first, then one
 * actor per device (each with its systemId), and forwards each lab command to the actor it is
 * for. Devices never hold references to each other; they talk through the network.
 *
 * Events: lab.deliver (a lab command already translated for one device).
 */
import { enqueueActions, setup, type AnyActorRef, type EventObject } from 'xstate';
import { networkMachine } from '../net/network.machine';
import { internetMachine } from '../devices/internet.machine';
import { tenantMachine } from '../devices/tenant.machine';
import { phoneMachine } from '../devices/phone.machine';
import { windowsHostMachine } from '../devices/windowsHost.machine';
import { initialHostContext, initialRoles } from '../windows/hostInit';
import type { LabDefinition } from './definition';
import type { LabEnv } from './env';

export interface LabInput {
  definition: LabDefinition;
  seed: number;
  env: LabEnv;
}

export type LabContext = LabInput;

export type LabRootEvent = { type: 'lab.deliver'; target: string; event: EventObject };

/** Phones get carrier addresses in 100.64.0.0/10 (carrier-grade NAT space). */
export function phoneAddress(index: number): string {
  return `100.64.23.${17 + index}`;
}

export const labMachine = setup({
  types: {
    context: {} as LabContext,
    events: {} as LabRootEvent,
    input: {} as LabInput,
  },
  actors: {
    network: networkMachine,
    internet: internetMachine,
    tenant: tenantMachine,
    host: windowsHostMachine,
    phone: phoneMachine,
  },
  actions: {
    spawnTopology: enqueueActions(({ enqueue, context }) => {
      const { definition, seed, env } = context;
      enqueue.spawnChild('network', {
        id: 'network',
        systemId: 'network',
        input: {
          lan: definition.lan,
          router: { powered: true, wanUp: true },
          nics: {},
          firewall: definition.firewall,
          flows: [],
        },
      });
      enqueue.spawnChild('internet', { id: 'internet', systemId: 'internet', input: { definition } });
      const carrier = definition.phones.map((p, i) => ({
        phoneId: p.id,
        number: p.number,
        address: phoneAddress(i),
      }));
      enqueue.spawnChild('tenant', {
        id: 'tenant',
        systemId: 'tenant',
        input: { definition, seed, env, carrier },
      });
      const start = env.now();
      const relayNamespace =
        definition.internet.endpoints
          .flatMap((e) => e.names)
          .find((n) => n.endsWith('.servicebus.windows.net')) ?? 'servicebus.windows.net';
      for (const h of definition.hosts) {
        enqueue.spawnChild('host', {
          id: h.id,
          systemId: h.id,
          input: {
            host: initialHostContext(definition, h, seed, start),
            roles: initialRoles(definition, h, seed, start),
            env,
            relayNamespace,
          },
        });
      }
      const loginIp =
        definition.internet.endpoints.find((e) => e.names.includes('login.microsoftonline.com'))?.ip ??
        '0.0.0.0';
      definition.phones.forEach((p, i) => {
        enqueue.spawnChild('phone', {
          id: p.id,
          systemId: p.id,
          input: { phone: p, address: phoneAddress(i), env, loginIp },
        });
      });
    }),
    deliver: enqueueActions(({ enqueue, event, system }) => {
      const target = system.get(event.target) as AnyActorRef | undefined;
      if (target) enqueue.sendTo(target, event.event);
    }),
  },
}).createMachine({
  id: 'lab',
  context: ({ input }) => input,
  entry: 'spawnTopology',
  on: { 'lab.deliver': { actions: 'deliver' } },
});
