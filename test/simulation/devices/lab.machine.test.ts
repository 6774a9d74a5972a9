import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock, type AnyActorRef } from 'xstate';
import { labMachine, phoneAddress } from '../../../simulation/lab/lab.machine';
import { parseCommand, routeCommand } from '../../../simulation/lab/commands';
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

/** A lab command the way the facade delivers one: checked, routed, sent to the actor it names. */
function deliver(get: (id: string) => AnyActorRef | undefined, value: unknown): void {
  const r = parseCommand(DEFAULT_LAB, value);
  if (!r.ok) throw new Error(r.error);
  const route = routeCommand(r.command, DEFAULT_LAB.connect.host, 'dc01');
  if (!route) throw new Error(`${r.command.type} goes to no actor`);
  get(route.target)?.send(route.event);
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

  it('a lab command, routed as the facade routes it, reaches the actor it names and nobody else', () => {
    const { root, get, ctx } = start();
    const rootBefore = root.getSnapshot().context;
    const pc1Before = ctx('pc1');
    expect(ctx('network').nics.pc3.cableConnected).toBe(true);
    deliver(get, { type: 'link.cut', host: 'pc3' });
    expect(ctx('network').nics.pc3.cableConnected).toBe(false);
    deliver(get, { type: 'host.power', host: 'pc2', on: false });
    expect(get('pc2')?.getSnapshot().value).toBe('off');
    expect(get('pc1')?.getSnapshot().value).toBe('on');
    expect(ctx('pc1')).toBe(pc1Before);
    // The network heard pc2 go off; the root itself took no part.
    expect(ctx('network').nics.pc2.powered).toBe(false);
    expect(root.getSnapshot().context).toBe(rootBefore);
  });

  it('a command for a device that is not in the topology is refused before it reaches any actor', () => {
    const { root, get } = start();
    const before = root.getSnapshot();
    const r = parseCommand(DEFAULT_LAB, { type: 'host.power', host: 'pc99', on: false });
    expect(!r.ok && r.error).toBe(
      'host.power.host: expected a host of the lab (dc01, sync01, pc1, pc2, pc3), got "pc99"',
    );
    expect(get('pc99')).toBeUndefined();
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
