/**
 * The root lab actor: the composition root of the topology. It spawns the network first, then one
 * actor per device (each with its systemId), and holds the faults in place. A lab command goes
 * from the facade straight to the actor it is for (found by its systemId), not through the root.
 * Devices never hold references to each other; they talk through the network.
 *
 * Events: lab.faults (the faults in place and the scheduled ones); lab.stop (the facade's stop:
 * the devices stop).
 */
import { assertEvent, assign, enqueueActions, setup } from 'xstate';
import { networkMachine } from '../net/network.machine';
import { internetMachine } from '../devices/internet.machine';
import { tenantMachine } from '../devices/tenant.machine';
import { phoneMachine } from '../devices/phone.machine';
import { windowsHostMachine } from '../devices/windowsHost.machine';
import { initialAdSyncDisk, initialHostContext, initialRoles } from '../devices/hostInit';
import type { LabDefinition } from '../core/definition';
import { authenticatorSecret } from '../cloud/seed';
import { labNow, type LabEnv } from '../core/env';

export interface LabInput {
  definition: LabDefinition;
  seed: number;
  env: LabEnv;
}

/** Whom a fault is aimed at (the fault catalog, faults/, gives the rest its meaning). */
export interface FaultParams {
  user: string;
  pc: string;
}

/** A fault the instructor put in place (truth only: never in a learner's view). */
export interface FaultRecord {
  id: string;
  params: FaultParams;
  injectedAt: number;
}

export interface ScheduledFault {
  id: string;
  params: FaultParams;
  at?: number;
  /** One of the fault layer's triggers (faults/triggers.ts). */
  trigger?: string;
}

export type LabContext = LabInput & { faults: FaultRecord[]; scheduled: ScheduledFault[] };

export type LabRootEvent =
  | { type: 'lab.faults'; faults: FaultRecord[]; scheduled: ScheduledFault[] }
  /** Sent by Lab.stop() just before it stops the root. */
  | { type: 'lab.stop' };

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
    // Spawned in one assign, not one spawnChild action each: XState copies the parent's children
    // once per spawnChild action (a lab of N PCs cost N² there) but once per assign.
    spawnTopology: assign(({ spawn, context }) => {
      const { definition, seed, env } = context;
      spawn('network', {
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
      spawn('internet', { id: 'internet', systemId: 'internet', input: { definition } });
      const carrier = definition.phones.map((p, i) => ({
        phoneId: p.id,
        number: p.number,
        address: phoneAddress(i),
      }));
      spawn('tenant', {
        id: 'tenant',
        systemId: 'tenant',
        input: { definition, seed, env, carrier },
      });
      const start = labNow(env);
      const relayNamespace =
        definition.internet.endpoints
          .flatMap((e) => e.names)
          .find((n) => n.endsWith('.servicebus.windows.net')) ?? 'servicebus.windows.net';
      for (const h of definition.hosts) {
        spawn('host', {
          id: h.id,
          systemId: h.id,
          input: {
            host: initialHostContext(definition, h, seed, start),
            roles: initialRoles(definition, h, seed, start),
            adsyncDisk: initialAdSyncDisk(definition, h, start),
            env,
            relayNamespace,
          },
        });
      }
      const loginIp =
        definition.internet.endpoints.find((e) => e.names.includes('login.microsoftonline.com'))?.ip ??
        '0.0.0.0';
      definition.phones.forEach((p, i) => {
        const accounts = (definition.tenant.initial?.registrations ?? [])
          .filter((r) => r.authenticator === p.id)
          .map((r) => ({
            account: r.upn,
            tenant: definition.tenant.name,
            secret: authenticatorSecret(seed, r.upn),
            addedAt: start - 7 * 86_400_000,
          }));
        spawn('phone', {
          id: p.id,
          systemId: p.id,
          input: { phone: p, address: phoneAddress(i), env, loginIp, accounts },
        });
      });
      return {};
    }),
    setFaults: assign(({ event }) => {
      assertEvent(event, 'lab.faults');
      return { faults: event.faults, scheduled: event.scheduled };
    }),
    // Newest first: XState copies the children record on every stopChild, and a record that loses
    // its last-added key stays a fast object (V8), so each copy is cheap. The root's own stop removes
    // the first key each time, making every copy a slow dictionary copy: seconds at 1,000 PCs.
    stopDevices: enqueueActions(({ enqueue, self }) => {
      const ids = Object.keys(self.getSnapshot().children);
      for (let i = ids.length - 1; i >= 0; i--) enqueue.stopChild(ids[i]!);
    }),
  },
}).createMachine({
  id: 'lab',
  context: ({ input }) => ({ ...input, faults: [], scheduled: [] }),
  entry: 'spawnTopology',
  on: { 'lab.faults': { actions: 'setFaults' }, 'lab.stop': { actions: 'stopDevices' } },
});
