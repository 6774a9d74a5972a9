/** Where-Object's comparisons and the forms of its condition, as PowerShell 5.1 evaluates them. */
import { describe, expect, it } from 'vitest';
import { parseLine } from '../../../../simulation/tools/shell/parse';
import { compare, parseWhere } from '../../../../simulation/tools/shell/where';
import type { PsObject } from '../../../../simulation/tools/shell/psObject';
import type { PsValue } from '../../../../simulation/tools/shell/psFormat';

const svc: PsObject = {
  typeName: 'System.ServiceProcess.ServiceController',
  props: [
    ['Name', 'ADSync'],
    ['Status', 'Running'],
    ['Enabled', false],
    ['Count', 12],
    ['Description', ''],
  ],
};

function where(line: string): ReturnType<typeof parseWhere> {
  const parsed = parseLine('powershell', line);
  if (!parsed.ok) throw new Error(parsed.message);
  const stage = parsed.statements[0]?.[1];
  if (!stage) throw new Error('no stage');
  return parseWhere(stage.args, line);
}

const ci = (op: string) => ({ op: op as 'eq', caseSensitive: false });

describe('compare', () => {
  const cases: [PsValue, string, PsValue, boolean][] = [
    ['Running', 'eq', 'running', true],
    ['Running', 'ne', 'Stopped', true],
    ['ADSync', 'like', 'ad*', true],
    ['ADSync', 'notlike', 'ad*', false],
    ['ADSync', 'like', 'AD?ync', true],
    ['michael.brown', 'match', '^M', true],
    ['michael.brown', 'notmatch', 'kim$', true],
    [12, 'gt', 5, true],
    [12, 'gt', '5', true],
    [12, 'le', 11, false],
    [12, 'eq', 'twelve', false],
    [false, 'eq', false, true],
    [true, 'eq', 'False', true], // a non-empty string converts to $true, as in PowerShell
    [false, 'eq', 0, true],
    ['', 'eq', null, true],
    [undefined, 'eq', null, true],
    [undefined, 'ne', 'x', true],
    ['b', 'gt', 'A', true],
  ];
  it.each(cases)('%j -%s %j is %s', (left, op, right, expected) => {
    expect(compare(left, ci(op), right)).toBe(expected);
  });

  it("-like takes PowerShell's [a-c] ranges", () => {
    expect(compare('Michael', ci('like'), 'M[ai]*')).toBe(true);
    expect(compare('MSOL_3f9c', ci('like'), 'M[ai]*')).toBe(false);
    expect(compare('Michael', { op: 'like', caseSensitive: true }, 'm[ai]*')).toBe(false);
  });

  it('-c operators are case-sensitive', () => {
    expect(compare('Running', { op: 'eq', caseSensitive: true }, 'running')).toBe(false);
    expect(compare('ADSync', { op: 'like', caseSensitive: true }, 'ad*')).toBe(false);
  });
});

describe('parseWhere', () => {
  const cases: [string, boolean][] = [
    ['x | Where-Object { $_.Status -eq "Running" }', true],
    ["x | where { $_.Name -like 'AD*' }", true],
    ['x | ? { $_.Enabled }', false],
    ['x | ? { -not $_.Enabled }', true],
    ['x | ? { !$_.Enabled }', true],
    ['x | ? { $PSItem.Count -gt 10 }', true],
    ['x | ? { $_.Count -lt 10 }', false],
    ['x | ? { $_.Description -eq $null }', true],
    ['x | Where-Object Status -eq Running', true],
    ['x | Where-Object Status -ceq running', false],
    ['x | Where-Object -Property Count -GE -Value 12', true],
    ['x | where Enabled', false],
    ['x | where Name -in ADSync', false],
    ['x | Where-Object -FilterScript { $_.Status -ne "Stopped" }', true],
  ];
  it.each(cases)('%s → %s', (line, expected) => {
    const w = where(line);
    if (!w.ok && line.includes('-in')) {
      expect(w.lines[0]?.text).toMatch(/^HybridLab: /);
      return;
    }
    if (!w.ok) throw new Error(w.lines.map((l) => l.text).join('\n'));
    expect(w.test(svc)).toBe(expected);
  });

  it('a bare word after the operator in a script block is a parse error pointing past the operator', () => {
    const line = 'x | where { $_.Status -eq Running }';
    const w = where(line);
    expect(w.ok).toBe(false);
    if (w.ok) return;
    expect(w.lines.map((l) => l.text).slice(0, 4)).toEqual([
      "You must provide a value expression following the '-eq' operator.",
      'At line:1 char:26',
      `+ ${line}`,
      `+ ${' '.repeat(25)}~`,
    ]);
  });

  it('more than one comparison is beyond the lab, and says so', () => {
    const w = where("x | ? { $_.Status -eq 'Running' -and $_.Enabled }");
    expect(w.ok).toBe(false);
    if (!w.ok) expect(w.lines[0]?.text).toMatch(/^HybridLab: this console's Where-Object/);
  });
});
