/** Instructor mode on the desktop: the passphrase as a salted scrypt hash, and wrong guesses slowed down. */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InstructorGate } from '../../src-main/instructor';

async function gate(askAtStart = false) {
  const dir = await mkdtemp(join(tmpdir(), 'hybridlab-instr-'));
  const file = join(dir, 'instructor.json');
  const roles: boolean[] = [];
  let t = 1_000_000;
  const g = new InstructorGate({ file, askAtStart, onRole: (u) => roles.push(u), now: () => t });
  return { g, file, roles, advance: (ms: number) => (t += ms) };
}

describe('the instructor passphrase on the desktop', () => {
  it('is set once, stored as a salted scrypt hash (never the text), and unlocks', async () => {
    const { g, file, roles } = await gate(true);
    expect(await g.status()).toEqual({ passphraseSet: false, unlocked: false, askAtStart: true });
    expect(await g.setPassphrase('chalk-and-board')).toEqual({ ok: true, value: null });
    const stored = await readFile(file, 'utf8');
    expect(stored).not.toContain('chalk-and-board');
    expect(JSON.parse(stored)).toMatchObject({ algo: 'scrypt', N: 32768, r: 8, p: 1 });
    expect(roles).toEqual([true]);
    g.lock();
    expect(roles).toEqual([true, false]);
    expect((await g.unlock('chalk-and-board')).ok).toBe(true);
    expect(await g.setPassphrase('another-one-123')).toMatchObject({ ok: false });
  });

  it('two instructors with the same passphrase get different hashes (salted)', async () => {
    const a = await gate();
    const b = await gate();
    await a.g.setPassphrase('same-passphrase');
    await b.g.setPassphrase('same-passphrase');
    const ha = JSON.parse(await readFile(a.file, 'utf8')).hash;
    const hb = JSON.parse(await readFile(b.file, 'utf8')).hash;
    expect(ha).not.toBe(hb);
  });

  it('refuses a short passphrase when it is set', async () => {
    const { g } = await gate();
    expect(await g.setPassphrase('short')).toEqual({
      ok: false,
      error: 'The passphrase needs at least 8 characters.',
    });
  });

  it('slows down wrong guesses: after three, each waits twice as long, and a wait is not even checked', async () => {
    const { g, advance } = await gate();
    await g.setPassphrase('chalk-and-board');
    g.lock();
    for (let i = 0; i < 3; i++)
      expect(await g.unlock('guess')).toEqual({ ok: false, error: 'Wrong passphrase.' });
    expect(await g.unlock('guess')).toEqual({
      ok: false,
      error: 'Wrong passphrase. Too many wrong attempts: try again in 1 second.',
    });
    // Even the right passphrase is refused while the wait runs.
    expect(await g.unlock('chalk-and-board')).toEqual({
      ok: false,
      error: 'Too many wrong attempts: try again in 1 second.',
    });
    advance(1_000);
    expect(await g.unlock('guess')).toMatchObject({
      ok: false,
      error: expect.stringContaining('try again in 2 seconds'),
    });
    advance(2_000);
    expect(await g.unlock('chalk-and-board')).toEqual({ ok: true, value: null });
    expect(g.isUnlocked()).toBe(true);
  });

  it('says what is wrong with a damaged passphrase file', async () => {
    const { g, file } = await gate();
    await writeFile(file, '{"v":1}');
    await expect(g.unlock('anything')).rejects.toThrow(/instructor\.json: not a passphrase record/);
  });
});
