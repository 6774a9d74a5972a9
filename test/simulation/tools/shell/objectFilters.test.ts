/**
 * Select-Object, Sort-Object, Format-*, ForEach-Object and the binding errors' class names as
 * Windows PowerShell 5.1 gives them: typed sorting (dates, numbers, enums), -First/-Last/-Skip and
 * their validation, calculated properties, the service list view.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { must, newLab, run, wait } from '../../../harness';
import { presetDefinition } from '../../../../simulation/lab/presets';
import type { Lab } from '../../../../simulation/facade/lab';
import { compareValues } from '../../../../simulation/tools/shell/sortMeasure';
import { psDateValue, psEnum } from '../../../../simulation/tools/shell/psFormat';
import { objectText } from '../../../../simulation/tools/shell/psObject';
import { CATALOG } from '../../../../simulation/tools/catalog';

let lab: Lab;
const ps = (host: string, line: string) => run(lab, host, line, 'powershell');

beforeEach(() => {
  lab = newLab({ definition: presetDefinition('configured') });
});

describe('Sort-Object', () => {
  it('orders dates as dates, numbers as numbers, enums by value', () => {
    const at = (h: number) => Date.UTC(2026, 2, 2, h);
    // As text, "3/2/2026 10:00:00 AM" sorts before "3/2/2026 9:00:00 AM".
    expect(compareValues(psDateValue(at(9)), psDateValue(at(10)))).toBe(-1);
    expect(compareValues(9, 10)).toBe(-1);
    const status = (s: string) => psEnum('Status', { Stopped: 1, Running: 4 }, s);
    expect(compareValues(status('Stopped'), status('Running'))).toBe(-1);
    expect(compareValues('', 'a')).toBe(-1);
  });

  it('Get-Service | Sort-Object Status puts the stopped services first', () => {
    must(lab, { type: 'service.stop', host: 'sync01', service: 'W32Time' });
    const out = ps('sync01', 'Get-Service | Sort-Object Status | Select -Expand Status');
    expect(out[0]).toBe('Stopped');
    expect(out[out.length - 1]).toBe('Running');
  });

  it('sorts PasswordLastSet by time, not by its text', () => {
    const pw = '(ConvertTo-SecureString "Spring#Reset2026" -AsPlainText -Force)';
    wait(lab, '1h');
    ps('dc01', `Set-ADAccountPassword emma.wilson -Reset -NewPassword ${pw}`);
    wait(lab, '1h');
    ps('dc01', `Set-ADAccountPassword james.carter -Reset -NewPassword ${pw}`);
    expect(
      ps(
        'dc01',
        'Get-ADUser -Filter * -Properties PasswordLastSet | Sort-Object PasswordLastSet -Descending | Select -First 2 -Expand SamAccountName',
      ),
    ).toEqual(['james.carter', 'emma.wilson']);
  });
});

describe('Select-Object', () => {
  it('-First -1 is the ValidateRange error, pointing at the argument', () => {
    expect(ps('dc01', 'Get-ADUser -Filter * | Select -First -1')).toEqual([
      "Select-Object : Cannot validate argument on parameter 'First'. The -1 argument is less than the minimum allowed range of 0. Supply an argument that is greater than or equal to 0 and then try the command again.",
      'At line:1 char:38',
      '+ Get-ADUser -Filter * | Select -First -1',
      '+                                      ~~',
      '    + CategoryInfo          : InvalidData: (:) [Select-Object], ParameterBindingValidationException',
      '    + FullyQualifiedErrorId : ParameterArgumentValidationError,Microsoft.PowerShell.Commands.SelectObjectCommand',
      '',
    ]);
  });

  it('-First 1 -Last 1 returns both ends; -Skip works on objects and on text', () => {
    expect(ps('dc01', 'Get-ADUser -Filter * | Select -First 1 -Last 1 -Expand Name')).toEqual([
      'Administrator',
      'MSOL_3f9c2a1b7d44',
    ]);
    expect(ps('dc01', 'Get-ADUser -Filter * | Select -Skip 6 -Expand SamAccountName')).toEqual([
      'daniel.kim',
      'MSOL_3f9c2a1b7d44',
    ]);
    const all = ps('pc2', 'ipconfig');
    expect(ps('pc2', 'ipconfig | Select -Skip 2')).toEqual(all.slice(2));
  });

  it('takes calculated properties', () => {
    expect(
      ps(
        'dc01',
        "Get-ADUser -Filter * | Select Name,@{Name='Login';Expression={$_.SamAccountName}} -First 2",
      ),
    ).toEqual([
      '',
      'Name          Login',
      '----          -----',
      'Administrator Administrator',
      'Michael Brown michael.brown',
      '',
    ]);
  });
});

describe('Format-Table and Format-List', () => {
  it('Format-Table @{n=…;e={$_.Prop}} heads the column with the name', () => {
    expect(ps('dc01', "Get-ADUser michael.brown | Format-Table @{n='Who';e={$_.Name}},Enabled")).toEqual([
      '',
      'Who           Enabled',
      '---           -------',
      'Michael Brown True',
      '',
    ]);
  });

  it('an expression beyond a property is a HybridLab note, not a wrong table', () => {
    expect(ps('dc01', "Get-ADUser -Filter * | ft @{n='X';e={$_.Name + 'x'}}")[0]).toMatch(/^HybridLab: /);
  });

  it('Get-Service | Format-List shows the Windows PowerShell 5.1 list view', () => {
    expect(ps('dc01', 'Get-Service NTDS | Format-List')).toEqual([
      '',
      'Name                : NTDS',
      'DisplayName         : Active Directory Domain Services',
      'Status              : Running',
      'DependentServices   : {Kdc, ADWS}',
      'ServicesDependedOn  : {}',
      'CanPauseAndContinue : False',
      'CanShutdown         : True',
      'CanStop             : True',
      'ServiceType         : Win32ShareProcess',
      '',
      '',
    ]);
  });

  it('what a formatter writes binds to nothing after it', () => {
    expect(ps('sync01', 'Get-Service ADSync | Format-List | Start-Service')).toContain(
      '    + CategoryInfo          : InvalidArgument: (Microsoft.Power...FormatStartData:PSObject) [Start-Service], ParameterBindingException',
    );
  });
});

describe('ForEach-Object', () => {
  it('{ $_.Prop } and ForEach-Object Prop write the values', () => {
    expect(ps('dc01', 'Get-ADUser -Filter * | % { $_.SamAccountName } | Select -Last 2')).toEqual([
      'daniel.kim',
      'MSOL_3f9c2a1b7d44',
    ]);
    expect(ps('dc01', 'Get-ADUser -Filter * | ForEach-Object Name | Select -First 1')).toEqual([
      'Administrator',
    ]);
  });

  it('a longer script block is a HybridLab note, not "not recognized"', () => {
    const out = ps('dc01', 'Get-ADUser -Filter * | % { $_.Name.ToUpper() }');
    expect(out[0]).toMatch(/^HybridLab: /);
    expect(out.join('\n')).not.toContain('is not recognized');
  });
});

describe('binding errors name the real class', () => {
  it('every cmdlet knows its own name and class', () => {
    const missing = CATALOG.filter((c) => c.shell === 'powershell' && !c.className).map((c) => c.name);
    expect(missing).toEqual([]);
  });

  it("an ADSync cmdlet's class, and a custom object's text with True", () => {
    expect(ps('sync01', 'Get-Service ADSync | Get-ADSyncScheduler')).toContain(
      '    + FullyQualifiedErrorId : InputObjectNotBound,Microsoft.IdentityManagement.PowerShell.Cmdlet.GetADSyncSchedulerCmdlet',
    );
    expect(objectText({ typeName: 'Selected.X', props: [['Enabled', true]] })).toBe('@{Enabled=True}');
    expect(ps('dc01', 'Get-ADUser Administrator | Select Enabled | Get-Date')).toContain(
      '    + CategoryInfo          : InvalidArgument: (@{Enabled=True}:PSObject) [Get-Date], ParameterBindingException',
    );
  });
});
