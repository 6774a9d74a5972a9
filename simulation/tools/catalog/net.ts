/** Networking and name resolution: the programs, the DnsClient and NetTCPIP modules, the secure channel cmdlets. */
import { CIM, CONFIRM, PS_COMMANDS } from './params';
import type { CommandDecl, ParamDecl } from './types';

const DNS_CLIENT = { shell: 'powershell', module: 'DnsClient', version: '1.0.0.0' } as const;
const INTERFACE: readonly ParamDecl[] = [
  { name: 'InterfaceAlias', type: 'strings', position: 0, aliases: ['ifAlias'] },
  { name: 'InterfaceIndex', type: 'strings', aliases: ['ifIndex'] },
];
const RECORD_TYPES = [
  'UNKNOWN', 'A_AAAA', 'A', 'NS', 'MD', 'MF', 'CNAME', 'SOA', 'MB', 'MG', 'MR', 'NULL', 'WKS', 'PTR',
  'HINFO', 'MINFO', 'MX', 'TXT', 'RP', 'AFSDB', 'X25', 'ISDN', 'RT', 'AAAA', 'SRV', 'DNAME', 'OPT', 'DS',
  'RRSIG', 'NSEC', 'DNSKEY', 'DHCID', 'NSEC3', 'NSEC3PARAM', 'ANY', 'ALL', 'WINS',
] as const; // prettier-ignore
const RESOLVE_SWITCHES = [
  ...['DnsOnly', 'CacheOnly', 'DnssecOk', 'DnssecCd', 'NoHostsFile', 'LlmnrNetbiosOnly', 'LlmnrFallback'],
  ...['LlmnrOnly', 'NetbiosFallback', 'NoIdn', 'NoRecursion', 'QuickTimeout', 'TcpOnly'],
];
const channelParams = (repair: boolean): ParamDecl[] => [
  ...(repair ? [{ name: 'Repair', type: 'switch' as const }] : []),
  { name: 'Server', type: 'string', complete: 'host' },
  // The lab has no credential prompt: the console user's credentials stand in for what is typed.
  { name: 'Credential', type: 'string' },
  ...CONFIRM,
];

