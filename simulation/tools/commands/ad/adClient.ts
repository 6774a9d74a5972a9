/**
 * How the lab's AD tools reach the directory: find a domain controller with the DC locator (or
 * the name given with -Server), then send one request per operation over the network — ADWS (TCP
 * 9389) for the ActiveDirectory module, LDAP (389) for dsacls, SAMR (445) for net.exe — bound with
 * the console user's credentials (`host.logon`). Every failure is a value the caller prints; the
 * error records have the ActiveDirectory module's real texts and ids.
 */
import { cmdletSpec } from '../../catalog';
import type { DirErrorCode, DirOp, DirResponse } from '../../../net/appMessages';
import { exchange, type Script, type ScriptOp, type ScriptResume } from '../../../proc/script';
import { TIMINGS } from '../../../core/timings';
import { locateDc } from '../../../windows/dcLocator';
import { effectiveIpConfig, type ConsoleLine, type WindowsHostContext } from '../../../windows/hostState';
import { resolveName } from '../../../windows/resolver';
import { bindParams, parseTimeSpan, type BoundValue, type CmdletSpec } from '../../shell/bind';
import { subExpressionOf } from '../../shell/parse';
import { formatPsError, out } from '../../shell/psError';
import { done, type CommandDef, type CommandEnv, type CommandResult, type PipelineInput } from '../types';

type Gen<T> = Generator<ScriptOp, T, ScriptResume>;

export type DirTransport = 'adws' | 'ldap' | 'samr';
const PORTS: Record<DirTransport, number> = { adws: 9389, ldap: 389, samr: 445 };

/** A domain controller found for this command. */
export interface DcSession {
  ip: string;
  /** DC01 */
  name: string;
  domainGuid?: string;
}

export const AD_NS = 'Microsoft.ActiveDirectory.Management';

export const MSG = {
  noDefaultServer: 'Unable to find a default server with Active Directory Web Services running.',
  serverDown:
    'Unable to contact the server. This may be because this server does not exist, it is currently down, or it does not have the Active Directory Web Services running.',
  badCredentials: 'The server has rejected the client credentials.',
  insufficientRights: 'Insufficient access rights to perform the operation',
  accessDenied: 'Access is denied',
  passwordPolicy: 'The password does not meet the length, complexity, or history requirement of the domain.',
  wrongPassword: 'The specified network password is not correct.',
  lockedOut: 'The referenced account is currently locked out and may not be logged on to.',
  /** Unconfirmed wording for a password change on a disabled account. */
  accountDisabled: 'This account is currently disabled.',
  unwilling: 'The server is unwilling to process the request',
  directoryObjectNotFound: 'Directory object not found',
  invalidProperties: 'One or more properties are invalid.',
  accountExists: 'The specified account already exists',
  nameInUse: 'An attempt was made to add an object to the directory with a name that is already in use',
  badAccountName: 'The name provided is not a properly formed account name',
  ambiguousParameterSet: 'Parameter set cannot be resolved using the specified named parameters.',
} as const;

/** The lab's own notes, where Windows would wait for input the lab console cannot give. */
export const LAB = {
  noPrompt:
    'HybridLab: this console cannot answer interactive prompts. Give the password on the command line, e.g. -NewPassword (ConvertTo-SecureString "P@ssw0rd!" -AsPlainText -Force).',
  readHost:
    'HybridLab: Read-Host -AsSecureString waits for typed input, which this console cannot give. Use (ConvertTo-SecureString "<password>" -AsPlainText -Force) instead.',
  variables:
    'HybridLab: variables are not kept between commands in this console. Put the value on the command line, e.g. (ConvertTo-SecureString "<password>" -AsPlainText -Force).',
} as const;

export function domainDnOf(fqdn: string): string {
  return fqdn
    .split('.')
    .filter((p) => p.length > 0)
    .map((p) => `DC=${p}`)
    .join(',');
}

/** Which cmdlet is failing, for its error records. */
export interface AdCmdlet {
  env: CommandEnv;
  /** Get-ADUser */
  name: string;
  /** GetADUser (the class in Microsoft.ActiveDirectory.Management.Commands) */
  className: string;
  /** The `(x:ADUser)` part of CategoryInfo. */
  target?: string;
}

