/**
 * whoami on the lab's hosts, against Microsoft's whoami reference (learn.microsoft.com,
 * windows-commands/whoami: /upn, /fqdn, /user, /groups, /priv, /all) and the table layout
 * whoami.exe prints on Windows Server 2022.
 */
import { describe, expect, it } from 'vitest';
import { newLab, run, wait } from '../../../../harness';
import { presetDefinition } from '../../../../../simulation/lab/presets';

function configured() {
  const lab = newLab({ definition: presetDefinition('configured') });
  wait(lab, '1m');
  return lab;
}

describe('whoami (Microsoft Learn: windows-commands/whoami)', () => {
  it('prints the user, UPN and distinguished name from the directory', () => {
    const lab = configured();
    expect(run(lab, 'dc01', 'whoami', 'cmd')).toEqual(['laborhub\\administrator', '']);
    expect(run(lab, 'sync01', 'whoami /upn', 'cmd')).toEqual(['Administrator@laborhub.store', '']);
    expect(run(lab, 'pc1', 'whoami /fqdn', 'powershell')).toEqual([
      'CN=Administrator,CN=Users,DC=laborhub,DC=store',
    ]);
  });

  it('/user prints the USER INFORMATION table with the account SID (RID 500) the directory holds', () => {
    const lab = configured();
    const lines = run(lab, 'dc01', 'whoami /user', 'cmd');
    const sidLine = run(lab, 'dc01', 'Get-ADUser Administrator', 'powershell').find((l) =>
      l.startsWith('SID '),
    );
    expect(lines.slice(0, 5)).toEqual([
      '',
      'USER INFORMATION',
      '----------------',
      '',
      expect.stringMatching(/^User Name +SID$/),
    ]);
    expect(lines[5]).toMatch(/^=+ =+$/);
    expect(lines[6]).toMatch(/^laborhub\\administrator S-1-5-21-\d+-\d+-\d+-500$/);
    // The same SID as the directory's object.
    expect(sidLine?.split(': ')[1]).toBe(lines[6]?.split(' ')[1]);
  });

  it('/groups lists the token groups with SIDs, types and attributes; the domain groups come from AD', () => {
    const lab = configured();
    const dc = run(lab, 'dc01', 'whoami /groups', 'cmd');
    expect(dc.slice(1, 3)).toEqual(['GROUP INFORMATION', '-----------------']);
    expect(dc[4]).toMatch(/^Group Name +Type +SID +Attributes$/);
    const row = (name: string) => dc.find((l) => l.startsWith(`${name} `));
    expect(row('Everyone')).toMatch(
      / Well-known group S-1-1-0 +Mandatory group, Enabled by default, Enabled group$/,
    );
    expect(row('BUILTIN\\Administrators')).toMatch(
      / Alias +S-1-5-32-544 +Mandatory group, Enabled by default, Enabled group, Group owner$/,
    );
    expect(row('LABORHUB\\Domain Admins')).toMatch(/ Group +S-1-5-21-\d+-\d+-\d+-512 +Mandatory group/);
    expect(row('LABORHUB\\Domain Users')).toMatch(/-513 /);
    expect(row('LABORHUB\\Denied RODC Password Replication Group')).toMatch(
      / Alias +S-1-5-21-\d+-\d+-\d+-572 +.*Local Group$/,
    );
    expect(row('Mandatory Label\\High Mandatory Level')).toMatch(/ Label +S-1-16-12288$/);
    expect(row('BUILTIN\\Pre-Windows 2000 Compatible Access')).toBeDefined();
    // A member server's token has no DC-only builtin alias; the domain SID is the same everywhere.
    const sync = run(lab, 'sync01', 'whoami /groups', 'cmd');
    expect(sync.some((l) => l.startsWith('BUILTIN\\Pre-Windows 2000'))).toBe(false);
    expect(sync.find((l) => l.startsWith('LABORHUB\\Domain Admins '))).toBe(row('LABORHUB\\Domain Admins'));
    // Columns line up under the = rows.
    const widths = (dc[5] ?? '').split(' ').map((s) => s.length);
    expect(widths.length).toBe(4);
    expect((row('Everyone') ?? '').indexOf('Well-known')).toBe((widths[0] ?? 0) + 1);
  });

  it("/priv lists an elevated administrator's privileges; a DC adds the DC-only rights", () => {
    const lab = configured();
    const dc = run(lab, 'dc01', 'whoami /priv', 'cmd');
    expect(dc.slice(1, 3)).toEqual(['PRIVILEGES INFORMATION', '----------------------']);
    expect(dc).toContainEqual(
      expect.stringMatching(/^SeChangeNotifyPrivilege +Bypass traverse checking +Enabled$/),
    );
    expect(dc).toContainEqual(
      expect.stringMatching(/^SeSystemtimePrivilege +Change the system time +Disabled$/),
    );
    expect(dc).toContainEqual(expect.stringMatching(/^SeMachineAccountPrivilege /));
    const pc = run(lab, 'pc1', 'whoami /priv', 'cmd');
    expect(pc.some((l) => l.startsWith('SeMachineAccountPrivilege'))).toBe(false);
  });

  it('/all prints user, groups, privileges and the claims note; combinations and bad switches', () => {
    const lab = configured();
    const all = run(lab, 'pc1', 'whoami /all', 'cmd');
    const titles = all.filter((l) => /^[A-Z ]+ INFORMATION$/.test(l));
    expect(titles).toEqual([
      'USER INFORMATION',
      'GROUP INFORMATION',
      'PRIVILEGES INFORMATION',
      'USER CLAIMS INFORMATION',
    ]);
    expect(all.slice(-3, -1)).toEqual([
      '',
      'Kerberos support for Dynamic Access Control on this device has been disabled.',
    ]);
    expect(all).toContain('User claims unknown.');
    const two = run(lab, 'pc1', 'whoami /user /priv', 'cmd').filter((l) => /INFORMATION$/.test(l));
    expect(two).toEqual(['USER INFORMATION', 'PRIVILEGES INFORMATION']);
    expect(run(lab, 'pc1', 'whoami /upn /groups', 'cmd')).toEqual([
      "ERROR: Invalid argument/option - '/groups'.",
      'Type "WHOAMI /?" for usage.',
      '',
    ]);
    expect(run(lab, 'pc1', 'whoami /bogus', 'cmd')[0]).toBe("ERROR: Invalid argument/option - '/bogus'.");
  });

  it('keeps the sign-in token: a group added in AD shows only at the next logon', () => {
    const lab = configured();
    expect(run(lab, 'dc01', 'Add-ADGroupMember Sales Administrator', 'powershell')).toEqual([]);
    expect(run(lab, 'dc01', 'net user Administrator /domain', 'cmd').join('\n')).toContain('*Sales');
    expect(run(lab, 'dc01', 'whoami /groups', 'cmd').some((l) => l.includes('Sales'))).toBe(false);
  });
});
