/**
 * The instructor's fault operations: inject, clear, list with whether each still holds, schedule
 * at a lab time or on a trigger; none of it reaches the learner's view; all of it replays.
 */
import { describe, expect, it } from 'vitest';
import { Lab } from '../../../simulation/facade/lab';
import { FAULTS } from '../../../simulation/faults/catalog';
import { must, wait } from '../../harness';
import { holds, ssprAttempt, workingLab } from './faultHarness';

describe('instructor fault operations', () => {
  it('schedules a fault at a lab time: nothing before, in place after', () => {
    const lab = workingLab();
    must(lab, { type: 'fault.schedule', fault: 'L1', at: lab.now() + 10 * 60_000 });
    expect(lab.scheduledFaults()).toMatchObject([{ id: 'L1' }]);
    wait(lab, '9m');
    expect(lab.faultStatus()).toEqual([]);
    expect(lab.learnerView().adminCenter.passwordReset.properties.enabled).toBe('All');
    wait(lab, '2m');
    expect(lab.faultStatus()).toMatchObject([{ id: 'L1', holds: true, injectedAt: lab.now() - 60_000 }]);
    expect(lab.scheduledFaults()).toEqual([]);
  });

  it('schedules a fault on a trigger: it goes in when the learner first opens the SSPR page', () => {
    const lab = workingLab();
    must(lab, { type: 'fault.schedule', fault: 'L5', trigger: 'sspr.opened' });
    wait(lab, '1h');
    expect(holds(lab, 'L5')).toBeUndefined();
    expect(ssprAttempt(lab)).toMatchObject({ page: 'error', code: 'SSPR_0010' });
    expect(holds(lab, 'L5')).toBe(true);
  });

  it('unschedules and clears; clearing takes the fault away by its repair commands', () => {
    const lab = workingLab();
    must(lab, { type: 'fault.schedule', fault: 'L3', at: lab.now() + 60_000 });
    must(lab, { type: 'fault.unschedule', fault: 'L3' });
    wait(lab, '5m');
    expect(lab.faultStatus()).toEqual([]);
    must(lab, { type: 'fault.inject', fault: 'L6' });
    must(lab, { type: 'fault.clear', fault: 'L6' });
    expect(lab.faultStatus()).toEqual([]);
    expect(lab.learnerView().tools.sync01?.services.find((s) => s.name === 'ADSync')?.status).toBe('Running');
  });

  it('lists faults with whether they still hold, after a learner fix by any route', () => {
    const lab = workingLab();
    must(lab, { type: 'fault.inject', fault: 'L1' });
    must(lab, { type: 'fault.inject', fault: 'L26' });
    expect(lab.faultStatus().map((f) => [f.id, f.holds])).toEqual([
      ['L1', true],
      ['L26', true],
    ]);
    must(lab, { type: 'portal.admin', action: { type: 'sspr.properties', enabled: 'All' } });
    expect(lab.faultStatus().map((f) => [f.id, f.holds])).toEqual([
      ['L1', false],
      ['L26', true],
    ]);
  });

  it("keeps every fault out of the learner's view", () => {
    const lab = workingLab();
    for (const f of ['L6', 'L7', 'L9', 'L16', 'L28']) must(lab, { type: 'fault.inject', fault: f });
    must(lab, { type: 'fault.schedule', fault: 'L1', trigger: 'myaccount.opened' });
    const view = JSON.stringify(lab.learnerView());
    for (const f of FAULTS) expect(view).not.toContain(f.title);
    expect(view).not.toMatch(/"L\d{1,2}"/);
    expect(view).not.toContain('fault');
    expect(lab.truth().faults.active.map((f) => f.id)).toEqual(['L6', 'L7', 'L9', 'L16', 'L28']);
  });

  it('refuses unknown faults and bad schedules with a clear error', () => {
    const lab = new Lab();
    expect(lab.dispatch({ type: 'fault.inject', fault: 'L99' })).toEqual({
      ok: false,
      error: 'fault.inject.fault: expected a fault of the catalog (L1–L33), got "L99"',
    });
    expect(lab.dispatch({ type: 'fault.schedule', fault: 'L1' })).toEqual({
      ok: false,
      error: 'fault.schedule: expected "at" (a lab time) or "trigger"',
    });
  });

  it('replays a session with injected and scheduled faults to the same state', () => {
    const lab = workingLab();
    must(lab, { type: 'fault.inject', fault: 'L14' });
    must(lab, { type: 'fault.schedule', fault: 'L7', at: lab.now() + 3 * 60_000 });
    must(lab, { type: 'fault.schedule', fault: 'L1', trigger: 'sspr.opened' });
    wait(lab, '5m');
    ssprAttempt(lab);
    const again = Lab.replay(lab.definition, lab.seed, lab.journal());
    expect(again.stateHash()).toBe(lab.stateHash());
    expect(again.faultStatus()).toEqual(lab.faultStatus());
  });
});
