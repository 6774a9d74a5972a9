/** What w32tm prints in its own words: its fixed lines, and how it shows poll intervals and seconds. */

/** w32tm's own lines (reference §6.6 for status and resync; the rest from Windows Server 2022). */
export const W32TM_TEXT = {
  sending: 'Sending resync command to local computer',
  completed: 'The command completed successfully.',
  noData: 'The computer did not resync because no time data was available.',
  notStarted: 'The following error occurred: The service has not been started. (0x80070426)',
  badParameter: 'The following error occurred: The parameter is incorrect. (0x80070057)',
  noSuchHost: 'The following error occurred: No such host is known. (0x80072AF9)',
  sampleTimeout: 'error: 0x800705B4',
  sampleRefused: 'error: 0x80072746',
  usage: [
    'w32tm [/? | /register | /unregister ]',
    '  ? - this help screen.',
    '  register - register to run as a service and add default',
    '    configuration to the registry.',
    '  unregister - unregister service and remove all configuration',
    '    information from the registry.',
    '',
    'w32tm /resync [/computer:<computer>] [/nowait] [/rediscover] [/soft]',
    '  Tell a computer that it should resynchronize its clock as soon',
    '  as possible, throwing out all accumulated error statistics.',
    '',
    'w32tm /stripchart /computer:<target> [/period:<refresh>]',
    '    [/dataonly] [/samples:<count>] [/packetinfo] [/ipprotocol:<4|6>]',
    '  Display a strip chart of the offset between this computer and',
    '  another computer.',
    '',
    'w32tm /config [/computer:<target>] [/update]',
    '    [/manualpeerlist:<peers>] [/syncfromflags:<source>]',
    '    [/LocalClockDispersion:<seconds>]',
    '    [/reliable:(YES|NO)]',
    '    [/largephaseoffset:<milliseconds>]',
    '',
    'w32tm /tz',
    '  Display the current time zone settings.',
    '',
    'w32tm /query [/computer:<target>]',
    '    {/source | /configuration | /peers | /status}',
    '    [/verbose]',
    '',
  ],
} as const;

/** How w32tm shows a poll interval: `10 (1024s)`. */
export const pollText = (log2: number) => `${log2} (${2 ** log2}s)`;

/** What a seconds value looks like in w32tm: seven decimals, `s` after. */
export const secs = (s: number) => `${s.toFixed(7)}s`;
