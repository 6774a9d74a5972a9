/**
 * Diagnostics: Invoke-ADSyncDiagnostics (ADSyncDiagnostics module) and Get-ADSyncAADCompanyFeature,
 * which the service answers after asking the cloud and the directory.
 */
import { cmdletSpec } from '../../catalog';
import { PHS_RIGHTS, type PhsDiagnostics } from '../../../sync/diagnostics';
import { bindParams } from '../../shell/bind';
import { formatPsError, out, warning } from '../../shell/psError';
import type { ConsoleLine } from '../../../windows/hostState';
import { formatList, psDate } from '../../shell/psFormat';
import { done, type CommandDef, type CommandEnv } from '../types';
import { NS, adsyncError, local } from './local';

/** The ADSyncDiagnostics module's menu, as Show-MainMenu writes it. */
export const DIAG_MAIN_MENU = [
  '',
  '----------------------------------------AADConnect Troubleshooting------------------------------------------',
  '',
  "\tEnter '1' - Troubleshoot Object Synchronization",
  "\tEnter '2' - Troubleshoot Password Hash Synchronization",
  "\tEnter '3' - Collect General Diagnostics",
  "\tEnter '4' - Configure AD DS Connector Account Permissions",
  "\tEnter '5' - Test Azure Active Directory Connectivity",
  "\tEnter '6' - Test Active Directory Connectivity",
  "\tEnter 'Q' - Quit",
  '',
];

export const DIAG_MORE_HELP = [
  '',
  'For more help:',
  '+ Please see - https://go.microsoft.com/fwlink/?linkid=847231 or',
  '+ Open a service request through Azure Portal or Office 365 Admin Portal.',
  '',
];

/**
 * The result lines of "Password Hash Synchronization does NOT work at all". Microsoft documents
 * them only as screenshots (reference §4.5, §9 item 5): the wording here is unconfirmed.
 */
export const DIAG_TEXT = {
  labNoMenu:
    'The interactive troubleshooting menu is not available in the lab. Run Invoke-ADSyncDiagnostics -PasswordSync for the password hash synchronization checks.',
  labNoSingleObject:
    'Single-object password hash synchronization diagnostics are not available in the lab. Run Invoke-ADSyncDiagnostics -PasswordSync without -ADConnectorName and -DistinguishedName.',
  tenant: (domain: string) => `AAD Tenant - ${domain}`,
  cloudEnabled: 'Password Hash Synchronization cloud configuration is enabled',
  cloudDisabled: 'Password Hash Synchronization cloud configuration is disabled',
  cloudUnknown: (detail: string) =>
    `Unable to retrieve the Password Hash Synchronization cloud configuration: ${detail}`,
  staging:
    'Azure AD Connect server is in staging mode. Password Hash Synchronization is not active on a server in staging mode.',
  connector: (name: string) => `AD Connector - ${name}`,
  phsEnabled: 'Password Hash Synchronization is enabled',
  phsDisabled: 'Password Hash Synchronization is disabled',
  heartbeat: (time: string) => `Latest Password Hash Synchronization heartbeat is detected at: ${time} UTC`,
  noHeartbeat: 'Password Hash Synchronization heartbeat is not detected in the last 3 hours',
  partitions: ['Directory Partitions:', '====================='],
  partition: (name: string) => `Directory Partition - ${name}`,
  preferredDcs: 'Only Use Preferred Domain Controllers: False',
  checkingDomain: 'Checking connectivity to the domain...',
  reachable: (domain: string) => `Domain "${domain}" is reachable`,
  unreachable: (domain: string) => `Domain "${domain}" is not reachable`,
  account: (account: string) => `AD Connector Account - ${account}`,
  checkingRights: (dn: string) => `Checking the permissions of the AD Connector account on "${dn}"...`,
  hasRight: (right: string) => `The AD Connector account has the "${right}" permission`,
  lacksRight: (right: string) => `The AD Connector account does NOT have the "${right}" permission`,
  rightsUnknown: {
    unreachable:
      'Unable to check the permissions: Active Directory Web Services on the domain controller could not be reached.',
    'invalid-credentials':
      'Unable to check the permissions: the credentials of the current user were rejected.',
    'no-such-object':
      'Unable to check the permissions: the AD Connector account was not found in the domain.',
    denied: 'Unable to check the permissions: access to the domain root was denied.',
  },
} as const;

const diagSpec = cmdletSpec('Invoke-ADSyncDiagnostics');

const HEARTBEAT_WINDOW = 3 * 3600_000;

