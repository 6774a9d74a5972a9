/**
 * Windows Time and the host's clock as a learner meets them: w32tm's queries, /resync over NTP
 * from the domain hierarchy or a manual peer, /stripchart, /config, Get-Date / Set-Date and cmd's
 * date and time. The L28 path: a PC whose clock is 10 minutes off and does not sync, diagnosed
 * with w32tm and fixed with w32tm.
 */
import { describe, expect, it } from 'vitest';
import { must, newLab, run, wait } from '../../../../harness';
import { presetDefinition } from '../../../../../simulation/lab/presets';
import type { Lab } from '../../../../../simulation/facade/lab';
import { KEYS, readValue } from '../../../../../simulation/windows/registry';

const MIN = 60_000;
const lab = (): Lab => newLab({ definition: presetDefinition('configured') });
const ps = (l: Lab, host: string, line: string) => run(l, host, line, 'powershell');
/** cmd's output without the blank lines the console may add before the next prompt. */
const cmd = (l: Lab, host: string, line: string) => {
  const lines = run(l, host, line, 'cmd');
  while (lines.at(-1) === '') lines.pop();
  return lines;
};
const host = (l: Lab, id: string) => l.truth().hosts[id]?.host;
const offsetOf = (l: Lab, id: string) => host(l, id)?.clockOffsetMs ?? NaN;
/** The System log's time events (Time-Service, and Kernel-General 1 "The system time has changed"). */
const systemLog = (l: Lab, id: string, since: number) =>
  l
    .events()
    .filter(
      (e) =>
        e.computer.toLowerCase().startsWith(id) &&
        e.log === 'System' &&
        e.time >= since &&
        (e.source === 'Microsoft-Windows-Time-Service' ||
          (e.source === 'Microsoft-Windows-Kernel-General' && e.eventId === 1)),
    );
const skewPc = (l: Lab, offsetMs = 10 * MIN, timeType: 'NT5DS' | 'NoSync' = 'NoSync') =>
  must(l, { type: 'backstage.host', host: 'pc2', patch: { op: 'clock', offsetMs, timeType } });

const UNSYNCED_STATUS = [
  'Leap Indicator: 3(not synchronized)',
  'Stratum: 0 (unspecified)',
  'Precision: -23 (119.209ns per tick)',
  'Root Delay: 0.0000000s',
  'Root Dispersion: 0.0000000s',
  'ReferenceId: 0x00000000 (unspecified)',
  'Last Successful Sync Time: unspecified',
  'Source: Local CMOS Clock',
  'Poll Interval: 6 (64s)',
];

