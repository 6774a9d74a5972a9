/** Active Directory: the ActiveDirectory module (RSAT: on the DC and SYNC01), AdSyncConfig, net.exe, dsacls. */
import { AD_CMDLETS, AD_IDENTITY, AD_USER_IDENTITY, CONFIRM, identityOrFilter, SEARCH_SCOPE } from './params';
import type { CommandDecl, ParamDecl } from './types';

const AD_MODULE = {
  shell: 'powershell',
  hosts: ['dc', 'sync'],
  module: 'ActiveDirectory',
  version: '1.0.1.0',
} as const;

const accountCmdlet = (name: string, className: string, synopsis: string): CommandDecl => ({
  ...AD_MODULE,
  name,
  className: `${AD_CMDLETS}.${className}`,
  params: [
    AD_USER_IDENTITY,
    { name: 'Server', type: 'string' },
    { name: 'PassThru', type: 'switch' },
    ...CONFIRM,
  ],
  synopsis,
});

const memberCmdlet = (name: string, className: string, synopsis: string): CommandDecl => ({
  ...AD_MODULE,
  name,
  className: `${AD_CMDLETS}.${className}`,
  params: [
    { ...AD_IDENTITY, complete: 'adGroup' },
    {
      name: 'Members',
      type: 'strings',
      position: 1,
      mandatory: true,
      aliases: ['Member'],
      complete: 'adUser',
    },
    { name: 'Server', type: 'string' },
    { name: 'PassThru', type: 'switch' },
    ...CONFIRM,
  ],
  synopsis,
});

const ADSYNCCONFIG = {
  shell: 'powershell',
  hosts: ['sync'],
  module: 'AdSyncConfig',
  version: '1.0',
  commandType: 'Function',
} as const;

const connectorAccount: readonly ParamDecl[] = [
  { name: 'ADConnectorAccountName', type: 'string' },
  { name: 'ADConnectorAccountDomain', type: 'string' },
  { name: 'ADConnectorAccountDN', type: 'string' },
  ...CONFIRM,
];

