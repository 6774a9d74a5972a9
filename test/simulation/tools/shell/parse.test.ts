import { describe, expect, it } from 'vitest';
import {
  hashtableOf,
  hashtableValue,
  parseLine,
  subExpressionOf,
  type ParsedCommand,
  type ParseResult,
  type StatementCondition,
} from '../../../../simulation/tools/shell/parse';

function commands(result: ParseResult): ParsedCommand[] {
  if (!result.ok) throw new Error(`parse error: ${result.message}`);
  return result.statements.flat();
}

/** The names of the commands of each statement. */
function statementNames(result: ParseResult): string[][] {
  if (!result.ok) throw new Error(`parse error: ${result.message}`);
  return result.statements.map((s) => s.map((c) => c.name));
}

/** When each statement runs. */
function conditionsOf(result: ParseResult): StatementCondition[] {
  if (!result.ok) throw new Error(`parse error: ${result.message}`);
  return result.conditions;
}

/** The texts of the arguments of each command. */
function argTexts(result: ParseResult): string[][] {
  return commands(result).map((c) => c.args.map((a) => a.text));
}

const EMPTY_PIPE = 'An empty pipe element is not allowed.';
const CMD_INCORRECT = 'The syntax of the command is incorrect.';
const PS_AMPERSAND =
  'The ampersand (&) character is not allowed. The & operator is reserved for future use; wrap an ampersand in double quotation marks ("&") to pass it as part of a string.';

