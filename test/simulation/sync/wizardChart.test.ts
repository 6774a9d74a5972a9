/**
 * The Connect wizard as a state machine: the seed guide's path page by page, the left pane that
 * lists every step and marks progress, the eight optional features, and the Configuring page that
 * runs on the lab clock and cannot be closed until it is done.
 */
import { describe, expect, it } from 'vitest';
import { toDirectedGraph } from 'xstate/graph';
import { wizardChart } from '../../../simulation/sync/wizardChart';
import { FEATURE_HELP, FEATURE_LABELS } from '../../../simulation/sync/wizard';
import { newLab, wait, wizard } from '../../harness';
import type { Lab } from '../../../simulation/facade/lab';

const ADMIN = { user: 'admin@everestitt.onmicrosoft.com', password: 'CloudAdmin!2026' };
const view = (lab: Lab) => lab.learnerView().connect!;
const current = (lab: Lab) => view(lab).steps.find((s) => s.state === 'current')?.label;

function toOptionalFeatures(lab: Lab): void {
  wizard(lab, { type: 'open' });
  wizard(lab, { type: 'next' });
  wizard(lab, { type: 'chooseTask', task: 'customize' });
  wizard(lab, { type: 'next' });
  wizard(lab, { type: 'setCredentials', ...ADMIN });
  wizard(lab, { type: 'next' });
  wizard(lab, { type: 'next' });
  wizard(lab, { type: 'next' });
}

describe('the Connect wizard chart', () => {
  it('has one state per page', () => {
    const states = toDirectedGraph(wizardChart).children.map((c) => c.id.replace('wizard.', ''));
    expect(states.sort()).toEqual(
      [
        'closed',
        'complete',
        'configuring',
        'connectAad',
        'directories',
        'notModelled',
        'optionalFeatures',
        'ouFiltering',
        'ready',
        'staging',
        'tasks',
        'viewConfig',
        'welcome',
        'working',
      ].sort(),
    );
  });

  it('offers the eight optional features, each with its "?" help', () => {
    expect(Object.values(FEATURE_LABELS)).toEqual([
      'Exchange hybrid deployment',
      'Exchange Mail Public Folders',
      'Microsoft Entra app and attribute filtering',
      'Password hash synchronization',
      'Password writeback',
      'Group writeback',
      'Device writeback',
      'Directory extension attribute sync',
    ]);
    for (const help of Object.values(FEATURE_HELP)) expect(help.length).toBeGreaterThan(20);
  });
});

describe('Customize synchronization options, the seed guide path', () => {
  it('lists every step in the left pane and marks where the learner is', () => {
    const lab = newLab();
    wizard(lab, { type: 'open' });
    expect(view(lab).steps.map((s) => s.label)).toEqual(['Welcome', 'Tasks']);
    toOptionalFeatures(lab);
    expect(view(lab).page).toEqual({ page: 'optionalFeatures' });
    expect(view(lab).steps).toEqual([
      { label: 'Welcome', state: 'done', nested: false },
      { label: 'Tasks', state: 'done', nested: false },
      { label: 'Connect to Microsoft Entra ID', state: 'done', nested: false },
      { label: 'Sync', state: 'current', nested: false },
      { label: 'Connect Directories', state: 'done', nested: true },
      { label: 'Domain/OU Filtering', state: 'done', nested: true },
      { label: 'Optional Features', state: 'current', nested: true },
      { label: 'Configure', state: 'upcoming', nested: false },
    ]);
    expect(view(lab).draft?.featureHelp.passwordWriteback).toMatch(
      /written back to your on-premises directory/,
    );
  });

  it('configures on the lab clock: the stages tick off as time passes, Exit only when done', () => {
    const lab = newLab();
    toOptionalFeatures(lab);
    wizard(lab, { type: 'setFeature', feature: 'passwordHashSync', enabled: true });
    wizard(lab, { type: 'setFeature', feature: 'passwordWriteback', enabled: true });
    wizard(lab, { type: 'next' });
    expect(current(lab)).toBe('Configure');
    wizard(lab, { type: 'next' });
    expect(view(lab).page.page).toBe('configuring');
    const first = view(lab).progress!;
    expect(first.stages.map((s) => s.label)).toEqual([
      'Configuring Microsoft Entra ID',
      'Configuring synchronization service',
      'Enabling password hash synchronization',
      'Enabling password writeback',
      'Starting synchronization',
    ]);
    expect(first.stages[0]?.state).toBe('done'); // the cloud answered while the command ran
    wizard(lab, { type: 'close' });
    expect(view(lab).page.page).toBe('configuring');
    wait(lab, '10s');
    const later = view(lab).progress!;
    expect(later.fraction).toBeGreaterThan(first.fraction);
    expect(later.stages[1]?.state).toBe('done');
    const serverFeatures = () => lab.truth().hosts.sync01?.adsync?.state.config?.features;
    expect(serverFeatures()?.passwordWriteback).toBe(false);
    wait(lab, '30s');
    expect(view(lab).page).toMatchObject({ page: 'complete', ok: true });
    expect(serverFeatures()?.passwordWriteback).toBe(true);
    wizard(lab, { type: 'next' });
    expect(view(lab).page).toEqual({ page: 'closed' });
  });

  it('Previous walks back page by page', () => {
    const lab = newLab();
    toOptionalFeatures(lab);
    wizard(lab, { type: 'back' });
    expect(view(lab).page).toEqual({ page: 'ouFiltering' });
    wizard(lab, { type: 'back' });
    wizard(lab, { type: 'back' });
    expect(view(lab).page).toMatchObject({ page: 'connectAad', user: ADMIN.user });
  });

  it('stays on the cloud stage while Microsoft Entra ID does not answer, then reports the failure', () => {
    const lab = newLab();
    toOptionalFeatures(lab);
    wizard(lab, { type: 'next' });
    // The edge firewall drops the server's HTTPS: the call waits for its timeout.
    lab.dispatch({ type: 'fault.inject', fault: 'L7' });
    wizard(lab, { type: 'next' });
    expect(view(lab).progress?.stages.map((s) => s.state)).toEqual(['running', 'waiting', 'waiting']);
    wait(lab, '2m');
    expect(view(lab).page).toMatchObject({ page: 'complete', ok: false });
  });
});
