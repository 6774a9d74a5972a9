/**
 * A learner's run in a class, handed in: a real run on the redacted scenario the hub sent, with the
 * hub's seed, a hint from the hub and the instructor's fault commands applied as journalled
 * commands, signed with the app's Node key module. The hub finds nothing to flag in an honest
 * result and names each difference in an edited one; the export gives the result back as it was
 * signed, and as an xAPI statement.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classResults, classXapi, isoDuration, scenarioUrn } from '../../../simulation/classroom/classExport';
import { HubCore } from '../../../simulation/classroom/hubCore';
import { progressOf } from '../../../simulation/classroom/progress';
import type { HubCommand, SignedResult } from '../../../simulation/classroom/protocol';
import { ScenarioRun } from '../../../simulation/scenarios/engine';
import { scenarioVersion } from '../../../simulation/scenarios/openSession';
import { buildResult, signedText, type ResultPayload } from '../../../simulation/scenarios/result';
import { checkScenario, loadScenario, type Scenario } from '../../../simulation/scenarios/schema';
import { loadOrCreateKey, nodeCheck, nodeSigner } from '../../../src-main/resultSigning';

const file = resolve(__dirname, '../../../assets/scenarios/adsync-stopped.json');
const loaded = loadScenario(readFileSync(file, 'utf8'), 'adsync-stopped.json');
if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
const scenario: Scenario = loaded.scenario;
const signer = nodeSigner(loadOrCreateKey(mkdtempSync(join(tmpdir(), 'hl-class-key-'))));
const T0 = Date.UTC(2026, 11, 5, 9, 0);

const sign = (payload: ResultPayload): SignedResult => {
  const text = signedText(payload);
  return { payload: text, signature: signer.sign(text), publicKey: signer.publicKey };
};

/** A class of one: assigned, a hint, a fault scheduled by the instructor, solved. */
function classRun() {
  let t = T0;
  const h = HubCore.create('ABC123', {
    scenario: (id) => (id === scenario.id ? scenario : undefined),
    now: () => (t += 1000),
    newId: () => 'learner001',
    newToken: () => 'token-1-abcdefghijklmnop',
    verify: nodeCheck,
  });
  const a = h.join({ kind: 'hello', v: 1, role: 'learner', code: 'ABC123', name: 'Ada', applied: 0 });
  if (!a.ok) throw new Error(a.reason);
  const id = a.learner.id;
  const assign = h.act([id], { type: 'assign', scenarioId: scenario.id, seedBase: 7 }).send[0]?.command;
  if (assign?.type !== 'assign') throw new Error('no assign');
  const checked = checkScenario(assign.scenario, assign.assignment);
  if (!checked.ok) throw new Error(checked.errors.join('\n'));
  const run = ScenarioRun.start(checked.scenario, assign.seed, undefined, { learnerName: 'Ada', wallMs: T0 });
  let applied = 1;
  let seq = 0;
  const toLab = (c: HubCommand | undefined) => {
    applied++;
    if (c?.type === 'fault.inject' || c?.type === 'fault.clear') run.dispatch(c, T0 + 10_000);
    if (c?.type === 'fault.schedule')
      run.dispatch({ type: 'fault.schedule', fault: c.fault, at: run.lab.now() + c.afterMs }, T0 + 10_000);
    if (c?.type === 'hint') run.takeHint(c.id, T0 + 20_000);
  };
  const hint = scenario.hints![0]!.id;
  toLab(
    h.fromLearner(id, { kind: 'hint.request', seq: ++seq, assignment: assign.assignment, hint }).send[0]
      ?.command,
  );
  // A fault scheduled a month of lab time away, so the run's own outcome stays the scenario's.
  toLab(h.act([id], { type: 'fault.schedule', fault: 'L6', afterMs: 30 * 24 * 3600_000 }).send[0]?.command);
  scenario.solution.forEach((l, i) => expect(run.act(l, T0 + 60_000 * (i + 1))).toEqual({ ok: true }));
  expect(run.getStatus()).toBe('completed');
  const end = h.fromLearner(id, {
    kind: 'progress',
    seq: ++seq,
    progress: progressOf(run, { assignment: assign.assignment, applied, wallMs: T0 + 600_000 }),
  });
  expect(end.send.map((o) => o.command.type)).toEqual(['reveal']);
  const hand = (result: SignedResult) =>
    h.fromLearner(id, { kind: 'result', seq: ++seq, assignment: assign.assignment, result });
  return { h, id, assignment: assign.assignment, seed: assign.seed, payload: buildResult(run), hand };
}

const edited = (p: ResultPayload, edit: (p: ResultPayload) => void): ResultPayload => {
  const copy = JSON.parse(JSON.stringify(p)) as ResultPayload;
  edit(copy);
  return copy;
};

