/**
 * The Application-log entries Entra Connect writes, with their real sources and event IDs
 * (reference §3.3–§3.5). Message bodies beyond the documented phrases are templated as the
 * reference suggests ("TrackingId: <guid>, <EventName>, Details: ..."), which is unconfirmed.
 */
import type { NewEvent } from '../windows/eventlog';

const PRS = 'PasswordResetService';
const DS = 'Directory Synchronization';
const ADSYNC = 'ADSync';

function app(source: string, eventId: number, level: NewEvent['level'], message: string): NewEvent {
  return { log: 'Application', source, eventId, level, message };
}

export const WRITEBACK_VERSION = '5.0.0.686';

/** The request a PasswordResetService "start" event says it received (31006 is a change). */
const START_CONTEXT = {
  reset: 'Reset',
  unlock: 'Unlock',
  change: 'Change password',
  'admin-reset': 'Reset',
} as const;

export const writebackEvents = {
  started: () =>
    app(
      PRS,
      31015,
      'Information',
      'WriteBackServiceStarted: Password writeback service endpoint is started and ready to process requests.',
    ),
  stopped: () =>
    app(
      PRS,
      31016,
      'Warning',
      'WriteBackServiceStopped: Password writeback service has stopped. Requests will fail until the service is started.',
    ),
  heartbeat: (ns: string) =>
    app(
      PRS,
      31019,
      'Information',
      `ServiceBusHeartBeat: Successfully sent heartbeat request to Service Bus namespace ${ns}.`,
    ),
  /**
   * 31034. With TLS 1.2 disabled the TCP connect succeeds and the TLS handshake fails: .NET's
   * SslStream reports SEC_E_ALGORITHM_MISMATCH ("no common algorithm"). "The remote certificate is
   * invalid" belongs to missing root certificates, which Microsoft's writeback troubleshooting
   * page lists as a separate cause (reference 2.5, L8).
   */
  listenerError: (ns: string, handshake = false) =>
    app(
      PRS,
      31034,
      'Error',
      handshake
        ? `ServiceBusListenerError: Unable to connect to the Service Bus listener for namespace ${ns}. Details: The underlying connection was closed: An unexpected error occurred on a send. ---> System.Security.Authentication.AuthenticationException: A call to SSPI failed, see inner exception. ---> System.ComponentModel.Win32Exception: The client and server cannot communicate, because they do not possess a common algorithm`
        : `ServiceBusListenerError: Unable to connect to the Service Bus listener for namespace ${ns}. Details: No connection could be made because the target machine did not respond.`,
    ),
  serviceBusError: (ns: string, tracking: string) =>
    app(
      PRS,
      32002,
      'Error',
      `TrackingId: ${tracking}, ServiceBusError, Details: Error Connecting to ServiceBus. The token provider was unable to provide a security token. Endpoint: https://${ns}`,
    ),
  unhealthy: () =>
    app(
      PRS,
      31044,
      'Error',
      `Password writeback service is not in a healthy state. No serviceHost for service bus endpoints are in running state. Please refer aka.ms/ssprtroubleshoot, Details: Version: ${WRITEBACK_VERSION}`,
    ),
  healthReportError: () =>
    app(
      PRS,
      32015,
      'Error',
      'ReportServiceHealthError: Failed to report the health of the password writeback service to the cloud (heartbeat).',
    ),
  retried: (ns: string) =>
    app(
      PRS,
      32014,
      'Warning',
      `ServiceBusWarning: Had to retry the connection to Service Bus namespace ${ns}; the connection is established now.`,
    ),
  onboardingStart: () =>
    app(PRS, 31004, 'Information', 'OnboardingEventStart: Password writeback onboarding has started.'),
  authToken: () =>
    app(
      PRS,
      31017,
      'Information',
      'AuthTokenSuccess: Successfully retrieved an authorization token for the Global Administrator.',
    ),
  keyPair: () =>
    app(
      PRS,
      31018,
      'Information',
      'KeyPairCreationSuccess: Successfully created the password encryption key.',
    ),
  onboardingSuccess: () =>
    app(
      PRS,
      31005,
      'Information',
      'OnboardingEventSuccess: Password writeback onboarding completed successfully.',
    ),
  offboardingStart: () =>
    app(PRS, 31012, 'Information', 'OffboardingEventStart: Password writeback offboarding has started.'),
  offboardingSuccess: () =>
    app(
      PRS,
      31013,
      'Information',
      'OffboardingEventSuccess: Password writeback offboarding completed successfully.',
    ),
  start: (op: 'reset' | 'change' | 'unlock' | 'admin-reset', tracking: string, upn: string) => {
    const [id, name] =
      op === 'change'
        ? [31006, 'ChangePasswordStart']
        : op === 'admin-reset'
          ? [31009, 'ResetUserPasswordByAdminStart']
          : [31001, 'PasswordResetStart'];
    return app(
      PRS,
      id as number,
      'Information',
      `TrackingId: ${tracking}, ${name}, Details: Context: ${START_CONTEXT[op]} request received for ${upn}.`,
    );
  },
  success: (op: 'reset' | 'change' | 'unlock' | 'admin-reset', tracking: string, upn: string) => {
    const [id, name] =
      op === 'change'
        ? [31007, 'ChangePasswordSuccess']
        : op === 'admin-reset'
          ? [31010, 'ResetUserPasswordByAdminSuccess']
          : [31002, 'PasswordResetSuccess'];
    return app(
      PRS,
      id as number,
      'Information',
      `TrackingId: ${tracking}, ${name}, Details: The password for ${upn} was ${op === 'unlock' ? 'unlocked' : 'set'} in Active Directory.`,
    );
  },
  fail: (op: 'reset' | 'change' | 'unlock' | 'admin-reset', tracking: string, upn: string) => {
    const [id, name] =
      op === 'change'
        ? [31008, 'ChangePasswordFail']
        : op === 'admin-reset'
          ? [31011, 'ResetUserPasswordByAdminFail']
          : [31003, 'PasswordResetFail'];
    return app(
      PRS,
      id as number,
      'Error',
      `TrackingId: ${tracking}, ${name}, Details: The operation for ${upn} failed in Active Directory.`,
    );
  },
  adError: (code: 33001 | 33002 | 33004 | 33005 | 33006 | 33007 | 33008, tracking: string, dn: string) => {
    const name: Record<number, string> = {
      33001: 'ADUnKnownError',
      33002: 'ADUserNotFoundError',
      33004: 'ADPermissionsError',
      33005: 'ADUserAccountDisabled',
      33006: 'ADUserAccountLockedOut',
      33007: 'ADUserIncorrectPassword',
      33008: 'ADPasswordPolicyError',
    };
    const detail: Record<number, string> = {
      33001: 'An unknown error occurred in Active Directory.',
      33002: 'The user could not be found in the on-premises directory.',
      33004:
        'The management agent was denied access. The AD DS connector account does not have the required permissions on the user object.',
      33005: 'The account is disabled in Active Directory.',
      33006: 'The account is locked out in Active Directory.',
      33007: 'The current password supplied was incorrect.',
      33008:
        'The password does not meet the password policy requirements (length, complexity, age or history).',
    };
    return app(
      PRS,
      code,
      'Error',
      `TrackingId: ${tracking}, ${name[code]}, Details: ${detail[code]} DN: ${dn}`,
    );
  },
};