describe('parseLine', () => {
  describe.each(['cmd', 'powershell'] as const)('an empty line in %s', (shell) => {
    it.each([{ line: '' }, { line: '   ' }, { line: '\t \t' }])('parses "$line" as empty', ({ line }) => {
      expect(parseLine(shell, line)).toStrictEqual({ ok: true, empty: true, statements: [], conditions: [] });
    });
  });

  describe('cmd', () => {
    it('splits a command line into the command name and its arguments, with their columns', () => {
      expect(parseLine('cmd', 'ipconfig /all')).toStrictEqual({
        ok: true,
        empty: false,
        statements: [
          [
            {
              name: 'ipconfig',
              nameAt: 0,
              args: [{ text: '/all', quoted: false, at: 9, end: 13 }],
              source: 'ipconfig /all',
            },
          ],
        ],
        conditions: ['always'],
      });
    });

    it('counts columns from the start of the line, past leading spaces and tabs', () => {
      const [c] = commands(parseLine('cmd', '  ping\t 8.8.8.8  '));
      expect(c).toStrictEqual({
        name: 'ping',
        nameAt: 2,
        args: [{ text: '8.8.8.8', quoted: false, at: 8, end: 15 }],
        source: 'ping\t 8.8.8.8',
      });
    });

    it.each([
      { line: 'findstr "IPv4 Address"', text: 'IPv4 Address', at: 8, end: 22 },
      { line: 'findstr "IPv4', text: 'IPv4', at: 8, end: 13 },
      { line: 'echo ""', text: '', at: 5, end: 7 },
      { line: 'echo "a"b', text: 'ab', at: 5, end: 9 },
    ])(
      'groups double-quoted text into one quoted token without the quotes: $line',
      ({ line, text, at, end }) => {
        expect(commands(parseLine('cmd', line))[0]?.args).toStrictEqual([{ text, quoted: true, at, end }]);
      },
    );

    it('does not mark a token quoted when its quotes start after its first character', () => {
      expect(commands(parseLine('cmd', 'echo a"b c"d'))[0]?.args).toStrictEqual([
        { text: 'ab cd', quoted: false, at: 5, end: 12 },
      ]);
    });

    it('treats single quotes, #, ; and backticks as ordinary characters', () => {
      expect(argTexts(parseLine('cmd', "echo it's # ok; `x"))).toEqual([["it's", '#', 'ok;', '`x']]);
    });

    it('does not split at a | or & inside double quotes', () => {
      expect(parseLine('cmd', 'findstr "a|b&c" x')).toStrictEqual({
        ok: true,
        empty: false,
        statements: [
          [
            {
              name: 'findstr',
              nameAt: 0,
              args: [
                { text: 'a|b&c', quoted: true, at: 8, end: 15 },
                { text: 'x', quoted: false, at: 16, end: 17 },
              ],
              source: 'findstr "a|b&c" x',
            },
          ],
        ],
        conditions: ['always'],
      });
    });

    describe('pipelines', () => {
      it('splits ipconfig /all | findstr IPv4 into one statement of two commands', () => {
        expect(parseLine('cmd', 'ipconfig /all | findstr IPv4')).toStrictEqual({
          ok: true,
          empty: false,
          statements: [
            [
              {
                name: 'ipconfig',
                nameAt: 0,
                args: [{ text: '/all', quoted: false, at: 9, end: 13 }],
                source: 'ipconfig /all',
              },
              {
                name: 'findstr',
                nameAt: 16,
                args: [{ text: 'IPv4', quoted: false, at: 24, end: 28 }],
                source: 'findstr IPv4',
              },
            ],
          ],
          conditions: ['always'],
        });
      });

      it.each([
        { line: 'ipconfig /all|findstr IPv4', names: [['ipconfig', 'findstr']], at: [0, 14] },
        { line: 'a | b | c', names: [['a', 'b', 'c']], at: [0, 4, 8] },
      ])('splits $line at | into one statement', ({ line, names, at }) => {
        const r = parseLine('cmd', line);
        expect(statementNames(r)).toEqual(names);
        expect(commands(r).map((c) => c.nameAt)).toEqual(at);
      });

      it('gives the last command of a pipeline its own part of the line as source', () => {
        expect(commands(parseLine('cmd', 'ipconfig /all | findstr "IPv4 Address"'))[1]?.source).toBe(
          'findstr "IPv4 Address"',
        );
      });

      it('gives a command before a pipe a source that stops before the |', () => {
        expect(commands(parseLine('cmd', 'ipconfig /all|findstr IPv4'))[0]?.source).toBe('ipconfig /all');
      });
    });

    describe('command separators', () => {
      it('splits hostname & whoami into two statements', () => {
        expect(parseLine('cmd', 'hostname & whoami')).toStrictEqual({
          ok: true,
          empty: false,
          statements: [
            [{ name: 'hostname', nameAt: 0, args: [], source: 'hostname' }],
            [{ name: 'whoami', nameAt: 11, args: [], source: 'whoami' }],
          ],
          conditions: ['always', 'always'],
        });
      });

      it.each([
        { op: '&&', condition: 'and' as const },
        { op: '||', condition: 'or' as const },
      ])('splits a $op b into two statements, the second run on "$condition"', ({ op, condition }) => {
        expect(parseLine('cmd', `a ${op} b`)).toStrictEqual({
          ok: true,
          empty: false,
          statements: [
            [{ name: 'a', nameAt: 0, args: [], source: 'a' }],
            [{ name: 'b', nameAt: 5, args: [], source: 'b' }],
          ],
          conditions: ['always', condition],
        });
      });

      it.each<{ line: string; names: string[][]; at: number[]; conditions: StatementCondition[] }>([
        {
          line: 'hostname&whoami',
          names: [['hostname'], ['whoami']],
          at: [0, 9],
          conditions: ['always', 'always'],
        },
        { line: 'a&&b', names: [['a'], ['b']], at: [0, 3], conditions: ['always', 'and'] },
        { line: 'a||b', names: [['a'], ['b']], at: [0, 3], conditions: ['always', 'or'] },
        { line: 'a /x & b /y', names: [['a'], ['b']], at: [0, 7], conditions: ['always', 'always'] },
        { line: 'a | b & c', names: [['a', 'b'], ['c']], at: [0, 4, 8], conditions: ['always', 'always'] },
        {
          line: 'a && b | c || d',
          names: [['a'], ['b', 'c'], ['d']],
          at: [0, 5, 9, 14],
          conditions: ['always', 'and', 'or'],
        },
        {
          line: 'a & b && c || d',
          names: [['a'], ['b'], ['c'], ['d']],
          at: [0, 4, 9, 14],
          conditions: ['always', 'always', 'and', 'or'],
        },
        {
          line: 'a || b && c & d',
          names: [['a'], ['b'], ['c'], ['d']],
          at: [0, 5, 10, 14],
          conditions: ['always', 'or', 'and', 'always'],
        },
      ])(
        'separates statements in $line, with the conditions $conditions',
        ({ line, names, at, conditions }) => {
          const r = parseLine('cmd', line);
          expect(statementNames(r)).toEqual(names);
          expect(commands(r).map((c) => c.nameAt)).toEqual(at);
          expect(conditionsOf(r)).toEqual(conditions);
        },
      );

      it('runs a single command "always"', () => {
        expect(conditionsOf(parseLine('cmd', 'ipconfig /all | findstr IPv4'))).toEqual(['always']);
      });

      it('gives a command before & a source that stops before the &', () => {
        expect(commands(parseLine('cmd', 'ping -n 1 host && whoami'))[0]?.source).toBe('ping -n 1 host');
      });
    });

    describe('carets', () => {
      it.each([
        { line: 'echo a^|b', text: 'a|b' },
        { line: 'echo a^&b', text: 'a&b' },
        { line: 'echo a^&^&b', text: 'a&&b' },
        { line: 'echo a^^b', text: 'a^b' },
        { line: 'echo ^a', text: 'a' },
      ])('escapes the next character with ^, keeping one token: $line', ({ line, text }) => {
        expect(parseLine('cmd', line)).toStrictEqual({
          ok: true,
          empty: false,
          statements: [
            [
              {
                name: 'echo',
                nameAt: 0,
                args: [{ text, quoted: false, at: 5, end: line.length }],
                source: line,
              },
            ],
          ],
          conditions: ['always'],
        });
      });

      it('does not split at an escaped | and splits at the next bare one', () => {
        const r = parseLine('cmd', 'echo a^|b | findstr a');
        expect(statementNames(r)).toEqual([['echo', 'findstr']]);
        expect(argTexts(r)).toEqual([['a|b'], ['a']]);
        expect(commands(r)[0]?.source).toBe('echo a^|b');
      });

      it('keeps ^ as text inside double quotes', () => {
        expect(commands(parseLine('cmd', 'echo "a^b"'))[0]?.args).toStrictEqual([
          { text: 'a^b', quoted: true, at: 5, end: 10 },
        ]);
      });

      it('keeps a ^ at the end of the line as text', () => {
        expect(commands(parseLine('cmd', 'echo a^'))[0]?.args).toStrictEqual([
          { text: 'a^', quoted: false, at: 5, end: 7 },
        ]);
      });
    });

    describe('parse errors', () => {
      it.each([
        { title: 'a pipe at the start', line: '| hostname', op: '|', column: 0 },
        { title: 'a pipe after leading spaces', line: '  | hostname', op: '|', column: 2 },
        { title: '& at the start', line: '& hostname', op: '&', column: 0 },
        { title: '&& at the start', line: '&& hostname', op: '&&', column: 0 },
        { title: '|| at the start', line: '|| hostname', op: '||', column: 0 },
        { title: 'two pipes with a space between', line: 'a | | b', op: '|', column: 4 },
        { title: '& right after a pipe', line: 'a | & b', op: '&', column: 4 },
        { title: '& right after a pipe with no spaces', line: 'a|&b', op: '&', column: 2 },
        { title: 'a pipe right after &', line: 'a & | b', op: '|', column: 4 },
        { title: 'two & with a space between', line: 'a & & b', op: '&', column: 4 },
        { title: '&& right after &', line: 'a & && b', op: '&&', column: 4 },
        { title: '|| right after &&', line: 'a && || b', op: '||', column: 5 },
        { title: 'three &', line: 'a &&& b', op: '&', column: 4 },
        { title: 'three |', line: 'a ||| b', op: '|', column: 4 },
      ])('reports "$op was unexpected at this time." for $title', ({ line, op, column }) => {
        expect(parseLine('cmd', line)).toStrictEqual({
          ok: false,
          message: `${op} was unexpected at this time.`,
          column,
          errorId: 'CmdSyntax',
        });
      });

      it.each([
        { title: 'a pipe at the end', line: 'hostname |', column: 9 },
        { title: 'a pipe at the end followed by spaces', line: 'hostname |  ', column: 9 },
        { title: '&& at the end', line: 'hostname &&', column: 9 },
        { title: '|| at the end', line: 'hostname ||', column: 9 },
        { title: 'a pipe at the end with no space', line: 'a|', column: 1 },
      ])('reports "The syntax of the command is incorrect." for $title', ({ line, column }) => {
        expect(parseLine('cmd', line)).toStrictEqual({
          ok: false,
          message: CMD_INCORRECT,
          column,
          errorId: 'CmdSyntax',
        });
      });

      it('reports the first bad separator when the line also ends with one', () => {
        expect(parseLine('cmd', '| a |')).toStrictEqual({
          ok: false,
          message: '| was unexpected at this time.',
          column: 0,
          errorId: 'CmdSyntax',
        });
      });

      it('does not report an escaped separator at the end', () => {
        expect(argTexts(parseLine('cmd', 'echo a ^&'))).toEqual([['a', '&']]);
      });
    });
  });

  describe('powershell', () => {
    it('splits a cmdlet line into tokens with their columns', () => {
      expect(parseLine('powershell', 'Get-Service -Name DHCPServer')).toStrictEqual({
        ok: true,
        empty: false,
        statements: [
          [
            {
              name: 'Get-Service',
              nameAt: 0,
              args: [
                { text: '-Name', quoted: false, at: 12, end: 17 },
                { text: 'DHCPServer', quoted: false, at: 18, end: 28 },
              ],
              source: 'Get-Service -Name DHCPServer',
            },
          ],
        ],
        conditions: ['always'],
      });
    });

    it.each([
      { title: 'single quotes group text', line: "Write-Output 'a b'", text: 'a b' },
      { title: 'double quotes group text', line: 'Write-Output "a b"', text: 'a b' },
      { title: 'a doubled single quote is a literal quote', line: "Write-Output 'it''s'", text: "it's" },
      {
        title: 'a doubled double quote is a literal quote',
        line: 'Write-Output "say ""hi"""',
        text: 'say "hi"',
      },
      {
        title: 'a backtick escapes a double quote inside double quotes',
        line: 'Write-Output "a`"b"',
        text: 'a"b',
      },
      { title: 'a backtick is literal inside single quotes', line: "Write-Output 'a`b'", text: 'a`b' },
      { title: 'a backtick-n is literal inside single quotes', line: "Write-Output 'a`nb'", text: 'a`nb' },
      { title: 'a double quote is literal inside single quotes', line: "Write-Output 'a\"b'", text: 'a"b' },
      { title: 'a single quote is literal inside double quotes', line: 'Write-Output "a\'b"', text: "a'b" },
      { title: 'smart double quotes group text', line: 'Write-Output \u201ca b\u201d', text: 'a b' },
      { title: 'smart single quotes group text', line: 'Write-Output \u2018a b\u2019', text: 'a b' },
      { title: 'a straight quote closes a smart one', line: "Write-Output \u2018a b'", text: 'a b' },
      { title: 'a string followed by a word joins it', line: 'Write-Output "a b"post', text: 'a bpost' },
      { title: 'an empty string is a token', line: "Write-Output ''", text: '' },
      { title: '| and ; inside quotes are text', line: 'Write-Output "a | b; c"', text: 'a | b; c' },
      { title: '# inside quotes is text', line: "Write-Output '# not a comment'", text: '# not a comment' },
      { title: 'a quoted parameter-like word', line: "Write-Output '-Verbose'", text: '-Verbose' },
    ])('$title', ({ line, text }) => {
      expect(commands(parseLine('powershell', line))[0]?.args).toStrictEqual([
        { text, quoted: true, at: 13, end: line.length },
      ]);
    });

    it.each([
      { title: 'a backtick escapes a space outside quotes', line: 'Write-Output a` b', text: 'a b' },
      { title: '$true is kept as written', line: 'Write-Output $true', text: '$true' },
      { title: 'a # inside a word is text', line: 'Write-Output a#b', text: 'a#b' },
      { title: 'quotes inside a word join it', line: 'Write-Output pre"a b"post', text: 'prea bpost' },
      {
        title: '-Name:value with no quotes is one token',
        line: 'Write-Output -Name:DHCP',
        text: '-Name:DHCP',
      },
      {
        title: '-Name:value whose quotes start inside the value',
        line: 'Write-Output -Name:a"b c"',
        text: '-Name:ab c',
      },
      { title: 'a parameter name with quotes inside it', line: 'Write-Output -Na"me"', text: '-Name' },
    ])('$title, not a string literal', ({ line, text }) => {
      expect(commands(parseLine('powershell', line))[0]?.args).toStrictEqual([
        { text, quoted: false, at: 13, end: line.length },
      ]);
    });

    it.each([
      {
        title: '-Name:"value" is one token',
        line: 'Write-Output -Name:"DHCP Server"',
        text: '-Name:DHCP Server',
      },
      { title: "-Name:'value' is one token", line: "Write-Output -Name:'it''s'", text: "-Name:it's" },
      { title: '-Name:"" is one token with an empty value', line: 'Write-Output -Name:""', text: '-Name:' },
      {
        title: "-Name:'value'post joins the text after the quote",
        line: "Write-Output -Name:'a b'c",
        text: '-Name:a bc',
      },
      {
        title: '-Name:"value" applies backtick escapes',
        line: 'Write-Output -Name:"a`tb"',
        text: '-Name:a\tb',
      },
      {
        title: "-Switch:'$true' is one token",
        line: "Write-Output -PassThru:'$true'",
        text: '-PassThru:$true',
      },
    ])('$title, not a string literal, with a quoted value', ({ line, text }) => {
      expect(commands(parseLine('powershell', line))[0]?.args).toStrictEqual([
        { text, quoted: false, at: 13, end: line.length, valueQuoted: true },
      ]);
    });

    it('marks only the -Name:"value" token of a line as valueQuoted', () => {
      expect(
        commands(parseLine('powershell', 'Set-Service -Name:"a b" -Status:Running x'))[0]?.args,
      ).toStrictEqual([
        { text: '-Name:a b', quoted: false, at: 12, end: 23, valueQuoted: true },
        { text: '-Status:Running', quoted: false, at: 24, end: 39 },
        { text: 'x', quoted: false, at: 40, end: 41 },
      ]);
    });

    describe('backtick escapes inside double quotes', () => {
      it.each([
        { escape: '`n', char: '\n' },
        { escape: '`t', char: '\t' },
        { escape: '`r', char: '\r' },
        { escape: '`0', char: '\0' },
        { escape: '`a', char: '\u0007' },
        { escape: '`b', char: '\b' },
        { escape: '`f', char: '\f' },
        { escape: '`v', char: '\v' },
        { escape: '`x', char: 'x' },
        { escape: '`N', char: 'N' },
        { escape: '``', char: '`' },
        { escape: '`$', char: '$' },
        { escape: "`'", char: "'" },
        { escape: '`"', char: '"' },
      ])('turns $escape into its character', ({ escape, char }) => {
        const line = `Write-Output "a${escape}b"`;
        expect(parseLine('powershell', line)).toStrictEqual({
          ok: true,
          empty: false,
          statements: [
            [
              {
                name: 'Write-Output',
                nameAt: 0,
                args: [{ text: `a${char}b`, quoted: true, at: 13, end: 19 }],
                source: line,
              },
            ],
          ],
          conditions: ['always'],
        });
      });

      it('applies several escapes in one string, with the token end in line columns', () => {
        expect(commands(parseLine('powershell', 'Write-Output "1`t2`n3" x'))[0]?.args).toStrictEqual([
          { text: '1\t2\n3', quoted: true, at: 13, end: 22 },
          { text: 'x', quoted: false, at: 23, end: 24 },
        ]);
      });

      it('applies escapes in a double-quoted part of a word', () => {
        expect(commands(parseLine('powershell', 'Write-Output a"`t"b'))[0]?.args).toStrictEqual([
          { text: 'a\tb', quoted: false, at: 13, end: 19 },
        ]);
      });
    });

    describe('comments', () => {
      it('ignores a # comment to the end of the line and leaves it out of the source', () => {
        expect(parseLine('powershell', 'Get-Date -Format t # what time is it')).toStrictEqual({
          ok: true,
          empty: false,
          statements: [
            [
              {
                name: 'Get-Date',
                nameAt: 0,
                args: [
                  { text: '-Format', quoted: false, at: 9, end: 16 },
                  { text: 't', quoted: false, at: 17, end: 18 },
                ],
                source: 'Get-Date -Format t',
              },
            ],
          ],
          conditions: ['always'],
        });
      });

      it.each([
        { line: 'Get-Date # what time is it', source: 'Get-Date' },
        { line: 'Get-Date -Format t#comment', source: 'Get-Date -Format t#comment' },
        { line: 'Get-Date -Format t #comment', source: 'Get-Date -Format t' },
        { line: 'Get-Date #a | b; c', source: 'Get-Date' },
      ])('gives $line the source "$source"', ({ line, source }) => {
        const r = parseLine('powershell', line);
        expect(statementNames(r)).toEqual([['Get-Date']]);
        expect(commands(r)[0]?.source).toBe(source);
      });

      it('ignores && and & inside a comment', () => {
        const r = parseLine('powershell', 'a # && b & c');
        expect(statementNames(r)).toEqual([['a']]);
        expect(conditionsOf(r)).toEqual(['always']);
      });

      it('parses a line that is only a comment as empty', () => {
        expect(parseLine('powershell', '  # nothing to do')).toStrictEqual({
          ok: true,
          empty: true,
          statements: [],
          conditions: [],
        });
      });

      it('keeps the statements before a comment', () => {
        const r = parseLine('powershell', 'a; b | c # d; e');
        expect(statementNames(r)).toEqual([['a'], ['b', 'c']]);
        expect(conditionsOf(r)).toEqual(['always', 'always']);
      });
    });

    describe('pipelines and statements', () => {
      it('splits a pipeline at | into commands, each with its name column and its own source', () => {
        const line = 'Get-Service | Where-Object Status -eq Running';
        const r = parseLine('powershell', line);
        expect(statementNames(r)).toEqual([['Get-Service', 'Where-Object']]);
        expect(commands(r)).toStrictEqual([
          { name: 'Get-Service', nameAt: 0, args: [], source: 'Get-Service' },
          {
            name: 'Where-Object',
            nameAt: 14,
            args: [
              { text: 'Status', quoted: false, at: 27, end: 33 },
              { text: '-eq', quoted: false, at: 34, end: 37 },
              { text: 'Running', quoted: false, at: 38, end: 45 },
            ],
            source: 'Where-Object Status -eq Running',
          },
        ]);
      });

      it('splits hostname; whoami into two statements', () => {
        expect(parseLine('powershell', 'hostname; whoami')).toStrictEqual({
          ok: true,
          empty: false,
          statements: [
            [{ name: 'hostname', nameAt: 0, args: [], source: 'hostname' }],
            [{ name: 'whoami', nameAt: 10, args: [], source: 'whoami' }],
          ],
          conditions: ['always', 'always'],
        });
      });

      it.each([
        { line: 'hostname;whoami', names: [['hostname'], ['whoami']], at: [0, 9] },
        { line: 'a|b', names: [['a', 'b']], at: [0, 2] },
        { line: 'a | b | c', names: [['a', 'b', 'c']], at: [0, 4, 8] },
        { line: 'hostname;', names: [['hostname']], at: [0] },
        { line: '; hostname', names: [['hostname']], at: [2] },
        { line: 'a;;b', names: [['a'], ['b']], at: [0, 3] },
        {
          line: 'a | b; c | d',
          names: [
            ['a', 'b'],
            ['c', 'd'],
          ],
          at: [0, 4, 7, 11],
        },
      ])('splits "$line" into statements and pipelines, each run "always"', ({ line, names, at }) => {
        const r = parseLine('powershell', line);
        expect(statementNames(r)).toEqual(names);
        expect(commands(r).map((c) => c.nameAt)).toEqual(at);
        expect(conditionsOf(r)).toEqual(names.map(() => 'always'));
      });

      it('trims the source of a single command', () => {
        expect(commands(parseLine('powershell', '  hostname   '))[0]?.source).toBe('hostname');
      });

      it.each([
        { line: 'Get-Service | Select-Object Name', source: 'Get-Service' },
        { line: 'Get-Service|Select-Object Name', source: 'Get-Service' },
        { line: 'Get-Service -Name "a b"; whoami', source: 'Get-Service -Name "a b"' },
        { line: "Write-Output 'x' ;whoami", source: "Write-Output 'x'" },
      ])(
        'gives the first command of "$line" a source that stops before the separator',
        ({ line, source }) => {
          expect(commands(parseLine('powershell', line))[0]?.source).toBe(source);
        },
      );
    });

    describe('the call operator &', () => {
      it('skips a & at the start of the line and takes the next token as the command name', () => {
        expect(parseLine('powershell', '& hostname')).toStrictEqual({
          ok: true,
          empty: false,
          statements: [[{ name: 'hostname', nameAt: 2, args: [], source: 'hostname' }]],
          conditions: ['always'],
        });
      });

      it('takes a quoted command name after &, with its arguments', () => {
        expect(parseLine('powershell', "& 'C:\\Tools\\my tool.exe' /x")).toStrictEqual({
          ok: true,
          empty: false,
          statements: [
            [
              {
                name: 'C:\\Tools\\my tool.exe',
                nameAt: 2,
                args: [{ text: '/x', quoted: false, at: 25, end: 27 }],
                source: "'C:\\Tools\\my tool.exe' /x",
              },
            ],
          ],
          conditions: ['always'],
        });
      });

      it.each([
        { line: '&hostname', names: [['hostname']], at: [1] },
        { line: '  & hostname', names: [['hostname']], at: [4] },
        { line: 'a; & b', names: [['a'], ['b']], at: [0, 5] },
        { line: 'a;&b', names: [['a'], ['b']], at: [0, 3] },
        { line: '& a | b', names: [['a', 'b']], at: [2, 6] },
      ])('treats & at the start of a statement as the call operator in "$line"', ({ line, names, at }) => {
        const r = parseLine('powershell', line);
        expect(statementNames(r)).toEqual(names);
        expect(commands(r).map((c) => c.nameAt)).toEqual(at);
        expect(conditionsOf(r)).toEqual(names.map(() => 'always'));
      });

      it.each([
        { line: 'Write-Output "&"', text: '&' },
        { line: "Write-Output 'a & b'", text: 'a & b' },
        { line: 'Write-Output "a && b"', text: 'a && b' },
        { line: "Write-Output 'a || b'", text: 'a || b' },
      ])('takes &, && and || inside quotes as text: $line', ({ line, text }) => {
        expect(argTexts(parseLine('powershell', line))).toEqual([[text]]);
      });
    });

    describe('parse errors', () => {
      it.each([
        { op: '&&', line: 'hostname && whoami', column: 9 },
        { op: '||', line: 'hostname || whoami', column: 9 },
        { op: '||', line: 'a||b', column: 1 },
        { op: '&&', line: '&& hostname', column: 0 },
        { op: '||', line: '|| hostname', column: 0 },
        { op: '&&', line: 'hostname; && whoami', column: 10 },
        { op: '&&', line: 'hostname &&', column: 9 },
        { op: '||', line: 'a | b || c', column: 6 },
      ])(
        'reports $op in "$line" as no valid statement separator, at its first character',
        ({ op, line, column }) => {
          expect(parseLine('powershell', line)).toStrictEqual({
            ok: false,
            message: `The token '${op}' is not a valid statement separator in this version.`,
            column,
            errorId: 'InvalidEndOfLine',
          });
        },
      );

      it('ignores one trailing & in cmd, running the command before it', () => {
        const r = parseLine('cmd', 'hostname &');
        expect(r.ok && r.statements.map((st) => st.map((c) => c.name))).toEqual([['hostname']]);
      });

      it('allows the call operator at the start of a pipeline element', () => {
        const r = parseLine('powershell', 'Get-Service | & Select-Object Name');
        expect(r.ok && r.statements[0]?.map((c) => c.name)).toEqual(['Get-Service', 'Select-Object']);
      });

      it.each([
        { line: '&', column: 1 },
        { line: '& ', column: 1 },
        { line: 'a; &', column: 4 },
      ])('reports a call operator with nothing after it in $line', ({ line, column }) => {
        expect(parseLine('powershell', line)).toStrictEqual({
          ok: false,
          message: "Missing expression after '&' in pipeline element.",
          column,
          errorId: 'MissingExpression',
        });
      });

      it('reports && without spaces as not a valid statement separator', () => {
        expect(parseLine('powershell', 'a&&b')).toMatchObject({
          ok: false,
          errorId: 'InvalidEndOfLine',
          column: 1,
        });
      });

      it.each([
        { title: 'between two commands', line: 'hostname & whoami', column: 9 },
        { title: 'at the end of the line', line: 'hostname &', column: 9 },
        { title: 'after an argument', line: 'Write-Output a & b', column: 15 },
        { title: 'after a command that followed the call operator', line: '& a & b', column: 4 },
        { title: 'inside a bare word', line: 'Write-Output a&b', column: 14 },
      ])('reports a & $title as not allowed', ({ line, column }) => {
        expect(parseLine('powershell', line)).toStrictEqual({
          ok: false,
          message: PS_AMPERSAND,
          column,
          errorId: 'AmpersandNotAllowed',
        });
      });

      it.each([
        {
          title: 'an unterminated double-quoted string',
          line: 'Write-Output "abc',
          message: 'The string is missing the terminator: ".',
        },
        {
          title: 'an unterminated single-quoted string',
          line: "Write-Output 'abc",
          message: "The string is missing the terminator: '.",
        },
        {
          title: 'an unterminated smart double-quoted string',
          line: 'Write-Output \u201cabc',
          message: 'The string is missing the terminator: ".',
        },
        {
          title: 'an unterminated smart single-quoted string',
          line: 'Write-Output \u2018abc',
          message: "The string is missing the terminator: '.",
        },
        {
          title: 'a string whose closing quote is escaped by a backtick',
          line: 'Write-Output "abc`"',
          message: 'The string is missing the terminator: ".',
        },
        {
          title: 'a string whose last quote is doubled',
          line: "Write-Output 'abc''",
          message: "The string is missing the terminator: '.",
        },
      ])('reports $title at its opening quote', ({ line, message }) => {
        expect(parseLine('powershell', line)).toStrictEqual({
          ok: false,
          message,
          column: 13,
          errorId: 'TerminatorExpectedAtEndOfString',
        });
      });

      it.each([
        {
          title: 'an unterminated string after a complete statement',
          line: 'hostname; Write-Output "a | b',
          message: 'The string is missing the terminator: ".',
          column: 23,
        },
        {
          title: 'an unterminated string inside a word',
          line: 'Write-Output a"bc',
          message: 'The string is missing the terminator: ".',
          column: 14,
        },
        {
          title: 'an unterminated -Name:value',
          line: "Set-Service -Name:'DHCP",
          message: "The string is missing the terminator: '.",
          column: 18,
        },
        {
          title: 'the second string of a word when the first one closed',
          line: 'Write-Output "a"\'b',
          message: "The string is missing the terminator: '.",
          column: 16,
        },
        {
          title: 'an unterminated string after leading spaces',
          line: "   'abc",
          message: "The string is missing the terminator: '.",
          column: 3,
        },
      ])('reports $title at its opening quote', ({ line, message, column }) => {
        expect(parseLine('powershell', line)).toStrictEqual({
          ok: false,
          message,
          column,
          errorId: 'TerminatorExpectedAtEndOfString',
        });
      });

      it.each([
        { title: 'a pipe at the start', line: '| hostname', column: 0 },
        { title: 'a pipe after leading spaces', line: '  | hostname', column: 2 },
        { title: 'two pipes in a row', line: 'hostname | | whoami', column: 11 },
        { title: 'a pipe right after ;', line: 'hostname; | whoami', column: 10 },
        { title: 'a pipe at the end', line: 'hostname |', column: 9 },
        { title: 'a pipe at the end followed by spaces', line: 'hostname |  ', column: 9 },
        { title: 'a pipe followed only by a comment', line: 'a | # comment', column: 2 },
        { title: 'a pipe followed by a comment with no space', line: 'a|#comment', column: 1 },
        { title: 'a pipe followed by ;', line: 'a | ; b', column: 2 },
        { title: 'a pipe right before ;', line: 'a |;b', column: 2 },
        { title: 'a pipe at the end of a second statement', line: 'a; b |', column: 5 },
      ])('reports an empty pipe element for $title, with the id EmptyPipeElement', ({ line, column }) => {
        expect(parseLine('powershell', line)).toStrictEqual({
          ok: false,
          message: EMPTY_PIPE,
          column,
          errorId: 'EmptyPipeElement',
        });
      });
    });
  });
});

