/**
 * The access token of the consoles' user, as `whoami /user /groups /priv` prints it. Windows builds
 * it at sign-in from the directory (the user's SID, its groups' SIDs, the privileges the host's
 * policy grants those groups) and keeps it for the logon session: a group change in AD shows in a
 * new logon, not in a running console. The lab opens its consoles at boot, so the token is taken
 * from the directory the lab starts with. Pure.
 */
import type { DirectoryState } from '../roles/directory';
import { groupSid } from '../roles/directoryObjects';

export interface TokenGroup {
  /** As whoami prints it: `BUILTIN\Administrators`, `LABORHUB\Domain Admins`, `Everyone`. */
  name: string;
  type: 'Well-known group' | 'Alias' | 'Group' | 'Label';
  sid: string;
  /** Empty for the integrity label. */
  attributes: string;
}

export interface LogonToken {
  /** laborhub\administrator (whoami prints it in lower case). */
  user: string;
  sid: string;
  /** The user's distinguished name, for `whoami /fqdn`. */
  dn: string;
  upn: string;
  groups: TokenGroup[];
  privileges: { name: string; description: string; enabled: boolean }[];
}

const ENABLED = 'Mandatory group, Enabled by default, Enabled group';
const key = (s: string) => s.toLowerCase();

/** Groups Active Directory puts in "Denied RODC Password Replication Group" when the domain is created. */
const DENIED_RODC_MEMBERS = [
  'domain admins',
  'enterprise admins',
  'schema admins',
  'group policy creator owners',
  'cert publishers',
  'domain controllers',
];

function wellKnown(name: string, sid: string): TokenGroup {
  return { name, type: 'Well-known group', sid, attributes: ENABLED };
}

/**
 * The privileges an elevated administrator's token holds on Windows Server 2022 (the lab's consoles
 * are "Administrator:" consoles). A domain controller's default policy adds the two account rights
 * only a DC grants (adding workstations, trusting for delegation).
 */
function privilegesFor(onDc: boolean, admin: boolean): LogonToken['privileges'] {
  const p = (name: string, description: string, enabled = false) => ({ name, description, enabled });
  if (!admin) {
    return [
      p('SeShutdownPrivilege', 'Shut down the system'),
      p('SeChangeNotifyPrivilege', 'Bypass traverse checking', true),
      p('SeUndockPrivilege', 'Remove computer from docking station'),
      p('SeIncreaseWorkingSetPrivilege', 'Increase a process working set'),
      p('SeTimeZonePrivilege', 'Change the time zone'),
    ];
  }
  return [
    p('SeIncreaseQuotaPrivilege', 'Adjust memory quotas for a process'),
    ...(onDc ? [p('SeMachineAccountPrivilege', 'Add workstations to domain')] : []),
    p('SeSecurityPrivilege', 'Manage auditing and security log'),
    p('SeTakeOwnershipPrivilege', 'Take ownership of files or other objects'),
    p('SeLoadDriverPrivilege', 'Load and unload device drivers'),
    p('SeSystemProfilePrivilege', 'Profile system performance'),
    p('SeSystemtimePrivilege', 'Change the system time'),
    p('SeProfileSingleProcessPrivilege', 'Profile single process'),
    p('SeIncreaseBasePriorityPrivilege', 'Increase scheduling priority'),
    p('SeCreatePagefilePrivilege', 'Create a pagefile'),
    p('SeBackupPrivilege', 'Back up files and directories'),
    p('SeRestorePrivilege', 'Restore files and directories'),
    p('SeShutdownPrivilege', 'Shut down the system'),
    p('SeDebugPrivilege', 'Debug programs'),
    p('SeSystemEnvironmentPrivilege', 'Modify firmware environment values'),
    p('SeChangeNotifyPrivilege', 'Bypass traverse checking', true),
    p('SeRemoteShutdownPrivilege', 'Force shutdown from a remote system'),
    p('SeUndockPrivilege', 'Remove computer from docking station'),
    ...(onDc
      ? [p('SeEnableDelegationPrivilege', 'Enable computer and user accounts to be trusted for delegation')]
      : []),
    p('SeManageVolumePrivilege', 'Perform volume maintenance tasks'),
    p('SeImpersonatePrivilege', 'Impersonate a client after authentication', true),
    p('SeCreateGlobalPrivilege', 'Create global objects', true),
    p('SeIncreaseWorkingSetPrivilege', 'Increase a process working set'),
    p('SeTimeZonePrivilege', 'Change the time zone'),
    p('SeCreateSymbolicLinkPrivilege', 'Create symbolic links'),
    p(
      'SeDelegateSessionUserImpersonatePrivilege',
      'Obtain an impersonation token for another user in the same session',
    ),
  ];
}

