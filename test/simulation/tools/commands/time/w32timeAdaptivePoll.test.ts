/**
 * A domain member's Windows Time poll interval adapts between MinPollInterval 10 (1024 s) and
 * MaxPollInterval 15 (32768 s), the defaults on members (Microsoft Learn, "Windows Time service
 * tools and settings"): steady samples lengthen it, a sample that has to set the clock, a failed
 * poll or a restart take it back to 10. w32tm /query shows where it is.
 */
import { describe, expect, it } from 'vitest';
import { must, newLab, run, wait } from '../../../../harness';
import { presetDefinition } from '../../../../../simulation/lab/presets';
import type { Lab } from '../../../../../simulation/facade/lab';
import { nextPollInterval } from '../../../../../simulation/tools/commands/time/w32timePoll';

const SEC = 1000;
const lab = (): Lab => newLab({ definition: presetDefinition('configured') });
const status = (l: Lab, host: string) => run(l, host, 'w32tm /query /status', 'cmd');
const pollLine = (l: Lab, host: string) => status(l, host).find((x) => x.startsWith('Poll Interval:'));
const peerLines = (l: Lab, host: string) => run(l, host, 'w32tm /query /peers', 'cmd');
const lastSync = (l: Lab, host: string) => l.truth().hosts[host]?.host.time.lastSyncAt;
/** Advances to `ms` after the lab's start. */
const at = (l: Lab, start: number, ms: number) =>
  must(l, { type: 'clock.advance', ms: start + ms - l.now() });

describe('nextPollInterval', () => {
  it('lengthens one step per steady sample up to MaxPollInterval 15, and drops to 10 after a step', () => {
    expect(nextPollInterval(undefined, false)).toBe(11);
    expect(nextPollInterval(10, false)).toBe(11);
    expect(nextPollInterval(14, false)).toBe(15);
    expect(nextPollInterval(15, false)).toBe(15);
    expect(nextPollInterval(13, true)).toBe(10);
    expect(nextPollInterval(undefined, true)).toBe(10);
  });
});

describe('W32Time poll interval on a domain member', () => {
  it('starts at 10 (1024s) and doubles after each steady sample: polls at 1024, 3072, 7168 s ...', () => {
    const l = lab();
    const start = l.now();
    expect(pollLine(l, 'pc2')).toBe('Poll Interval: 10 (1024s)');
    at(l, start, 1024 * SEC - 1);
    expect(lastSync(l, 'pc2')).toBe(start);
    at(l, start, 1030 * SEC);
    expect(lastSync(l, 'pc2')).toBeGreaterThanOrEqual(start + 1024 * SEC);
    expect(pollLine(l, 'pc2')).toBe('Poll Interval: 11 (2048s)');
    const first = lastSync(l, 'pc2') as number;
    // The next sample comes 2048 s after the first one, not 1024 s.
    at(l, start, 2100 * SEC);
    expect(lastSync(l, 'pc2')).toBe(first);
    at(l, start, 3080 * SEC);
    expect(lastSync(l, 'pc2')).toBeGreaterThan(first);
    expect(pollLine(l, 'pc2')).toBe('Poll Interval: 12 (4096s)');
    expect(peerLines(l, 'pc2')).toContain('HostPoll Interval: 12 (4096s)');
  });

  it('stays at 15 (32768s) once there (the fifth steady sample, at 31744 s), still synchronized; the DC shows 10', () => {
    const l = lab();
    wait(l, '9h');
    const lines = status(l, 'pc1');
    expect(lines[0]).toBe('Leap Indicator: 0(no warning)');
    expect(lines).toContain('Poll Interval: 15 (32768s)');
    const remaining = peerLines(l, 'pc1').find((x) => x.startsWith('Time Remaining:'));
    const secs = Number(/Time Remaining: ([\d.]+)s/.exec(remaining ?? '')?.[1]);
    // The last sample was at 31744 s; 9 h is 32400 s.
    expect(secs).toBe(32768 - (32400 - 31744));
    // The DC's own source is outside the lab: its poll interval is not the members'.
    expect(pollLine(l, 'dc01')).toBe('Poll Interval: 10 (1024s)');
  });

  it('a sample that has to set the clock takes it back to 10 (1024s)', () => {
    const l = lab();
    const start = l.now();
    at(l, start, 3100 * SEC);
    expect(pollLine(l, 'pc1')).toBe('Poll Interval: 12 (4096s)');
    run(l, 'pc1', 'Set-Date -Adjust 0:10:00', 'powershell');
    // The next poll (4096 s after the last) puts the clock back and starts again from the minimum.
    at(l, start, 7200 * SEC);
    expect(Math.abs(l.truth().hosts.pc1?.host.clockOffsetMs ?? NaN)).toBeLessThan(SEC);
    expect(pollLine(l, 'pc1')).toBe('Poll Interval: 10 (1024s)');
  });

  it('a restart starts the service again from 10 (1024s)', () => {
    const l = lab();
    wait(l, '1h');
    expect(pollLine(l, 'pc2')).toBe('Poll Interval: 12 (4096s)');
    must(l, { type: 'host.restart', host: 'pc2' });
    wait(l, '1m');
    expect(pollLine(l, 'pc2')).toBe('Poll Interval: 10 (1024s)');
  });
});
