/** The registry provider's item cmdlets (Microsoft.PowerShell.Management) and reg.exe. */
import { CONFIRM, PATHS, PS_COMMANDS } from './params';
import type { CommandDecl } from './types';

const MANAGEMENT = {
  shell: 'powershell',
  module: 'Microsoft.PowerShell.Management',
  version: '3.1.0.0',
} as const;
const KIND: { values: readonly string[]; typeName: string } = {
  values: ['String', 'ExpandString', 'Binary', 'DWord', 'MultiString', 'QWord', 'Unknown', 'None'],
  typeName: 'Microsoft.Win32.RegistryValueKind',
};

export const REGISTRY_DECLS: readonly CommandDecl[] = [
  {
    ...MANAGEMENT,
    name: 'Get-ItemProperty',
    aliases: ['gp'],
    className: `${PS_COMMANDS}.GetItemPropertyCommand`,
    params: [
      ...PATHS,
      { name: 'Name', type: 'strings', position: 1 },
      { name: 'Filter', type: 'string' },
      { name: 'Include', type: 'strings' },
      { name: 'Exclude', type: 'strings' },
    ],
    synopsis: 'Gets the properties of a specified item.',
  },
  {
    ...MANAGEMENT,
    name: 'Get-ItemPropertyValue',
    aliases: ['gpv'],
    className: `${PS_COMMANDS}.GetItemPropertyValueCommand`,
    params: [...PATHS, { name: 'Name', type: 'strings', position: 1 }],
    synopsis: 'Gets the value for one or more properties of a specified item.',
  },
  {
    ...MANAGEMENT,
    name: 'Set-ItemProperty',
    aliases: ['sp'],
    className: `${PS_COMMANDS}.SetItemPropertyCommand`,
    params: [
      ...PATHS,
      { name: 'Name', type: 'string', position: 1, aliases: ['PSProperty'] },
      { name: 'Value', type: 'string', position: 2 },
      { name: 'Type', type: 'enum', ...KIND },
      { name: 'PassThru', type: 'switch' },
      { name: 'Force', type: 'switch' },
      ...CONFIRM,
    ],
    synopsis: 'Creates or changes the value of a property of an item.',
  },
  {
    ...MANAGEMENT,
    name: 'New-ItemProperty',
    className: `${PS_COMMANDS}.NewItemPropertyCommand`,
    params: [
      ...PATHS,
      { name: 'Name', type: 'string', position: 1, aliases: ['PSProperty'] },
      { name: 'PropertyType', type: 'enum', ...KIND, aliases: ['Type'] },
      { name: 'Value', type: 'string' },
      { name: 'Force', type: 'switch' },
      ...CONFIRM,
    ],
    synopsis: 'Creates a new property for an item and sets its value.',
  },
  {
    ...MANAGEMENT,
    name: 'Remove-ItemProperty',
    aliases: ['rp'],
    className: `${PS_COMMANDS}.RemoveItemPropertyCommand`,
    params: [
      ...PATHS,
      { name: 'Name', type: 'strings', position: 1, aliases: ['PSProperty'] },
      { name: 'Force', type: 'switch' },
      ...CONFIRM,
    ],
    synopsis: 'Deletes the property and its value from an item.',
  },
  {
    ...MANAGEMENT,
    name: 'New-Item',
    aliases: ['ni'],
    className: `${PS_COMMANDS}.NewItemCommand`,
    params: [
      { name: 'Path', type: 'strings', position: 0, complete: 'registryPath' },
      { name: 'Name', type: 'string' },
      { name: 'ItemType', type: 'string', aliases: ['Type'] },
      { name: 'Value', type: 'string' },
      { name: 'Force', type: 'switch' },
      ...CONFIRM,
    ],
    synopsis: 'Creates a new item.',
  },
  {
    ...MANAGEMENT,
    name: 'Test-Path',
    className: `${PS_COMMANDS}.TestPathCommand`,
    params: [
      ...PATHS,
      {
        name: 'PathType',
        type: 'enum',
        values: ['Any', 'Container', 'Leaf'],
        typeName: 'Microsoft.PowerShell.Commands.TestPathType',
        aliases: ['Type'],
      },
      { name: 'IsValid', type: 'switch' },
      { name: 'Filter', type: 'string' },
    ],
    synopsis: 'Determines whether all elements of a path exist.',
  },
  {
    ...MANAGEMENT,
    name: 'Get-ChildItem',
    aliases: ['gci'],
    className: `${PS_COMMANDS}.GetChildItemCommand`,
    params: [
      ...PATHS,
      { name: 'Filter', type: 'string', position: 1 },
      { name: 'Recurse', type: 'switch', aliases: ['s'] },
      { name: 'Name', type: 'switch' },
      { name: 'Force', type: 'switch' },
      { name: 'Include', type: 'strings' },
      { name: 'Exclude', type: 'strings' },
    ],
    synopsis: 'Gets the items and child items in one or more specified locations.',
  },
  {
    ...MANAGEMENT,
    name: 'Get-Item',
    aliases: ['gi'],
    className: `${PS_COMMANDS}.GetItemCommand`,
    params: [...PATHS, { name: 'Force', type: 'switch' }],
    synopsis: 'Gets the item at the specified location.',
  },
  {
    name: 'reg',
    aliases: ['reg.exe'],
    shell: 'both',
    switches: ['query', 'add', 'delete'],
    synopsis: 'Performs operations on registry subkey information and values in registry entries.',
  },
];
