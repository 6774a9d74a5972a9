/**
 * The Microsoft Entra Connect wizard on the sync server (AzureADConnect.exe), for an installed and
 * configured server: the Additional tasks list, "Customize synchronization options" (connect to
 * Entra ID, directories, domain and OU filtering, the eight optional features including Password
 * hash synchronization and Password writeback, Ready to configure, Configuring on the lab clock),
 * "Configure staging mode", and "View or export current configuration". `wizardStep` runs one
 * action through the pages' state machine (wizardChart.ts), rebuilt from the stored wizard each
 * time. The calls to the cloud come out as effects and their results come back as actions. While
 * it is open the sync scheduler is suspended.
 */
import { transition } from 'xstate';
import type { ConnectConfig } from './state';
import { wizardChart } from './wizardChart';
import type { WizardAction, WizardState, WizardStep } from './wizardTypes';

export { CLOSED_WIZARD } from './wizardTypes';
export type {
  WizardAction,
  WizardDraft,
  WizardEffect,
  WizardPage,
  WizardState,
  WizardStep,
} from './wizardTypes';
export { FEATURE_HELP, FEATURE_LABELS, TASK_LABELS, WIZARD_TEXT, type WizardTask } from './wizardTexts';

export function wizardStep(
  s: WizardState,
  a: WizardAction,
  config: ConnectConfig | undefined,
  stagingNow: boolean,
  now: number,
): WizardStep {
  const snapshot = wizardChart.resolveState({
    value: s.page.page,
    context: { w: s, config, stagingNow, now, effects: [] },
  });
  const [next] = transition(wizardChart, snapshot, a);
  const { w, effects } = next.context;
  if (next.value !== w.page.page)
    throw new Error(`Connect wizard chart is on ${String(next.value)} but its page is ${w.page.page}`);
  return { wizard: w, effects };
}