export function adErrorRecord(
  c: AdCmdlet,
  message: string,
  category: string,
  exception: string,
  errorId: string,
): ConsoleLine[] {
  return formatPsError({
    command: c.name,
    message,
    line: c.env.line,
    column: c.env.cmd.nameAt,
    length: c.env.cmd.source.length,
    category,
    target: c.target ?? ':',
    activity: `[${c.name}]`,
    exception,
    errorId: `${errorId},${AD_NS}.Commands.${c.className}`,
  });
}

export function notFound(c: AdCmdlet, identity: string): ConsoleLine[] {
  return adErrorRecord(
    c,
    `Cannot find an object with identity: '${identity}' under: '${domainDnOf(c.env.host.domainFqdn)}'.`,
    'ObjectNotFound',
    'ADIdentityNotFoundException',
    `ActiveDirectoryCmdlet:${AD_NS}.ADIdentityNotFoundException`,
  );
}

/** The error a failed request gives when the cmdlet has nothing more particular to say. */
export function adFailure(
  c: AdCmdlet,
  error: DirErrorCode | 'unreachable',
  identity?: string,
): ConsoleLine[] {
  switch (error) {
    case 'unreachable':
      return adErrorRecord(
        c,
        MSG.serverDown,
        'ResourceUnavailable',
        'ADServerDownException',
        'ActiveDirectoryServer:0',
      );
    case 'invalid-credentials':
      return adErrorRecord(
        c,
        MSG.badCredentials,
        'SecurityError',
        'AuthenticationException',
        'ActiveDirectoryCmdlet:System.Security.Authentication.AuthenticationException',
      );
    case 'no-such-object':
      return notFound(c, identity ?? '');
    case 'access-denied':
    case 'restricted-sam':
      return adErrorRecord(
        c,
        MSG.insufficientRights,
        'NotSpecified',
        'ADException',
        'ActiveDirectoryServer:8344',
      );
    case 'account-locked':
      return adErrorRecord(c, MSG.lockedOut, 'NotSpecified', 'ADException', 'ActiveDirectoryServer:1909');
    case 'account-disabled':
      return adErrorRecord(
        c,
        MSG.accountDisabled,
        'NotSpecified',
        'ADException',
        'ActiveDirectoryServer:1331',
      );
    case 'wrong-password':
      return adErrorRecord(
        c,
        MSG.wrongPassword,
        'NotSpecified',
        'ADInvalidPasswordException',
        'ActiveDirectoryServer:86',
      );
    case 'constraint':
      return adErrorRecord(
        c,
        MSG.passwordPolicy,
        'InvalidData',
        'ADPasswordComplexityException',
        'ActiveDirectoryServer:1325',
      );
    case 'unwilling':
      return adErrorRecord(c, MSG.unwilling, 'NotSpecified', 'ADException', 'ActiveDirectoryServer:8245');
    case 'already-exists':
      return adErrorRecord(
        c,
        MSG.accountExists,
        'ResourceExists',
        'ADIdentityAlreadyExistsException',
        'ActiveDirectoryServer:1316',
      );
    case 'name-in-use':
      return adErrorRecord(c, MSG.nameInUse, 'NotSpecified', 'ADException', 'ActiveDirectoryServer:8305');
    case 'invalid-name':
      return adErrorRecord(
        c,
        MSG.badAccountName,
        'NotSpecified',
        'ADException',
        'ActiveDirectoryServer:1315',
      );
  }
}