describe('w32tm /query', () => {
  it('a domain member synced from DC01: status, source, peers, configuration', () => {
    const l = lab();
    wait(l, '1m');
    const status = cmd(l, 'pc2', 'w32tm /query /status');
    expect(status.slice(0, 3)).toEqual([
      'Leap Indicator: 0(no warning)',
      'Stratum: 4 (secondary reference - syncd by (S)NTP)',
      'Precision: -23 (119.209ns per tick)',
    ]);
    expect(status[3]).toMatch(/^Root Delay: 0\.0\d{6}s$/);
    expect(status[4]).toMatch(/^Root Dispersion: 7\.7\d{6}s$/);
    expect(status.slice(5)).toEqual([
      'ReferenceId: 0xC0A80602 (source IP:  192.168.6.2)',
      'Last Successful Sync Time: 3/2/2026 8:00:00 AM',
      'Source: DC01.laborhub.store',
      'Poll Interval: 10 (1024s)',
    ]);
    expect(cmd(l, 'pc2', 'w32tm /query /source')).toEqual(['DC01.laborhub.store']);
    expect(cmd(l, 'pc2', 'w32tm /query /peers')).toEqual([
      '#Peers: 1',
      '',
      'Peer: DC01.laborhub.store',
      'State: Active',
      'Time Remaining: 964.0000000s',
      'Mode: 3 (Client)',
      'Stratum: 3 (secondary reference - syncd by (S)NTP)',
      'PeerPoll Interval: 10 (1024s)',
      'HostPoll Interval: 10 (1024s)',
    ]);
    const conf = cmd(l, 'pc2', 'w32tm /query /configuration');
    expect(conf[0]).toBe('[Configuration]');
    expect(conf).toContain('Type: NT5DS (Local)');
    expect(cmd(l, 'dc01', 'w32tm /query /configuration')).toContain(
      'NtpServer: time.windows.com,0x9 (Local)',
    );
    expect(cmd(l, 'dc01', 'w32tm /query /status')).toContain(
      'Stratum: 3 (secondary reference - syncd by (S)NTP)',
    );
  });

  it('L28: the PC that does not sync shows Local CMOS Clock, no peers, and its configuration says NoSync', () => {
    const l = lab();
    must(l, { type: 'fault.inject', fault: 'L28' });
    expect(cmd(l, 'pc2', 'w32tm /query /status')).toEqual(UNSYNCED_STATUS);
    expect(cmd(l, 'pc2', 'w32tm /query /source')).toEqual(['Local CMOS Clock']);
    expect(cmd(l, 'pc2', 'w32tm /query /peers')).toEqual(['#Peers: 0']);
    expect(cmd(l, 'pc2', 'w32tm /query /configuration')).toContain('Type: NoSync (Local)');
  });

  it('says the service has not been started when W32Time is stopped', () => {
    const l = lab();
    must(l, { type: 'service.stop', host: 'pc2', service: 'W32Time' });
    const notStarted = ['The following error occurred: The service has not been started. (0x80070426)'];
    expect(cmd(l, 'pc2', 'w32tm /query /status')).toEqual(notStarted);
    expect(cmd(l, 'pc2', 'w32tm /query /source')).toEqual(notStarted);
    expect(cmd(l, 'pc2', 'w32tm /resync')).toEqual([
      'Sending resync command to local computer',
      ...notStarted,
    ]);
  });
});

