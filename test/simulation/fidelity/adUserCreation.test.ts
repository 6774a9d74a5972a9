/**
 * Issue 15, "Found by other checks": a learner can create an AD user with net user /add,
 * New-ADUser (and ADUC, in aduc.test.ts), with the checks AD applies, and see it reach the tenant.
 * Sources: Microsoft Learn "Net user" (/add) and NET HELPMSG 2202, 2224, 2245; Microsoft Learn
 * "New-ADUser" (-AccountPassword: "No password is set and the account is disabled unless it is
 * requested to be enabled" … "The user account will still be created"; -Enabled: "An enabled
 * account requires a password"; -Path defaults to the Users container); Microsoft Learn
 * "4720(S): A user account was created.", "4722(S): A user account was enabled."; Microsoft Learn
 * "ADSyncConfig PowerShell Reference" (Get-ADSyncADConnectorAccount); Entra Connect's default
 * "In from AD - User Common" rule (userPrincipalName falls back to sAMAccountName@domain FQDN).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { run, wait } from '../../harness';
import { workingLab } from '../faults/faultHarness';
import type { Lab } from '../../../simulation/facade/lab';

const USERS = 'CN=Users,DC=laborhub,DC=store';
const STAFF = 'OU=Staff,OU=LaborHub,DC=laborhub,DC=store';
const GOOD = 'Spring#Start2026';
const sec = (pw: string) => `(ConvertTo-SecureString "${pw}" -AsPlainText -Force)`;
const trim = (lines: string[]) => {
  const out = [...lines];
  while (out.at(-1) === '') out.pop();
  return out;
};

let lab: Lab;
const cmd = (host: string, line: string) => trim(run(lab, host, line, 'cmd'));
const ps = (host: string, line: string) => run(lab, host, line, 'powershell');
const adUser = (sam: string) => lab.truth().hosts.dc01?.roles.directory?.users[sam.toLowerCase()];
const security = (since: number) =>
  (lab.learnerView().tools.dc01?.events.Security ?? [])
    .filter((e) => e.time >= since && [4720, 4722, 4724, 4725, 4738].includes(e.eventId))
    .sort((a, b) => a.time - b.time || a.recordId - b.recordId);

beforeEach(() => {
  lab = workingLab();
});

describe('net user <name> <password> /add /domain (Microsoft Learn "Net user"; NET HELPMSG texts)', () => {
  it('creates an enabled account in CN=Users, without a UPN, from a member', () => {
    expect(cmd('pc2', `net user jane.doe ${GOOD} /add /domain`)).toEqual([
      'The request will be processed at a domain controller for domain laborhub.store.',
      '',
      'The command completed successfully.',
    ]);
    const u = adUser('jane.doe');
    expect(u?.dn).toBe(`CN=jane.doe,${USERS}`);
    expect(u?.enabled).toBe(true);
    expect(u?.upn).toBe('');
    expect(u?.password).toBe(GOOD);
  });

  it('an existing name answers 2224 "The account already exists." and leaves its password alone', () => {
    const before = adUser('michael.brown')?.password;
    expect(cmd('dc01', `net user michael.brown ${GOOD} /add`)).toEqual([
      'The account already exists.',
      '',
      'More help is available by typing NET HELPMSG 2224.',
    ]);
    expect(adUser('michael.brown')?.password).toBe(before);
  });

  it('a password the policy refuses answers 2245 and creates nothing', () => {
    expect(cmd('dc01', 'net user weak.pw abc /add')).toEqual([
      'The password does not meet the password policy requirements. Check the minimum password length, password complexity and password history requirements.',
      '',
      'More help is available by typing NET HELPMSG 2245.',
    ]);
    expect(adUser('weak.pw')).toBeUndefined();
  });

  it('a name with a character sAMAccountName forbids answers 2202 "The specified username is invalid."', () => {
    expect(cmd('dc01', `net user bad*name ${GOOD} /add`)).toEqual([
      'The specified username is invalid.',
      '',
      'More help is available by typing NET HELPMSG 2202.',
    ]);
    expect(cmd('dc01', 'net helpmsg 2224')).toEqual(['', 'The account already exists.']);
  });
});

describe('New-ADUser (Microsoft Learn "New-ADUser")', () => {
  it('without -AccountPassword: created disabled, no password, pwdLastSet 0, in the Users container', () => {
    const t0 = lab.now();
    expect(ps('dc01', 'New-ADUser "Ann Lee" -SamAccountName ann.lee')).toEqual([]);
    const u = adUser('ann.lee');
    expect(u?.dn).toBe(`CN=Ann Lee,${USERS}`);
    expect(u?.enabled).toBe(false);
    expect(u?.pwdLastSet).toBe(0);
    const created = security(t0).map((e) => e.eventId);
    expect(created).toEqual([4720]);
  });

  it('a refused password: the policy error, and the account still exists, disabled', () => {
    const line = `New-ADUser -Name "Bob Ray" -SamAccountName bob.ray -Path "${STAFF}" -AccountPassword ${sec('abc')} -Enabled $true`;
    const lines = ps('dc01', line);
    expect(lines[0]).toBe(
      'New-ADUser : The password does not meet the length, complexity, or history requirement of the domain.',
    );
    expect(lines).toContain(
      `    + CategoryInfo          : InvalidData: (CN=Bob Ray,${STAFF}:String) [New-ADUser], ADPasswordComplexityException`,
    );
    expect(lines).toContain(
      '    + FullyQualifiedErrorId : ActiveDirectoryServer:1325,Microsoft.ActiveDirectory.Management.Commands.NewADUser',
    );
    expect(adUser('bob.ray')?.enabled).toBe(false);
    // Set-ADAccountPassword and Enable-ADAccount finish the job, as the page says.
    expect(ps('dc01', `Set-ADAccountPassword bob.ray -Reset -NewPassword ${sec(GOOD)}`)).toEqual([]);
    expect(ps('dc01', 'Enable-ADAccount bob.ray')).toEqual([]);
    expect(adUser('bob.ray')?.enabled).toBe(true);
  });

  it('-Enabled $true without a password: an enabled account requires one, so it stays disabled', () => {
    expect(ps('dc01', 'New-ADUser cy -Enabled $true')[0]).toBe(
      'New-ADUser : The password does not meet the length, complexity, or history requirement of the domain.',
    );
    expect(adUser('cy')?.enabled).toBe(false);
    expect(ps('dc01', 'Enable-ADAccount cy')[0]).toBe(
      'Enable-ADAccount : The password does not meet the length, complexity, or history requirement of the domain.',
    );
  });

  it('with a password and -Enabled $true: 4720 (created disabled, UAC 0x15), then 4724, 4722', () => {
    const t0 = lab.now();
    const out = ps(
      'dc01',
      `New-ADUser -Name "Dee Ok" -SamAccountName dee.ok -UserPrincipalName dee.ok@laborhub.store -Path "${STAFF}" -AccountPassword ${sec(GOOD)} -Enabled $true -PassThru`,
    );
    expect(out).toContain(`DistinguishedName : CN=Dee Ok,${STAFF}`);
    expect(out).toContain('Enabled           : True');
    const events = security(t0);
    expect(events.map((e) => e.eventId)).toEqual([4720, 4724, 4738, 4722, 4738]);
    const created = events[0]?.message ?? '';
    expect(created).toMatch(
      /^A user account was created\.\n\nSubject:\n\tSecurity ID:\t\tLABORHUB\\Administrator\n/,
    );
    expect(created).toContain('New Account:\n\tSecurity ID:\t\tLABORHUB\\dee.ok\n\tAccount Name:\t\tdee.ok');
    expect(created).toContain('\tUser Principal Name:\tdee.ok@laborhub.store\n');
    expect(created).toContain('\tPrimary Group ID:\t513\n');
    expect(created).toContain(
      "\tNew UAC Value:\t\t0x15\n\tUser Account Control:\t\n\t\tAccount Disabled\n\t\t'Password Not Required' - Enabled\n\t\t'Normal Account' - Enabled",
    );
    expect(events[3]?.message).toBe(
      'A user account was enabled.\n\nSubject:\n\tSecurity ID:\t\tLABORHUB\\Administrator\n\tAccount Name:\t\tAdministrator\n\tAccount Domain:\t\tLABORHUB\n\tLogon ID:\t\t' +
        /Logon ID:\t\t(0x[0-9A-F]+)/.exec(created)?.[1] +
        '\n\nTarget Account:\n\tSecurity ID:\t\tLABORHUB\\dee.ok\n\tAccount Name:\t\tdee.ok\n\tAccount Domain:\t\tLABORHUB',
    );
  });

  it('an existing sAMAccountName: "The specified account already exists" (ActiveDirectoryServer:1316)', () => {
    const lines = ps('dc01', 'New-ADUser -Name "Dup" -SamAccountName michael.brown');
    expect(lines[0]).toBe('New-ADUser : The specified account already exists');
    expect(lines).toContain(
      `    + CategoryInfo          : ResourceExists: (CN=Dup,${USERS}:String) [New-ADUser], ADIdentityAlreadyExistsException`,
    );
    expect(lines).toContain(
      '    + FullyQualifiedErrorId : ActiveDirectoryServer:1316,Microsoft.ActiveDirectory.Management.Commands.NewADUser',
    );
  });

  it('a name already used in that container: ActiveDirectoryServer:8305', () => {
    const lines = ps('dc01', `New-ADUser -Name "Michael Brown" -SamAccountName mb2 -Path "${STAFF}"`);
    expect(lines[0]).toBe(
      'New-ADUser : An attempt was made to add an object to the directory with a name that is already in use',
    );
    expect(adUser('mb2')).toBeUndefined();
  });
});

describe('a new user reaches the tenant; the connector account is where the docs say (Microsoft Learn "ADSyncConfig PowerShell Reference": Get-ADSyncADConnectorAccount)', () => {
  it('a user without a UPN syncs as sAMAccountName@laborhub.store at the next cycle', () => {
    expect(cmd('dc01', `net user jane.doe ${GOOD} /add`)).toEqual(['The command completed successfully.']);
    expect(lab.truth().tenant.users.some((u) => u.upn === 'jane.doe@laborhub.store')).toBe(false);
    expect(ps('sync01', 'Start-ADSyncSyncCycle -PolicyType Delta').join('\n')).toMatch(/Success/);
    wait(lab, '3m');
    expect(lab.truth().tenant.users.some((u) => u.upn === 'jane.doe@laborhub.store')).toBe(true);
  });

  it('Get-ADSyncADConnectorAccount lists the AD connector, its forest, the MSOL_ account and its domain', () => {
    expect(ps('sync01', 'Get-ADSyncADConnectorAccount')).toEqual([
      '',
      'ADConnectorName ADConnectorForest ADConnectorAccountName ADConnectorAccountDomain',
      '--------------- ----------------- ---------------------- ------------------------',
      'laborhub.store  laborhub.store    MSOL_3f9c2a1b7d44      laborhub.store',
      '',
    ]);
  });
});

describe('dsadd user (Microsoft Learn "Dsadd user")', () => {
  it('creates, sets the password and enables: "dsadd succeeded:<DN>"', () => {
    const dn = `CN=Eve Stone,${STAFF}`;
    expect(
      cmd(
        'dc01',
        `dsadd user "${dn}" -samid eve.stone -upn eve.stone@laborhub.store -pwd ${GOOD} -disabled no`,
      ),
    ).toEqual([`dsadd succeeded:${dn}`]);
    expect(adUser('eve.stone')?.enabled).toBe(true);
    expect(adUser('eve.stone')?.upn).toBe('eve.stone@laborhub.store');
  });

  it('an existing account and a refused password: "dsadd failed:<DN>:<message>" and the help hint', () => {
    expect(cmd('sync01', `dsadd user "CN=Dup Two,${USERS}" -samid michael.brown -pwd ${GOOD}`)).toEqual([
      `dsadd failed:CN=Dup Two,${USERS}:The specified account already exists.`,
      'type dsadd /? for help.',
    ]);
    expect(cmd('dc01', `dsadd user "CN=Weak One,${USERS}" -samid weak.one -pwd abc`)).toEqual([
      `dsadd failed:CN=Weak One,${USERS}:The password does not meet the length, complexity, or history requirement of the domain.`,
      'type dsadd /? for help.',
    ]);
  });
});
