/**
 * Delta synchronisation (issue 11): a delta cycle exports what changed since the AD connector's
 * uSNChanged watermark, keeps what did not change (synced groups included), deletes in the cloud
 * what really went away on-premises, and its run history counts what the delta import read.
 */
import { describe, expect, it } from 'vitest';
import { must } from '../../harness';
import { out, workingLab } from '../faults/faultHarness';
import type { Lab } from '../../../simulation/facade/lab';
import { TIMINGS } from '../../../simulation/core/timings';

const cloudGroup = (lab: Lab, name: string) =>
  lab.truth().tenant.groups.find((g) => g.onPremisesSyncEnabled && g.name === name);
const upnOf = (lab: Lab, id: string) => lab.truth().tenant.users.find((u) => u.id === id)?.upn;
/** The AD connector's delta imports in the run history. */
const adImports = (lab: Lab) => {
  const state = lab.truth().hosts.sync01?.adsync?.state;
  return (state?.runHistory ?? []).filter(
    (r) => r.profile === 'Delta Import' && r.connector === state?.config?.adConnector,
  );
};

function deltaCycle(lab: Lab): void {
  expect(out(lab, 'sync01', 'Start-ADSyncSyncCycle -PolicyType Delta')).toMatch(/Success/);
  must(lab, { type: 'clock.advance', ms: TIMINGS.syncCycleBusy + 1000 });
}

function adUser(lab: Lab, identity: string, patch: Record<string, unknown>): void {
  must(lab, { type: 'backstage.ad', op: { op: 'user', identity, patch } });
}

function adGroup(lab: Lab, group: string, identity: string, add: boolean): void {
  must(lab, { type: 'backstage.ad', op: { op: 'group', group, identity, add } });
}

describe('a delta sync and the synced groups', () => {
  it('an export of users only leaves the synced groups in the cloud', () => {
    const lab = workingLab();
    const before = cloudGroup(lab, 'Sales');
    expect(before?.members.map((m) => upnOf(lab, m))).toEqual([
      'michael.brown@laborhub.store',
      'emma.wilson@laborhub.store',
    ]);
    // James is in no exported group: the export carries his user and no group.
    adUser(lab, 'james.carter', { mobile: '+1 4255550120' });
    deltaCycle(lab);
    const james = lab.truth().tenant.users.find((u) => u.upn === 'james.carter@laborhub.store');
    expect(james?.mobile).toBe('+1 4255550120');
    expect(cloudGroup(lab, 'Sales')).toEqual(before);
    // A second user-only delta still leaves it there.
    adUser(lab, 'james.carter', { mobile: '+1 4255550121' });
    deltaCycle(lab);
    expect(cloudGroup(lab, 'Sales')).toEqual(before);
  });

  it('a group emptied on-premises is deleted in the cloud, and comes back with its first member', () => {
    const lab = workingLab();
    const id = cloudGroup(lab, 'Sales')?.id;
    adGroup(lab, 'Sales', 'michael.brown', false);
    deltaCycle(lab);
    expect(cloudGroup(lab, 'Sales')?.members.map((m) => upnOf(lab, m))).toEqual([
      'emma.wilson@laborhub.store',
    ]);
    adGroup(lab, 'Sales', 'emma.wilson', false);
    deltaCycle(lab);
    expect(cloudGroup(lab, 'Sales')).toBeUndefined();
    adGroup(lab, 'Sales', 'emma.wilson', true);
    deltaCycle(lab);
    const back = cloudGroup(lab, 'Sales');
    expect(back?.members.map((m) => upnOf(lab, m))).toEqual(['emma.wilson@laborhub.store']);
    expect(back?.id).not.toBe(id);
  });

  it('a user changed without a change of membership keeps the groups it is in as they were', () => {
    const lab = workingLab();
    const before = cloudGroup(lab, 'Sales');
    adUser(lab, 'michael.brown', { mobile: '+1 4255550143' });
    deltaCycle(lab);
    expect(cloudGroup(lab, 'Sales')).toEqual(before);
  });
});

describe('the run history of a delta import', () => {
  it('counts the objects the delta import read: adds, updates and deletes', () => {
    const lab = workingLab();
    adUser(lab, 'james.carter', { title: 'Senior Accountant' });
    adUser(lab, 'olivia.martinez', { department: 'People' });
    deltaCycle(lab);
    const imp = adImports(lab);
    expect(imp.at(-1)).toMatchObject({ status: 'success', adds: 0, updates: 2, deletes: 0 });
    // No change: nothing read.
    deltaCycle(lab);
    const again = adImports(lab);
    expect(again.at(-1)).toMatchObject({ adds: 0, updates: 0, deletes: 0 });
  });
});
