/**
 * ADSync diagnostics on the Entra Connect server: Invoke-ADSyncDiagnostics -PasswordSync (the
 * PHS troubleshooter: tenant feature, staging, the AD connector's PHS setting, the heartbeat in the
 * Application log, the domain, and the connector account's replication rights read from the DC),
 * Get-ADSyncAADCompanyFeature and Get-ADSyncRunProfileResult. Every check follows from the lab's
 * state: the faults change the state, the output changes with it.
 */
import { describe, expect, it } from 'vitest';
import { customizeSync, must, newLab, run, wait } from '../../../../harness';
import { presetDefinition } from '../../../../../simulation/lab/presets';
import type { Lab } from '../../../../../simulation/facade/lab';

const ps = (lab: Lab, host: string, line: string) => run(lab, host, line, 'powershell');

/** A configured lab half an hour in: the first PHS heartbeat (654) has been written. */
function configured(after = '35m'): Lab {
  const lab = newLab({ definition: presetDefinition('configured') });
  wait(lab, after);
  return lab;
}

const MORE_HELP = [
  '',
  '',
  'For more help:',
  '+ Please see - https://go.microsoft.com/fwlink/?linkid=847231 or',
  '+ Open a service request through Azure Portal or Office 365 Admin Portal.',
  '',
];

function healthy(heartbeat: string): string[] {
  return [
    '',
    'AAD Tenant - everestitt.onmicrosoft.com',
    'Password Hash Synchronization cloud configuration is enabled',
    '',
    'AD Connector - laborhub.store',
    'Password Hash Synchronization is enabled',
    `Latest Password Hash Synchronization heartbeat is detected at: ${heartbeat} UTC`,
    '',
    'Directory Partitions:',
    '=====================',
    'Directory Partition - laborhub.store',
    '',
    'Only Use Preferred Domain Controllers: False',
    'Checking connectivity to the domain...',
    'Domain "laborhub.store" is reachable',
    '',
    'AD Connector Account - LABORHUB\\MSOL_3f9c2a1b7d44',
    'Checking the permissions of the AD Connector account on "DC=laborhub,DC=store"...',
    'The AD Connector account has the "Replicating Directory Changes" permission',
    'The AD Connector account has the "Replicating Directory Changes All" permission',
    ...MORE_HELP,
  ];
}

