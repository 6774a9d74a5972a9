/**
 * How the lab's AD tools reach the directory: find a domain controller with the DC locator (or
 * the name given with -Server), then send one request per operation over the network — ADWS (TCP
 * 9389) for the ActiveDirectory module, LDAP (389) for dsacls, SAMR (445) for net.exe — bound with
 * the console user's credentials (`host.logon`). Every failure is a value the caller prints; the
 * error records have the ActiveDirectory module's real texts and ids.
 */
import type { DirErrorCode, DirOp, DirResponse } from '../../../net/appMessages';
import { exchange, type ScriptOp, type ScriptResume } from '../../../proc/script';
import { TIMINGS } from '../../../core/timings';
import { locateDc } from '../../../windows/dcLocator';
import { effectiveIpConfig, type ConsoleLine, type WindowsHostContext } from '../../../windows/hostState';
import { resolveName } from '../../../windows/resolver';
import { formatPsError } from '../../shell/psError';
import type { CommandEnv } from '../types';

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

/** How the module reports each failed request: message, category, exception and error id. */
const AD_FAILURES: Record<
  Exclude<DirErrorCode, 'no-such-object'> | 'unreachable',
  readonly [message: string, category: string, exception: string, errorId: string]
> = {
  unreachable: [MSG.serverDown, 'ResourceUnavailable', 'ADServerDownException', 'ActiveDirectoryServer:0'],
  'invalid-credentials': [
    MSG.badCredentials,
    'SecurityError',
    'AuthenticationException',
    'ActiveDirectoryCmdlet:System.Security.Authentication.AuthenticationException',
  ],
  'access-denied': [MSG.insufficientRights, 'NotSpecified', 'ADException', 'ActiveDirectoryServer:8344'],
  'restricted-sam': [MSG.insufficientRights, 'NotSpecified', 'ADException', 'ActiveDirectoryServer:8344'],
  'account-locked': [MSG.lockedOut, 'NotSpecified', 'ADException', 'ActiveDirectoryServer:1909'],
  'account-disabled': [MSG.accountDisabled, 'NotSpecified', 'ADException', 'ActiveDirectoryServer:1331'],
  'wrong-password': [
    MSG.wrongPassword,
    'NotSpecified',
    'ADInvalidPasswordException',
    'ActiveDirectoryServer:86',
  ],
  constraint: [
    MSG.passwordPolicy,
    'InvalidData',
    'ADPasswordComplexityException',
    'ActiveDirectoryServer:1325',
  ],
  unwilling: [MSG.unwilling, 'NotSpecified', 'ADException', 'ActiveDirectoryServer:8245'],
  'already-exists': [
    MSG.accountExists,
    'ResourceExists',
    'ADIdentityAlreadyExistsException',
    'ActiveDirectoryServer:1316',
  ],
  'name-in-use': [MSG.nameInUse, 'NotSpecified', 'ADException', 'ActiveDirectoryServer:8305'],
  'invalid-name': [MSG.badAccountName, 'NotSpecified', 'ADException', 'ActiveDirectoryServer:1315'],
};

/** The error a failed request gives when the cmdlet has nothing more particular to say. */
export function adFailure(
  c: AdCmdlet,
  error: DirErrorCode | 'unreachable',
  identity?: string,
): ConsoleLine[] {
  if (error === 'no-such-object') return notFound(c, identity ?? '');
  return adErrorRecord(c, ...AD_FAILURES[error]);
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
