import { beforeEach, describe, expect, it } from 'vitest';
import { must, newLab, run } from '../../../../harness';
import { presetDefinition } from '../../../../../simulation/lab/presets';
import type { Lab } from '../../../../../simulation/facade/lab';
import type { AdUser } from '../../../../../simulation/roles/directory';

const DOMAIN_DN = 'DC=laborhub,DC=store';
const MICHAEL_DN = `CN=Michael Brown,OU=Staff,OU=LaborHub,${DOMAIN_DN}`;
const STAFF_OU = `OU=Staff,OU=LaborHub,${DOMAIN_DN}`;
const MSOL = 'MSOL_3f9c2a1b7d44';
const NS = 'Microsoft.ActiveDirectory.Management';
const NOT_FOUND_ID = `ActiveDirectoryCmdlet:${NS}.ADIdentityNotFoundException,${NS}.Commands`;
const DEFAULT_SERVER = 'Unable to find a default server with Active Directory Web Services running.';
const SERVER_DOWN =
  'Unable to contact the server. This may be because this server does not exist, it is currently down, or it does not have the Active Directory Web Services running.';
const POLICY = 'The password does not meet the length, complexity, or history requirement of the domain.';
const NEW_PW = (pw: string) => `(ConvertTo-SecureString "${pw}" -AsPlainText -Force)`;

let lab: Lab;
const ps = (host: string, line: string) => run(lab, host, line, 'powershell');
/** cmd.exe's output without the blank lines before the next prompt (the console adds one after some commands). */
const trimTrailing = (lines: string[]) => {
  const out = [...lines];
  while (out.at(-1) === '') out.pop();
  return out;
};
const cmd = (host: string, line: string) => trimTrailing(run(lab, host, line, 'cmd'));
const holds = (id: string) => lab.faultStatus().find((f) => f.id === id)?.holds;
const inject = (fault: string) => must(lab, { type: 'fault.inject', fault });

function adUser(sam: string): AdUser {
  const u = lab.truth().hosts.dc01?.roles.directory?.users[sam.toLowerCase()];
  if (!u) throw new Error(`no AD user ${sam}`);
  return u;
}

/** Get-ADUser's default record for Michael, as Format-List prints it. */
function michaelDefault(extra: [string, string][] = []): string[] {
  const u = adUser('michael.brown');
  const rows: [string, string][] = [
    ['DistinguishedName', MICHAEL_DN],
    ['Enabled', 'True'],
    ['GivenName', 'Michael'],
    ['Name', 'Michael Brown'],
    ['ObjectClass', 'user'],
    ['ObjectGUID', u.guid],
    ['SamAccountName', 'michael.brown'],
    ['SID', u.sid],
    ['Surname', 'Brown'],
    ['UserPrincipalName', 'michael.brown@laborhub.store'],
    ...extra,
  ];
  // With -Properties the module sorts every property by name; without, the default set is already sorted.
  rows.sort(([a], [b]) => a.toLowerCase().localeCompare(b.toLowerCase()));
  const width = Math.max(...rows.map(([k]) => k.length));
  return ['', ...rows.map(([k, v]) => `${k.padEnd(width)} : ${v}`.trimEnd()), '', ''];
}

/** A cmdlet's error record as PowerShell 5.1 prints it for the whole command. */
function cmdletError(line: string, name: string, message: string, info: string, errorId: string): string[] {
  return [
    `${name} : ${message}`,
    'At line:1 char:1',
    `+ ${line}`,
    `+ ${'~'.repeat(line.length)}`,
    `    + CategoryInfo          : ${info}`,
    `    + FullyQualifiedErrorId : ${errorId}`,
    '',
  ];
}

beforeEach(() => {
  lab = newLab({ definition: presetDefinition('configured') });
});

