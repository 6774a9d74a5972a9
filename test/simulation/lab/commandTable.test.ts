/**
 * One declaration per lab command: parsing, validation and routing derive from the table, so a
 * command added to a table (here a test-only one) needs its declaration and its device's handler,
 * nothing else.
 */
import { describe, expect, it } from 'vitest';
import { assertEvent, createActor, setup } from 'xstate';
import { z } from 'zod';
import { command, commandSet, type CommandUnion, type EventOf } from '../../../simulation/devices/commandKit';
import { LAB_COMMANDS } from '../../../simulation/devices/labCommands';
import { DEFAULT_LAB } from '../../../simulation/lab/defaultLab';
import { parseCommand, routeCommand } from '../../../simulation/lab/commands';

// The new command: its declaration, one entry.
const TABLE = {
  ...LAB_COMMANDS,
  'host.beep': command({
    to: 'host',
    fields: (r) => ({ host: r.host, times: z.number().int().min(1).max(5) }),
  }),
};
type Table = typeof TABLE;
const set = commandSet(TABLE);

// Its handler, in a device: the event type is inferred from the declaration.
type BeepEvent = EventOf<Table, 'host.beep'>;
const beeper = setup({ types: { context: {} as { beeps: number }, events: {} as BeepEvent } }).createMachine({
  context: { beeps: 0 },
  on: {
    'host.beep': {
      actions: ({ context, event }) => {
        assertEvent(event, 'host.beep');
        context.beeps += event.times;
      },
    },
  },
});

describe('the lab command table', () => {
  it('a command added to a table is parsed, checked against the lab and routed to its device', () => {
    const parsed = set.parse(DEFAULT_LAB, { type: 'host.beep', host: 'pc2', times: 3, extra: 'x' });
    expect(parsed).toEqual({ ok: true, command: { type: 'host.beep', host: 'pc2', times: 3 } });
    expect(set.parse(DEFAULT_LAB, { type: 'host.beep', host: 'pc9', times: 3 })).toEqual({
      ok: false,
      error: 'host.beep.host: expected a host of the lab (dc01, sync01, pc1, pc2, pc3), got "pc9"',
    });
    expect(set.parse(DEFAULT_LAB, { type: 'host.beep', host: 'pc2', times: 9 })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^host\.beep\.times: /),
    });
    if (!parsed.ok) throw new Error(parsed.error);
    const route = set.route(parsed.command as CommandUnion<Table>, { sync: 'sync01', dc: 'dc01' });
    expect(route).toEqual({ target: 'pc2', event: { type: 'host.beep', times: 3 } });

    const actor = createActor(beeper).start();
    actor.send(route!.event as BeepEvent);
    expect(actor.getSnapshot().context.beeps).toBe(3);
  });

  it('the real table keeps the journal shape: only declared fields, in declared order, real service names', () => {
    const r = parseCommand(DEFAULT_LAB, { type: 'service.stop', service: 'adsync', host: 'sync01', x: 1 });
    expect(r.ok && JSON.stringify(r.command)).toBe(
      '{"type":"service.stop","host":"sync01","service":"ADSync"}',
    );
    const v = parseCommand(DEFAULT_LAB, { type: 'surface.view', surface: 'events', target: 'System' });
    expect(!v.ok && v.error).toBe(
      'surface.view.host: expected a host of the lab (dc01, sync01, pc1, pc2, pc3), got undefined',
    );
  });

  it('routes by the declaration: the named device, a fixed actor, or a derived event', () => {
    const route = (value: unknown) => {
      const r = parseCommand(DEFAULT_LAB, value);
      if (!r.ok) throw new Error(r.error);
      return routeCommand(r.command, 'sync01', 'dc01');
    };
    expect(route({ type: 'console.exec', host: 'pc2', shell: 'cmd', line: 'ipconfig' })).toEqual({
      target: 'pc2',
      event: { type: 'console.exec', shell: 'cmd', line: 'ipconfig' },
    });
    expect(route({ type: 'link.cut', host: 'pc2' })).toEqual({
      target: 'network',
      event: { type: 'net.cable', id: 'pc2', connected: false },
    });
    expect(route({ type: 'syncmanager.connector', password: 'p' })).toEqual({
      target: 'sync01',
      event: { type: 'syncmanager.connector', patch: { connectorPassword: 'p' } },
    });
    expect(route({ type: 'backstage.ad', op: { op: 'policy', patch: { minLength: 8 } } })).toMatchObject({
      target: 'dc01',
    });
    expect(route({ type: 'clock.advance', ms: 5 })).toBeUndefined();
  });
});
