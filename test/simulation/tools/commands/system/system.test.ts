/**
 * System-administration commands on the lab's Windows hosts: services (Get-/Start-/Stop-/Restart-/
 * Set-Service, sc.exe), event logs (Get-EventLog, Get-WinEvent, wevtutil), the registry
 * (Get-/Set-/New-/Remove-ItemProperty, Test-Path, reg.exe), and restarting the machine. Each test
 * breaks the lab with a fault or a real command, looks with the tools a learner uses, and fixes it
 * with them too.
 */
import { describe, expect, it } from 'vitest';
import { must, newLab, run, wait } from '../../../../harness';
import { presetDefinition } from '../../../../../simulation/lab/presets';
import type { Lab } from '../../../../../simulation/facade/lab';

const ps = (lab: Lab, host: string, line: string) => run(lab, host, line, 'powershell');
const cmd = (lab: Lab, host: string, line: string) => run(lab, host, line, 'cmd');

function configured(): Lab {
  const lab = newLab({ definition: presetDefinition('configured') });
  wait(lab, '5m');
  return lab;
}

function holds(lab: Lab, id: string): boolean | undefined {
  return lab.faultStatus().find((f) => f.id === id)?.holds;
}

const TLS_KEY =
  "'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client'";
const LSA = 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\Lsa';

const SERVICE_HEADER = [
  '',
  'Status   Name               DisplayName',
  '------   ----               -----------',
];

describe('Get-Service and sc query', () => {
  it('shows ADSync running on a healthy sync server, and stopped under L6', () => {
    const lab = configured();
    expect(ps(lab, 'sync01', 'Get-Service ADSync')).toEqual([
      ...SERVICE_HEADER,
      'Running  ADSync             Microsoft Azure AD Sync',
      '',
    ]);
    must(lab, { type: 'fault.inject', fault: 'L6' });
    expect(ps(lab, 'sync01', 'Get-Service ADSync')).toEqual([
      ...SERVICE_HEADER,
      'Stopped  ADSync             Microsoft Azure AD Sync',
      '',
    ]);
    // The display name works as a name too, and long names are cut the way the format view cuts them.
    expect(ps(lab, 'sync01', 'Get-Service "Microsoft Azure AD Sync"')[3]).toBe(
      'Stopped  ADSync             Microsoft Azure AD Sync',
    );
    expect(ps(lab, 'sync01', 'Get-Service Azure*,WinRM')).toEqual([
      ...SERVICE_HEADER,
      'Running  AzureADConnectH... Azure AD Connect Health Sync Monito...',
      'Running  WinRM              Windows Remote Management (WS-Manag...',
      '',
    ]);
    expect(cmd(lab, 'sync01', 'sc query ADSync')).toEqual([
      '',
      'SERVICE_NAME: ADSync',
      '        TYPE               : 10  WIN32_OWN_PROCESS',
      '        STATE              : 1  STOPPED',
      '        WIN32_EXIT_CODE    : 0  (0x0)',
      '        SERVICE_EXIT_CODE  : 0  (0x0)',
      '        CHECKPOINT         : 0x0',
      '        WAIT_HINT          : 0x0',
      '',
      '',
    ]);
  });

  it('reports unknown services with the real errors', () => {
    const lab = configured();
    expect(ps(lab, 'sync01', 'Get-Service foo,ADSync')).toEqual([
      ...SERVICE_HEADER,
      'Running  ADSync             Microsoft Azure AD Sync',
      '',
      "Get-Service : Cannot find any service with service name 'foo'.",
      'At line:1 char:1',
      '+ Get-Service foo,ADSync',
      '+ ~~~~~~~~~~~~~~~~~~~~~~',
      '    + CategoryInfo          : ObjectNotFound: (foo:String) [Get-Service], ServiceCommandException',
      '    + FullyQualifiedErrorId : NoServiceFoundForGivenName,Microsoft.PowerShell.Commands.GetServiceCommand',
      '',
    ]);
    // A wildcard that matches nothing is no error.
    expect(ps(lab, 'sync01', 'Get-Service nothing*')).toEqual([]);
    expect(ps(lab, 'dc01', 'Get-Service -DisplayName "No Such Service"')[0]).toBe(
      "Get-Service : Cannot find any service with display name 'No Such Service'.",
    );
    expect(cmd(lab, 'sync01', 'sc query foo')).toEqual([
      '[SC] EnumQueryServicesStatus:OpenService FAILED 1060:',
      '',
      'The specified service does not exist as an installed service.',
      '',
      '',
    ]);
    expect(cmd(lab, 'sync01', 'sc start foo').slice(0, 3)).toEqual([
      '[SC] OpenService FAILED 1060:',
      '',
      'The specified service does not exist as an installed service.',
    ]);
    // ADSync is a service of the sync server only.
    expect(ps(lab, 'dc01', 'Start-Service ADSync')[0]).toBe(
      "Start-Service : Cannot find any service with service name 'ADSync'.",
    );
  });

  it('rejects bad parameters the way PowerShell binds them', () => {
    const lab = configured();
    expect(ps(lab, 'pc2', 'Get-Service -Nme x')).toEqual([
      "Get-Service : A parameter cannot be found that matches parameter name 'Nme'.",
      'At line:1 char:13',
      '+ Get-Service -Nme x',
      '+             ~~~~',
      '    + CategoryInfo          : InvalidArgument: (:) [Get-Service], ParameterBindingException',
      '    + FullyQualifiedErrorId : NamedParameterNotFound,Microsoft.PowerShell.Commands.GetServiceCommand',
      '',
    ]);
    const bad = ps(lab, 'pc2', 'Set-Service wuauserv -StartupType Sometimes');
    expect(bad[0]).toBe(
      'Set-Service : Cannot bind parameter \'StartupType\'. Cannot convert value "Sometimes" to type "System.ServiceProcess.ServiceStartMode". Error: "Unable to match the identifier name Sometimes to a valid enumerator name. Specify one of the following enumerator names and try again:',
    );
    expect(bad[1]).toBe('Boot, System, Automatic, Manual, Disabled"');
    expect(ps(lab, 'pc2', 'Get-Service -Name ADSync -DisplayName x')[0]).toBe(
      'Get-Service : Parameter set cannot be resolved using the specified named parameters.',
    );
  });

  it('in PowerShell, sc is Set-Content: only sc.exe queries services', () => {
    const lab = configured();
    expect(ps(lab, 'sync01', 'sc query ADSync')).toEqual([]);
    expect(ps(lab, 'sync01', 'sc.exe query ADSync').slice(1, 4)).toEqual([
      'SERVICE_NAME: ADSync',
      '        TYPE               : 10  WIN32_OWN_PROCESS',
      '        STATE              : 4  RUNNING',
    ]);
  });
});