describe('Get-ADUser', () => {
  it('prints the default properties of a user found by sAMAccountName, UPN or DN', () => {
    expect(ps('dc01', 'Get-ADUser michael.brown')).toEqual(michaelDefault());
    expect(ps('sync01', 'Get-ADUser -Identity michael.brown@laborhub.store')).toEqual(michaelDefault());
    expect(ps('sync01', `Get-ADUser "${MICHAEL_DN}"`)).toEqual(michaelDefault());
  });

  it('adds the asked properties and sorts them all alphabetically', () => {
    expect(ps('dc01', 'Get-ADUser michael.brown -Properties adminCount,LockedOut,Title')).toEqual(
      michaelDefault([
        ['adminCount', ''],
        ['LockedOut', 'False'],
        ['Title', 'Sales Representative'],
      ]),
    );
  });

  it('shows adminCount 1 once the user is in Domain Admins (L10)', () => {
    inject('L10');
    const lines = ps('dc01', 'Get-ADUser michael.brown -Properties adminCount,MemberOf');
    expect(lines).toContain('adminCount        : 1');
    expect(lines).toContain(
      `MemberOf          : {CN=Sales,OU=Groups,OU=LaborHub,${DOMAIN_DN}, CN=SSPR Users,OU=Groups,OU=LaborHub,${DOMAIN_DN}, CN=Domain Admins,CN=Users,${DOMAIN_DN}}`,
    );
  });

  it('prints the module error for an unknown identity', () => {
    const line = 'Get-ADUser nobody.here';
    expect(ps('dc01', line)).toEqual(
      cmdletError(
        line,
        'Get-ADUser',
        `Cannot find an object with identity: 'nobody.here' under: '${DOMAIN_DN}'.`,
        'ObjectNotFound: (nobody.here:ADUser) [Get-ADUser], ADIdentityNotFoundException',
        `${NOT_FOUND_ID}.GetADUser`,
      ),
    );
  });

  it('finds users with -Filter on Name, in a -SearchBase, with a script block', () => {
    const names = (lines: string[]) =>
      lines.filter((l) => l.startsWith('SamAccountName')).map((l) => l.split(': ')[1]);
    expect(names(ps('dc01', `Get-ADUser -Filter "Name -like 'Mich*'"`))).toEqual(['michael.brown']);
    expect(
      names(
        ps('dc01', `Get-ADUser -Filter {Enabled -eq $true} -SearchBase "OU=IT,OU=LaborHub,${DOMAIN_DN}"`),
      ),
    ).toEqual(['sophia.nguyen', 'daniel.kim']);
    expect(
      names(ps('dc01', `Get-ADUser -Filter "SamAccountName -eq 'emma.wilson' -or Surname -eq 'Kim'"`)),
    ).toEqual(['emma.wilson', 'daniel.kim']);
    expect(ps('dc01', `Get-ADUser -Filter "Name -eq 'Nobody'"`)).toEqual([]);
  });

  it('reports a filter it cannot parse and one naming an unknown attribute', () => {
    const bad = `Get-ADUser -Filter "Name = 'x'"`;
    expect(ps('dc01', bad)[0]).toBe(
      "Get-ADUser : Error parsing query: 'Name = 'x'' Error Message: 'syntax error' at position: '6'.",
    );
    expect(ps('dc01', `Get-ADUser -Filter "Shoe -eq 1"`)[0]).toBe(
      'Get-ADUser : The search filter cannot be recognized',
    );
    expect(ps('dc01', `Get-ADUser -Filter * -SearchBase "OU=Nope,${DOMAIN_DN}"`)[0]).toBe(
      'Get-ADUser : Directory object not found',
    );
  });

  it('gives PowerShell binding and parameter-set errors', () => {
    expect(ps('dc01', 'Get-ADUser michael.brown -Prop nothing')[0]).toBe(
      'Get-ADUser : One or more properties are invalid.',
    );
    expect(ps('dc01', 'Get-ADUser -Shoe 1')[0]).toBe(
      "Get-ADUser : A parameter cannot be found that matches parameter name 'Shoe'.",
    );
    expect(ps('dc01', 'Get-ADUser michael.brown -Filter *')[0]).toBe(
      'Get-ADUser : Parameter set cannot be resolved using the specified named parameters.',
    );
    expect(ps('dc01', 'Get-ADUser')[0]).toBe(
      'Get-ADUser : Cannot process command because of one or more missing mandatory parameters: Filter.',
    );
  });

  it('does not exist on a client PC, where PowerShell does not know the name', () => {
    expect(ps('pc2', 'Get-ADUser michael.brown')[0]).toBe(
      "Get-ADUser : The term 'Get-ADUser' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.",
    );
  });

  it('cannot find a DC when the DC is off', () => {
    must(lab, { type: 'host.power', host: 'dc01', on: false });
    const line = 'Get-ADUser michael.brown';
    expect(ps('sync01', line)).toEqual(
      cmdletError(
        line,
        'Get-ADUser',
        DEFAULT_SERVER,
        'ResourceUnavailable: (michael.brown:ADUser) [Get-ADUser], ADServerDownException',
        `ActiveDirectoryServer:1355,${NS}.Commands.GetADUser`,
      ),
    );
  });

  it('cannot reach ADWS when the service is stopped, while net.exe (SAMR) still works', () => {
    must(lab, { type: 'service.stop', host: 'dc01', service: 'ADWS' });
    const line = 'Get-ADUser michael.brown';
    expect(ps('sync01', line)).toEqual(
      cmdletError(
        line,
        'Get-ADUser',
        SERVER_DOWN,
        'ResourceUnavailable: (michael.brown:ADUser) [Get-ADUser], ADServerDownException',
        `ActiveDirectoryServer:0,${NS}.Commands.GetADUser`,
      ),
    );
    expect(cmd('sync01', 'net user michael.brown /domain')).toContain(
      'User name                    michael.brown',
    );
    must(lab, { type: 'service.start', host: 'dc01', service: 'ADWS' });
    expect(ps('sync01', line)).toEqual(michaelDefault());
  });

  it('says the server is down for a -Server name that does not resolve', () => {
    expect(ps('sync01', 'Get-ADUser michael.brown -Server dc99')[0]).toBe(`Get-ADUser : ${SERVER_DOWN}`);
    expect(ps('sync01', 'Get-ADUser michael.brown -Server dc01.laborhub.store')).toEqual(michaelDefault());
  });
});