/** Finds the DC to talk to: the one named with -Server, or the DC locator's answer. */
export function* findDc(
  host: WindowsHostContext,
  server?: string,
): Gen<{ ok: true; dc: DcSession } | { ok: false; reason: 'no-dc' | 'bad-server' }> {
  if (server !== undefined && server.trim() !== '') {
    const name = server.trim().replace(/:\d+$/, '');
    const r = yield* resolveName(host, name);
    if (!r.ok) return { ok: false, reason: 'bad-server' };
    // The module asks the named server who it is (CLDAP), as the locator would.
    const src = effectiveIpConfig(host.nic).ip ?? '0.0.0.0';
    const ping = yield* exchange(
      {
        src,
        dst: r.ip,
        transport: 'udp',
        port: 389,
        body: { kind: 'app.ldap.ping', domain: host.domainFqdn },
      },
      TIMINGS.dnsQueryTimeout,
    );
    const reply = ping.status === 'ok' && ping.body.kind === 'app.ldap.pingReply' ? ping.body : undefined;
    return {
      ok: true,
      dc: { ip: r.ip, name: reply?.dcName ?? r.name.split('.')[0] ?? r.name, domainGuid: reply?.domainGuid },
    };
  }
  const located = yield* locateDc(host, host.domainFqdn);
  if (!located.ok) return { ok: false, reason: 'no-dc' };
  return {
    ok: true,
    dc: { ip: located.dc.dcIp, name: located.dc.dcName, domainGuid: located.dc.domainGuid },
  };
}

/** One directory request; `unreachable` when the DC does not answer on that port. */
export function* dirCall(
  host: WindowsHostContext,
  dc: DcSession,
  transport: DirTransport,
  op: DirOp,
): Gen<{ ok: true; result: unknown } | { ok: false; error: DirErrorCode | 'unreachable'; detail?: string }> {
  const src = effectiveIpConfig(host.nic).ip ?? '0.0.0.0';
  const r = yield* exchange(
    {
      src,
      dst: dc.ip,
      transport: 'tcp',
      port: PORTS[transport],
      body: { kind: 'app.dir.request', bind: host.logon, op },
    },
    TIMINGS.tcpConnectTimeout,
  );
  if (r.status !== 'ok' || r.body.kind !== 'app.dir.response') return { ok: false, error: 'unreachable' };
  const body: DirResponse = r.body;
  if (!body.ok) return { ok: false, error: body.error ?? 'unwilling', detail: body.detail };
  return { ok: true, result: body.result };
}

/** The ActiveDirectory module's connection: -Server or the locator, then ADWS calls that print their failures. */
export interface AdwsSession {
  dc: DcSession;
  call: <T>(
    op: DirOp,
    identity?: string,
  ) => Gen<{ ok: true; value: T } | { ok: false; error: DirErrorCode | 'unreachable'; lines: ConsoleLine[] }>;
}

export function* openAdws(
  c: AdCmdlet,
  server?: string,
): Gen<{ ok: true; session: AdwsSession } | { ok: false; lines: ConsoleLine[] }> {
  const found = yield* findDc(c.env.host, server);
  if (!found.ok) {
    return {
      ok: false,
      lines:
        found.reason === 'no-dc'
          ? adErrorRecord(
              c,
              MSG.noDefaultServer,
              'ResourceUnavailable',
              'ADServerDownException',
              'ActiveDirectoryServer:1355',
            )
          : adFailure(c, 'unreachable'),
    };
  }
  const dc = found.dc;
  const session: AdwsSession = {
    dc,
    call: function* <T>(op: DirOp, identity?: string) {
      const r = yield* dirCall(c.env.host, dc, 'adws', op);
      if (r.ok) return { ok: true as const, value: r.result as T };
      return { ok: false as const, error: r.error, lines: adFailure(c, r.error, identity) };
    },
  };
  return { ok: true, session };
}

// --- Values ------------------------------------------------------------------------------------

/** Windows FILETIME (100 ns since 1601) of a lab time; 0 stays 0. */
export function fileTime(ms: number): string {
  if (ms <= 0) return '0';
  return ((BigInt(Math.round(ms)) + 11644473600000n) * 10000n).toString();
}

export const NEVER_FILETIME = '9223372036854775807';

export { psCollection } from '../../shell/psFormat';

/** A TimeSpan argument: `1.00:00:00`, `00:30:00`, or a bare number (ticks, as PowerShell converts it). */
export function timeSpanArg(raw: string): number | undefined {
  const t = raw.trim();
  if (/^\d+$/.test(t)) return Math.floor(Number(t) / 10000);
  if (/^\d+\.\d{1,2}:\d{2}:\d{2}$/.test(t) || /^\d{1,2}:\d{2}(:\d{2})?$/.test(t)) return parseTimeSpan(t);
  return undefined;
}