describe('bracketed arguments in PowerShell', () => {
  const NEW_PW =
    'Set-ADAccountPassword -NewPassword (ConvertTo-SecureString "Pa$$w0rd1!" -AsPlainText -Force) -Reset';

  it('keeps a parenthesised sub-expression as one token with its inner text', () => {
    const [c] = commands(parseLine('powershell', NEW_PW));
    expect(c?.args).toStrictEqual([
      { text: '-NewPassword', quoted: false, at: 22, end: 34 },
      {
        text: '(ConvertTo-SecureString "Pa$$w0rd1!" -AsPlainText -Force)',
        quoted: false,
        at: 35,
        end: 92,
        group: 'paren',
        inner: 'ConvertTo-SecureString "Pa$$w0rd1!" -AsPlainText -Force',
      },
      { text: '-Reset', quoted: false, at: 93, end: 99 },
    ]);
  });

  it('parses the command inside a sub-expression, from the token or from its bound text', () => {
    const [c] = commands(parseLine('powershell', NEW_PW));
    for (const x of [c?.args[1], c?.args[1]?.text]) {
      const inner = subExpressionOf(x);
      expect(inner?.name).toBe('ConvertTo-SecureString');
      expect(inner?.args.map((a) => a.text)).toEqual(['Pa$$w0rd1!', '-AsPlainText', '-Force']);
    }
  });

  it('gives no sub-expression for a plain or quoted argument', () => {
    const [c] = commands(parseLine('powershell', 'x abc "(y)"'));
    expect(subExpressionOf(c?.args[0])).toBeUndefined();
    expect(subExpressionOf(c?.args[1])).toBeUndefined();
    expect(subExpressionOf(undefined)).toBeUndefined();
  });

  it('keeps separators, pipes, quotes and nested brackets inside the brackets', () => {
    expect(argTexts(parseLine('powershell', 'x (a; b | c ")" (d)) e'))).toEqual([
      ['(a; b | c ")" (d))', 'e'],
    ]);
  });

  it('takes a sub-expression as the value of -Name:', () => {
    const [c] = commands(parseLine('powershell', 'x -NewPassword:(Read-Host -AsSecureString) -Reset'));
    expect(c?.args[0]).toMatchObject({
      text: '-NewPassword:(Read-Host -AsSecureString)',
      group: 'paren',
      inner: 'Read-Host -AsSecureString',
    });
    expect(subExpressionOf(c?.args[0]?.text.slice('-NewPassword:'.length))?.name).toBe('Read-Host');
    expect(c?.args[1]?.text).toBe('-Reset');
  });

  it('reads @( … ) as a sub-expression too', () => {
    const [c] = commands(parseLine('powershell', 'x @(1, 2) y'));
    expect(c?.args.map((a) => [a.text, a.group])).toEqual([
      ['@(1, 2)', 'paren'],
      ['y', undefined],
    ]);
  });

  it('keeps a script block as one token', () => {
    const [c] = commands(parseLine('powershell', `Get-ADUser -Filter {Name -like "Mich*"} -Properties *`));
    expect(c?.args.map((a) => a.text)).toEqual(['-Filter', '{Name -like "Mich*"}', '-Properties', '*']);
    expect(c?.args[1]).toMatchObject({ group: 'scriptblock', inner: 'Name -like "Mich*"' });
  });

  it('reads a hashtable literal as one token with its entries', () => {
    const [c] = commands(parseLine('powershell', 'Set-ADUser michael.brown -Replace @{adminCount=0}'));
    expect(c?.args[2]).toStrictEqual({
      text: '@{adminCount=0}',
      quoted: false,
      at: 34,
      end: 49,
      group: 'hashtable',
      inner: 'adminCount=0',
      entries: { adminCount: 0 },
    });
  });

  it('reads the entries of a hashtable: strings, numbers, booleans, $null and lists', () => {
    const line = `Get-WinEvent -FilterHashtable @{ LogName = 'Application'; Id=611; 'Quoted Key'="a ""b"" c"; On=$true; Off=$FALSE; None=$null; Ids=611,612, '613'; S='it''s'; Bare=Word }`;
    const [c] = commands(parseLine('powershell', line));
    expect(c?.args.length).toBe(2);
    expect(hashtableOf(c?.args[1])).toStrictEqual({
      LogName: 'Application',
      Id: 611,
      'Quoted Key': 'a "b" c',
      On: true,
      Off: false,
      None: '',
      Ids: ['611', '612', '613'],
      S: "it's",
      Bare: 'Word',
    });
  });

  it('parses a hashtable from its bound text and looks keys up without regard to case', () => {
    const entries = hashtableOf("@{LogName='System';ID=7036}");
    expect(entries).toStrictEqual({ LogName: 'System', ID: 7036 });
    expect(entries && hashtableValue(entries, 'id')).toBe(7036);
    expect(entries && hashtableValue(entries, 'logname')).toBe('System');
    expect(entries && hashtableValue(entries, 'Level')).toBeUndefined();
    expect(hashtableOf('@{}')).toStrictEqual({});
  });

  it.each([
    { what: 'a plain word', x: 'adminCount=0' },
    { what: 'a sub-expression', x: '(1)' },
    { what: 'an unclosed literal', x: '@{a=1' },
    { what: 'a literal with text after it', x: '@{a=1}x' },
    { what: 'nothing', x: undefined },
  ])('gives no hashtable for $what', ({ x }) => {
    expect(hashtableOf(x)).toBeUndefined();
  });

  it('gives no hashtable for a quoted string that looks like one', () => {
    const [c] = commands(parseLine('powershell', `x '@{a=1}'`));
    expect(hashtableOf(c?.args[0])).toBeUndefined();
  });

  it('leaves $true, $false, $null and comma lists as plain tokens', () => {
    expect(
      argTexts(parseLine('powershell', "x -Enabled $true -C:$false -D $null -Properties a,'b',c")),
    ).toEqual([['-Enabled', '$true', '-C:$false', '-D', '$null', '-Properties', 'a,b,c']]);
  });

  it('leaves brackets inside a word or a string alone', () => {
    const [c] = commands(parseLine('powershell', 'echo a(b) "(c" x{y}'));
    expect(c?.args.map((a) => [a.text, a.group])).toEqual([
      ['a(b)', undefined],
      ['(c', undefined],
      ['x{y}', undefined],
    ]);
  });

  it.each([
    {
      title: 'an unclosed parenthesis',
      line: 'Set-ADAccountPassword x -NewPassword (ConvertTo-SecureString "a" -AsPlainText',
      message: "Missing closing ')' in expression.",
      column: 77,
      errorId: 'MissingEndParenthesisInExpression',
    },
    {
      title: 'an unclosed parenthesis followed by spaces',
      line: 'x (a  ',
      message: "Missing closing ')' in expression.",
      column: 4,
      errorId: 'MissingEndParenthesisInExpression',
    },
    {
      title: 'a parenthesis closed by a brace',
      line: 'x (a}',
      message: "Missing closing ')' in expression.",
      column: 5,
      errorId: 'MissingEndParenthesisInExpression',
    },
    {
      title: 'an unclosed array sub-expression',
      line: 'x @(1, 2',
      message: "Missing closing ')' in subexpression.",
      column: 8,
      errorId: 'MissingEndParenthesisInSubexpression',
    },
    {
      title: 'empty parentheses',
      line: 'x ()',
      message: "An expression was expected after '('.",
      column: 3,
      errorId: 'ExpectedExpression',
    },
    {
      title: 'an unclosed hashtable',
      line: 'Set-ADUser x -Replace @{adminCount=0',
      message: 'The hash literal was incomplete.',
      column: 36,
      errorId: 'IncompleteHashLiteral',
    },
    {
      title: 'an opened hashtable and nothing else',
      line: '@{',
      message: 'The hash literal was incomplete.',
      column: 2,
      errorId: 'IncompleteHashLiteral',
    },
    {
      title: 'a hashtable key without =',
      line: 'x @{a; b=1}',
      message: "Missing '=' operator after key in hash literal.",
      column: 5,
      errorId: 'MissingEqualsInHashLiteral',
    },
    {
      title: 'a hashtable key without a value',
      line: 'x @{File=; Tests=1}',
      message: "Missing statement after '=' in hash literal.",
      column: 9,
      errorId: 'MissingStatementInHashLiteral',
    },
    {
      title: 'an unclosed script block',
      line: 'Get-ADUser -Filter {Name -eq "x"',
      message: "Missing closing '}' in statement block or type definition.",
      column: 19,
      errorId: 'MissingEndCurlyBrace',
    },
    {
      title: 'an unterminated string inside parentheses',
      line: 'x (ConvertTo-SecureString "abc)',
      message: 'The string is missing the terminator: ".',
      column: 26,
      errorId: 'TerminatorExpectedAtEndOfString',
    },
  ])('reports $title', ({ line, message, column, errorId }) => {
    expect(parseLine('powershell', line)).toStrictEqual({ ok: false, message, column, errorId });
  });

  it('leaves cmd lines alone: brackets are ordinary characters there', () => {
    expect(argTexts(parseLine('cmd', 'echo (a b) @{c=1}'))).toEqual([['(a', 'b)', '@{c=1}']]);
  });
});