describe('fixing a protected user (L10) with Remove-ADGroupMember, Set-ADUser and dsacls', () => {
  it('clears the fault only when adminCount is cleared and inheritance is back on', () => {
    inject('L10');
    expect(
      ps('sync01', 'Get-ADSyncObjectsWithInheritanceDisabled -SearchBase laborhub.store -ObjectClass user'),
    ).toContain(`DistinguishedName     : ${MICHAEL_DN}`);
    expect(
      ps('dc01', 'Remove-ADGroupMember -Identity "Domain Admins" -Members michael.brown -Confirm:$false'),
    ).toEqual([]);
    expect(holds('L10')).toBe(true);
    expect(ps('dc01', 'Set-ADUser michael.brown -Clear adminCount')).toEqual([]);
    expect(ps('dc01', 'Get-ADUser michael.brown -Properties adminCount')).toContain('adminCount        :');
    expect(holds('L10')).toBe(true);
    expect(cmd('dc01', `dsacls "${MICHAEL_DN}" /P:N`).at(-1)).toBe('The command completed successfully');
    expect(holds('L10')).toBe(false);
    expect(
      ps('sync01', 'Get-ADSyncObjectsWithInheritanceDisabled -SearchBase laborhub.store -ObjectClass user'),
    ).not.toContain(`DistinguishedName     : ${MICHAEL_DN}`);
  });

  it('sets attributes with -Replace and rejects what is not a hashtable or not an attribute', () => {
    expect(
      ps('dc01', `Set-ADUser michael.brown -Replace @{adminCount=1; mobile='+1 5550100'} -Description "VIP"`),
    ).toEqual([]);
    const lines = ps('dc01', 'Get-ADUser michael.brown -Properties adminCount,mobile,Description');
    expect(lines).toEqual(
      expect.arrayContaining([
        'adminCount        : 1',
        'mobile            : +1 5550100',
        'Description       : VIP',
      ]),
    );
    expect(ps('dc01', 'Set-ADUser michael.brown -Replace adminCount=0')[0]).toBe(
      `Set-ADUser : Cannot bind parameter 'Replace'. Cannot convert the "adminCount=0" value of type "System.String" to type "System.Collections.Hashtable".`,
    );
    expect(ps('dc01', 'Set-ADUser michael.brown -Replace @{shoeSize=44}').slice(0, 2)).toEqual([
      'Set-ADUser : The specified directory service attribute or value does not exist',
      'Parameter name: shoeSize',
    ]);
    expect(ps('dc01', 'Set-ADUser michael.brown -Replace @{adminCount=0')[0]).toBe(
      'The hash literal was incomplete.',
    );
  });

  it('disables and enables an account', () => {
    ps('dc01', 'Disable-ADAccount michael.brown');
    expect(adUser('michael.brown').enabled).toBe(false);
    expect(cmd('pc2', 'net user michael.brown /domain')).toContain('Account active               No');
    ps('dc01', 'Enable-ADAccount -Identity michael.brown');
    expect(adUser('michael.brown').enabled).toBe(true);
  });
});