export const AD_DECLS: readonly CommandDecl[] = [
  {
    ...AD_MODULE,
    name: 'Get-ADUser',
    className: `${AD_CMDLETS}.GetADUser`,
    params: [
      { name: 'Identity', type: 'string', position: 0, complete: 'adUser' },
      { name: 'Filter', type: 'string' },
      { name: 'LDAPFilter', type: 'string' },
      { name: 'Properties', type: 'strings', aliases: ['Property'] },
      { name: 'SearchBase', type: 'string' },
      SEARCH_SCOPE,
      { name: 'ResultSetSize', type: 'int' },
      { name: 'Server', type: 'string' },
    ],
    synopsis: 'Gets one or more Active Directory users.',
  },
  {
    ...AD_MODULE,
    name: 'Set-ADUser',
    className: `${AD_CMDLETS}.SetADUser`,
    params: [
      AD_USER_IDENTITY,
      { name: 'Enabled', type: 'bool' },
      { name: 'ChangePasswordAtLogon', type: 'bool' },
      { name: 'PasswordNeverExpires', type: 'bool' },
      { name: 'CannotChangePassword', type: 'bool' },
      { name: 'Description', type: 'string' },
      { name: 'Title', type: 'string' },
      { name: 'Department', type: 'string' },
      { name: 'EmailAddress', type: 'string' },
      { name: 'MobilePhone', type: 'string' },
      { name: 'Replace', type: 'string' },
      { name: 'Clear', type: 'strings' },
      { name: 'Server', type: 'string' },
      { name: 'PassThru', type: 'switch' },
      ...CONFIRM,
    ],
    synopsis: 'Modifies an Active Directory user.',
  },
  accountCmdlet('Unlock-ADAccount', 'UnlockADAccount', 'Unlocks an Active Directory account.'),
  accountCmdlet('Enable-ADAccount', 'EnableADAccount', 'Enables an Active Directory account.'),
  accountCmdlet('Disable-ADAccount', 'DisableADAccount', 'Disables an Active Directory account.'),
  {
    ...AD_MODULE,
    name: 'Search-ADAccount',
    className: `${AD_CMDLETS}.SearchADAccount`,
    params: [
      { name: 'LockedOut', type: 'switch' },
      { name: 'AccountDisabled', type: 'switch' },
      { name: 'PasswordExpired', type: 'switch' },
      { name: 'PasswordNeverExpires', type: 'switch' },
      { name: 'UsersOnly', type: 'switch' },
      { name: 'ComputersOnly', type: 'switch' },
      { name: 'SearchBase', type: 'string' },
      { name: 'Server', type: 'string' },
    ],
    synopsis: 'Gets Active Directory user, computer, or service accounts.',
  },
  {
    ...AD_MODULE,
    name: 'Set-ADAccountPassword',
    className: `${AD_CMDLETS}.SetADAccountPassword`,
    params: [
      AD_USER_IDENTITY,
      { name: 'NewPassword', type: 'string' },
      { name: 'OldPassword', type: 'string' },
      { name: 'Reset', type: 'switch' },
      { name: 'Server', type: 'string' },
      { name: 'PassThru', type: 'switch' },
      ...CONFIRM,
    ],
    synopsis: 'Modifies the password of an Active Directory account.',
  },
  {
    ...AD_MODULE,
    name: 'Get-ADDefaultDomainPasswordPolicy',
    className: `${AD_CMDLETS}.GetADDefaultDomainPasswordPolicy`,
    params: [
      { name: 'Identity', type: 'string', position: 0 },
      {
        name: 'Current',
        type: 'enum',
        values: ['LocalComputer', 'LoggedOnUser'],
        typeName: 'Microsoft.ActiveDirectory.Management.ADCurrentDomainType',
      },
      { name: 'Server', type: 'string' },
    ],
    synopsis: 'Gets the default password policy for an Active Directory domain.',
  },
  {
    ...AD_MODULE,
    name: 'Set-ADDefaultDomainPasswordPolicy',
    className: `${AD_CMDLETS}.SetADDefaultDomainPasswordPolicy`,
    params: [
      AD_IDENTITY,
      { name: 'ComplexityEnabled', type: 'bool' },
      { name: 'LockoutDuration', type: 'string' },
      { name: 'LockoutObservationWindow', type: 'string' },
      { name: 'LockoutThreshold', type: 'int' },
      { name: 'MaxPasswordAge', type: 'string' },
      { name: 'MinPasswordAge', type: 'string' },
      { name: 'MinPasswordLength', type: 'int' },
      { name: 'PasswordHistoryCount', type: 'int' },
      { name: 'ReversibleEncryptionEnabled', type: 'bool' },
      { name: 'Server', type: 'string' },
      { name: 'PassThru', type: 'switch' },
      ...CONFIRM,
    ],
    synopsis: 'Modifies the default password policy for an Active Directory domain.',
  },
  {
    ...AD_MODULE,
    name: 'Get-ADGroup',
    className: `${AD_CMDLETS}.GetADGroup`,
    params: identityOrFilter(true, 'adGroup'),
    synopsis: 'Gets one or more Active Directory groups.',
  },
  {
    ...AD_MODULE,
    name: 'Get-ADGroupMember',
    className: `${AD_CMDLETS}.GetADGroupMember`,
    params: [
      { ...AD_IDENTITY, complete: 'adGroup' },
      { name: 'Recursive', type: 'switch' },
      { name: 'Server', type: 'string' },
    ],
    synopsis: 'Gets the members of an Active Directory group.',
  },
  memberCmdlet(
    'Add-ADGroupMember',
    'AddADGroupMember',
    'Adds one or more members to an Active Directory group.',
  ),
  memberCmdlet(
    'Remove-ADGroupMember',
    'RemoveADGroupMember',
    'Removes one or more members from an Active Directory group.',
  ),
  {
    ...AD_MODULE,
    name: 'Get-ADPrincipalGroupMembership',
    className: `${AD_CMDLETS}.GetADPrincipalGroupMembership`,
    params: [AD_USER_IDENTITY, { name: 'Server', type: 'string' }],
    synopsis:
      'Gets the Active Directory groups that have a specified user, computer, group, or service account.',
  },
  {
    ...AD_MODULE,
    name: 'Get-ADComputer',
    className: `${AD_CMDLETS}.GetADComputer`,
    params: identityOrFilter(true, 'host'),
    synopsis: 'Gets one or more Active Directory computers.',
  },
  {
    ...ADSYNCCONFIG,
    name: 'Set-ADSyncPasswordWritebackPermissions',
    className: 'Set-ADSyncPasswordWritebackPermissions',
    params: [
      ...connectorAccount,
      { name: 'ADobjectDN', type: 'string' },
      { name: 'SkipAdminSdHolders', type: 'switch' },
    ],
    synopsis: 'Initialize your Active Directory forest and domain for password writeback from Azure AD.',
  },
  {
    ...ADSYNCCONFIG,
    name: 'Set-ADSyncPasswordHashSyncPermissions',
    className: 'Set-ADSyncPasswordHashSyncPermissions',
    params: connectorAccount,
    synopsis: 'Initialize your Active Directory forest and domain for password hash synchronization.',
  },
  {
    ...ADSYNCCONFIG,
    name: 'Get-ADSyncObjectsWithInheritanceDisabled',
    className: 'Get-ADSyncObjectsWithInheritanceDisabled',
    params: [
      { name: 'SearchBase', type: 'string', position: 0, mandatory: true },
      { name: 'ObjectClass', type: 'string', position: 1 },
    ],
    synopsis: 'Gets the objects in an Active Directory domain that have permission inheritance disabled.',
  },
  {
    name: 'net',
    aliases: ['net.exe', 'net1', 'net1.exe'],
    shell: 'both',
    switches: ['user', 'group', 'localgroup', 'accounts', 'start', 'stop', 'time', 'use', 'view'],
    synopsis: 'Manages users, groups, services and network connections.',
  },
  {
    name: 'dsacls',
    aliases: ['dsacls.exe'],
    shell: 'both',
    hosts: ['dc', 'sync'],
    switches: ['/G', '/R', '/D', '/I:T', '/I:S', '/I:P', '/N', '/P:Y', '/P:N', '/A', '/resetDefaultDACL'],
    synopsis: 'Displays or modifies permissions (ACLs) of objects in Active Directory Domain Services.',
  },
];
