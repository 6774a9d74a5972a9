import { describe, expect, it } from 'vitest';
import { LabClock } from '../../../simulation/core/clock';

const START = Date.UTC(2026, 2, 2, 8, 0, 0);

/** A clock and a log of "label@ms-since-start" entries that timers write when they fire. */
function setup() {
  const clock = new LabClock(START);
  const log: string[] = [];
  const at = (label: string, ms: number) =>
    clock.setTimeout(() => log.push(`${label}@${clock.now() - START}`), ms);
  return { clock, log, at };
}

describe('LabClock', () => {
  it('starts at the time it is given and stands still until told', () => {
    const { clock } = setup();
    expect(clock.now()).toBe(START);
    expect(clock.nextDue()).toBeUndefined();
    expect(clock.pendingCount()).toBe(0);
  });

  describe('setTimeout', () => {
    it('returns distinct increasing ids and schedules relative to now', () => {
      const { clock } = setup();
      const a = clock.setTimeout(() => undefined, 500);
      const b = clock.setTimeout(() => undefined, 100);
      expect([a, b]).toEqual([1, 2]);
      expect(clock.pendingCount()).toBe(2);
      expect(clock.nextDue()).toBe(START + 100);
    });

    it.each([
      { title: 'NaN', ms: Number.NaN },
      { title: 'Infinity', ms: Number.POSITIVE_INFINITY },
      { title: '-Infinity', ms: Number.NEGATIVE_INFINITY },
      { title: 'a negative delay', ms: -500 },
    ])('treats $title as a delay of 0', ({ ms }) => {
      const { clock, log, at } = setup();
      at('x', ms);
      expect(clock.nextDue()).toBe(START);
      expect(clock.advance(0)).toBe(1);
      expect(log).toEqual(['x@0']);
    });
  });

  describe('advance', () => {
    it('fires due timers in time order, not in the order they were set', () => {
      const { clock, log, at } = setup();
      at('c', 300);
      at('a', 100);
      at('b', 200);
      expect(clock.advance(1000)).toBe(3);
      expect(log).toEqual(['a@100', 'b@200', 'c@300']);
      expect(clock.now()).toBe(START + 1000);
    });

    it('fires timers due at the same instant in the order they were set', () => {
      const { clock, log, at } = setup();
      at('first', 100);
      at('second', 100);
      at('early', 50);
      at('third', 100);
      clock.advance(100);
      expect(log).toEqual(['early@50', 'first@100', 'second@100', 'third@100']);
    });

    it('fires a timer due exactly at the target and leaves later ones pending', () => {
      const { clock, log, at } = setup();
      at('on-time', 100);
      at('late', 101);
      expect(clock.advance(100)).toBe(1);
      expect(log).toEqual(['on-time@100']);
      expect(clock.pendingCount()).toBe(1);
      expect(clock.nextDue()).toBe(START + 101);
    });

    it('honours timers set while firing, when they fall due within the advance', () => {
      const { clock, log, at } = setup();
      clock.setTimeout(() => {
        log.push(`outer@${clock.now() - START}`);
        at('inner-now', 0);
        at('inner-later', 50);
        at('inner-beyond', 1000);
      }, 100);
      at('other', 120);
      expect(clock.advance(200)).toBe(4);
      expect(log).toEqual(['outer@100', 'inner-now@100', 'other@120', 'inner-later@150']);
      expect(clock.nextDue()).toBe(START + 1100);
    });

    it('does not fire a timer cleared by an earlier timer in the same advance', () => {
      const { clock, log, at } = setup();
      let victim = 0;
      clock.setTimeout(() => clock.clearTimeout(victim), 100);
      victim = at('victim', 200);
      expect(clock.advance(300)).toBe(1);
      expect(log).toEqual([]);
    });

    it('moves time without firing anything when nothing is due', () => {
      const { clock } = setup();
      expect(clock.advance(60_000)).toBe(0);
      expect(clock.now()).toBe(START + 60_000);
    });

    it.each([{ ms: -1 }, { ms: Number.NaN }, { ms: Number.POSITIVE_INFINITY }])(
      'rejects a duration of $ms with a RangeError and does not move',
      ({ ms }) => {
        const { clock } = setup();
        expect(() => clock.advance(ms)).toThrow(
          new RangeError(`advance: expected a duration >= 0, got ${ms}`),
        );
        expect(clock.now()).toBe(START);
      },
    );
  });

  describe('clearTimeout', () => {
    it('cancels a pending timer', () => {
      const { clock, log, at } = setup();
      const id = at('cancelled', 100);
      at('kept', 100);
      clock.clearTimeout(id);
      expect(clock.pendingCount()).toBe(1);
      clock.advance(100);
      expect(log).toEqual(['kept@100']);
    });

    it.each([{ id: undefined }, { id: '1' }, { id: null }, { id: { id: 1 } }, { id: 99 }])(
      'ignores $id, which is no pending timer id',
      ({ id }) => {
        const { clock, at } = setup();
        at('kept', 100);
        clock.clearTimeout(id);
        expect(clock.pendingCount()).toBe(1);
      },
    );
  });

  describe('runToNext', () => {
    it('runs to the next timer, firing every timer due at that instant, and no later ones', () => {
      const { clock, log, at } = setup();
      at('a', 500);
      at('b', 500);
      at('c', 900);
      expect(clock.runToNext()).toBe(true);
      expect(log).toEqual(['a@500', 'b@500']);
      expect(clock.now()).toBe(START + 500);
      expect(clock.pendingCount()).toBe(1);
    });

    it('also fires zero-delay timers set by the timers it fires', () => {
      const { clock, log, at } = setup();
      clock.setTimeout(() => at('follow-up', 0), 500);
      expect(clock.runToNext()).toBe(true);
      expect(log).toEqual(['follow-up@500']);
    });

    it('returns false and stays put with no timers', () => {
      const { clock } = setup();
      expect(clock.runToNext()).toBe(false);
      expect(clock.now()).toBe(START);
    });

    it('returns false and stays put when the next timer is beyond the limit', () => {
      const { clock, log, at } = setup();
      at('far', 1000);
      expect(clock.runToNext(999)).toBe(false);
      expect(clock.now()).toBe(START);
      expect(log).toEqual([]);
      expect(clock.runToNext(1000)).toBe(true);
      expect(log).toEqual(['far@1000']);
    });
  });

  describe('runUntil', () => {
    it('returns true at once without moving when the condition already holds', () => {
      const { clock, log, at } = setup();
      at('a', 10);
      expect(clock.runUntil(() => true, 1000)).toBe(true);
      expect(clock.now()).toBe(START);
      expect(log).toEqual([]);
    });

    it('runs timers in order and stops at the instant the condition holds', () => {
      const { clock, log, at } = setup();
      at('a', 100);
      at('b', 200);
      at('c', 300);
      expect(clock.runUntil(() => log.length === 2, 1000)).toBe(true);
      expect(log).toEqual(['a@100', 'b@200']);
      expect(clock.now()).toBe(START + 200);
      expect(clock.pendingCount()).toBe(1);
    });

    it('ends exactly at the deadline and returns false when the condition never holds', () => {
      const { clock, log, at } = setup();
      at('a', 100);
      at('after-deadline', 1500);
      expect(clock.runUntil(() => false, 1000)).toBe(false);
      expect(log).toEqual(['a@100']);
      expect(clock.now()).toBe(START + 1000);
      expect(clock.pendingCount()).toBe(1);
    });

    it('fires a timer due exactly at the deadline', () => {
      const { clock, log, at } = setup();
      at('edge', 1000);
      expect(clock.runUntil(() => log.length > 0, 1000)).toBe(true);
      expect(clock.now()).toBe(START + 1000);
    });

    it('ends at the deadline when there are no timers at all', () => {
      const { clock } = setup();
      expect(clock.runUntil(() => false, 5000)).toBe(false);
      expect(clock.now()).toBe(START + 5000);
    });

    it('reports a condition that holds once the deadline is reached', () => {
      const { clock } = setup();
      expect(clock.runUntil(() => clock.now() >= START + 5000, 5000)).toBe(true);
      expect(clock.now()).toBe(START + 5000);
    });
  });
});