describe('a locked-out account (L14)', () => {
  it('is found by Search-ADAccount and unlocked by Unlock-ADAccount', () => {
    inject('L14');
    const found = ps('sync01', 'Search-ADAccount -LockedOut -UsersOnly');
    expect(found).toContain(`DistinguishedName     : ${MICHAEL_DN}`);
    expect(found).toContain('LockedOut             : True');
    expect(ps('dc01', 'Get-ADUser michael.brown -Properties LockedOut')).toContain(
      'LockedOut         : True',
    );
    expect(cmd('pc2', 'net user michael.brown /domain')).toContain('Account active               Locked');
    expect(ps('sync01', 'Unlock-ADAccount -Identity michael.brown')).toEqual([]);
    expect(holds('L14')).toBe(false);
    expect(ps('sync01', 'Search-ADAccount -LockedOut -UsersOnly')).toEqual([]);
    expect(adUser('michael.brown').badPwdCount).toBe(0);
  });

  it('needs one search switch', () => {
    expect(ps('dc01', 'Search-ADAccount -UsersOnly')[0]).toBe(
      'Search-ADAccount : Parameter set cannot be resolved using the specified named parameters.',
    );
  });
});

describe('Set-ADAccountPassword', () => {
  it('resets a password the domain policy accepts, and rejects one it does not', () => {
    const short = `Set-ADAccountPassword -Identity michael.brown -Reset -NewPassword ${NEW_PW('abc')}`;
    expect(ps('sync01', short)).toEqual(
      cmdletError(
        short,
        'Set-ADAccountPassword',
        POLICY,
        'InvalidData: (michael.brown:ADAccount) [Set-ADAccountPassword], ADPasswordComplexityException',
        `ActiveDirectoryServer:1325,${NS}.Commands.SetADAccountPassword`,
      ),
    );
    expect(adUser('michael.brown').password).toBe('Welcome@2026');
    expect(
      ps('sync01', `Set-ADAccountPassword michael.brown -Reset -NewPassword ${NEW_PW('Pa$$w0rd1!')}`),
    ).toEqual([]);
    expect(adUser('michael.brown').password).toBe('Pa$$w0rd1!');
  });

  it('is denied when an ACE denies the administrators Reset Password on the user', () => {
    const grant = cmd('dc01', `dsacls "${MICHAEL_DN}" /D "LABORHUB\\Domain Admins:CA;Reset Password"`);
    expect(grant).toContain('Deny  LABORHUB\\Domain Admins          Reset Password');
    const line = `Set-ADAccountPassword michael.brown -Reset -NewPassword ${NEW_PW('Pa$$w0rd1!')}`;
    expect(ps('dc01', line)).toEqual(
      cmdletError(
        line,
        'Set-ADAccountPassword',
        'Access is denied',
        'PermissionDenied: (michael.brown:ADAccount) [Set-ADAccountPassword], UnauthorizedAccessException',
        `ActiveDirectoryCmdlet:System.UnauthorizedAccessException,${NS}.Commands.SetADAccountPassword`,
      ),
    );
  });

  it('changes a password with the old one, and reports a wrong old password', () => {
    const wrong = ps(
      'dc01',
      `Set-ADAccountPassword michael.brown -OldPassword ${NEW_PW('nope')} -NewPassword ${NEW_PW('Zz9!change')}`,
    );
    expect(wrong[0]).toBe('Set-ADAccountPassword : The specified network password is not correct.');
    expect(
      ps(
        'dc01',
        `Set-ADAccountPassword michael.brown -OldPassword ${NEW_PW('Welcome@2026')} -NewPassword ${NEW_PW('Zz9!change')}`,
      ),
    ).toEqual([]);
    expect(adUser('michael.brown').password).toBe('Zz9!change');
  });

  it('does not prompt: a lab note instead of the password prompts, real errors for bad values', () => {
    expect(ps('dc01', 'Set-ADAccountPassword michael.brown -Reset')).toEqual([
      'HybridLab: this console cannot answer interactive prompts. Give the password on the command line, e.g. -NewPassword (ConvertTo-SecureString "P@ssw0rd!" -AsPlainText -Force).',
    ]);
    expect(
      ps('dc01', 'Set-ADAccountPassword michael.brown -Reset -NewPassword (Read-Host -AsSecureString)')[0],
    ).toMatch(/^HybridLab: Read-Host -AsSecureString/);
    expect(ps('dc01', 'Set-ADAccountPassword michael.brown -Reset -NewPassword "Pa$$w0rd1!"')[0]).toBe(
      `Set-ADAccountPassword : Cannot bind parameter 'NewPassword'. Cannot convert the "Pa$$w0rd1!" value of type "System.String" to type "System.Security.SecureString".`,
    );
    expect(
      ps(
        'dc01',
        'Set-ADAccountPassword michael.brown -Reset -NewPassword (ConvertTo-SecureString "Pa$$w0rd1!" -AsPlainText)',
      )[0],
    ).toBe(
      'ConvertTo-SecureString : The system cannot protect plain text input. To suppress this warning and convert the plain text to a SecureString, reissue the command specifying the Force parameter. For more information ,type: get-help ConvertTo-SecureString.',
    );
    expect(
      ps('dc01', 'Set-ADAccountPassword michael.brown -Reset -NewPassword (ConvertTo-SecureString "x"')[0],
    ).toBe("Missing closing ')' in expression.");
    expect(adUser('michael.brown').password).toBe('Welcome@2026');
  });
});

