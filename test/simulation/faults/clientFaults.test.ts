/**
 * Faults of the client side and of name resolution: L21 (SYNC01 cannot find the DC), L26 (DHCP
 * down, APIPA), L27 (PC2's DNS is 8.8.8.8), L28 (PC2's clock is 10 minutes off), L29 (broken secure
 * channel), L30 (old password typed), L33 (must change at next logon). Symptoms on PC2's sign-in
 * screen and consoles, on SYNC01's Application log; fixes with the tools a real admin uses.
 */
import { describe, expect, it } from 'vitest';
import { must, signIn, wait } from '../../harness';
import { appLog, holds, ids, inject, out, ssprAttempt, workingLab } from './faultHarness';
import type { Lab } from '../../../simulation/facade/lab';

const desk = (lab: Lab) => lab.learnerView().desktops.pc2;

/** Michael signs in once on PC2 so that it caches his logon, then signs out. */
function primeCache(lab: Lab, password = 'Welcome@2026'): void {
  signIn(lab, 'pc2', 'michael.brown', password);
  expect(desk(lab)?.screen).toBe('desktop');
  must(lab, { type: 'desktop.signOut', host: 'pc2' });
}

describe('L21 SYNC01 cannot find the DC (its DNS server is 8.8.8.8)', () => {
  it('611 and failing imports on SYNC01; nltest says 1355; pointing DNS back at the DC fixes it', () => {
    const lab = workingLab();
    inject(lab, 'L21');
    const t0 = lab.now();
    expect(out(lab, 'sync01', 'nltest /dsgetdc:laborhub.store', 'cmd')).toContain(
      'Getting DC name failed: Status = 1355 0x54b ERROR_NO_SUCH_DOMAIN',
    );
    wait(lab, '35m');
    expect(ids(appLog(lab, 'sync01', t0))).toContain(611);
    expect(lab.learnerView().syncManager?.operations.some((o) => o.status !== 'success')).toBe(true);
    out(lab, 'sync01', 'Set-DnsClientServerAddress -InterfaceAlias Ethernet -ServerAddresses 192.168.6.2');
    expect(holds(lab, 'L21')).toBe(false);
    expect(out(lab, 'sync01', 'nltest /dsgetdc:laborhub.store', 'cmd')).toContain(
      'The command completed successfully',
    );
    expect(ssprAttempt(lab)).toMatchObject({ page: 'done' });
  });
});

describe('L26 the DHCP server is down and PC2 is on APIPA', () => {
  it('ipconfig shows 169.254.x.y, the cached logon takes the old password and refuses the new one; DHCP back + renew fixes it', () => {
    const lab = workingLab();
    primeCache(lab);
    inject(lab, 'L26');
    const ipconfig = out(lab, 'pc2', 'ipconfig /all', 'cmd');
    expect(ipconfig).toMatch(/Autoconfiguration IPv4 Address\. \. : 169\.254\.\d+\.\d+/);
    expect(ipconfig).not.toMatch(/Default Gateway[ .]*: 192\.168/);
    // Michael resets his password in the cloud (it is written back), but PC2 cannot reach a DC.
    expect(ssprAttempt(lab)).toMatchObject({ page: 'done' });
    signIn(lab, 'pc2', 'michael.brown', 'Spring#Reset2026');
    expect(desk(lab)?.screen).toBe('signin');
    signIn(lab, 'pc2', 'michael.brown', 'Welcome@2026');
    expect(desk(lab)).toMatchObject({
      screen: 'desktop',
      banner: expect.stringContaining('cached account information'),
    });
    must(lab, { type: 'desktop.signOut', host: 'pc2' });
    // Fix: start the DHCP Server service on the DC, then renew on PC2.
    must(lab, { type: 'service.start', host: 'dc01', service: 'DHCPServer' });
    out(lab, 'pc2', 'ipconfig /renew', 'cmd');
    expect(holds(lab, 'L26')).toBe(false);
    expect(out(lab, 'pc2', 'ipconfig', 'cmd')).toMatch(/IPv4 Address[ .]*: 192\.168\.6\.\d+/);
    signIn(lab, 'pc2', 'michael.brown', 'Spring#Reset2026');
    expect(desk(lab)).toMatchObject({ screen: 'desktop' });
    expect(desk(lab)?.banner).toBeUndefined();
  });
});

