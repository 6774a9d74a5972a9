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

/**
 * One SSPR error page: the page's lead sentence ("Details" in Microsoft's troubleshooting table),
 * the technical line that carries the code, and, for the codes whose page Microsoft's support
 * articles quote in full (SSPR_0029, SSPR_009), the follow-up line those pages show instead.
 */
export interface SsprErrorText {
  heading: string;
  details: string;
  technical: string;
  followUp?: string;
  /**
   * The audit log's Status reason for a failure with this code: the code's name in Microsoft's error
   * table ("Troubleshoot self-service password reset": `OnPremisesConnectivityError = 30` …), which
   * is what the audit record's result description carries today (seen as `OnPremisesConnectivityError`
   * in the AuditLogs table), not the 2017 report's sentences.
   */
  auditReason: string;
}

const CONTACT = "There's no further action you can take to resolve this situation.";
const ADMIN_OR_NOT = (article: string) =>
  `If you're an administrator, you can get more information from the ${article} article. If you're not an administrator, you can provide this information when you contact your administrator.`;

/** Reference §3.1; "Details" and "Technical details" from troubleshoot-sspr.md (2025-06-06). */
export const SSPR_ERRORS: Record<SsprErrorCode, SsprErrorText> = {
  SSPR_0009: {
    heading: "We're sorry",
    details: `We're sorry, you can't reset your password at this time because your administrator has disabled password reset for your organization. ${CONTACT} Contact your admin and ask them to enable this feature.`,
    technical:
      "SSPR_0009: We've detected that password reset hasn't been enabled by your administrator. Contact your admin and ask them to enable password reset for your organization.",
    auditReason: 'TenantSSPRFlagDisabled',
  },
  /** Support article "Troubleshoot error SSPR_009" quotes the whole page. */
  SSPR_009: {
    heading:
      "You can't reset your own password because password reset isn't turned on for your organization.",
    details: '',
    technical: "SSPR_009: Your organization hasn't turned on password reset.",
    followUp: ADMIN_OR_NOT('"How to enable password reset"'),
    /** unconfirmed: the error table names no code for the administrator policy; the 2017-era sentence stays. */
    auditReason: 'Password reset is not enabled for administrators',
  },
  SSPR_0010: {
    heading: "We're sorry",
    details: `We're sorry, you can't reset your password at this time because your administrator hasn't enabled a necessary service for your organization. ${CONTACT} Contact your admin and ask them to check your organization's configuration.`,
    technical:
      "SSPR_0010: We've detected that password writeback hasn't been enabled. Contact your admin and ask them to enable password writeback.",
    auditReason: 'WritebackNotEnabled',
  },
  SSPR_0011: {
    heading: "We're sorry",
    details: `We're sorry, you can't reset your password at this time because your administrator hasn't configured password reset for your organization. ${CONTACT} Contact your admin and ask them to configure password reset.`,
    technical:
      "SSPR_0011: Your organization hasn't defined a password reset policy. Contact your admin and ask them to define a password reset policy.",
    auditReason: 'SsprNotEnabledInUserPolicy',
  },
  SSPR_0012: {
    heading: "We're sorry",
    details: `We're sorry, you can't reset your password at this time because required licenses are missing from your organization. ${CONTACT} Contact your admin and ask them to check your license assignment.`,
    technical:
      "SSPR_0012: Your organization doesn't have the required licenses necessary to perform password reset. Contact your admin and ask them to review the license assignments.",
    auditReason: 'UserNotLicensed',
  },
  SSPR_0013: {
    heading: "We're sorry",
    details: `We're sorry, you can't reset your password at this time because your administrator hasn't configured your account to use password reset. ${CONTACT} Contact your admin and ask them to configure your account for password reset.`,
    technical:
      "SSPR_0013: You aren't a member of a group enabled for password reset. Contact your admin and request to be added to the group.",
    auditReason: 'UserNotMemberOfScopedAccessGroup',
  },
  SSPR_0014: {
    heading: "We're sorry",
    details: `We're sorry, you can't reset your password at this time because necessary information is missing from your account. ${CONTACT} Contact your admin and ask them to reset your password for you. After you can access to your account again, you need to register the necessary information.`,
    technical:
      'SSPR_0014: Additional security info is needed to reset your password. To proceed, contact your admin and ask them to reset your password. After you can access to your account, you can register additional security info at https://aka.ms/ssprsetup. Your admin can add additional security info to your account by following the steps in Set and read authentication data for password reset.',
    auditReason: 'UserNotProperlyConfigured',
  },
  /** Support article "Troubleshoot error SSPR_0029" quotes the page (the table's line differs). */
  SSPR_0029: {
    heading: "We're sorry",
    details: '',
    technical:
      "SSPR_0029: Your organization hasn't properly set up the on-premises configuration for password reset.",
    followUp: ADMIN_OR_NOT('Troubleshoot password writeback'),
    auditReason: 'OnPremisesAdminActionRequired',
  },
  SSPR_0030: {
    heading: "We're sorry",
    details:
      "We're sorry, we can't reset your password at this time because of connectivity issues to your organization. There's no action to take right now, but the problem might be resolved if you try again later. If the problem persists, contact your admin and ask them to investigate.",
    technical:
      "SSPR_0030: We can't reset your password due to a poor connection with your on-premises environment. Contact your admin and ask them to investigate.",
    auditReason: 'OnPremisesConnectivityError',
  },
};

