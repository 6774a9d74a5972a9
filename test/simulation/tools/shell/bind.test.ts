import { describe, expect, it } from 'vitest';
import {
  bindParams,
  parseTimeSpan,
  type BindResult,
  type BoundValue,
  type CmdletSpec,
} from '../../../../simulation/tools/shell/bind';
import { parseLine, type Token } from '../../../../simulation/tools/shell/parse';
import type { PsErrorRecord } from '../../../../simulation/tools/shell/psError';

const CLASS = 'Microsoft.PowerShell.Commands.SetServiceCommand';
const START_MODES = ['Boot', 'System', 'Automatic', 'Manual', 'Disabled'] as const;

const SET_SERVICE: CmdletSpec = {
  name: 'Set-Service',
  className: CLASS,
  params: [
    { name: 'Name', type: 'string', position: 0, mandatory: true, aliases: ['ServiceName', 'SN'] },
    { name: 'DisplayName', type: 'string', position: 1 },
    {
      name: 'StartupType',
      type: 'enum',
      values: START_MODES,
      typeName: 'System.ServiceProcess.ServiceStartMode',
    },
    { name: 'Status', type: 'string' },
    { name: 'PassThru', type: 'switch' },
    { name: 'Enabled', type: 'bool' },
    { name: 'Count', type: 'int' },
    { name: 'Interval', type: 'timespan' },
    { name: 'ComputerName', type: 'strings' },
  ],
};

function argsOf(line: string): Token[] {
  const r = parseLine('powershell', line);
  if (!r.ok) throw new Error(r.message);
  return r.statements[0]?.[0]?.args ?? [];
}

function bind(line: string, spec: CmdletSpec = SET_SERVICE): BindResult {
  return bindParams(spec, argsOf(line), line);
}

function values(line: string, spec: CmdletSpec = SET_SERVICE): Record<string, BoundValue> {
  const r = bind(line, spec);
  if (!r.ok) throw new Error(r.error.message);
  return r.values;
}

function error(line: string, spec: CmdletSpec = SET_SERVICE): PsErrorRecord {
  const r = bind(line, spec);
  if (r.ok) throw new Error(`bound: ${JSON.stringify(r.values)}`);
  return r.error;
}

/** The error record bindParams builds for a token at `column` of `length` characters. */
function bindingError(
  line: string,
  message: string,
  errorId: string,
  column: number,
  length: number,
): PsErrorRecord {
  return {
    command: 'Set-Service',
    message,
    line,
    column,
    length,
    category: 'InvalidArgument',
    exception: 'ParameterBindingException',
    errorId: `${errorId},${CLASS}`,
  };
}

