/**
 * The Microsoft Entra Connect wizard on the sync server (AzureADConnect.exe), for an installed and
 * configured server: the Additional tasks list, "Customize synchronization options" (connect to
 * Entra ID, directories, domain and OU filtering, optional features including Password hash
 * synchronization and Password writeback, Ready to configure), "Configure staging mode", and
 * "View or export current configuration". Pure; the calls to the cloud come out as effects and
 * their results come back as actions. While it is open the sync scheduler is suspended.
 */
import type { Credentials } from '../net/appMessages';
import type { ConnectConfig, ConnectFeatures } from './state';

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

export const FEATURE_LABELS: Record<keyof ConnectFeatures, string> = {
  exchangeHybrid: 'Exchange hybrid deployment',
  passwordHashSync: 'Password hash synchronization',
  passwordWriteback: 'Password writeback',
  groupWriteback: 'Group writeback',
  deviceWriteback: 'Device writeback',
  directoryExtensions: 'Directory extension attribute sync',
};

export type WizardPage =
  | { page: 'closed' }
  | { page: 'welcome' }
  | { page: 'tasks'; selected: WizardTask }
  | { page: 'viewConfig' }
  | { page: 'connectAad'; user: string; error?: string }
  | { page: 'directories' }
  | { page: 'ouFiltering' }
  | { page: 'optionalFeatures' }
  | { page: 'staging' }
  | { page: 'ready' }
  | { page: 'working'; what: 'checking' | 'configuring' }
  | { page: 'complete'; ok: boolean; message: string }
  | { page: 'notModelled'; task: WizardTask };

export interface WizardDraft {
  ouFilter: 'all' | string[];
  features: ConnectFeatures;
  staging: boolean;
  startSync: boolean;
}

export interface WizardState {
  page: WizardPage;
  task?: WizardTask;
  draft?: WizardDraft;
  /** Truth only: what the learner typed on "Connect to Microsoft Entra ID". */
  credentials?: Credentials;
}

export const CLOSED_WIZARD: WizardState = { page: { page: 'closed' } };

export type WizardAction =
  | { type: 'open' }
  | { type: 'close' }
  | { type: 'next' }
  | { type: 'back' }
  | { type: 'chooseTask'; task: WizardTask }
  | { type: 'setCredentials'; user: string; password: string }
  | { type: 'setOuFilter'; ouFilter: 'all' | string[] }
  | { type: 'setFeature'; feature: keyof ConnectFeatures; enabled: boolean }
  | { type: 'setStaging'; enabled: boolean }
  | { type: 'setStartSync'; enabled: boolean }
  | { type: 'credentialsChecked'; result: 'ok' | 'invalid' | 'unreachable' }
  | { type: 'configured'; ok: boolean; message: string };

export type WizardEffect =
  | { type: 'checkCredentials'; credentials: Credentials }
  | { type: 'configure'; credentials: Credentials; draft: WizardDraft; task: WizardTask };

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
} as const;

function pagesFor(task: WizardTask): WizardPage['page'][] {
  if (task === 'customize') return ['connectAad', 'directories', 'ouFiltering', 'optionalFeatures', 'ready'];
  if (task === 'staging') return ['connectAad', 'staging', 'ready'];
  if (task === 'view') return ['viewConfig'];
  return ['notModelled'];
}

function pageOf(name: WizardPage['page'], s: WizardState): WizardPage {
  switch (name) {
    case 'connectAad':
      return { page: 'connectAad', user: s.credentials?.user ?? '' };
    case 'notModelled':
      return { page: 'notModelled', task: s.task ?? 'troubleshoot' };
    case 'directories':
    case 'ouFiltering':
    case 'optionalFeatures':
    case 'staging':
    case 'ready':
    case 'viewConfig':
      return { page: name };
    default:
      return { page: 'tasks', selected: s.task ?? 'customize' };
  }
}

export interface WizardStep {
  wizard: WizardState;
  effects: WizardEffect[];
}