describe('Invoke-ADSyncDiagnostics -PasswordSync', () => {
  it('passes every check on a healthy server', () => {
    const lab = configured();
    expect(ps(lab, 'sync01', 'Invoke-ADSyncDiagnostics -PasswordSync')).toEqual(
      healthy('3/2/2026 8:30:25 AM'),
    );
  });

  it('finds the heartbeat of before the start, and none once three hours pass without a ping', () => {
    const lab = configured('5m');
    expect(ps(lab, 'sync01', 'Invoke-ADSyncDiagnostics -PasswordSync')[6]).toBe(
      'Latest Password Hash Synchronization heartbeat is detected at: 3/2/2026 7:30:00 AM UTC',
    );
    // The edge firewall blocks outbound 443 from the sync server: pings fail (655) from now on.
    must(lab, { type: 'fault.inject', fault: 'L7' });
    wait(lab, '3h');
    const out = ps(lab, 'sync01', 'Invoke-ADSyncDiagnostics -PasswordSync');
    expect(out[6]).toBe('Password Hash Synchronization heartbeat is not detected in the last 3 hours');
  });

  it('L19: PHS is off for the AD connector while the tenant still has it on', () => {
    const lab = configured();
    must(lab, { type: 'fault.inject', fault: 'L19' });
    const out = ps(lab, 'sync01', 'Invoke-ADSyncDiagnostics -PasswordSync');
    expect(out.slice(1, 6)).toEqual([
      'AAD Tenant - everestitt.onmicrosoft.com',
      'Password Hash Synchronization cloud configuration is enabled',
      '',
      'AD Connector - laborhub.store',
      'Password Hash Synchronization is disabled',
    ]);
    // Re-enabling it on the connector (the PHS channel) clears the check and the fault.
    expect(
      ps(
        lab,
        'sync01',
        "Set-ADSyncAADPasswordSyncConfiguration -SourceConnector laborhub.store -TargetConnector 'everestitt.onmicrosoft.com - AAD' -Enable $true",
      ),
    ).toEqual([]);
    expect(ps(lab, 'sync01', 'Invoke-ADSyncDiagnostics -PasswordSync')[5]).toBe(
      'Password Hash Synchronization is enabled',
    );
    expect(lab.faultStatus().find((f) => f.id === 'L19')?.holds).toBe(false);
  });

  it('L20: the connector account lacks Replicating Directory Changes All on the domain root', () => {
    const lab = configured();
    must(lab, { type: 'fault.inject', fault: 'L20' });
    const out = ps(lab, 'sync01', 'Invoke-ADSyncDiagnostics -PasswordSync');
    expect(out.slice(16, 20)).toEqual([
      'AD Connector Account - LABORHUB\\MSOL_3f9c2a1b7d44',
      'Checking the permissions of the AD Connector account on "DC=laborhub,DC=store"...',
      'The AD Connector account has the "Replicating Directory Changes" permission',
      'The AD Connector account does NOT have the "Replicating Directory Changes All" permission',
    ]);
    // The failing check prints in red (an error line); the passing one does not.
    const lab2 = configured();
    must(lab2, { type: 'fault.inject', fault: 'L20' });
    must(lab2, {
      type: 'console.exec',
      host: 'sync01',
      shell: 'powershell',
      line: 'Invoke-ADSyncDiagnostics -PasswordSync',
    });
    const transcript = lab2.learnerView().consoles.sync01?.powershell.transcript ?? [];
    const kinds = Object.fromEntries(transcript.map((l) => [l.text, l.kind]));
    expect(
      kinds['The AD Connector account does NOT have the "Replicating Directory Changes All" permission'],
    ).toBe('error');
    expect(kinds['The AD Connector account has the "Replicating Directory Changes" permission']).toBe(
      'output',
    );
  });

  it('L17: reports the staging server', () => {
    const lab = configured();
    must(lab, { type: 'fault.inject', fault: 'L17' });
    const out = ps(lab, 'sync01', 'Invoke-ADSyncDiagnostics -PasswordSync');
    expect(out.slice(3, 6)).toEqual([
      '',
      'Azure AD Connect server is in staging mode. Password Hash Synchronization is not active on a server in staging mode.',
      '',
    ]);
  });

  it('L8: without TLS 1.2 the cloud configuration cannot be read', () => {
    const lab = configured();
    must(lab, { type: 'fault.inject', fault: 'L8' });
    expect(ps(lab, 'sync01', 'Invoke-ADSyncDiagnostics -PasswordSync')[2]).toBe(
      'Unable to retrieve the Password Hash Synchronization cloud configuration: System.Net.WebException: The underlying connection was closed: An unexpected error occurred on a send.',
    );
  });

  it('the DC unreachable on the directory ports: the domain is not reachable, the rights cannot be read', () => {
    const lab = configured();
    must(lab, { type: 'service.stop', host: 'dc01', service: 'ADWS' });
    const out = ps(lab, 'sync01', 'Invoke-ADSyncDiagnostics -PasswordSync');
    expect(out[14]).toBe('Domain "laborhub.store" is reachable');
    expect(out[18]).toBe(
      'Unable to check the permissions: Active Directory Web Services on the domain controller could not be reached.',
    );
    must(lab, { type: 'service.stop', host: 'dc01', service: 'NTDS' });
    expect(ps(lab, 'sync01', 'Invoke-ADSyncDiagnostics -PasswordSync')[14]).toBe(
      'Domain "laborhub.store" is not reachable',
    );
  });

  it('L6: the service is down, so the module cannot read the configuration', () => {
    const lab = configured();
    must(lab, { type: 'fault.inject', fault: 'L6' });
    expect(ps(lab, 'sync01', 'Invoke-ADSyncDiagnostics -PasswordSync')).toEqual([
      'Get-ADSyncConnector : System.InvalidOperationException: Unable to connect to the synchronization service. The Microsoft Azure AD Sync service (ADSync) may not be running.',
      'At line:1 char:1',
      '+ Invoke-ADSyncDiagnostics -PasswordSync',
      '+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~',
      '    + CategoryInfo          : WriteError: (Microsoft.IdentityManagement.PowerShell.Cmdlet.GetADSyncConnectorCmdlet:GetADSyncConnectorCmdlet) [Get-ADSyncConnector], InvalidOperationException',
      '    + FullyQualifiedErrorId : System.InvalidOperationException: Unable to connect to the synchronization service. The Microsoft Azure AD Sync service (ADSync) may not be running.,Microsoft.IdentityManagement.PowerShell.Cmdlet.GetADSyncConnectorCmdlet',
      '',
    ]);
    expect(ps(lab, 'sync01', 'Start-Service ADSync')).toHaveLength(1);
    expect(ps(lab, 'sync01', 'Invoke-ADSyncDiagnostics -PasswordSync')[2]).toBe(
      'Password Hash Synchronization cloud configuration is enabled',
    );
  });

  it('the tenant feature off (wizard) shows as the cloud configuration', () => {
    const lab = configured();
    customizeSync(lab, { passwordHashSync: false });
    wait(lab, '2m');
    const out = ps(lab, 'sync01', 'Invoke-ADSyncDiagnostics -PasswordSync');
    expect(out[2]).toBe('Password Hash Synchronization cloud configuration is disabled');
    expect(out[5]).toBe('Password Hash Synchronization is disabled');
    expect(ps(lab, 'sync01', 'Get-ADSyncAADCompanyFeature')[1]).toBe(
      'PasswordHashSync               : False',
    );
  });
});

