/**
 * gpupdate: a Group Policy refresh that needs the DC (the locator, a Kerberos exchange, the secure
 * channel for SYSVOL), gpupdate's lines, and the Microsoft-Windows-GroupPolicy events (1006, 1053,
 * 1054, 1055, 1058, 1129) the host logs when it fails.
 */
import type { HostEffect } from '../../../windows/hostOps';
import type { Script } from '../../../proc/script';
import { locateDc } from '../../../windows/dcLocator';
import type { NewEvent } from '../../../windows/eventlog';
import { hasUsableAddress } from '../../../windows/hostState';
import { out } from '../../shell/psError';
import { askKdc, verifyChannel } from './dcExchanges';
import { scripted, type Stopwatch } from '../stopwatch';
import { done, type CommandDef, type CommandEnv, type CommandResult } from '../types';

const GP_SOURCE = 'Microsoft-Windows-GroupPolicy';
const DEFAULT_DOMAIN_POLICY = '{31B2F340-016D-11D2-945F-00C04FB984F9}';

/** gpupdate's lines and the Group Policy events behind them (1058's path is the Default Domain Policy). */
export const GP_TEXT = {
  updating: 'Updating policy...',
  computerOk: 'Computer Policy update has completed successfully.',
  userOk: 'User Policy update has completed successfully.',
  computerFailed: 'Computer policy could not be updated successfully. The following errors were encountered:',
  userFailed: 'User Policy could not be updated successfully. The following errors were encountered:',
  diagnose:
    'To diagnose the failure, review the event log or run GPRESULT /H GPReport.html from the command line to access information about Group Policy results.',
  ldapBind:
    'The processing of Group Policy failed. Windows could not authenticate to the Active Directory service on a domain controller. (LDAP Bind function call failed). Look in the details tab for error code and description.',
  resolveName: (what: 'computer' | 'user') =>
    `The processing of Group Policy failed. Windows could not resolve the ${what} name. This could be caused by one of more of the following: \na) Name Resolution failure on the current domain controller. \nb) Active Directory Replication Latency (an account created on another domain controller has not replicated to the current domain controller).`,
  noNetwork:
    'The processing of Group Policy failed because of lack of network connectivity to a domain controller. This may be a transient condition. A success message would be generated once the machine gets connected to the domain controller and Group Policy has successfully processed. If you do not see a success message for several hours, then contact your administrator.',
  sysvol: (domain: string) =>
    `The processing of Group Policy failed. Windows attempted to read the file \\\\${domain}\\SysVol\\${domain}\\Policies\\${DEFAULT_DOMAIN_POLICY}\\gpt.ini from a domain controller and was not successful. Group Policy settings may not be enforced until this event is resolved. This issue may be transient and could be caused by one or more of the following: \na) Name Resolution/Network Connectivity to the current domain controller. \nb) File Replication Service Latency (a file created on another domain controller has not replicated to the current domain controller). \nc) The Distributed File System (DFS) client has been disabled.`,
  /** 1054: the DC locator found no DC (e.g. DNS pointing at a public resolver; nltest says 1355). */
  noDcName:
    'The processing of Group Policy failed. Windows could not obtain the name of a domain controller. This could be caused by a name resolution failure. Verify your Domain Name System (DNS) is configured and working correctly.',
  processed: (who: 'computer' | 'user', n?: number) =>
    `The Group Policy settings for the ${who} were processed successfully. ${n === undefined ? 'There were no changes detected since the last successful processing of Group Policy.' : `New settings from ${n} Group Policy objects were detected and applied.`}`,
  usage: [
    'Microsoft (R) Windows (R) Operating System Group Policy Refresh Utility v5.1',
    'Copyright (c) Microsoft Corporation. All rights reserved.',
    '',
    'Description:  Updates Group Policy settings.',
    '',
    'Syntax: GPUpdate [/Target:{Computer | User}] [/Force] [/Wait:<value>]',
    '                 [/Logoff] [/Boot] [/Sync]',
    '',
  ],
} as const;

/** The LDAP bind errors 1006 carries in its details (Win32 code and text). */
export const GP_BIND_ERRORS = {
  skew: { code: 1398, text: 'There is a time and/or date difference between the client and server.' },
  noServers: {
    code: 1311,
    text: 'There are currently no logon servers available to service the logon request.',
  },
  invalidCredentials: { code: 49, text: 'Invalid Credentials' },
  locked: { code: 1909, text: 'The referenced account is currently locked out and may not be logged on to.' },
  disabled: { code: 1331, text: "This user can't sign in because this account is currently disabled." },
  expired: { code: 1330, text: 'The password for this account has expired.' },
} as const;

type GpFailure =
  | { id: 1129 | 1053 | 1054 | 1055 | 1058 }
  | { id: 1006; error: (typeof GP_BIND_ERRORS)[keyof typeof GP_BIND_ERRORS] };

function gpMessage(f: GpFailure, domain: string): string {
  switch (f.id) {
    case 1129:
      return GP_TEXT.noNetwork;
    case 1053:
      return GP_TEXT.resolveName('user');
    case 1054:
      return GP_TEXT.noDcName;
    case 1055:
      return GP_TEXT.resolveName('computer');
    case 1058:
      return GP_TEXT.sysvol(domain);
    case 1006:
      return GP_TEXT.ldapBind;
  }
}

