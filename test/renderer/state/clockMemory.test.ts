import { describe, expect, it } from 'vitest';
import { recallClock, rememberClock } from '../../../src-renderer/state/clockMemory';

/** A Storage in memory (the unit tests run in Node). */
function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, v),
  };
}

describe('how the learner left a session’s clock', () => {
  it('is recalled per session', () => {
    const s = memoryStorage();
    rememberClock('a', { playing: false, speed: 60 }, s, 1);
    rememberClock('b', { playing: true, speed: 1 }, s, 2);
    expect(recallClock('a', s)).toEqual({ playing: false, speed: 60 });
    expect(recallClock('b', s)).toEqual({ playing: true, speed: 1 });
  });

  it('is unknown for a session never seen, or a damaged record (the clock then starts at 1×)', () => {
    const s = memoryStorage();
    expect(recallClock('new', s)).toBeUndefined();
    s.setItem('hybridlab.clock', '{"x":{"playing":true,"speed":7,"t":1}}');
    expect(recallClock('x', s)).toBeUndefined();
    s.setItem('hybridlab.clock', 'not json');
    expect(recallClock('x', s)).toBeUndefined();
  });

  it('keeps the 50 most recent sessions', () => {
    const s = memoryStorage();
    for (let i = 0; i < 60; i++) rememberClock(`s${i}`, { playing: false, speed: 10 }, s, i);
    expect(recallClock('s9', s)).toBeUndefined();
    expect(recallClock('s10', s)).toEqual({ playing: false, speed: 10 });
    expect(recallClock('s59', s)).toEqual({ playing: false, speed: 10 });
  });
});