describe('w32tm /resync', () => {
  it('L28: NoSync has no time data; /config domhier /update then /resync sets the clock to DC01 and logs it', () => {
    const l = lab();
    must(l, { type: 'fault.inject', fault: 'L28' });
    expect(cmd(l, 'pc2', 'w32tm /resync')).toEqual([
      'Sending resync command to local computer',
      'The computer did not resync because no time data was available.',
    ]);
    expect(offsetOf(l, 'pc2')).toBe(10 * MIN);
    expect(cmd(l, 'pc2', 'w32tm /config /syncfromflags:domhier /update')).toEqual([
      'The command completed successfully.',
    ]);
    expect(host(l, 'pc2')?.time.type).toBe('NT5DS');
    expect(readValue(host(l, 'pc2')?.registry ?? {}, KEYS.w32time, 'Type')?.data).toBe('NT5DS');
    // The service has the new configuration, but has not synced yet.
    expect(cmd(l, 'pc2', 'w32tm /query /source')).toEqual(['Local CMOS Clock']);
    const t0 = l.now();
    expect(cmd(l, 'pc2', 'w32tm /resync')).toEqual([
      'Sending resync command to local computer',
      'The command completed successfully.',
    ]);
    expect(offsetOf(l, 'pc2')).toBe(offsetOf(l, 'dc01'));
    expect(host(l, 'pc2')?.time).toMatchObject({
      type: 'NT5DS',
      source: 'DC01.laborhub.store',
      lastSyncAt: t0,
    });
    expect(l.faultStatus().find((f) => f.id === 'L28')?.holds).toBe(false);
    expect(cmd(l, 'pc2', 'w32tm /query /status')).toContain('Source: DC01.laborhub.store');
    expect(systemLog(l, 'pc2', t0).map((e) => [e.source, e.eventId, e.message])).toEqual([
      [
        'Microsoft-Windows-Kernel-General',
        1,
        'The system time has changed to 2026-03-02T08:00:00.000000000Z from 2026-03-02T08:10:00.000000000Z.\n\nChange Reason: An application or system component changed the time.',
      ],
      [
        'Microsoft-Windows-Time-Service',
        35,
        'The time service is now synchronizing the system time with the time source DC01.laborhub.store (ntp.d|0.0.0.0:123->192.168.6.2:123).',
      ],
    ]);
  });

  it('takes the DC clock as it is (a DC that is itself off drags its members along)', () => {
    const l = lab();
    must(l, { type: 'backstage.host', host: 'dc01', patch: { op: 'clock', offsetMs: -3 * MIN } });
    expect(cmd(l, 'pc2', 'w32tm /resync /force')[1]).toBe('The command completed successfully.');
    expect(offsetOf(l, 'pc2')).toBe(-3 * MIN);
  });

  it('has no time data when the DC does not answer NTP, cannot be located, or for the DC itself (no internet NTP)', () => {
    const l = lab();
    skewPc(l, 10 * MIN, 'NT5DS');
    must(l, { type: 'service.stop', host: 'dc01', service: 'W32Time' });
    const noData = [
      'Sending resync command to local computer',
      'The computer did not resync because no time data was available.',
    ];
    expect(cmd(l, 'pc2', 'w32tm /resync')).toEqual(noData);
    expect(offsetOf(l, 'pc2')).toBe(10 * MIN);
    // /nowait does not wait for the outcome.
    expect(cmd(l, 'pc2', 'w32tm /resync /nowait')[1]).toBe('The command completed successfully.');
    must(l, { type: 'service.start', host: 'dc01', service: 'W32Time' });
    must(l, { type: 'backstage.host', host: 'pc2', patch: { op: 'dns', servers: ['8.8.8.8'] } });
    const t0 = l.now();
    expect(cmd(l, 'pc2', 'w32tm /resync')).toEqual(noData);
    expect(systemLog(l, 'pc2', t0).map((e) => [e.source, e.eventId, e.level])).toEqual([
      ['Microsoft-Windows-Time-Service', 129, 'Warning'],
    ]);
    expect(cmd(l, 'dc01', 'w32tm /resync')).toEqual(noData);
  });

  it('syncs from a manual peer list with /syncfromflags:manual, and logs 134 for a peer that does not resolve', () => {
    const l = lab();
    skewPc(l, 7 * MIN, 'NoSync');
    expect(
      cmd(
        l,
        'pc2',
        'w32tm /config /manualpeerlist:"pool.ntp.invalid,0x8 192.168.6.2,0x8" /syncfromflags:manual /update',
      ),
    ).toEqual(['The command completed successfully.']);
    expect(readValue(host(l, 'pc2')?.registry ?? {}, KEYS.w32time, 'NtpServer')?.data).toBe(
      'pool.ntp.invalid,0x8 192.168.6.2,0x8',
    );
    expect(cmd(l, 'pc2', 'w32tm /query /configuration')).toContain(
      'NtpServer: pool.ntp.invalid,0x8 192.168.6.2,0x8 (Local)',
    );
    const t0 = l.now();
    expect(cmd(l, 'pc2', 'w32tm /resync')[1]).toBe('The command completed successfully.');
    expect(offsetOf(l, 'pc2')).toBe(0);
    expect(cmd(l, 'pc2', 'w32tm /query /source')).toEqual(['192.168.6.2,0x8']);
    const events = systemLog(l, 'pc2', t0).filter((e) => e.source === 'Microsoft-Windows-Time-Service');
    expect(events.map((e) => e.eventId)).toEqual([134, 35]);
    expect(events[0]?.message).toContain("because of DNS resolution error on 'pool.ntp.invalid,0x8'");
    expect(events[1]?.message).toBe(
      'The time service is now synchronizing the system time with the time source 192.168.6.2,0x8 (ntp.m|0x8|0.0.0.0:123->192.168.6.2:123).',
    );
    const peers = cmd(l, 'pc2', 'w32tm /query /peers');
    expect(peers.slice(0, 4)).toEqual(['#Peers: 2', '', 'Peer: pool.ntp.invalid,0x8', 'State: Pending']);
    expect(peers).toContain('Peer: 192.168.6.2,0x8');
  });

  it('/config without /update only writes the registry; /syncfromflags:NO /update stops syncing', () => {
    const l = lab();
    cmd(l, 'pc2', 'w32tm /config /syncfromflags:NO');
    expect(readValue(host(l, 'pc2')?.registry ?? {}, KEYS.w32time, 'Type')?.data).toBe('NoSync');
    expect(host(l, 'pc2')?.time.type).toBe('NT5DS');
    expect(cmd(l, 'pc2', 'w32tm /config /update')).toEqual(['The command completed successfully.']);
    expect(host(l, 'pc2')?.time.type).toBe('NoSync');
    expect(cmd(l, 'pc2', 'w32tm /query /status')).toContain('Source: Local CMOS Clock');
    expect(cmd(l, 'pc2', 'w32tm /resync')[1]).toBe(
      'The computer did not resync because no time data was available.',
    );
  });
});