describe("L27 PC2's DNS server is 8.8.8.8", () => {
  it('nltest 1355, SRV lookup fails, cached logon only; resetting the DNS servers fixes it', () => {
    const lab = workingLab();
    primeCache(lab);
    inject(lab, 'L27');
    expect(out(lab, 'pc2', 'nltest /dsgetdc:laborhub.store', 'cmd')).toContain(
      'Getting DC name failed: Status = 1355 0x54b ERROR_NO_SUCH_DOMAIN',
    );
    expect(out(lab, 'pc2', 'nslookup -type=SRV _ldap._tcp.dc._msdcs.laborhub.store', 'cmd')).toMatch(
      /Non-existent domain/,
    );
    signIn(lab, 'pc2', 'michael.brown', 'Welcome@2026');
    expect(desk(lab)?.banner).toContain('cached account information');
    must(lab, { type: 'desktop.signOut', host: 'pc2' });
    out(lab, 'pc2', 'Set-DnsClientServerAddress -InterfaceAlias Ethernet -ResetServerAddresses');
    expect(holds(lab, 'L27')).toBe(false);
    expect(out(lab, 'pc2', 'nltest /dsgetdc:laborhub.store', 'cmd')).toContain(
      'The command completed successfully',
    );
  });

  it('route 2: netsh sets the DC as DNS server', () => {
    const lab = workingLab();
    inject(lab, 'L27');
    out(lab, 'pc2', 'netsh interface ip set dns name="Ethernet" static 192.168.6.2', 'cmd');
    expect(holds(lab, 'L27')).toBe(false);
  });
});

describe("L28 PC2's clock is 10 minutes off", () => {
  it('sign-in fails on clock skew; w32tm shows Local CMOS Clock; resyncing from the domain fixes it', () => {
    const lab = workingLab();
    inject(lab, 'L28');
    signIn(lab, 'pc2', 'michael.brown', 'Welcome@2026');
    expect(desk(lab)?.message).toContain(
      'There is a time and/or date difference between the client and server.',
    );
    expect(out(lab, 'pc2', 'w32tm /query /status', 'cmd')).toContain('Source: Local CMOS Clock');
    out(lab, 'pc2', 'w32tm /config /syncfromflags:domhier /update', 'cmd');
    out(lab, 'pc2', 'w32tm /resync', 'cmd');
    expect(holds(lab, 'L28')).toBe(false);
    signIn(lab, 'pc2', 'michael.brown', 'Welcome@2026');
    expect(desk(lab)?.screen).toBe('desktop');
  });
});

describe("L29 PC2's secure channel is broken", () => {
  it('the trust relationship message and NETLOGON 3210; nltest /sc_query says ERROR_ACCESS_DENIED; Test-ComputerSecureChannel -Repair fixes it', () => {
    const lab = workingLab();
    inject(lab, 'L29');
    const t0 = lab.now();
    signIn(lab, 'pc2', 'michael.brown', 'Welcome@2026');
    expect(desk(lab)?.message).toBe(
      'The trust relationship between this workstation and the primary domain failed.',
    );
    expect(ids(appLog(lab, 'pc2', t0, 'System'))).toContain(3210);
    expect(out(lab, 'pc2', 'nltest /sc_query:laborhub.store', 'cmd')).toContain(
      'Status = 5 0x5 ERROR_ACCESS_DENIED',
    );
    expect(out(lab, 'pc2', 'Test-ComputerSecureChannel -Repair')).toContain('True');
    expect(holds(lab, 'L29')).toBe(false);
    signIn(lab, 'pc2', 'michael.brown', 'Welcome@2026');
    expect(desk(lab)?.screen).toBe('desktop');
  });
});

describe('L30 Michael keeps typing his old password on PC2', () => {
  // AD's N-2 check (TechNet wiki 32490): the previous password is refused without counting.
  it('"The user name or password is incorrect." and the bad-password count stays put; the new password works', () => {
    const lab = workingLab();
    inject(lab, 'L30');
    expect(desk(lab)?.message).toBe('The user name or password is incorrect.');
    const bad = () =>
      Object.values(lab.truth().hosts.dc01?.roles.directory?.users ?? {}).find(
        (u) => u.sam === 'michael.brown',
      )?.badPwdCount ?? 0;
    const before = bad();
    signIn(lab, 'pc2', 'michael.brown', 'Welcome@2026');
    expect(bad()).toBe(before);
    signIn(lab, 'pc2', 'michael.brown', 'Renewed#2026z');
    expect(holds(lab, 'L30')).toBe(false);
  });
});

describe('L33 the password was reset on-premises with "must change at next logon"', () => {
  it('PC2 asks for a new password; after the change PHS carries it to the cloud within minutes', () => {
    const lab = workingLab();
    inject(lab, 'L33');
    signIn(lab, 'pc2', 'michael.brown', 'Temp#Pass2026');
    expect(desk(lab)).toMatchObject({
      message: "The user's password must be changed before signing in.",
      changeRequired: 'michael.brown',
    });
    must(lab, {
      type: 'desktop.changePassword',
      host: 'pc2',
      user: 'michael.brown',
      oldPassword: 'Temp#Pass2026',
      newPassword: 'Mine#Own2026pw',
    });
    expect(desk(lab)?.screen).toBe('desktop');
    expect(holds(lab, 'L33')).toBe(true); // the cloud still has the temporary password
    wait(lab, '3m');
    expect(holds(lab, 'L33')).toBe(false);
    must(lab, { type: 'portal.myaccount', action: { type: 'open' } });
    must(lab, {
      type: 'portal.myaccount',
      action: { type: 'signIn', upn: 'michael.brown@laborhub.store', password: 'Mine#Own2026pw' },
    });
    expect(lab.learnerView().browser.myAccount.signedInAs).toBeDefined();
  });
});
