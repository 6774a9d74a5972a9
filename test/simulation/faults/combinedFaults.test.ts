/**
 * Faults combined: each behaves as it does alone, with no special case for the pair; fixing one
 * leaves the other's symptoms in place, and the lab is whole only when both are fixed.
 */
import { describe, expect, it } from 'vitest';
import { must, signIn, wait } from '../../harness';
import { holds, inject, out, ssprAttempt, workingLab } from './faultHarness';

describe('combined faults', () => {
  it('DHCP down on PC2 and writeback off in the portal: SSPR_0010 and APIPA at once, each fixed on its own', () => {
    const lab = workingLab();
    inject(lab, 'L26');
    inject(lab, 'L5');
    expect(ssprAttempt(lab)).toMatchObject({ page: 'error', code: 'SSPR_0010' });
    expect(out(lab, 'pc2', 'ipconfig', 'cmd')).toMatch(/Autoconfiguration IPv4 Address[ .]*: 169\.254\./);
    must(lab, {
      type: 'portal.admin',
      action: { type: 'sspr.onPremises', writeback: true, allowUnlock: false },
    });
    expect(holds(lab, 'L5')).toBe(false);
    expect(holds(lab, 'L26')).toBe(true);
    expect(ssprAttempt(lab)).toMatchObject({ page: 'done' });
    // PC2 still cannot reach a DC: the new password is refused there.
    signIn(lab, 'pc2', 'michael.brown', 'Spring#Reset2026');
    expect(lab.learnerView().desktops.pc2?.screen).toBe('signin');
    must(lab, { type: 'service.start', host: 'dc01', service: 'DHCPServer' });
    out(lab, 'pc2', 'ipconfig /renew', 'cmd');
    expect(holds(lab, 'L26')).toBe(false);
    signIn(lab, 'pc2', 'michael.brown', 'Spring#Reset2026');
    expect(lab.learnerView().desktops.pc2?.screen).toBe('desktop');
  });

  it('ADSync stopped while Michael is locked out: SSPR cannot help (SSPR_0030) until the service runs again', () => {
    const lab = workingLab();
    inject(lab, 'L14');
    inject(lab, 'L6');
    must(lab, {
      type: 'portal.admin',
      action: { type: 'sspr.onPremises', writeback: true, allowUnlock: true },
    });
    wait(lab, '7m');
    expect(ssprAttempt(lab)).toMatchObject({ page: 'error', code: 'SSPR_0030' });
    signIn(lab, 'pc2', 'michael.brown', 'Welcome@2026');
    expect(lab.learnerView().desktops.pc2?.message).toBe(
      'The referenced account is currently locked out and may not be logged on to.',
    );
    must(lab, { type: 'service.start', host: 'sync01', service: 'ADSync' });
    wait(lab, '2m');
    expect(holds(lab, 'L6')).toBe(false);
    expect(holds(lab, 'L14')).toBe(true);
    expect(ssprAttempt(lab)).toMatchObject({ page: 'done' });
    expect(holds(lab, 'L14')).toBe(false);
    signIn(lab, 'pc2', 'michael.brown', 'Spring#Reset2026');
    expect(lab.learnerView().desktops.pc2?.screen).toBe('desktop');
  });

  it("PC2's DNS is wrong and its clock is off: fixing DNS uncovers the clock skew, then w32tm fixes that", () => {
    const lab = workingLab();
    inject(lab, 'L27');
    inject(lab, 'L28');
    signIn(lab, 'pc2', 'michael.brown', 'Welcome@2026');
    // No DC can be found and nothing is cached on PC2 yet.
    expect(lab.learnerView().desktops.pc2?.message).toBe(
      'The system cannot log you on now because the domain LABORHUB is not available.',
    );
    out(lab, 'pc2', 'Set-DnsClientServerAddress -InterfaceAlias Ethernet -ResetServerAddresses');
    expect(holds(lab, 'L27')).toBe(false);
    signIn(lab, 'pc2', 'michael.brown', 'Welcome@2026');
    expect(lab.learnerView().desktops.pc2?.message).toContain(
      'There is a time and/or date difference between the client and server.',
    );
    out(lab, 'pc2', 'w32tm /config /syncfromflags:domhier /update', 'cmd');
    out(lab, 'pc2', 'w32tm /resync', 'cmd');
    expect(holds(lab, 'L28')).toBe(false);
    signIn(lab, 'pc2', 'michael.brown', 'Welcome@2026');
    expect(lab.learnerView().desktops.pc2?.screen).toBe('desktop');
  });

  it('the edge firewall blocks 443 and PHS is off: no writeback and no hash sync; the firewall fix alone brings back only writeback', () => {
    const lab = workingLab();
    inject(lab, 'L7');
    inject(lab, 'L19');
    wait(lab, '8m');
    expect(ssprAttempt(lab)).toMatchObject({ page: 'error', code: 'SSPR_0030' });
    must(lab, { type: 'gateway.firewall', remove: lab.learnerView().gateway.rules[0]?.id ?? '' });
    wait(lab, '5m');
    expect(holds(lab, 'L7')).toBe(false);
    expect(holds(lab, 'L19')).toBe(true);
    expect(ssprAttempt(lab)).toMatchObject({ page: 'done' });
  });
});
