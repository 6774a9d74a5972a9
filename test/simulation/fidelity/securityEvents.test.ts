/**
 * Issue 15, item 10: DC01's Security-log bodies as Microsoft's event pages show them. Sources:
 * Microsoft Learn "4771(F): Kerberos pre-authentication failed." (Client Address is an IPv4-mapped
 * IPv6 address, Client Port, Service Name krbtgt/<REALM>, Ticket Options, Pre-Authentication Type),
 * "4740(S): A user account was locked out." (Subject SYSTEM, the DC's machine account),
 * "4724(S, F)", "4738(S)" (Password Last Set is a date), "4767(S)".
 */
import { describe, expect, it } from 'vitest';
import { signIn } from '../../harness';
import { out, workingLab } from '../faults/faultHarness';
import type { Lab } from '../../../simulation/facade/lab';

const security = (lab: Lab, since: number, id: number) =>
  (lab.learnerView().tools.dc01?.events.Security ?? []).filter((e) => e.time >= since && e.eventId === id);

describe('DC01 Security log bodies (Microsoft Learn event pages)', () => {
  it('4771 names the client by IP and port, the krbtgt service, ticket options and pre-auth type', () => {
    const lab = workingLab();
    const t0 = lab.now();
    signIn(lab, 'pc2', 'michael.brown', 'Not#His2026pw');
    const body = security(lab, t0, 4771)[0]?.message ?? '';
    expect(body).toMatch(
      /^Kerberos pre-authentication failed\.\n\nAccount Information:\n\tSecurity ID:\t\tLABORHUB\\michael\.brown\n\tAccount Name:\t\tmichael\.brown\n\n/,
    );
    expect(body).toContain('Service Information:\n\tService Name:\t\tkrbtgt/LABORHUB.STORE');
    expect(body).toMatch(/Client Address:\t\t::ffff:192\.168\.6\.\d+\n\tClient Port:\t\t\d{5}/);
    expect(body).not.toContain('Client Address:\t\tPC2');
    expect(body).toContain(
      'Ticket Options:\t\t0x40810010\n\tFailure Code:\t\t0x18\n\tPre-Authentication Type:\t2',
    );
  });

  it('4740 is written by SYSTEM as DC01$ and names the caller computer', () => {
    const lab = workingLab();
    const t0 = lab.now();
    for (let i = 0; i < 12; i++) signIn(lab, 'pc2', 'michael.brown', `Random#Guess${i}x`);
    const body = security(lab, t0, 4740)[0]?.message ?? '';
    expect(body).toContain(
      'Subject:\n\tSecurity ID:\t\tSYSTEM\n\tAccount Name:\t\tDC01$\n\tAccount Domain:\t\tLABORHUB\n\tLogon ID:\t\t0x3E7',
    );
    expect(body).toContain('Additional Information:\n\tCaller Computer Name:\tPC2');
  });

  it('4724 names who reset and whom; 4738 shows Password Last Set as a date; 4767 has both blocks', () => {
    const lab = workingLab();
    const t0 = lab.now();
    out(
      lab,
      'dc01',
      "Set-ADAccountPassword michael.brown -Reset -NewPassword (ConvertTo-SecureString 'First#Pass2026a' -AsPlainText -Force)",
    );
    const reset = security(lab, t0, 4724)[0]?.message ?? '';
    expect(reset).toContain(
      "An attempt was made to reset an account's password.\n\nSubject:\n\tSecurity ID:\t\tLABORHUB\\Administrator",
    );
    expect(reset).toContain(
      'Target Account:\n\tSecurity ID:\t\tLABORHUB\\michael.brown\n\tAccount Name:\t\tmichael.brown\n\tAccount Domain:\t\tLABORHUB',
    );
    const changed = security(lab, t0, 4738)[0]?.message ?? '';
    expect(changed).toMatch(/\tPassword Last Set:\t\d+\/\d+\/\d{4} \d+:\d\d:\d\d [AP]M\n/);
    expect(changed).toContain('\tSAM Account Name:\t-');
    expect(changed).not.toContain('changed\n');
    out(lab, 'dc01', 'Unlock-ADAccount michael.brown');
    const unlocked = security(lab, t0, 4767)[0]?.message ?? '';
    expect(unlocked).toContain('Subject:\n\tSecurity ID:\t\tLABORHUB\\Administrator');
    expect(unlocked).toContain('Target Account:\n\tSecurity ID:\t\tLABORHUB\\michael.brown');
  });
});
