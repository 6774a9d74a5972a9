import { describe, expect, it } from 'vitest';
import {
  cmdNotRecognized,
  commandNotFound,
  formatPsError,
  out,
  warning,
  type PsErrorRecord,
} from '../../../../simulation/tools/shell/psError';
import type { ConsoleLine } from '../../../../simulation/windows/hostState';

const errors = (...texts: string[]): ConsoleLine[] => texts.map((text) => ({ kind: 'error', text }));

const NO_SERVICE: PsErrorRecord = {
  command: 'Get-Service',
  message: "Cannot find any service with service name 'nosuch'.",
  line: 'Get-Service nosuch',
  column: 12,
  length: 6,
  category: 'ObjectNotFound',
  target: 'nosuch:String',
  activity: '[Get-Service]',
  exception: 'ServiceCommandException',
  errorId: 'NoServiceFoundForGivenName,Microsoft.PowerShell.Commands.GetServiceCommand',
};

describe('formatPsError', () => {
  it('prints a cmdlet error in the PowerShell 5.1 layout, every line as an error line', () => {
    expect(formatPsError(NO_SERVICE)).toStrictEqual(
      errors(
        "Get-Service : Cannot find any service with service name 'nosuch'.",
        'At line:1 char:13',
        '+ Get-Service nosuch',
        '+             ~~~~~~',
        '    + CategoryInfo          : ObjectNotFound: (nosuch:String) [Get-Service], ServiceCommandException',
        '    + FullyQualifiedErrorId : NoServiceFoundForGivenName,Microsoft.PowerShell.Commands.GetServiceCommand',
        '',
      ),
    );
  });

  it('prints a parser error (no command) with the message alone and the default (:) [] target', () => {
    expect(
      formatPsError({
        message: 'The string is missing the terminator: ".',
        line: 'Write-Output "abc',
        column: 17,
        length: 1,
        category: 'ParserError',
        exception: 'ParentContainsErrorRecordException',
        errorId: 'TerminatorExpectedAtEndOfString',
      }),
    ).toStrictEqual(
      errors(
        'The string is missing the terminator: ".',
        'At line:1 char:18',
        '+ Write-Output "abc',
        '+                  ~',
        '    + CategoryInfo          : ParserError: (:) [], ParentContainsErrorRecordException',
        '    + FullyQualifiedErrorId : TerminatorExpectedAtEndOfString',
        '',
      ),
    );
  });

  it('names the command as the activity when none is given', () => {
    const { activity: _activity, ...rest } = NO_SERVICE;
    expect(formatPsError(rest)[4]?.text).toBe(
      '    + CategoryInfo          : ObjectNotFound: (nosuch:String) [Get-Service], ServiceCommandException',
    );
  });

  it('uses (:) as the target when none is given', () => {
    const { target: _target, ...rest } = NO_SERVICE;
    expect(formatPsError(rest)[4]?.text).toBe(
      '    + CategoryInfo          : ObjectNotFound: (:) [Get-Service], ServiceCommandException',
    );
  });

  it.each([
    { column: 0, length: 3, underline: '+ ~~~', char: 'At line:1 char:1' },
    { column: 4, length: 1, underline: '+     ~', char: 'At line:1 char:5' },
    { column: 2, length: 0, underline: '+   ~', char: 'At line:1 char:3' },
    { column: 9, length: 5, underline: '+          ~~~~~', char: 'At line:1 char:10' },
  ])('points at column $column with $length tildes ("$char")', ({ column, length, underline, char }) => {
    const lines = formatPsError({ ...NO_SERVICE, line: 'abc def ghijkl', column, length });
    expect(lines[1]?.text).toBe(char);
    expect(lines[2]?.text).toBe('+ abc def ghijkl');
    expect(lines[3]?.text).toBe(underline);
  });

  it('prints each line of a multi-line message as its own line, the command only before the first', () => {
    const lines = formatPsError({
      ...NO_SERVICE,
      message: 'First line.\nSecond line.',
    }).map((l) => l.text);
    expect(lines.slice(0, 3)).toEqual(['Get-Service : First line.', 'Second line.', 'At line:1 char:13']);
    expect(lines).toHaveLength(8);
  });
});

describe('commandNotFound', () => {
  it('prints the "term is not recognized" error pointing at the command name', () => {
    expect(commandNotFound('Get-Foo', 'hostname | Get-Foo -x', 11)).toStrictEqual(
      errors(
        "Get-Foo : The term 'Get-Foo' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.",
        'At line:1 char:12',
        '+ hostname | Get-Foo -x',
        '+            ~~~~~~~',
        '    + CategoryInfo          : ObjectNotFound: (Get-Foo:String) [], CommandNotFoundException',
        '    + FullyQualifiedErrorId : CommandNotFoundException',
        '',
      ),
    );
  });
});

describe('cmdNotRecognized', () => {
  it('prints cmd’s two-line "not recognized" error', () => {
    expect(cmdNotRecognized('Get-Service')).toStrictEqual(
      errors(
        "'Get-Service' is not recognized as an internal or external command,",
        'operable program or batch file.',
      ),
    );
  });
});

describe('out and warning', () => {
  it('makes output lines from texts, in order', () => {
    expect(out('a', '', 'b')).toStrictEqual([
      { kind: 'output', text: 'a' },
      { kind: 'output', text: '' },
      { kind: 'output', text: 'b' },
    ]);
    expect(out()).toStrictEqual([]);
  });

  it('prefixes a warning with WARNING:', () => {
    expect(warning('Disk is almost full.')).toStrictEqual({
      kind: 'warning',
      text: 'WARNING: Disk is almost full.',
    });
  });
});
