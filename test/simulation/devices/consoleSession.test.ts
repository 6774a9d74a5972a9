/**
 * A console session changes on every console command; its updates are written out field by field
 * (sessionWith, consolesWith, withConsoles in windows/hostState.ts) rather than spread, so they must
 * keep what a spread kept: the other fields, the field order, and the history's 200-line limit.
 */
import { describe, expect, it } from 'vitest';
import type { AnyActorRef } from 'xstate';
import { Lab } from '../../../simulation/facade/lab';
import type { HostMachineContext } from '../../../simulation/devices/hostTypes';
import {
  consoleSession,
  consolesWith,
  sessionWith,
  type ConsoleSession,
} from '../../../simulation/windows/hostState';

function hostContext(lab: Lab, id: string): HostMachineContext {
  const root = (lab as unknown as { root: { system: { get: (id: string) => AnyActorRef } } }).root;
  return root.system.get(id).getSnapshot().context as HostMachineContext;
}

describe('a console session updated in place of a spread', () => {
  it('changes only the fields asked for, keeping the others and their order', () => {
    const s: ConsoleSession = {
      ...consoleSession('cmd', 'HYBRID\\admin', 'C:\\'),
      history: ['hostname'],
      transcript: [{ kind: 'output', text: 'PC2' }],
      busy: true,
    };
    const busyFalse = sessionWith(s, { busy: false });
    expect(busyFalse).toStrictEqual({ ...s, busy: false });
    expect(Object.keys(busyFalse)).toStrictEqual(Object.keys(s));
    const cleared = sessionWith(s, { transcript: [], history: [] });
    expect(cleared).toStrictEqual({ ...s, transcript: [], history: [] });
    expect(s.history).toStrictEqual(['hostname']);
  });

  it('replaces one shell of the pair, in the pair’s order', () => {
    const cmd = consoleSession('cmd', 'u', 'C:\\');
    const ps = consoleSession('powershell', 'u', 'C:\\');
    const next = consoleSession('powershell', 'v', 'D:\\');
    expect(Object.keys(consolesWith({ cmd, powershell: ps }, 'powershell', next))).toStrictEqual([
      'cmd',
      'powershell',
    ]);
    expect(consolesWith({ cmd, powershell: ps }, 'powershell', next)).toStrictEqual({
      cmd,
      powershell: next,
    });
    expect(consolesWith({ cmd, powershell: ps }, 'cmd', next)).toStrictEqual({ cmd: next, powershell: ps });
  });

  it('keeps the last 200 lines typed in a console, oldest first', () => {
    const lab = new Lab({ seed: 1 });
    for (let i = 0; i < 205; i++) {
      const r = lab.dispatch({ type: 'console.exec', host: 'pc2', shell: 'cmd', line: `echo ${i}` });
      expect(r.ok).toBe(true);
    }
    const history = hostContext(lab, 'pc2').consoles.cmd.history;
    expect(history).toHaveLength(200);
    expect(history[0]).toBe('echo 5');
    expect(history.at(-1)).toBe('echo 204');
    expect(history).toStrictEqual(Array.from({ length: 200 }, (_, i) => `echo ${i + 5}`));
    lab.stop();
  });
});
