/**
 * PowerShell 5.1's error record as the console prints it, and cmd's one-line errors. Every failed
 * command in the lab prints through these, so the shapes stay the real ones.
 */
import type { ConsoleLine } from '../../windows/hostState';

export interface PsErrorRecord {
  /** The command that failed (shown before " : "). Omitted for parser errors. */
  command?: string;
  message: string;
  /** The typed line, for the "At line:1 char:N" block. */
  line: string;
  /** 0-based column of the offending text, and its length (for the ~~~ underline). */
  column: number;
  length: number;
  category: string;
  /** e.g. `(:)` target and `[Start-ADSyncSyncCycle]` activity. */
  target?: string;
  activity?: string;
  exception: string;
  errorId: string;
}

export function formatPsError(e: PsErrorRecord): ConsoleLine[] {
  const lines: string[] = [];
  lines.push(e.command ? `${e.command} : ${e.message}` : e.message);
  const msgLines = lines[0]?.split('\n') ?? [];
  const out: string[] = [...msgLines];
  out.push(`At line:1 char:${e.column + 1}`);
  out.push(`+ ${e.line}`);
  out.push(`+ ${' '.repeat(e.column)}${'~'.repeat(Math.max(1, e.length))}`);
  const activity = e.activity ?? (e.command ? `[${e.command}]` : '[]');
  out.push(`    + CategoryInfo          : ${e.category}: (${e.target ?? ':'}) ${activity}, ${e.exception}`);
  out.push(`    + FullyQualifiedErrorId : ${e.errorId}`);
  out.push('');
  return out.map((text) => ({ kind: 'error' as const, text }));
}

/** The error PowerShell gives for a name that is no command at all. */
export function commandNotFound(name: string, line: string, column: number): ConsoleLine[] {
  return formatPsError({
    command: name,
    message:
      `The term '${name}' is not recognized as the name of a cmdlet, function, script file, or operable program. ` +
      'Check the spelling of the name, or if a path was included, verify that the path is correct and try again.',
    line,
    column,
    length: name.length,
    category: 'ObjectNotFound',
    target: `${name}:String`,
    activity: '[]',
    exception: 'CommandNotFoundException',
    errorId: 'CommandNotFoundException',
  });
}

export function cmdNotRecognized(name: string): ConsoleLine[] {
  return [
    { kind: 'error', text: `'${name}' is not recognized as an internal or external command,` },
    { kind: 'error', text: 'operable program or batch file.' },
  ];
}

export function out(...texts: string[]): ConsoleLine[] {
  return texts.map((text) => ({ kind: 'output' as const, text }));
}

/** -WhatIf's line: What if: Performing the operation "<operation>" on target "<target>". */
export function whatIf(operation: string, target: string): ConsoleLine[] {
  return out(`What if: Performing the operation "${operation}" on target "${target}".`);
}

export function warning(text: string): ConsoleLine {
  return { kind: 'warning', text: `WARNING: ${text}` };
}
