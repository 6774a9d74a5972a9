import { describe, expect, it } from 'vitest';
import { CATALOG, lookup, type CommandDecl } from '../../../../simulation/tools/catalog';
import { cmdHelpList, helpText, syntaxOf } from '../../../../simulation/tools/catalog/help';
import { newLab, run } from '../../../harness';

const lab = newLab();
const ps = (host: string, line: string) => run(lab, host, line, 'powershell');
const cmd = (host: string, line: string) => run(lab, host, line, 'cmd');

/** A command the lab does not have, declared only here. */
const FIXTURE: CommandDecl = {
  name: 'Get-LabWidget',
  aliases: ['glw'],
  shell: 'powershell',
  module: 'LabWidgets',
  version: '1.2.0.0',
  className: 'Lab.GetWidgetCommand',
  params: [
    { name: 'Identity', type: 'string', position: 0, mandatory: true },
    { name: 'Colour', type: 'enum', values: ['Red', 'Green'] },
    { name: 'Count', type: 'int' },
    { name: 'Force', type: 'switch' },
    { name: 'WhatIf', type: 'switch' },
  ],
  synopsis: 'Gets the widgets of the lab.',
};

describe('Get-Help', () => {
  it('prints NAME, SYNOPSIS, SYNTAX and ALIASES of a cmdlet from its declaration', () => {
    expect(ps('sync01', 'Get-Help Get-Service').join('\n')).toBe(
      [
        '',
        'NAME',
        '    Get-Service',
        '',
        'SYNOPSIS',
        '    Gets the services on a local or remote computer.',
        '',
        '',
        'SYNTAX',
        '    Get-Service [[-Name] <System.String[]>] [-DependentServices] [-DisplayName <System.String[]>] [-Exclude <System.String[]>] [-Include <System.String[]>] [-RequiredServices] [<CommonParameters>]',
        '',
        '',
        'ALIASES',
        '    gsv',
        '',
        '',
      ].join('\n'),
    );
  });

  it('answers to help, man and -? the same way', () => {
    const expected = ps('sync01', 'Get-Help Start-ADSyncSyncCycle');
    expect(expected.join('\n')).toContain('Start-ADSyncSyncCycle [[-PolicyType] {Delta | Initial}]');
    expect(ps('sync01', 'help start-adsyncsynccycle')).toEqual(expected);
    expect(ps('sync01', 'man Start-ADSyncSyncCycle')).toEqual(expected);
    expect(ps('sync01', 'Start-ADSyncSyncCycle -?')).toEqual(expected);
  });

  it('finds no help for a cmdlet this host does not have', () => {
    expect(ps('pc2', 'Get-Help Start-ADSyncSyncCycle').join('\n')).toContain(
      'Get-Help : Get-Help could not find Start-ADSyncSyncCycle in a help file in this session.',
    );
  });

  it('lists the matches of a wildcard', () => {
    const out = ps('sync01', 'Get-Help *-ADSyncSch*').join('\n');
    expect(out).toMatch(/Get-ADSyncScheduler\s+Cmdlet\s+ADSync\s+Gets the current sync cycle settings/);
    expect(out).toMatch(/Set-ADSyncScheduler\s+Cmdlet\s+ADSync/);
  });
});

describe('Get-Command', () => {
  it('lists a module’s commands in the CommandInfo table', () => {
    const out = ps('sync01', 'Get-Command -Module ADSync');
    expect(out.slice(0, 4)).toEqual([
      '',
      'CommandType     Name                                               Version    Source',
      '-----------     ----                                               -------    ------',
      'Cmdlet          Get-ADSyncAADCompanyFeature                        1.0.0.0    ADSync',
    ]);
    expect(out).toContain(
      'Cmdlet          Start-ADSyncSyncCycle                              1.0.0.0    ADSync',
    );
  });

  it('lists only what exists on the host', () => {
    expect(ps('pc2', 'Get-Command -Module ADSync')).toEqual([]);
    expect(ps('pc2', 'Get-Command Get-ADUser').join('\n')).toContain(
      "The term 'Get-ADUser' is not recognized",
    );
    expect(ps('dc01', 'Get-Command Get-ADUser').join('\n')).toContain('Cmdlet          Get-ADUser');
  });

  it('shows an alias and a program by name', () => {
    expect(ps('pc2', 'gcm gsv').join('\n')).toContain('Alias           gsv -> Get-Service');
    expect(ps('pc2', 'Get-Command ipconfig').join('\n')).toContain('Application     ipconfig.exe');
  });

  it('writes objects the pipeline can count', () => {
    expect(ps('sync01', 'Get-Command -Module ADSync | Measure-Object').join('\n')).toMatch(/Count\s+: 9/);
  });
});

describe("cmd's help", () => {
  it('lists the commands of cmd on this host in the HELP format', () => {
    const out = cmd('pc2', 'help');
    expect(out[0]).toBe('For more information on a specific command, type HELP command-name');
    expect(out).toContain(
      'IPCONFIG       Displays all current TCP/IP network configuration values and refreshes DHCP and DNS settings.',
    );
    expect(out).toContain('SC             Displays or configures services (background processes).');
    expect(out.filter((l) => l.startsWith('SC '))).toHaveLength(1);
    expect(out.join('\n')).not.toContain('GET-SERVICE');
    expect(out.filter((l) => l !== '').at(-1)).toBe(
      'For more information on tools see the command-line reference in the online help.',
    );
  });

  it('describes one command', () => {
    expect(cmd('pc2', 'help ping')[0]).toContain('Verifies IP-level connectivity');
  });
});

describe('a command added to the declaration is helped with no other change', () => {
  const catalog = [...CATALOG, FIXTURE];

  it('has help built from its declaration', () => {
    const d = lookup('glw', catalog);
    expect(d).toBe(FIXTURE);
    const text = helpText(FIXTURE).join('\n');
    expect(text).toContain('    Gets the widgets of the lab.');
    expect(text).toContain(
      '    Get-LabWidget [-Identity] <System.String> [-Colour {Red | Green}] [-Count <System.Int32>] [-Force] [-WhatIf] [<CommonParameters>]',
    );
    expect(text).toContain('ALIASES\n    glw');
    expect(syntaxOf(lookup('ping', catalog) as CommandDecl)).toBe('ping [-t] [-a] [-n] [-l] [-4] [-6]');
  });

  it('appears in cmd help when it is a cmd command', () => {
    const tool: CommandDecl = { name: 'labtool', shell: 'cmd', synopsis: 'Does lab things.' };
    expect(cmdHelpList([...catalog, tool])).toContain('LABTOOL        Does lab things.');
  });
});