export function timeSpanError(
  c: AdCmdlet,
  param: string,
  raw: string,
  column: number,
  length: number,
): ConsoleLine[] {
  return formatPsError({
    command: c.name,
    message: `Cannot bind parameter '${param}'. Cannot convert value "${raw}" to type "System.TimeSpan". Error: "String was not recognized as a valid TimeSpan."`,
    line: c.env.line,
    column,
    length,
    category: 'InvalidArgument',
    activity: `[${c.name}]`,
    exception: 'ParameterBindingException',
    errorId: `CannotConvertArgumentNoMessage,${AD_NS}.Commands.${c.className}`,
  });
}

/** Where an argument's text sits in the line (for the ~~~ under a binding error). */
export function argPosition(env: CommandEnv, text: string): { column: number; length: number } {
  const tok = env.cmd.args.find((a) => a.text === text || a.text.endsWith(`:${text}`));
  return tok
    ? { column: tok.at, length: tok.end - tok.at }
    : { column: env.cmd.nameAt, length: env.cmd.source.length };
}

const CONVERT_SPEC = cmdletSpec('ConvertTo-SecureString');

const PLAIN_TEXT_NEEDS_FORCE =
  'The system cannot protect plain text input. To suppress this warning and convert the plain text to a SecureString, reissue the command specifying the Force parameter. For more information ,type: get-help ConvertTo-SecureString.';
/** ConvertTo-SecureString without -AsPlainText expects an encrypted standard string (unconfirmed text). */
const NOT_ENCRYPTED = 'Input string was not in a correct format.';

/**
 * A SecureString argument: `(ConvertTo-SecureString "x" -AsPlainText -Force)` gives "x"; anything
 * else gives the error PowerShell prints, or a lab note where PowerShell would wait for input.
 */
export function secureStringArg(
  c: AdCmdlet,
  param: string,
  raw: BoundValue | undefined,
): { ok: true; value: string } | { ok: false; lines: ConsoleLine[] } {
  const lab = (text: string) => ({ ok: false as const, lines: [{ kind: 'error' as const, text }] });
  if (raw === undefined) return lab(LAB.noPrompt);
  const text = Array.isArray(raw) ? raw.join(',') : String(raw);
  const inner = subExpressionOf(text);
  const pos = argPosition(c.env, text);
  if (!inner) {
    if (text.startsWith('$')) return lab(LAB.variables);
    return {
      ok: false,
      lines: formatPsError({
        command: c.name,
        message: `Cannot bind parameter '${param}'. Cannot convert the "${text}" value of type "System.String" to type "System.Security.SecureString".`,
        line: c.env.line,
        ...pos,
        category: 'InvalidArgument',
        activity: `[${c.name}]`,
        exception: 'ParameterBindingException',
        errorId: `CannotConvertArgumentNoMessage,${AD_NS}.Commands.${c.className}`,
      }),
    };
  }
  const name = inner.name.toLowerCase();
  if (name === 'read-host') return lab(LAB.readHost);
  if (name !== 'convertto-securestring') return lab(LAB.noPrompt);
  const bound = bindParams(CONVERT_SPEC, inner.args, c.env.line);
  const convertError = (message: string, exception: string, errorId: string): ConsoleLine[] =>
    formatPsError({
      command: CONVERT_SPEC.name,
      message,
      line: c.env.line,
      column: pos.column + 1,
      length: inner.source.length,
      category: 'InvalidArgument',
      activity: `[${CONVERT_SPEC.name}]`,
      exception,
      errorId: `${errorId},${CONVERT_SPEC.className}`,
    });
  if (!bound.ok)
    return {
      ok: false,
      lines: formatPsError({ ...bound.error, column: pos.column + 1 + bound.error.column }),
    };
  const v = bound.values;
  if (!v.AsPlainText)
    return {
      ok: false,
      lines: convertError(NOT_ENCRYPTED, 'FormatException', 'ImportSecureString_InvalidArgument'),
    };
  if (!v.Force)
    return {
      ok: false,
      lines: convertError(PLAIN_TEXT_NEEDS_FORCE, 'ArgumentException', 'ImportSecureString_InvalidArgument'),
    };
  return { ok: true, value: String(v.String) };
}

