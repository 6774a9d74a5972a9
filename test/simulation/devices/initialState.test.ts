/**
 * Issue 11: a host's starting state is built once per definition, host, seed and start, and shared
 * by every lab built from them (hostInit.ts). That is only sound while the engine never changes it
 * in place: sessions of every kind of command must leave it as built.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoTime } from '../../../simulation/core/time';
import { initialHostContext, initialRoles } from '../../../simulation/devices/hostInit';
import { Lab } from '../../../simulation/facade/lab';
import { DEFAULT_LAB } from '../../../simulation/lab/defaultLab';
import { journalCommand } from '../facade/journalCommands';

const START = parseIsoTime(DEFAULT_LAB.startTime) ?? 0;
const SEED = 1;

/** The shared starting state of every host and its server roles, as text (what a change in place would alter). */
function shared(): string {
  return JSON.stringify(
    DEFAULT_LAB.hosts.map((h) => [
      initialHostContext(DEFAULT_LAB, h, SEED, START),
      initialRoles(DEFAULT_LAB, h, SEED, START),
    ]),
  );
}

const LINES: [string, 'cmd' | 'powershell', string][] = [
  ['pc2', 'cmd', 'ipconfig /release'],
  ['pc2', 'cmd', 'ipconfig /renew'],
  ['pc2', 'cmd', 'cd \\windows & cls & hostname'],
  ['pc2', 'cmd', 'reg add HKLM\\SOFTWARE\\Lab /v Test /t REG_DWORD /d 1 /f'],
  ['pc2', 'cmd', 'w32tm /resync'],
  ['dc01', 'powershell', 'New-ADUser -Name probe -SamAccountName probe'],
  ['dc01', 'powershell', 'Set-ADUser -Identity probe -Title Tester'],
  ['dc01', 'cmd', 'net user administrator Passw0rd!2 /domain'],
  ['dc01', 'cmd', 'ipconfig /flushdns'],
  ['sync01', 'powershell', 'Start-ADSyncSyncCycle -PolicyType Delta'],
  ['sync01', 'powershell', 'Stop-Service ADSync'],
  ['pc1', 'cmd', 'shutdown /r /t 0'],
];

describe('the starting state labs share', () => {
  it('is built once for a definition, host, seed and start', () => {
    const [h] = DEFAULT_LAB.hosts;
    if (!h) throw new Error('the default lab has hosts');
    expect(initialHostContext(DEFAULT_LAB, h, SEED, START)).toBe(
      initialHostContext(DEFAULT_LAB, h, SEED, START),
    );
    expect(initialRoles(DEFAULT_LAB, h, SEED, START)).toBe(initialRoles(DEFAULT_LAB, h, SEED, START));
  });

  it('gives the DHCP server an empty lease table that the PCs taking leases leave empty', () => {
    const dc = DEFAULT_LAB.hosts.find((h) => h.kind === 'dc');
    if (!dc) throw new Error('the default lab has a DC');
    const lab = new Lab({ seed: SEED });
    lab.dispatch({ type: 'clock.advance', ms: 10 * 60_000 });
    const leases = lab.truth().hosts[dc.id]?.roles.dhcpServer?.leases ?? {};
    expect(Object.keys(leases).length).toBeGreaterThan(0);
    expect(initialRoles(DEFAULT_LAB, dc, SEED, START).dhcpServer?.leases).toStrictEqual({});
    lab.stop();
  });

  it('is left as built by console sessions on every host', () => {
    const before = shared();
    const lab = new Lab({ seed: SEED });
    for (const [host, shell, line] of LINES) {
      expect(lab.dispatch({ type: 'console.exec', host, shell, line }).ok).toBe(true);
      lab.runUntil((l) => !l.busy(), 10 * 60_000);
    }
    lab.dispatch({ type: 'clock.advance', ms: 2 * 3_600_000 });
    expect(shared()).toBe(before);
    lab.stop();
  });

  it('is left as built by random journals of every kind of command', () => {
    const before = shared();
    const command = journalCommand(DEFAULT_LAB, { faults: true });
    fc.assert(
      fc.property(fc.array(command, { minLength: 1, maxLength: 12 }), (commands) => {
        const lab = new Lab({ seed: SEED });
        for (const c of commands) lab.dispatch(c);
        lab.stop();
        expect(shared()).toBe(before);
      }),
      { numRuns: 40, seed: 11 },
    );
  });
});
