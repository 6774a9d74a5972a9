import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../../../simulation/core/time';
import { Lab } from '../../../simulation/facade/lab';
import type { LabCommand } from '../../../simulation/lab/commands';
import {
  parseSession,
  restoreSession,
  serializeSession,
  sessionOf,
} from '../../../simulation/facade/session';

const HOSTS = ['dc01', 'sync01', 'pc1', 'pc2', 'pc3'] as const;
const PCS = ['pc1', 'pc2', 'pc3'] as const;
const LINES = [
  'ipconfig',
  'ipconfig /all',
  'ipconfig /release',
  'ipconfig /renew',
  'ping dc01',
  'ping 8.8.8.8',
  'ping pc3',
  'nslookup dc01',
  'nslookup -type=SRV _ldap._tcp.dc._msdcs.laborhub.store',
  'nslookup login.microsoftonline.com',
  'hostname',
  'whoami',
  'ipconfig /all | findstr IPv4',
];

const command: fc.Arbitrary<LabCommand> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.integer({ min: 0, max: 6 * HOUR }).map((ms) => ({ type: 'clock.advance' as const, ms })),
  },
  { weight: 1, arbitrary: fc.constant({ type: 'clock.next' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constantFrom('service.stop' as const, 'service.start' as const, 'service.restart' as const),
      host: fc.constant('dc01'),
      service: fc.constantFrom('DHCPServer', 'DNS', 'NTDS', 'W32Time'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ type: fc.constant('host.restart' as const), host: fc.constantFrom(...HOSTS) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('host.power' as const),
      host: fc.constantFrom(...PCS),
      on: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constantFrom('link.cut' as const, 'link.restore' as const),
      host: fc.constantFrom(...HOSTS),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('console.exec' as const),
      host: fc.constantFrom(...HOSTS),
      shell: fc.constantFrom('cmd' as const, 'powershell' as const),
      line: fc.oneof(
        { weight: 5, arbitrary: fc.constantFrom(...LINES) },
        { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
      ),
    }),
  },
);

describe('replay', () => {
  it('the same definition, seed and journal give an identical state hash (random journals)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.array(command, { minLength: 1, maxLength: 12 }),
        (seed, commands) => {
          const lab = new Lab({ seed });
          for (const c of commands) lab.dispatch(c);
          const hash = lab.stateHash();
          const replayed = Lab.replay(lab.definition, lab.seed, lab.journal());
          expect(replayed.now()).toBe(lab.now());
          expect(replayed.stateHash()).toBe(hash);
          // Through the saved form too: what is written to disk rebuilds the same lab.
          const restored = restoreSession(serializeSession(sessionOf(lab)));
          expect(restored.ok && restored.lab.stateHash()).toBe(hash);
          lab.stop();
          replayed.stop();
        },
      ),
      { numRuns: 200, seed: 42 },
    );
    // 200 labs built and replayed twice each: seconds alone, far longer on a loaded machine. The
    // property keeps its 200 runs; only vitest's default 5 s timeout is too short for it.
  }, 120_000);

  it('a different journal gives a different hash (the hash sees the state)', () => {
    const a = new Lab();
    const b = new Lab();
    expect(a.stateHash()).toBe(b.stateHash());
    b.dispatch({ type: 'service.stop', host: 'dc01', service: 'DHCPServer' });
    expect(b.stateHash()).not.toBe(a.stateHash());
    a.dispatch({ type: 'clock.advance', ms: MINUTE });
    expect(a.stateHash()).not.toBe(new Lab().stateHash());
  });

  it('two clock advances in a row are journalled as one and replay the same', () => {
    const lab = new Lab();
    lab.dispatch({ type: 'clock.advance', ms: HOUR });
    lab.dispatch({ type: 'clock.advance', ms: 30 * MINUTE });
    expect(lab.journal()).toEqual([
      { at: Date.parse('2026-03-02T08:00:00Z'), command: { type: 'clock.advance', ms: 90 * MINUTE } },
    ]);
    expect(Lab.replay(lab.definition, lab.seed, lab.journal()).stateHash()).toBe(lab.stateHash());
  });

  it('a console command lets lab time pass while it runs, and a replay does the same', () => {
    const lab = new Lab();
    lab.dispatch({ type: 'link.cut', host: 'pc2' });
    const before = lab.now();
    lab.dispatch({ type: 'console.exec', host: 'pc2', shell: 'cmd', line: 'ping 192.168.6.2' });
    expect(lab.now()).toBeGreaterThan(before);
    expect(Lab.replay(lab.definition, lab.seed, lab.journal()).now()).toBe(lab.now());
  });

  it('rejects a journal whose times do not fit, naming the entry', () => {
    const lab = new Lab();
    lab.dispatch({ type: 'clock.advance', ms: MINUTE });
    lab.dispatch({ type: 'service.stop', host: 'dc01', service: 'DHCPServer' });
    const bad = lab.journal().map((e, i) => (i === 1 ? { ...e, at: e.at + 5 } : e));
    expect(() => Lab.replay(lab.definition, lab.seed, bad)).toThrow(
      /^journal\[1\]\.at: expected \d+ \(the lab's time at that point\), got \d+$/,
    );
  });

  it('a saved session survives a JSON round trip with the same meaning', () => {
    const lab = new Lab({ seed: 7 });
    lab.dispatch({ type: 'console.exec', host: 'pc2', shell: 'powershell', line: 'ipconfig /all' });
    const parsed = parseSession(serializeSession(sessionOf(lab)));
    expect(parsed.ok && parsed.record.journal).toEqual(lab.journal());
    expect(parsed.ok && parsed.record.seed).toBe(7);
  });
});
