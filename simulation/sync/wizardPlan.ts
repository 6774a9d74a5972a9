/**
 * The wizard's plans, as plain functions: the draft a task starts from (the server's current
 * settings), and the stages of the Configuring page for what the draft changes, with how long
 * each takes on the lab clock.
 */
import type { ConnectConfig } from './state';
import type { WizardCtx, WizardDraft, WizardStage } from './wizardTypes';
import { STAGE_LABELS } from './wizardTexts';

export const STAGE_MS = {
  cloud: 6_000,
  engine: 8_000,
  phs: 5_000,
  writeback: 10_000,
  staging: 4_000,
  startSync: 3_000,
} as const;

export function draftOf(c: WizardCtx): WizardDraft | undefined {
  return c.config
    ? {
        ouFilter: c.config.ouFilter,
        features: { ...c.config.features },
        staging: c.stagingNow,
        startSync: true,
      }
    : undefined;
}

/** The Configuring page's lines: always the cloud and the engine, then one per change. */
export function configureStages(
  config: ConnectConfig | undefined,
  draft: WizardDraft,
  stagingNow: boolean,
): WizardStage[] {
  const out: WizardStage[] = [
    { label: STAGE_LABELS.cloud, ms: STAGE_MS.cloud },
    { label: STAGE_LABELS.engine, ms: STAGE_MS.engine },
  ];
  const was = config?.features;
  if (draft.features.passwordHashSync !== !!was?.passwordHashSync)
    out.push({
      label: draft.features.passwordHashSync ? STAGE_LABELS.phsOn : STAGE_LABELS.phsOff,
      ms: STAGE_MS.phs,
    });
  if (draft.features.passwordWriteback !== !!was?.passwordWriteback)
    out.push({
      label: draft.features.passwordWriteback ? STAGE_LABELS.writebackOn : STAGE_LABELS.writebackOff,
      ms: STAGE_MS.writeback,
    });
  if (draft.staging !== stagingNow) out.push({ label: STAGE_LABELS.staging, ms: STAGE_MS.staging });
  if (draft.startSync && !draft.staging) out.push({ label: STAGE_LABELS.startSync, ms: STAGE_MS.startSync });
  return out;
}

/** Where the Configuring page is at a lab time: each stage done, running or waiting, and the bar's share. */
export function configuringProgress(
  page: { startedAt: number; cloudDoneAt?: number; stages: WizardStage[] },
  now: number,
): { stages: { label: string; state: 'done' | 'running' | 'waiting' }[]; fraction: number } {
  const total = page.stages.reduce((sum, s) => sum + s.ms, 0) || 1;
  if (page.cloudDoneAt === undefined) {
    const share = Math.min(now - page.startedAt, (page.stages[0]?.ms ?? 0) - 1) / total;
    return {
      stages: page.stages.map((s, i) => ({ label: s.label, state: i === 0 ? 'running' : 'waiting' })),
      fraction: Math.max(0, share),
    };
  }
  let at = page.cloudDoneAt;
  let done = page.stages[0]?.ms ?? 0;
  const stages = page.stages.map((s, i) => {
    if (i === 0) return { label: s.label, state: 'done' as const };
    const start = at;
    at += s.ms;
    if (now >= at) {
      done += s.ms;
      return { label: s.label, state: 'done' as const };
    }
    if (now >= start) done += now - start;
    return { label: s.label, state: now >= start ? ('running' as const) : ('waiting' as const) };
  });
  return { stages, fraction: Math.min(1, done / total) };
}
