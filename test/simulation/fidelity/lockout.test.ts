/**
 * Issue 15, item 1: AD's "N-2" password-history check. A wrong password that equals one of the
 * user's two previous passwords is refused but does not increase badPwdCount (NTLM and Kerberos,
 * Windows Server 2003 SP1 and later, password history of 3 or more); an older one (N-3) or a random
 * one counts as usual. Source: TechNet wiki 32490 "Active Directory: Bad Passwords and Account
 * Lockout"; shared/reference/entra-behaviour.md, L30.
 */
import { describe, expect, it } from 'vitest';
import { signIn } from '../../harness';
import { holds, inject, out, workingLab } from '../faults/faultHarness';
import type { Lab } from '../../../simulation/facade/lab';

const michael = (lab: Lab) =>
  Object.values(lab.truth().hosts.dc01?.roles.directory?.users ?? {}).find((u) => u.sam === 'michael.brown');
const bad = (lab: Lab) => michael(lab)?.badPwdCount ?? -1;
const message = (lab: Lab) => lab.learnerView().desktops.pc2?.message;

/** An admin resets Michael's password on DC01, so the one before moves into his history. */
function reset(lab: Lab, password: string): void {
  out(
    lab,
    'dc01',
    `Set-ADAccountPassword michael.brown -Reset -NewPassword (ConvertTo-SecureString '${password}' -AsPlainText -Force)`,
  );
  expect(michael(lab)?.password).toBe(password);
}

describe('TechNet wiki 32490: the N-2 history check on bad passwords', () => {
  it('N-1 and N-2 leave badPwdCount where it is; N-3 and a random password make it climb', () => {
    const lab = workingLab();
    reset(lab, 'First#Pass2026a'); // history: Welcome@2026
    reset(lab, 'Second#Pass2026b'); // history: First, Welcome
    reset(lab, 'Third#Pass2026c'); // history: Second (N-1), First (N-2), Welcome (N-3)
    expect(bad(lab)).toBe(0);
    signIn(lab, 'pc2', 'michael.brown', 'Second#Pass2026b');
    expect(message(lab)).toBe('The user name or password is incorrect.');
    expect(bad(lab)).toBe(0);
    signIn(lab, 'pc2', 'michael.brown', 'First#Pass2026a');
    expect(message(lab)).toBe('The user name or password is incorrect.');
    expect(bad(lab)).toBe(0);
    signIn(lab, 'pc2', 'michael.brown', 'Welcome@2026');
    expect(bad(lab)).toBe(1);
    signIn(lab, 'pc2', 'michael.brown', 'Nothing#Like2026');
    expect(bad(lab)).toBe(2);
  });

  it('the refused N-1 try is still logged on DC01 as 4771 with failure code 0x18', () => {
    const lab = workingLab();
    reset(lab, 'First#Pass2026a');
    const t0 = lab.now();
    signIn(lab, 'pc2', 'michael.brown', 'Welcome@2026');
    const security = lab.learnerView().tools.dc01?.events.Security ?? [];
    const failure = security.find((e) => e.time >= t0 && e.eventId === 4771);
    expect(failure?.message).toContain('Failure Code:\t\t0x18');
  });

  it('with a history of 2 or less the rule is off: N-1 counts', () => {
    const lab = workingLab();
    out(lab, 'dc01', 'Set-ADDefaultDomainPasswordPolicy laborhub.store -PasswordHistoryCount 2');
    expect(lab.truth().hosts.dc01?.roles.directory?.policy.historyCount).toBe(2);
    reset(lab, 'First#Pass2026a');
    signIn(lab, 'pc2', 'michael.brown', 'Welcome@2026');
    expect(bad(lab)).toBe(1);
  });
});

describe('L30 (old password from habit) under the N-2 rule', () => {
  it('five tries of the old password never lock Michael out; the new one signs him in', () => {
    const lab = workingLab();
    inject(lab, 'L30');
    for (let i = 0; i < 5; i++) signIn(lab, 'pc2', 'michael.brown', 'Welcome@2026');
    expect(message(lab)).toBe('The user name or password is incorrect.');
    expect(bad(lab)).toBe(0);
    expect(michael(lab)?.lockoutTime).toBe(0);
    signIn(lab, 'pc2', 'michael.brown', 'Renewed#2026z');
    expect(holds(lab, 'L30')).toBe(false);
  });
});
