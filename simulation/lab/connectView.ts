/**
 * What the Microsoft Entra Connect wizard window on the sync server shows: the page, the left
 * pane with every step of the chosen task and where the learner is, the draft settings with each
 * optional feature's label and "?" help, the Configuring page's progress at the lab's time, and
 * the current configuration. Credentials typed into the wizard stay out.
 */
import {
  FEATURE_HELP,
  FEATURE_LABELS,
  TASK_LABELS,
  type WizardDraft,
  type WizardPage,
  type WizardState,
  type WizardTask,
} from '../sync/wizard';
import { configuringProgress } from '../sync/wizardPlan';
import { STEP_LABELS } from '../sync/wizardTexts';
import type { ConnectFeatures } from '../sync/state';
import type { LabDefinition } from '../core/definition';
import type { LabTruth } from './truth';

export interface WizardStepView {
  label: string;
  state: 'done' | 'current' | 'upcoming';
  /** A step inside a section (the pages under "Sync"). */
  nested: boolean;
}

export interface ConnectView {
  host: string;
  installed: boolean;
  page: WizardPage;
  task?: WizardTask;
  tasks: { id: WizardTask; label: string }[];
  /** The left pane. */
  steps: WizardStepView[];
  /** The Configuring page at the lab's time. */
  progress?: ReturnType<typeof configuringProgress>;
  draft?: WizardDraft & {
    featureLabels: Record<keyof ConnectFeatures, string>;
    featureHelp: Record<keyof ConnectFeatures, string>;
  };
  /** "View or export current configuration" and the Connect-your-directories page. */
  configuration?: {
    version: string;
    serverName: string;
    tenant: string;
    forest: string;
    connectorAccount: string;
    ouFilter: 'all' | string[];
    features: ConnectFeatures;
    signIn: string;
    stagingMode: boolean;
    sourceAnchor: string;
  };
  /** The directory's OUs, for Domain and OU filtering. */
  ous: string[];
}

type StepKey = keyof typeof STEP_LABELS | 'other';

/** The left pane's steps for a task, and which step each page belongs to. */
function stepsFor(w: WizardState): { key: StepKey; nested?: boolean }[] {
  const p = w.page.page;
  const start: { key: StepKey }[] = [{ key: 'welcome' }, { key: 'tasks' }];
  if (p === 'welcome' || p === 'tasks' || !w.task) return start;
  if (w.task === 'customize')
    return [
      ...start,
      { key: 'connectAad' },
      { key: 'sync' },
      { key: 'directories', nested: true },
      { key: 'ouFiltering', nested: true },
      { key: 'optionalFeatures', nested: true },
      { key: 'configure' },
    ];
  if (w.task === 'staging')
    return [...start, { key: 'connectAad' }, { key: 'staging' }, { key: 'configure' }];
  if (w.task === 'view') return [...start, { key: 'viewConfig' }];
  return [...start, { key: 'other' }];
}

function currentStep(page: WizardPage['page']): StepKey {
  switch (page) {
    case 'working':
      return 'connectAad';
    case 'ready':
    case 'configuring':
    case 'complete':
      return 'configure';
    case 'notModelled':
      return 'other';
    case 'closed':
      return 'welcome';
    default:
      return page;
  }
}

export function wizardSteps(w: WizardState): WizardStepView[] {
  const steps = stepsFor(w);
  const current = currentStep(w.page.page);
  const at = steps.findIndex((s) => s.key === current);
  return steps.map((s, i) => ({
    label: s.key === 'other' ? TASK_LABELS[w.task ?? 'troubleshoot'] : STEP_LABELS[s.key],
    // "Sync" is a section: current while one of its pages is, done once they all are.
    state:
      s.key === 'sync'
        ? i < at && !steps[at]?.nested
          ? 'done'
          : steps[at]?.nested
            ? 'current'
            : 'upcoming'
        : i < at
          ? 'done'
          : i === at
            ? 'current'
            : 'upcoming',
    nested: !!s.nested,
  }));
}

export function connectView(truth: LabTruth, def: LabDefinition): ConnectView | undefined {
  const h = truth.hosts[def.connect.host];
  const a = h?.adsync;
  if (!h || !a) return undefined;
  const c = a.state.config;
  const directory = truth.hosts[def.hosts.find((x) => x.kind === 'dc')?.id ?? '']?.roles.directory;
  const page: WizardPage = h.power === 'off' ? { page: 'closed' } : a.wizard.page;
  return {
    host: def.connect.host,
    installed: a.state.installed,
    page,
    task: a.wizard.task,
    tasks: (Object.keys(TASK_LABELS) as WizardTask[]).map((id) => ({ id, label: TASK_LABELS[id] })),
    steps: wizardSteps({ ...a.wizard, page }),
    progress: page.page === 'configuring' ? configuringProgress(page, truth.time) : undefined,
    draft: a.wizard.draft
      ? { ...a.wizard.draft, featureLabels: FEATURE_LABELS, featureHelp: FEATURE_HELP }
      : undefined,
    configuration: c
      ? {
          version: a.state.version,
          serverName: a.state.serverName,
          tenant: c.tenantDomain,
          forest: c.forest,
          connectorAccount: `${def.domain.netbios}\\${c.connectorAccount.user}`,
          ouFilter: c.ouFilter,
          features: c.features,
          signIn: c.signIn,
          stagingMode: a.state.scheduler.stagingMode,
          sourceAnchor: c.sourceAnchor,
        }
      : undefined,
    ous: directory ? Object.values(directory.ous).map((o) => o.dn) : [],
  };
}