describe('w32tm /stripchart', () => {
  it('L28: shows the offset between this host and the target, sample by sample', () => {
    const l = lab();
    const healthy = cmd(l, 'pc2', 'w32tm /stripchart /computer:DC01 /dataonly /samples:3');
    expect(healthy.slice(0, 3)).toEqual([
      'Tracking DC01 [192.168.6.2:123].',
      'Collecting 3 samples.',
      'The current time is 3/2/2026 8:00:00 AM.',
    ]);
    expect(healthy.slice(3)).toHaveLength(3);
    for (const line of healthy.slice(3)) expect(line).toMatch(/^08:00:0[024], [+-]00\.000\d{4}s$/);
    must(l, { type: 'fault.inject', fault: 'L28' });
    const skewed = cmd(l, 'pc2', 'w32tm /stripchart /computer:dc01 /dataonly /samples:2');
    expect(skewed[2]).toBe('The current time is 3/2/2026 8:10:04 AM.');
    expect(skewed[3]).toMatch(/^08:10:04, -(600\.000|599\.999)\d{4}s$/);
    expect(skewed[4]).toMatch(/^08:10:06, -(600\.000|599\.999)\d{4}s$/);
    const chart = cmd(l, 'pc2', 'w32tm /stripchart /computer:dc01 /samples:1');
    expect(chart[3]).toMatch(
      /^08:10:\d\d, d:\+00\.000\d{4}s o:-(600\.000|599\.999)\d{4}s {2}\[\* {26}\| {27}\]$/,
    );
  });

  it('reports sample errors and name errors', () => {
    const l = lab();
    must(l, { type: 'service.stop', host: 'dc01', service: 'W32Time' });
    expect(cmd(l, 'pc2', 'w32tm /stripchart /computer:dc01 /dataonly /samples:2').slice(3)).toEqual([
      '08:00:00, error: 0x80072746',
      '08:00:02, error: 0x80072746',
    ]);
    must(l, {
      type: 'backstage.firewall',
      add: { id: 'ntp', direction: 'outbound', action: 'block', mode: 'drop', transport: 'udp', port: 123 },
    });
    expect(cmd(l, 'pc2', 'w32tm /stripchart /computer:dns.google /dataonly /samples:1').slice(3)).toEqual([
      '08:00:02, error: 0x800705B4',
    ]);
    expect(cmd(l, 'pc2', 'w32tm /stripchart /computer:nothere /samples:1')).toEqual([
      'The following error occurred: No such host is known. (0x80072AF9)',
    ]);
  });
});

