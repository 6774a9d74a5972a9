/** The classroom protocol: every kind accepted; malformed, oversized and wrong-role messages refused with a reason. */
import { describe, expect, it } from 'vitest';
import {
  checkAtHub,
  checkAtInstructor,
  checkAtLearner,
  MAX_MESSAGE_BYTES,
  type Progress,
} from '../../../simulation/classroom/protocol';

const progress: Progress = {
  assignment: 'a1-adsync-stopped',
  scenarioId: 'adsync-stopped',
  status: 'running',
  objectives: [{ id: 'service', metAt: 120_000 }],
  objectivesTotal: 3,
  score: 35,
  scoreMax: 100,
  hints: ['h1'],
  activeMs: 60_000,
  labMs: 300_000,
  entries: 4,
  stateHash: 'abc123',
  applied: 2,
  faults: [{ id: 'L6', holds: false }],
  timeline: [{ at: 1, text: 'Started ADSync on SYNC01' }],
};
const LID = 'k3v9q2x8m1';
const TOKEN = 'tok_abcdefghijklmnop';
const hello = { kind: 'hello', v: 1, role: 'learner', code: 'ABC123', name: 'Emma', applied: 0 };

const learnerKinds = {
  hello,
  rejoin: { ...hello, learnerId: LID, token: TOKEN, applied: 3 },
  progress: { kind: 'progress', seq: 1, progress },
  result: {
    kind: 'result',
    seq: 2,
    assignment: 'a1',
    result: { payload: '{}', signature: 'sig', publicKey: 'pk' },
  },
  'hint.request': { kind: 'hint.request', seq: 3, assignment: 'a1', hint: 'h2' },
  ack: { kind: 'ack', cseq: 4 },
};
const actions = [
  { type: 'assign', scenarioId: 'adsync-stopped', seedBase: 7 },
  { type: 'fault.inject', fault: 'L7', params: { pc: 'pc2' } },
  { type: 'fault.schedule', fault: 'L6', afterMs: 600_000 },
  { type: 'fault.clear', fault: 'L7' },
  { type: 'clock.pause' },
  { type: 'clock.resume' },
  { type: 'message', text: 'Ten minutes left' },
  { type: 'class.end' },
];

describe('messages the hub accepts', () => {
  it.each(Object.entries(learnerKinds))('a learner may send %s', (k, m) => {
    const r = checkAtHub(JSON.stringify(m), k === 'hello' || k === 'rejoin' ? 'anonymous' : 'learner');
    expect(r).toMatchObject({ ok: true, message: { from: 'learner' } });
  });

  it('the instructor says hello with the secret', () => {
    const m = { kind: 'hello', v: 1, role: 'instructor', secret: 'x'.repeat(32) };
    expect(checkAtHub(JSON.stringify(m), 'anonymous')).toMatchObject({
      ok: true,
      message: { from: 'instructor' },
    });
  });

  it.each(actions)('the instructor may send the action $type, to all or to some', (action) => {
    for (const targets of ['all', [LID]])
      expect(checkAtHub(JSON.stringify({ kind: 'action', targets, action }), 'instructor')).toMatchObject({
        ok: true,
      });
  });

  it('the instructor may ask for a learner detail', () => {
    expect(checkAtHub(JSON.stringify({ kind: 'detail', learnerId: LID }), 'instructor').ok).toBe(true);
  });
});

