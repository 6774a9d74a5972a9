/**
 * The ADSyncConfig module of the Entra Connect server (AdSyncConfig.psm1, reference §2.3):
 * Set-ADSyncPasswordWritebackPermissions, Set-ADSyncPasswordHashSyncPermissions and
 * Get-ADSyncObjectsWithInheritanceDisabled. As Microsoft's module does, the grants run dsacls on
 * the domain root (and AdminSDHolder) or on -ADobjectDN and print its listing. The module asks
 * for confirmation (ConfirmImpact High); the lab console cannot answer, so it shows the question
 * answered Yes unless -Confirm:$false is given. Needs a Domain or Enterprise Admin (host.logon).
 */
import { cmdletSpec } from '../../catalog';
import type { AclView, DirObject } from '../../../roles/directoryObjects';
import type { UserRecord } from '../../../roles/dcDirectoryReads';
import type { Script } from '../../../proc/script';
import type { ConsoleLine, WindowsHostContext } from '../../../windows/hostState';
import type { BoundValue } from '../../shell/bind';
import { formatPsError, out, whatIf } from '../../shell/psError';
import { dirCall, domainDnOf, findDc, type DcSession } from './adClient';
import { str } from './adValues';
import { adCmdlet } from './adCmdlet';
import { formatAcl } from './dsacls';
import { formatList } from '../../shell/psFormat';
import type { CommandEnv, CommandResult } from '../types';

type Values = Record<string, BoundValue>;

export const ADSYNCCONFIG = {
  writebackMessage: 'Grant Password Writeback permissions',
  phsMessage: 'Grant Password Hash Synchronization permissions',
  allDomains: 'Grant permissions on all Domains :',
  onObject: 'Grant permissions on AD object :',
  confirm: (operation: string, target: string) => [
    '',
    'Confirm',
    'Are you sure you want to perform this action?',
    `Performing the operation "${operation}" on target "${target}".`,
    '[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is "Y"): Y',
  ],
} as const;

/** A `Throw "…"` from the module, as PowerShell prints it (OperationStopped, RuntimeException). */
function thrown(env: CommandEnv, message: string): ConsoleLine[] {
  const target = message.length > 40 ? `${message.slice(0, 15)}...${message.slice(-15)}` : message;
  return formatPsError({
    message,
    line: env.line,
    column: env.cmd.nameAt,
    length: env.cmd.source.length,
    category: 'OperationStopped',
    target: `${target}:String`,
    activity: '[]',
    exception: 'RuntimeException',
    errorId: message,
  });
}

function isThisDomain(host: WindowsHostContext, name: string): boolean {
  const n = name.trim().toLowerCase();
  return (
    n === host.domainFqdn.toLowerCase() ||
    n === host.domainNetbios.toLowerCase() ||
    n === domainDnOf(host.domainFqdn).toLowerCase()
  );
}

/** The module's ResolveADobject: the account by name in a domain, or by DN. */
function* resolveAccount(
  env: CommandEnv,
  dc: DcSession,
  v: Values,
): Script<{ ok: true; sam: string } | { ok: false; lines: ConsoleLine[] }> {
  const host = env.host;
  const dn = str(v.ADConnectorAccountDN);
  const name = str(v.ADConnectorAccountName) ?? dn ?? '';
  const domain = str(v.ADConnectorAccountDomain);
  if (domain !== undefined && !isThisDomain(host, domain))
    return {
      ok: false,
      lines: thrown(
        env,
        `Resolve AD object : Unable to find Domain '${domain}' in AD Forest. Exception Details: Cannot find an object with identity: '${domain}' under: '${domainDnOf(host.domainFqdn)}'.`,
      ),
    };
  const r = yield* dirCall(host, dc, 'ldap', { op: 'getUser', identity: dn ?? name });
  if (!r.ok) {
    if (r.error === 'no-such-object')
      return { ok: false, lines: thrown(env, `Resolve AD object : Unable to find '${name}' in AD Forest.`) };
    return {
      ok: false,
      lines: thrown(
        env,
        `Resolve AD object : Unable to get object '${name}' in AD Forest. Exception Details: ${r.error}`,
      ),
    };
  }
  return { ok: true, sam: (r.result as UserRecord).sam };
}

