/** Services: the Microsoft.PowerShell.Management cmdlets and sc.exe. */
import { CONFIRM, PS_COMMANDS, SERVICE_CHANGE, SERVICE_NAMES } from './params';
import type { CommandDecl } from './types';

const MANAGEMENT = {
  shell: 'powershell',
  module: 'Microsoft.PowerShell.Management',
  version: '3.1.0.0',
} as const;

export const SERVICE_DECLS: readonly CommandDecl[] = [
  {
    ...MANAGEMENT,
    name: 'Get-Service',
    aliases: ['gsv'],
    className: `${PS_COMMANDS}.GetServiceCommand`,
    params: [
      ...SERVICE_NAMES,
      { name: 'DependentServices', type: 'switch', aliases: ['DS'] },
      { name: 'RequiredServices', type: 'switch', aliases: ['SDO', 'ServicesDependedOn'] },
    ],
    synopsis: 'Gets the services on a local or remote computer.',
  },
  {
    ...MANAGEMENT,
    name: 'Start-Service',
    aliases: ['sasv'],
    className: `${PS_COMMANDS}.StartServiceCommand`,
    params: SERVICE_CHANGE,
    synopsis: 'Starts one or more stopped services.',
  },
  {
    ...MANAGEMENT,
    name: 'Stop-Service',
    aliases: ['spsv'],
    className: `${PS_COMMANDS}.StopServiceCommand`,
    params: [...SERVICE_CHANGE, { name: 'Force', type: 'switch' }, { name: 'NoWait', type: 'switch' }],
    synopsis: 'Stops one or more running services.',
  },
  {
    ...MANAGEMENT,
    name: 'Restart-Service',
    className: `${PS_COMMANDS}.RestartServiceCommand`,
    params: [...SERVICE_CHANGE, { name: 'Force', type: 'switch' }],
    synopsis: 'Stops and then starts one or more services.',
  },
  {
    ...MANAGEMENT,
    name: 'Set-Service',
    className: `${PS_COMMANDS}.SetServiceCommand`,
    params: [
      {
        name: 'Name',
        type: 'string',
        position: 0,
        mandatory: true,
        aliases: ['ServiceName', 'SN'],
        complete: 'service',
      },
      {
        name: 'StartupType',
        type: 'enum',
        values: ['Boot', 'System', 'Automatic', 'Manual', 'Disabled'],
        typeName: 'System.ServiceProcess.ServiceStartMode',
        aliases: ['StartMode', 'SM', 'ST'],
      },
      // A ValidateSet, not an enum: the binder takes any string and the cmdlet checks it.
      { name: 'Status', type: 'string', values: ['Running', 'Stopped', 'Paused'] },
      { name: 'PassThru', type: 'switch' },
      ...CONFIRM,
    ],
    synopsis: 'Starts, stops, and suspends a service, and changes its properties.',
  },
  {
    name: 'sc.exe',
    shell: 'both',
    switches: ['query', 'queryex', 'qc', 'start', 'stop', 'config', 'failure', 'qfailure'],
    synopsis: 'Communicates with the Service Control Manager and services.',
  },
  {
    // In PowerShell `sc` is the Set-Content alias (it runs, and quietly does nothing here).
    name: 'sc',
    shell: 'both',
    switches: ['query', 'queryex', 'qc', 'start', 'stop', 'config', 'failure', 'qfailure'],
    synopsis: 'Displays or configures services (background processes).',
  },
];