/** ConvertTo-SecureString on its own line: it writes a SecureString, which PowerShell prints by its type name. */
export const convertToSecureString: CommandDef = {
  name: 'ConvertTo-SecureString',
  run: (env) => {
    const bound = bindParams(CONVERT_SPEC, env.cmd.args, env.line);
    if (!bound.ok) return done(formatPsError(bound.error));
    const fail = (message: string, exception: string) =>
      done(
        formatPsError({
          command: CONVERT_SPEC.name,
          message,
          line: env.line,
          column: env.cmd.nameAt,
          length: env.cmd.source.length,
          category: 'InvalidArgument',
          activity: `[${CONVERT_SPEC.name}]`,
          exception,
          errorId: `ImportSecureString_InvalidArgument,${CONVERT_SPEC.className}`,
        }),
      );
    if (!bound.values.AsPlainText) return fail(NOT_ENCRYPTED, 'FormatException');
    if (!bound.values.Force) return fail(PLAIN_TEXT_NEEDS_FORCE, 'ArgumentException');
    return done(out('System.Security.SecureString'));
  },
};

// --- Command plumbing ----------------------------------------------------------------------------

export const AD_CMDLETS = `${AD_NS}.Commands`;

/** The account cmdlets take an AD object from the pipeline as their -Identity. */
export const IDENTITY_INPUT: PipelineInput = {
  param: 'Identity',
  // What an AD identity can be (DN, GUID, SID, sAMAccountName): not the Name.
  from: ['DistinguishedName', 'ObjectGUID', 'SID', 'SamAccountName'],
  adIdentity: true,
};

export const withIdentityInput = (def: CommandDef): CommandDef => ({ ...def, pipelineInput: IDENTITY_INPUT });

/**
 * An AD cmdlet: bind its parameters (printing PowerShell's binding errors), then either print at
 * once (a returned array of lines) or run a script on the network.
 */
export function adCmdlet(
  spec: CmdletSpec,
  body: (
    env: CommandEnv,
    values: Record<string, BoundValue>,
  ) => ConsoleLine[] | (() => Script<CommandResult>),
): CommandDef {
  return {
    name: spec.name,
    run: (env) => {
      const bound = bindParams(spec, env.cmd.args, env.line);
      if (!bound.ok) return done(formatPsError(bound.error));
      const r = body(env, bound.values);
      return Array.isArray(r) ? done(r) : { kind: 'script', script: r };
    },
  };
}

/** PowerShell's error when the parameters fit no parameter set (or two). */
export function parameterSetError(c: AdCmdlet): ConsoleLine[] {
  return formatPsError({
    command: c.name,
    message: MSG.ambiguousParameterSet,
    line: c.env.line,
    column: c.env.cmd.nameAt,
    length: c.env.cmd.source.length,
    category: 'InvalidArgument',
    activity: `[${c.name}]`,
    exception: 'ParameterBindingException',
    errorId: `AmbiguousParameterSet,${AD_CMDLETS}.${c.className}`,
  });
}

export function missingMandatory(c: AdCmdlet, names: string): ConsoleLine[] {
  return formatPsError({
    command: c.name,
    message: `Cannot process command because of one or more missing mandatory parameters: ${names}.`,
    line: c.env.line,
    column: c.env.line.length,
    length: 1,
    category: 'InvalidArgument',
    activity: `[${c.name}]`,
    exception: 'ParameterBindingException',
    errorId: `MissingMandatoryParameter,${AD_CMDLETS}.${c.className}`,
  });
}

export function str(v: BoundValue | undefined): string | undefined {
  if (v === undefined) return undefined;
  return Array.isArray(v) ? v.join(',') : String(v);
}

export function strs(v: BoundValue | undefined): string[] {
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [String(v)];
}
