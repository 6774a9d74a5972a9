/**
 * A signed result round-trips through `verifyResult`, and each kind of tampering is rejected with
 * the reason: the score (signature and replay both disagree), the learner's name (signature), the
 * journal (signature and replay), the signature itself. Signing uses the app's Node key module.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenario, type Scenario } from '../../../simulation/scenarios/schema';
import { ScenarioRun } from '../../../simulation/scenarios/engine';
import {
  buildResult,
  signResult,
  unsignedResult,
  verifyResult,
  type SignedResult,
} from '../../../simulation/scenarios/result';
import { loadOrCreateKey, nodeCheck, nodeSigner } from '../../../src-main/resultSigning';

function load(file: string): Scenario {
  const r = loadScenario(readFileSync(join(__dirname, '../../../assets/scenarios', file), 'utf8'), file);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.scenario;
}

const scenario = load('adsync-stopped.json');
const find = (id: string) => (id === scenario.id ? scenario : undefined);
let signed: SignedResult;

beforeAll(async () => {
  const key = loadOrCreateKey(mkdtempSync(join(tmpdir(), 'hl-key-')));
  const t0 = Date.UTC(2026, 11, 5, 9, 0);
  const run = ScenarioRun.start(scenario, 4, undefined, { learnerName: 'Ada Lovelace', wallMs: t0 });
  run.takeHint(undefined, t0 + 30_000);
  scenario.solution.forEach((l, i) => expect(run.act(l, t0 + 60_000 * (i + 1))).toEqual({ ok: true }));
  expect(run.getStatus()).toBe('completed');
  signed = await signResult(buildResult(run), nodeSigner(key));
});

const tampered = (edit: (r: SignedResult) => void) => {
  const copy = JSON.parse(JSON.stringify(signed)) as SignedResult;
  edit(copy);
  return JSON.stringify(copy);
};

describe('a signed result', () => {
  it('carries the scenario id and version, seed, name, objectives with times, score, both times and the journal', () => {
    expect(signed).toMatchObject({
      scenario: { id: 'adsync-stopped' },
      seed: 4,
      learnerName: 'Ada Lovelace',
      status: 'completed',
      signature: { alg: 'Ed25519' },
    });
    expect(signed.scenario.version).toMatch(/^[0-9a-f]{16}$/);
    expect(signed.objectives.every((o) => o.met && typeof o.metAt === 'number')).toBe(true);
    expect(signed.score.hints).toBeGreaterThan(0);
    expect(signed.activeMs).toBe(60_000 * scenario.solution.length);
    expect(signed.labMs).toBeGreaterThan(0);
    expect(signed.session.journal.length).toBeGreaterThan(0);
  });

  it('verifies: signature valid and the journal replays to the claimed score', async () => {
    const v = await verifyResult(JSON.stringify(signed), find, nodeCheck);
    expect(v).toMatchObject({ ok: true, replayed: { score: signed.score.total, status: 'completed' } });
  });

  it('a tampered score is rejected by the signature and by the replay', async () => {
    const v = await verifyResult(
      tampered((r) => void (r.score.total += 10)),
      find,
      nodeCheck,
    );
    expect(v.ok).toBe(false);
    expect(!v.ok && v.mismatches).toEqual([
      expect.stringMatching(/^signature: does not match/),
      `score: claims ${signed.score.total + 10}, the journal replays to ${signed.score.total}`,
    ]);
  });

  it('a tampered name is rejected by the signature', async () => {
    const v = await verifyResult(
      tampered((r) => void (r.learnerName = 'Mallory')),
      find,
      nodeCheck,
    );
    expect(!v.ok && v.mismatches).toEqual([expect.stringMatching(/^signature: does not match/)]);
  });

  it('a tampered journal is rejected by the signature and the replay', async () => {
    // The last action (the sign-in on PC2) dropped: the replay no longer completes.
    const v = await verifyResult(
      tampered((r) => void r.session.journal.pop()),
      find,
      nodeCheck,
    );
    expect(!v.ok && v.mismatches).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^signature: does not match/),
        expect.stringMatching(/^score: claims \d+, the journal replays to \d+/),
        'status: claims "completed", the journal replays to "running"',
      ]),
    );
  });

  it('a journal that does not replay names the entry', async () => {
    const v = await verifyResult(
      tampered((r) => void (r.session.journal[0] = { ...r.session.journal[0]!, at: 1 })),
      find,
      nodeCheck,
    );
    expect(!v.ok && v.mismatches.at(-1)).toMatch(/^journal: does not replay .*journal\[0\]\.at/);
  });

  it('a tampered signature (or a key that did not sign it) is rejected', async () => {
    const other = nodeSigner(loadOrCreateKey(mkdtempSync(join(tmpdir(), 'hl-key-'))));
    for (const text of [
      tampered(
        (r) => void (r.signature.value = r.signature.value.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))),
      ),
      tampered((r) => void (r.signature.publicKey = other.publicKey)),
    ]) {
      const v = await verifyResult(text, find, nodeCheck);
      expect(!v.ok && v.mismatches).toEqual([expect.stringMatching(/^signature: does not match/)]);
    }
  });

  it('a result for a changed scenario says so', async () => {
    const changed = { ...scenario, estimatedMinutes: scenario.estimatedMinutes + 1 };
    const v = await verifyResult(JSON.stringify(signed), () => changed, nodeCheck);
    expect(!v.ok && v.mismatches).toEqual([
      expect.stringMatching(/^scenario\.version: the result was made with version/),
    ]);
  });

  it('a file that is not a result is named as such', async () => {
    const v = await verifyResult('{"format":"x"}', find, nodeCheck);
    expect(!v.ok && v.mismatches).toEqual(['the file is not a result: format: expected "hybridlab-result"']);
  });
});

describe('a result exported unsigned (a browser without WebCrypto Ed25519)', () => {
  const unsigned = () => {
    const { signature, ...payload } = JSON.parse(JSON.stringify(signed)) as SignedResult;
    expect(signature.alg).toBe('Ed25519');
    return unsignedResult(payload, 'this browser has no WebCrypto Ed25519');
  };

  it('is rejected by default, saying it is unsigned and how to check its replay alone', async () => {
    const v = await verifyResult(JSON.stringify(unsigned()), find, nodeCheck);
    expect(!v.ok && v.mismatches).toEqual([
      expect.stringMatching(/^signature: none \(the result was exported unsigned: this browser has no/),
    ]);
    expect(!v.ok && v.mismatches[0]).toContain('--allow-unsigned');
  });

  it('with allowUnsigned, the replay alone is checked: accepted as unsigned, a tampered score still rejected', async () => {
    const ok = await verifyResult(JSON.stringify(unsigned()), find, nodeCheck, { allowUnsigned: true });
    expect(ok.ok && ok.signed).toBe(false);
    expect(ok.ok && ok.replayed.score).toBe(signed.score.total);
    const bad = unsigned();
    bad.score.total += 5;
    const v = await verifyResult(JSON.stringify(bad), find, nodeCheck, { allowUnsigned: true });
    expect(!v.ok && v.mismatches).toEqual([expect.stringMatching(/^score: claims/)]);
  });
});

describe('a signature made with WebCrypto Ed25519 (the browser signer)', () => {
  it('is checked by the Node verifier with the raw public key', async () => {
    const { signature, ...payload } = signed;
    expect(signature).toBeDefined();
    const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, [
      'sign',
      'verify',
    ])) as CryptoKeyPair;
    const raw = Buffer.from(await crypto.subtle.exportKey('raw', pair.publicKey)).toString('base64');
    const webSigned = await signResult(payload, {
      publicKey: raw,
      sign: async (text) =>
        Buffer.from(
          await crypto.subtle.sign({ name: 'Ed25519' }, pair.privateKey, new TextEncoder().encode(text)),
        ).toString('base64'),
    });
    const v = await verifyResult(JSON.stringify(webSigned), find, nodeCheck);
    expect(v.ok ? [] : v.mismatches).toEqual([]);
    expect(v.ok && v.signed).toBe(true);
  });
});

describe('a run the learner gave up while the lab clock kept playing', () => {
  it('verifies: the replay ends the run at the give-up, not at the end of the journal', async () => {
    const key = loadOrCreateKey(mkdtempSync(join(tmpdir(), 'hl-key-')));
    const t0 = Date.UTC(2026, 11, 5, 9, 0);
    const run = ScenarioRun.start(scenario, 4, undefined, { learnerName: 'Ada Lovelace', wallMs: t0 });
    // The clock plays (250 ms ticks, not the learner's doing) before and after the give-up.
    for (let i = 0; i < 6; i++) run.dispatch({ type: 'clock.advance', ms: 250 }, t0 + i * 250, false);
    run.giveUp(t0 + 2000);
    for (let i = 0; i < 6; i++) run.dispatch({ type: 'clock.advance', ms: 250 }, t0 + 3000 + i * 250, false);
    const result = await signResult(buildResult(run), nodeSigner(key));
    expect(result.labMs).toBe(1500);
    const v = await verifyResult(JSON.stringify(result), find, nodeCheck);
    expect(v.ok ? [] : v.mismatches).toEqual([]);
  });
});