describe('starting, stopping and configuring services', () => {
  it('Start-Service ADSync fixes L6 and brings the writeback listener back (31015)', () => {
    const lab = configured();
    must(lab, { type: 'fault.inject', fault: 'L6' });
    expect(holds(lab, 'L6')).toBe(true);
    const before = ps(lab, 'sync01', 'Get-EventLog Application -InstanceId 31015 -Newest 1');
    expect(before[3]).toMatch(
      /^ +\d+ Mar 02 08:00 {2}Information PasswordResetService +31015 WriteBackServiceStarted/,
    );
    wait(lab, '10m');
    expect(ps(lab, 'sync01', 'Start-Service ADSync')).toEqual([
      "WARNING: Waiting for service 'Microsoft Azure AD Sync (ADSync)' to start...",
    ]);
    expect(holds(lab, 'L6')).toBe(false);
    wait(lab, '1m');
    const after = ps(lab, 'sync01', 'Get-EventLog Application -InstanceId 31015 -Newest 1');
    expect(after[3]).toMatch(
      /^ +\d+ Mar 02 08:15 {2}Information PasswordResetService +31015 WriteBackServiceStarted/,
    );
    const scm = ps(lab, 'sync01', 'Get-EventLog System -Source "Service Control Manager" -Newest 1');
    expect(scm[3]).toMatch(
      /Service Control M\.\.\. +1073748860 The Microsoft Azure AD Sync service entered the\.\.\.$/,
    );
  });

  it('Restart-Service ADSync stops and starts the service (31016, then 31015)', () => {
    const lab = configured();
    expect(ps(lab, 'sync01', 'Restart-Service ADSync')).toEqual([
      "WARNING: Waiting for service 'Microsoft Azure AD Sync (ADSync)' to stop...",
      "WARNING: Waiting for service 'Microsoft Azure AD Sync (ADSync)' to start...",
    ]);
    wait(lab, '1m');
    const ids = ps(lab, 'sync01', 'Get-WinEvent -ProviderName PasswordResetService -MaxEvents 3')
      .filter((l) => /^\d+\/\d+\/\d{4}/.test(l))
      .map((l) => Number(l.slice(26, 34)));
    expect(ids).toEqual([31019, 31015, 31016]);
  });

  it('Stop-Service refuses a service with running dependants unless -Force is given', () => {
    const lab = configured();
    expect(ps(lab, 'dc01', 'Stop-Service NTDS')).toEqual([
      "Stop-Service : Cannot stop service 'Active Directory Domain Services (NTDS)' because it has dependent services. It can only be stopped if the Force flag is set.",
      'At line:1 char:1',
      '+ Stop-Service NTDS',
      '+ ~~~~~~~~~~~~~~~~~',
      '    + CategoryInfo          : InvalidOperation: (System.ServiceProcess.ServiceController:ServiceController) [Stop-Service], ServiceCommandException',
      '    + FullyQualifiedErrorId : ServiceHasDependentServices,Microsoft.PowerShell.Commands.StopServiceCommand',
      '',
    ]);
    expect(ps(lab, 'dc01', 'Get-Service NTDS')[3]).toMatch(/^Running {2}NTDS/);
    expect(cmd(lab, 'dc01', 'sc stop NTDS').slice(0, 3)).toEqual([
      '[SC] ControlService FAILED 1051:',
      '',
      'A stop control has been sent to a service that other running services are dependent on.',
    ]);
    expect(ps(lab, 'dc01', 'Stop-Service NTDS -Force')).toEqual([
      "WARNING: Waiting for service 'Active Directory Domain Services (NTDS)' to stop...",
    ]);
    expect(ps(lab, 'dc01', 'Get-Service NTDS,Kdc,ADWS').slice(3, 6)).toEqual([
      'Stopped  NTDS               Active Directory Domain Services',
      'Stopped  Kdc                Kerberos Key Distribution Center',
      'Stopped  ADWS               Active Directory Web Services',
    ]);
    // Starting a service starts what it depends on, not what depends on it.
    expect(ps(lab, 'dc01', 'Start-Service Kdc')).toEqual([]);
    expect(ps(lab, 'dc01', 'Get-Service NTDS,Kdc,ADWS').slice(3, 6)).toEqual([
      'Running  NTDS               Active Directory Domain Services',
      'Running  Kdc                Kerberos Key Distribution Center',
      'Stopped  ADWS               Active Directory Web Services',
    ]);
    expect(ps(lab, 'dc01', 'Stop-Service RpcSs')[0]).toBe(
      "Stop-Service : Service 'Remote Procedure Call (RPC) (RpcSs)' cannot be stopped due to the following error: Cannot stop RpcSs service on computer '.'.",
    );
  });

  it('a Disabled service will not start until its start type changes (Set-Service, sc config)', () => {
    const lab = configured();
    expect(ps(lab, 'pc2', 'Set-Service wuauserv -StartupType Disabled')).toEqual([]);
    expect(ps(lab, 'pc2', 'Get-EventLog System -InstanceId 1073748864 -Newest 1')[3]).toMatch(
      /Service Control M\.\.\. +1073748864 The start type of the Windows Update service wa\.\.\.$/,
    );
    expect(ps(lab, 'pc2', 'Start-Service wuauserv')).toEqual([
      "Start-Service : Service 'Windows Update (wuauserv)' cannot be started due to the following error: Cannot start service wuauserv on computer '.'.",
      'At line:1 char:1',
      '+ Start-Service wuauserv',
      '+ ~~~~~~~~~~~~~~~~~~~~~~',
      '    + CategoryInfo          : OpenError: (System.ServiceProcess.ServiceController:ServiceController) [Start-Service], ServiceCommandException',
      '    + FullyQualifiedErrorId : CouldNotStartService,Microsoft.PowerShell.Commands.StartServiceCommand',
      '',
    ]);
    expect(cmd(lab, 'pc2', 'sc start wuauserv').slice(0, 3)).toEqual([
      '[SC] StartService FAILED 1058:',
      '',
      'The service cannot be started, either because it is disabled or because it has no enabled devices associated with it.',
    ]);
    expect(cmd(lab, 'pc2', 'sc config wuauserv start= demand')).toEqual([
      '[SC] ChangeServiceConfig SUCCESS',
      '',
    ]);
    expect(cmd(lab, 'pc2', 'sc qc wuauserv')).toContain('        START_TYPE         : 3   DEMAND_START');
    expect(cmd(lab, 'pc2', 'sc start wuauserv').slice(1, 5)).toEqual([
      'SERVICE_NAME: wuauserv',
      '        TYPE               : 30  WIN32',
      '        STATE              : 2  START_PENDING',
      '                                (NOT_STOPPABLE, NOT_PAUSABLE, IGNORES_SHUTDOWN)',
    ]);
    expect(cmd(lab, 'pc2', 'sc start wuauserv').slice(0, 3)).toEqual([
      '[SC] StartService FAILED 1056:',
      '',
      'An instance of the service is already running.',
    ]);
    // sc wants the space after "start=".
    expect(cmd(lab, 'pc2', 'sc config wuauserv start=auto')[0]).toBe('DESCRIPTION:');
  });

  it('a start type set to Disabled survives a restart: the service stays down', () => {
    const lab = configured();
    expect(ps(lab, 'sync01', 'Set-Service -Name ADSync -StartupType Disabled')).toEqual([]);
    expect(ps(lab, 'sync01', 'Restart-Computer')).toEqual([]);
    wait(lab, '2m');
    expect(ps(lab, 'sync01', 'Get-Service ADSync')[3]).toBe(
      'Stopped  ADSync             Microsoft Azure AD Sync',
    );
    expect(ps(lab, 'sync01', 'Set-Service ADSync -StartupType Automatic -Status Running')).toEqual([
      "WARNING: Waiting for service 'Microsoft Azure AD Sync (ADSync)' to start...",
    ]);
    expect(ps(lab, 'sync01', 'Get-Service ADSync')[3]).toBe(
      'Running  ADSync             Microsoft Azure AD Sync',
    );
  });

  it("Set-Service's -WhatIf line and its errors about the service (boot start type, running dependants, pausing)", () => {
    const lab = configured();
    expect(ps(lab, 'pc2', 'Set-Service wuauserv -StartupType Manual -WhatIf')).toEqual([
      'What if: Performing the operation "Set-Service" on target "Windows Update (wuauserv)".',
    ]);
    expect(ps(lab, 'pc2', 'Set-Service wuauserv -StartupType Boot')).toEqual([
      "Set-Service : Service 'Windows Update (wuauserv)' cannot be configured due to the following error: The parameter is incorrect",
      'At line:1 char:1',
      '+ Set-Service wuauserv -StartupType Boot',
      '+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~',
      '    + CategoryInfo          : PermissionDenied: (System.ServiceProcess.ServiceController:ServiceController) [Set-Service], ServiceCommandException',
      '    + FullyQualifiedErrorId : CouldNotSetService,Microsoft.PowerShell.Commands.SetServiceCommand',
      '',
    ]);
    expect(ps(lab, 'dc01', 'Set-Service NTDS -Status Stopped')).toEqual([
      "Set-Service : Cannot stop service 'Active Directory Domain Services (NTDS)' because it is dependent on other services.",
      'At line:1 char:1',
      '+ Set-Service NTDS -Status Stopped',
      '+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~',
      '    + CategoryInfo          : InvalidOperation: (System.ServiceProcess.ServiceController:ServiceController) [Set-Service], ServiceCommandException',
      '    + FullyQualifiedErrorId : ServiceIsDependentOnNoForce,Microsoft.PowerShell.Commands.SetServiceCommand',
      '',
    ]);
    expect(ps(lab, 'dc01', 'Set-Service W32Time -Status Paused')).toEqual([
      "Set-Service : Service 'Windows Time (W32Time)' cannot be suspended because the service does not support being suspended or resumed.",
      'At line:1 char:1',
      '+ Set-Service W32Time -Status Paused',
      '+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~',
      '    + CategoryInfo          : CloseError: (System.ServiceProcess.ServiceController:ServiceController) [Set-Service], ServiceCommandException',
      '    + FullyQualifiedErrorId : CouldNotSuspendServiceNotSupported,Microsoft.PowerShell.Commands.SetServiceCommand',
      '',
    ]);
  });
});

