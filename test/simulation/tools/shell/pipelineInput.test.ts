/**
 * Cmdlets that take pipeline input, as Windows PowerShell 5.1 binds and runs them: once per input
 * object, with what they write gathered so the rest of the pipeline runs once; strings (typed or
 * from a native program) bind by value; a parameter the line already gives leaves nothing for the
 * input; an AD identity never comes from a Name; -WhatIf's lines are not pipeline output.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { must, newLab, run } from '../../../harness';
import { presetDefinition } from '../../../../simulation/lab/presets';
import type { Lab } from '../../../../simulation/facade/lab';

let lab: Lab;
const ps = (host: string, line: string) => run(lab, host, line, 'powershell');
const user = (sam: string) => lab.truth().hosts.dc01?.roles.directory?.users[sam];
const status = (host: string, service: string) => lab.truth().hosts[host]?.host.services[service]?.status;

const NOT_BOUND =
  'The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.';
const measure = (count: number) => [
  '',
  `Count    : ${count}`,
  'Average  :',
  'Sum      :',
  'Maximum  :',
  'Minimum  :',
  'Property :',
  '',
  '',
];

beforeEach(() => {
  lab = newLab({ definition: presetDefinition('configured') });
});

describe('the stages after a pipeline-input cmdlet run once, on everything it wrote', () => {
  it('Get-ADGroupMember | Get-ADUser | Measure-Object counts both members at once', () => {
    expect(ps('dc01', 'Get-ADGroupMember "SSPR Users" | Get-ADUser | Measure-Object')).toEqual(measure(2));
  });

  it('Select-Object -First 1 keeps one user of all the runs', () => {
    expect(
      ps('dc01', 'Get-ADGroupMember "SSPR Users" | Get-ADUser | Select-Object -First 1 -Property Name'),
    ).toEqual(['', 'Name', '----', 'Michael Brown', '']);
  });

  it('Sort-Object orders across the runs', () => {
    expect(
      ps('dc01', 'Get-ADGroupMember "SSPR Users" | Get-ADUser | Sort-Object Name | Select -Expand Name'),
    ).toEqual(['Emma Wilson', 'Michael Brown']);
  });

  it('Restart-Service -PassThru for two services prints one table with two rows', () => {
    expect(ps('sync01', 'Get-Service ADSync,W32Time | Restart-Service -PassThru')).toEqual([
      "WARNING: Waiting for service 'Microsoft Azure AD Sync (ADSync)' to stop...",
      "WARNING: Waiting for service 'Microsoft Azure AD Sync (ADSync)' to start...",
      '',
      'Status   Name               DisplayName',
      '------   ----               -----------',
      'Running  ADSync             Microsoft Azure AD Sync',
      'Running  W32Time            Windows Time',
      '',
    ]);
  });

  it('the runs as the last stage print one list, and a replay prints the same', () => {
    const line = 'Get-ADGroupMember "SSPR Users" | Get-ADUser';
    const first = ps('dc01', line);
    expect(first.filter((l) => l.startsWith('SamAccountName'))).toHaveLength(2);
    // One list: a blank line between the records, two at the end, none doubled in between.
    expect(first.slice(-2)).toEqual(['', '']);
    expect(first.filter((l) => l === '')).toHaveLength(4);
    lab = newLab({ definition: presetDefinition('configured') });
    expect(ps('dc01', line)).toEqual(first);
  });

  it('Measure-Object after a run that wrote nothing counts 0', () => {
    expect(ps('dc01', 'Search-ADAccount -LockedOut | Unlock-ADAccount | Measure-Object')).toEqual(measure(0));
  });
});

describe('valid pipelines are not errors', () => {
  it('Get-ADGroup | Get-ADGroupMember binds the group to -Identity', () => {
    const out = ps('dc01', 'Get-ADGroup "SSPR Users" | Get-ADGroupMember | Select -Expand SamAccountName');
    expect(out).toEqual(['michael.brown', 'emma.wilson']);
  });

  it('a string literal first writes a string into the pipeline', () => {
    expect(ps('dc01', "'michael.brown' | Get-ADUser | Select -Expand Name")).toEqual(['Michael Brown']);
    expect(ps('sync01', "'ADSync' | Get-Service")).toEqual([
      '',
      'Status   Name               DisplayName',
      '------   ----               -----------',
      'Running  ADSync             Microsoft Azure AD Sync',
      '',
    ]);
    expect(ps('sync01', "'ADSync','W32Time' | Get-Service | Select -Expand Name")).toEqual([
      'ADSync',
      'W32Time',
    ]);
    expect(ps('sync01', "'ADSync'")).toEqual(['ADSync']);
  });

  it("ipconfig | Get-Service passes each line to -Name: Get-Service's own not-found errors", () => {
    const out = ps('pc2', 'ipconfig | Get-Service');
    expect(out).not.toContain(`Get-Service : ${NOT_BOUND}`);
    expect(out).toContain(
      "Get-Service : Cannot find any service with service name 'Windows IP Configuration'.",
    );
    expect(out).toContain("Get-Service : Cannot find any service with service name ''.");
  });
});

describe('the pipeline parameter also given on the line', () => {
  it('-Identity by name or by position leaves the input unbound, and nothing changes', () => {
    ps('dc01', 'Disable-ADAccount emma.wilson');
    for (const line of [
      'Get-ADUser Administrator | Enable-ADAccount -Identity emma.wilson',
      'Get-ADUser Administrator | Enable-ADAccount emma.wilson',
    ]) {
      const out = ps('dc01', line);
      expect(out[0]).toBe(`Enable-ADAccount : ${NOT_BOUND}`);
      expect(out).toContain(
        '    + FullyQualifiedErrorId : InputObjectNotBound,Microsoft.ActiveDirectory.Management.Commands.EnableADAccount',
      );
      expect(out.join('\n')).not.toMatch(/ParameterAlreadyBound|PositionalParameterNotFound/);
    }
    expect(user('emma.wilson')?.enabled).toBe(false);
  });

  it('Get-Service ADSync | Stop-Service W32Time stops neither', () => {
    const out = ps('sync01', 'Get-Service ADSync | Stop-Service W32Time');
    expect(out[0]).toBe(`Stop-Service : ${NOT_BOUND}`);
    expect(status('sync01', 'ADSync')).toBe('Running');
    expect(status('sync01', 'W32Time')).toBe('Running');
  });
});

describe('an AD identity from the pipeline', () => {
  it('is not taken from a Name: Select Name | Unlock-ADAccount fails and unlocks no one', () => {
    must(lab, { type: 'fault.inject', fault: 'L14' });
    const out = ps('dc01', 'Get-ADUser michael.brown | Select Name | Unlock-ADAccount');
    expect(out[0]).toBe(
      "Unlock-ADAccount : Cannot validate argument on parameter 'Identity'. The Identity property on the argument is null or empty.",
    );
    expect(out).toContain(
      '    + FullyQualifiedErrorId : ParameterArgumentValidationError,Microsoft.ActiveDirectory.Management.Commands.UnlockADAccount',
    );
    expect(user('michael.brown')?.lockoutTime).toBeGreaterThan(0);
  });

  it('is taken from a SamAccountName', () => {
    must(lab, { type: 'fault.inject', fault: 'L14' });
    expect(ps('dc01', 'Get-ADUser michael.brown | Select SamAccountName | Unlock-ADAccount')).toEqual([]);
    expect(user('michael.brown')?.lockoutTime).toBe(0);
  });

  it('a service is no AD object: InputObjectNotBound', () => {
    expect(ps('sync01', 'Get-Service ADSync | Unlock-ADAccount')[0]).toBe(`Unlock-ADAccount : ${NOT_BOUND}`);
  });
});

describe('-WhatIf', () => {
  it('its lines show but are not pipeline output: Measure-Object counts 0', () => {
    expect(ps('sync01', 'Get-Service ADSync | Stop-Service -WhatIf | Measure-Object')).toEqual([
      'What if: Performing the operation "Stop-Service" on target "Microsoft Azure AD Sync (ADSync)".',
      ...measure(0),
    ]);
    expect(status('sync01', 'ADSync')).toBe('Running');
    expect(ps('dc01', 'Get-ADUser emma.wilson | Set-ADUser -Title x -WhatIf | Measure-Object')).toEqual([
      'What if: Performing the operation "Set" on target "CN=Emma Wilson,OU=Staff,OU=LaborHub,DC=laborhub,DC=store".',
      ...measure(0),
    ]);
    expect(ps('sync01', 'Stop-Service ADSync -WhatIf | findstr Nothing')).toEqual([
      'What if: Performing the operation "Stop-Service" on target "Microsoft Azure AD Sync (ADSync)".',
    ]);
  });
});
