import { describe, expect, it } from 'vitest';
import { lastWith, lastWithAll } from '../../../simulation/core/bounded';

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

describe('lastWithAll: the last entries of a bounded list, then several more', () => {
  it('is [...entries, ...added].slice(-limit) for every length of each, in a new array', () => {
    for (let n = 0; n < 7; n++)
      for (let m = 0; m < 7; m++)
        for (const limit of [1, 3, 5, 20]) {
          const entries = Array.from({ length: n }, (_, i) => i);
          const added = Array.from({ length: m }, (_, i) => 100 + i);
          const got = lastWithAll(entries, added, limit);
          expect(got).toEqual([...entries, ...added].slice(-limit));
          expect(got).not.toBe(entries);
          expect(Object.keys(got)).toHaveLength(got.length);
        }
  });

  it('leaves its inputs as they were', () => {
    const entries = [1, 2, 3];
    const added = [4, 5];
    expect(lastWithAll(entries, added, 4)).toEqual([2, 3, 4, 5]);
    expect(entries).toEqual([1, 2, 3]);
    expect(added).toEqual([4, 5]);
  });
});