export const adsyncEvents = {
  policyRestriction: () =>
    app(
      ADSYNC,
      6329,
      'Error',
      'BAIL: MMS(4924) 0x80230619: "A restriction prevents the password from being changed to the current one specified."',
    ),
  accessDenied: (account: string, netbios: string) =>
    app(
      ADSYNC,
      6329,
      'Error',
      `ERR_: MMS(4924): admaexport.cpp(2944): Failed to acquire user information: ${netbios}\\${account}. Error Code: ERROR_ACCESS_DENIED`,
    ),
  ldapSignEncrypt: () =>
    app(
      ADSYNC,
      6329,
      'Error',
      'The password could not be set because the server is not configured for insecure setting of passwords, or a 128 bit TLS or SSL connection is required. (0x8023062C)',
    ),
  notEnabledOnMa: () =>
    app(
      ADSYNC,
      6329,
      'Error',
      'ERR_: MMS(4924): admaexport.cpp(2948): 0x8023061f (The operation failed because password synchronization is not enabled on this Management Agent)',
    ),
  nameTooLong: () =>
    app(
      ADSYNC,
      6329,
      'Error',
      'Synchronization Engine returned an error hr=800700CE, message=The filename or extension is too long',
    ),
  cycleStarted: (policy: 'Delta' | 'Initial') =>
    app(
      ADSYNC,
      904,
      'Information',
      `Scheduler::SchedulerThreadMain : Started ${policy === 'Initial' ? 'an Initial' : 'a Delta'} sync cycle.`,
    ),
  cycleCompleted: () =>
    app(
      ADSYNC,
      904,
      'Information',
      'Scheduler::SchedulerThreadMain : Completed configured scheduler operations.',
    ),
  runFailed: (connector: string, profile: string, status: string) =>
    app(
      ADSYNC,
      6100,
      'Error',
      `The management agent "${connector}" failed on run profile "${profile}" because of connectivity issues. (Result: ${status})`,
    ),
  serviceStarted: () => app(ADSYNC, 6127, 'Information', 'The Microsoft Azure AD Sync service has started.'),
};

