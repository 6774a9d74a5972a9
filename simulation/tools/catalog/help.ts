/**
 * What `Get-Help`, `Get-Command` and cmd's `help` print, from the catalog's declarations. Pure:
 * every function takes the declarations it describes, so a catalog with one more entry is helped
 * and listed with no other change.
 */
import { fixedTable } from '../shell/tables';
import type { CommandDecl, ParamDecl } from './types';

const LAST = ['confirm', 'whatif'];

function typeOf(p: ParamDecl): string {
  if (p.values && (p.type === 'enum' || p.type === 'string')) return `{${p.values.join(' | ')}}`;
  switch (p.type) {
    case 'strings':
      return '<System.String[]>';
    case 'int':
      return '<System.Int32>';
    case 'bool':
      return '<System.Boolean>';
    case 'timespan':
      return '<System.TimeSpan>';
    default:
      return '<System.String>';
  }
}

/** One parameter as help's SYNTAX writes it: brackets for optional, for a positional name, none for a switch's type. */
function paramSyntax(p: ParamDecl): string {
  if (p.type === 'switch') return `[-${p.name}]`;
  const name = p.position !== undefined ? `[-${p.name}]` : `-${p.name}`;
  const both = `${name} ${typeOf(p)}`;
  return p.mandatory ? both : `[${both}]`;
}

/** Positional parameters by position, then the others by name, -Confirm and -WhatIf last (as help prints them). */
function ordered(params: readonly ParamDecl[]): ParamDecl[] {
  const positional = params
    .filter((p) => p.position !== undefined)
    .sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  const rank = (p: ParamDecl) => LAST.indexOf(p.name.toLowerCase());
  const named = params
    .filter((p) => p.position === undefined)
    .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
  return [...positional, ...named];
}

/** The command's syntax line. A program's is its name and the switches the lab knows. */
export function syntaxOf(d: CommandDecl): string {
  if (!d.params) return [d.name, ...(d.switches ?? []).map((s) => `[${s}]`)].join(' ');
  return [d.name, ...ordered(d.params).map(paramSyntax), '[<CommonParameters>]'].join(' ');
}

/** Get-Help for one command: NAME, SYNOPSIS, SYNTAX and ALIASES, laid out as Windows PowerShell 5.1 prints help. */
export function helpText(d: CommandDecl): string[] {
  const aliases = (d.aliases ?? []).filter((a) => !a.includes('.'));
  return [
    '',
    'NAME',
    `    ${d.name}`,
    '',
    'SYNOPSIS',
    `    ${d.synopsis}`,
    '',
    '',
    'SYNTAX',
    `    ${syntaxOf(d)}`,
    '',
    '',
    ...(aliases.length > 0 ? ['ALIASES', ...aliases.map((a) => `    ${a}`), '', ''] : []),
  ];
}

function categoryOf(d: CommandDecl): string {
  return d.params ? (d.commandType ?? 'Cmdlet') : 'Application';
}

/** Get-Help with a wildcard: the matching commands as a Name / Category / Module / Synopsis table. */
export function helpList(decls: readonly CommandDecl[]): string[] {
  const rows = decls.map((d) => [d.name, categoryOf(d), d.module ?? '', d.synopsis]);
  return [
    '',
    ...fixedTable(
      [{ header: 'Name' }, { header: 'Category' }, { header: 'Module' }, { header: 'Synopsis' }],
      rows,
    ),
    '',
  ];
}

export interface CommandRow {
  commandType: 'Alias' | 'Function' | 'Cmdlet' | 'Application';
  name: string;
  version: string;
  source: string;
}

/** The rows Get-Command lists for a declaration: the command itself, or one of its aliases. */
export function commandRow(d: CommandDecl, alias?: string): CommandRow {
  if (alias) return { commandType: 'Alias', name: `${alias} -> ${d.name}`, version: '', source: '' };
  if (!d.params)
    return {
      commandType: 'Application',
      name: `${d.name.replace(/\.exe$/, '')}.exe`,
      version: '',
      source: '',
    };
  return {
    commandType: d.commandType ?? 'Cmdlet',
    name: d.name,
    version: d.version ?? '',
    source: d.module ?? '',
  };
}

/** Get-Command's table (the CommandInfo view: 15, 50 and 10 characters, then Source). */
export function commandTable(rows: readonly CommandRow[]): string[] {
  if (rows.length === 0) return [];
  const table = fixedTable(
    [
      { header: 'CommandType', width: 15 },
      { header: 'Name', width: 50 },
      { header: 'Version', width: 10 },
      { header: 'Source' },
    ],
    rows.map((r) => [r.commandType, r.name, r.version, r.source]),
  );
  return ['', ...table, '', ''];
}

/** cmd's HELP: one line a command, its name in capitals padded to 15, then what it does. */
export function cmdHelpList(decls: readonly CommandDecl[]): string[] {
  const byName = new Map<string, string>();
  // A program's own name (sc) before its file name (sc.exe): cmd lists the first.
  for (const d of [...decls].sort(
    (a, b) => Number(/\.exe$/i.test(a.name)) - Number(/\.exe$/i.test(b.name)),
  )) {
    const name = d.name.replace(/\.exe$/i, '').toUpperCase();
    if (!byName.has(name)) byName.set(name, d.synopsis);
  }
  const rows = [...byName].sort(([a], [b]) => a.localeCompare(b));
  return [
    'For more information on a specific command, type HELP command-name',
    ...rows.map(([name, synopsis]) => `${name.padEnd(14)} ${synopsis}`),
    '',
    'For more information on tools see the command-line reference in the online help.',
  ];
}
