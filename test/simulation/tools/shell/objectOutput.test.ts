/**
 * Cmdlets that printed only text now write objects (their properties are what they display), so
 * Select-Object, Where-Object and the formatters work on them, while their own output, with
 * nothing after them, is what it was.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { newLab, run, wait } from '../../../harness';
import { presetDefinition } from '../../../../simulation/lab/presets';
import type { Lab } from '../../../../simulation/facade/lab';

let lab: Lab;
const ps = (host: string, line: string) => run(lab, host, line, 'powershell');
const count = (host: string, line: string) => ps(host, `${line} | Measure-Object | Select -Expand Count`);

beforeEach(() => {
  lab = newLab({ definition: presetDefinition('configured') });
});

describe('Get-ADDefaultDomainPasswordPolicy', () => {
  it('| Select MinPasswordAge,PasswordHistoryCount is a two-column table (the scenario hint)', () => {
    expect(
      ps('dc01', 'Get-ADDefaultDomainPasswordPolicy | Select MinPasswordAge,PasswordHistoryCount'),
    ).toEqual([
      '',
      'MinPasswordAge PasswordHistoryCount',
      '-------------- --------------------',
      '00:00:00                         24',
      '',
    ]);
    expect(ps('dc01', 'Get-ADDefaultDomainPasswordPolicy | Select -Expand LockoutThreshold')).toEqual(['5']);
    expect(ps('dc01', 'Get-ADDefaultDomainPasswordPolicy')[1]).toBe('ComplexityEnabled           : True');
  });
});

describe('Get-Date', () => {
  it('writes a DateTime: Select picks its fields, the console still shows the long date', () => {
    expect(ps('pc2', 'Get-Date')).toEqual(['', 'Monday, March 2, 2026 8:00:00 AM', '', '']);
    expect(ps('pc2', 'Get-Date | Select Year,Month,Day')).toEqual([
      '',
      'Year Month Day',
      '---- ----- ---',
      '2026     3   2',
      '',
    ]);
    expect(ps('pc2', 'Get-Date | Select -Expand DayOfWeek')).toEqual(['Monday']);
    expect(count('pc2', 'Get-Date -Format yyyy')).toEqual(['1']);
  });
});

describe('Test-NetConnection', () => {
  it('| Select TcpTestSucceeded and | Where-Object on its result', () => {
    expect(ps('pc2', 'Test-NetConnection dc01 -Port 389 | Select TcpTestSucceeded,RemotePort')).toEqual([
      '',
      'TcpTestSucceeded RemotePort',
      '---------------- ----------',
      'True                    389',
      '',
    ]);
    expect(
      ps(
        'pc2',
        'Test-NetConnection dc01 -Port 389 | Where-Object { $_.TcpTestSucceeded } | Select -Expand ComputerName',
      ),
    ).toEqual(['dc01']);
    expect(ps('pc2', 'Test-NetConnection dc01 -Port 389 -InformationLevel Quiet | Measure-Object')[1]).toBe(
      'Count    : 1',
    );
  });
});

describe('Get-DnsClientServerAddress', () => {
  it('keeps its table and writes one object per interface and family (AddressFamily 2 is IPv4)', () => {
    expect(ps('pc2', 'Get-DnsClientServerAddress')[4]).toBe(
      'Ethernet                            12 IPv4    {192.168.6.2}',
    );
    expect(count('pc2', 'Get-DnsClientServerAddress')).toEqual(['4']);
    expect(
      ps(
        'pc2',
        'Get-DnsClientServerAddress -InterfaceAlias Ethernet | Where-Object AddressFamily -eq 2 | Select -Expand ServerAddresses',
      ),
    ).toEqual(['{192.168.6.2}']);
  });
});

describe('Get-ItemProperty', () => {
  it('writes the key as an object: | Select -Expand a value', () => {
    const key = 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\W32Time\\Parameters';
    expect(ps('sync01', `Get-ItemProperty ${key} | Select -Expand Type`)).toEqual(['NT5DS']);
    expect(ps('sync01', `Get-ItemProperty ${key} | Select Type,PSChildName`)).toEqual([
      '',
      'Type  PSChildName',
      '----  -----------',
      'NT5DS Parameters',
      '',
    ]);
  });
});

describe('the ADSync cmdlets', () => {
  it('Get-ADSyncAADPasswordSyncConfiguration | Select -Expand Enabled', () => {
    expect(
      ps(
        'sync01',
        'Get-ADSyncAADPasswordSyncConfiguration -SourceConnector laborhub.store | Select -Expand Enabled',
      ),
    ).toEqual(['True']);
  });

  it('Get-ADSyncRunProfileResult writes one object per run', () => {
    wait(lab, '5m');
    const runs = ps('sync01', 'Get-ADSyncRunProfileResult').filter((l) => l.startsWith('RunHistoryId'));
    expect(runs.length).toBeGreaterThan(0);
    expect(count('sync01', 'Get-ADSyncRunProfileResult')).toEqual([String(runs.length)]);
    expect(
      ps('sync01', 'Get-ADSyncRunProfileResult -NumberRequested 1 | Select -Expand RunProfileName'),
    ).toHaveLength(1);
  });
});