function diagnosticsLines(env: CommandEnv, d: PhsDiagnostics): ConsoleLine[] {
  const lines: ConsoleLine[] = [];
  const ok = (text: string) => lines.push({ kind: 'output', text });
  const bad = (text: string) => lines.push({ kind: 'error', text });
  ok('');
  ok(DIAG_TEXT.tenant(d.tenantDomain));
  if (!d.cloud.ok) bad(DIAG_TEXT.cloudUnknown(d.cloud.detail));
  else if (d.cloud.passwordHashSync) ok(DIAG_TEXT.cloudEnabled);
  else bad(DIAG_TEXT.cloudDisabled);
  ok('');
  if (d.stagingMode) {
    bad(DIAG_TEXT.staging);
    ok('');
  }
  const c = d.connector;
  ok(DIAG_TEXT.connector(c.name));
  if (c.phsEnabled) ok(DIAG_TEXT.phsEnabled);
  else bad(DIAG_TEXT.phsDisabled);
  // The heartbeat is the latest "Provision credentials ping end." (654) in the Application log.
  const hostNow = env.now + env.host.clockOffsetMs;
  const pings = (env.host.logs.Application?.entries ?? []).filter(
    (e) =>
      e.source === 'Directory Synchronization' &&
      e.eventId === 654 &&
      hostNow - (e.time + env.host.clockOffsetMs) <= HEARTBEAT_WINDOW,
  );
  const latest = pings[pings.length - 1];
  if (latest) ok(DIAG_TEXT.heartbeat(psDate(latest.time + env.host.clockOffsetMs, 0)));
  else bad(DIAG_TEXT.noHeartbeat);
  ok('');
  for (const t of DIAG_TEXT.partitions) ok(t);
  ok(DIAG_TEXT.partition(c.forest));
  ok('');
  ok(DIAG_TEXT.preferredDcs);
  ok(DIAG_TEXT.checkingDomain);
  if (c.dc) ok(DIAG_TEXT.reachable(c.forest));
  else bad(DIAG_TEXT.unreachable(c.forest));
  ok('');
  ok(DIAG_TEXT.account(c.account));
  ok(DIAG_TEXT.checkingRights(c.domainDn));
  if (!c.rights.ok) bad(DIAG_TEXT.rightsUnknown[c.rights.reason]);
  else {
    const granted = c.rights.granted.map((r) => r.toLowerCase());
    for (const r of PHS_RIGHTS) {
      if (granted.includes(r.toLowerCase())) ok(DIAG_TEXT.hasRight(r));
      else bad(DIAG_TEXT.lacksRight(r));
    }
  }
  ok('');
  for (const t of DIAG_MORE_HELP) ok(t);
  return lines;
}

export const invokeAdSyncDiagnostics: CommandDef = {
  name: 'Invoke-ADSyncDiagnostics',
  run: (env) => {
    const bound = bindParams(diagSpec, env.cmd.args, env.line);
    if (!bound.ok) return done(formatPsError(bound.error));
    const v = bound.values;
    if (!v.PasswordSync) return done([...out(...DIAG_MAIN_MENU), warning(DIAG_TEXT.labNoMenu)]);
    if (v.ADConnectorName !== undefined && v.DistinguishedName !== undefined)
      return done([warning(DIAG_TEXT.labNoSingleObject)]);
    // The module's first call to the service is Get-ADSyncConnector: its error is what shows when the service is down.
    return local(
      env,
      { ...diagSpec, name: 'Get-ADSyncConnector', className: `${NS}.GetADSyncConnectorCmdlet` },
      () => ({ op: 'diagnosePhs', bind: env.host.logon }),
      (reply) => {
        if (!reply.ok || !('diagnostics' in reply)) return { lines: [] };
        return { lines: diagnosticsLines(env, reply.diagnostics) };
      },
    );
  },
};

/** Get-ADSyncAADCompanyFeature's properties besides PasswordHashSync (the lab turns none of them on). */
export const COMPANY_FEATURES_OFF = [
  'ForcePasswordChangeOnLogOn',
  'UserForcePasswordChangeOnLogOn',
  'UnifiedGroupWriteback',
  'UserWriteback',
] as const;

const companyFeatureSpec = cmdletSpec('Get-ADSyncAADCompanyFeature');

export const getAdSyncAadCompanyFeature: CommandDef = {
  name: 'Get-ADSyncAADCompanyFeature',
  run: (env) =>
    local(
      env,
      companyFeatureSpec,
      () => ({ op: 'getCompanyFeature' }),
      (reply) => {
        if (!reply.ok && reply.error === 'cloud-unreachable') {
          const m = /^([\w.]+Exception): ([\s\S]*)$/.exec(reply.detail ?? '');
          return {
            lines: adsyncError(
              env,
              companyFeatureSpec.name,
              'GetADSyncAADCompanyFeatureCmdlet',
              m?.[1] ?? 'System.Net.WebException',
              m?.[2] ?? 'Unable to connect to the remote server',
            ),
          };
        }
        if (!reply.ok || !('companyFeature' in reply)) return { lines: [] };
        return {
          lines: formatList([
            [
              ['PasswordHashSync', reply.companyFeature.passwordHashSync],
              ...COMPANY_FEATURES_OFF.map((f): [string, boolean] => [f, false]),
            ],
          ]),
        };
      },
    ),
};
