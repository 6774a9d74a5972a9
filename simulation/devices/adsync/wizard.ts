/**
 * The Connect wizard on the sync server, as plans: a learner's step (which may ask the cloud to
 * check credentials or take the configuration), and what the service does when those scripts
 * finish: the cloud's answer, the server's own stages on the lab clock, then the new
 * configuration applied.
 */
import { sleep, type Script } from '../../proc/script';
import type { NewEvent } from '../../windows/eventlog';
import { phsEvents, writebackEvents } from '../../sync/events';
import { checkCloudCredentials, configureCloud } from '../../sync/wizardScripts';
import type { ConnectConfig, AdSyncState } from '../../sync/state';
import { WIZARD_TEXT, wizardStep, type WizardAction } from '../../sync/wizard';
import type { AdSyncPlan } from './plan';
import type { AdSyncContext, ConfigureEffect, HostReader, Job } from './types';

type SyncAccount = { user: string; password: string };
/** What `configureCloud` returns. */
export type ConfigureOutcome = { ok: boolean; syncAccount?: SyncAccount; error?: string };

function* pause(ms: number): Script<{ ok: true }> {
  yield* sleep(ms);
  return { ok: true };
}

/** A learner's step in the wizard, and the scripts it starts. */
export function wizardAction(
  c: AdSyncContext,
  action: WizardAction,
  now: number,
  readHost: HostReader,
): AdSyncPlan {
  const r = wizardStep(c.wizard, action, c.state.config, c.state.scheduler.stagingMode, now);
  let seq = c.seq;
  const jobs = { ...c.jobs };
  const spawn: NonNullable<AdSyncPlan['spawn']> = [];
  const host = readHost();
  for (const e of r.effects) {
    const id = `wizard-${++seq}`;
    if (e.type === 'checkCredentials') {
      jobs[id] = { kind: 'wizardCheck' };
      spawn.push({ id, start: () => checkCloudCredentials(host, e.credentials) });
    } else {
      jobs[id] = { kind: 'wizardConfigure', effect: e };
      const draftConfig: ConnectConfig = {
        ...(c.state.config as ConnectConfig),
        ouFilter: e.draft.ouFilter,
        features: e.draft.features,
      };
      spawn.push({ id, start: () => configureCloud(host, e.credentials, c.state.serverName, draftConfig) });
    }
  }
  return { patch: { wizard: r.wizard, jobs, seq }, spawn };
}

/** The wizard's page after an event from the service's own work. */
const step = (c: AdSyncContext, e: Parameters<typeof wizardStep>[1], now: number, config = c.state.config) =>
  wizardStep(c.wizard, e, config, c.state.scheduler.stagingMode, now).wizard;

export const credentialsChecked = (
  c: AdSyncContext,
  r: 'ok' | 'invalid' | 'unreachable' | undefined,
  now: number,
): AdSyncPlan => ({
  patch: { wizard: step(c, { type: 'credentialsChecked', result: r ?? 'unreachable' }, now) },
});

export const configureFailed = (
  c: AdSyncContext,
  r: ConfigureOutcome | undefined,
  now: number,
): AdSyncPlan => ({
  patch: {
    wizard: step(c, { type: 'configured', ok: false, message: r?.error ?? WIZARD_TEXT.unreachable }, now),
  },
});

/** The cloud took the configuration: the server's own stages run for `localMs` on the lab clock. */
export function cloudConfigured(
  c: AdSyncContext,
  jobs: Record<string, Job>,
  effect: ConfigureEffect,
  r: ConfigureOutcome,
  now: number,
): AdSyncPlan {
  const next = `wizard-${c.seq + 1}`;
  const ms = effect.localMs;
  return {
    patch: {
      wizard: step(c, { type: 'cloudConfigured' }, now),
      seq: c.seq + 1,
      jobs: { ...jobs, [next]: { kind: 'wizardFinish', effect, syncAccount: r.syncAccount } },
    },
    spawn: [{ id: next, start: () => pause(ms) }],
  };
}

function applyConfigured(
  state: AdSyncState,
  effect: ConfigureEffect,
  syncAccount: SyncAccount | undefined,
): AdSyncState {
  const config = state.config as ConnectConfig;
  const draft = effect.draft;
  return {
    ...state,
    config: {
      ...config,
      ouFilter: draft.ouFilter,
      features: draft.features,
      signIn: draft.features.passwordHashSync ? 'PasswordHashSync' : config.signIn,
      syncAccount: syncAccount ?? config.syncAccount,
      // Turning writeback off and on again rebuilds the connector's password management.
      ...(draft.features.passwordWriteback !== config.features.passwordWriteback
        ? { staleManagementAgent: false }
        : {}),
    },
    scheduler: {
      ...state.scheduler,
      stagingMode: draft.staging,
      // Changing what is in scope makes the next cycle an Initial one.
      nextPolicy:
        JSON.stringify(draft.ouFilter) !== JSON.stringify(config.ouFilter)
          ? 'Initial'
          : state.scheduler.nextPolicy,
    },
    // Turning PHS on starts with a full password sync.
    phs:
      draft.features.passwordHashSync && !config.features.passwordHashSync
        ? { ...state.phs, synced: {}, fullSyncDone: false }
        : state.phs,
  };
}

/** The entries the change of features writes (writeback on- or offboarded, PHS started). */
function featureEntries(before: ConnectConfig, after: ConnectConfig): NewEvent[] {
  const entries: NewEvent[] = [];
  if (after.features.passwordWriteback && !before.features.passwordWriteback) {
    entries.push(
      writebackEvents.onboardingStart(),
      writebackEvents.authToken(),
      writebackEvents.keyPair(),
      writebackEvents.onboardingSuccess(),
    );
  }
  if (!after.features.passwordWriteback && before.features.passwordWriteback)
    entries.push(writebackEvents.offboardingStart(), writebackEvents.offboardingSuccess());
  if (after.features.passwordHashSync && !before.features.passwordHashSync) entries.push(phsEvents.started());
  return entries;
}

/** The server's stages are done: the new configuration applies, and a cycle starts if asked for. */
export function applyWizard(
  c: AdSyncContext,
  job: Extract<Job, { kind: 'wizardFinish' }>,
  now: number,
): AdSyncPlan {
  const state = applyConfigured(c.state, job.effect, job.syncAccount);
  const after = state.config as ConnectConfig;
  const entries = featureEntries(c.state.config as ConnectConfig, after);
  const message = state.scheduler.stagingMode
    ? WIZARD_TEXT.stagingOn
    : job.effect.draft.startSync
      ? WIZARD_TEXT.success
      : WIZARD_TEXT.successNoSync;
  const wizard = wizardStep(
    c.wizard,
    { type: 'configured', ok: true, message },
    after,
    state.scheduler.stagingMode,
    now,
  ).wizard;
  return {
    patch: {
      state,
      wizard,
      requested: job.effect.draft.startSync
        ? state.scheduler.nextPolicy === 'Initial'
          ? 'Initial'
          : 'Delta'
        : c.requested,
    },
    ...(entries.length > 0 ? { log: entries } : {}),
  };
}
