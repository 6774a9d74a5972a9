/**
 * A small run of the crash test (the full one: `npm run crashtest -- --kills 100 --json`): the real
 * store in a child process killed with SIGKILL at random moments loses no acknowledged record
 * and always opens to a valid prefix.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');

describe('the session store killed at random moments', () => {
  it('loses nothing acknowledged and always recovers a valid prefix (6 kills)', () => {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'scripts/crashtest.ts'), '--kills', '6', '--seed', '7', '--json'],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    const result = JSON.parse(out.trim().split('\n').pop() ?? '{}') as Record<string, number>;
    expect(result).toEqual({
      kills: 6,
      acknowledged: expect.any(Number),
      lost: 0,
      unreadable: 0,
      recoveredPrefixOk: 6,
    });
    expect(result.acknowledged).toBeGreaterThan(20);
  });
});