describe('the domain password policy', () => {
  const POLICY_LIST = (minAge: string, guid: string) => [
    '',
    'ComplexityEnabled           : True',
    `DistinguishedName           : ${DOMAIN_DN}`,
    'LockoutDuration             : 00:30:00',
    'LockoutObservationWindow    : 00:30:00',
    'LockoutThreshold            : 5',
    'MaxPasswordAge              : 42.00:00:00',
    `MinPasswordAge              : ${minAge}`,
    'MinPasswordLength           : 7',
    'objectClass                 : {domainDNS}',
    `objectGuid                  : ${guid}`,
    'PasswordHistoryCount        : 24',
    'ReversibleEncryptionEnabled : False',
    '',
    '',
  ];
  const guid = () => presetDefinition('configured').domain.domainGuid;

  it('Get-ADDefaultDomainPasswordPolicy shows it, and L11 raises the minimum age', () => {
    expect(ps('sync01', 'Get-ADDefaultDomainPasswordPolicy')).toEqual(POLICY_LIST('00:00:00', guid()));
    inject('L11');
    expect(ps('sync01', 'Get-ADDefaultDomainPasswordPolicy -Identity laborhub.store')).toEqual(
      POLICY_LIST('1.00:00:00', guid()),
    );
  });

  it('Set-ADDefaultDomainPasswordPolicy fixes L11 and changes lockout settings', () => {
    inject('L11');
    expect(
      ps(
        'dc01',
        'Set-ADDefaultDomainPasswordPolicy -Identity laborhub.store -MinPasswordAge 0 -LockoutDuration 00:45:00 -LockoutThreshold 10 -ComplexityEnabled $true',
      ),
    ).toEqual([]);
    expect(holds('L11')).toBe(false);
    const policy = lab.truth().hosts.dc01?.roles.directory?.policy;
    expect(policy).toMatchObject({
      minAgeDays: 0,
      lockoutDurationMinutes: 45,
      lockoutThreshold: 10,
      complexity: true,
    });
  });

  it('rejects a bad TimeSpan, another domain and a non-Boolean switch value', () => {
    expect(
      ps('dc01', 'Set-ADDefaultDomainPasswordPolicy -Identity laborhub.store -MinPasswordAge soon')[0],
    ).toBe(
      `Set-ADDefaultDomainPasswordPolicy : Cannot bind parameter 'MinPasswordAge'. Cannot convert value "soon" to type "System.TimeSpan". Error: "String was not recognized as a valid TimeSpan."`,
    );
    expect(ps('dc01', 'Set-ADDefaultDomainPasswordPolicy -Identity contoso.com -MinPasswordAge 0')[0]).toBe(
      `Set-ADDefaultDomainPasswordPolicy : Cannot find an object with identity: 'contoso.com' under: '${DOMAIN_DN}'.`,
    );
    expect(ps('dc01', 'Set-ADDefaultDomainPasswordPolicy laborhub.store -ComplexityEnabled yes')[0]).toMatch(
      /Cannot process argument transformation on parameter 'ComplexityEnabled'/,
    );
  });
});

