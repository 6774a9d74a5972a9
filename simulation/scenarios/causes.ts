/**
 * Each catalog fault's root cause in plain words for the debrief, and how to recognise the lab's
 * own evidence of it: the event IDs it makes a host log, and the words that, in what a learner met
 * (an SSPR page, a PC's sign-in message, a console's output), reveal it. The debrief quotes only
 * what the lab actually produced in the run (debrief.ts); these are patterns, never texts to show.
 * Learner-hidden until the run ends: only the debrief reads this module. Pure data.
 */

export interface CauseSpec {
  /** What was wrong and why it broke what the user saw, in a sentence or two. */
  cause: string;
  /** The fix in words (one valid route; the grader accepts any that makes the fault go away). */
  fix: string;
  /** Event IDs a host logs because of it (any host, any log). */
  events: readonly number[];
  /** Words in an error page, sign-in message or console output that reveal it (case-insensitive). */
  reveals: readonly string[];
}

const WRITEBACK_CHAIN = [31016, 31034, 31044, 32002, 33001, 33002];

export const CAUSES: Readonly<Record<string, CauseSpec>> = {
  L1: {
    cause:
      'Self-service password reset was set to None in the tenant, so nobody was allowed to reset a password online.',
    fix: 'Password reset > Properties: set "Self service password reset enabled" to All (or Selected with a group the users are in).',
    events: [],
    reveals: ['SSPR_0009'],
  },
  L2: {
    cause:
      'SSPR was limited to a selected group, and the user was not a member of it, so the reset page turned them away.',
    fix: 'Add the user to the selected group, or widen Password reset > Properties to All.',
    events: [],
    reveals: ['SSPR_0013'],
  },
  L3: {
    cause:
      'The user had no Entra ID P1 licence, and writeback of a reset to AD needs one, so the reset page refused them.',
    fix: 'Assign the Entra ID P1 licence to the user.',
    events: [],
    reveals: ['SSPR_0012'],
  },
  L4: {
    cause:
      'The policy required two verification methods, but the user had only one registered, so the reset could not verify them.',
    fix: 'Register a second method for the user, or require one method.',
    events: [],
    reveals: ['SSPR_0014', 'could not verify your account'],
  },
  L5: {
    cause:
      'Password writeback was switched off in the tenant (On-premises integration), so a synced user could not reset their AD password from the cloud.',
    fix: 'Password reset > On-premises integration: enable password write back for synced users.',
    events: [],
    reveals: ['SSPR_0010'],
  },
  L6: {
    cause:
      'The ADSync service was stopped on the Connect server, so the writeback listener was down and no reset could reach AD (and password hash sync stopped too).',
    fix: 'Start the ADSync service (Microsoft Azure AD Sync) on SYNC01.',
    events: [31016, 7036, ...WRITEBACK_CHAIN],
    reveals: ['SSPR_0030', 'Stopped\\s+ADSync', 'can.t connect to your on-premises writeback client'],
  },
  L7: {
    cause:
      'The gateway firewall dropped outbound TCP 443 from the Connect server, so its writeback listener could not reach the Service Bus relay in Azure and resets never got to AD.',
    fix: 'Delete the blocking rule on the gateway (or allow TCP 443 to *.servicebus.windows.net).',
    events: [32002, 31034, 31044, 33001],
    reveals: ['SSPR_0030', 'TcpTestSucceeded\\s*:\\s*False', 'TCP connect to .* failed'],
  },
  L8: {
    cause:
      'TLS 1.2 was disabled for .NET on the Connect server, so its connection to the relay failed and the writeback listener could not come up.',
    fix: 'Set the TLS 1.2 client registry values back (Enabled 1, DisabledByDefault 0) and restart SYNC01.',
    events: [31034, 31044, 32002],
    reveals: ['SSPR_0030', 'remote certificate', 'DisabledByDefault\\s*:?\\s*1'],
  },
  L9: {
    cause:
      "Inheritance was disabled on the user's OU, so the connector account had no Reset password permission there and AD refused the written-back reset.",
    fix: 'Re-enable inheritance on the OU (or grant the connector account Reset password on it).',
    events: [31003, 33004],
    reveals: ['SSPR_0029', 'denied access', 'ADPermissionsError'],
  },
  L10: {
    cause:
      'The user was in Domain Admins (adminCount=1, AdminSDHolder protection), so the connector account may not reset their password: writeback refuses protected accounts by design.',
    fix: 'Take the user out of Domain Admins (and restore inheritance), or reset them on-premises.',
    events: [33004],
    reveals: ['SSPR_0029', 'adminCount\\s*:\\s*1'],
  },
  L11: {
    cause:
      'The domain requires a minimum password age of 1 day and the user had already changed the password today, so AD refused another change.',
    fix: 'Set the minimum password age to 0 (or wait a day), then reset.',
    events: [33008, 31003, 4724],
    reveals: ['Minimum password age \\(days\\):\\s*1', 'Password changeable', 'password policy'],
  },
  L12: {
    cause: "The wanted password was one of the last 24 in the account's history, so AD refused it.",
    fix: 'Choose a password the user has not used before.',
    events: [33008, 31003, 4724],
    reveals: ['PasswordHistoryCount', 'password policy'],
  },
  L13: {
    cause:
      'AD required at least 14 characters, more than the cloud asks for, so a password the reset page accepted was refused by AD.',
    fix: 'Choose a password of at least 14 characters (or lower the AD minimum length).',
    events: [33008, 31003, 4724],
    reveals: ['MinPasswordLength\\s*:\\s*14', 'Minimum password length\\s*:?\\s*14', 'password policy'],
  },
  L14: {
    cause:
      'The AD account was locked out by bad sign-ins on the PC, so even the right password was refused there.',
    fix: 'Unlock the account (SSPR unlock or reset, or Active Directory Users and Computers).',
    events: [4740, 4625, 4771],
    reveals: ['locked out', 'LockedOut\\s*:\\s*True'],
  },
  L15: {
    cause:
      'The connector account lacked Write lockoutTime, so an unlock without a reset could not be written back to AD.',
    fix: 'Grant the connector account Write lockoutTime on the users (Set-ADSyncUnlockAccountPermissions or ADUC).',
    events: [33006, 31003, 33004],
    reveals: ['lockoutTime', 'denied access'],
  },
  L16: {
    cause:
      "A hardening policy set RestrictRemoteSam on the DC without the connector account, so it could not read the user's information over remote SAM and writeback failed.",
    fix: 'Allow the connector account in RestrictRemoteSam (or remove the value) on DC01.',
    events: [33004, 6329],
    reveals: ['SSPR_0029', 'RestrictRemoteSam', 'ERROR_ACCESS_DENIED'],
  },
  L17: {
    cause:
      'The Connect server was in staging mode: it imports and computes but exports nothing, and its writeback listener is off.',
    fix: 'Run the Entra Connect wizard > Configure staging mode and untick it.',
    events: [],
    reveals: ['StagingModeEnabled\\s*:\\s*True', 'SSPR_0030'],
  },
  L18: {
    cause:
      'The sync scheduler was disabled (SyncCycleEnabled False), so changes in AD such as a new group membership never reached the cloud.',
    fix: 'Set-ADSyncScheduler -SyncCycleEnabled $true, then Start-ADSyncSyncCycle -PolicyType Delta.',
    events: [],
    reveals: ['SyncCycleEnabled\\s*:\\s*False'],
  },
  L19: {
    cause:
      'Password hash sync was disabled for the AD connector, so a password changed in AD never reached Entra ID.',
    fix: 'Re-run the Entra Connect wizard and tick Password hash synchronization.',
    events: [652, 655],
    // Get-ADSyncAADPasswordSyncConfiguration prints a table: the connector pair, then Enabled False.
    reveals: ['Enabled\\s*:\\s*False', '- AAD\\s+False\\s*$', 'has not been activated'],
  },
  L20: {
    cause:
      'The connector account lost Replicating Directory Changes All on the domain, so password hash sync could not read password hashes.',
    fix: 'Give the connector account Replicating Directory Changes All again (Set-ADSyncPasswordHashSyncPermissions).',
    events: [611],
    reveals: ['8453', 'Replication access was denied'],
  },
  L21: {
    cause: 'The Connect server used 8.8.8.8 as its DNS server, so it could not find the domain controller.',
    fix: "Point SYNC01's DNS at the DC (192.168.6.2).",
    events: [611, 616, 33001, 33002],
    reveals: ['1355', 'ERROR_NO_SUCH_DOMAIN', '8\\.8\\.8\\.8'],
  },
  L22: {
    cause:
      'The password was reset in the Microsoft 365 admin center, which changes the cloud password only: it is not written back, so AD still had the old one.',
    fix: 'Reset through the Entra admin center (written back) or SSPR, or in AD.',
    events: [],
    reveals: ['password is incorrect'],
  },
  L23: {
    cause:
      'The AD forest was removed and added again after writeback was enabled, so the new connector did not have writeback turned on.',
    fix: 'Turn password writeback off and on again in the Entra Connect wizard.',
    events: [6329, 33001],
    reveals: ['0x8023061f', 'password synchronization is not enabled'],
  },
  L24: {
    cause:
      'The connector account password was longer than 256 characters, so the writeback client could not use it.',
    fix: 'Set a shorter connector account password in AD and in the connector credentials.',
    events: [6329, 33001],
    reveals: ['800700CE', 'too long'],
  },
  L25: {
    cause:
      "Sign and Encrypt LDAP Traffic was off on the AD connector, so the DC refused the connector's password operations.",
    fix: 'Tick Sign and Encrypt LDAP Traffic in Synchronization Service Manager and restart ADSync.',
    events: [6329, 33001],
    reveals: ['8023062C', '128 bit'],
  },
  L26: {
    cause:
      'The DHCP server on DC01 was stopped, so the PC fell back to an APIPA address, could not reach the DC, and signed in with cached (old) credentials.',
    fix: 'Start the DHCP Server service on DC01, then ipconfig /renew on the PC.',
    events: [1007, 7036],
    reveals: ['169\\.254\\.', 'cached account information'],
  },
  L27: {
    cause:
      "The PC's DNS server was 8.8.8.8, so it could not find the domain controller and fell back to cached credentials.",
    fix: "Set the PC's DNS server to the DC (192.168.6.2).",
    events: [5805],
    reveals: ['1355', 'ERROR_NO_SUCH_DOMAIN', 'Non-existent domain', '8\\.8\\.8\\.8'],
  },
  L28: {
    cause:
      "The PC's clock was 10 minutes off, more than Kerberos' 5-minute tolerance, so the DC refused its sign-ins.",
    fix: 'Fix the time source and run w32tm /resync on the PC.',
    events: [4771],
    reveals: ['time and/or date difference', 'Local CMOS Clock', '0x576'],
  },
  L29: {
    cause: "The PC's secure channel (computer account password) with the domain was broken.",
    fix: 'Test-ComputerSecureChannel -Repair (or rejoin the domain).',
    events: [3210, 5805],
    reveals: ['trust relationship', 'ERROR_ACCESS_DENIED'],
  },
  L30: {
    cause: 'The user kept typing the old password on the PC after the reset.',
    fix: 'Sign in with the new password.',
    events: [4771, 4625],
    reveals: ['password is incorrect'],
  },
  L31: {
    cause: 'The user had reset too often within an hour, so SSPR blocked them for 24 hours.',
    fix: 'Wait for the block to lapse (or reset for them as an admin).',
    events: [],
    reveals: ['Blocked', 'too many'],
  },
  L32: {
    cause:
      'The user held an admin role, and SSPR for administrators was off, so the reset page refused them.',
    fix: 'Remove the role (or allow administrators to use SSPR).',
    events: [],
    reveals: ['SSPR_009\\b'],
  },
  L33: {
    cause:
      'The password was reset in AD with "must change at next logon", and the cloud had not caught up yet.',
    fix: 'Wait for password hash sync (two minutes), then sign in again.',
    events: [],
    reveals: ['take a little time to catch up', 'must be changed'],
  },
};

export function causeOf(fault: string): CauseSpec | undefined {
  return CAUSES[fault];
}
