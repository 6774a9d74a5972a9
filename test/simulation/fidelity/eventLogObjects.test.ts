/**
 * Issue 15, "Found by other checks": Get-EventLog writes System.Diagnostics.EventLogEntry objects
 * down the pipeline, and a parenthesised pipeline takes member access. Sources: Microsoft Learn
 * "Get-EventLog" (the Index/Time/EntryType/Source/InstanceID/Message table; example "display all
 * of an event's properties and values" for the property order of `Select-Object -Property *`) and
 * "about_Member-Access_Enumeration" (a property of several objects gives each one's value).
 */
import { describe, expect, it } from 'vitest';
import { out, workingLab } from '../faults/faultHarness';

const NEWEST = 'Get-EventLog -LogName Application -Newest 1';

describe('Get-EventLog objects (learn.microsoft.com/powershell/module/microsoft.powershell.management/get-eventlog)', () => {
  it('the default table is the format view (Index, Time, EntryType, Source, InstanceID, Message)', () => {
    const lab = workingLab();
    const lines = out(lab, 'sync01', 'Get-EventLog -LogName Application -Newest 2').split('\n');
    expect(lines[1]).toBe('   Index Time          EntryType   Source                 InstanceID Message');
    expect(lines[3]).toMatch(
      /^ +\d+ Mar 02 \d\d:\d\d {2}Information PasswordResetService +31019 ServiceBusHeartBeat/,
    );
  });

  it('Select-Object * lists the EventLogEntry properties in the documented order', () => {
    const lab = workingLab();
    const names = out(lab, 'sync01', `${NEWEST} | Select-Object -Property *`)
      .split('\n')
      .filter((l) => l.includes(' : ') || /^\w+ +:$/.test(l))
      .map((l) => l.split(':')[0]?.trim());
    expect(names).toEqual([
      'EventID',
      'MachineName',
      'Data',
      'Index',
      'Category',
      'CategoryNumber',
      'EntryType',
      'Message',
      'Source',
      'ReplacementStrings',
      'InstanceId',
      'TimeGenerated',
      'TimeWritten',
      'UserName',
      'Site',
      'Container',
    ]);
  });

  it('Select-Object picks properties, -ExpandProperty Message writes the text, Format-List honours its list', () => {
    const lab = workingLab();
    expect(
      out(lab, 'sync01', `${NEWEST} | Select-Object Index, Source, EventID`).split('\n').slice(1, 4),
    ).toEqual([
      'Index Source               EventID',
      '----- ------               -------',
      expect.stringMatching(/^ +\d+ PasswordResetService +31019$/),
    ]);
    expect(out(lab, 'sync01', `${NEWEST} | Select-Object -ExpandProperty Message`)).toBe(
      'ServiceBusHeartBeat: Successfully sent heartbeat request to Service Bus namespace ssprdedicatedsbprodfra-1.servicebus.windows.net.',
    );
    const fl = out(lab, 'sync01', `${NEWEST} | Format-List Source, InstanceId`).split('\n').filter(Boolean);
    expect(fl).toEqual(['Source     : PasswordResetService', 'InstanceId : 31019']);
  });

  it('Where-Object and Sort-Object work on the entries', () => {
    const lab = workingLab();
    const rows = out(
      lab,
      'sync01',
      'Get-EventLog -LogName Application -Newest 20 | Where-Object { $_.InstanceId -eq 31019 } | Sort-Object Index | Select-Object -ExpandProperty Index',
    )
      .split('\n')
      .filter(Boolean)
      .map(Number);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
  });
});

describe('parenthesised pipelines with member access (learn.microsoft.com/powershell/module/microsoft.powershell.core/about/about_member-access_enumeration)', () => {
  it('(Get-EventLog … -Newest 1).Message prints the message', () => {
    const lab = workingLab();
    expect(out(lab, 'sync01', `(${NEWEST}).Message`)).toBe(
      'ServiceBusHeartBeat: Successfully sent heartbeat request to Service Bus namespace ssprdedicatedsbprodfra-1.servicebus.windows.net.',
    );
    expect(out(lab, 'sync01', '(Get-EventLog -LogName Application -Newest 3).Count')).toBe('3');
  });

  it('(Get-ADUser michael.brown).Enabled and (Get-Service ADSync).Status', () => {
    const lab = workingLab();
    expect(out(lab, 'dc01', '(Get-ADUser michael.brown).Enabled')).toBe('True');
    expect(out(lab, 'sync01', '(Get-Service ADSync).Status')).toBe('Running');
  });

  it('a property of several objects gives each one (member enumeration); a missing one prints nothing', () => {
    const lab = workingLab();
    const idx = out(
      lab,
      'sync01',
      '(Get-EventLog -LogName Application -Newest 3 | Select-Object Index).Index',
    )
      .split('\n')
      .map(Number);
    expect(idx).toHaveLength(3);
    expect(idx[0]).toBeGreaterThan(idx[2] ?? Infinity);
    expect(out(lab, 'sync01', `(${NEWEST}).NoSuchProperty`)).toBe('');
  });

  it('methods: a DateTime converts; an unknown method is "Method invocation failed"', () => {
    const lab = workingLab();
    expect(out(lab, 'sync01', '(Get-Date).ToUniversalTime()').trim()).toMatch(
      /^\w+day, March 2, 2026 \d+:\d\d:\d\d [AP]M$/,
    );
    expect(out(lab, 'sync01', '(Get-Date).Foo()').split('\n').slice(0, 4)).toEqual([
      "Method invocation failed because [System.DateTime] does not contain a method named 'Foo'.",
      'At line:1 char:1',
      '+ (Get-Date).Foo()',
      '+ ~~~~~~~~~~~~~~~~',
    ]);
    expect(out(lab, 'sync01', '(Get-Date) foo').split('\n')[0]).toBe(
      "Unexpected token 'foo' in expression or statement.",
    );
  });
});