describe('net.exe', () => {
  const accounts = (minAge: number, role: string) => [
    'Force user logoff how long after time expires?:       Never',
    `Minimum password age (days):                          ${minAge}`,
    'Maximum password age (days):                          42',
    'Minimum password length:                              7',
    'Length of password history maintained:                24',
    'Lockout threshold:                                    5',
    'Lockout duration (minutes):                           30',
    'Lockout observation window (minutes):                 30',
    `Computer role:                                        ${role}`,
    'The command completed successfully.',
  ];
  const PROCESSED = ['The request will be processed at a domain controller for domain laborhub.store.', ''];

  it('net accounts shows the domain policy (reference §6.6), with the minimum age L11 sets', () => {
    expect(cmd('dc01', 'net accounts')).toEqual(accounts(0, 'PRIMARY'));
    inject('L11');
    expect(cmd('pc2', 'net accounts /domain')).toEqual([...PROCESSED, ...accounts(1, 'PRIMARY')]);
    expect(cmd('pc2', 'net accounts')).toEqual(accounts(1, 'WORKSTATION'));
  });

  it('net user /domain prints the whole account, with "Password changeable" in the future under L11', () => {
    const record = (changeable: string) => [
      ...PROCESSED,
      'User name                    michael.brown',
      'Full Name                    Michael Brown',
      'Comment',
      "User's comment",
      'Country/region code          000 (System Default)',
      'Account active               Yes',
      'Account expires              Never',
      '',
      `Password last set            ${changeable === '1/31/2026 8:00:00 AM' ? changeable : '3/2/2026 8:00:00 AM'}`,
      `Password expires             ${changeable === '1/31/2026 8:00:00 AM' ? '3/14/2026 8:00:00 AM' : '4/13/2026 8:00:00 AM'}`,
      `Password changeable          ${changeable}`,
      'Password required            Yes',
      'User may change password     Yes',
      '',
      'Workstations allowed         All',
      'Logon script',
      'User profile',
      'Home directory',
      'Last logon                   Never',
      '',
      'Logon hours allowed          All',
      '',
      'Local Group Memberships',
      'Global Group memberships     *Domain Users         *Sales',
      '                             *SSPR Users',
      'The command completed successfully.',
    ];
    expect(cmd('pc2', 'net user michael.brown /domain')).toEqual(record('1/31/2026 8:00:00 AM'));
    inject('L11');
    expect(ps('pc2', 'net user michael.brown /domain')).toEqual([...record('3/3/2026 8:00:00 AM'), '']);
  });

  it('net user without /domain on a member looks in the local SAM', () => {
    expect(cmd('pc2', 'net user michael.brown')).toEqual([
      'The user name could not be found.',
      '',
      'More help is available by typing NET HELPMSG 2221.',
    ]);
    expect(cmd('dc01', 'net user nobody')[0]).toBe('The user name could not be found.');
  });

  it('net user <name> <password> /domain resets under the policy', () => {
    expect(cmd('sync01', 'net user michael.brown abc /domain')).toEqual([
      ...PROCESSED,
      'The password does not meet the password policy requirements. Check the minimum password length, password complexity and password history requirements.',
      '',
      'More help is available by typing NET HELPMSG 2245.',
    ]);
    expect(cmd('sync01', 'net user michael.brown N3w!Passw0rd /domain')).toEqual([
      ...PROCESSED,
      'The command completed successfully.',
    ]);
    expect(adUser('michael.brown').password).toBe('N3w!Passw0rd');
  });

  it('net group lists Domain Admins members, only on a DC or with /domain', () => {
    inject('L10');
    expect(cmd('dc01', 'net group "Domain Admins"')).toEqual([
      'Group name     Domain Admins',
      'Comment        Designated administrators of the domain',
      '',
      'Members',
      '',
      '-'.repeat(79),
      'Administrator            michael.brown',
      'The command completed successfully.',
    ]);
    expect(cmd('pc2', 'net group "Domain Admins"')[0]).toBe(
      'This command can be used only on a Windows Domain Controller.',
    );
  });

  it('net stop / net start drive the service catalog', () => {
    expect(cmd('sync01', 'net stop ADSync')).toEqual([
      'The Microsoft Azure AD Sync service is stopping.',
      'The Microsoft Azure AD Sync service was stopped successfully.',
    ]);
    expect(holds('L6')).toBeUndefined();
    expect(lab.truth().hosts.sync01?.host.services.ADSync?.status).toBe('Stopped');
    expect(cmd('sync01', 'net stop adsync')[0]).toBe('The Microsoft Azure AD Sync service is not started.');
    expect(cmd('sync01', 'net start "Microsoft Azure AD Sync"')).toEqual([
      'The Microsoft Azure AD Sync service is starting.',
      'The Microsoft Azure AD Sync service was started successfully.',
    ]);
    expect(cmd('sync01', 'net start adsync')[0]).toBe('The requested service has already been started.');
    expect(cmd('sync01', 'net start shoes')).toEqual([
      'The service name is invalid.',
      '',
      'More help is available by typing NET HELPMSG 2185.',
    ]);
    expect(cmd('sync01', 'net start')).toContain('   Microsoft Azure AD Sync');
  });

  it('net stop asks before stopping dependants, and /y answers', () => {
    const asked = cmd('dc01', 'net stop NTDS');
    expect(asked).toContain('Do you want to continue this operation? (Y/N) [N]:');
    expect(lab.truth().hosts.dc01?.host.services.NTDS?.status).toBe('Running');
    cmd('dc01', 'net stop NTDS /y');
    expect(lab.truth().hosts.dc01?.host.services.ADWS?.status).toBe('Stopped');
    cmd('dc01', 'net start ADWS');
    expect(lab.truth().hosts.dc01?.host.services.NTDS?.status).toBe('Running');
  });

  it('prints the usage for an unknown subcommand, and 1355 when no DC answers', () => {
    expect(cmd('pc2', 'net shoes')[0]).toBe('The syntax of this command is:');
    must(lab, { type: 'host.power', host: 'dc01', on: false });
    expect(cmd('pc2', 'net user michael.brown /domain')).toEqual([
      ...PROCESSED,
      'System error 1355 has occurred.',
      '',
      'The specified domain either does not exist or could not be contacted.',
    ]);
  });
});

