/**
 * The runner's learner views and instructor lines (issue 15, "The runner"): after an SSPR action
 * the page prints as it reads, its Details block included; `--show <surface>` prints a surface at
 * the end; `instructor inject|clear|schedule` lines change faults as the instructor does, and the
 * default `--json` lines keep their shape. Runs the real CLI (tsx scripts/lab.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const DIR = mkdtempSync(join(tmpdir(), 'hybridlab-runner-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

function lab(script: string, ...args: string[]): { code: number | null; out: string; err: string } {
  const file = join(DIR, `s${Math.abs(hash(script + args.join(' ')))}.txt`);
  writeFileSync(file, script);
  const r = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
      join(ROOT, 'scripts/lab.ts'),
      'run',
      '--script',
      file,
      ...args,
    ],
    { cwd: ROOT, encoding: 'utf8', timeout: 120_000 },
  );
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function hash(s: string): number {
  let h = 0;
  for (const c of s) h = (h * 31 + c.charCodeAt(0)) | 0;
  return h;
}

const SSPR_TO_ERROR = [
  'instructor inject L6',
  'advance 10m',
  'sspr open',
  'sspr submitUser userId=michael.brown@laborhub.store captcha=@captcha',
].join('\n');

describe('npm run lab -- run: what the learner sees', () => {
  it('an instructor line injects a fault; the SSPR error page prints with its Details and code line (SSPR_0030)', () => {
    const r = lab(SSPR_TO_ERROR);
    expect(r.code).toBe(0);
    expect(r.out).toContain('> instructor inject L6\n');
    expect(r.out).not.toContain('[refused');
    const page = r.out
      .split('\n')
      .filter((l) => l.startsWith('  sspr | '))
      .slice(-3);
    expect(page[0]).toBe("  sspr | We're sorry");
    expect(page[1]).toMatch(
      /^ {2}sspr \| We're sorry, we can't reset your password at this time because of connectivity issues/,
    );
    expect(page[2]).toMatch(/^ {2}sspr \| SSPR_0030: /);
  }, 120_000);

  it('--json keeps the SSPR error as page, code and heading; the instructor line is an action like any other', () => {
    const r = lab(SSPR_TO_ERROR, '--json');
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ action: 'instructor inject L6', ok: true });
    expect(Object.keys(lines[0] ?? {})).toEqual(['action', 'ok', 'time']);
    const last = lines.at(-2) as { sspr?: Record<string, unknown> };
    expect(Object.keys(last.sspr ?? {})).toEqual(['page', 'code', 'heading']);
    expect(last.sspr).toMatchObject({ page: 'error', code: 'SSPR_0030' });
  }, 120_000);

  it('instructor clear and schedule; a bad instructor line is refused with its usage', () => {
    const r = lab(
      [
        'instructor inject L6',
        'instructor clear L6',
        'instructor schedule L6 after 10m',
        'instructor schedule L6 soon',
      ].join('\n'),
      '--json',
    );
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { ok?: boolean; error?: string });
    expect(lines.slice(0, 3).map((l) => l.ok)).toEqual([true, true, true]);
    expect(lines[3]).toMatchObject({
      ok: false,
      error: 'instructor schedule: expected "after <duration>" (e.g. 10m), got "soon"',
    });
  }, 120_000);

  it('--show prints the surfaces at the end: on-premises integration, audit log, sign-ins, users, Event Viewer', () => {
    const r = lab(
      'instructor schedule L6 after 1m\nadvance 12m',
      '--show',
      'onprem',
      '--show',
      'events:sync01',
      '--show',
      'users',
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('\n--- onprem\n');
    expect(r.out).toMatch(
      /--- events:sync01\n {2}.*\| Warning \| PasswordResetService \| 31016 \| WriteBackServiceStopped/,
    );
    expect(r.out).toContain('michael.brown@laborhub.store | Michael Brown | Windows Server AD | enabled');
    const bad = lab('advance 1m', '--show', 'nothing');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--show: unknown surface "nothing"');
  }, 120_000);
});
