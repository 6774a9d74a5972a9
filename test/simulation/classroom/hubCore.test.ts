/** The hub's record of a class: apply once, the hub's hints, reveals after the end, results checked against the record. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HubCore, redactScenario } from '../../../simulation/classroom/hubCore';
import type { Progress } from '../../../simulation/classroom/protocol';
import { checkScenario, loadScenario, type Scenario } from '../../../simulation/scenarios/schema';

const file = resolve(__dirname, '../../../assets/scenarios/adsync-stopped.json');
const loaded = loadScenario(readFileSync(file, 'utf8'), 'adsync-stopped.json');
if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
const scenario: Scenario = loaded.scenario;

function hub() {
  let n = 0;
  let t = 1000;
  return HubCore.create('ABC123', {
    scenario: (id) => (id === scenario.id ? scenario : undefined),
    now: () => (t += 10),
    newId: () => `learner${String(++n).padStart(3, '0')}`,
    newToken: () => `token-${n}-abcdefghijklmnop`,
  });
}
const hello = (name: string) => ({
  kind: 'hello' as const,
  v: 1 as const,
  role: 'learner' as const,
  code: 'ABC123',
  name,
  applied: 0,
});
const progress = (over: Partial<Progress> = {}): Progress => ({
  status: 'running',
  objectives: [],
  objectivesTotal: 3,
  score: 0,
  scoreMax: 100,
  hints: [],
  activeMs: 0,
  labMs: 0,
  entries: 0,
  stateHash: 'h',
  applied: 0,
  faults: [],
  timeline: [],
  ...over,
});

describe('the hub record', () => {
  it('joins learners with the class code only, and knows a returning learner by id and token', () => {
    const h = hub();
    expect(h.join({ ...hello('Emma'), code: 'ZZZ999' })).toEqual({ ok: false, reason: 'wrong class code' });
    const a = h.join(hello('Emma'));
    if (!a.ok) throw new Error(a.reason);
    const again = h.join({ ...hello('Emma'), learnerId: a.learner.id, token: a.learner.token });
    expect(again.ok && again.learner).toBe(a.learner);
    expect(
      h.join({ ...hello('Mallory'), learnerId: a.learner.id, token: 'token-x-abcdefghijklmnop' }),
    ).toEqual({
      ok: false,
      reason: 'unknown learner id or token',
    });
    expect(h.record.learners).toHaveLength(1);
  });

  it('applies each seq once and in order; a duplicate is acknowledged again, a gap waits', () => {
    const h = hub();
    const a = h.join(hello('Emma'));
    if (!a.ok) throw new Error();
    const id = a.learner.id;
    expect(h.fromLearner(id, { kind: 'progress', seq: 1, progress: progress({ score: 10 }) })).toMatchObject({
      ack: 1,
      applied: true,
    });
    expect(h.fromLearner(id, { kind: 'progress', seq: 1, progress: progress({ score: 99 }) })).toMatchObject({
      ack: 1,
      applied: false,
      duplicate: true,
    });
    expect(h.fromLearner(id, { kind: 'progress', seq: 3, progress: progress({ score: 99 }) })).toMatchObject({
      applied: false,
      duplicate: false,
    });
    expect(h.learner(id)?.progress?.score).toBe(10);
    expect(h.fromLearner(id, { kind: 'progress', seq: 2, progress: progress({ score: 20 }) }).applied).toBe(
      true,
    );
    expect(h.learner(id)?.lastSeq).toBe(2);
  });

  it('assigns a scenario with a seed per learner, and without its summary, solution or hint texts', () => {
    const h = hub();
    h.join(hello('Emma'));
    h.join(hello('Noah'));
    const { send } = h.act('all', { type: 'assign', scenarioId: scenario.id, seedBase: 5 });
    const seeds = send.map((s) => (s.command.type === 'assign' ? s.command.seed : -1));
    expect(seeds).toEqual([5, 6]);
    const sent = JSON.stringify(send[0]?.command);
    expect(sent).not.toContain(scenario.summary);
    for (const line of scenario.solution) expect(sent).not.toContain(line);
    for (const hint of scenario.hints ?? []) expect(sent).not.toContain(hint.text);
    // What the learner gets still loads as a scenario.
    expect(checkScenario(redactScenario(scenario), 'class').ok).toBe(true);
  });

  it('hands out hints one at a time and keeps them as the record; reveals the solution once the run ends', () => {
    const h = hub();
    const a = h.join(hello('Emma'));
    if (!a.ok) throw new Error();
    const id = a.learner.id;
    const { send } = h.act([id], { type: 'assign', scenarioId: scenario.id });
    const assignment = send[0]?.command.type === 'assign' ? send[0].command.assignment : '';
    const first = scenario.hints![0]!;
    const r = h.fromLearner(id, { kind: 'hint.request', seq: 1, assignment, hint: first.id });
    expect(r.send[0]?.command).toEqual({ type: 'hint', assignment, id: first.id, text: first.text });
    expect(
      h.fromLearner(id, { kind: 'hint.request', seq: 2, assignment: 'a9-other', hint: first.id }).error,
    ).toContain('not this learner');
    expect(h.fromLearner(id, { kind: 'progress', seq: 3, progress: progress({ assignment }) }).send).toEqual(
      [],
    );
    const end = h.fromLearner(id, {
      kind: 'progress',
      seq: 4,
      progress: progress({ assignment, status: 'completed' }),
    });
    expect(end.send.map((s) => s.command)).toEqual([
      { type: 'reveal', assignment, summary: scenario.summary, solution: scenario.solution },
    ]);
    expect(
      h.fromLearner(id, { kind: 'progress', seq: 5, progress: progress({ assignment, status: 'completed' }) })
        .send,
    ).toEqual([]);
  });

  it('flags a handed-in result that disagrees with what the hub saw, with the difference', () => {
    const h = hub();
    const a = h.join(hello('Emma'));
    if (!a.ok) throw new Error();
    const id = a.learner.id;
    const { send } = h.act([id], { type: 'assign', scenarioId: scenario.id });
    const assignment = send[0]?.command.type === 'assign' ? send[0].command.assignment : '';
    h.fromLearner(id, { kind: 'hint.request', seq: 1, assignment, hint: scenario.hints![0]!.id });
    h.fromLearner(id, {
      kind: 'progress',
      seq: 2,
      progress: progress({
        assignment,
        status: 'completed',
        score: 30,
        objectives: [{ id: 'service', metAt: 1 }],
        hints: [scenario.hints![0]!.id],
      }),
    });
    const payload = JSON.stringify({
      scenario: { id: scenario.id },
      seed: 1,
      session: { hints: [], journal: [] },
      objectives: [
        { id: 'service', met: true },
        { id: 'reset', met: true },
      ],
      score: { total: 100 },
    });
    h.fromLearner(id, {
      kind: 'result',
      seq: 3,
      assignment,
      result: { payload, signature: 's', publicKey: 'p' },
    });
    expect(h.rows(() => true)[0]?.flags).toEqual([
      `hints the hub gave but the result leaves out: ${scenario.hints![0]!.id}`,
      'objectives met in the result the hub never saw met: reset',
      "score 100 in the result, 30 in the hub's record",
    ]);
  });

  it('resends the commands a rejoining learner has not applied', () => {
    const h = hub();
    const a = h.join(hello('Emma'));
    if (!a.ok) throw new Error();
    h.act('all', { type: 'fault.inject', fault: 'L6' });
    h.act('all', { type: 'message', text: 'Break in 5' });
    const back = h.join({ ...hello('Emma'), learnerId: a.learner.id, token: a.learner.token, applied: 1 });
    expect(back.ok && back.resend.map((o) => [o.cseq, o.command.type])).toEqual([[2, 'message']]);
  });
});
