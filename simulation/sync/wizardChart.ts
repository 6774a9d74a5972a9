/**
 * The Microsoft Entra Connect wizard as a state machine, one state per page: Welcome → Additional
 * tasks → (Customize synchronization options) Connect to Microsoft Entra ID → credential check →
 * Connect your directories → Domain and OU filtering → Optional features → Ready to configure →
 * Configuring → Configuration complete; or Configure staging mode, or View current configuration.
 * It runs one event at a time through XState's pure `transition()` (wizard.ts); the credential
 * check and the configuration come out as effects for the ADSync actor, whose answers come back
 * as events.
 *
 * Events: open, close, next, back, chooseTask, setCredentials, setOuFilter, setFeature, setStaging,
 *         setStartSync, credentialsChecked, cloudConfigured, configured.
 */
import { and, assign, not, setup } from 'xstate';
import type { WizardAction, WizardCtx, WizardPage, WizardState } from './wizardTypes';
import { WIZARD_TEXT } from './wizardTexts';
import { configureStages, draftOf } from './wizardPlan';

const show = (c: WizardCtx, page: WizardPage, patch: Partial<WizardState> = {}): Partial<WizardCtx> => ({
  w: { ...c.w, ...patch, page },
});
const draftPatch = (c: WizardCtx, patch: Partial<NonNullable<WizardState['draft']>>): Partial<WizardCtx> =>
  c.w.draft ? { w: { ...c.w, draft: { ...c.w.draft, ...patch } } } : {};