describe('bindParams', () => {
  describe('named parameters', () => {
    it.each([
      { title: 'by full name', line: 'Set-Service -Name DHCPServer' },
      { title: 'case-insensitively', line: 'Set-Service -nAmE DHCPServer' },
      { title: 'by an alias', line: 'Set-Service -ServiceName DHCPServer' },
      { title: 'by a short alias', line: 'Set-Service -sn DHCPServer' },
      { title: 'with -Name:value', line: 'Set-Service -Name:DHCPServer' },
      { title: 'with -Name: value (the value in the next token)', line: 'Set-Service -Name: DHCPServer' },
      { title: 'with a quoted value', line: "Set-Service -Name 'DHCPServer'" },
    ])('binds -Name $title', ({ line }) => {
      expect(values(line)).toStrictEqual({ Name: 'DHCPServer' });
    });

    it.each([
      { prefix: '-Disp', param: 'DisplayName' },
      { prefix: '-start', param: 'StartupType' },
      { prefix: '-Stat', param: 'Status' },
      { prefix: '-P', param: 'PassThru' },
      { prefix: '-Comp', param: 'ComputerName' },
    ])('binds the unique prefix $prefix to $param', ({ prefix, param }) => {
      const value = param === 'PassThru' ? '' : param === 'StartupType' ? ' Manual' : ' x';
      const bound = values(`Set-Service -Name n ${prefix}${value}`);
      expect(Object.keys(bound)).toEqual(['Name', param]);
    });

    it('prefers an exact name over longer names it is a prefix of', () => {
      const spec: CmdletSpec = {
        name: 'Set-Service',
        className: CLASS,
        params: [
          { name: 'Name', type: 'string' },
          { name: 'NamePrefix', type: 'string' },
        ],
      };
      expect(values('Set-Service -name a -NameP b', spec)).toStrictEqual({ Name: 'a', NamePrefix: 'b' });
    });

    it.each([
      { line: 'Set-Service -S x', name: 'S', matches: '-StartupType -Status', column: 12, length: 2 },
      {
        line: 'Set-Service -Name n -E x',
        name: 'E',
        matches: '-Enabled -ErrorAction -ErrorVariable',
        column: 20,
        length: 2,
      },
      { line: 'Set-Service -O 1', name: 'O', matches: '-OutVariable -OutBuffer', column: 12, length: 2 },
    ])('rejects the ambiguous prefix -$name, listing $matches', ({ line, name, matches, column, length }) => {
      expect(error(line)).toStrictEqual(
        bindingError(
          line,
          `Parameter cannot be processed because the parameter name '${name}' is ambiguous. Possible matches include: ${matches}.`,
          'AmbiguousParameter',
          column,
          length,
        ),
      );
    });

    it.each([
      { line: 'Set-Service -Foo 1', name: 'Foo', column: 12, length: 4 },
      { line: 'Set-Service -Name n -Startup:Manual -Bogus', name: 'Bogus', column: 36, length: 6 },
      { line: 'Set-Service -Foo:1', name: 'Foo', column: 12, length: 6 },
    ])(
      'rejects an unknown parameter -$name with NamedParameterNotFound',
      ({ line, name, column, length }) => {
        expect(error(line)).toStrictEqual(
          bindingError(
            line,
            `A parameter cannot be found that matches parameter name '${name}'.`,
            'NamedParameterNotFound',
            column,
            length,
          ),
        );
      },
    );

    it('does not take an alias prefix as a match', () => {
      expect(error('Set-Service -ServiceN x').message).toBe(
        "A parameter cannot be found that matches parameter name 'ServiceN'.",
      );
    });

    it.each([
      { title: 'the same name twice', line: 'Set-Service -Name a -Name b', column: 20 },
      { title: 'a name and its alias', line: 'Set-Service -Name a -ServiceName b', column: 20 },
      { title: 'a name and a prefix of it', line: 'Set-Service -Name a -Nam b', column: 20 },
    ])('rejects $title as a duplicate parameter', ({ line, column }) => {
      const e = error(line);
      expect(e.message).toBe(
        'Cannot bind parameter because parameter \'Name\' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, "-parameter value1,value2,value3".',
      );
      expect(e.errorId).toBe(`ParameterAlreadyBound,${CLASS}`);
      expect(e.column).toBe(column);
    });

    it('takes a quoted token that looks like a parameter as a value', () => {
      expect(values("Set-Service -Name n -DisplayName '-Verbose'")).toStrictEqual({
        Name: 'n',
        DisplayName: '-Verbose',
      });
    });

    it('takes a negative number as a value, not as a parameter name', () => {
      expect(values('Set-Service -Name n -Count -3')).toStrictEqual({ Name: 'n', Count: -3 });
    });

    it.each([
      { line: 'Set-Service -Name:"DHCP Server"', bound: { Name: 'DHCP Server' } },
      { line: "Set-Service -Name:'DHCP Server'", bound: { Name: 'DHCP Server' } },
      {
        line: 'Set-Service -Name:"DHCP Server" -DisplayName:"a b"',
        bound: { Name: 'DHCP Server', DisplayName: 'a b' },
      },
      { line: 'Set-Service -PassThru -Name:"DHCP Server"', bound: { PassThru: true, Name: 'DHCP Server' } },
    ])('binds a quoted inline value with spaces: $line', ({ line, bound }) => {
      expect(values(line)).toStrictEqual(bound);
    });
  });

  describe('switches', () => {
    it.each([
      { arg: '-PassThru', expected: true },
      { arg: '-PassThru:$true', expected: true },
      { arg: '-PassThru:$false', expected: false },
      { arg: '-PassThru:$FALSE', expected: false },
      { arg: '-PassThru:1', expected: true },
      { arg: '-PassThru:0', expected: false },
    ])('binds $arg to $expected', ({ arg, expected }) => {
      expect(values(`Set-Service -Name n ${arg}`)).toStrictEqual({ Name: 'n', PassThru: expected });
    });

    it('does not take the next token as the switch’s value', () => {
      expect(values('Set-Service -PassThru DHCPServer')).toStrictEqual({
        PassThru: true,
        Name: 'DHCPServer',
      });
    });

    // -Switch:'$true' hands the switch the string "$true", which PowerShell will not turn into a Boolean.
    it.each([
      { arg: "-PassThru:'$true'" },
      { arg: '-PassThru:"$true"' },
      { arg: "-PassThru:'$false'" },
      { arg: '-PassThru:"1"' },
      { arg: "-PassThru:'0'" },
      { arg: "-PassThru:''" },
    ])('rejects the quoted inline value $arg, underlining the whole token', ({ arg }) => {
      const line = `Set-Service -Name n ${arg}`;
      expect(error(line)).toStrictEqual(
        bindingError(
          line,
          'Cannot process argument transformation on parameter \'PassThru\'. Cannot convert value "System.String" to type "System.Boolean". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.',
          'ParameterArgumentTransformationError',
          20,
          arg.length,
        ),
      );
    });

    it('rejects -Switch:value that is not a Boolean', () => {
      const line = 'Set-Service -Name n -PassThru:yes';
      expect(error(line)).toStrictEqual(
        bindingError(
          line,
          'Cannot process argument transformation on parameter \'PassThru\'. Cannot convert value "System.String" to type "System.Boolean". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.',
          'ParameterArgumentTransformationError',
          20,
          13,
        ),
      );
    });
  });

  describe('positional parameters', () => {
    it('binds bare values to the positional parameters in position order', () => {
      expect(values('Set-Service DHCPServer "DHCP Server"')).toStrictEqual({
        Name: 'DHCPServer',
        DisplayName: 'DHCP Server',
      });
    });

    it('skips positions whose parameter was given by name', () => {
      expect(values('Set-Service -Name DHCPServer "DHCP Server"')).toStrictEqual({
        Name: 'DHCPServer',
        DisplayName: 'DHCP Server',
      });
    });

    it('binds positional values wherever they stand among named ones', () => {
      expect(values('Set-Service -PassThru DHCPServer -Status Running "DHCP Server"')).toStrictEqual({
        PassThru: true,
        Status: 'Running',
        Name: 'DHCPServer',
        DisplayName: 'DHCP Server',
      });
    });

    it('orders positions by number, not by declaration order', () => {
      const spec: CmdletSpec = {
        name: 'Set-Service',
        className: CLASS,
        params: [
          { name: 'Second', type: 'string', position: 1 },
          { name: 'First', type: 'string', position: 0 },
        ],
      };
      expect(values('Set-Service a b', spec)).toStrictEqual({ First: 'a', Second: 'b' });
    });

    it.each([
      { line: 'Set-Service a b c', arg: 'c', column: 16 },
      { line: 'Set-Service -Name a -DisplayName b extra', arg: 'extra', column: 35 },
    ])(
      'rejects an extra positional value "$arg" with PositionalParameterNotFound',
      ({ line, arg, column }) => {
        expect(error(line)).toStrictEqual(
          bindingError(
            line,
            `A positional parameter cannot be found that accepts argument '${arg}'.`,
            'PositionalParameterNotFound',
            column,
            arg.length,
          ),
        );
      },
    );

    it('underlines an extra quoted positional value with its quotes', () => {
      const line = 'Set-Service a b "c d"';
      expect(error(line)).toStrictEqual(
        bindingError(
          line,
          "A positional parameter cannot be found that accepts argument 'c d'.",
          'PositionalParameterNotFound',
          16,
          5,
        ),
      );
    });
  });

  describe('value conversion', () => {
    it.each([
      { arg: '$true', expected: true },
      { arg: '$True', expected: true },
      { arg: '$false', expected: false },
      { arg: '1', expected: true },
      { arg: '0', expected: false },
    ])('binds the Boolean value $arg as $expected', ({ arg, expected }) => {
      expect(values(`Set-Service -Name n -Enabled ${arg}`)).toStrictEqual({ Name: 'n', Enabled: expected });
    });

    it('binds a Boolean given inline as -Enabled:$false', () => {
      expect(values('Set-Service -Name n -Enabled:$false')).toStrictEqual({ Name: 'n', Enabled: false });
    });

    it.each([{ arg: 'true' }, { arg: 'false' }, { arg: 'yes' }, { arg: '2' }, { arg: '-1' }])(
      'rejects $arg for a Boolean parameter with the transformation error',
      ({ arg }) => {
        const line = `Set-Service -Name n -Enabled ${arg}`;
        const e = error(line);
        expect(e.message).toBe(
          'Cannot process argument transformation on parameter \'Enabled\'. Cannot convert value "System.String" to type "System.Boolean". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.',
        );
        expect(e.errorId).toBe(`ParameterArgumentTransformationError,${CLASS}`);
        expect(e.column).toBe(29);
      },
    );

    // A quoted '$true' is the string "$true", and PowerShell refuses a string for a [bool] parameter
    // (that is what "Cannot convert value \"System.String\"" in the message says).
    // The underline covers the whole typed token, quotes included.
    it.each([{ arg: "'$true'" }, { arg: '"$true"' }, { arg: "'$false'" }, { arg: '"1"' }, { arg: "'0'" }])(
      'rejects the quoted string $arg for a Boolean parameter',
      ({ arg }) => {
        const line = `Set-Service -Name n -Enabled ${arg}`;
        expect(error(line)).toStrictEqual(
          bindingError(
            line,
            'Cannot process argument transformation on parameter \'Enabled\'. Cannot convert value "System.String" to type "System.Boolean". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.',
            'ParameterArgumentTransformationError',
            29,
            arg.length,
          ),
        );
      },
    );

    it.each([
      { arg: "-Enabled:'$true'" },
      { arg: '-Enabled:"$false"' },
      { arg: "-Enabled:'1'" },
      { arg: '-Enabled:"0"' },
    ])(
      'rejects the quoted inline value $arg for a Boolean parameter, underlining the whole token',
      ({ arg }) => {
        const line = `Set-Service -Name n ${arg}`;
        expect(error(line)).toStrictEqual(
          bindingError(
            line,
            'Cannot process argument transformation on parameter \'Enabled\'. Cannot convert value "System.String" to type "System.Boolean". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.',
            'ParameterArgumentTransformationError',
            20,
            arg.length,
          ),
        );
      },
    );

    it.each([
      { arg: '-Enabled:$true', expected: true },
      { arg: '-Enabled:1', expected: true },
      { arg: '-Enabled:0', expected: false },
    ])('binds the unquoted inline Boolean $arg as $expected', ({ arg, expected }) => {
      expect(values(`Set-Service -Name n ${arg}`)).toStrictEqual({ Name: 'n', Enabled: expected });
    });

    it("rejects a quoted '$true' given by position to a Boolean parameter, underlining it with its quotes", () => {
      const spec: CmdletSpec = {
        name: 'Set-Service',
        className: CLASS,
        params: [{ name: 'Enabled', type: 'bool', position: 0 }],
      };
      expect(values('Set-Service $true', spec)).toStrictEqual({ Enabled: true });
      const e = error("Set-Service '$true'", spec);
      expect(e.errorId).toBe(`ParameterArgumentTransformationError,${CLASS}`);
      expect(e.column).toBe(12);
      expect(e.length).toBe(7);
    });

    it.each([
      { arg: 'Manual', expected: 'Manual' },
      { arg: 'automatic', expected: 'Automatic' },
      { arg: 'DISABLED', expected: 'Disabled' },
    ])('binds the enum value $arg as $expected', ({ arg, expected }) => {
      expect(values(`Set-Service -Name n -StartupType ${arg}`)).toStrictEqual({
        Name: 'n',
        StartupType: expected,
      });
    });

    it.each([
      { arg: "-StartupType 'Sometimes'", column: 33, length: 11 },
      { arg: '-StartupType:Sometimes', column: 20, length: 22 },
      { arg: "-StartupType:'Sometimes'", column: 20, length: 24 },
    ])('underlines the whole typed token of a bad enum value: $arg', ({ arg, column, length }) => {
      const e = error(`Set-Service -Name n ${arg}`);
      expect(e.errorId).toBe(`CannotConvertArgumentNoMessage,${CLASS}`);
      expect([e.column, e.length]).toEqual([column, length]);
    });

    it('rejects an unknown enum value, listing the enumerator names', () => {
      const line = 'Set-Service -Name n -StartupType Sometimes';
      expect(error(line)).toStrictEqual(
        bindingError(
          line,
          'Cannot bind parameter \'StartupType\'. Cannot convert value "Sometimes" to type "System.ServiceProcess.ServiceStartMode". Error: "Unable to match the identifier name Sometimes to a valid enumerator name. Specify one of the following enumerator names and try again:\nBoot, System, Automatic, Manual, Disabled"',
          'CannotConvertArgumentNoMessage',
          33,
          9,
        ),
      );
    });

    it.each([
      { arg: '5', expected: 5 },
      { arg: '0', expected: 0 },
      { arg: '-3', expected: -3 },
      { arg: "'7'", expected: 7 },
    ])('binds the integer $arg', ({ arg, expected }) => {
      expect(values(`Set-Service -Name n -Count ${arg}`)).toStrictEqual({ Name: 'n', Count: expected });
    });

    it('binds an integer given as a quoted inline value', () => {
      expect(values('Set-Service -Name n -Count:"12"')).toStrictEqual({ Name: 'n', Count: 12 });
    });

    it.each([{ arg: 'five' }, { arg: '1.5' }, { arg: '0x10' }])(
      'rejects $arg for an integer parameter',
      ({ arg }) => {
        expect(error(`Set-Service -Name n -Count ${arg}`).message).toBe(
          `Cannot bind parameter 'Count'. Cannot convert value "${arg}" to type "System.Int32". Error: "Input string was not in a correct format."`,
        );
      },
    );

    it.each([
      { arg: '03:00:00', ms: 3 * 3_600_000 },
      { arg: '1.02:03:04', ms: ((24 + 2) * 60 + 3) * 60_000 + 4000 },
    ])('binds the TimeSpan $arg as $ms ms', ({ arg, ms }) => {
      expect(values(`Set-Service -Name n -Interval ${arg}`)).toStrictEqual({ Name: 'n', Interval: ms });
    });

    it('rejects a value that is no TimeSpan', () => {
      const e = error('Set-Service -Name n -Interval soon');
      expect(e.message).toBe(
        'Cannot bind parameter \'Interval\'. Cannot convert value "soon" to type "System.TimeSpan". Error: "String was not recognized as a valid TimeSpan."',
      );
      expect(e.errorId).toBe(`CannotConvertArgumentNoMessage,${CLASS}`);
    });

    it.each([
      { arg: 'a,b,c', expected: ['a', 'b', 'c'] },
      { arg: '"a, b,,c"', expected: ['a', 'b', 'c'] },
      { arg: 'single', expected: ['single'] },
    ])('binds the string list $arg', ({ arg, expected }) => {
      expect(values(`Set-Service -Name n -ComputerName ${arg}`)).toStrictEqual({
        Name: 'n',
        ComputerName: expected,
      });
    });

    it.each([
      { arg: 'a, b', expected: ['a', 'b'] },
      { arg: 'a ,b', expected: ['a', 'b'] },
      { arg: 'a , b,c', expected: ['a', 'b', 'c'] },
      { arg: '\'a\', "b c"', expected: ['a', 'b c'] },
    ])('binds the spaced string list $arg as one array', ({ arg, expected }) => {
      expect(values(`Set-Service -Name n -ComputerName ${arg}`)).toStrictEqual({
        Name: 'n',
        ComputerName: expected,
      });
      expect(values(`Set-Service -ComputerName:${arg} -Name n`)).toStrictEqual({
        ComputerName: expected,
        Name: 'n',
      });
    });

    it('binds a spaced positional list to a string[] parameter, token by token to a string one', () => {
      const spec: CmdletSpec = {
        name: 'Set-Service',
        className: CLASS,
        params: [
          { name: 'Name', type: 'strings', position: 0 },
          { name: 'Other', type: 'string', position: 1 },
        ],
      };
      expect(values('Set-Service a, b c', spec)).toStrictEqual({ Name: ['a', 'b'], Other: 'c' });
      // A string parameter does not take the list: its second item is one positional argument too many.
      const single: CmdletSpec = { ...spec, params: [{ name: 'Other', type: 'string', position: 0 }] };
      expect(error('Set-Service a, b', single).errorId).toBe(`PositionalParameterNotFound,${CLASS}`);
      // A parameter name after a comma is not part of the list.
      expect(values('Set-Service a, -Other c', spec)).toStrictEqual({ Name: ['a'], Other: 'c' });
    });

    it('splits a quoted inline string list', () => {
      expect(values("Set-Service -Name n -ComputerName:'a, b'")).toStrictEqual({
        Name: 'n',
        ComputerName: ['a', 'b'],
      });
    });

    it('converts a positional value to its parameter’s type', () => {
      const spec: CmdletSpec = {
        name: 'Set-Service',
        className: CLASS,
        params: [{ name: 'Count', type: 'int', position: 0 }],
      };
      expect(values('Set-Service 42', spec)).toStrictEqual({ Count: 42 });
      expect(error('Set-Service many', spec).errorId).toBe(`CannotConvertArgumentNoMessage,${CLASS}`);
    });
  });

  describe('missing values', () => {
    it.each([
      { param: 'DisplayName', type: 'System.String' },
      { param: 'StartupType', type: 'System.ServiceProcess.ServiceStartMode' },
      { param: 'Enabled', type: 'System.Boolean' },
      { param: 'Count', type: 'System.Int32' },
      { param: 'Interval', type: 'System.TimeSpan' },
      { param: 'ComputerName', type: 'System.String[]' },
    ])('rejects -$param with no argument, naming the type $type', ({ param, type }) => {
      const line = `Set-Service -Name n -${param}`;
      expect(error(line)).toStrictEqual(
        bindingError(
          line,
          `Missing an argument for parameter '${param}'. Specify a parameter of type '${type}' and try again.`,
          'MissingArgument',
          20,
          param.length + 1,
        ),
      );
    });

    it('rejects a parameter followed by another parameter instead of its argument', () => {
      expect(error('Set-Service -Name n -DisplayName -PassThru').message).toBe(
        "Missing an argument for parameter 'DisplayName'. Specify a parameter of type 'System.String' and try again.",
      );
    });

    it('rejects a command without its mandatory parameter, pointing past the end of the line', () => {
      const line = 'Set-Service -PassThru';
      expect(error(line)).toStrictEqual(
        bindingError(
          line,
          'Cannot process command because of one or more missing mandatory parameters: Name.',
          'MissingMandatoryParameter',
          line.length,
          1,
        ),
      );
    });

    it('names every missing mandatory parameter', () => {
      const spec: CmdletSpec = {
        name: 'Set-Service',
        className: CLASS,
        params: [
          { name: 'Identity', type: 'string', mandatory: true },
          { name: 'NewPassword', type: 'string', mandatory: true },
          { name: 'Reset', type: 'switch' },
        ],
      };
      expect(error('Set-Service -Reset', spec).message).toBe(
        'Cannot process command because of one or more missing mandatory parameters: Identity NewPassword.',
      );
    });

    it('binds nothing for a command with no arguments and no mandatory parameters', () => {
      const spec: CmdletSpec = {
        name: 'Get-Date',
        className: 'X',
        params: [{ name: 'Format', type: 'string' }],
      };
      expect(bindParams(spec, [], 'Get-Date')).toStrictEqual({ ok: true, values: {} });
    });
  });

  describe('common parameters', () => {
    it.each([
      { arg: '-Verbose', bound: { Verbose: true } },
      { arg: '-vb', bound: { Verbose: true } },
      { arg: '-Verbose:$false', bound: { Verbose: false } },
      { arg: '-Debug', bound: { Debug: true } },
      { arg: '-ErrorAction Stop', bound: { ErrorAction: 'Stop' } },
      { arg: '-ea SilentlyContinue', bound: { ErrorAction: 'SilentlyContinue' } },
      { arg: '-WarningAction Ignore', bound: { WarningAction: 'Ignore' } },
      { arg: '-ErrorVariable err', bound: { ErrorVariable: 'err' } },
      { arg: '-OutVariable out', bound: { OutVariable: 'out' } },
      { arg: '-OutBuffer 10', bound: { OutBuffer: 10 } },
      { arg: '-infa Continue', bound: { InformationAction: 'Continue' } },
    ])('binds the common parameter $arg', ({ arg, bound }) => {
      expect(values(`Set-Service -Name n ${arg}`)).toStrictEqual({ Name: 'n', ...bound });
    });

    it('does not bind common parameters by position', () => {
      const spec: CmdletSpec = { name: 'Get-Date', className: 'X', params: [] };
      expect(error('Get-Date Stop', spec).errorId).toBe('PositionalParameterNotFound,X');
    });
  });
});

describe('parseTimeSpan', () => {
  it.each([
    { text: '03:00:00', ms: 3 * 3_600_000 },
    { text: '00:30:00', ms: 30 * 60_000 },
    { text: '00:00:59', ms: 59_000 },
    { text: '23:59:59', ms: 86_399_000 },
    { text: '1.02:03:04', ms: 93_784_000 },
    { text: '7.00:00:00', ms: 7 * 86_400_000 },
    { text: '02:03', ms: (2 * 60 + 3) * 60_000 },
    { text: '2:03:00', ms: (2 * 60 + 3) * 60_000 },
    { text: '  00:30:00  ', ms: 30 * 60_000 },
  ])('parses "$text" as $ms ms', ({ text, ms }) => {
    expect(parseTimeSpan(text)).toBe(ms);
  });

  it.each([
    { text: '' },
    { text: 'soon' },
    { text: '24:00:00' },
    { text: '00:60:00' },
    { text: '00:00:60' },
    { text: '1:2:3' },
    { text: '-01:00:00' },
    { text: '1.2.3' },
    { text: '100:00:00' },
    { text: '3h' },
  ])('rejects "$text"', ({ text }) => {
    expect(parseTimeSpan(text)).toBeUndefined();
  });
});