function gpEvent(f: GpFailure, domain: string): NewEvent {
  const details =
    f.id === 1006
      ? `\n\nErrorCode: ${f.error.code} (0x${f.error.code.toString(16)})\nErrorDescription: ${f.error.text}`
      : '';
  return {
    log: 'System',
    source: GP_SOURCE,
    eventId: f.id,
    level: 'Error',
    message: gpMessage(f, domain) + details,
  };
}

function* gpupdateScript(
  env: CommandEnv,
  o: { computer: boolean; user: boolean; force: boolean },
  sw: Stopwatch,
): Script<CommandResult> {
  const host = env.host;
  let computer: GpFailure | undefined;
  let user: GpFailure | undefined;
  if (!hasUsableAddress(host.nic)) {
    computer = { id: 1129 };
    user = { id: 1129 };
  } else {
    const loc = yield* locateDc(host, host.domainFqdn);
    if (!loc.ok) {
      // No DC located: 1054 for both passes (1053/1055 need a DC that answered).
      computer = { id: 1054 };
      user = { id: 1054 };
    } else {
      const kdc = yield* askKdc(env, sw, loc.dc);
      const channel = yield* verifyChannel(host, loc.dc);
      const sysvol = channel === 'unreachable' ? ({ id: 1058 } as const) : undefined;
      const bind = (error: (typeof GP_BIND_ERRORS)[keyof typeof GP_BIND_ERRORS]): GpFailure => ({
        id: 1006,
        error,
      });
      const shared = kdc.ok
        ? undefined
        : kdc.why === 'KRB_AP_ERR_SKEW'
          ? bind(GP_BIND_ERRORS.skew)
          : kdc.why === 'no-answer'
            ? bind(GP_BIND_ERRORS.noServers)
            : undefined;
      computer =
        shared ?? sysvol ?? (channel === 'denied' ? bind(GP_BIND_ERRORS.invalidCredentials) : undefined);
      if (!kdc.ok && !shared) {
        const why = kdc.why;
        user =
          why === 'KDC_ERR_C_PRINCIPAL_UNKNOWN'
            ? { id: 1053 }
            : bind(
                why === 'locked'
                  ? GP_BIND_ERRORS.locked
                  : why === 'disabled'
                    ? GP_BIND_ERRORS.disabled
                    : why === 'KDC_ERR_KEY_EXPIRED'
                      ? GP_BIND_ERRORS.expired
                      : GP_BIND_ERRORS.invalidCredentials,
              );
      } else user = shared ?? sysvol;
    }
  }
  const lines: string[] = [GP_TEXT.updating, ''];
  const effects: HostEffect[] = [];
  const log = (entry: NewEvent) => effects.push({ type: 'log', entry });
  const domain = host.domainFqdn;
  const gpos = host.kind === 'dc' ? 2 : 1;
  if (o.computer) {
    if (computer) {
      lines.push(GP_TEXT.computerFailed, '', ...gpMessage(computer, domain).split('\n'));
      log(gpEvent(computer, domain));
    } else {
      lines.push(GP_TEXT.computerOk);
      log({
        log: 'System',
        source: GP_SOURCE,
        eventId: o.force ? 1502 : 1500,
        level: 'Information',
        message: GP_TEXT.processed('computer', o.force ? gpos : undefined),
      });
    }
  }
  if (o.user) {
    if (user) {
      lines.push(GP_TEXT.userFailed, '', ...gpMessage(user, domain).split('\n'));
      log(gpEvent(user, domain));
    } else {
      lines.push(GP_TEXT.userOk);
      log({
        log: 'System',
        source: GP_SOURCE,
        eventId: o.force ? 1503 : 1501,
        level: 'Information',
        message: GP_TEXT.processed('user', o.force ? 1 : undefined),
      });
    }
  }
  const failed = (o.computer && computer) || (o.user && user);
  lines.push('');
  if (failed) lines.push(GP_TEXT.diagnose, '');
  return { lines: out(...lines), effects };
}

export const gpupdate: CommandDef = {
  name: 'gpupdate',
  run: (env) => {
    const o = { computer: true, user: true, force: false };
    for (const a of env.cmd.args) {
      const m = /^[/-]([a-z?]+)(?::(.*))?$/i.exec(a.text);
      const key = m?.[1]?.toLowerCase();
      const value = m?.[2]?.toLowerCase();
      if (key === 'force' && value === undefined) o.force = true;
      else if (key === 'target' && (value === 'computer' || value === 'user')) {
        o.computer = value === 'computer';
        o.user = value === 'user';
      } else if (key === 'wait' && value !== undefined && /^-?\d+$/.test(value)) continue;
      else if ((key === 'logoff' || key === 'boot' || key === 'sync') && value === undefined) continue;
      else return done(out(...GP_TEXT.usage));
    }
    return scripted((sw) => gpupdateScript(env, o, sw));
  },
};