describe('w32tm arguments', () => {
  it('prints the usage or "The parameter is incorrect." for what it does not take', () => {
    const l = lab();
    const usage = cmd(l, 'pc2', 'w32tm');
    expect(usage[0]).toBe('w32tm [/? | /register | /unregister ]');
    expect(usage).toContain('w32tm /query [/computer:<target>]');
    expect(cmd(l, 'pc2', 'w32tm /bogus')[0]).toBe('w32tm [/? | /register | /unregister ]');
    expect(cmd(l, 'pc2', 'w32tm /query')[0]).toBe('w32tm [/? | /register | /unregister ]');
    const incorrect = ['The following error occurred: The parameter is incorrect. (0x80070057)'];
    expect(cmd(l, 'pc2', 'w32tm /config /syncfromflags:sometimes /update')).toEqual(incorrect);
    expect(cmd(l, 'pc2', 'w32tm /stripchart /samples:3')).toEqual(incorrect);
    expect(cmd(l, 'pc2', 'w32tm /resync /bogus')).toEqual(incorrect);
    expect(cmd(l, 'pc2', 'w32tm /query /status /bogus')).toEqual(incorrect);
    expect(host(l, 'pc2')?.time.type).toBe('NT5DS');
    expect(cmd(l, 'pc2', 'w32tm /tz')).toEqual([
      'Time zone: Current:TIME_ZONE_ID_UNKNOWN Bias: 0min (UTC=LocalTime+Bias)',
      '  [Standard Name:"Coordinated Universal Time" Bias:0min Date:(unspecified)]',
      '  [Daylight Name:"Coordinated Universal Time" Bias:0min Date:(unspecified)]',
    ]);
  });
});

