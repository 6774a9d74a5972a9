/**
 * What the benches share: raw XState's comparable actor (one actor taking events with an assign each,
 * the shape of a device handling a command) and the median of a run's rounds.
 */
import { assign, setup } from 'xstate';

export const comparable = setup({
  types: {
    context: {} as { count: number; last: string },
    events: {} as { type: 'console.clear'; shell: string },
  },
  actions: { take: assign(({ context, event }) => ({ count: context.count + 1, last: event.shell })) },
}).createMachine({ context: { count: 0, last: '' }, on: { 'console.clear': { actions: 'take' } } });

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}