describe('event logs', () => {
  it('Get-EventLog lists logs and entries in the format view', () => {
    const lab = configured();
    const list = ps(lab, 'sync01', 'Get-EventLog -List');
    expect(list.slice(0, 3)).toEqual([
      '',
      '  Max(K) Retain OverflowAction        Entries Log',
      '  ------ ------ --------------        ------- ---',
    ]);
    expect(list).toContain('  20,480      0 OverwriteAsNeeded           0 Security');
    expect(list.some((l) => /^ {2}20,480 {6}0 OverwriteAsNeeded +\d+ Application$/.test(l))).toBe(true);
    expect(ps(lab, 'sync01', 'Get-EventLog System -Newest 1 -InstanceId 2147489653')).toEqual([
      '',
      '   Index Time          EntryType   Source                 InstanceID Message',
      '   ----- ----          ---------   ------                 ---------- -------',
      '       3 Mar 02 08:00  Information EventLog               2147489653 The Event log service was started.',
      '',
    ]);
  });

  it('Get-EventLog gives the real errors for unknown logs, no matches and bad arguments', () => {
    const lab = configured();
    expect(ps(lab, 'dc01', 'Get-EventLog -LogName Foo').slice(0, 1)).toEqual([
      "Get-EventLog : The event log 'Foo' on computer '.' does not exist.",
    ]);
    expect(ps(lab, 'dc01', 'Get-EventLog -LogName System -Source nothing')).toEqual([
      'Get-EventLog : No matches found',
      'At line:1 char:1',
      '+ Get-EventLog -LogName System -Source nothing',
      '+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~',
      '    + CategoryInfo          : ObjectNotFound: (:) [Get-EventLog], ArgumentException',
      '    + FullyQualifiedErrorId : GetEventLogNoEntriesFound,Microsoft.PowerShell.Commands.GetEventLogCommand',
      '',
    ]);
    expect(ps(lab, 'dc01', 'Get-EventLog -LogName System -EntryType Bogus').slice(0, 4)).toEqual([
      'Get-EventLog : Cannot validate argument on parameter \'EntryType\'. The argument "Bogus" does not belong to the set "Error,Information,FailureAudit,SuccessAudit,Warning" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.',
      'At line:1 char:41',
      '+ Get-EventLog -LogName System -EntryType Bogus',
      '+                                         ~~~~~',
    ]);
    expect(ps(lab, 'dc01', 'Get-EventLog System -After notadate')[0]).toBe(
      'Get-EventLog : Cannot bind parameter \'After\'. Cannot convert value "notadate" to type "System.DateTime". Error: "String was not recognized as a valid DateTime."',
    );
    // -After takes the host's own clock: nothing happened on the DC in the last minute.
    expect(ps(lab, 'dc01', 'Get-EventLog System -After (Get-Date).AddMinutes(-1)')[0]).toBe(
      'Get-EventLog : No matches found',
    );
    expect(ps(lab, 'dc01', 'Get-EventLog System -After "3/2/2026 7:59" -Newest 1')[3]).toMatch(
      /^ +3 Mar 02 08:00/,
    );
  });

  it('Get-WinEvent groups by provider, lists logs, filters by hashtable, and says when nothing matches', () => {
    const lab = configured();
    expect(ps(lab, 'sync01', 'Get-WinEvent -LogName System -MaxEvents 2')).toEqual([
      '',
      '',
      '   ProviderName: EventLog',
      '',
      'TimeCreated                     Id LevelDisplayName Message',
      '-----------                     -- ---------------- -------',
      '3/2/2026 8:00:00 AM           6005 Information      The Event log service was started.',
      '3/2/2026 8:00:00 AM           6009 Information      Microsoft Windows Server 2022 Standard 10.0.20348.2582 Multiproc...',
      '',
    ]);
    expect(ps(lab, 'sync01', 'Get-WinEvent -ListLog Application,Security')).toEqual([
      '',
      'LogMode   MaximumSizeInBytes RecordCount LogName',
      '-------   ------------------ ----------- -------',
      expect.stringMatching(/^Circular {12}20971520 +\d+ Application$/),
      'Circular            20971520           0 Security',
      '',
    ]);
    const hashed = ps(lab, 'sync01', "Get-WinEvent -FilterHashtable @{LogName='Application'; Id=31015}");
    expect(hashed[2]).toBe('   ProviderName: PasswordResetService');
    expect(hashed[6]).toMatch(/^3\/2\/2026 8:00:00 AM +31015 Information +WriteBackServiceStarted/);
    expect(ps(lab, 'sync01', 'Get-WinEvent -LogName Security')).toEqual([
      'Get-WinEvent : No events were found that match the specified selection criteria.',
      'At line:1 char:1',
      '+ Get-WinEvent -LogName Security',
      '+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~',
      '    + CategoryInfo          : ObjectNotFound: (:) [Get-WinEvent], Exception',
      '    + FullyQualifiedErrorId : NoMatchingEventsFound,Microsoft.PowerShell.Commands.GetWinEventCommand',
      '',
    ]);
    expect(ps(lab, 'sync01', 'Get-WinEvent -LogName Nope')[0]).toBe(
      'Get-WinEvent : There is not an event log on the localhost computer that matches "Nope".',
    );
    expect(ps(lab, 'sync01', 'Get-WinEvent -LogName System -ProviderName EventLog')[0]).toBe(
      'Get-WinEvent : Parameter set cannot be resolved using the specified named parameters.',
    );
    expect(ps(lab, 'sync01', 'Get-WinEvent -LogName System -MaxEvents 0')[0]).toBe(
      "Get-WinEvent : Cannot validate argument on parameter 'MaxEvents'. The 0 argument is less than the minimum allowed range of 1. Supply an argument that is greater than or equal to 1 and then try the command again.",
    );
  });

  it('wevtutil qe renders events as text, newest first with /rd:true', () => {
    const lab = configured();
    expect(cmd(lab, 'sync01', 'wevtutil qe System /c:1 /rd:true /f:text')).toEqual([
      'Event[0]:',
      '  Log Name: System',
      '  Source: EventLog',
      '  Date: 2026-03-02T08:00:00.000',
      '  Event ID: 6005',
      '  Task: N/A',
      '  Level: Information',
      '  Opcode: Info',
      '  Keyword: Classic',
      '  User: N/A',
      '  User Name: N/A',
      '  Computer: SYNC01.laborhub.store',
      '  Description: ',
      'The Event log service was started.',
      '',
      '',
    ]);
    expect(cmd(lab, 'sync01', 'wevtutil qe System /c:1 /f:text')[4]).toBe('  Event ID: 12');
    expect(cmd(lab, 'sync01', 'wevtutil qe Nope /c:1')[0]).toBe(
      'Failed to read events. The specified channel could not be found.',
    );
    const xml = cmd(lab, 'sync01', 'wevtutil qe Application /q:*[System[(EventID=31015)]] /c:1')[0];
    expect(xml).toContain("<Provider Name='PasswordResetService'/><EventID Qualifiers='0'>31015</EventID>");
  });
});

