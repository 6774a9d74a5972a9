/**
 * What the Microsoft Entra Connect wizard shows: page titles, the left pane's steps, the tasks,
 * the optional features with their "?" help (how-to-connect-install-custom.md, 2025-03-12), the
 * stages of the Configuring page and the result messages. Items marked unconfirmed come from
 * screenshots or are this lab's wording; they are kept here so they are easy to correct.
 */
import type { ConnectFeatures } from './state';

export type WizardTask =
  | 'privacy'
  | 'view'
  | 'customize'
  | 'devices'
  | 'schema'
  | 'staging'
  | 'signin'
  | 'federation'
  | 'troubleshoot';

export const TASK_LABELS: Record<WizardTask, string> = {
  privacy: 'Privacy settings',
  view: 'View or export current configuration',
  customize: 'Customize synchronization options',
  devices: 'Configure device options',
  schema: 'Refresh directory schema',
  staging: 'Configure staging mode',
  signin: 'Change user sign-in',
  federation: 'Manage federation',
  troubleshoot: 'Troubleshoot',
};

/** The eight optional features, in the page's order. */
export const FEATURE_LABELS: Record<keyof ConnectFeatures, string> = {
  exchangeHybrid: 'Exchange hybrid deployment',
  exchangeMailPublicFolders: 'Exchange Mail Public Folders',
  appAttributeFiltering: 'Microsoft Entra app and attribute filtering',
  passwordHashSync: 'Password hash synchronization',
  passwordWriteback: 'Password writeback',
  groupWriteback: 'Group writeback',
  deviceWriteback: 'Device writeback',
  directoryExtensions: 'Directory extension attribute sync',
};

/** The "?" beside each feature (Microsoft's descriptions of the Optional features page). */
export const FEATURE_HELP: Record<keyof ConnectFeatures, string> = {
  exchangeHybrid:
    'The Exchange hybrid deployment feature allows for the coexistence of Exchange mailboxes both on-premises and in Microsoft 365. Microsoft Entra Connect synchronizes a specific set of attributes from Microsoft Entra back into your on-premises directory.',
  exchangeMailPublicFolders:
    'The Exchange mail public folders feature allows you to synchronize mail-enabled public-folder objects from your on-premises instance of Active Directory to Microsoft Entra ID.',
  appAttributeFiltering:
    'By enabling Microsoft Entra app and attribute filtering, you can tailor the set of synchronized attributes. This option adds two more configuration pages to the wizard.',
  passwordHashSync:
    'If you selected federation as the sign-in solution, you can enable password hash synchronization. Then you can use it as a backup option.',
  passwordWriteback:
    'Use this option to ensure that password changes that originate in Microsoft Entra ID are written back to your on-premises directory.',
  groupWriteback:
    'If you use Microsoft 365 Groups, then you can represent groups in your on-premises instance of Active Directory. This option is available only if you have Exchange in your on-premises instance of Active Directory.',
  deviceWriteback:
    'For conditional-access scenarios, use this option to write back device objects in Microsoft Entra ID to your on-premises instance of Active Directory.',
  directoryExtensions: 'Select this option to sync specified attributes to Microsoft Entra ID.',
};

/** @public Unused on main; kept for the wizard's owner (issue 14) to use or remove. */
export const PAGE_TITLES = {
  welcome: 'Welcome to Microsoft Entra Connect Sync',
  tasks: 'Additional tasks',
  viewConfig: 'View or export current configuration',
  connectAad: 'Connect to Microsoft Entra ID',
  directories: 'Connect your directories',
  ouFiltering: 'Domain and OU filtering',
  optionalFeatures: 'Optional features',
  staging: 'Configure staging mode',
  ready: 'Ready to configure',
  working: 'Connect to Microsoft Entra ID',
  configuring: 'Configuring',
  complete: 'Configuration complete',
  notModelled: 'Not available in this lab',
  closed: '',
} as const;

/** unconfirmed: the left pane's short step names (from screenshots of the wizard). */
export const STEP_LABELS = {
  welcome: 'Welcome',
  tasks: 'Tasks',
  connectAad: 'Connect to Microsoft Entra ID',
  sync: 'Sync',
  directories: 'Connect Directories',
  ouFiltering: 'Domain/OU Filtering',
  optionalFeatures: 'Optional Features',
  staging: 'Staging Mode',
  viewConfig: 'View Configuration',
  configure: 'Configure',
} as const;

/** unconfirmed: the stage lines of the Configuring page (this lab's wording). */
export const STAGE_LABELS = {
  cloud: 'Configuring Microsoft Entra ID',
  engine: 'Configuring synchronization service',
  phsOn: 'Enabling password hash synchronization',
  phsOff: 'Disabling password hash synchronization',
  writebackOn: 'Enabling password writeback',
  writebackOff: 'Disabling password writeback',
  staging: 'Configuring staging mode',
  startSync: 'Starting synchronization',
} as const;

export const WIZARD_TEXT = {
  /** unconfirmed wording */
  invalidCredentials:
    'Unable to validate credentials. AADSTS50126: Error validating credentials due to invalid username or password.',
  unreachable:
    'Unable to connect to Microsoft Entra ID. Verify the network connectivity and proxy settings of this server, then try again.',
  needCredentials:
    'Enter the user name and password of a Microsoft Entra Global Administrator or Hybrid Identity Administrator.',
  success: 'Microsoft Entra Connect configuration succeeded. The synchronization process has been initiated.',
  successNoSync:
    'Microsoft Entra Connect configuration succeeded. The synchronization process has not been started.',
  stagingOn:
    'Microsoft Entra Connect configuration succeeded. The server is in staging mode: it imports and synchronizes, but exports nothing to Microsoft Entra ID or Active Directory, and runs neither password hash synchronization nor password writeback.',
  welcome:
    'Microsoft Entra Connect is configured on this server. Choose Configure to see the tasks you can do.',
  credentialsIntro:
    'Enter your Microsoft Entra ID global administrator or hybrid identity administrator credentials.',
  checking: 'Validating credentials…',
  readyIntro: (forest: string) => `Microsoft Entra Connect is ready to apply the configuration to ${forest}.`,
  startSync: 'Start the synchronization process when configuration completes.',
  stagingLabel: 'Enable staging mode',
  allOus: 'Sync all domains and OUs',
  selectedOus: 'Sync selected domains and OUs',
  notModelled: 'This task is not part of the lab yet.',
} as const;
