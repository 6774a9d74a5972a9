/**
 * The strings the cloud's pages show: SSPR error pages with their codes (reference §3.1), the
 * verification page labels (§1.2), the on-premises integration status lines (§7.1) and sign-in
 * errors. Items the reference marks unconfirmed are marked here too, so they are easy to correct.
 */
export type SsprErrorCode =
  | 'SSPR_0009'
  | 'SSPR_009'
  | 'SSPR_0010'
  | 'SSPR_0011'
  | 'SSPR_0012'
  | 'SSPR_0013'
  | 'SSPR_0014'
  | 'SSPR_0029'
  | 'SSPR_0030';

export const SSPR_ERRORS: Record<SsprErrorCode, { heading: string; technical: string; auditReason: string }> =
  {
    SSPR_0009: {
      heading: "We're sorry",
      technical:
        "SSPR_0009: We've detected that password reset hasn't been enabled by your administrator. Contact your admin and ask them to enable password reset for your organization.",
      auditReason: 'Password reset is not enabled for this user',
    },
    SSPR_009: {
      heading:
        "You can't reset your own password because password reset isn't turned on for your organization.",
      technical:
        "SSPR_009: Your organization hasn't turned on password reset. Contact your admin and ask them to turn on password reset for your organization.",
      auditReason: 'Password reset is not enabled for administrators',
    },
    SSPR_0010: {
      heading: "We're sorry",
      technical:
        "SSPR_0010: We've detected that password writeback hasn't been enabled. Contact your admin and ask them to enable password writeback.",
      auditReason:
        "User's password is managed on-premises. You can enable Password Writeback to resolve this",
    },
    SSPR_0011: {
      heading: "We're sorry",
      technical:
        "SSPR_0011: Your organization hasn't defined a password reset policy. Contact your admin and ask them to define a password reset policy.",
      auditReason: 'No password reset policy is defined',
    },
    SSPR_0012: {
      heading: "We're sorry",
      technical:
        "SSPR_0012: Your organization doesn't have the required licenses necessary to perform password reset. Contact your admin and ask them to review the license assignments.",
      auditReason: 'User does not have a license. You can add a license to the user to resolve this',
    },
    SSPR_0013: {
      heading: "We're sorry",
      technical:
        "SSPR_0013: You aren't a member of a group enabled for password reset. Contact your admin and request to be added to the group.",
      auditReason:
        'This user is not a member of the password reset users group. Add this user to that group to resolve this.',
    },
    SSPR_0014: {
      heading: "We're sorry",
      technical:
        'SSPR_0014: Additional security info is needed to reset your password. To proceed, contact your admin and ask them to reset your password. After you can access to your account, you can register additional security info at https://aka.ms/ssprsetup. Your admin can add additional security info to your account by following the steps in Set and read authentication data for password reset.',
      auditReason:
        "User's account has insufficient authentication methods defined. Add authentication info to resolve this",
    },
    SSPR_0029: {
      heading: "We're sorry",
      technical:
        "SSPR_0029: We're unable to reset your password due to an error in your on-premises configuration. Contact your admin and ask them to investigate.",
      auditReason:
        "We encountered a problem while resetting the user's on-premises password. Check your sync machine's event log",
    },
    SSPR_0030: {
      heading: "We're sorry",
      technical:
        "SSPR_0030: We can't reset your password due to a poor connection with your on-premises environment. Contact your admin and ask them to investigate.",
      auditReason:
        "We could not reach your on-premises password reset service. Check your sync machine's event log",
    },
  };

