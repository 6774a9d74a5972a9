/**
 * PowerShell parameter binding for the lab's cmdlets: named parameters with unique-prefix
 * matching, switches, `-Name:value`, positional parameters, booleans that accept only $true/$false
 * /1/0, enumerations, and the common parameters. Errors carry PowerShell's real messages and ids.
 */
import type { Token } from './parse';
import type { PsErrorRecord } from './psError';

export type ParamType = 'string' | 'switch' | 'bool' | 'int' | 'enum' | 'timespan' | 'strings';

export interface ParamSpec {
  name: string;
  type: ParamType;
  /** For enums: the accepted names, and the .NET type named in the error text. */
  values?: readonly string[];
  typeName?: string;
  position?: number;
  mandatory?: boolean;
  aliases?: readonly string[];
}

export interface CmdletSpec {
  name: string;
  /** The .NET class in FullyQualifiedErrorId, e.g. Microsoft.PowerShell.Commands.GetServiceCommand. */
  className: string;
  params: readonly ParamSpec[];
}

export type BoundValue = string | number | boolean | string[];

/** An argument the parameter binder could not convert to its parameter's type. */
export interface Unconvertible {
  param: string;
  /** The argument as typed. */
  raw: string;
  /** The .NET type it should have become, e.g. `System.TimeSpan`. */
  type: string;
  /**
   * The conversion's own error (`Error: "…"`). Without one, PowerShell's words for a string that no
   * conversion takes: `Cannot convert the "x" value of type "System.String" to type "…".`
   */
  reason?: string;
}

/** The binder's "Cannot bind parameter 'X'. Cannot convert …" text (CannotConvertArgumentNoMessage). */
export function cannotConvertMessage(arg: Unconvertible): string {
  const conversion =
    arg.reason === undefined
      ? `Cannot convert the "${arg.raw}" value of type "System.String" to type "${arg.type}".`
      : `Cannot convert value "${arg.raw}" to type "${arg.type}". Error: "${arg.reason}"`;
  return `Cannot bind parameter '${arg.param}'. ${conversion}`;
}

export type BindResult =
  { ok: true; values: Record<string, BoundValue> } | { ok: false; error: PsErrorRecord };

export const COMMON_PARAMS: readonly ParamSpec[] = [
  { name: 'Verbose', type: 'switch', aliases: ['vb'] },
  { name: 'Debug', type: 'switch', aliases: ['db'] },
  { name: 'ErrorAction', type: 'string', aliases: ['ea'] },
  { name: 'WarningAction', type: 'string', aliases: ['wa'] },
  { name: 'InformationAction', type: 'string', aliases: ['infa'] },
  { name: 'ErrorVariable', type: 'string', aliases: ['ev'] },
  { name: 'OutVariable', type: 'string', aliases: ['ov'] },
  { name: 'OutBuffer', type: 'int', aliases: ['ob'] },
];

function isParamToken(t: Token): boolean {
  return !t.quoted && /^-[A-Za-z_][\w]*:?/.test(t.text) && !/^-\d/.test(t.text);
}

/** `a,` as typed: the list goes on in the next token (`-Name a, b`). */
const endsList = (t: Token, line: string): boolean =>
  t.text.endsWith(',') && line.slice(t.at, t.end).endsWith(',');
/** `,b` as typed: the token goes on the list before it (`-Name a ,b`). */
const continuesList = (t: Token | undefined, line: string): t is Token =>
  !!t && t.text.startsWith(',') && line.slice(t.at, t.end).startsWith(',');

/**
 * A string[] parameter's value with the tokens that continue its comma list: PowerShell reads
 * `a, b` and `a ,b` as one array argument. `tokens[from]` holds the value; the answer is the
 * value (the list's text as one token) and how many tokens after `from` it took.
 */
