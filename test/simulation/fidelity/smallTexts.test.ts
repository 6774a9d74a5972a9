/**
 * Issue 15, item 16 (lower-impact texts): what modern Windows prints. Sources: Microsoft Learn
 * "ping" (Windows Commands; a reply on a LAN reads `time<1ms`), "nltest" (DsGetDcName flags, KEYLIST
 * on a Windows Server 2016+ DC), "Test-NetConnection" (the ping warning names the address pinged).
 * The KEYLIST flag and the warning's address are also asserted in
 * test/simulation/tools/commands/net/netdiag.test.ts; the scheduler in scheduler.test.ts; 31006 in
 * test/simulation/lab/seedGuide.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { out, workingLab } from '../faults/faultHarness';

describe('ping on a LAN (Microsoft Learn: ping)', () => {
  it('replies from DC01 read time<1ms with TTL=128', () => {
    const lab = workingLab();
    const text = out(lab, 'pc2', 'ping dc01', 'cmd');
    expect(text).toContain('Reply from 192.168.6.2: bytes=32 time<1ms TTL=128');
    expect(text).not.toMatch(/time=0ms/);
  });
});

describe('nltest /dsgetdc on a current DC (Microsoft Learn: nltest)', () => {
  it('the flags end with KEYLIST', () => {
    const lab = workingLab();
    const flags = out(lab, 'sync01', 'nltest /dsgetdc:laborhub.store', 'cmd')
      .split('\n')
      .find((l) => l.trim().startsWith('Flags:'));
    expect(flags?.trim().split(' ').at(-1)).toBe('KEYLIST');
  });
});
