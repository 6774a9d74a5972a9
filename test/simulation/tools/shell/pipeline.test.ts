/**
 * PowerShell's object pipeline in the lab's consoles: cmdlets that take pipeline input run once per
 * object (Unlock-ADAccount, Start-Service…), Select-Object / Where-Object / Sort-Object /
 * Measure-Object / Format-* work on the objects, and commands that cannot take the objects say so
 * with PowerShell's own error. Text output (ipconfig) keeps its text filters.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { must, newLab, run } from '../../../harness';
import { presetDefinition } from '../../../../simulation/lab/presets';
import type { Lab } from '../../../../simulation/facade/lab';

let lab: Lab;
const ps = (host: string, line: string) => run(lab, host, line, 'powershell');
const cmd = (host: string, line: string) => run(lab, host, line, 'cmd');
const holds = (id: string) => lab.faultStatus().find((f) => f.id === id)?.holds;
const user = (sam: string) => lab.truth().hosts.dc01?.roles.directory?.users[sam];
const adsync = () => lab.truth().hosts.sync01?.host.services.ADSync?.status;

const SAMS = [
  'Administrator',
  'michael.brown',
  'emma.wilson',
  'james.carter',
  'olivia.martinez',
  'sophia.nguyen',
  'daniel.kim',
  'MSOL_3f9c2a1b7d44',
];
const NOT_BOUND =
  'The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.';

beforeEach(() => {
  lab = newLab({ definition: presetDefinition('configured') });
});

describe('a cmdlet that takes pipeline input', () => {
  it('Search-ADAccount -LockedOut | Unlock-ADAccount unlocks the locked account and prints nothing', () => {
    must(lab, { type: 'fault.inject', fault: 'L14' });
    expect(user('michael.brown')?.lockoutTime).toBeGreaterThan(0);
    expect(ps('dc01', 'Search-ADAccount -LockedOut | Unlock-ADAccount')).toEqual([]);
    expect(user('michael.brown')?.lockoutTime).toBe(0);
    expect(holds('L14')).toBe(false);
    expect(ps('dc01', 'Search-ADAccount -LockedOut')).toEqual([]);
  });

  it('does not run when the search finds nobody', () => {
    expect(ps('dc01', 'Search-ADAccount -LockedOut | Unlock-ADAccount')).toEqual([]);
    expect(ps('dc01', 'Search-ADAccount -LockedOut | Disable-ADAccount')).toEqual([]);
    expect(user('michael.brown')?.enabled).toBe(true);
  });

  it('Get-ADUser michael.brown | Unlock-ADAccount unlocks him', () => {
    must(lab, { type: 'fault.inject', fault: 'L14' });
    expect(ps('dc01', 'Get-ADUser michael.brown | Unlock-ADAccount')).toEqual([]);
    expect(user('michael.brown')?.lockoutTime).toBe(0);
    expect(holds('L14')).toBe(false);
  });

  it('runs once per object: a filtered list of users is disabled, the others are not', () => {
    ps('dc01', "Get-ADUser -Filter * | Where-Object { $_.SamAccountName -like '*.k*' } | Disable-ADAccount");
    expect(user('daniel.kim')?.enabled).toBe(false);
    expect(user('michael.brown')?.enabled).toBe(true);
    ps('dc01', 'Search-ADAccount -AccountDisabled | Enable-ADAccount');
    expect(user('daniel.kim')?.enabled).toBe(true);
  });

  it('Set-ADUser takes the user from the pipeline', () => {
    expect(ps('dc01', 'Get-ADUser michael.brown | Set-ADUser -Title "Night Manager"')).toEqual([]);
    expect(user('michael.brown')?.title).toBe('Night Manager');
  });

  it('passes its own output on: Unlock-ADAccount -PassThru | Select-Object', () => {
    expect(
      ps(
        'dc01',
        'Get-ADUser michael.brown | Unlock-ADAccount -PassThru | Select-Object SamAccountName,Enabled',
      ),
    ).toEqual(['', 'SamAccountName Enabled', '-------------- -------', 'michael.brown  True', '']);
  });

  it('Get-Service ADSync | Start-Service starts ADSync after it was stopped', () => {
    must(lab, { type: 'service.stop', host: 'sync01', service: 'ADSync' });
    expect(adsync()).toBe('Stopped');
    expect(ps('sync01', 'Get-Service ADSync | Start-Service')).toEqual([
      "WARNING: Waiting for service 'Microsoft Azure AD Sync (ADSync)' to start...",
    ]);
    expect(adsync()).toBe('Running');
    // The ADSync service itself hears of it and answers again.
    expect(ps('sync01', 'Get-ADSyncScheduler | Select -Expand SyncCycleEnabled')).toEqual(['True']);
  });

  it('Stop-Service takes a plain name from Select-Object -ExpandProperty', () => {
    ps('sync01', 'Get-Service ADSync | Select-Object -ExpandProperty Name | Stop-Service');
    expect(adsync()).toBe('Stopped');
  });

  it('a failed producer passes nothing on: only its error shows', () => {
    const out = ps('dc01', 'Get-ADUser nobody | Unlock-ADAccount');
    expect(out[0]).toBe(
      "Get-ADUser : Cannot find an object with identity: 'nobody' under: 'DC=laborhub,DC=store'.",
    );
    expect(out.filter((l) => l.startsWith('Unlock-ADAccount'))).toEqual([]);
    expect(out).toHaveLength(7);
  });
});

describe('commands that cannot take the objects', () => {
  it('a known cmdlet without pipeline input gives InputObjectNotBound, once per object', () => {
    expect(ps('sync01', 'Get-Service ADSync | Get-Date')).toEqual([
      `Get-Date : ${NOT_BOUND}`,
      'At line:1 char:22',
      '+ Get-Service ADSync | Get-Date',
      '+                      ~~~~~~~~',
      '    + CategoryInfo          : InvalidArgument: (System.ServiceProcess.ServiceController:PSObject) [Get-Date], ParameterBindingException',
      '    + FullyQualifiedErrorId : InputObjectNotBound,Microsoft.PowerShell.Commands.GetDateCommand',
      '',
    ]);
    const two = ps(
      'dc01',
      'Get-ADUser -Filter * | Select-Object -First 2 | Get-ADDefaultDomainPasswordPolicy',
    );
    expect(two.filter((l) => l.endsWith(NOT_BOUND))).toHaveLength(2);
    expect(two).toContain(
      '    + FullyQualifiedErrorId : InputObjectNotBound,Microsoft.ActiveDirectory.Management.Commands.GetADDefaultDomainPasswordPolicy',
    );
  });

  it('text piped into Start-Service binds each line to -Name: a blank one is refused, the others are not found, nothing starts', () => {
    must(lab, { type: 'service.stop', host: 'sync01', service: 'ADSync' });
    const out = ps('sync01', 'ipconfig | Start-Service');
    expect(out[0]).toBe(
      "Start-Service : Cannot bind argument to parameter 'Name' because it is an empty string.",
    );
    expect(out).toContain(
      '    + FullyQualifiedErrorId : ParameterArgumentValidationErrorEmptyStringNotAllowed,Microsoft.PowerShell.Commands.StartServiceCommand',
    );
    expect(out).toContain(
      "Start-Service : Cannot find any service with service name 'Windows IP Configuration'.",
    );
    expect(adsync()).toBe('Stopped');
  });

  it('formatted output binds to nothing', () => {
    const out = ps('sync01', 'Get-Service ADSync | Format-List | Start-Service');
    expect(out[0]).toBe(`Start-Service : ${NOT_BOUND}`);
  });

  it('an unknown command after a pipe is still "not recognized", and nothing runs', () => {
    must(lab, { type: 'fault.inject', fault: 'L14' });
    const out = ps('dc01', 'Get-ADUser michael.brown | Unlock-ADAcount');
    expect(out[0]).toBe(
      "Unlock-ADAcount : The term 'Unlock-ADAcount' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.",
    );
    expect(out).toContain('    + FullyQualifiedErrorId : CommandNotFoundException');
    expect(user('michael.brown')?.lockoutTime).toBeGreaterThan(0);
  });

  it('a native program after a pipe runs once', () => {
    expect(ps('pc2', 'ipconfig | hostname')).toEqual(['PC2']);
  });
});

describe('Select-Object on objects', () => {
  it('Get-ADUser -Filter * | Select-Object SamAccountName is a one-column table', () => {
    expect(ps('dc01', 'Get-ADUser -Filter * | Select-Object SamAccountName')).toEqual([
      '',
      'SamAccountName',
      '--------------',
      ...SAMS,
      '',
    ]);
  });

  it('matches names without regard to case and leaves a property the cmdlet did not fetch empty', () => {
    must(lab, { type: 'fault.inject', fault: 'L14' });
    expect(ps('dc01', 'Get-ADUser michael.brown | Select name,LockedOut')).toEqual([
      '',
      'Name          LockedOut',
      '----          ---------',
      'Michael Brown',
      '',
    ]);
    expect(ps('dc01', 'Get-ADUser michael.brown -Properties LockedOut | Select Name, LockedOut')).toEqual([
      '',
      'Name          LockedOut',
      '----          ---------',
      'Michael Brown True',
      '',
    ]);
  });

  it('shows five or more properties as a list, and expands wildcards', () => {
    expect(
      ps('dc01', 'Get-ADUser michael.brown | Select-Object -Property S*,Name,Enabled,GivenName'),
    ).toEqual([
      '',
      'SamAccountName : michael.brown',
      `SID            : ${user('michael.brown')?.sid}`,
      'Surname        : Brown',
      'Name           : Michael Brown',
      'Enabled        : True',
      'GivenName      : Michael',
      '',
      '',
    ]);
  });

  it('-ExpandProperty prints plain values, -First and -Last count objects', () => {
    expect(ps('dc01', 'Get-ADUser -Filter * | Select-Object -ExpandProperty SamAccountName')).toEqual(SAMS);
    expect(ps('dc01', 'Get-ADUser -Filter * | Select-Object -First 2 -ExpandProperty Name')).toEqual([
      'Administrator',
      'Michael Brown',
    ]);
    expect(
      ps('dc01', 'Get-ADUser -Filter * | Select-Object -Last 1 | Select -Expand SamAccountName'),
    ).toEqual(['MSOL_3f9c2a1b7d44']);
  });

  it('-ExpandProperty of a missing property is an error for each object', () => {
    const out = ps('sync01', 'Get-Service ADSync | Select-Object -ExpandProperty Nope');
    expect(out[0]).toBe('Select-Object : Property "Nope" cannot be found.');
    expect(out).toContain(
      '    + FullyQualifiedErrorId : ExpandPropertyNotFound,Microsoft.PowerShell.Commands.SelectObjectCommand',
    );
  });

  it('binds its parameters as PowerShell does', () => {
    expect(ps('dc01', 'Get-ADUser -Filter * | Select-Object -Frist 2')[0]).toBe(
      "Select-Object : A parameter cannot be found that matches parameter name 'Frist'.",
    );
  });

  it('Get-Service | Select-Object Name,Status picks the columns', () => {
    expect(ps('sync01', 'Get-Service ADSync,W32Time | Select-Object Name,Status')).toEqual([
      '',
      'Name    Status',
      '----    ------',
      'ADSync  Running',
      'W32Time Running',
      '',
    ]);
  });

  it('Get-Service | Select -First 3 keeps the Get-Service table, three services long', () => {
    expect(ps('sync01', 'Get-Service | Select -First 3')).toEqual([
      '',
      'Status   Name               DisplayName',
      '------   ----               -----------',
      'Running  ADSync             Microsoft Azure AD Sync',
      'Running  AzureADConnectH... Azure AD Connect Health Sync Monito...',
      'Running  Dhcp               DHCP Client',
      '',
    ]);
  });
});

describe('Format-Table and Format-List', () => {
  it('Format-Table with properties, and Format-List with properties or *', () => {
    expect(ps('dc01', 'Get-ADUser michael.brown | ft Name,SamAccountName')).toEqual([
      '',
      'Name          SamAccountName',
      '----          --------------',
      'Michael Brown michael.brown',
      '',
    ]);
    expect(ps('sync01', 'Get-Service ADSync | Format-List Name,StartType')).toEqual([
      '',
      'Name      : ADSync',
      'StartType : Automatic',
      '',
      '',
    ]);
    expect(ps('sync01', 'Get-Service ADSync | fl *')).toEqual([
      '',
      'Name                : ADSync',
      'RequiredServices    : {}',
      'CanPauseAndContinue : False',
      'CanShutdown         : True',
      'CanStop             : True',
      'DisplayName         : Microsoft Azure AD Sync',
      'DependentServices   : {}',
      'MachineName         : .',
      'ServiceName         : ADSync',
      'ServicesDependedOn  : {}',
      'ServiceHandle       : SafeServiceHandle',
      'Status              : Running',
      'ServiceType         : Win32OwnProcess',
      'StartType           : Automatic',
      'Site                :',
      'Container           :',
      '',
      '',
    ]);
  });

  it('consumes the objects: findstr after it searches the formatted text', () => {
    expect(ps('dc01', 'Get-ADUser michael.brown | Format-List | findstr Surname')).toEqual([
      'Surname           : Brown',
    ]);
  });

  it('leaves the columns that do not fit out, with the warning', () => {
    const out = ps('dc01', 'Get-ADUser -Filter * | Format-Table');
    expect(out[0]).toBe('WARNING: 5 columns do not fit into the display and were removed.');
    expect(out[2]).toMatch(/^DistinguishedName +Enabled GivenName Name +ObjectClass$/);
  });
});

describe('Where-Object, Sort-Object, Measure-Object', () => {
  it('filters with a script block, the simplified syntax or a bare property', () => {
    must(lab, { type: 'fault.inject', fault: 'L14' });
    ps('dc01', 'Disable-ADAccount emma.wilson');
    const names = (line: string) => ps('dc01', `${line} | Select-Object -ExpandProperty SamAccountName`);
    expect(names('Get-ADUser -Filter * | Where-Object { $_.Enabled -eq $false }')).toEqual(['emma.wilson']);
    expect(names('Get-ADUser -Filter * | where Enabled -eq $false')).toEqual(['emma.wilson']);
    expect(names('Get-ADUser -Filter * | ? { -not $_.Enabled }')).toEqual(['emma.wilson']);
    expect(names("Get-ADUser -Filter * | ? { $_.Name -like 'm*' }")).toEqual([
      'michael.brown',
      'MSOL_3f9c2a1b7d44',
    ]);
    expect(names("Get-ADUser -Filter * | ? { $_.Surname -match '^(kim|brown)$' }")).toEqual([
      'michael.brown',
      'daniel.kim',
    ]);
    expect(names('Get-ADUser -Filter * -Properties LockedOut | Where-Object { $_.LockedOut }')).toEqual([
      'michael.brown',
    ]);
    expect(names('Get-ADUser -Filter * -Properties BadLogonCount | where BadLogonCount -ge 5')).toEqual([
      'michael.brown',
    ]);
  });

  it('keeps the type: Get-Service | Where-Object prints the Get-Service table', () => {
    must(lab, { type: 'service.stop', host: 'sync01', service: 'ADSync' });
    expect(ps('sync01', "Get-Service | Where-Object { $_.Status -eq 'Stopped' -and $_.Name }")[0]).toMatch(
      /^HybridLab: /,
    );
    expect(ps('sync01', 'Get-Service A* | Where-Object Status -eq Stopped')).toEqual([
      '',
      'Status   Name               DisplayName',
      '------   ----               -----------',
      'Stopped  ADSync             Microsoft Azure AD Sync',
      '',
    ]);
  });

  it('a bare word after the operator in a script block is a parse error', () => {
    const out = ps('sync01', 'Get-Service | where { $_.Status -eq Running }');
    expect(out[0]).toBe("You must provide a value expression following the '-eq' operator.");
    expect(out).toContain('    + FullyQualifiedErrorId : ExpectedValueExpression');
  });

  it('Sort-Object sorts by a property, -Descending reverses', () => {
    expect(
      ps('dc01', 'Get-ADUser -Filter * | Sort-Object Surname -Descending | select -First 3 -Expand Surname'),
    ).toEqual(['Wilson', 'Nguyen', 'Martinez']);
    expect(ps('dc01', 'Get-ADUser -Filter * | sort Name | select -First 2 -Expand Name')).toEqual([
      'Administrator',
      'Daniel Kim',
    ]);
  });

  it('Measure-Object counts objects and sums a property', () => {
    expect(ps('dc01', 'Get-ADUser -Filter * | Measure-Object')).toEqual([
      '',
      'Count    : 8',
      'Average  :',
      'Sum      :',
      'Maximum  :',
      'Minimum  :',
      'Property :',
      '',
      '',
    ]);
    must(lab, { type: 'fault.inject', fault: 'L14' });
    const m = ps(
      'dc01',
      'Get-ADUser -Filter * -Properties BadLogonCount | Measure-Object BadLogonCount -Sum -Maximum -Minimum -Average',
    );
    expect(m).toEqual([
      '',
      'Count    : 8',
      `Average  : ${5 / 8}`,
      'Sum      : 5',
      'Maximum  : 5',
      'Minimum  : 0',
      'Property : BadLogonCount',
      '',
      '',
    ]);
    expect(ps('dc01', 'Get-ADUser -Filter * | Measure-Object | Select -Expand Count')).toEqual(['8']);
  });
});

describe('text pipelines', () => {
  it('ipconfig /all | findstr IPv4 keeps the matching lines, in both shells', () => {
    const all = ps('pc2', 'ipconfig /all');
    const ipv4 = all.filter((l) => l.includes('IPv4'));
    expect(ipv4.length).toBeGreaterThan(0);
    expect(ps('pc2', 'ipconfig /all | findstr IPv4')).toEqual(ipv4);
    expect(cmd('pc2', 'ipconfig /all | findstr IPv4')).toEqual([...ipv4, '']);
    expect(ps('pc2', 'ipconfig /all | Select-String IPv4')).toEqual(ipv4);
  });

  it('findstr: the words of its argument are alternatives, /c: is one literal string', () => {
    const all = ps('pc2', 'ipconfig /all');
    const either = all.filter((l) => l.includes('IPv4') || l.includes('Gateway'));
    expect(either.length).toBeGreaterThan(1);
    expect(cmd('pc2', 'ipconfig /all | findstr "IPv4 Gateway"')).toEqual([...either, '']);
    expect(cmd('dc01', 'net user michael.brown /domain | findstr /c:"Password last"')).toEqual([
      expect.stringMatching(/^Password last set {12}\d/),
    ]);
    expect(cmd('dc01', 'net user michael.brown /domain | findstr /c:"last Password"')).toEqual([]);
  });

  it('Select-Object on text counts lines, blank ones too; Format-* leaves text alone; findstr searches objects as printed', () => {
    const all = ps('pc2', 'ipconfig');
    expect(ps('pc2', 'ipconfig | Select-Object -First 2')).toEqual(all.slice(0, 2));
    expect(ps('pc2', 'ipconfig | Select-Object -Skip 1 -First 3')).toEqual(all.slice(1, 4));
    expect(ps('pc2', 'ipconfig | Select-Object -Last 2')).toEqual(all.slice(-2));
    expect(ps('pc2', 'ipconfig | Measure-Object | Select -Expand Count')).toEqual([String(all.length)]);
    expect(ps('pc2', 'ipconfig | Format-List')).toEqual(all);
    expect(ps('sync01', 'Get-Service | findstr ADSync')).toEqual([
      'Running  ADSync             Microsoft Azure AD Sync',
    ]);
    expect(ps('pc2', "ipconfig | Where-Object { $_ -like '*IPv4*' }")).toEqual(
      all.filter((l) => l.includes('IPv4')),
    );
  });

  it("cmd's pipe is unchanged: only find, findstr and more", () => {
    expect(cmd('pc2', 'ipconfig | hostname')).toEqual([
      "'hostname' is not recognized as an internal or external command,",
      'operable program or batch file.',
      '',
    ]);
  });
});
