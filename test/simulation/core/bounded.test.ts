import { describe, expect, it } from 'vitest';
import { lastWith } from '../../../simulation/core/bounded';

describe('lastWith: the last entries of a bounded list, then one more', () => {
  it('below the limit: every entry then the new one, in a new array', () => {
    const before = [1, 2, 3];
    const after = lastWith(before, 4, 5);
    expect(after).toEqual([1, 2, 3, 4]);
    expect(before).toEqual([1, 2, 3]);
    expect(after).not.toBe(before);
    expect(lastWith([], 'a', 3)).toEqual(['a']);
  });

  it('at or over the limit: the oldest go so that `limit` are kept, as a slice and a push keep them', () => {
    const full = [1, 2, 3, 4, 5];
    expect(lastWith(full, 6, 5)).toEqual([2, 3, 4, 5, 6]);
    expect(lastWith(full, 6, 3)).toEqual([4, 5, 6]);
    for (let n = 0; n < 8; n++) {
      const xs = Array.from({ length: n }, (_, i) => i);
      const sliced = xs.length >= 4 ? xs.slice(xs.length - 4 + 1) : xs.slice();
      sliced.push(99);
      expect(lastWith(xs, 99, 4)).toEqual(sliced);
    }
  });
});
