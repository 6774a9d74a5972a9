import { describe, expect, it } from 'vitest';
import { prefetchable, prefetchPopups } from '../../../src-renderer/components/prefetchPopups';

describe('prefetchPopups', () => {
  it('fetches each popup once, not before the time comes, and the ones known later at once', async () => {
    const calls: string[] = [];
    const loader =
      (name: string, fail = false) =>
      () => {
        calls.push(name);
        return fail ? Promise.reject(new Error('offline')) : Promise.resolve(name);
      };
    const menu = loader('menu');
    const broken = loader('broken', true);
    prefetchable(menu);
    prefetchable(menu);
    prefetchable(broken);
    expect(calls).toEqual([]);

    prefetchPopups();
    expect(calls).toEqual(['menu', 'broken']);
    prefetchPopups();
    expect(calls).toEqual(['menu', 'broken']);

    const tooltip = loader('tooltip');
    prefetchable(tooltip);
    prefetchable(menu);
    expect(calls).toEqual(['menu', 'broken', 'tooltip']);
    // A chunk that did not load is not an unhandled rejection.
    await new Promise((r) => setTimeout(r, 0));
  });
});
