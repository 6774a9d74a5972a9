/**
 * Grading looks at the state the lab ends in: a different valid fix from the reference solution's
 * completes the scenario just as well, and a "fix" with collateral damage costs points.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario, type Scenario } from '../../../simulation/scenarios/schema';
import { HIDDEN_PENALTY_TITLE, ScenarioRun } from '../../../simulation/scenarios/engine';

function load(file: string): Scenario {
  const r = loadScenario(readFileSync(join(__dirname, '../../../assets/scenarios', file), 'utf8'), file);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.scenario;
}

const RESET_AND_SIGN_IN = [
  'sspr open',
  'sspr submitUser userId=michael.brown@laborhub.store captcha=@captcha',
  'sspr chooseMethod method=sms',
  'sspr sendSms phone="+1 4255550142"',
  'sspr enterCode code=@smsCode',
  'sspr submitPassword password="Spring#Reset2026" confirm="Spring#Reset2026"',
  'signin pc2 michael.brown "Spring#Reset2026"',
];

describe('grading by end state', () => {
  it('ADSync started from PowerShell (not from the Services console, as the reference does) completes the scenario', () => {
    const s = load('adsync-stopped.json');
    expect(s.solution.some((l) => l.startsWith('service start'))).toBe(true);
    const run = ScenarioRun.start(s, 1);
    for (const line of ['ps sync01: Start-Service ADSync', 'advance 2m', ...RESET_AND_SIGN_IN])
      expect(run.act(line)).toEqual({ ok: true });
    expect(run.getStatus()).toBe('completed');
    expect(run.score().total).toBe(run.score().max);
  });

  it('a fix with collateral damage (writeback turned off and on again is fine; left off costs points)', () => {
    const s = load('adsync-stopped.json');
    const clean = ScenarioRun.start(s, 1);
    for (const line of s.solution) clean.act(line);
    const damaged = ScenarioRun.start(s, 1);
    // The learner also turns SSPR off for everyone at the end "to stop the complaints".
    for (const line of [
      ...s.solution.slice(0, -1),
      'admin sspr.properties enabled=None',
      s.solution.at(-1) ?? '',
    ])
      damaged.act(line);
    expect(damaged.getStatus()).toBe('completed');
    expect(damaged.score().collateral.map((c) => c.id)).toContain('sspr-off');
    expect(damaged.score().total).toBeLessThan(clean.score().total);
  });

  it('taking hints costs their points; giving up ends the run with the score as it stands', () => {
    const s = load('adsync-stopped.json');
    const run = ScenarioRun.start(s, 1);
    const h = run.takeHint();
    expect(h?.cost).toBeGreaterThan(0);
    run.giveUp();
    expect(run.getStatus()).toBe('gave-up');
    expect(run.score().hints).toBe(h?.cost);
    expect(run.score().passed).toBe(false);
  });

  it('waiting for the minimum password age instead of changing the policy also counts', () => {
    const s = load('changed-this-morning.json');
    expect(s.solution.some((l) => l.includes('-MinPasswordAge 0'))).toBe(true);
    const waited = ScenarioRun.start(s, 1);
    // The same reset refused this morning goes through tomorrow; the policy is never touched.
    expect(waited.act('advance 1d')).toEqual({ ok: true });
    for (const line of RESET_AND_SIGN_IN) expect(waited.act(line)).toEqual({ ok: true });
    expect(waited.getStatus()).toBe('completed');
    expect(waited.score().total).toBe(waited.score().max);
    expect(waited.lab.truth().hosts.dc01?.roles.directory?.policy.minAgeDays).toBe(1);
  });

  it('opening SSPR to everyone instead of fixing the sync scheduler works but costs points', () => {
    const s = load('pilot-group-stuck.json');
    const run = ScenarioRun.start(s, 1);
    for (const line of [
      'admin sspr.properties enabled=All',
      'ps sync01: Set-ADSyncScheduler -SyncCycleEnabled $true',
      'ps sync01: Start-ADSyncSyncCycle -PolicyType Delta',
      'advance 3m',
      ...RESET_AND_SIGN_IN,
    ])
      expect(run.act(line)).toEqual({ ok: true });
    expect(run.getStatus()).toBe('completed');
    expect(run.score().collateral.map((c) => c.id)).toEqual(['sspr-all']);
    expect(run.score().total).toBe(run.score().max - 20);
  });

  it('unlocking in Active Directory Users and Computers (not SSPR, as the reference does) completes the scenario', () => {
    const s = load('account-locked-out.json');
    expect(s.solution.some((l) => l.startsWith('sspr chooseTrouble option=unlock'))).toBe(true);
    const run = ScenarioRun.start(s, 1);
    expect(run.lab.learnerView().aduc?.users.find((u) => u.sam === 'michael.brown')?.account.lockedOut).toBe(
      true,
    );
    for (const line of ['aduc unlock user=michael.brown', 'signin pc2 michael.brown "Welcome@2026"'])
      expect(run.act(line)).toEqual({ ok: true });
    expect(run.lab.learnerView().desktops.pc2?.screen).toBe('desktop');
    expect(run.getStatus()).toBe('completed');
    expect(run.score().total).toBe(run.score().max);
  });
});

describe('what the starting state gives away', () => {
  it('consoles that setup typed into open fresh: no transcript, no history to scroll back to', () => {
    const s = load('pilot-group-stuck.json');
    expect(s.start.setup?.some((l) => l.startsWith('ps sync01: Set-ADSyncScheduler'))).toBe(true);
    const run = ScenarioRun.start(s, 1);
    const consoles = run.lab.learnerView().consoles;
    for (const host of ['sync01', 'dc01'])
      for (const shell of ['cmd', 'powershell'] as const) {
        expect(consoles[host]?.[shell].history).toEqual([]);
        expect(consoles[host]?.[shell].transcript).toEqual([]);
      }
    // The broken state itself stays: the scheduler is still off.
    run.act('ps sync01: Get-ADSyncScheduler');
    const text = run.lab
      .learnerView()
      .consoles.sync01?.powershell.transcript.map((l) => l.text)
      .join('\n');
    expect(text).toMatch(/SyncCycleEnabled\s+: False/);
    expect(run.lab.learnerView().consoles.sync01?.powershell.history).toEqual(['Get-ADSyncScheduler']);
  });
});

describe('penalties before the run ends', () => {
  it("a penalty state an instructor's fault puts in place is not held against the learner", () => {
    const s = load('adsync-stopped.json');
    expect(s.scoring?.collateral?.map((c) => c.id)).toContain('writeback-off');
    const run = ScenarioRun.start(s, 1);
    // The instructor injects L5 live: writeback goes off in the portal, but the learner did nothing.
    expect(run.dispatch({ type: 'fault.inject', fault: 'L5', params: {} }).ok).toBe(true);
    expect(run.score().collateral).toEqual([]);
    expect(JSON.stringify(run.report())).not.toMatch(/writeback/i);
    // Once the learner has put writeback back on, turning it off again is theirs.
    expect(run.act('admin sspr.onPremises writeback=true allowUnlock=false')).toEqual({ ok: true });
    expect(run.act('admin sspr.onPremises writeback=false allowUnlock=false')).toEqual({ ok: true });
    expect(run.score().collateral.map((c) => c.id)).toEqual(['writeback-off']);
  });

  it('a penalty title that names a cause in the lab is neutral until the end, then revealed', () => {
    const s = load('adsync-stopped.json');
    const title = s.scoring?.collateral?.find((c) => c.id === 'writeback-off')?.title ?? '';
    expect(title).toMatch(/writeback/i);
    const run = ScenarioRun.start(s, 1);
    // L5 arrives from the instructor, the learner fixes it, then breaks it again.
    expect(run.dispatch({ type: 'fault.inject', fault: 'L5', params: {} }).ok).toBe(true);
    expect(run.act('admin sspr.onPremises writeback=true allowUnlock=false')).toEqual({ ok: true });
    expect(run.act('admin sspr.onPremises writeback=false allowUnlock=false')).toEqual({ ok: true });
    expect(run.score().collateral).toEqual([{ id: 'writeback-off', title: HIDDEN_PENALTY_TITLE, cost: 30 }]);
    expect(JSON.stringify(run.score())).not.toContain(title);
    run.giveUp();
    expect(run.score().collateral).toEqual([{ id: 'writeback-off', title, cost: 30 }]);
  });

  it('a penalty title naming no fault of this lab is shown as written', () => {
    const s = load('adsync-stopped.json');
    const run = ScenarioRun.start(s, 1);
    expect(run.act('admin sspr.onPremises writeback=false allowUnlock=false')).toEqual({ ok: true });
    expect(run.act('admin sspr.properties enabled=None')).toEqual({ ok: true });
    expect(run.score().collateral.map((c) => c.title)).toEqual([
      'SSPR was turned off for everyone',
      'Password writeback was left off in the portal',
    ]);
  });
});