function* aclListing(host: WindowsHostContext, dc: DcSession, dn: string): Script<string[]> {
  const r = yield* dirCall(host, dc, 'ldap', { op: 'getAcl', dn });
  return r.ok ? formatAcl(r.result as AclView, host.domainNetbios) : [];
}

/** The UserDomain / DistinguishedName parameter sets: the error PowerShell gives when neither fits. */
function parameterSet(env: CommandEnv, name: string, v: Values): ConsoleLine[] | undefined {
  const byName = v.ADConnectorAccountName !== undefined || v.ADConnectorAccountDomain !== undefined;
  const byDn = v.ADConnectorAccountDN !== undefined;
  const fail = (message: string, errorId: string) =>
    formatPsError({
      command: name,
      message,
      line: env.line,
      column: env.cmd.nameAt,
      length: env.cmd.source.length,
      category: 'InvalidArgument',
      activity: `[${name}]`,
      exception: 'ParameterBindingException',
      errorId: `${errorId},${name}`,
    });
  if (byName && byDn)
    return fail(
      'Parameter set cannot be resolved using the specified named parameters.',
      'AmbiguousParameterSet',
    );
  if (byDn) return undefined;
  const missing = ['ADConnectorAccountName', 'ADConnectorAccountDomain'].filter((p) => v[p] === undefined);
  if (missing.length > 0)
    return fail(
      `Cannot process command because of one or more missing mandatory parameters: ${missing.join(' ')}.`,
      'MissingMandatoryParameter',
    );
  return undefined;
}

function* grantScript(env: CommandEnv, v: Values, kind: 'writeback' | 'phs'): Script<CommandResult> {
  const host = env.host;
  const found = yield* findDc(host);
  if (!found.ok)
    return {
      lines: thrown(
        env,
        `Resolve AD object : Unable to find Domain '${str(v.ADConnectorAccountDomain) ?? host.domainFqdn}' in AD Forest. Exception Details: Unable to find a default server with Active Directory Web Services running.`,
      ),
    };
  const dc = found.dc;
  const account = yield* resolveAccount(env, dc, v);
  if (!account.ok) return { lines: account.lines };
  const message = kind === 'writeback' ? ADSYNCCONFIG.writebackMessage : ADSYNCCONFIG.phsMessage;
  const objectDn = kind === 'writeback' ? str(v.ADobjectDN) : undefined;
  const lines: string[] = [];
  let target: DirObject | undefined;
  if (objectDn !== undefined) {
    const o = yield* dirCall(host, dc, 'ldap', { op: 'listObjects', base: objectDn });
    target = o.ok
      ? (o.result as DirObject[]).find((x) => x.dn.toLowerCase() === objectDn.trim().toLowerCase())
      : undefined;
    if (!target)
      return {
        lines: thrown(
          env,
          `Resolve AD object : Unable to get object '${objectDn}' in AD Forest. Exception Details: Directory object not found`,
        ),
      };
  }
  const confirmTarget = target ? target.name : host.domainFqdn;
  if (v.WhatIf) return { lines: whatIf(message, confirmTarget) };
  if (v.Confirm !== false) lines.push(...ADSYNCCONFIG.confirm(message, confirmTarget));
  const skipHolder = kind === 'phs' || v.SkipAdminSdHolders === true;
  const r = yield* dirCall(
    host,
    dc,
    'ldap',
    kind === 'phs'
      ? { op: 'grantPhs', account: account.sam }
      : { op: 'grantWriteback', account: account.sam, dn: target?.dn, adminSdHolder: !target && !skipHolder },
  );
  if (!r.ok)
    return {
      lines: [
        ...out(...lines),
        { kind: 'error', text: r.error === 'access-denied' ? 'Access is denied.' : r.error },
      ],
    };
  const rootDn = domainDnOf(host.domainFqdn);
  if (target) {
    lines.push(`${ADSYNCCONFIG.onObject} Setting permissions on AD object '${target.dn}'...`);
    lines.push(...(yield* aclListing(host, dc, target.dn)));
    return { lines: out(...lines) };
  }
  lines.push(`${ADSYNCCONFIG.allDomains} AD Domain '${rootDn}'...`);
  lines.push(...(yield* aclListing(host, dc, rootDn)));
  if (skipHolder) {
    lines.push(`${ADSYNCCONFIG.allDomains} Skipping permissions on AdminSDHolder container of '${rootDn}'.`);
  } else {
    lines.push(`${ADSYNCCONFIG.allDomains} Setting permissions on AdminSDHolder container of '${rootDn}'`);
    lines.push(...(yield* aclListing(host, dc, `CN=AdminSDHolder,CN=System,${rootDn}`)));
  }
  return { lines: out(...lines) };
}

