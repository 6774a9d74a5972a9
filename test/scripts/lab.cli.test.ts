/**
 * The headless runner as an author uses it: `validate` refuses broken files with messages that
 * name the file and the path, `solve` solves a built-in scenario, `run` prints what the learner
 * sees. Runs the real CLI (tsx scripts/lab.ts) in a child process.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const BROKEN = join(ROOT, 'test/fixtures/scenarios-broken');

function lab(...args: string[]): { code: number | null; out: string } {
  const r = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/lab.ts'), ...args],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('npm run lab', () => {
  it('validate: refuses each broken file with the expected message, exit 1', () => {
    const r = lab(
      'validate',
      ...['unknown-user', 'unknown-fault', 'bad-action', 'no-briefing', 'not-json'].map((f) =>
        join(BROKEN, `${f}.json`),
      ),
      join(ROOT, 'assets/scenarios/adsync-stopped.json'),
    );
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      'invalid unknown-user.json: objectives[2].check.user: expected a user of the lab, got "mbrown"',
    );
    expect(r.out).toContain(
      'invalid unknown-fault.json: faults[0].fault: expected a fault of the catalog (L1–L33) or "$pool", got "L42"',
    );
    expect(r.out).toMatch(/invalid bad-action\.json: solution\[0\]: unknown action "ps"/);
    expect(r.out).toContain(
      'invalid no-briefing.json: briefing: expected object, got nothing (the field is required)',
    );
    expect(r.out).toMatch(/invalid not-json\.json: not valid JSON \(/);
    expect(r.out).toContain('ok      adsync-stopped.json');
    expect(r.out).toContain('1 valid, 5 invalid');
  });

  it('validate: a file with 1,200 nested checks is refused with its path, and the files after it are still checked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hl-deep-'));
    const good = join(ROOT, 'assets/scenarios/adsync-stopped.json');
    const s = JSON.parse(readFileSync(good, 'utf8')) as { id: string; objectives: { check: unknown }[] };
    let check: unknown = { kind: 'faultFixed', fault: 'L6' };
    for (let i = 0; i < 1200; i++) check = { kind: 'not', check };
    s.id = 'deep-not';
    s.objectives[1]!.check = check;
    writeFileSync(join(dir, 'deep-not.json'), JSON.stringify(s));
    const r = lab('validate', join(dir, 'deep-not.json'), good);
    expect(r.out).not.toContain('Maximum call stack');
    expect(r.out).toMatch(
      /^invalid deep-not\.json: objectives\[1\]\.check(\.check){32}: checks nested more than 32 levels deep/m,
    );
    expect(r.out).toContain('ok      adsync-stopped.json');
    expect(r.out).toContain('1 valid, 1 invalid');
    expect(r.code).toBe(1);
    rmSync(dir, { recursive: true, force: true });
  });

  it('solve: replays the reference solution and prints the objectives and the score, exit 0', () => {
    const r = lab('solve', join(ROOT, 'assets/scenarios/adsync-stopped.json'), '--seed', '2');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/\[x\] service\s+required\s+40/);
    expect(r.out).toContain('score 100/100');
    expect(r.out).toContain('solved');
  });

  it('run --json: one object per action with what the learner sees, then a summary', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hl-'));
    const script = join(dir, 'script.txt');
    writeFileSync(script, '# look first\nps sync01: Get-Service ADSync\nsspr open\nfrobnicate\n');
    const r = lab('run', join(ROOT, 'assets/scenarios/adsync-stopped.json'), '--script', script, '--json');
    expect(r.code).toBe(0);
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ action: 'ps sync01: Get-Service ADSync', ok: true });
    expect((lines[0]?.output as string[]).join('\n')).toMatch(/Stopped\s+ADSync\s+Microsoft Azure AD Sync/);
    expect(lines[1]).toMatchObject({ action: 'sspr open', ok: true, sspr: { page: 'userId' } });
    expect(lines[2]).toMatchObject({ action: 'frobnicate', ok: false });
    expect(lines[3]).toMatchObject({ summary: { status: 'running', failedActions: 1 } });
  });

  it('solve --report writes report.html and a signed result.json that verify accepts; an edited copy exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hl-'));
    const env = ['--key-dir', join(dir, 'key')];
    const r = lab(
      'solve',
      join(ROOT, 'assets/scenarios/adsync-stopped.json'),
      '--seed',
      '2',
      '--report',
      dir,
      '--name',
      'Ada',
      ...env,
    );
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toMatch(
      /<title>HybridLab report: .*\(Ada\)<\/title>/,
    );
    const ok = lab('verify', join(dir, 'result.json'));
    expect(ok.out).toMatch(/result\.json: ok: signature valid .* replays to 100\/100, completed, as claimed/);
    expect(ok.code).toBe(0);
    const edited = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8')) as { learnerName: string };
    edited.learnerName = 'Mallory';
    writeFileSync(join(dir, 'edited.json'), JSON.stringify(edited));
    const bad = lab('verify', join(dir, 'edited.json'));
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('edited.json: REJECTED\n  - signature: does not match the content');
  });

  it('--still-wall-clock: every wall-clock stamp of the run is the same instant (the goldens use it)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hl-'));
    const r = lab(
      'solve',
      join(ROOT, 'assets/scenarios/adsync-stopped.json'),
      '--seed',
      '2',
      '--still-wall-clock',
      '--report',
      dir,
      '--key-dir',
      join(dir, 'key'),
    );
    expect(r.code).toBe(0);
    const result = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8')) as {
      session: { wall: { ms: number }[] };
    };
    const stamps = result.session.wall.map((w) => w.ms);
    expect(stamps.length).toBeGreaterThan(1);
    expect(new Set(stamps)).toEqual(new Set([Date.UTC(2026, 0, 1)]));
    expect(lab('verify', join(dir, 'result.json')).code).toBe(0);
  });

  it('run --script --report gives an unfinished run up, and its result verifies', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hl-'));
    const script = join(dir, 'script.txt');
    writeFileSync(script, 'ps sync01: Get-Service ADSync\n');
    const r = lab(
      'run',
      join(ROOT, 'assets/scenarios/adsync-stopped.json'),
      '--script',
      script,
      '--report',
      dir,
      '--key-dir',
      join(dir, 'key'),
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('(the run had not ended: given up for the report)');
    expect(JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8'))).toMatchObject({ status: 'gave-up' });
    expect(lab('verify', join(dir, 'result.json')).code).toBe(0);
  });
});
