/**
 * A Windows host's actor keeps its consoles apart from the rest of its state, so a console update
 * copies only the console; its tools and the lab's truth still see one host (hostView.ts).
 */
import { describe, expect, it } from 'vitest';
import type { AnyActorRef } from 'xstate';
import { Lab } from '../../../simulation/facade/lab';
import { DEFAULT_LAB } from '../../../simulation/lab/defaultLab';
import { initialHostContext } from '../../../simulation/devices/hostInit';
import { hostCoreOf, hostView, splitHost } from '../../../simulation/devices/hostView';
import type { HostMachineContext } from '../../../simulation/devices/hostTypes';
import { parseIsoTime } from '../../../simulation/core/time';

const pc2 = DEFAULT_LAB.hosts.find((h) => h.id === 'pc2');
if (!pc2) throw new Error('the default lab has a pc2');
const whole = initialHostContext(DEFAULT_LAB, pc2, 1, parseIsoTime(DEFAULT_LAB.startTime) ?? 0);

function hostContext(lab: Lab, id: string): HostMachineContext {
  const root = (lab as unknown as { root: { system: { get: (id: string) => AnyActorRef } } }).root;
  return root.system.get(id).getSnapshot().context as HostMachineContext;
}

describe('a host kept apart from its consoles', () => {
  it('puts the two together as the whole host, its fields in their order, once per pair', () => {
    const core = hostCoreOf(whole);
    expect(core).not.toHaveProperty('consoles');
    const view = hostView(core, whole.consoles);
    expect(view).toEqual(whole);
    expect(Object.keys(view)).toEqual(Object.keys(whole));
    expect(hostView(core, whole.consoles)).toBe(view);
  });

  it('takes a host apart keeping the host part when only the consoles changed', () => {
    const core = hostCoreOf(whole);
    const view = hostView(core, whole.consoles);
    const cleared = {
      ...view,
      consoles: { ...view.consoles, cmd: { ...view.consoles.cmd, transcript: [] } },
    };
    const a = splitHost(cleared, core);
    expect(a.host).toBe(core);
    expect(a.consoles).toBe(cleared.consoles);
    expect(hostView(a.host, a.consoles)).toBe(cleared);
    const b = splitHost({ ...view, seq: view.seq + 1 }, core);
    expect(b.host).not.toBe(core);
    expect(b.host.seq).toBe(core.seq + 1);
    expect(b.host).not.toHaveProperty('consoles');
  });

  it('a console clear or close copies the console, not the host', () => {
    const lab = new Lab();
    expect(lab.dispatch({ type: 'console.exec', host: 'pc2', shell: 'cmd', line: 'hostname' }).ok).toBe(true);
    const before = hostContext(lab, 'pc2');
    expect(lab.dispatch({ type: 'console.clear', host: 'pc2', shell: 'cmd' }).ok).toBe(true);
    const after = hostContext(lab, 'pc2');
    expect(after.host).toBe(before.host);
    expect(after.consoles.powershell).toBe(before.consoles.powershell);
    expect(after.consoles.cmd.transcript).toEqual([]);
    expect(after.consoles.cmd.history).toEqual(before.consoles.cmd.history);
    lab.dispatch({ type: 'console.close', host: 'pc2', shell: 'cmd' });
    expect(hostContext(lab, 'pc2').host).toBe(before.host);
    expect(hostContext(lab, 'pc2').consoles.cmd.history).toEqual([]);
    // The truth still shows one host, with its consoles.
    expect(lab.truth().hosts.pc2?.host.consoles.cmd.history).toEqual([]);
    lab.stop();
  });
});
