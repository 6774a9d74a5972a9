/**
 * A user's mobile phone on the mobile network: it receives SMS and Authenticator notifications
 * from the cloud. This first version attaches the phone to the mobile network and keeps its
 * identity; the SSPR flows add messages to it.
 *
 * Events: net.deliver (network), phone.power (lab command).
 */
import { assign, enqueueActions, setup, type AnyActorRef } from 'xstate';
import type { PhoneDefinition } from '../lab/definition';
import type { NetworkEvent } from '../net/network.machine';
import type { Packet } from '../net/packets';

export interface PhoneContext {
  id: string;
  owner: string;
  label: string;
  number: string;
  model: string;
  address: string;
  powered: boolean;
}

export type PhoneEvent =
  { type: 'net.deliver'; packet: Packet; replyTo?: AnyActorRef } | { type: 'phone.power'; on: boolean };

export const phoneMachine = setup({
  types: {
    context: {} as PhoneContext,
    events: {} as PhoneEvent,
    input: {} as { phone: PhoneDefinition; address: string },
  },
  actions: {
    attach: enqueueActions(({ enqueue, context, system }) => {
      enqueue.sendTo(system.get('network') as AnyActorRef, {
        type: 'net.attach',
        id: context.id,
        nic: {
          segment: 'cellular',
          addresses: [{ ip: context.address, mask: '255.255.255.255' }],
          cableConnected: true,
          powered: context.powered,
        },
      } satisfies NetworkEvent);
    }),
    setPower: assign(({ event }) => (event.type === 'phone.power' ? { powered: event.on } : {})),
    tellNetwork: enqueueActions(({ enqueue, context, system }) => {
      enqueue.sendTo(system.get('network') as AnyActorRef, {
        type: 'net.power',
        id: context.id,
        powered: context.powered,
      } satisfies NetworkEvent);
    }),
  },
}).createMachine({
  id: 'phone',
  context: ({ input }) => ({ ...input.phone, address: input.address, powered: true }),
  entry: 'attach',
  on: {
    'phone.power': { actions: ['setPower', 'tellNetwork'] },
  },
});