describe('Get-Date and Set-Date', () => {
  it('Get-Date shows the host clock, in the default and the requested formats', () => {
    const l = lab();
    wait(l, '1h');
    expect(ps(l, 'pc2', 'Get-Date')).toEqual(['', 'Monday, March 2, 2026 9:00:00 AM', '', '']);
    expect(ps(l, 'pc2', 'Get-Date -Format "yyyy-MM-dd HH:mm:ss"')).toEqual(['2026-03-02 09:00:00']);
    expect(ps(l, 'pc2', 'Get-Date -Format o')).toEqual(['2026-03-02T09:00:00.0000000+00:00']);
    expect(ps(l, 'pc2', "Get-Date -Format 'dddd d MMM yy, h:mm tt'")).toEqual(['Monday 2 Mar 26, 9:00 AM']);
    expect(ps(l, 'pc2', 'Get-Date -UFormat "%Y/%m/%d %R %Z"')).toEqual(['2026/03/02 09:00 +00']);
    expect(ps(l, 'pc2', 'Get-Date -DisplayHint Time')).toEqual(['', '9:00:00 AM', '', '']);
    expect(ps(l, 'pc2', 'Get-Date "12/31/2026 11:59 PM"')).toEqual([
      '',
      'Thursday, December 31, 2026 11:59:00 PM',
      '',
      '',
    ]);
    expect(ps(l, 'pc2', 'date')).toEqual(['', 'Monday, March 2, 2026 9:00:00 AM', '', '']);
    skewPc(l, 10 * MIN);
    expect(ps(l, 'pc2', 'Get-Date')).toEqual(['', 'Monday, March 2, 2026 9:10:00 AM', '', '']);
    expect(ps(l, 'dc01', 'Get-Date')).toEqual(['', 'Monday, March 2, 2026 9:00:00 AM', '', '']);
  });

  it('Set-Date moves the host clock, so Kerberos starts failing; -Adjust back fixes it', () => {
    const l = lab();
    expect(ps(l, 'pc2', 'Set-Date -Adjust 00:10:00')).toEqual([
      '',
      'Monday, March 2, 2026 8:10:00 AM',
      '',
      '',
    ]);
    expect(offsetOf(l, 'pc2')).toBe(10 * MIN);
    expect(cmd(l, 'pc2', 'klist get cifs/dc01')).toContain(
      'klist failed with 0xc0000133/-1073741517: The time at the Primary Domain Controller is different than the time at the Backup Domain Controller or member server by too large an amount.',
    );
    expect(ps(l, 'pc2', 'Set-Date -Adjust -00:10:00')[1]).toBe('Monday, March 2, 2026 8:00:00 AM');
    expect(offsetOf(l, 'pc2')).toBe(0);
    expect(ps(l, 'pc2', 'Set-Date -Adjust (New-TimeSpan -Minutes 4)')[1]).toBe(
      'Monday, March 2, 2026 8:04:00 AM',
    );
    expect(cmd(l, 'pc2', 'klist get cifs/dc01')[2]).toBe(
      'A ticket to cifs/dc01 has been retrieved successfully.',
    );
    expect(ps(l, 'pc2', 'Set-Date -Date "2026-03-02 07:30:00"')[1]).toBe('Monday, March 2, 2026 7:30:00 AM');
    expect(offsetOf(l, 'pc2')).toBe(-30 * MIN);
    const changed = systemLog(l, 'pc2', 0).filter(
      (e) => e.source === 'Microsoft-Windows-Kernel-General' && e.eventId === 1,
    );
    expect(changed).toHaveLength(4);
  });

  // Issue 15 ("Found by other checks"): w32tm reports when the last sync happened on the host's
  // clock at that time (Microsoft Learn "Windows Time service tools and settings", /query /status).
  it('Set-Date -Adjust without a sync leaves "Last Successful Sync Time" where it was', () => {
    const l = lab();
    const lastSync = () => cmd(l, 'pc2', 'w32tm /query /status').find((x) => x.startsWith('Last Successful'));
    const before = lastSync();
    expect(before).toBe('Last Successful Sync Time: 3/2/2026 8:00:00 AM');
    ps(l, 'pc2', 'Set-Date -Adjust 00:10:00');
    expect(lastSync()).toBe(before);
    wait(l, '2m');
    cmd(l, 'pc2', 'w32tm /resync');
    // A sync records the corrected clock's reading.
    expect(lastSync()).toBe('Last Successful Sync Time: 3/2/2026 8:02:00 AM');
  });

  it('gives PowerShell binding errors for bad dates, spans and parameter sets', () => {
    const l = lab();
    expect(ps(l, 'pc2', 'Set-Date -Date "the 32nd"')).toEqual([
      'Set-Date : Cannot bind parameter \'Date\'. Cannot convert value "the 32nd" to type "System.DateTime". Error: "String was not recognized as a valid DateTime."',
      'At line:1 char:16',
      '+ Set-Date -Date "the 32nd"',
      '+                ~~~~~~~~~~',
      '    + CategoryInfo          : InvalidArgument: (:) [Set-Date], ParameterBindingException',
      '    + FullyQualifiedErrorId : CannotConvertArgumentNoMessage,Microsoft.PowerShell.Commands.SetDateCommand',
      '',
    ]);
    expect(ps(l, 'pc2', 'Set-Date -Adjust 25:00:00')[0]).toBe(
      'Set-Date : Cannot bind parameter \'Adjust\'. Cannot convert value "25:00:00" to type "System.TimeSpan". Error: "String was not recognized as a valid TimeSpan."',
    );
    expect(ps(l, 'pc2', 'Set-Date -Date "3/2/2026" -Adjust 00:01:00')).toContain(
      '    + FullyQualifiedErrorId : AmbiguousParameterSet,Microsoft.PowerShell.Commands.SetDateCommand',
    );
    expect(ps(l, 'pc2', 'Set-Date')[0]).toBe(
      'Set-Date : Cannot process command because of one or more missing mandatory parameters: Date.',
    );
    expect(ps(l, 'pc2', 'Get-Date -Month 13')[0]).toBe(
      "Get-Date : Cannot validate argument on parameter 'Month'. The 13 argument is greater than the maximum allowed range of 12. Supply an argument that is less than or equal to 12 and then try the command again.",
    );
    expect(ps(l, 'pc2', 'Get-Date -Year 99999')[0]).toBe(
      "Get-Date : Cannot validate argument on parameter 'Year'. The 99999 argument is greater than the maximum allowed range of 9999. Supply an argument that is less than or equal to 9999 and then try the command again.",
    );
    expect(ps(l, 'pc2', 'Set-Date -Adjust 99999999.00:00:00')[0]).toBe(
      'Set-Date : The added or subtracted value results in an un-representable DateTime.',
    );
    expect(ps(l, 'pc2', 'Get-Date -Format q')[0]).toBe(
      'Get-Date : Input string was not in a correct format.',
    );
    expect(ps(l, 'pc2', 'date /t')[0]).toBe(
      'Get-Date : Cannot bind parameter \'Date\'. Cannot convert value "/t" to type "System.DateTime". Error: "String was not recognized as a valid DateTime."',
    );
    expect(offsetOf(l, 'pc2')).toBe(0);
  });
});

