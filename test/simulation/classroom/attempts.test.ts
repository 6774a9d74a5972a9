import { describe, expect, it } from 'vitest';
import { afterAttempt, NO_ATTEMPTS, waitBefore } from '../../../simulation/classroom/attempts';

const policy = { free: 2, baseMs: 100, maxMs: 1_000 };

describe('wrong-guess back-off', () => {
  it('lets the free guesses through, then doubles the wait up to the ceiling', () => {
    let s = NO_ATTEMPTS;
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      s = afterAttempt(s, false, 0, policy);
      waits.push(waitBefore(s, 0));
    }
    expect(waits).toEqual([0, 0, 100, 200, 400, 800, 1_000, 1_000]);
  });

  it('a right guess clears the count', () => {
    let s = NO_ATTEMPTS;
    for (let i = 0; i < 5; i++) s = afterAttempt(s, false, 0, policy);
    expect(afterAttempt(s, true, 5_000, policy)).toEqual(NO_ATTEMPTS);
  });

  it('the wait runs out with time', () => {
    const s = afterAttempt(
      afterAttempt(afterAttempt(NO_ATTEMPTS, false, 0, policy), false, 0, policy),
      false,
      0,
      policy,
    );
    expect(waitBefore(s, 50)).toBe(50);
    expect(waitBefore(s, 100)).toBe(0);
  });
});