/** The audit reason for a password AD's policy refuses ("Troubleshoot self-service password reset", SSPR usage table). */
export const ON_PREM_POLICY_REASON = 'On-premises policy violation';

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
  /** The bottom-right link of every page, and what it reveals (troubleshoot-sspr.md "Contact Microsoft support"). */
  supportCodeLink: 'Support code',
  /** unconfirmed: the labels beside the support code (the doc asks for date, time with zone and user ID). */
  supportCode: 'Support code',
  supportTime: 'Date, time and time zone',
  supportUser: 'User ID',
  startOver: 'Start over',
  cancel: 'Cancel',
  next: 'Next',
  finish: 'Finish',
  text: 'Text',
  sendNotification: 'Send Notification',
  phonePlaceholder: 'Enter your phone number',
  codePlaceholder: 'Enter your verification code',
  userIdPlaceholder: 'Example: user@contoso.onmicrosoft.com or user@contoso.com',
  resetting: 'Resetting your password…',
  chooseNewPasswordStep: 'choose a new password',
  newPasswordLabel: 'Enter new password:',
  confirmPasswordLabel: 'Confirm new password:',
  whoAreYouIntro:
    'To recover your account, begin by entering your email or username and the characters in the picture or audio below.',
} as const;

/**
 * How the SSPR page shows a registered mobile number: every digit but the last two hidden, the
 * country code included (`+1 4255550142` → `+X XXXXXXXX42`).
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '').length;
  let seen = 0;
  return phone.replace(/\d/g, (d) => (++seen > digits - 2 ? d : 'X'));
}

export const ONPREM_STATUS = {
  healthy: 'Your on-premises writeback client is up and running.',
  offline: "Unfortunately, it looks like we can't connect to your on-premises writeback client right now.",
  /** unconfirmed wording (reference §7.1 item 5). */
  notConfigured:
    "We can't connect to your on-premises writeback client because password writeback isn't properly configured.",
  noConnect: 'Microsoft Entra Connect is not configured for this tenant.',
} as const;

/** unconfirmed except the two statuses the seed guide shows ("Set up complete", "Not detected"). */
export const AGENT_STATUS = {
  connectSync: 'Microsoft Entra Connect Sync agent',
  cloudSync: 'Microsoft Entra Connect cloud sync provisioning agent',
  setUpComplete: 'Set up complete',
  notSetUp: 'Password writeback not enabled',
  notResponding: 'Not responding',
  notDetected: 'Not detected',
} as const;

export const CLOUD_SIGNIN_TEXT = {
  signIn: 'Sign in',
  usernamePlaceholder: 'Email, phone, or Skype',
  cantAccess: "Can't access your account?",
  next: 'Next',
  back: 'Back',
  enterPassword: 'Enter password',
  passwordPlaceholder: 'Password',
  forgotPassword: 'Forgot my password',
  emptyUsername: 'Enter a valid email address, phone number, or Skype name.',
  emptyPassword: 'Please enter your password.',
  staySignedIn: 'Stay signed in?',
  staySignedInBody: 'Do this to reduce the number of times you are asked to sign in.',
  dontShowAgain: "Don't show this again",
  yes: 'Yes',
  no: 'No',
  unknownUser:
    'This username may be incorrect. Make sure you typed it correctly. Otherwise, contact your admin.',
  badPassword: "Your account or password is incorrect. If you don't remember your password, reset it now.",
  disabled: 'Your account has been locked. Contact your support person to unlock it, then try again.',
  /** Smart lockout (Microsoft Learn, howto-password-smart-lockout, "Testing Smart lockout"). */
  lockedOut:
    'Your account is temporarily locked to prevent unauthorized use. Try again later, and if you still have trouble, contact your admin.',
  moreInfo: 'More information required',
  moreInfoBody: 'Your organization needs more information to keep your account secure',
} as const;

export const REGISTRATION_TEXT = {
  /** unconfirmed: the Phone dialog of Security info (combined registration). */
  phoneTitle: 'Phone',
  phoneIntro: 'You can prove who you are by answering a call on your phone or texting a code to your phone.',
  phoneQuestion: 'What phone number would you like to use?',
  textMe: 'Text me a code',
  callMe: 'Call me',
  rates:
    'Message and data rates may apply. Choosing Next means that you agree to the Terms of service and Privacy and cookies statement.',
  codeSentTo: (phone: string) => `We just sent a 6 digit code to ${phone}. Enter the code below.`,
  calling: (phone: string) => `We're calling ${phone} now.`,
  callAnswered: 'Call answered. Your phone was registered successfully.',
  callNotAnswered: "We couldn't reach you at that number. Check the number and try again.",
  /** What the voice call says when the phone answers (reference: "answer and follow the voice prompt"). */
  callPrompt:
    "Thank you for using Microsoft's sign-in verification system. Press the pound key to finish your verification.",
  invalidPhone: 'Please enter a valid phone number.',
  authenticatorTitle: 'Microsoft Authenticator',
  getApp: 'Start by getting the app',
  getAppBody:
    'On your phone, install the Microsoft Authenticator app. After you install the Microsoft Authenticator app on your device, choose "Next".',
  scanTitle: 'Scan the QR code',
  scanBody:
    'Use the Microsoft Authenticator app to scan the QR code. This will connect the Microsoft Authenticator app with your account. After you scan the QR code, choose "Next".',
  cantScan: "Can't scan image?",
  /** unconfirmed: Next on "Scan the QR code" before the app has scanned it. */
  notScanned:
    "We couldn't find your account in the Microsoft Authenticator app. Scan the QR code with the app, then choose Next.",
  tryItOut: "Let's try it out",
  tryItOutBody: "Approve the notification we're sending to your app by entering the number shown below.",
  securityInfo: 'Security info',
  securityInfoIntro: 'These are the methods you use to sign into your account or reset your password.',
  addMethod: 'Add sign-in method',
  addMethodTitle: 'Add a method',
  whichMethod: 'Which method would you like to add?',
  noMethods: 'No items to display.',
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
