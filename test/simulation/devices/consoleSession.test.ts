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
  appendHistory,
  appendLines,
  consoleSession,
  consolesWith,
  sealConsoleArrays,
  sessionWith,
  withConsoleAppends,
  type ConsoleLine,
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

  describe('appends in place only where no one can tell', () => {
    const line = (text: string): ConsoleLine => ({ kind: 'output', text });
    const texts = (s: ConsoleSession) => s.transcript.map((l) => l.text);

    it('outside a lab command, every append is a copy', () => {
      const a = appendLines(consoleSession('cmd', 'u', 'C:\\'), [line('a')]);
      const b = appendLines(a, [line('b')]);
      const c = appendHistory(appendHistory(a, 'x', 200), 'y', 200);
      expect(texts(a)).toEqual(['a']);
      expect(texts(b)).toEqual(['a', 'b']);
      expect(a.history).toEqual([]);
      expect(c.history).toEqual(['x', 'y']);
    });

    it('within a lab command, the newest session grows its own arrays in place, keeping the limits', () => {
      withConsoleAppends(() => {
        let s = appendHistory(appendLines(consoleSession('cmd', 'u', 'C:\\'), [line('0')]), 'h0', 3);
        const transcript = s.transcript;
        const history = s.history;
        for (let i = 1; i < 5; i++)
          s = sessionWith(appendHistory(appendLines(s, [line(`${i}`)]), `h${i}`, 3), {});
        expect(s.transcript).toBe(transcript);
        expect(s.history).toBe(history);
        expect(texts(s)).toEqual(['0', '1', '2', '3', '4']);
        expect(s.history).toEqual(['h2', 'h3', 'h4']);
      });
    });

    it('an array the lab’s state was read with, or an older session’s, is copied', () => {
      withConsoleAppends(() => {
        const a = appendLines(consoleSession('cmd', 'u', 'C:\\'), [line('a')]);
        sealConsoleArrays();
        const b = appendLines(a, [line('b')]);
        expect(texts(a)).toEqual(['a']);
        expect(b.transcript).not.toBe(a.transcript);
        const c = appendLines(b, [line('c')]);
        expect(c.transcript).toBe(b.transcript);
        // `b` is no longer the newest session holding its transcript: it copies.
        const d = appendLines(b, [line('d')]);
        expect(d.transcript).not.toBe(c.transcript);
        expect(texts(c)).toEqual(['a', 'b', 'c']);
      });
    });
  });
});