describe('dsacls and the ADSyncConfig module', () => {
  it('shows the lost replication right (L20), and Set-ADSyncPasswordHashSyncPermissions gives it back', () => {
    const ALL = `Allow LABORHUB\\${MSOL}      Replicating Directory Changes All`;
    expect(cmd('dc01', `dsacls "${DOMAIN_DN}"`)).toContain(ALL);
    inject('L20');
    expect(cmd('dc01', `dsacls "${DOMAIN_DN}"`)).not.toContain(ALL);
    const out = ps(
      'sync01',
      `Set-ADSyncPasswordHashSyncPermissions -ADConnectorAccountName ${MSOL} -ADConnectorAccountDomain laborhub.store`,
    );
    expect(out.slice(0, 6)).toEqual([
      '',
      'Confirm',
      'Are you sure you want to perform this action?',
      'Performing the operation "Grant Password Hash Synchronization permissions" on target "laborhub.store".',
      '[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is "Y"): Y',
      `Grant permissions on all Domains : AD Domain '${DOMAIN_DN}'...`,
    ]);
    expect(out).toContain(ALL);
    expect(out.at(-1)).toBe(
      `Grant permissions on all Domains : Skipping permissions on AdminSDHolder container of '${DOMAIN_DN}'.`,
    );
    expect(holds('L20')).toBe(false);
  });

  it('shows an explicit deny on the OU inherited by the user, and dsacls /R removes it', () => {
    // An over-eager admin denied the connector account "Reset Password" on the Staff OU.
    must(lab, {
      type: 'backstage.ad',
      op: {
        op: 'ace',
        add: true,
        ace: {
          trustee: MSOL,
          right: 'Reset Password',
          on: STAFF_OU,
          appliesTo: 'descendant-users',
          allow: false,
        },
      },
    });
    const DENY = `Deny  LABORHUB\\${MSOL}      Reset Password   <Inherited from parent>`;
    expect(cmd('sync01', `dsacls "${MICHAEL_DN}"`)).toContain(DENY);
    // Granting again does not help: the deny wins.
    ps(
      'sync01',
      `Set-ADSyncPasswordWritebackPermissions -ADConnectorAccountName ${MSOL} -ADConnectorAccountDomain laborhub.store -Confirm:$false`,
    );
    const denied = () =>
      cmd('dc01', `dsacls "${MICHAEL_DN}"`).some((l) => l.startsWith('Deny') && l.includes('Reset Password'));
    expect(denied()).toBe(true);
    const removed = cmd('sync01', `dsacls "${STAFF_OU}" /R LABORHUB\\${MSOL}`);
    expect(removed.at(-1)).toBe('The command completed successfully');
    expect(cmd('sync01', `dsacls "${MICHAEL_DN}"`)).not.toContain(DENY);
  });

  it('shows the OU with inheritance disabled (L9); dsacls /P:N turns it back on', () => {
    inject('L9');
    expect(holds('L9')).toBe(true);
    expect(cmd('dc01', `dsacls "${STAFF_OU}" /P:N`).at(-1)).toBe('The command completed successfully');
    expect(holds('L9')).toBe(false);
  });

  it('grants with /G and writeback permissions on one OU with -ADobjectDN', () => {
    const own = `Allow LABORHUB\\${MSOL}      SPECIAL ACCESS for lockoutTime`;
    expect(cmd('dc01', `dsacls "${STAFF_OU}"`)).not.toContain(own);
    const out = ps(
      'sync01',
      `Set-ADSyncPasswordWritebackPermissions -ADConnectorAccountName ${MSOL} -ADConnectorAccountDomain laborhub.store -ADobjectDN "${STAFF_OU}" -Confirm:$false`,
    );
    expect(out[0]).toBe(`Grant permissions on AD object : Setting permissions on AD object '${STAFF_OU}'...`);
    expect(out).toContain(own);
    const granted = cmd('dc01', `dsacls "${STAFF_OU}" /G "LABORHUB\\daniel.kim:CA;Reset Password;user" /I:S`);
    expect(granted).toContain('Allow LABORHUB\\daniel.kim             Reset Password');
  });

  it('reports objects and trustees that do not exist, and is missing on client PCs', () => {
    expect(cmd('dc01', `dsacls "OU=Nope,${DOMAIN_DN}"`)).toEqual([
      'There is no such object on the server.',
      'The command failed to complete successfully.',
    ]);
    expect(cmd('dc01', `dsacls "${STAFF_OU}" /G "LABORHUB\\nobody:CA;Reset Password;user"`)[0]).toBe(
      'No mapping between account names and security IDs was done.',
    );
    expect(cmd('pc2', 'dsacls')).toEqual([
      "'dsacls' is not recognized as an internal or external command,",
      'operable program or batch file.',
    ]);
    expect(
      ps(
        'sync01',
        `Set-ADSyncPasswordWritebackPermissions -ADConnectorAccountName nobody -ADConnectorAccountDomain laborhub.store`,
      )[0],
    ).toBe("Resolve AD object : Unable to find 'nobody' in AD Forest.");
  });
});

