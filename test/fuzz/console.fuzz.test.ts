import { describe, expect, it } from 'vitest';
import { runConsoleFuzz } from './consoleLines';

describe('console fuzz', () => {
  it('5,000 random console lines on every host and shell: no throw, a well-formed answer each', () => {
    const r = runConsoleFuzz(5000, 424242);
    expect(r.failures.slice(0, 10)).toEqual([]);
  });
});
