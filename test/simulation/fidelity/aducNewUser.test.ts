/**
 * Issue 15, "Found by other checks": New › User in Active Directory Users and Computers. The wizard
 * (Microsoft Learn, "Create a user account in Active Directory Users and Computers": First name,
 * Initials, Last name, Full name, User logon name with its UPN suffix, pre-Windows 2000 logon name;
 * then Password, Confirm password and the four account options; then Finish) creates the user
 * through the DC, bound as the signed-in administrator, so the domain's password policy decides:
 * a password it refuses gives "Windows cannot set the password for <name> because: The password does
 * not meet the password policy requirements…" and leaves nothing behind.
 */
import { describe, expect, it } from 'vitest';
import { must, newLab, signIn } from '../../harness';
import type { Lab } from '../../../simulation/facade/lab';

const USERS = 'CN=Users,DC=laborhub,DC=store';
const wizard = (over: Record<string, unknown> = {}) => ({
  type: 'createUser',
  parent: USERS,
  firstName: 'Olivia',
  initials: 'K',
  lastName: 'Green',
  fullName: 'Olivia K. Green',
  logonName: 'olivia.green',
  upnSuffix: 'laborhub.store',
  samName: 'olivia.green',
  password: 'Spring#Start2026',
  confirm: 'Spring#Start2026',
  mustChange: false,
  ...over,
});
const create = (lab: Lab, over: Record<string, unknown> = {}) => {
  must(lab, { type: 'aduc.action', host: 'dc01', action: wizard(over) });
  return lab.learnerView().aduc?.lastResult;
};
const adUser = (lab: Lab, sam: string) => lab.truth().hosts.dc01?.roles.directory?.users[sam];

describe('ADUC New › User (Microsoft Learn, create a user account in ADUC)', () => {
  it('Finish creates the account in the container, with its names, UPN and password; it signs in on PC2', () => {
    const lab = newLab();
    expect(create(lab)).toMatchObject({ ok: true });
    const u = adUser(lab, 'olivia.green');
    expect(u).toMatchObject({
      sam: 'olivia.green',
      upn: 'olivia.green@laborhub.store',
      givenName: 'Olivia',
      surname: 'Green',
      displayName: 'Olivia K. Green',
      enabled: true,
    });
    expect(u?.dn).toBe(`CN=Olivia K. Green,${USERS}`);
    expect(lab.learnerView().aduc?.users.some((x) => x.sam === 'olivia.green')).toBe(true);
    signIn(lab, 'pc2', 'olivia.green', 'Spring#Start2026');
    expect(lab.learnerView().desktops.pc2?.screen).toBe('desktop');
  });

  it('a password the policy refuses: the real message, and no account is left behind', () => {
    const lab = newLab();
    expect(create(lab, { password: 'short', confirm: 'short' })).toMatchObject({
      ok: false,
      title: 'Active Directory Domain Services',
      message:
        'Windows cannot set the password for Olivia K. Green because:\nThe password does not meet the password policy requirements. Check the minimum password length, password complexity and password history requirements.',
    });
    expect(adUser(lab, 'olivia.green')).toBeUndefined();
  });

  it('the options: must change at next logon (pwdLastSet 0), cannot change, disabled', () => {
    const lab = newLab();
    create(lab, { mustChange: true, cannotChange: true, disabled: true });
    expect(adUser(lab, 'olivia.green')).toMatchObject({
      pwdLastSet: 0,
      enabled: false,
      cannotChangePassword: true,
    });
  });

  it('passwords that differ are refused before anything reaches the DC; a taken logon name is reported', () => {
    const lab = newLab();
    expect(create(lab, { confirm: 'Other#Pass2026' })?.message).toBe(
      'The passwords do not match. Type the password again.',
    );
    expect(adUser(lab, 'olivia.green')).toBeUndefined();
    expect(create(lab, { samName: 'michael.brown', fullName: 'Second Michael' })?.message).toMatch(
      /^Windows cannot create the object Second Michael because:\n/,
    );
  });
});