const writebackSpec = cmdletSpec('Set-ADSyncPasswordWritebackPermissions');

export const setAdSyncPasswordWritebackPermissions = adCmdlet(
  writebackSpec,
  (env, v) => parameterSet(env, writebackSpec.name, v) ?? (() => grantScript(env, v, 'writeback')),
);

const phsSpec = cmdletSpec('Set-ADSyncPasswordHashSyncPermissions');

export const setAdSyncPasswordHashSyncPermissions = adCmdlet(
  phsSpec,
  (env, v) => parameterSet(env, phsSpec.name, v) ?? (() => grantScript(env, v, 'phs')),
);

// --- Get-ADSyncObjectsWithInheritanceDisabled ------------------------------------------------------

const inheritanceSpec = cmdletSpec('Get-ADSyncObjectsWithInheritanceDisabled');

function* inheritanceScript(env: CommandEnv, v: Values): Script<CommandResult> {
  const host = env.host;
  const raw = str(v.SearchBase) ?? '';
  const base = isThisDomain(host, raw)
    ? domainDnOf(host.domainFqdn)
    : raw.replace(/^LDAP:\/\/(?:[^/]+\/)?/i, '');
  const objectClass = (str(v.ObjectClass) ?? 'organizationalUnit').toLowerCase();
  const fn = 'Get-ADSyncObjectsWithInheritanceDisabled :';
  const found = yield* findDc(host);
  if (!found.ok)
    return {
      lines: thrown(
        env,
        `${fn} Unable to query Active Directory. Error Details: Exception calling "FindAll" with "0" argument(s): "The specified domain either does not exist or could not be contacted."`,
      ),
    };
  const r = yield* dirCall(host, found.dc, 'ldap', { op: 'listObjects', base });
  if (!r.ok) {
    const why =
      r.error === 'no-such-object'
        ? 'There is no such object on the server.'
        : 'The server is not operational.';
    return {
      lines: thrown(
        env,
        `${fn} Unable to query Active Directory. Error Details: Exception calling "FindAll" with "0" argument(s): "${why}"`,
      ),
    };
  }
  const hits = (r.result as DirObject[]).filter(
    (o) => o.protected && (objectClass === '*' || o.objectClass.toLowerCase() === objectClass),
  );
  if (hits.length === 0) return { lines: [] };
  return {
    lines: formatList(
      hits.map((o) => [
        ['DistinguishedName', o.dn],
        ['mS-DS-ConsistencyGuid', ''],
        ['Name', o.name],
        ['ObjectClass', o.objectClass],
        ['ObjectGUID', o.guid ?? ''],
        ['objectSid', o.sid ?? ''],
        ['sAMAccountName', o.sam ?? ''],
        ['userPrincipalName', o.upn ?? ''],
      ]),
    ),
  };
}

export const getAdSyncObjectsWithInheritanceDisabled = adCmdlet(
  inheritanceSpec,
  (env, v) => () => inheritanceScript(env, v),
);

export const ADSYNCCONFIG_COMMANDS = [
  setAdSyncPasswordWritebackPermissions,
  setAdSyncPasswordHashSyncPermissions,
  getAdSyncObjectsWithInheritanceDisabled,
] as const;
