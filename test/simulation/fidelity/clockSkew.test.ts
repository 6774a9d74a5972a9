/**
 * Issue 15, item 15 (and item 16's w32tm leftovers): clock skew leaves a trace on the DC and heals
 * on a member whose Windows Time service polls. Sources: Microsoft Learn "4768(S, F): A Kerberos
 * authentication ticket (TGT) was requested." (failure code table shared with 4771: 0x25
 * KRB_AP_ERR_SKEW, "This error is logged if a client computer sends a timestamp whose value
 * differs from that of the server's timestamp by more than ... Maximum tolerance for computer
 * clock synchronization"); "Windows Time service tools and settings" / "Config\MinPollInterval"
 * (members poll every 2^10 s) and "Config\MaxPollInterval" ("The time service itself is
 * considered unsynchronized after 1.5 times the number of seconds specified by this entry");
 * MaxPos/MaxNegPhaseCorrection 0xFFFFFFFF on members (any correction is accepted).
 */
import { describe, expect, it } from 'vitest';
import { must, run, signIn, wait } from '../../harness';
import { holds, inject, workingLab } from '../faults/faultHarness';
import type { Lab } from '../../../simulation/facade/lab';

const MIN = 60_000;
const security = (lab: Lab, since: number, id: number) =>
  (lab.learnerView().tools.dc01?.events.Security ?? []).filter((e) => e.time >= since && e.eventId === id);
const status = (lab: Lab, host: string) => {
  const lines = run(lab, host, 'w32tm /query /status', 'cmd');
  while (lines.at(-1) === '') lines.pop();
  return lines;
};
const field = (lines: string[], name: string) => lines.find((l) => l.startsWith(`${name}:`));
const offsetOf = (lab: Lab, host: string) => lab.truth().hosts[host]?.host.clockOffsetMs ?? NaN;
const badPwdCount = (lab: Lab) =>
  Object.values(lab.truth().hosts.dc01?.roles.directory?.users ?? {}).find((u) => u.sam === 'michael.brown')
    ?.badPwdCount;

describe('clock skew on the DC (Microsoft Learn 4768/4771 failure codes: 0x25 KRB_AP_ERR_SKEW)', () => {
  it('the KDC logs 4771 with Failure Code 0x25 for the refused sign-in, and badPwdCount stays put', () => {
    const lab = workingLab();
    inject(lab, 'L28');
    const t0 = lab.now();
    const before = badPwdCount(lab);
    signIn(lab, 'pc2', 'michael.brown', 'Welcome@2026');
    expect(lab.learnerView().desktops.pc2?.message).toContain(
      'There is a time and/or date difference between the client and server.',
    );
    const body = security(lab, t0, 4771).at(-1)?.message ?? '';
    expect(body).toContain('Account Name:\t\tmichael.brown');
    expect(body).toContain('Failure Code:\t\t0x25');
    expect(badPwdCount(lab)).toBe(before);
  });

  it('a wrong password from the skewed PC is still a bad password (0x18): the key is checked first', () => {
    const lab = workingLab();
    inject(lab, 'L28');
    const t0 = lab.now();
    signIn(lab, 'pc2', 'michael.brown', 'Not#His2026pw');
    expect(security(lab, t0, 4771).at(-1)?.message).toContain('Failure Code:\t\t0x18');
  });
});

describe('W32Time on a domain member (Config\\MinPollInterval 10; MaxPos/MaxNegPhaseCorrection 0xFFFFFFFF)', () => {
  it('puts a clock changed by hand back at its next poll; until then the last sync time stays', () => {
    const lab = workingLab();
    const synced = field(status(lab, 'pc1'), 'Last Successful Sync Time');
    run(lab, 'pc1', 'Set-Date -Adjust 0:10:00', 'powershell');
    expect(offsetOf(lab, 'pc1')).toBeGreaterThanOrEqual(10 * MIN - 1000);
    // Set-Date is not a sync: "Last Successful Sync Time" does not move.
    expect(field(status(lab, 'pc1'), 'Last Successful Sync Time')).toBe(synced);
    wait(lab, '18m');
    expect(Math.abs(offsetOf(lab, 'pc1'))).toBeLessThan(1000);
    const after = status(lab, 'pc1');
    expect(field(after, 'Source')).toBe('Source: DC01.laborhub.store');
    expect(field(after, 'Last Successful Sync Time')).not.toBe(synced);
    const changed = lab
      .events()
      .filter(
        (e) => e.computer.toLowerCase().startsWith('pc1') && e.source === 'Microsoft-Windows-Kernel-General',
      );
    expect(changed.at(-1)?.message).toMatch(/^The system time has changed to .* from .*\./);
  });

  it('L28 (Type NoSync: no input provider, so no poll) stays broken hours later until fixed', () => {
    const lab = workingLab();
    inject(lab, 'L28');
    wait(lab, '3h');
    expect(holds(lab, 'L28')).toBe(true);
    expect(field(status(lab, 'pc2'), 'Source')).toBe('Source: Local CMOS Clock');
    // Fixing the configuration is enough: the next poll corrects the clock without a /resync.
    run(lab, 'pc2', 'w32tm /config /syncfromflags:domhier /update', 'cmd');
    wait(lab, '18m');
    expect(holds(lab, 'L28')).toBe(false);
  });

  it('a stopped Windows Time service does not poll', () => {
    const lab = workingLab();
    must(lab, { type: 'service.stop', host: 'pc1', service: 'W32Time' });
    run(lab, 'pc1', 'Set-Date -Adjust 0:10:00', 'powershell');
    wait(lab, '40m');
    expect(offsetOf(lab, 'pc1')).toBeGreaterThanOrEqual(10 * MIN - 1000);
  });
});

describe('w32tm /query /status with the DC unreachable (item 16: no mix of synced and unsynced fields)', () => {
  it('keeps the source address it synced from, then reports not synchronized once the sync has aged', () => {
    const lab = workingLab();
    inject(lab, 'L27');
    const first = status(lab, 'pc2');
    expect(first[0]).toBe('Leap Indicator: 0(no warning)');
    expect(field(first, 'ReferenceId')).toBe('ReferenceId: 0xC0A80602 (source IP:  192.168.6.2)');
    const synced = field(first, 'Last Successful Sync Time');
    // 1.5 × 2^15 s without a sample: the service counts itself unsynchronized.
    wait(lab, '14h');
    const aged = status(lab, 'pc2');
    expect(aged.slice(0, 6)).toEqual([
      'Leap Indicator: 3(not synchronized)',
      'Stratum: 0 (unspecified)',
      'Precision: -23 (119.209ns per tick)',
      'Root Delay: 0.0000000s',
      'Root Dispersion: 0.0000000s',
      'ReferenceId: 0x00000000 (unspecified)',
    ]);
    expect(field(aged, 'Last Successful Sync Time')).toBe(synced);
    expect(field(aged, 'Source')).toBe('Source: Local CMOS Clock');
    // NtpClient logged its discovery failures (event 129) while it could not find a DC.
    const w129 = lab.events().filter((e) => e.computer.toLowerCase().startsWith('pc2') && e.eventId === 129);
    expect(w129.length).toBeGreaterThan(0);
  });
});