function listValue(tokens: readonly Token[], from: number, line: string): { token: Token; taken: number } {
  let token = tokens[from] as Token;
  let taken = 0;
  for (;;) {
    const next = tokens[from + taken + 1];
    if (!next || isParamToken(next) || !(endsList(token, line) || continuesList(next, line))) break;
    token = { ...token, text: `${token.text},${next.text}`, end: next.end };
    taken++;
  }
  return { token, taken };
}

function typeNameOf(p: ParamSpec): string {
  if (p.typeName) return p.typeName;
  switch (p.type) {
    case 'bool':
      return 'System.Boolean';
    case 'int':
      return 'System.Int32';
    case 'timespan':
      return 'System.TimeSpan';
    case 'strings':
      return 'System.String[]';
    default:
      return 'System.String';
  }
}

/** `1.02:03:04`, `02:03:04`, `03:00:00` → ms. */
export function parseTimeSpan(text: string): number | undefined {
  const m = /^(?:(\d+)\.)?(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m) return undefined;
  const [, d, h, mi, s] = m;
  const hours = Number(h);
  const minutes = Number(mi);
  const seconds = Number(s ?? 0);
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  return ((Number(d ?? 0) * 24 + hours) * 60 + minutes) * 60000 + seconds * 1000;
}

export function bindParams(spec: CmdletSpec, args: readonly Token[], line: string): BindResult {
  const all = [...spec.params, ...COMMON_PARAMS];
  const values: Record<string, BoundValue> = {};
  const positional: { tokens: Token[]; list: Token }[] = [];
  const fail = (
    t: Token | undefined,
    message: string,
    errorId: string,
    category = 'InvalidArgument',
    exception = 'ParameterBindingException',
  ): BindResult => ({
    ok: false,
    error: {
      command: spec.name,
      message,
      line,
      column: t?.at ?? line.length,
      length: t ? Math.max(1, t.end - t.at) : 1,
      category,
      exception,
      errorId: `${errorId},${spec.className}`,
    },
  });

  const convert = (p: ParamSpec, t: Token | undefined, raw: string): BindResult | BoundValue => {
    switch (p.type) {
      case 'bool': {
        const v = raw.toLowerCase();
        // A quoted '$true' is a string, and PowerShell will not turn a string into a Boolean.
        if (!t?.quoted && (v === '$true' || v === '1')) return true;
        if (!t?.quoted && (v === '$false' || v === '0')) return false;
        return fail(
          t,
          `Cannot process argument transformation on parameter '${p.name}'. Cannot convert value "System.String" to type "System.Boolean". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.`,
          `ParameterArgumentTransformationError`,
        );
      }
      case 'int': {
        if (!/^-?\d+$/.test(raw)) {
          return fail(
            t,
            cannotConvertMessage({
              param: p.name,
              raw,
              type: 'System.Int32',
              reason: 'Input string was not in a correct format.',
            }),
            'CannotConvertArgumentNoMessage',
          );
        }
        return Number(raw);
      }
      case 'enum': {
        const match = p.values?.find((v) => v.toLowerCase() === raw.toLowerCase());
        if (match) return match;
        return fail(
          t,
          cannotConvertMessage({
            param: p.name,
            raw,
            type: typeNameOf(p),
            reason: `Unable to match the identifier name ${raw} to a valid enumerator name. Specify one of the following enumerator names and try again:\n${(p.values ?? []).join(', ')}`,
          }),
          'CannotConvertArgumentNoMessage',
        );
      }
      case 'timespan': {
        const ms = parseTimeSpan(raw);
        if (ms !== undefined) return ms;
        return fail(
          t,
          cannotConvertMessage({
            param: p.name,
            raw,
            type: 'System.TimeSpan',
            reason: 'String was not recognized as a valid TimeSpan.',
          }),
          'CannotConvertArgumentNoMessage',
        );
      }
      case 'strings': {
        const parts = raw
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s.length > 0);
        // A quoted empty string is one empty value (Get-Service -Name '' looks for a service '').
        return parts.length === 0 && raw === '' && t?.quoted ? [''] : parts;
      }
      default:
        return raw;
    }
  };

  for (let i = 0; i < args.length; i++) {
    const t = args[i] as Token;
    if (!isParamToken(t)) {
      // A comma list (`a, b`) binds whole to a string[] parameter, token by token to any other.
      const list = listValue(args, i, line);
      positional.push({ tokens: args.slice(i, i + list.taken + 1), list: list.token });
      i += list.taken;
      continue;
    }
    const body = t.text.slice(1);
    const colon = body.indexOf(':');
    const name = colon >= 0 ? body.slice(0, colon) : body;
    const inline = colon >= 0 ? body.slice(colon + 1) : undefined;
    const lower = name.toLowerCase();
    const exact = all.find(
      (p) => p.name.toLowerCase() === lower || p.aliases?.some((a) => a.toLowerCase() === lower),
    );
    const candidates = exact ? [exact] : all.filter((p) => p.name.toLowerCase().startsWith(lower));
    if (candidates.length === 0) {
      return fail(
        t,
        `A parameter cannot be found that matches parameter name '${name}'.`,
        'NamedParameterNotFound',
      );
    }
    if (candidates.length > 1) {
      return fail(
        t,
        `Parameter cannot be processed because the parameter name '${name}' is ambiguous. Possible matches include: ${candidates.map((c) => `-${c.name}`).join(' ')}.`,
        'AmbiguousParameter',
      );
    }
    const p = candidates[0] as ParamSpec;
    if (p.name in values) {
      return fail(
        t,
        `Cannot bind parameter because parameter '${p.name}' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, "-parameter value1,value2,value3".`,
        'ParameterAlreadyBound',
      );
    }
    if (p.type === 'switch') {
      if (inline !== undefined) {
        const v = convert({ ...p, type: 'bool' }, { ...t, quoted: !!t.valueQuoted }, inline);
        if (typeof v === 'object' && !Array.isArray(v)) return v;
        values[p.name] = v;
      } else {
        values[p.name] = true;
      }
      continue;
    }
    let raw = inline;
    let at: Token | undefined = inline === undefined ? t : { ...t, quoted: !!t.valueQuoted };
    if (raw === undefined || raw === '') {
      const nextTok = args[i + 1];
      if (!nextTok || isParamToken(nextTok)) {
        return fail(
          t,
          `Missing an argument for parameter '${p.name}'. Specify a parameter of type '${typeNameOf(p)}' and try again.`,
          'MissingArgument',
        );
      }
      raw = nextTok.text;
      at = nextTok;
      i++;
    }
    if (p.type === 'strings') {
      // `-Name a, b` (or `-Name:a, b`): the list goes on in the tokens after the value.
      const list = listValue(args, i, line);
      raw += list.token.text.slice(args[i]?.text.length);
      i += list.taken;
    }
    const v = convert(p, at, raw);
    if (typeof v === 'object' && !Array.isArray(v)) return v;
    values[p.name] = v;
  }

  const byPosition = spec.params
    .filter((p) => p.position !== undefined && !(p.name in values))
    .sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  const rest = positional.flatMap((run) => run.tokens);
  while (rest.length > 0) {
    const t = rest[0] as Token;
    const p = byPosition.shift();
    if (!p) {
      return fail(
        t,
        `A positional parameter cannot be found that accepts argument '${t.text}'.`,
        'PositionalParameterNotFound',
      );
    }
    const run = p.type === 'strings' ? positional.find((r) => r.tokens[0] === t) : undefined;
    const value = run ? run.list : t;
    rest.splice(0, run ? run.tokens.length : 1);
    const v = convert(p, value, value.text);
    if (typeof v === 'object' && !Array.isArray(v)) return v;
    values[p.name] = v;
  }

  const missing = spec.params.filter((p) => p.mandatory && !(p.name in values));
  if (missing.length > 0) {
    return fail(
      undefined,
      `Cannot process command because of one or more missing mandatory parameters: ${missing.map((p) => p.name).join(' ')}.`,
      'MissingMandatoryParameter',
    );
  }
  return { ok: true, values };
}