export const phsEvents = {
  started: () => app(DS, 601, 'Information', 'Password synchronization manager is starting.'),
  stopped: () => app(DS, 602, 'Information', 'Password synchronization manager is stopping.'),
  domainFailed: (domain: string, detail: string) =>
    app(DS, 611, 'Error', `Password synchronization failed for domain: ${domain}.\n\nDetails:\n${detail}`),
  notActivatedPaused: () =>
    app(
      DS,
      613,
      'Warning',
      'Password synchronization is paused because a directory full synchronization has not completed yet.',
    ),
  fullStartForest: (forest: string) =>
    app(DS, 617, 'Information', `Full password hash synchronization started for forest: ${forest}`),
  fullStartDomain: (domain: string) =>
    app(DS, 618, 'Information', `Full password hash synchronization started for domain: ${domain}`),
  fullDoneDomain: (domain: string) =>
    app(DS, 622, 'Information', `Full password hash synchronization completed for domain: ${domain}`),
  fullDoneForest: (forest: string) =>
    app(DS, 623, 'Information', `Full password hash synchronization completed for forest: ${forest}`),
  batchStart: (count: number) =>
    app(DS, 650, 'Information', `Provision credentials batch start. Count: ${count}`),
  batchEnd: (count: number) =>
    app(DS, 651, 'Information', `Provision credentials batch end. Count: ${count}`),
  batchFailed: (detail: string) =>
    app(DS, 652, 'Error', `Failed credential provisioning batch. Error: ${detail}`),
  pingStart: () => app(DS, 653, 'Information', 'Provision credentials ping start.'),
  pingEnd: () => app(DS, 654, 'Information', 'Provision credentials ping end.'),
  pingFailed: (detail: string) =>
    app(DS, 655, 'Error', `Failed credential provisioning ping. Error: ${detail}`),
  request: (anchor: string, dn: string, when: string) =>
    app(
      DS,
      656,
      'Information',
      `Password Change Request - Anchor: ${anchor}, Dn: ${dn}, Change Date: ${when}`,
    ),
  result: (anchor: string, dn: string, ok: boolean) =>
    app(
      DS,
      657,
      'Information',
      `Password Change Result - Anchor: ${anchor}, Dn: ${dn}, Result: ${ok ? 'Success' : 'Failed'}.`,
    ),
};

/** Error text of a provisioning failure, as Microsoft prints it (reference §3.5). */
export function provisionError(code: number, tracking: string, server: string): string {
  if (code === 90) {
    return `Microsoft.Online.Coexistence.ProvisionException: An error occurred. Error Code: 90. Error Description: Password Synchronization has not been activated for this company. Tracking ID: ${tracking} Server Name: ${server}.`;
  }
  return `Microsoft.Online.Coexistence.ProvisionException: An error occurred. Error Code: 81. Error Description: Windows Azure Active Directory is currently busy. This operation will be retried automatically. Tracking ID: ${tracking} Server Name: ${server}.`;
}
