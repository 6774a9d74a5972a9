import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock, type AnyActorRef, type EventObject } from 'xstate';
import { labMachine, phoneAddress, type LabRootEvent } from '../../../simulation/lab/lab.machine';
import { DEFAULT_LAB } from '../../../simulation/lab/defaultLab';
import type { LabDefinition } from '../../../simulation/core/definition';
import { LAB_START } from './machineRig';
import { labEnv } from '../../../simulation/core/env';

function start(definition: LabDefinition = DEFAULT_LAB) {
  const clock = new SimulatedClock();
  clock.set(LAB_START);
  const root = createActor(labMachine, {
    clock,
    input: { definition, seed: 1, env: labEnv(clock) },
  });
  root.start();
  const get = (id: string) => root.system.get(id) as AnyActorRef | undefined;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const ctx = (id: string) => get(id)?.getSnapshot().context as any;
  return { clock, root, get, ctx };
}

describe('lab.machine: the composition root spawns the topology and routes commands', () => {
  it('spawns the network, the internet, the tenant, one actor per host and per phone, each under its systemId', () => {
    const { root, get } = start();
    const ids = [
      'network',
      'internet',
      'tenant',
      ...DEFAULT_LAB.hosts.map((h) => h.id),
      ...DEFAULT_LAB.phones.map((p) => p.id),
    ];
    expect(Object.keys(root.getSnapshot().children)).toEqual(ids);
    for (const id of ids) {
      expect(get(id)).toBe(root.getSnapshot().children[id]);
      expect(get(id)?.getSnapshot().status).toBe('active');
    }
    expect(ids).toEqual([
      'network',
      'internet',
      'tenant',
      'dc01',
      'sync01',
      'pc1',
      'pc2',
      'pc3',
      'phone-michael',
    ]);
    expect(root.getSnapshot().context.faults).toEqual([]);
    expect(root.getSnapshot().context.scheduled).toEqual([]);
  });

  it('gives each device its input: the network the LAN and firewall, hosts their definition, phones their carrier address', () => {
    const { ctx, get } = start();
    expect(ctx('network').lan).toEqual(DEFAULT_LAB.lan);
    expect(ctx('network').router).toEqual({ powered: true, wanUp: true });
    // Every device attached itself to the network when it started.
    expect(Object.keys(ctx('network').nics).sort()).toEqual(
      ['dc01', 'internet', 'pc1', 'pc2', 'pc3', 'phone-michael', 'sync01', 'tenant'].sort(),
    );
    expect(ctx('dc01').host.kind).toBe('dc');
    expect(ctx('dc01').roles.dhcpServer).toBeDefined();
    expect(ctx('pc2').roles).toEqual({});
    // Only the server the definition names runs Entra Connect.
    expect(ctx('sync01').adsyncDisk).toBeDefined();
    expect(ctx('pc2').adsyncDisk).toBeUndefined();
    expect(get('sync01')?.getSnapshot().children.adsync).toBeDefined();
    expect(get('pc2')?.getSnapshot().children.adsync).toBeUndefined();
    expect(ctx('pc2').relayNamespace).toMatch(/\.servicebus\.windows\.net$/);
    expect(ctx('phone-michael').address).toBe(phoneAddress(0));
    expect(phoneAddress(0)).toBe('100.64.23.17');
    expect(ctx('tenant').carrier).toEqual([
      { phoneId: 'phone-michael', number: '+1 4255550142', address: '100.64.23.17' },
    ]);
  });

  it('lab.deliver forwards the event to the actor it names, and to nobody else', () => {
    const { root, ctx } = start();
    const pc1Before = ctx('pc1');
    root.send({
      type: 'lab.deliver',
      target: 'network',
      event: { type: 'router.wan', up: false } as EventObject,
    } satisfies LabRootEvent);
    expect(ctx('network').router).toEqual({ powered: true, wanUp: false });
    root.send({
      type: 'lab.deliver',
      target: 'pc2',
      event: { type: 'host.power', on: false } as EventObject,
    });
    expect(root.system.get('pc2').getSnapshot().value).toBe('off');
    expect(root.system.get('pc1').getSnapshot().value).toBe('on');
    expect(ctx('pc1')).toBe(pc1Before);
    // The network heard pc2 go off.
    expect(ctx('network').nics.pc2.powered).toBe(false);
  });

  it('lab.deliver to an id that is not in the topology is dropped without error', () => {
    const { root } = start();
    const before = root.getSnapshot();
    root.send({
      type: 'lab.deliver',
      target: 'pc99',
      event: { type: 'host.power', on: false } as EventObject,
    });
    expect(root.getSnapshot().status).toBe('active');
    expect(root.getSnapshot().context).toBe(before.context);
  });

  it('lab.faults records the faults in place and keeps the rest of its context', () => {
    const { root } = start();
    const fault = { id: 'dhcp-stopped', params: { user: 'michael.brown', pc: 'pc2' }, injectedAt: LAB_START };
    const scheduled = [{ id: 'wan-down', params: { user: '', pc: '' }, at: LAB_START + 60_000 }];
    root.send({ type: 'lab.faults', faults: [fault], scheduled });
    const c = root.getSnapshot().context;
    expect(c.faults).toEqual([fault]);
    expect(c.scheduled).toEqual(scheduled);
    expect(c.definition).toBe(DEFAULT_LAB);
    expect(c.seed).toBe(1);
  });

  it('a definition with two phones gives them consecutive carrier addresses', () => {
    const second = { ...DEFAULT_LAB.phones[0]!, id: 'phone-two', number: '+1 4255550199' };
    const { ctx } = start({ ...DEFAULT_LAB, phones: [...DEFAULT_LAB.phones, second] });
    expect(ctx('phone-two').address).toBe('100.64.23.18');
    expect(ctx('phone-two').authenticator.accounts).toEqual([]);
    expect(ctx('network').nics['phone-two'].segment).toBe('cellular');
  });
});