export const SSPR_TEXT = {
  title: 'Get back into your account',
  whoAreYou: 'Who are you?',
  userIdLabel: 'Email or Username',
  captchaPrompt: 'Enter the characters in the picture or the words in the audio.',
  captchaWrong: "The characters you entered didn't match the picture. Try again.",
  /** unconfirmed: text for a user ID the tenant does not know. */
  unknownUser: "We couldn't find an account with that user ID. Check the user ID and try again.",
  emptyUser: 'Enter your user ID.',
  whyTrouble: 'Why are you having trouble signing in?',
  forgot: 'I forgot my password',
  knowButCant: "I know my password, but still can't sign in",
  verificationStep: (n: number) => `verification step ${n}`,
  chooseMethod: 'Please choose the contact method we should use for verification:',
  methods: {
    sms: 'Text my mobile phone',
    authenticatorNotification: 'Approve a notification on my authenticator app',
    authenticatorCode: 'Enter a code from my authenticator app',
    email: 'Email my alternate email',
  },
  smsPrompt:
    'In order to protect your account, we need you to enter your complete mobile phone number below. You will then receive a text message with a verification code which can be used to reset your password.',
  phoneMismatch: "The phone number you entered doesn't match the number on file. Please try again.",
  codeWrong: 'The code you entered is not valid. Please try again.',
  codeSent: "We've sent you a text message containing a verification code to your phone.",
  notificationSent: "We've sent a notification to your mobile device. Please respond to continue.",
  notificationDenied: 'Your request was denied. Please try again.',
  codePrompt: 'Enter the verification code displayed in your authenticator app.',
  chooseNewPassword: 'Choose a new password',
  passwordsDontMatch: "The passwords don't match. Make sure you typed them correctly.",
  passwordEmpty: 'Enter a new password.',
  /** Reference §1.4: the cloud's own minimum for a new password (8 characters, 3 of 4 character classes). */
  cloudPolicy:
    'Strong password required. Combine at least three of the following: uppercase letters, lowercase letters, numbers, and symbols.',
  /** unconfirmed tail (reference §2.4): AD rejected the new password during writeback. */
  onPremPolicy:
    'This password does not meet the length, complexity, age or history requirements of your corporate password policy.',
  banned:
    'Unfortunately, your password contains a word, phrase, or pattern that makes your password easily guessable. Please try again with a different password.',
  /** reference: older docs' success text; newer wording unconfirmed. */
  success: 'Your password has been reset',
  unlockSuccess: 'Your account has been unlocked',
  /** unconfirmed: the throttling page. */
  blocked: "You've tried to verify your account too many times. You can try again in 24 hours.",
  onPremSuccessCloudFailure:
    'Your password has been reset, but you have to wait a few minutes before the changes are committed to the cloud.',
  smsBody: (org: string, code: string) => `Use this code for ${org} password reset: ${code}`,
} as const;

export const ONPREM_STATUS = {
  healthy: 'Your on-premises writeback client is up and running.',
  offline: "Unfortunately, it looks like we can't connect to your on-premises writeback client right now.",
  /** unconfirmed wording (reference §7.1 item 5). */
  notConfigured:
    "We can't connect to your on-premises writeback client because password writeback isn't properly configured.",
  noConnect: 'Microsoft Entra Connect is not configured for this tenant.',
} as const;

export const CLOUD_SIGNIN_TEXT = {
  unknownUser:
    'This username may be incorrect. Make sure you typed it correctly. Otherwise, contact your admin.',
  badPassword: "Your account or password is incorrect. If you don't remember your password, reset it now.",
  disabled: 'Your account has been locked. Contact your support person to unlock it, then try again.',
  moreInfo: 'More information required',
  moreInfoBody: 'Your organization needs more information to keep your account secure',
} as const;

export const REGISTRATION_TEXT = {
  smsBody: (code: string) => `Use verification code ${code} for Microsoft authentication.`,
  smsVerified: 'SMS verified. Your phone was registered successfully.',
  authenticatorApproved: 'Notification approved',
  codeWrong: 'The code you entered is not valid. Please try again.',
} as const;

export const MYACCOUNT_TEXT = {
  changed: 'Your password was changed.',
  wrongOld: 'The current password you entered is incorrect. Please try again.',
  writebackOff:
    "We can't change your password because it's managed by your organization's on-premises directory and password writeback isn't turned on. Contact your admin.",
} as const;