describe('Invoke-ADSyncDiagnostics without -PasswordSync, and where it exists', () => {
  it('prints the main menu and says the menu is not interactive in the lab', () => {
    const lab = configured('1m');
    expect(ps(lab, 'sync01', 'Invoke-ADSyncDiagnostics')).toEqual([
      '',
      '----------------------------------------AADConnect Troubleshooting------------------------------------------',
      '',
      "\tEnter '1' - Troubleshoot Object Synchronization",
      "\tEnter '2' - Troubleshoot Password Hash Synchronization",
      "\tEnter '3' - Collect General Diagnostics",
      "\tEnter '4' - Configure AD DS Connector Account Permissions",
      "\tEnter '5' - Test Azure Active Directory Connectivity",
      "\tEnter '6' - Test Active Directory Connectivity",
      "\tEnter 'Q' - Quit",
      '',
      'WARNING: The interactive troubleshooting menu is not available in the lab. Run Invoke-ADSyncDiagnostics -PasswordSync for the password hash synchronization checks.',
    ]);
  });

  it('is a command of the sync server only, and binds its parameters', () => {
    const lab = configured('1m');
    expect(ps(lab, 'dc01', 'Invoke-ADSyncDiagnostics -PasswordSync')[0]).toBe(
      "Invoke-ADSyncDiagnostics : The term 'Invoke-ADSyncDiagnostics' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.",
    );
    expect(ps(lab, 'sync01', 'Invoke-ADSyncDiagnostics -PasswordSnc').slice(0, 1)).toEqual([
      "Invoke-ADSyncDiagnostics : A parameter cannot be found that matches parameter name 'PasswordSnc'.",
    ]);
    expect(
      ps(
        lab,
        'sync01',
        'Invoke-ADSyncDiagnostics -PasswordSync -ADConnectorName laborhub.store -DistinguishedName "CN=Michael Brown,OU=Staff,OU=LaborHub,DC=laborhub,DC=store"',
      ),
    ).toEqual([
      'WARNING: Single-object password hash synchronization diagnostics are not available in the lab. Run Invoke-ADSyncDiagnostics -PasswordSync without -ADConnectorName and -DistinguishedName.',
    ]);
  });
});