describe('a result handed in to the hub', () => {
  it('agrees with the hub’s record when nothing was changed', () => {
    const c = classRun();
    expect(c.hand(sign(c.payload))).toMatchObject({ applied: true });
    expect(c.h.rows(() => true)[0]).toMatchObject({ results: 1, flags: [] });
  });

  it('is flagged when it was edited after signing (and for the score it claims)', () => {
    const c = classRun();
    const honest = sign(c.payload);
    const raised = edited(c.payload, (p) => void (p.score.total += 25));
    c.hand({ ...honest, payload: signedText(raised) });
    expect(c.h.rows(() => true)[0]?.flags).toEqual([
      'the signature does not verify: the result was changed after it was signed',
      `score ${c.payload.score.total + 25} in the result, ${c.payload.score.total} in the hub's record`,
    ]);
  });

  it('names each difference from the record in a re-signed result: seed, hints, objectives, instructor commands', () => {
    const c = classRun();
    const forged = edited(c.payload, (p) => {
      p.seed = 99;
      p.session.hints = [];
      p.objectives = p.objectives.map((o, i) => (i === 0 ? { ...o, met: false } : o));
      p.session.journal = p.session.journal.filter((e) => e.command.type !== 'fault.schedule');
    });
    c.hand(sign(forged));
    const first = c.payload.objectives[0]!.id;
    expect(c.h.rows(() => true)[0]?.flags).toEqual([
      `seed 99 in the result, ${c.seed} assigned`,
      `hints the hub gave but the result leaves out: ${scenario.hints![0]!.id}`,
      `objectives the hub saw met but the result leaves unmet: ${first}`,
      "instructor commands missing from the result's journal: fault.schedule L6",
    ]);
  });
});

describe('the class export', () => {
  it('gives each result back as the learner signed it, with the hub’s flags', () => {
    const c = classRun();
    c.hand(sign(c.payload));
    const [r, ...more] = classResults(c.h.record);
    expect(more).toEqual([]);
    expect(r).toMatchObject({ learner: 'Ada', learnerId: c.id, assignment: c.assignment, flags: [] });
    expect(r?.receivedAt).toMatch(/^2026-12-05T09:00:\d\d\.000Z$/);
    const { signature, ...payload } = r!.result as unknown as ResultPayload & {
      signature: { alg: string; publicKey: string; value: string };
    };
    expect(payload).toEqual(c.payload);
    expect(signature.alg).toBe('Ed25519');
    expect(nodeCheck(signature.publicKey, signedText(payload), signature.value)).toBe(true);
  });

  it('as xAPI: completed with the scaled score, success and ISO 8601 duration; actor by name and account', () => {
    const c = classRun();
    c.hand(sign(c.payload));
    const home = 'http://192.168.1.10:47800';
    const [s, ...more] = classXapi(c.h.record, { scenario: () => scenario, homePage: home });
    expect(more).toEqual([]);
    const score = c.payload.score;
    expect(s).toMatchObject({
      actor: { objectType: 'Agent', name: 'Ada', account: { homePage: home, name: c.id } },
      verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
      object: {
        objectType: 'Activity',
        id: `urn:hybridlab:scenario:adsync-stopped:${scenarioVersion(scenario)}`,
        definition: { name: { 'en-US': scenario.title } },
      },
      result: {
        score: { scaled: score.total / score.max, raw: score.total, min: 0, max: score.max },
        success: score.passed,
        completion: true,
        duration: isoDuration(c.payload.activeMs),
      },
    });
    expect(s?.timestamp).toMatch(/^2026-12-05T09:00:\d\d\.000Z$/);
  });

  it('as xAPI: failed for a run given up; attempted for a run started without a result', () => {
    const c = classRun();
    c.hand(sign(edited(c.payload, (p) => void (p.status = 'gave-up'))));
    const verbs = (r = c.h.record) =>
      classXapi(r, { scenario: () => scenario, homePage: 'http://h' }).map(
        (s) => (s.verb as { display: { 'en-US': string } }).display['en-US'],
      );
    expect(verbs()).toEqual(['failed']);
    const started = classRun();
    expect(verbs(started.h.record)).toEqual(['attempted']);
  });

  it('writes durations and URNs as xAPI expects', () => {
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(90_500)).toBe('PT1M30.5S');
    expect(isoDuration(3_600_000)).toBe('PT1H');
    expect(isoDuration(3_723_000)).toBe('PT1H2M3S');
    expect(scenarioUrn('a b/c', '0123abcd')).toBe('urn:hybridlab:scenario:a-b-c:0123abcd');
  });
});
