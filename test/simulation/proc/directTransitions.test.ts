import { describe, expect, it } from 'vitest';
import { assign, createActor, getNextSnapshot, setup, type AnyActorRef } from 'xstate';
import { withContext, withDirectTransitions } from '../../../simulation/proc/directTransitions';

type Ev = { type: 'direct'; by: number } | { type: 'chart' } | { type: 'skip' };

const chart = setup({
  types: { context: {} as { n: number; log: string[] }, events: {} as Ev },
}).createMachine({
  context: { n: 0, log: [] },
  on: {
    chart: { actions: assign(({ context }) => ({ log: [...context.log, 'chart'] })) },
    skip: { actions: assign(({ context }) => ({ log: [...context.log, 'skip'] })) },
  },
});

function logic(sent: unknown[]) {
  const sink = { send: (e: unknown) => sent.push(e) } as unknown as AnyActorRef;
  return withDirectTransitions(chart, (snapshot, event, scope) => {
    if (event.type !== 'direct') return undefined;
    scope.defer(() => sink.send({ type: 'first', n: snapshot.context.n + event.by }));
    scope.defer(() => sink.send({ type: 'second' }));
    return withContext(snapshot, { ...snapshot.context, n: snapshot.context.n + event.by });
  });
}

describe('withDirectTransitions: some events taken directly, the rest by the chart', () => {
  it('a direct event gets its snapshot and its sends, in order, after the transition', () => {
    const sent: unknown[] = [];
    const actor = createActor(logic(sent)).start();
    actor.send({ type: 'direct', by: 2 });
    actor.send({ type: 'chart' });
    actor.send({ type: 'direct', by: 3 });
    expect(actor.getSnapshot().context).toEqual({ n: 5, log: ['chart'] });
    expect(actor.getSnapshot().status).toBe('active');
    expect(sent).toEqual([
      { type: 'first', n: 2 },
      { type: 'second' },
      { type: 'first', n: 5 },
      { type: 'second' },
    ]);
  });

  it('an event the direct path leaves is the chart’s; the chart’s API is kept', () => {
    const sent: unknown[] = [];
    const m = logic(sent);
    const s0 = m.resolveState({ value: {}, context: { n: 1, log: [] } });
    const s1 = getNextSnapshot(m, s0, { type: 'skip' });
    expect(s1.context).toEqual({ n: 1, log: ['skip'] });
    expect(getNextSnapshot(m, s1, { type: 'direct', by: 1 }).context).toEqual({ n: 2, log: ['skip'] });
  });

  it('a stopped actor takes nothing directly', () => {
    const sent: unknown[] = [];
    const actor = createActor(logic(sent)).start();
    actor.stop();
    actor.send({ type: 'direct', by: 1 });
    expect(sent).toEqual([]);
    expect(actor.getSnapshot().context.n).toBe(0);
  });
});

describe('withDirectTransitions keeps XState’s shapes (so XState’s own code stays monomorphic)', () => {
  it('the logic is a StateMachine like the chart, with its own transition; the chart is unchanged', () => {
    const chartTransition = chart.transition;
    const m = logic([]);
    expect(m).not.toBe(chart);
    expect(Object.getPrototypeOf(m)).toBe(Object.getPrototypeOf(chart));
    expect(Object.keys(m)).toEqual(Object.keys(chart));
    expect(chart.transition).toBe(chartTransition);
    // Two logics from one chart are independent.
    const a: unknown[] = [];
    const b: unknown[] = [];
    const ra = createActor(logic(a)).start();
    createActor(logic(b)).start();
    ra.send({ type: 'direct', by: 1 });
    expect(a).toHaveLength(2);
    expect(b).toEqual([]);
  });

  it('withContext: XState’s snapshot keys in XState’s order, the same values but the context', () => {
    const m = logic([]);
    const actor = createActor(m).start();
    actor.send({ type: 'chart' });
    const before = actor.getSnapshot();
    actor.send({ type: 'direct', by: 4 });
    const after = actor.getSnapshot();
    // XState's own snapshot (made by the chart's transition) and ours: the same keys, in order.
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(Object.keys(after)).toEqual([
      'status',
      'output',
      'error',
      'machine',
      'context',
      '_nodes',
      'value',
      'tags',
      'children',
      'historyValue',
      'matches',
      'hasTag',
      'can',
      'getMeta',
      'toJSON',
    ]);
    for (const k of Object.keys(before) as (keyof typeof before)[])
      if (k !== 'context') expect(after[k]).toBe(before[k]);
    expect(after.context).toEqual({ n: 4, log: ['chart'] });
    expect(after.machine).toBe(m);
  });
});
