/**
 * net.exe's own texts (Windows Server 2022): its messages, NET HELPMSG's table, and how it prints a
 * NET error and a system error. Shared by the net subcommands (netExe.ts, netServices.ts).
 */
export const NET = {
  ok: 'The command completed successfully.',
  usage: [
    'The syntax of this command is:',
    '',
    'NET',
    '    [ ACCOUNTS | COMPUTER | CONFIG | CONTINUE | FILE | GROUP | HELP |',
    '      HELPMSG | LOCALGROUP | PAUSE | SESSION | SHARE | START |',
    '      STATISTICS | STOP | TIME | USE | USER | VIEW ]',
    '',
  ],
  dcOnly: 'This command can be used only on a Windows Domain Controller.',
  policyRejected:
    'The password does not meet the password policy requirements. Check the minimum password length, password complexity and password history requirements.',
  alreadyStarted: 'The requested service has already been started.',
  invalidService: 'The service name is invalid.',
  cannotStop: 'The requested pause, continue, or stop is not valid for this service.',
  disabled:
    'The service cannot be started, either because it is disabled or because it has no enabled devices associated with it.',
  continuePrompt: 'Do you want to continue this operation? (Y/N) [N]:',
  needsY: 'HybridLab: this console cannot answer the question. Run the command again with /y to answer Yes.',
  noPasswordPrompt:
    'HybridLab: this console cannot ask for a password. Type it on the command line: net user <name> <password> /domain.',
} as const;

/** NET HELPMSG texts (and the Win32 errors net prints as "System error N has occurred."). */
export const HELPMSG: Record<number, string> = {
  5: 'Access is denied.',
  53: 'The network path was not found.',
  1058: NET.disabled,
  1326: 'The user name or password is incorrect.',
  1355: 'The specified domain either does not exist or could not be contacted.',
  2182: NET.alreadyStarted,
  2185: NET.invalidService,
  2191: NET.cannotStop,
  2220: 'The group name could not be found.',
  2202: 'The specified username is invalid.',
  2221: 'The user name could not be found.',
  2224: 'The account already exists.',
  2245: NET.policyRejected,
  3515: NET.dcOnly,
  3521: '*** service is not started.',
};

/** A NET error: the message, then "More help is available by typing NET HELPMSG n." */
export function netError(code: number, text = HELPMSG[code] ?? ''): string[] {
  return [text, '', `More help is available by typing NET HELPMSG ${code}.`, ''];
}

export function systemError(code: number): string[] {
  return [`System error ${code} has occurred.`, '', HELPMSG[code] ?? '', ''];
}