describe('LabClock with many timers (heap)', () => {
  it('fires hundreds of timers in time order, ties by creation, skipping cleared ones', () => {
    const clock = new LabClock(0);
    const fired: number[] = [];
    const expected: { at: number; n: number }[] = [];
    const ids: number[] = [];
    let x = 12345;
    for (let n = 0; n < 300; n++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      const at = (x % 50) * 1000;
      ids.push(clock.setTimeout(() => fired.push(n), at));
      expected.push({ at, n });
    }
    // Clear every seventh, then add more while it runs (a timer that sets another).
    const cleared = new Set<number>();
    for (let n = 0; n < 300; n += 7) {
      clock.clearTimeout(ids[n]);
      cleared.add(n);
    }
    clock.setTimeout(() => {
      fired.push(1000);
      clock.setTimeout(() => fired.push(1001), 0);
    }, 25_000);
    clock.advance(60_000);
    const order = expected
      .filter((e) => !cleared.has(e.n))
      .sort((a, b) => a.at - b.at || a.n - b.n)
      .map((e) => e.n);
    const at25 = order.findIndex((n) => (expected[n] as { at: number }).at > 25_000);
    order.splice(at25, 0, 1000, 1001);
    expect(fired).toEqual(order);
    expect(clock.pendingCount()).toBe(0);
  });
});
