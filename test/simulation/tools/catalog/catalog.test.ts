import { describe, expect, it } from 'vitest';
import { CATALOG, commandsOn, lookup, namesOf } from '../../../../simulation/tools/catalog';
import { findCommand, IMPLEMENTATIONS } from '../../../../simulation/tools/commands';
import { newLab, run } from '../../../harness';

const lab = newLab();
const ps = (host: string, line: string) => run(lab, host, line, 'powershell');

describe('the command catalog', () => {
  it('declares every implemented command, and every declared command is implemented', () => {
    const declared = new Set(CATALOG.map((d) => d.name));
    expect(IMPLEMENTATIONS.map((c) => c.name).filter((n) => !declared.has(n))).toEqual([]);
    const implemented = new Set(IMPLEMENTATIONS.map((c) => c.name));
    expect(CATALOG.map((d) => d.name).filter((n) => !implemented.has(n))).toEqual([]);
  });

  it('gives each name and alias to one command only', () => {
    const all = CATALOG.flatMap(namesOf);
    expect(all.filter((n, i) => all.indexOf(n) !== i)).toEqual([]);
  });

  it('declares a cmdlet with its class and parameters, a synopsis for each command', () => {
    for (const d of CATALOG) {
      expect(d.synopsis.length, d.name).toBeGreaterThan(10);
      if (d.shell === 'powershell') {
        expect(d.className, d.name).toBeTruthy();
        expect(d.params, d.name).toBeDefined();
      }
    }
  });

  it('finds a command by any case of its name or alias', () => {
    expect(lookup('GSV')?.name).toBe('Get-Service');
    expect(findCommand('get-SERVICE')?.decl.name).toBe('Get-Service');
  });

  it('puts the ADSync cmdlets on the Entra Connect server only, the AD module on the DC and SYNC01', () => {
    const names = (kind: 'dc' | 'sync' | 'client') => commandsOn({ kind }, 'powershell').map((d) => d.name);
    expect(names('sync')).toContain('Start-ADSyncSyncCycle');
    expect(names('dc')).not.toContain('Start-ADSyncSyncCycle');
    expect(names('dc')).toContain('Get-ADUser');
    expect(names('client')).not.toContain('Get-ADUser');
    expect(commandsOn({ kind: 'client' }, 'cmd').map((d) => d.name)).toContain('ver');
    expect(commandsOn({ kind: 'client' }, 'powershell').map((d) => d.name)).not.toContain('ver');
  });
});

describe('binding reads the declared parameters', () => {
  it('resolves a unique prefix of a declared parameter', () => {
    const out = ps('sync01', 'Get-Service -Na ADSync');
    expect(out.join('\n')).toMatch(/Running\s+ADSync/);
  });

  it('refuses a parameter the declaration does not have', () => {
    expect(ps('sync01', 'Get-Service -Bogus x').join('\n')).toContain(
      "A parameter cannot be found that matches parameter name 'Bogus'.",
    );
  });

  it('names the declared candidates of an ambiguous prefix', () => {
    expect(ps('sync01', 'Get-Service -D x').join('\n')).toContain(
      "Parameter cannot be processed because the parameter name 'D' is ambiguous. Possible matches include: -DisplayName -DependentServices -Debug.",
    );
  });
});
