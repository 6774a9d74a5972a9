/**
 * The texts Windows shows on the sign-in screen and in notifications (reference §6.4, §6.5).
 * Strings marked unconfirmed are kept here so they are easy to correct.
 */
export const SIGNIN_TEXT = {
  badPassword: 'The user name or password is incorrect.',
  lockedOut: 'The referenced account is currently locked out and may not be logged on to.',
  disabled: 'Your account has been disabled. Please see your system administrator.',
  trustFailed: 'The trust relationship between this workstation and the primary domain failed.',
  domainUnavailable: (netbios: string) =>
    `The system cannot log you on now because the domain ${netbios} is not available.`,
  cachedBanner:
    'A domain controller for your domain could not be contacted. You have been logged on using cached account information. Changes to your profile since you last logged on may not be available.',
  /** unconfirmed: interactive-logon wording for Kerberos clock skew (reference §9 item 7). */
  clockSkew:
    'The system cannot log you on due to the following error: There is a time and/or date difference between the client and server. Please try again or consult your system administrator.',
  mustChange: "The user's password must be changed before signing in.",
  expired: 'Your password has expired and must be changed.',
  emptyPassword: 'The user name or password is incorrect.',
  /** Ctrl+Alt+Del > Change a password, and the forced change at sign-in. */
  passwordChanged: 'Your password has been changed.',
  passwordPolicy:
    'Unable to update the password. The value provided for the new password does not meet the length, complexity, or history requirements of the domain.',
  passwordsDontMatch: "The passwords don't match.",
  noDcForChange:
    'The system cannot contact a domain controller to service the authentication request. Please try again later.',
  accessDenied: 'Access is denied.',
} as const;

/** unconfirmed: the sign-in screen's own labels (Windows 10/11, domain-joined, Ctrl+Alt+Del required). */
export const WINDOWS_UI_TEXT = {
  lockHint: 'Press Ctrl+Alt+Delete to unlock.',
  sendCad: 'Send Ctrl+Alt+Del',
  otherUser: 'Other user',
  userName: 'User name',
  password: 'Password',
  signInOptions: 'Sign-in options',
  signInTo: (domain: string) => `Sign in to: ${domain}`,
  anotherDomain: 'How do I sign in to another domain?',
  ok: 'OK',
  cadMenu: ['Lock', 'Switch user', 'Sign out', 'Change a password', 'Task Manager'] as const,
  cancel: 'Cancel',
  changeTitle: 'Change a password',
  oldPassword: 'Old password',
  newPassword: 'New password',
  confirmPassword: 'Confirm password',
  welcome: 'Welcome',
} as const;
