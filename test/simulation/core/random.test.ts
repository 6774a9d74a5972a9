import { describe, expect, it } from 'vitest';
import {
  nextDigits,
  nextFloat,
  nextGuid,
  nextHex,
  nextInt,
  pick,
  seedFrom,
  type RngState,
} from '../../../simulation/core/random';

/** Draws `n` values from a step function, threading the state. */
function draw<T>(state: RngState, n: number, step: (s: RngState) => [T, RngState]): T[] {
  const out: T[] = [];
  let s = state;
  for (let i = 0; i < n; i++) {
    const [v, next] = step(s);
    out.push(v);
    s = next;
  }
  return out;
}

/** Tommy Ettinger's mulberry32, as published, for comparison. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = seedFrom(42, 'pc2');

describe('seedFrom', () => {
  it('mixes the seed with the golden-ratio constant when the salt is empty', () => {
    expect(seedFrom(0, '')).toBe(0x9e3779b9);
    expect(seedFrom(0x9e3779b9, '')).toBe(0);
  });

  it('gives the same state for the same seed and salt', () => {
    expect(seedFrom(42, 'pc2')).toBe(seedFrom(42, 'pc2'));
    expect(SEED).toBe(2_777_093_286);
  });

  it.each([
    { a: [42, 'pc1'], b: [42, 'pc2'] },
    { a: [42, 'pc2'], b: [43, 'pc2'] },
    { a: [1, 'dhcp'], b: [1, 'dns'] },
    { a: [1, 'ab'], b: [1, 'ba'] },
    { a: [1, ''], b: [1, 'a'] },
  ] as { a: [number, string]; b: [number, string] }[])('differs for $a and $b', ({ a, b }) => {
    expect(seedFrom(...a)).not.toBe(seedFrom(...b));
  });

  it('is an unsigned 32-bit integer', () => {
    for (const [seed, salt] of [
      [0, 'x'],
      [-1, 'y'],
      [2 ** 31, 'z'],
      [123456789, 'a long salt for a host'],
    ] as const) {
      const s = seedFrom(seed, salt);
      expect(Number.isInteger(s)).toBe(true);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThan(2 ** 32);
    }
  });
});

describe('nextFloat', () => {
  it('gives the same sequence for the same seed', () => {
    expect(draw(SEED, 20, nextFloat)).toEqual(draw(seedFrom(42, 'pc2'), 20, nextFloat));
  });

  it('gives a different sequence for a different seed', () => {
    expect(draw(SEED, 5, nextFloat)).not.toEqual(draw(seedFrom(42, 'pc1'), 5, nextFloat));
  });

  it.each([{ seed: 0 }, { seed: 1 }, { seed: SEED }, { seed: 0xffffffff }])(
    'is mulberry32 from state $seed',
    ({ seed }) => {
      const ref = mulberry32(seed);
      expect(draw(seed, 10, nextFloat)).toEqual(Array.from({ length: 10 }, () => ref()));
    },
  );

  it('returns the next state without changing the one it was given', () => {
    const [, s1] = nextFloat(SEED);
    const [, s2] = nextFloat(SEED);
    expect(s1).toBe(s2);
    expect(s1).toBe((SEED + 0x6d2b79f5) >>> 0);
  });

  it('stays in [0, 1)', () => {
    for (const f of draw(SEED, 5000, nextFloat)) {
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThan(1);
    }
  });
});

describe('nextInt', () => {
  it('hits both bounds, inclusive, and nothing outside them', () => {
    const values = draw(SEED, 2000, (s) => nextInt(s, 1, 6));
    expect([...new Set(values)].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('returns the only value of a one-value range', () => {
    expect(draw(SEED, 20, (s) => nextInt(s, 7, 7))).toEqual(Array(20).fill(7));
  });

  it('works with negative bounds', () => {
    const values = draw(SEED, 500, (s) => nextInt(s, -2, 2));
    expect([...new Set(values)].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2]);
  });

  it('advances the state exactly as nextFloat does', () => {
    expect(nextInt(SEED, 0, 100)[1]).toBe(nextFloat(SEED)[1]);
    expect(nextInt(SEED, 0, 99)[0]).toBe(Math.floor(nextFloat(SEED)[0] * 100));
  });
});

describe('nextHex and nextDigits', () => {
  it.each([{ digits: 0 }, { digits: 1 }, { digits: 8 }, { digits: 32 }])(
    'nextHex gives $digits lower-case hex digits',
    ({ digits }) => {
      const [hex] = nextHex(SEED, digits);
      expect(hex).toMatch(new RegExp(`^[0-9a-f]{${digits}}$`));
    },
  );

  it('nextHex uses all sixteen digits', () => {
    const [hex] = nextHex(SEED, 2000);
    expect([...new Set(hex)].sort().join('')).toBe('0123456789abcdef');
  });

  it('nextDigits gives decimal digits and uses all ten', () => {
    const [digits] = nextDigits(SEED, 1000);
    expect(digits).toMatch(/^\d{1000}$/);
    expect([...new Set(digits)].sort().join('')).toBe('0123456789');
  });

  it('threads one state per digit', () => {
    const [, afterHex] = nextHex(SEED, 3);
    const [, afterDigits] = nextDigits(SEED, 3);
    let s = SEED;
    for (let i = 0; i < 3; i++) s = nextFloat(s)[1];
    expect(afterHex).toBe(s);
    expect(afterDigits).toBe(s);
  });

  it('returns the state unchanged for zero digits', () => {
    expect(nextHex(SEED, 0)).toEqual(['', SEED]);
    expect(nextDigits(SEED, 0)).toEqual(['', SEED]);
  });
});

describe('nextGuid', () => {
  const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/;

  it('has the lower-case 8-4-4-4-12 form with version 4 and variant a', () => {
    for (const g of draw(SEED, 200, nextGuid)) expect(g).toMatch(GUID);
  });

  it('is the same for the same state (golden value for seed 42 / "pc2")', () => {
    expect(nextGuid(SEED)[0]).toBe('e4a427eb-8b19-43cf-aa17-0c6b8836627e');
  });

  it('gives distinct GUIDs along a sequence', () => {
    expect(new Set(draw(SEED, 1000, nextGuid)).size).toBe(1000);
  });

  it('takes its first eight digits from nextHex', () => {
    expect(nextGuid(SEED)[0].slice(0, 8)).toBe(nextHex(SEED, 8)[0]);
  });
});

describe('pick', () => {
  it('picks every item of the list over enough draws, and only those', () => {
    const items = ['dc01', 'pc1', 'pc2'] as const;
    const picked = draw(SEED, 300, (s) => pick(s, items));
    expect([...new Set(picked)].sort()).toEqual(['dc01', 'pc1', 'pc2']);
  });

  it('picks the item nextInt points at', () => {
    const items = ['a', 'b', 'c', 'd', 'e'];
    const [i, s] = nextInt(SEED, 0, 4);
    expect(pick(SEED, items)).toEqual([items[i], s]);
  });

  it('throws a RangeError for an empty list', () => {
    expect(() => pick(SEED, [])).toThrow(new RangeError('pick: no items'));
  });
});
