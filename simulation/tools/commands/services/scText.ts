/**
 * sc.exe's own texts: its errors and messages, the usage of sc and of `sc config`, and the start=
 * values it takes.
 */
import type { ConsoleLine } from '../../../windows/hostState';
import type { StartType } from '../../../windows/services';

export const scError = (...texts: string[]): ConsoleLine[] =>
  texts.map((text) => ({ kind: 'error' as const, text }));

export const SC_MESSAGES = {
  noService: 'The specified service does not exist as an installed service.',
  alreadyRunning: 'An instance of the service is already running.',
  disabled:
    'The service cannot be started, either because it is disabled or because it has no enabled devices associated with it.',
  notStarted: 'The service has not been started.',
  dependents: 'A stop control has been sent to a service that other running services are dependent on.',
  notValid: 'The requested control is not valid for this service.',
  badParameter: 'The parameter is incorrect.',
} as const;

export const SC_USAGE = [
  'DESCRIPTION:',
  '        SC is a command line program used for communicating with the',
  '        Service Control Manager and services.',
  'USAGE:',
  '        sc <server> [command] [service name] <option1> <option2>...',
  '',
  '',
  '        The option <server> has the form "\\\\ServerName"',
  '        Further help on commands can be obtained by typing: "sc [command]"',
  '        Commands:',
  '          query-----------Queries the status for a service, or',
  '                          enumerates the status for types of services.',
  '          queryex---------Queries the extended status for a service, or',
  '                          enumerates the status for types of services.',
  '          start-----------Starts a service.',
  '          pause-----------Sends a PAUSE control request to a service.',
  '          interrogate-----Sends an INTERROGATE control request to a service.',
  '          continue--------Sends a CONTINUE control request to a service.',
  '          stop------------Sends a STOP request to a service.',
  '          config----------Changes the configuration of a service (persistent).',
  '          description-----Changes the description of a service.',
  '          failure---------Changes the actions taken by a service upon failure.',
  '          qc--------------Queries the configuration information for a service.',
  '          qdescription----Queries the description for a service.',
  '          qfailure--------Queries the actions taken by a service upon failure.',
  '          delete----------Deletes a service (from the registry).',
  '          create----------Creates a service. (adds it to the registry).',
  '          GetDisplayName--Gets the DisplayName for a service.',
  '          GetKeyName------Gets the ServiceKeyName for a service.',
  '          EnumDepend------Enumerates Service Dependencies.',
  '',
  "        The following commands don't require a service name:",
  '        sc <server> <command> <option>',
  '          boot------------(ok | bad) Indicates whether the last boot should',
  '                          be saved as the last-known-good boot configuration',
  '          Lock------------Locks the Service Database',
  '          QueryLock-------Queries the LockStatus for the SCManager Database',
  'EXAMPLE:',
  '        sc start MyService',
];

export const SC_CONFIG_USAGE = [
  'DESCRIPTION:',
  '        Modifies a service entry in the registry and Service Database.',
  'USAGE:',
  '        sc <server> config [service name] <option1> <option2>...',
  '',
  'OPTIONS:',
  'NOTE: The option name includes the equal sign.',
  '      A space is required between the equal sign and the value.',
  '      To remove the dependency, use a single / as dependency value.',
  ' type= <own|share|interact|kernel|filesys|rec|userown|usershare>',
  ' start= <boot|system|auto|demand|disabled|delayed-auto>',
  ' error= <normal|severe|critical|ignore>',
  ' binPath= <BinaryPathName to the .exe file>',
  ' group= <LoadOrderGroup>',
  ' tag= <yes|no>',
  ' depend= <Dependencies(separated by / (forward slash))>',
  ' obj= <AccountName|ObjectName>',
  ' DisplayName= <display name>',
  ' password= <password>',
];

export const SC_START_TYPES: Record<string, StartType | 'bad'> = {
  auto: 'Automatic',
  'delayed-auto': 'Automatic',
  demand: 'Manual',
  disabled: 'Disabled',
  boot: 'bad',
  system: 'bad',
};