describe('registry', () => {
  it('L16: RestrictRemoteSam shows in Get-ItemProperty and reg query; Remove-ItemProperty fixes it', () => {
    const lab = configured();
    expect(ps(lab, 'dc01', `Get-ItemProperty -Path ${LSA} -Name RestrictRemoteSam`)).toEqual([
      'Get-ItemProperty : Property RestrictRemoteSam does not exist at path HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Lsa.',
      'At line:1 char:1',
      `+ Get-ItemProperty -Path ${LSA} -Name RestrictRemoteSam`,
      `+ ${'~'.repeat(`Get-ItemProperty -Path ${LSA} -Name RestrictRemoteSam`.length)}`,
      '    + CategoryInfo          : InvalidArgument: (RestrictRemoteSam:String) [Get-ItemProperty], PSArgumentException',
      '    + FullyQualifiedErrorId : System.Management.Automation.PSArgumentException,Microsoft.PowerShell.Commands.GetItemPropertyCommand',
      '',
    ]);
    must(lab, { type: 'fault.inject', fault: 'L16' });
    expect(holds(lab, 'L16')).toBe(true);
    expect(ps(lab, 'dc01', `Get-ItemProperty -Path ${LSA} -Name RestrictRemoteSam`)).toEqual([
      '',
      'RestrictRemoteSam : O:BAG:BAD:(A;;RC;;;BA)',
      'PSPath            : Microsoft.PowerShell.Core\\Registry::HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Lsa',
      'PSParentPath      : Microsoft.PowerShell.Core\\Registry::HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control',
      'PSChildName       : Lsa',
      'PSDrive           : HKLM',
      'PSProvider        : Microsoft.PowerShell.Core\\Registry',
      '',
      '',
    ]);
    expect(
      cmd(lab, 'dc01', 'reg query HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa /v RestrictRemoteSam'),
    ).toEqual([
      '',
      'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Lsa',
      '    RestrictRemoteSam    REG_SZ    O:BAG:BAD:(A;;RC;;;BA)',
      '',
      '',
    ]);
    expect(ps(lab, 'dc01', `Remove-ItemProperty -Path ${LSA} -Name RestrictRemoteSam`)).toEqual([]);
    expect(holds(lab, 'L16')).toBe(false);
    expect(
      cmd(lab, 'dc01', 'reg query HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa /v RestrictRemoteSam'),
    ).toEqual(['ERROR: The system was unable to find the specified registry key or value.', '']);
    expect(ps(lab, 'dc01', `Remove-ItemProperty -Path ${LSA} -Name RestrictRemoteSam`)[0]).toBe(
      'Remove-ItemProperty : Property RestrictRemoteSam does not exist at path HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Lsa.',
    );
  });

  it('L16 fixed with reg delete /f as well', () => {
    const lab = configured();
    must(lab, { type: 'fault.inject', fault: 'L16' });
    const line = 'reg delete HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa /v RestrictRemoteSam';
    expect(cmd(lab, 'dc01', line)[0]).toBe('Delete the registry value RestrictRemoteSam (Yes/No)?');
    expect(holds(lab, 'L16')).toBe(true);
    expect(cmd(lab, 'dc01', `${line} /f`)).toEqual(['The operation completed successfully.', '']);
    expect(holds(lab, 'L16')).toBe(false);
  });

  it('L8: the TLS 1.2 fix in the registry takes effect only after a restart', () => {
    const lab = configured();
    must(lab, { type: 'fault.inject', fault: 'L8' });
    expect(holds(lab, 'L8')).toBe(true);
    expect(ps(lab, 'sync01', `Get-ItemProperty -Path ${TLS_KEY}`).slice(0, 3)).toEqual([
      '',
      'Enabled           : 0',
      'DisabledByDefault : 1',
    ]);
    // The .NET side of Microsoft's TLS check is in place.
    expect(
      ps(
        lab,
        'sync01',
        "Get-ItemPropertyValue 'HKLM:\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319' -Name SchUseStrongCrypto,SystemDefaultTlsVersions",
      ),
    ).toEqual(['1', '1']);
    expect(ps(lab, 'sync01', `Set-ItemProperty -Path ${TLS_KEY} -Name Enabled -Value 1 -Type DWord`)).toEqual(
      [],
    );
    expect(ps(lab, 'sync01', `Set-ItemProperty -Path ${TLS_KEY} -Name DisabledByDefault -Value 0`)).toEqual(
      [],
    );
    expect(ps(lab, 'sync01', `Get-ItemProperty -Path ${TLS_KEY}`).slice(0, 3)).toEqual([
      '',
      'Enabled           : 1',
      'DisabledByDefault : 0',
    ]);
    wait(lab, '5m');
    expect(holds(lab, 'L8')).toBe(true);
    expect(ps(lab, 'sync01', 'Restart-Computer -Force')).toEqual([]);
    expect(holds(lab, 'L8')).toBe(false);
    wait(lab, '2m');
    const started = ps(
      lab,
      'sync01',
      'Get-WinEvent -FilterHashtable @{LogName="Application"; Id=31015} -MaxEvents 1',
    );
    expect(started[6]).toMatch(/^3\/2\/2026 8:1\d:00 AM +31015 Information +WriteBackServiceStarted/);
  });

  it('Set-ItemProperty keeps a value type and refuses what does not convert', () => {
    const lab = configured();
    expect(ps(lab, 'sync01', `Set-ItemProperty -Path ${TLS_KEY} -Name Enabled -Value abc`)[0]).toBe(
      'Set-ItemProperty : Cannot convert value "abc" to type "System.Int32". Error: "Input string was not in a correct format."',
    );
    expect(ps(lab, 'sync01', 'Set-ItemProperty -Path HKLM:\\SOFTWARE\\Nowhere -Name X -Value 1')[0]).toBe(
      "Set-ItemProperty : Cannot find path 'HKLM:\\SOFTWARE\\Nowhere' because it does not exist.",
    );
    expect(
      ps(lab, 'sync01', `Set-ItemProperty -Path ${TLS_KEY} -Name Enabled -Value 1 -Type Dwrd`)[0],
    ).toMatch(
      /^Set-ItemProperty : Cannot bind parameter 'Type'\. Cannot convert value "Dwrd" to type "Microsoft\.Win32\.RegistryValueKind"/,
    );
  });

  it("the TLS script's piped steps print nothing (| Out-Null) and leave the values in place", () => {
    const lab = configured();
    expect(ps(lab, 'pc1', `New-Item ${TLS_KEY} -Force | Out-Null`)).toEqual([]);
    expect(
      ps(
        lab,
        'pc1',
        `New-ItemProperty -Path ${TLS_KEY} -Name 'DisabledByDefault' -Value '0' -PropertyType 'DWord' -Force | Out-Null`,
      ),
    ).toEqual([]);
    expect(ps(lab, 'pc1', `Get-ItemPropertyValue ${TLS_KEY} -Name DisabledByDefault`)).toEqual(['0']);
    // Errors are another stream: Out-Null does not hide them.
    expect(ps(lab, 'pc1', 'Get-ItemProperty HKLM:\\SOFTWARE\\Nowhere | Out-Null')[0]).toBe(
      "Get-ItemProperty : Cannot find path 'HKLM:\\SOFTWARE\\Nowhere' because it does not exist.",
    );
  });

  it('Microsoft TLS script steps work on a host that has no SCHANNEL key yet', () => {
    const lab = configured();
    const key = TLS_KEY;
    expect(ps(lab, 'pc2', `Test-Path ${key}`)).toEqual(['False']);
    expect(
      ps(lab, 'pc2', `New-ItemProperty -Path ${key} -Name Enabled -Value 1 -PropertyType DWord`)[0],
    ).toMatch(/^New-ItemProperty : Cannot find path/);
    expect(ps(lab, 'pc2', `New-Item ${key} -Force`)).toEqual([
      '',
      '',
      '    Hive: HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2',
      '',
      '',
      'Name                           Property',
      '----                           --------',
      'Client',
      '',
    ]);
    expect(ps(lab, 'pc2', `Test-Path ${key}`)).toEqual(['True']);
    expect(
      ps(lab, 'pc2', `New-ItemProperty -Path ${key} -Name Enabled -Value 1 -PropertyType DWord`).slice(0, 3),
    ).toEqual([
      '',
      'Enabled      : 1',
      'PSPath       : Microsoft.PowerShell.Core\\Registry::HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client',
    ]);
    expect(
      ps(lab, 'pc2', `New-ItemProperty -Path ${key} -Name Enabled -Value 1 -PropertyType DWord`)[0],
    ).toBe('New-ItemProperty : The property already exists.');
    expect(
      cmd(
        lab,
        'pc2',
        `reg add "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client" /v DisabledByDefault /t REG_DWORD /d 0 /f`,
      ),
    ).toEqual(['The operation completed successfully.', '']);
    expect(
      cmd(
        lab,
        'pc2',
        'reg query "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client"',
      ),
    ).toEqual([
      '',
      'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client',
      '    Enabled    REG_DWORD    0x1',
      '    DisabledByDefault    REG_DWORD    0x0',
      '',
      '',
    ]);
    expect(cmd(lab, 'pc2', 'reg query HKLM\\SOFTWARE\\Nowhere')).toEqual([
      'ERROR: The system was unable to find the specified registry key or value.',
      '',
    ]);
    expect(cmd(lab, 'pc2', 'reg query XYZ\\SOFTWARE')).toEqual([
      'ERROR: Invalid key name.',
      'Type "REG QUERY /?" for usage.',
      '',
    ]);
  });
});