export const wizardChart = setup({
  types: { context: {} as WizardCtx, events: {} as WizardAction, input: {} as WizardCtx },
  guards: {
    taskIsView: ({ context }) => context.w.page.page === 'tasks' && context.w.page.selected === 'view',
    taskIsModelled: ({ context }) =>
      context.w.page.page === 'tasks' && ['customize', 'staging'].includes(context.w.page.selected),
    customizing: ({ context }) => context.w.task === 'customize',
    staging: ({ context }) => context.w.task === 'staging',
    hasDraft: ({ context }) => !!context.w.draft,
    credentialsTyped: ({ context }) => !!context.w.credentials?.user && !!context.w.credentials.password,
    credentialsOk: ({ event }) => event.type === 'credentialsChecked' && event.result === 'ok',
    readyToConfigure: ({ context }) => !!context.w.credentials && !!context.w.draft && !!context.w.task,
  },
  actions: {
    welcome: assign(({ context }) => show(context, { page: 'welcome' })),
    close: assign({ w: { page: { page: 'closed' } } }),
    tasks: assign(({ context }) => show(context, { page: 'tasks', selected: context.w.task ?? 'customize' })),
    chooseTask: assign(({ context, event }) =>
      event.type === 'chooseTask' ? show(context, { page: 'tasks', selected: event.task }) : {},
    ),
    /** Leaving Additional tasks: a fresh draft from the server's configuration, credentials forgotten. */
    startTask: assign(({ context }) => {
      if (context.w.page.page !== 'tasks') return {};
      const task = context.w.page.selected;
      return { w: { page: context.w.page, task, draft: draftOf(context), credentials: undefined } };
    }),
    viewConfig: assign(({ context }) => show(context, { page: 'viewConfig' })),
    notModelled: assign(({ context }) =>
      show(context, { page: 'notModelled', task: context.w.task ?? 'troubleshoot' }),
    ),
    connectAad: assign(({ context }) =>
      show(context, { page: 'connectAad', user: context.w.credentials?.user ?? '' }),
    ),
    setCredentials: assign(({ context, event }) =>
      event.type === 'setCredentials'
        ? show(
            context,
            { page: 'connectAad', user: event.user },
            {
              credentials: { user: event.user, password: event.password },
            },
          )
        : {},
    ),
    needCredentials: assign(({ context }) =>
      show(context, {
        page: 'connectAad',
        user: context.w.credentials?.user ?? '',
        error: WIZARD_TEXT.needCredentials,
      }),
    ),
    checkCredentials: assign(({ context }) =>
      context.w.credentials
        ? {
            ...show(context, { page: 'working', what: 'checking' }),
            effects: [
              ...context.effects,
              { type: 'checkCredentials' as const, credentials: context.w.credentials },
            ],
          }
        : {},
    ),
    credentialsRefused: assign(({ context, event }) =>
      event.type === 'credentialsChecked'
        ? show(context, {
            page: 'connectAad',
            user: context.w.credentials?.user ?? '',
            error: event.result === 'invalid' ? WIZARD_TEXT.invalidCredentials : WIZARD_TEXT.unreachable,
          })
        : {},
    ),
    page: assign(
      (
        { context },
        params: { page: 'directories' | 'ouFiltering' | 'optionalFeatures' | 'staging' | 'ready' },
      ) => show(context, { page: params.page }),
    ),
    setOuFilter: assign(({ context, event }) =>
      event.type === 'setOuFilter' ? draftPatch(context, { ouFilter: event.ouFilter }) : {},
    ),
    setFeature: assign(({ context, event }) =>
      event.type === 'setFeature' && context.w.draft
        ? draftPatch(context, { features: { ...context.w.draft.features, [event.feature]: event.enabled } })
        : {},
    ),
    setStaging: assign(({ context, event }) =>
      event.type === 'setStaging' ? draftPatch(context, { staging: event.enabled }) : {},
    ),
    setStartSync: assign(({ context, event }) =>
      event.type === 'setStartSync' ? draftPatch(context, { startSync: event.enabled }) : {},
    ),
    configure: assign(({ context }) => {
      const { credentials, draft, task } = context.w;
      if (!credentials || !draft || !task) return {};
      const stages = configureStages(context.config, draft, context.stagingNow);
      const localMs = stages.slice(1).reduce((sum, s) => sum + s.ms, 0);
      return {
        ...show(context, { page: 'configuring', startedAt: context.now, stages }),
        effects: [...context.effects, { type: 'configure' as const, credentials, draft, task, localMs }],
      };
    }),
    cloudAnswered: assign(({ context }) =>
      context.w.page.page === 'configuring'
        ? show(context, { ...context.w.page, cloudDoneAt: context.now })
        : {},
    ),
    complete: assign(({ context, event }) =>
      event.type === 'configured'
        ? show(context, { page: 'complete', ok: event.ok, message: event.message })
        : {},
    ),
  },
}).createMachine({
  id: 'wizard',
  context: ({ input }) => input,
  initial: 'closed',
  states: {
    closed: { on: { open: { target: 'welcome', actions: 'welcome' } } },
    welcome: {
      on: { next: { target: 'tasks', actions: 'tasks' }, close: { target: 'closed', actions: 'close' } },
    },
    tasks: {
      on: {
        chooseTask: { actions: 'chooseTask' },
        next: [
          { guard: 'taskIsView', target: 'viewConfig', actions: ['startTask', 'viewConfig'] },
          { guard: 'taskIsModelled', target: 'connectAad', actions: ['startTask', 'connectAad'] },
          { target: 'notModelled', actions: ['startTask', 'notModelled'] },
        ],
        back: { target: 'welcome', actions: 'welcome' },
        close: { target: 'closed', actions: 'close' },
      },
    },
    viewConfig: {
      on: { back: { target: 'tasks', actions: 'tasks' }, close: { target: 'closed', actions: 'close' } },
    },
    notModelled: {
      on: { back: { target: 'tasks', actions: 'tasks' }, close: { target: 'closed', actions: 'close' } },
    },
    connectAad: {
      on: {
        setCredentials: { actions: 'setCredentials' },
        next: [
          { guard: not('credentialsTyped'), actions: 'needCredentials' },
          { target: 'working', actions: 'checkCredentials' },
        ],
        back: { target: 'tasks', actions: 'tasks' },
        close: { target: 'closed', actions: 'close' },
      },
    },
    working: {
      on: {
        credentialsChecked: [
          {
            guard: and(['credentialsOk', 'customizing']),
            target: 'directories',
            actions: { type: 'page', params: { page: 'directories' } },
          },
          {
            guard: and(['credentialsOk', 'staging']),
            target: 'staging',
            actions: { type: 'page', params: { page: 'staging' } },
          },
          { target: 'connectAad', actions: 'credentialsRefused' },
        ],
      },
    },
    directories: {
      on: {
        next: { target: 'ouFiltering', actions: { type: 'page', params: { page: 'ouFiltering' } } },
        back: { target: 'connectAad', actions: 'connectAad' },
        close: { target: 'closed', actions: 'close' },
      },
    },
    ouFiltering: {
      on: {
        setOuFilter: { guard: 'hasDraft', actions: 'setOuFilter' },
        next: { target: 'optionalFeatures', actions: { type: 'page', params: { page: 'optionalFeatures' } } },
        back: { target: 'directories', actions: { type: 'page', params: { page: 'directories' } } },
        close: { target: 'closed', actions: 'close' },
      },
    },
    optionalFeatures: {
      on: {
        setFeature: { guard: 'hasDraft', actions: 'setFeature' },
        next: { target: 'ready', actions: { type: 'page', params: { page: 'ready' } } },
        back: { target: 'ouFiltering', actions: { type: 'page', params: { page: 'ouFiltering' } } },
        close: { target: 'closed', actions: 'close' },
      },
    },
    staging: {
      on: {
        setStaging: { guard: 'hasDraft', actions: 'setStaging' },
        next: { target: 'ready', actions: { type: 'page', params: { page: 'ready' } } },
        back: { target: 'connectAad', actions: 'connectAad' },
        close: { target: 'closed', actions: 'close' },
      },
    },
    ready: {
      on: {
        setStaging: { guard: 'hasDraft', actions: 'setStaging' },
        setStartSync: { guard: 'hasDraft', actions: 'setStartSync' },
        next: { guard: 'readyToConfigure', target: 'configuring', actions: 'configure' },
        back: [
          { guard: 'staging', target: 'staging', actions: { type: 'page', params: { page: 'staging' } } },
          { target: 'optionalFeatures', actions: { type: 'page', params: { page: 'optionalFeatures' } } },
        ],
        close: { target: 'closed', actions: 'close' },
      },
    },
    /** Nothing closes the wizard while it configures; its Exit comes on the next page. */
    configuring: {
      on: {
        cloudConfigured: { actions: 'cloudAnswered' },
        configured: { target: 'complete', actions: 'complete' },
      },
    },
    complete: {
      on: { next: { target: 'closed', actions: 'close' }, close: { target: 'closed', actions: 'close' } },
    },
  },
});
