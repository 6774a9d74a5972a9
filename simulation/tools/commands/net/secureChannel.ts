/**
 * Test-ComputerSecureChannel (with -Repair) and Reset-ComputerMachinePassword: Netlogon's check of
 * the host's machine secret and its reset on the DC, with the texts of Windows PowerShell 5.1.
 */
import { cmdletSpec } from '../../catalog';
import type { HostEffect } from '../../../windows/hostOps';
import type { Ipv4 } from '../../../net/ipv4';
import type { Script } from '../../../proc/script';
import { locateDc } from '../../../windows/dcLocator';
import { hasUsableAddress, type ConsoleLine } from '../../../windows/hostState';
import { resolveName } from '../../../windows/resolver';
import type { BoundValue, CmdletSpec } from '../../shell/bind';
import { out, whatIf } from '../../shell/psError';
import { nextSecret, resetChannel, verifyChannel } from './dcExchanges';
import { bound } from '../args';
import { cmdletError } from '../errors';
import { done, type CommandDef, type CommandEnv, type CommandResult } from '../types';

/** ComputerResources.resx of Windows PowerShell 5.1, and the Win32/ADSI texts they wrap. */
export const SECURE_CHANNEL_TEXT = {
  failToTest: (e: string) =>
    `Cannot verify the secure channel for the local computer. Operation failed with the following exception: ${e.replace(/\.$/, '')}.`,
  failToReset: (e: string) =>
    `Cannot reset the secure channel password for the computer account in the domain. Operation failed with the following exception: ${e.replace(/\.$/, '')}.`,
  cannotResolve: (name: string, e: string) =>
    `Computer name ${name} cannot be resolved with the exception: ${e}.`,
  alive: (d: string) =>
    `The secure channel between the local computer and the domain ${d} is in good condition.`,
  broken: (d: string) => `The secure channel between the local computer and the domain ${d} is broken.`,
  repaired: (d: string) =>
    `The secure channel between the local computer and the domain ${d} was successfully repaired.`,
  repairFailed: (d: string) =>
    `The attempt to repair the secure channel between the local computer and the domain ${d} has failed.`,
  /** ERROR_INVALID_DOMAIN_ROLE: a PDC has no secure channel to its own domain (unconfirmed on Server 2022). */
  invalidRole: 'This operation is only allowed for the Primary Domain Controller of the domain',
  unknownInterface: 'The interface is unknown',
  serverDown: 'The server is not operational.',
  badCredentials: 'The user name or password is incorrect.',
  accessDenied: 'Access is denied.',
  noSuchHost: 'No such host is known',
} as const;

const tcscSpec = cmdletSpec('Test-ComputerSecureChannel');
const rcmpSpec = cmdletSpec('Reset-ComputerMachinePassword');

function* secureChannelScript(
  env: CommandEnv,
  spec: CmdletSpec,
  v: Record<string, BoundValue>,
): Script<CommandResult> {
  const host = env.host;
  const testing = spec === tcscSpec;
  const repair = !testing || v.Repair === true;
  const verbose = v.Verbose === true;
  const domain = host.domainFqdn;
  const fail = (message: string, errorId: string): CommandResult => ({
    lines: cmdletError(env, spec, {
      message,
      category: errorId === 'AddressResolutionException' ? 'InvalidArgument' : 'OperationStopped',
      target: `${errorId === 'AddressResolutionException' ? String(v.Server) : host.hostname}:String`,
      exception: 'InvalidOperationException',
      errorId,
    }),
  });
  const lines: ConsoleLine[] = [];
  const say = (text: string) => lines.push({ kind: 'warning', text: `VERBOSE: ${text}` });
  if (verbose) say(`Performing the operation "${spec.name}" on target "${host.hostname}".`);

  let serverIp: Ipv4 | undefined;
  if (typeof v.Server === 'string') {
    const r = yield* resolveName(host, v.Server === '.' ? 'localhost' : v.Server);
    if (!r.ok)
      return fail(
        SECURE_CHANNEL_TEXT.cannotResolve(v.Server, SECURE_CHANNEL_TEXT.noSuchHost),
        'AddressResolutionException',
      );
    serverIp = r.ip;
  }
  if (testing && host.services.Netlogon?.status !== 'Running')
    return fail(
      SECURE_CHANNEL_TEXT.failToTest(SECURE_CHANNEL_TEXT.unknownInterface),
      'FailToTestSecureChannel',
    );
  if (testing && host.kind === 'dc' && !repair)
    return fail(SECURE_CHANNEL_TEXT.failToTest(SECURE_CHANNEL_TEXT.invalidRole), 'FailToTestSecureChannel');

  const loc = hasUsableAddress(host.nic) ? yield* locateDc(host, domain) : undefined;
  if (!repair) {
    const state = loc?.ok ? yield* verifyChannel(host, loc.dc) : 'unreachable';
    lines.push(...out(state === 'ok' ? 'True' : 'False'));
    if (verbose) say(state === 'ok' ? SECURE_CHANNEL_TEXT.alive(domain) : SECURE_CHANNEL_TEXT.broken(domain));
    return { lines };
  }
  // -Repair / Reset-ComputerMachinePassword: set a new machine password on the DC over LDAP with
  // the administrator's credentials, then store it here and rediscover a DC for the channel.
  const target = serverIp ?? (loc?.ok ? loc.dc.dcIp : undefined);
  if (!target)
    return fail(
      SECURE_CHANNEL_TEXT.failToReset(SECURE_CHANNEL_TEXT.serverDown),
      'FailToResetPasswordOnDomain',
    );
  const secret = nextSecret(host);
  const r = yield* resetChannel(host, target, secret);
  if (r === 'unreachable')
    return fail(
      SECURE_CHANNEL_TEXT.failToReset(SECURE_CHANNEL_TEXT.serverDown),
      'FailToResetPasswordOnDomain',
    );
  if (r === 'ERROR_LOGON_FAILURE')
    return fail(
      SECURE_CHANNEL_TEXT.failToReset(SECURE_CHANNEL_TEXT.badCredentials),
      'FailToResetPasswordOnDomain',
    );
  if (r === 'ERROR_ACCESS_DENIED')
    return fail(
      SECURE_CHANNEL_TEXT.failToReset(SECURE_CHANNEL_TEXT.accessDenied),
      'FailToResetPasswordOnDomain',
    );
  const effects: HostEffect[] = [{ type: 'machineSecret', secret }];
  if (!testing) return { lines, effects };
  // On the PDC there is no channel to its own domain to rediscover.
  const ok = host.kind !== 'dc';
  lines.push(...out(ok ? 'True' : 'False'));
  if (verbose) say(ok ? SECURE_CHANNEL_TEXT.repaired(domain) : SECURE_CHANNEL_TEXT.repairFailed(domain));
  return { lines, effects };
}

function secureChannelCmdlet(spec: CmdletSpec): CommandDef {
  return {
    name: spec.name,
    run: (env) => {
      const v = bound(env, spec);
      if (Array.isArray(v)) return done(v);
      if (v.WhatIf === true) return done(whatIf(spec.name, env.host.hostname));
      return { kind: 'script', script: () => secureChannelScript(env, spec, v) };
    },
  };
}

export const testComputerSecureChannel = secureChannelCmdlet(tcscSpec);
export const resetComputerMachinePassword = secureChannelCmdlet(rcmpSpec);