/**
 * The token of an interactive (console) logon of `sam` on a host of the domain. Undefined when
 * the directory has no such user.
 */
export function logonToken(dir: DirectoryState, sam: string, onDc: boolean): LogonToken | undefined {
  const user = dir.users[key(sam)];
  if (!user) return undefined;
  const nb = dir.netbios.toUpperCase();
  // The primary group (Domain Users) is in every token, member or not of memberOf's list.
  const memberOf = user.memberOf.some((g) => key(g) === 'domain users')
    ? user.memberOf
    : ['Domain Users', ...user.memberOf];
  const groupOf = (name: string) => dir.groups[key(name)];
  const admin = memberOf.some((g) =>
    ['administrators', 'domain admins', 'enterprise admins'].includes(key(g)),
  );
  const groups: TokenGroup[] = [wellKnown('Everyone', 'S-1-1-0')];
  if (admin) {
    groups.push({
      name: 'BUILTIN\\Administrators',
      type: 'Alias',
      sid: 'S-1-5-32-544',
      attributes: `${ENABLED}, Group owner`,
    });
  }
  groups.push({ name: 'BUILTIN\\Users', type: 'Alias', sid: 'S-1-5-32-545', attributes: ENABLED });
  // On a DC the domain's builtin aliases are the host's: Authenticated Users is in this one.
  if (onDc) {
    groups.push({
      name: 'BUILTIN\\Pre-Windows 2000 Compatible Access',
      type: 'Alias',
      sid: 'S-1-5-32-554',
      attributes: ENABLED,
    });
  }
  groups.push(
    wellKnown('NT AUTHORITY\\INTERACTIVE', 'S-1-5-4'),
    wellKnown('CONSOLE LOGON', 'S-1-2-1'),
    wellKnown('NT AUTHORITY\\Authenticated Users', 'S-1-5-11'),
    wellKnown('NT AUTHORITY\\This Organization', 'S-1-5-15'),
    wellKnown('LOCAL', 'S-1-2-0'),
  );
  const domainGroups = memberOf.filter((g) => key(g) !== 'administrators');
  const local = (g: string) => groupOf(g)?.scope === 'DomainLocal';
  for (const g of domainGroups.filter((n) => !local(n))) {
    groups.push({
      name: `${nb}\\${groupOf(g)?.name ?? g}`,
      type: 'Group',
      sid: groupSid(dir, g),
      attributes: ENABLED,
    });
  }
  groups.push(wellKnown('Authentication authority asserted identity', 'S-1-18-1'));
  const localGroups = domainGroups
    .filter(local)
    .map((g) => ({ name: groupOf(g)?.name ?? g, sid: groupSid(dir, g) }));
  if (memberOf.some((g) => DENIED_RODC_MEMBERS.includes(key(g)))) {
    localGroups.push({ name: 'Denied RODC Password Replication Group', sid: `${dir.domainSid}-572` });
  }
  for (const g of localGroups) {
    groups.push({
      name: `${nb}\\${g.name}`,
      type: 'Alias',
      sid: g.sid,
      attributes: `${ENABLED}, Local Group`,
    });
  }
  groups.push({
    name: `Mandatory Label\\${admin ? 'High' : 'Medium'} Mandatory Level`,
    type: 'Label',
    sid: admin ? 'S-1-16-12288' : 'S-1-16-8192',
    attributes: '',
  });
  return {
    user: `${dir.netbios}\\${user.sam}`.toLowerCase(),
    sid: user.sid,
    dn: user.dn,
    upn: user.upn,
    groups,
    privileges: privilegesFor(onDc, admin),
  };
}
