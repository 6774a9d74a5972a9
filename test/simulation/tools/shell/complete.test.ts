import { describe, expect, it } from 'vitest';
import { CATALOG, type CommandDecl } from '../../../../simulation/tools/catalog';
import {
  complete,
  tab,
  type CompletionContext,
  type TabCycle,
} from '../../../../simulation/tools/shell/complete';
import { newLab } from '../../../harness';

const SYNC: CompletionContext = {
  host: { kind: 'sync' },
  shell: 'powershell',
  values: {
    service: ['ADSync', 'W32Time', 'Netlogon'],
    adUser: ['michael.brown', 'mia.hall'],
    host: ['DC01', 'SYNC01'],
  },
};
const PC: CompletionContext = { ...SYNC, host: { kind: 'client' }, values: { service: ['W32Time'] } };
const CMD: CompletionContext = { ...PC, shell: 'cmd' };

const candidates = (line: string, ctx: CompletionContext, cursor = line.length) =>
  complete(line, cursor, ctx).candidates;

/** Presses Tab `n` times (Shift+Tab when `back`) from the end of `line`, returning each line shown. */
function press(line: string, ctx: CompletionContext, n: number, back = false): string[] {
  const shown: string[] = [];
  let prev: TabCycle | undefined;
  let text = line;
  let cursor = line.length;
  for (let i = 0; i < n; i++) {
    prev = tab(prev, text, cursor, back, ctx);
    if (!prev) break;
    shown.push(prev.line);
    text = prev.line;
    cursor = prev.cursor;
  }
  return shown;
}

describe('PowerShell completion', () => {
  it('completes command names of this host, aliases included', () => {
    expect(candidates('Start-ADSync', SYNC)).toEqual(['Start-ADSyncSyncCycle']);
    expect(candidates('Start-ADSync', PC)).toEqual([]);
    expect(candidates('gs', PC)).toEqual(['gsv']);
    expect(candidates('ipc', PC)).toEqual(['ipconfig.exe']);
  });

  it('completes the parameters of the command being typed, then the common ones', () => {
    expect(candidates('Start-ADSyncSyncCycle -', SYNC)).toEqual([
      '-PolicyType',
      '-InteractiveMode',
      '-Verbose',
      '-Debug',
      '-ErrorAction',
      '-WarningAction',
      '-InformationAction',
      '-ErrorVariable',
      '-OutVariable',
      '-OutBuffer',
    ]);
    expect(candidates('Get-Service -D', SYNC)).toEqual(['-DisplayName', '-DependentServices', '-Debug']);
  });

  it('completes enumeration values, after the parameter or at its position', () => {
    expect(candidates('Start-ADSyncSyncCycle -PolicyType ', SYNC)).toEqual(['Delta', 'Initial']);
    expect(candidates('Start-ADSyncSyncCycle -Pol D', SYNC)).toEqual(['Delta']);
    expect(candidates('Start-ADSyncSyncCycle ', SYNC)).toEqual(['Delta', 'Initial']);
    expect(candidates('Set-Service W32Time -StartupType m', SYNC)).toEqual(['Manual']);
  });

  it('completes the values the lab knows: services, AD users, computer names', () => {
    expect(candidates('Get-Service ', SYNC)).toEqual(['ADSync', 'Netlogon', 'W32Time']);
    expect(candidates('Restart-Service -Name w', SYNC)).toEqual(['W32Time']);
    expect(candidates('Get-ADUser mi', SYNC)).toEqual(['mia.hall', 'michael.brown']);
    expect(candidates('Test-NetConnection -ComputerName s', SYNC)).toEqual(['SYNC01']);
  });

  it('starts a new command after a pipe', () => {
    expect(candidates('Get-Service | Stop-Serv', SYNC)).toEqual(['Stop-Service']);
  });

  it('completes the word at the cursor, not the end of the line', () => {
    const c = complete('Get-Serv ADSync', 8, SYNC);
    expect(c).toMatchObject({ start: 0, end: 8, candidates: ['Get-Service'] });
  });

  it('cycles candidates on repeated Tab and back on Shift+Tab, wrapping around', () => {
    expect(press('Start-ADSyncSyncCycle ', SYNC, 3)).toEqual([
      'Start-ADSyncSyncCycle Delta',
      'Start-ADSyncSyncCycle Initial',
      'Start-ADSyncSyncCycle Delta',
    ]);
    expect(press('Start-ADSyncSyncCycle ', SYNC, 2, true)).toEqual([
      'Start-ADSyncSyncCycle Initial',
      'Start-ADSyncSyncCycle Delta',
    ]);
  });

  it('starts over when the line changed since the last Tab', () => {
    const first = tab(undefined, 'Get-Service ', 12, false, SYNC);
    expect(first?.line).toBe('Get-Service ADSync');
    const edited = tab(first, 'Get-Service N', 13, false, SYNC);
    expect(edited?.line).toBe('Get-Service Netlogon');
  });
});

describe('cmd completion', () => {
  it('completes command names (the lab has no file system for it to complete)', () => {
    expect(candidates('ip', CMD)).toEqual(['ipconfig']);
    expect(candidates('ve', CMD)).toEqual(['ver']);
    expect(candidates('Get-Se', CMD)).toEqual([]);
    expect(candidates('ipconfig /a', CMD)).toEqual([]);
  });
});

describe('a command added to the declaration is completed with no other change', () => {
  const FIXTURE: CommandDecl = {
    name: 'Get-LabWidget',
    aliases: ['glw'],
    shell: 'powershell',
    hosts: ['sync'],
    className: 'Lab.GetWidgetCommand',
    params: [
      { name: 'Identity', type: 'string', position: 0, complete: 'adUser' },
      { name: 'Colour', type: 'enum', values: ['Red', 'Green'] },
    ],
    synopsis: 'Gets the widgets of the lab.',
  };
  const ctx = { ...SYNC, catalog: [...CATALOG, FIXTURE] };

  it('completes its name, its parameters and their values', () => {
    expect(candidates('Get-LabW', ctx)).toEqual(['Get-LabWidget']);
    expect(candidates('gl', ctx)).toEqual(['glw']);
    expect(candidates('Get-LabWidget -C', ctx)).toEqual(['-Colour']);
    expect(candidates('glw -Colour ', ctx)).toEqual(['Red', 'Green']);
    expect(candidates('Get-LabWidget m', ctx)).toEqual(['mia.hall', 'michael.brown']);
    expect(candidates('Get-LabW', { ...PC, catalog: ctx.catalog })).toEqual([]);
  });
});

describe('the lab completes from its own state', () => {
  const lab = newLab();
  it("offers SYNC01's services and the directory's users where the AD module is installed", () => {
    expect(lab.tab('sync01', 'powershell', 'Get-Service ADS', 15)?.line).toBe('Get-Service ADSync');
    expect(lab.tab('dc01', 'powershell', 'Get-ADUser michael.b', 20)?.line).toBe('Get-ADUser michael.brown');
    expect(lab.tab('pc2', 'powershell', 'Get-ADUser michael.b', 20)).toBeUndefined();
  });
});