describe('the machine itself', () => {
  it('shutdown /r /t 0 restarts the host (6006, then the boot events)', () => {
    const lab = configured();
    expect(cmd(lab, 'pc2', 'shutdown /r /t 0')).toEqual([]);
    wait(lab, '1m');
    const boot = ps(lab, 'pc2', 'Get-EventLog System -Newest 4').slice(3, 7);
    expect(boot.map((l) => l.slice(56, 68).trim())).toEqual(['2147489653', '2147489657', '12', '2147489654']);
    expect(cmd(lab, 'pc2', 'shutdown /a')).toEqual([
      'Unable to abort the system shutdown because no shutdown was in progress.(1116)',
      '',
    ]);
    expect(cmd(lab, 'pc2', 'shutdown')[0]).toMatch(/^Usage: shutdown \[\/i \| \/l \| \/s/);
  });

  it('Stop-Computer is declined politely, and systeminfo describes the host', () => {
    const lab = configured();
    expect(ps(lab, 'dc01', 'Stop-Computer')).toEqual([
      "The lab keeps DC01 running: shutting it down from its own console is not available. Use Restart-Computer (or shutdown /r) to restart it, or turn it off from the lab's device panel.",
    ]);
    const info = cmd(lab, 'sync01', 'systeminfo');
    expect(info.slice(1, 6)).toEqual([
      'Host Name:                 SYNC01',
      'OS Name:                   Microsoft Windows Server 2022 Standard',
      'OS Version:                10.0.20348 N/A Build 20348',
      'OS Manufacturer:           Microsoft Corporation',
      'OS Configuration:          Member Server',
    ]);
    expect(info).toContain('System Boot Time:          3/2/2026, 8:00:00 AM');
    expect(info).toContain('Logon Server:              \\\\DC01');
    expect(cmd(lab, 'dc01', 'systeminfo')).toContain('OS Configuration:          Primary Domain Controller');
  });

  it('Import-Module knows which modules a host has', () => {
    const lab = configured();
    expect(ps(lab, 'sync01', 'Import-Module ADSyncDiagnostics')).toEqual([]);
    expect(ps(lab, 'dc01', 'Import-Module ADSyncDiagnostics')).toEqual([
      "Import-Module : The specified module 'ADSyncDiagnostics' was not loaded because no valid module file was found in any module directory.",
      'At line:1 char:1',
      '+ Import-Module ADSyncDiagnostics',
      '+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~',
      '    + CategoryInfo          : ResourceUnavailable: (ADSyncDiagnostics:String) [Import-Module], FileNotFoundException',
      '    + FullyQualifiedErrorId : Modules_ModuleNotFound,Microsoft.PowerShell.Commands.ImportModuleCommand',
      '',
    ]);
  });

  it('never throws, whatever is typed', () => {
    const lab = configured();
    const lines = [
      'Get-Service -Name',
      'Get-EventLog',
      'Get-EventLog -List -LogName System',
      'Get-WinEvent -FilterHashtable notahashtable',
      "Get-WinEvent -FilterHashtable @{Foo='x'}",
      'Get-ItemProperty',
      'Get-ItemProperty C:\\Windows',
      'Get-ChildItem HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders -Recurse',
      'Set-Service',
      'Set-Service ADSync -Status Sideways',
      'Restart-Computer -ComputerName DC01',
      'Test-Path',
      'New-Item HKLM:\\',
    ];
    for (const l of lines) {
      expect(() => ps(lab, 'sync01', l)).not.toThrow();
      expect(lab.health().ok).toBe(true);
    }
    for (const l of [
      'sc',
      'sc query',
      'sc config',
      'sc config ADSync start=',
      'reg add',
      'reg delete HKLM',
      'wevtutil qe',
      'shutdown /t x /r',
    ]) {
      expect(() => cmd(lab, 'sync01', l)).not.toThrow();
      expect(lab.health().ok).toBe(true);
    }
    expect(ps(lab, 'sync01', 'Get-Service ADSync')[3]).toMatch(/^Running/);
  });
});