describe('messages the hub refuses, with the reason', () => {
  const refused = (raw: string, sender: 'anonymous' | 'learner' | 'instructor') => {
    const r = checkAtHub(raw, sender);
    if (r.ok) throw new Error('accepted');
    return { refusal: r.refusal, reason: r.reason };
  };

  it('over 64 KiB: oversized, before it is even parsed', () => {
    const big = JSON.stringify({ kind: 'progress', seq: 1, pad: 'x'.repeat(MAX_MESSAGE_BYTES) });
    expect(refused(big, 'learner')).toEqual({ refusal: 'oversized', reason: 'message over 65536 bytes' });
    // Counted in bytes, not characters: 30,000 three-byte characters are 90,000 bytes.
    expect(refused(JSON.stringify({ kind: 'ack', cseq: 1, x: '€'.repeat(30_000) }), 'learner').refusal).toBe(
      'oversized',
    );
  });

  it.each([
    ['not JSON', '{kind: progress', 'not JSON'],
    ['an array', '[1,2]', 'not a JSON object'],
    ['a missing field', JSON.stringify({ kind: 'progress', seq: 1 }), 'progress: progress: Invalid input'],
    ['a negative seq', JSON.stringify({ kind: 'ack', cseq: -1 }), 'ack: cseq:'],
    [
      'an extra field',
      JSON.stringify({ ...learnerKinds.ack, admin: true }),
      'ack: (message): Unrecognized key',
    ],
  ])('malformed: %s', (_what, raw, reason) => {
    const r = refused(raw, 'learner');
    expect(r.refusal).toBe('malformed');
    expect(r.reason).toContain(reason);
  });

  it('an unknown kind', () => {
    expect(refused(JSON.stringify({ kind: 'shell', cmd: 'rm' }), 'learner')).toEqual({
      refusal: 'unknown-kind',
      reason: 'unknown kind "shell"',
    });
  });

  it.each(actions)('a learner sending the instructor action $type is wrong-role', (action) => {
    expect(refused(JSON.stringify({ kind: 'action', targets: 'all', action }), 'learner')).toEqual({
      refusal: 'wrong-role',
      reason: 'a learner may not send action',
    });
  });

  it('a learner cannot say hello as the instructor without the secret, nor act before hello', () => {
    expect(refused(JSON.stringify({ kind: 'hello', v: 1, role: 'instructor' }), 'anonymous').refusal).toBe(
      'malformed',
    );
    expect(refused(JSON.stringify(learnerKinds.progress), 'anonymous')).toEqual({
      refusal: 'wrong-role',
      reason: 'progress before hello',
    });
    expect(refused(JSON.stringify(hello), 'learner')).toEqual({
      refusal: 'wrong-role',
      reason: 'hello twice',
    });
  });

  it("the instructor may not report a learner's progress", () => {
    expect(refused(JSON.stringify(learnerKinds.progress), 'instructor')).toEqual({
      refusal: 'wrong-role',
      reason: 'the instructor may not send progress',
    });
  });

  it('a class code of the wrong shape', () => {
    expect(refused(JSON.stringify({ ...hello, code: 'abc' }), 'anonymous').reason).toContain(
      'expected the 6-character class code',
    );
  });
});

describe('messages from the hub', () => {
  it('a learner accepts welcome, ack, commands and refusals, and nothing else', () => {
    for (const m of [
      { kind: 'welcome', learnerId: LID, token: TOKEN, acked: 0 },
      { kind: 'ack', seq: 3 },
      { kind: 'command', cseq: 1, command: { type: 'fault.inject', fault: 'L6' } },
      {
        kind: 'command',
        cseq: 2,
        command: { type: 'hint', assignment: 'a1', id: 'h1', text: 'Look at SYNC01.' },
      },
      {
        kind: 'command',
        cseq: 3,
        command: { type: 'reveal', assignment: 'a1', summary: 's', solution: ['x'] },
      },
      { kind: 'refused', reason: 'wrong class code' },
    ])
      expect(checkAtLearner(JSON.stringify(m)).ok).toBe(true);
    expect(
      checkAtLearner(JSON.stringify({ kind: 'command', cseq: 1, command: { type: 'format.c' } })),
    ).toMatchObject({
      ok: false,
      refusal: 'malformed',
    });
  });

  it('the instructor accepts the roster and row updates', () => {
    const row = { learnerId: LID, name: 'Emma', connected: true, progress, flags: [], results: 0 };
    expect(checkAtInstructor(JSON.stringify({ kind: 'roster', rows: [row] })).ok).toBe(true);
    expect(checkAtInstructor(JSON.stringify({ kind: 'row', row })).ok).toBe(true);
    expect(
      checkAtInstructor(JSON.stringify({ kind: 'welcome', code: 'ABC123', address: 'ws://10.0.0.5:7420' }))
        .ok,
    ).toBe(true);
  });
});
