/**
 * The data of the Microsoft Entra Connect wizard on the sync server: which page shows what, the
 * draft of the settings being changed, the learner's actions and what the wizard asks the ADSync
 * actor to do (check credentials, configure). Plain data only; the machine is wizardChart.ts.
 */
import type { Credentials } from '../net/appMessages';
import type { ConnectConfig, ConnectFeatures } from './state';
import type { WizardTask } from './wizardTexts';

/** One line of the Configuring page: what is being done and how long it takes on the lab clock. */
export interface WizardStage {
  label: string;
  ms: number;
}

export type WizardPage =
  | { page: 'closed' }
  | { page: 'welcome' }
  | { page: 'tasks'; selected: WizardTask }
  | { page: 'viewConfig' }
  | { page: 'connectAad'; user: string; error?: string }
  /** Validating the credentials typed on "Connect to Microsoft Entra ID". */
  | { page: 'working'; what: 'checking' }
  | { page: 'directories' }
  | { page: 'ouFiltering' }
  | { page: 'optionalFeatures' }
  | { page: 'staging' }
  | { page: 'ready' }
  /**
   * "Configuring": the first stage is the call to Microsoft Entra ID (as long as it takes); the
   * others run on the lab clock from the moment it answered.
   */
  | { page: 'configuring'; startedAt: number; cloudDoneAt?: number; stages: WizardStage[] }
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
  /** Microsoft Entra ID accepted the configuration; the local stages follow on the lab clock. */
  | { type: 'cloudConfigured' }
  | { type: 'configured'; ok: boolean; message: string };

export type WizardEffect =
  | { type: 'checkCredentials'; credentials: Credentials }
  | {
      type: 'configure';
      credentials: Credentials;
      draft: WizardDraft;
      task: WizardTask;
      /** How long the stages after the cloud's answer take, in lab milliseconds. */
      localMs: number;
    };

export interface WizardStep {
  wizard: WizardState;
  effects: WizardEffect[];
}

/** What one wizard step sees: the wizard, the server's configuration, the lab time, what goes out. */
export interface WizardCtx {
  w: WizardState;
  config: ConnectConfig | undefined;
  stagingNow: boolean;
  now: number;
  effects: WizardEffect[];
}