describe("cmd's date and time", () => {
  it('print and set the host clock', () => {
    const l = lab();
    wait(l, '90m');
    expect(cmd(l, 'pc2', 'date /t')).toEqual(['Mon 03/02/2026']);
    expect(cmd(l, 'pc2', 'time /t')).toEqual(['09:30 AM']);
    expect(cmd(l, 'pc2', 'date')).toEqual([
      'The current date is: Mon 03/02/2026',
      'Enter the new date: (mm-dd-yy) ',
    ]);
    expect(cmd(l, 'pc2', 'time')).toEqual(['The current time is:  9:30:00.00', 'Enter the new time: ']);
    expect(cmd(l, 'pc2', 'date 03-03-2026')).toEqual([]);
    expect(offsetOf(l, 'pc2')).toBe(24 * 60 * MIN);
    expect(cmd(l, 'pc2', 'date /t')).toEqual(['Tue 03/03/2026']);
    cmd(l, 'pc2', 'date 3/2/2026');
    expect(cmd(l, 'pc2', 'time 09:40')).toEqual([]);
    expect(offsetOf(l, 'pc2')).toBe(10 * MIN);
    expect(cmd(l, 'pc2', 'time 9:30 AM')).toEqual([]);
    expect(offsetOf(l, 'pc2')).toBe(0);
  });

  it('refuse what they cannot read; time is no PowerShell command', () => {
    const l = lab();
    expect(cmd(l, 'pc2', 'date 13-40-2026')).toEqual([
      'The system cannot accept the date entered.',
      'Enter the new date: (mm-dd-yy) ',
    ]);
    expect(cmd(l, 'pc2', 'time 25:99')).toEqual([
      'The system cannot accept the time entered.',
      'Enter the new time: ',
    ]);
    expect(offsetOf(l, 'pc2')).toBe(0);
    expect(cmd(l, 'pc2', 'date /?')[0]).toBe('Displays or sets the date.');
    expect(ps(l, 'pc2', 'time')[0]).toBe(
      "time : The term 'time' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.",
    );
  });
});

describe('any input', () => {
  it('never throws and never prints half-made values', () => {
    const l = lab();
    const lines = [
      'w32tm /stripchart /computer: /samples:-1',
      'w32tm /config /manualpeerlist: /syncfromflags:manual,domhier /update',
      'w32tm /query /status /source',
      'w32tm /resync /computer:',
      'Get-Date -Format "\'unterminated"',
      'Get-Date -UFormat %%%Q',
      'Get-Date -Date 2/30/2026',
      'Set-Date -Adjust (New-TimeSpan -Minutes)',
      'Set-Date -Date ""',
      'date 0-0-0',
      'time 99:99 PM',
    ];
    for (const line of lines)
      for (const shell of ['cmd', 'powershell'] as const) {
        const out = run(l, 'pc2', line, shell);
        expect(out.join('\n')).not.toMatch(/undefined|NaN|internal error in the lab/);
      }
    expect(host(l, 'pc2')?.clockOffsetMs).toBe(0);
  });
});
