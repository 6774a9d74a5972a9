/**
 * `lab.stop()` (facade/lab.ts) leaves nothing running: every actor of the lab stopped, no timer
 * left on the lab's clock (so none can fire), and a command dispatched afterwards changes nothing.
 */
import { describe, expect, it, vi } from 'vitest';
import type { AnyActorRef } from 'xstate';
import { Lab } from '../../../simulation/facade/lab';
import { presetDefinition } from '../../../simulation/lab/presets';
import { scaledLab } from '../../../simulation/lab/scaledLab';
import { must } from '../../harness';

const MINUTE = 60_000;

/** Every actor of the lab: the root and, depth first, the children it holds now. */
function allActors(lab: Lab): AnyActorRef[] {
  const out: AnyActorRef[] = [];
  const visit = (ref: AnyActorRef) => {
    out.push(ref);
    const children = (ref.getSnapshot() as { children?: Record<string, AnyActorRef | undefined> }).children;
    for (const c of Object.values(children ?? {})) if (c) visit(c);
  };
  visit((lab as unknown as { root: AnyActorRef }).root);
  return out;
}

function pendingTimers(lab: Lab): number {
  return (lab as unknown as { clock: { pendingCount(): number } }).clock.pendingCount();
}

function busyLab(lab: Lab): Lab {
  must(lab, { type: 'clock.advance', ms: 5 * MINUTE });
  // Things in flight when the lab stops: a console command's job, a scheduled fault.
  must(lab, { type: 'console.exec', host: 'pc1', shell: 'cmd', line: 'ping -n 4 dc01' });
  must(lab, {
    type: 'fault.schedule',
    fault: 'L1',
    at: lab.now() + 30 * MINUTE,
  });
  return lab;
}

describe('Lab.stop', () => {
  it.each([
    ['the configured lab', () => new Lab({ definition: presetDefinition('configured'), seed: 3 })],
    ['a lab of 40 PCs', () => new Lab({ definition: scaledLab({ pcs: 40 }) })],
  ])('%s: every actor stops, no timer is left, and later commands change nothing', (_, make) => {
    const lab = busyLab(make());
    const actors = allActors(lab);
    expect(actors.length).toBeGreaterThan(10);
    expect(pendingTimers(lab)).toBeGreaterThan(0);
    expect(lab.nextDue()).toBeDefined();

    lab.stop();

    expect(actors.filter((a) => a.getSnapshot().status === 'active').map((a) => a.id)).toEqual([]);
    expect(pendingTimers(lab)).toBe(0);
    expect(lab.nextDue()).toBeUndefined();

    // Nothing is processed afterwards: every actor keeps the very snapshot it stopped with.
    const snapshots = actors.map((a) => a.getSnapshot() as unknown);
    const at = lab.now();
    lab.dispatch({ type: 'console.exec', host: 'pc1', shell: 'cmd', line: 'hostname' });
    lab.dispatch({ type: 'clock.advance', ms: 2 * 3_600_000 });
    expect(lab.now()).toBeGreaterThanOrEqual(at);
    expect(pendingTimers(lab)).toBe(0);
    expect(actors.filter((a, i) => a.getSnapshot() !== snapshots[i]).map((a) => a.id)).toEqual([]);

    // A second stop is harmless and sends nothing to the stopped root (XState would warn).
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      lab.stop();
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
    expect(actors.filter((a) => a.getSnapshot().status === 'active').map((a) => a.id)).toEqual([]);
  });
});