export function wizardStep(
  s: WizardState,
  a: WizardAction,
  config: ConnectConfig | undefined,
  stagingNow: boolean,
): WizardStep {
  const same = (wizard: WizardState = s, effects: WizardEffect[] = []): WizardStep => ({ wizard, effects });
  const p = s.page;
  switch (a.type) {
    case 'open':
      if (p.page !== 'closed') return same();
      return same({ page: { page: 'welcome' } });
    case 'close':
      if (p.page === 'working') return same();
      return same(CLOSED_WIZARD);
    case 'chooseTask':
      if (p.page !== 'tasks') return same();
      return same({ ...s, page: { page: 'tasks', selected: a.task } });
    case 'setCredentials':
      if (p.page !== 'connectAad') return same();
      return same({
        ...s,
        credentials: { user: a.user, password: a.password },
        page: { page: 'connectAad', user: a.user },
      });
    case 'setOuFilter':
      if (p.page !== 'ouFiltering' || !s.draft) return same();
      return same({ ...s, draft: { ...s.draft, ouFilter: a.ouFilter } });
    case 'setFeature':
      if (p.page !== 'optionalFeatures' || !s.draft) return same();
      return same({ ...s, draft: { ...s.draft, features: { ...s.draft.features, [a.feature]: a.enabled } } });
    case 'setStaging':
      if ((p.page !== 'staging' && p.page !== 'ready') || !s.draft) return same();
      return same({ ...s, draft: { ...s.draft, staging: a.enabled } });
    case 'setStartSync':
      if (p.page !== 'ready' || !s.draft) return same();
      return same({ ...s, draft: { ...s.draft, startSync: a.enabled } });
    case 'back': {
      if (p.page === 'tasks' || p.page === 'viewConfig' || p.page === 'notModelled')
        return same({
          ...s,
          page: p.page === 'tasks' ? { page: 'welcome' } : { page: 'tasks', selected: s.task ?? 'customize' },
        });
      if (!s.task) return same();
      const order = pagesFor(s.task);
      const i = order.indexOf(p.page as WizardPage['page']);
      if (i <= 0) return same({ ...s, page: { page: 'tasks', selected: s.task } });
      return same({ ...s, page: pageOf(order[i - 1] as WizardPage['page'], s) });
    }
    case 'next': {
      if (p.page === 'welcome') return same({ ...s, page: { page: 'tasks', selected: 'customize' } });
      if (p.page === 'tasks') {
        const task = p.selected;
        const draft: WizardDraft | undefined = config
          ? {
              ouFilter: config.ouFilter,
              features: { ...config.features },
              staging: stagingNow,
              startSync: true,
            }
          : undefined;
        const next: WizardState = {
          page: { page: 'tasks', selected: task },
          task,
          draft,
          credentials: undefined,
        };
        return same({ ...next, page: pageOf(pagesFor(task)[0] as WizardPage['page'], next) });
      }
      if (p.page === 'connectAad') {
        if (!s.credentials || !s.credentials.user || !s.credentials.password)
          return same({ ...s, page: { ...p, error: WIZARD_TEXT.needCredentials } });
        return same({ ...s, page: { page: 'working', what: 'checking' } }, [
          { type: 'checkCredentials', credentials: s.credentials },
        ]);
      }
      if (p.page === 'ready') {
        if (!s.credentials || !s.draft || !s.task) return same();
        return same({ ...s, page: { page: 'working', what: 'configuring' } }, [
          { type: 'configure', credentials: s.credentials, draft: s.draft, task: s.task },
        ]);
      }
      if (p.page === 'complete') return same(CLOSED_WIZARD);
      if (!s.task) return same();
      const order = pagesFor(s.task);
      const i = order.indexOf(p.page as WizardPage['page']);
      if (i < 0 || i + 1 >= order.length) return same();
      return same({ ...s, page: pageOf(order[i + 1] as WizardPage['page'], s) });
    }
    case 'credentialsChecked': {
      if (p.page !== 'working' || p.what !== 'checking' || !s.task) return same();
      if (a.result !== 'ok') {
        return same({
          ...s,
          page: {
            page: 'connectAad',
            user: s.credentials?.user ?? '',
            error: a.result === 'invalid' ? WIZARD_TEXT.invalidCredentials : WIZARD_TEXT.unreachable,
          },
        });
      }
      return same({ ...s, page: pageOf(pagesFor(s.task)[1] as WizardPage['page'], s) });
    }
    case 'configured':
      if (p.page !== 'working' || p.what !== 'configuring') return same();
      return same({ ...s, page: { page: 'complete', ok: a.ok, message: a.message } });
  }
}