describe('Get-ADSyncAADCompanyFeature', () => {
  it('reads the tenant features from the cloud', () => {
    const lab = configured('1m');
    expect(ps(lab, 'sync01', 'Get-ADSyncAADCompanyFeature')).toEqual([
      '',
      'PasswordHashSync               : True',
      'ForcePasswordChangeOnLogOn     : False',
      'UserForcePasswordChangeOnLogOn : False',
      'UnifiedGroupWriteback          : False',
      'UserWriteback                  : False',
      '',
      '',
    ]);
  });

  it('fails when the cloud cannot be reached (L7 firewall) or the service is down (L6)', () => {
    const lab = configured('1m');
    must(lab, { type: 'fault.inject', fault: 'L7' });
    const blocked = ps(lab, 'sync01', 'Get-ADSyncAADCompanyFeature');
    expect(blocked[0]).toBe(
      'Get-ADSyncAADCompanyFeature : System.Net.WebException: Unable to connect to the remote server',
    );
    must(lab, { type: 'fault.inject', fault: 'L6' });
    expect(ps(lab, 'sync01', 'Get-ADSyncAADCompanyFeature')[0]).toBe(
      'Get-ADSyncAADCompanyFeature : System.InvalidOperationException: Unable to connect to the synchronization service. The Microsoft Azure AD Sync service (ADSync) may not be running.',
    );
  });
});

describe('Get-ADSyncRunProfileResult', () => {
  it('lists the run history newest first, filtered by connector and count', () => {
    const lab = configured();
    const out = ps(lab, 'sync01', 'Get-ADSyncRunProfileResult -NumberRequested 1');
    expect(out).toHaveLength(17);
    expect(out.slice(2, 14)).toEqual([
      'ConnectorId       : f0f15e8a-fc36-4c10-9e6d-4a8b3e8f2b0c',
      'ConnectorName     : everestitt.onmicrosoft.com - AAD',
      expect.stringMatching(/^RunProfileId {6}: [0-9a-f-]{36}$/),
      'RunProfileName    : Export',
      'RunNumber         : 10',
      'Username          : NT SERVICE\\ADSync',
      'IsRunComplete     : True',
      'Result            : success',
      'CurrentStepNumber : 1',
      'TotalSteps        : 1',
      'StartDate         : 3/2/2026 8:30:00 AM',
      'EndDate           : 3/2/2026 8:30:00 AM',
    ]);
    const ad = ps(
      lab,
      'sync01',
      'Get-ADSyncRunProfileResult -ConnectorId b891884f-051e-4a83-95af-2544101c9083',
    );
    const names = ad.filter((l) => l.startsWith('ConnectorName')).map((l) => l.split(' : ')[1]);
    const profiles = ad.filter((l) => l.startsWith('RunProfileName')).map((l) => l.split(' : ')[1]);
    expect(new Set(names)).toEqual(new Set(['laborhub.store']));
    expect(profiles).toEqual([
      'Delta Synchronization',
      'Delta Import',
      'Full Synchronization',
      'Full Import',
    ]);
  });

  it('rejects a connector id that is not a GUID', () => {
    const lab = configured('1m');
    expect(ps(lab, 'sync01', 'Get-ADSyncRunProfileResult -ConnectorId laborhub.store')[0]).toBe(
      'Get-ADSyncRunProfileResult : Cannot bind parameter \'ConnectorId\'. Cannot convert value "laborhub.store" to type "System.Guid". Error: "Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)."',
    );
  });
});
