import { describe, expect, it } from 'vitest';
import { assign, createActor, getNextSnapshot, setup, type AnyActorRef } from 'xstate';
import { withDirectTransitions } from '../../../simulation/proc/directTransitions';

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
    return { ...snapshot, context: { ...snapshot.context, n: snapshot.context.n + event.by } };
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
