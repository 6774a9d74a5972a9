/** Parameter groups several commands of the catalog share. */
import type { ParamDecl } from './types';

export const CONFIRM: readonly ParamDecl[] = [
  { name: 'WhatIf', type: 'switch', aliases: ['wi'] },
  { name: 'Confirm', type: 'switch', aliases: ['cf'] },
];

export const AD_CMDLETS = 'Microsoft.ActiveDirectory.Management.Commands';
export const PS_COMMANDS = 'Microsoft.PowerShell.Commands';

export const AD_IDENTITY: ParamDecl = { name: 'Identity', type: 'string', position: 0, mandatory: true };
export const AD_USER_IDENTITY: ParamDecl = { ...AD_IDENTITY, complete: 'adUser' };

export const SEARCH_SCOPE: ParamDecl = {
  name: 'SearchScope',
  type: 'enum',
  values: ['Base', 'OneLevel', 'Subtree'],
  typeName: 'Microsoft.ActiveDirectory.Management.ADSearchScope',
};

export const identityOrFilter = (props = true, complete?: ParamDecl['complete']): ParamDecl[] => [
  { name: 'Identity', type: 'string', position: 0, complete },
  { name: 'Filter', type: 'string' },
  { name: 'LDAPFilter', type: 'string' },
  ...(props ? [{ name: 'Properties', type: 'strings', aliases: ['Property'] } as const] : []),
  { name: 'SearchBase', type: 'string' },
  { name: 'Server', type: 'string' },
];

export const SERVICE_NAMES: readonly ParamDecl[] = [
  { name: 'Name', type: 'strings', position: 0, aliases: ['ServiceName'], complete: 'service' },
  { name: 'DisplayName', type: 'strings' },
  { name: 'Include', type: 'strings' },
  { name: 'Exclude', type: 'strings' },
];

export const SERVICE_CHANGE: readonly ParamDecl[] = [
  ...SERVICE_NAMES,
  { name: 'PassThru', type: 'switch' },
  ...CONFIRM,
];

export const CIM: readonly ParamDecl[] = [
  { name: 'CimSession', type: 'string', aliases: ['Session'] },
  { name: 'ThrottleLimit', type: 'int' },
  { name: 'AsJob', type: 'switch' },
];

export const PATHS: readonly ParamDecl[] = [
  { name: 'Path', type: 'strings', position: 0, complete: 'registryPath' },
  { name: 'LiteralPath', type: 'strings', aliases: ['PSPath', 'LP'] },
];

export const COMPUTER_NAME: ParamDecl = {
  name: 'ComputerName',
  type: 'strings',
  position: 0,
  aliases: ['CN', '__SERVER', 'Server', 'IPAddress'],
  complete: 'host',
};