export const NET_DECLS: readonly CommandDecl[] = [
  {
    name: 'ipconfig',
    aliases: ['ipconfig.exe'],
    shell: 'both',
    switches: ['/all', '/release', '/renew', '/flushdns', '/displaydns', '/registerdns'],
    synopsis: 'Displays all current TCP/IP network configuration values and refreshes DHCP and DNS settings.',
  },
  {
    name: 'ping',
    aliases: ['ping.exe'],
    shell: 'both',
    switches: ['-t', '-a', '-n', '-l', '-4', '-6'],
    synopsis:
      'Verifies IP-level connectivity to another TCP/IP computer by sending ICMP Echo Request messages.',
  },
  {
    name: 'nslookup',
    aliases: ['nslookup.exe'],
    shell: 'both',
    synopsis: 'Displays information that you can use to diagnose Domain Name System (DNS) infrastructure.',
  },
  {
    name: 'klist',
    aliases: ['klist.exe'],
    shell: 'both',
    switches: ['tickets', 'tgt', 'purge', 'sessions', 'get'],
    synopsis: 'Displays a list of currently cached Kerberos tickets.',
  },
  {
    name: 'gpupdate',
    aliases: ['gpupdate.exe'],
    shell: 'both',
    switches: ['/force', '/target:computer', '/target:user', '/wait:0'],
    synopsis: 'Updates Group Policy settings.',
  },
  {
    name: 'netsh',
    aliases: ['netsh.exe'],
    shell: 'both',
    switches: ['winhttp', 'interface', 'advfirewall'],
    synopsis: 'Displays or modifies the network configuration of a computer (network shell).',
  },
  {
    name: 'nltest',
    aliases: ['nltest.exe'],
    shell: 'both',
    switches: ['/sc_query:', '/sc_verify:', '/sc_reset:', '/dsgetdc:', '/dclist:', '/domain_trusts'],
    synopsis:
      'Lists domain controllers, forces a remote shutdown, queries the status of trust, tests trust relationships and the state of domain controller replication.',
  },
  {
    ...DNS_CLIENT,
    name: 'Get-DnsClientServerAddress',
    className: 'Get-DnsClientServerAddress',
    params: [
      ...INTERFACE,
      {
        name: 'AddressFamily',
        type: 'enum',
        values: ['IPv4', 'IPv6'],
        typeName: 'Microsoft.PowerShell.Cmdletization.GeneratedTypes.DnsClientServerAddress.AddressFamily',
      },
      ...CIM,
    ],
    synopsis: 'Gets DNS server IP addresses from the TCP/IP properties on an interface.',
  },
  {
    ...DNS_CLIENT,
    name: 'Set-DnsClientServerAddress',
    className: 'Set-DnsClientServerAddress',
    params: [
      ...INTERFACE,
      { name: 'ServerAddresses', type: 'strings', aliases: ['Addresses'] },
      { name: 'ResetServerAddresses', type: 'switch', aliases: ['ResetAddresses'] },
      { name: 'Validate', type: 'switch' },
      { name: 'PassThru', type: 'switch' },
      ...CIM,
      ...CONFIRM,
    ],
    synopsis: 'Sets DNS server addresses associated with the TCP/IP properties on an interface.',
  },
  {
    ...DNS_CLIENT,
    name: 'Clear-DnsClientCache',
    className: 'Clear-DnsClientCache',
    params: [...CIM, ...CONFIRM],
    synopsis: 'Clears the contents of the DNS client cache.',
  },
  {
    ...DNS_CLIENT,
    name: 'Resolve-DnsName',
    className: 'Microsoft.DnsClient.Commands.ResolveDnsName',
    params: [
      { name: 'Name', type: 'string', position: 0, mandatory: true, complete: 'host' },
      {
        name: 'Type',
        type: 'enum',
        values: RECORD_TYPES,
        typeName: 'Microsoft.DnsClient.Commands.RecordType',
        position: 1,
      },
      { name: 'Server', type: 'strings' },
      ...RESOLVE_SWITCHES.map((name) => ({ name, type: 'switch' as const })),
    ],
    synopsis: 'Performs a DNS query resolution for the specified name.',
  },
  {
    name: 'Invoke-WebRequest',
    aliases: ['iwr', 'curl', 'wget'],
    shell: 'powershell',
    module: 'Microsoft.PowerShell.Utility',
    version: '3.1.0.0',
    className: 'Microsoft.PowerShell.Commands.InvokeWebRequestCommand',
    params: [
      { name: 'Uri', type: 'string', position: 0, mandatory: true },
      { name: 'Method', type: 'string' },
      { name: 'UseBasicParsing', type: 'switch' },
      { name: 'TimeoutSec', type: 'int' },
    ],
    synopsis: 'Gets content from a web page on the internet.',
  },
  {
    name: 'Invoke-RestMethod',
    aliases: ['irm'],
    shell: 'powershell',
    module: 'Microsoft.PowerShell.Utility',
    version: '3.1.0.0',
    className: 'Microsoft.PowerShell.Commands.InvokeRestMethodCommand',
    params: [
      { name: 'Uri', type: 'string', position: 0, mandatory: true },
      { name: 'Method', type: 'string' },
      { name: 'UseBasicParsing', type: 'switch' },
      { name: 'TimeoutSec', type: 'int' },
    ],
    synopsis: 'Sends an HTTP or HTTPS request to a RESTful web service.',
  },
  {
    name: 'Test-NetConnection',
    aliases: ['tnc'],
    shell: 'powershell',
    module: 'NetTCPIP',
    version: '1.0.0.0',
    commandType: 'Function',
    className: 'Test-NetConnection',
    params: [
      {
        name: 'ComputerName',
        type: 'string',
        position: 0,
        aliases: ['RemoteAddress', 'cn'],
        complete: 'host',
      },
      { name: 'CommonTCPPort', type: 'string', position: 1, values: ['HTTP', 'RDP', 'SMB', 'WINRM'] },
      { name: 'Port', type: 'int', aliases: ['RemotePort'] },
      { name: 'InformationLevel', type: 'string', values: ['Quiet', 'Detailed'] },
      { name: 'TraceRoute', type: 'switch' },
      { name: 'Hops', type: 'int' },
    ],
    synopsis: 'Displays diagnostic information for a connection.',
  },
  {
    name: 'Test-ComputerSecureChannel',
    shell: 'powershell',
    module: 'Microsoft.PowerShell.Management',
    version: '3.1.0.0',
    className: `${PS_COMMANDS}.TestComputerSecureChannelCommand`,
    params: channelParams(true),
    synopsis: 'Tests and repairs the secure channel between the local computer and its domain.',
  },
  {
    name: 'Reset-ComputerMachinePassword',
    shell: 'powershell',
    module: 'Microsoft.PowerShell.Management',
    version: '3.1.0.0',
    className: `${PS_COMMANDS}.ResetComputerMachinePasswordCommand`,
    params: channelParams(false),
    synopsis: 'Resets the machine account password for the computer.',
  },
];