describe('groups and computers', () => {
  it('Add-ADGroupMember puts a user in Domain Admins, Get-ADGroupMember lists it', () => {
    expect(ps('dc01', 'Add-ADGroupMember -Identity "Domain Admins" -Members michael.brown')).toEqual([]);
    expect(adUser('michael.brown').adminCount).toBe(1);
    const members = ps('sync01', 'Get-ADGroupMember "Domain Admins"');
    expect(members.filter((l) => l.startsWith('SamAccountName'))).toEqual([
      'SamAccountName    : Administrator',
      'SamAccountName    : michael.brown',
    ]);
    expect(ps('dc01', 'Add-ADGroupMember -Identity "Domain Adminz" -Members michael.brown')[0]).toBe(
      `Add-ADGroupMember : Cannot find an object with identity: 'Domain Adminz' under: '${DOMAIN_DN}'.`,
    );
    expect(ps('dc01', 'Add-ADGroupMember "Domain Admins" nobody')[0]).toBe(
      `Add-ADGroupMember : Cannot find an object with identity: 'nobody' under: '${DOMAIN_DN}'.`,
    );
  });

  it('Get-ADPrincipalGroupMembership includes the primary group', () => {
    const names = ps('dc01', 'Get-ADPrincipalGroupMembership michael.brown').filter((l) =>
      l.startsWith('name'),
    );
    expect(names).toEqual([
      'name              : Domain Users',
      'name              : Sales',
      'name              : SSPR Users',
    ]);
  });

  it('Get-ADGroup and Get-ADComputer print their default properties', () => {
    const g = ps('dc01', 'Get-ADGroup "Domain Admins"');
    expect(g).toContain('GroupScope        : Global');
    expect(g.find((l) => l.startsWith('SID'))).toMatch(/^SID {15}: S-1-5-21-\d+-\d+-\d+-512$/);
    const pc = ps('sync01', 'Get-ADComputer PC2 -Properties OperatingSystem');
    expect(pc).toContain(`DistinguishedName : CN=PC2,OU=Workstations,OU=LaborHub,${DOMAIN_DN}`);
    expect(pc).toContain('DNSHostName       : pc2.laborhub.store');
    expect(pc).toContain('SamAccountName    : PC2$');
    expect(pc.some((l) => l.startsWith('OperatingSystem   : Windows'))).toBe(true);
    expect(ps('sync01', 'Get-ADComputer PC9')[0]).toBe(
      `Get-ADComputer : Cannot find an object with identity: 'PC9' under: '${DOMAIN_DN}'.`,
    );
  });
});
