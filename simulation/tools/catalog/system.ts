/** The host itself: who and what it is, its clock, its event logs, restarting it, modules. */
import { COMPUTER_NAME, CONFIRM, PS_COMMANDS } from './params';
import type { CommandDecl, ParamDecl } from './types';

const MANAGEMENT = {
  shell: 'powershell',
  module: 'Microsoft.PowerShell.Management',
  version: '3.1.0.0',
} as const;
const UTILITY = { shell: 'powershell', module: 'Microsoft.PowerShell.Utility', version: '3.1.0.0' } as const;
const DISPLAY_HINT: ParamDecl = {
  name: 'DisplayHint',
  type: 'enum',
  values: ['Date', 'Time', 'DateTime'],
  typeName: 'Microsoft.PowerShell.Commands.DisplayHintType',
};

const CORE = { shell: 'powershell', module: 'Microsoft.PowerShell.Core', version: '3.0.0.0' } as const;

export const SYSTEM_DECLS: readonly CommandDecl[] = [
  {
    ...CORE,
    name: 'Get-Help',
    aliases: ['man'],
    className: `${PS_COMMANDS}.GetHelpCommand`,
    params: [
      { name: 'Name', type: 'string', position: 0 },
      { name: 'Full', type: 'switch' },
      // The lab's help has no more to show for these than for the plain command.
      { name: 'Detailed', type: 'switch' },
    ],
    synopsis: 'Displays information about PowerShell commands and concepts.',
  },
  {
    // PowerShell's `help` function (Get-Help a page at a time); cmd's HELP program.
    name: 'help',
    shell: 'both',
    synopsis: 'Provides Help information for Windows commands.',
  },
  {
    ...CORE,
    name: 'Get-Command',
    aliases: ['gcm'],
    className: `${PS_COMMANDS}.GetCommandCommand`,
    params: [
      { name: 'Name', type: 'strings', position: 0 },
      { name: 'Module', type: 'strings', values: ['ActiveDirectory', 'ADSync', 'DnsClient', 'NetTCPIP'] },
      { name: 'Syntax', type: 'switch' },
    ],
    synopsis: 'Gets all commands.',
  },
  {
    name: 'hostname',
    aliases: ['hostname.exe'],
    shell: 'both',
    synopsis: 'Displays the host name portion of the full computer name of the computer.',
  },
  {
    name: 'whoami',
    aliases: ['whoami.exe'],
    shell: 'both',
    switches: ['/upn', '/fqdn', '/user', '/groups', '/priv', '/all'],
    synopsis:
      'Displays user, group and privileges information for the user who is currently logged on to the local system.',
  },
  {
    name: 'dcdiag',
    aliases: ['dcdiag.exe'],
    shell: 'both',
    hosts: ['dc'],
    switches: ['/s:', '/v', '/q', '/test:', '/skip:', '/fix'],
    synopsis:
      'Analyzes the state of domain controllers in a forest or enterprise and reports any problems to help in troubleshooting.',
  },
  // cls, clear-host and clear share one implementation that both shells run.
  { name: 'cls', aliases: ['clear-host', 'clear'], shell: 'both', synopsis: 'Clears the screen.' },
  {
    name: 'echo',
    aliases: ['write-output', 'write-host'],
    shell: 'both',
    synopsis: 'Displays messages, or turns command echoing on or off.',
  },
  { name: 'ver', shell: 'cmd', synopsis: 'Displays the Windows version.' },
  {
    // cmd's DATE; in PowerShell `date` finds Get-Date (PowerShell tries the Get- verb).
    name: 'date',
    shell: 'both',
    switches: ['/t'],
    synopsis: 'Displays or sets the date.',
  },
  { name: 'time', shell: 'cmd', switches: ['/t'], synopsis: 'Displays or sets the system time.' },
  {
    name: 'w32tm',
    aliases: ['w32tm.exe'],
    shell: 'both',
    switches: [
      '/query',
      '/status',
      '/source',
      '/configuration',
      '/peers',
      '/resync',
      '/config',
      '/stripchart',
      '/monitor',
    ],
    synopsis: 'Diagnoses and configures the Windows Time service.',
  },
  {
    ...UTILITY,
    name: 'Get-Date',
    className: `${PS_COMMANDS}.GetDateCommand`,
    params: [
      { name: 'Date', type: 'string', position: 0, aliases: ['LastWriteTime'] },
      ...['Year', 'Month', 'Day', 'Hour', 'Minute', 'Second', 'Millisecond'].map((name): ParamDecl => ({
        name,
        type: 'int',
      })),
      DISPLAY_HINT,
      { name: 'Format', type: 'string' },
      { name: 'UFormat', type: 'string' },
    ],
    synopsis: 'Gets the current date and time.',
  },
  {
    ...UTILITY,
    name: 'Set-Date',
    className: `${PS_COMMANDS}.SetDateCommand`,
    params: [
      { name: 'Date', type: 'string', position: 0 },
      { name: 'Adjust', type: 'string' },
      DISPLAY_HINT,
      ...CONFIRM,
    ],
    synopsis: 'Changes the system time on the computer to a time that you specify.',
  },
  {
    ...MANAGEMENT,
    name: 'Restart-Computer',
    className: `${PS_COMMANDS}.RestartComputerCommand`,
    params: [
      COMPUTER_NAME,
      { name: 'Force', type: 'switch', aliases: ['f'] },
      { name: 'Wait', type: 'switch' },
      { name: 'Timeout', type: 'int' },
      { name: 'Delay', type: 'int' },
      ...CONFIRM,
    ],
    synopsis: 'Restarts the operating system on local and remote computers.',
  },
  {
    ...MANAGEMENT,
    name: 'Stop-Computer',
    className: `${PS_COMMANDS}.StopComputerCommand`,
    params: [COMPUTER_NAME, { name: 'Force', type: 'switch', aliases: ['f'] }, ...CONFIRM],
    synopsis: 'Stops (shuts down) local and remote computers.',
  },
  {
    name: 'shutdown',
    aliases: ['shutdown.exe'],
    shell: 'both',
    switches: ['/s', '/r', '/a', '/t', '/f', '/c', '/d'],
    synopsis: 'Allows proper local or remote shutdown of machine.',
  },
  {
    name: 'systeminfo',
    aliases: ['systeminfo.exe'],
    shell: 'both',
    switches: ['/fo', '/nh'],
    synopsis: 'Displays machine specific properties and configuration.',
  },
  {
    name: 'ConvertTo-SecureString',
    shell: 'powershell',
    module: 'Microsoft.PowerShell.Security',
    version: '3.0.0.0',
    className: `${PS_COMMANDS}.ConvertToSecureStringCommand`,
    params: [
      { name: 'String', type: 'string', position: 0, mandatory: true },
      { name: 'AsPlainText', type: 'switch' },
      { name: 'Force', type: 'switch' },
      { name: 'Key', type: 'string' },
      { name: 'SecureKey', type: 'string' },
    ],
    synopsis: 'Converts plain text or encrypted strings to secure strings.',
  },
  {
    name: 'Import-Module',
    aliases: ['ipmo'],
    shell: 'powershell',
    module: 'Microsoft.PowerShell.Core',
    version: '3.0.0.0',
    className: `${PS_COMMANDS}.ImportModuleCommand`,
    params: [
      {
        name: 'Name',
        type: 'strings',
        position: 0,
        values: ['ActiveDirectory', 'ADSync', 'DnsClient', 'NetTCPIP'],
      },
      { name: 'Force', type: 'switch' },
      { name: 'Global', type: 'switch' },
      { name: 'PassThru', type: 'switch' },
      { name: 'DisableNameChecking', type: 'switch' },
      { name: 'Prefix', type: 'string' },
    ],
    synopsis: 'Adds modules to the current session.',
  },
  {
    ...MANAGEMENT,
    name: 'Get-EventLog',
    className: `${PS_COMMANDS}.GetEventLogCommand`,
    params: [
      { name: 'LogName', type: 'string', position: 0, aliases: ['LN'], complete: 'eventLog' },
      { name: 'InstanceId', type: 'strings', position: 1 },
      { name: 'Newest', type: 'int' },
      { name: 'After', type: 'string' },
      { name: 'Before', type: 'string' },
      { name: 'Source', type: 'strings', aliases: ['ABO'] },
      {
        name: 'EntryType',
        type: 'strings',
        aliases: ['ET'],
        values: ['Error', 'Information', 'FailureAudit', 'SuccessAudit', 'Warning'],
      },
      { name: 'Message', type: 'string', aliases: ['MSG'] },
      { name: 'UserName', type: 'strings' },
      { name: 'Index', type: 'strings' },
      { name: 'List', type: 'switch' },
      { name: 'AsString', type: 'switch' },
      { name: 'AsBaseObject', type: 'switch' },
    ],
    synopsis:
      'Gets the events in an event log, or a list of the event logs, on the local computer or remote computers.',
  },
  {
    name: 'Get-WinEvent',
    shell: 'powershell',
    module: 'Microsoft.PowerShell.Diagnostics',
    version: '3.0.0.0',
    className: `${PS_COMMANDS}.GetWinEventCommand`,
    params: [
      { name: 'LogName', type: 'strings', position: 0, complete: 'eventLog' },
      { name: 'ListLog', type: 'strings' },
      { name: 'ListProvider', type: 'strings' },
      { name: 'ProviderName', type: 'strings' },
      { name: 'MaxEvents', type: 'int' },
      { name: 'Oldest', type: 'switch' },
      { name: 'FilterHashtable', type: 'string' },
      { name: 'FilterXPath', type: 'string' },
      { name: 'Force', type: 'switch' },
    ],
    synopsis: 'Gets events from event logs and event tracing log files on local and remote computers.',
  },
  {
    name: 'wevtutil',
    aliases: ['wevtutil.exe'],
    shell: 'both',
    switches: ['el', 'enum-logs', 'qe', 'query-events', '/c:', '/rd:true', '/f:text', '/q:'],
    synopsis: 'Retrieves information about event logs and publishers, and queries events.',
  },
];
