/** The hub over real sockets on 127.0.0.1: joining, rate limits, wrong roles, oversized messages, restart. */
import { mkdtemp } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { loadScenario, type Scenario } from '../../../simulation';
import type { Progress } from '../../../simulation/classroom/protocol';
import { Hub, LEARNER_RATE } from '../../../src-main/classroom/hubServer';
import { LearnerLink } from '../../../src-main/classroom/learnerLink';

const loaded = loadScenario(
  readFileSync(resolve(__dirname, '../../../assets/scenarios/adsync-stopped.json'), 'utf8'),
  'adsync-stopped.json',
);
if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
const scenarios = new Map<string, Scenario>([[loaded.scenario.id, loaded.scenario]]);

const open: { close(): unknown }[] = [];
afterEach(async () => {
  for (const x of open.splice(0).reverse()) await x.close();
});

async function hub(file?: string, port = 0) {
  const h = await Hub.start({ host: '127.0.0.1', port, scenarios, ...(file ? { file } : {}) });
  open.push(h);
  return h;
}

const until = async (f: () => boolean, ms = 5_000) => {
  const end = Date.now() + ms;
  while (!f()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

/** A raw client: what it received, and whether it was closed. */
function raw(url: string) {
  const ws = new WebSocket(url);
  const got: { kind: string; [k: string]: unknown }[] = [];
  let closed = false;
  ws.on('message', (d) => got.push(JSON.parse(String(d))));
  ws.on('close', () => (closed = true));
  open.push({ close: () => ws.terminate() });
  return { ws, got, isClosed: () => closed, ready: new Promise((r) => ws.once('open', r)) };
}

const progress = (score: number): Progress => ({
  status: 'running',
  objectives: [],
  objectivesTotal: 3,
  score,
  scoreMax: 100,
  hints: [],
  activeMs: 0,
  labMs: 0,
  entries: score,
  stateHash: `h${score}`,
  applied: 0,
  faults: [],
  timeline: [],
});

function link(h: Hub, name = 'Emma', commands: string[] = []) {
  const l = new LearnerLink({
    url: h.url,
    code: h.code,
    name,
    onCommand: (c) => commands.push(c.type),
    backoff: { minMs: 20, maxMs: 200 },
  });
  open.push(l);
  return l;
}

describe('the classroom hub', () => {
  it('a learner joins with the code; the instructor (with the secret) sees the row; actions reach the learner', async () => {
    const h = await hub();
    const teacher = raw(h.url);
    await teacher.ready;
    teacher.ws.send(JSON.stringify({ kind: 'hello', v: 1, role: 'instructor', secret: h.secret }));
    const commands: string[] = [];
    const l = link(h, 'Emma', commands);
    await until(() => l.state === 'connected');
    l.send({ kind: 'progress', progress: progress(10) });
    await until(() => l.pending() === 0);
    await until(() => teacher.got.some((m) => m.kind === 'row' && JSON.stringify(m).includes('"score":10')));
    expect(teacher.got[0]).toEqual({ kind: 'welcome', code: h.code, address: h.url });
    teacher.ws.send(
      JSON.stringify({
        kind: 'action',
        targets: 'all',
        action: { type: 'assign', scenarioId: 'adsync-stopped' },
      }),
    );
    teacher.ws.send(
      JSON.stringify({
        kind: 'action',
        targets: [l.learnerId],
        action: { type: 'fault.inject', fault: 'L7' },
      }),
    );
    await until(() => commands.length === 2);
    expect(commands).toEqual(['assign', 'fault.inject']);
    await until(() => h.core.learner(l.learnerId!)!.acked === 2);
  });

  it('refuses the instructor with a wrong secret, and closes a learner that sends an instructor command', async () => {
    const h = await hub();
    const fake = raw(h.url);
    await fake.ready;
    fake.ws.send(JSON.stringify({ kind: 'hello', v: 1, role: 'instructor', secret: 'x'.repeat(32) }));
    await until(fake.isClosed);
    expect(fake.got).toEqual([{ kind: 'refused', reason: 'wrong instructor secret' }]);

    const l = raw(h.url);
    await l.ready;
    l.ws.send(
      JSON.stringify({ kind: 'hello', v: 1, role: 'learner', code: h.code, name: 'Mallory', applied: 0 }),
    );
    await until(() => l.got.length > 0);
    l.ws.send(JSON.stringify({ kind: 'action', targets: 'all', action: { type: 'class.end' } }));
    await until(l.isClosed);
    expect(l.got.at(-1)).toEqual({ kind: 'refused', reason: 'a learner may not send action' });
    expect(h.stats.closedForRole).toBe(2);
    expect(h.core.record.ended).toBe(false);
  });

  it('drops (and counts) oversized and malformed messages without applying them', async () => {
    const h = await hub();
    const l = raw(h.url);
    await l.ready;
    l.ws.send(
      JSON.stringify({ kind: 'hello', v: 1, role: 'learner', code: h.code, name: 'Emma', applied: 0 }),
    );
    await until(() => l.got.length > 0);
    l.ws.send(
      JSON.stringify({ kind: 'progress', seq: 1, progress: { ...progress(1), pad: 'x'.repeat(70_000) } }),
    );
    l.ws.send('{"kind":"progress",');
    l.ws.send(JSON.stringify({ kind: 'progress', seq: 1, progress: { ...progress(1), score: 'lots' } }));
    l.ws.send(JSON.stringify({ kind: 'progress', seq: 1, progress: progress(5) }));
    await until(() => l.got.some((m) => m.kind === 'ack'));
    expect(h.stats.dropped).toMatchObject({ oversized: 1, malformed: 2 });
    expect(h.stats.applied).toBe(1);
    expect(l.isClosed()).toBe(false);
  });

  it('limits each connection: a flood past the burst is dropped, and the hub stays responsive', async () => {
    const h = await hub();
    const l = raw(h.url);
    await l.ready;
    l.ws.send(
      JSON.stringify({ kind: 'hello', v: 1, role: 'learner', code: h.code, name: 'Flood', applied: 0 }),
    );
    await until(() => l.got.length > 0);
    for (let i = 1; i <= 400; i++)
      l.ws.send(JSON.stringify({ kind: 'progress', seq: i, progress: progress(i) }));
    await until(() => h.stats.received >= 401);
    expect(h.stats.dropped.rate).toBeGreaterThan(400 - LEARNER_RATE.burst - 50);
    expect(h.stats.applied).toBeLessThan(LEARNER_RATE.burst + 50);
    // Another learner is not affected.
    const other = link(h, 'Noah');
    await until(() => other.state === 'connected');
  });

  it('slows down wrong class codes from one address', async () => {
    const h = await hub();
    const reasons: string[] = [];
    for (let i = 0; i < 7; i++) {
      const c = raw(h.url);
      await c.ready;
      c.ws.send(
        JSON.stringify({ kind: 'hello', v: 1, role: 'learner', code: 'ZZZZZZ', name: 'Guess', applied: 0 }),
      );
      await until(c.isClosed);
      reasons.push(String(c.got[0]?.reason));
    }
    expect(reasons.slice(0, 6)).toEqual(Array(6).fill('wrong class code'));
    expect(reasons[6]).toMatch(/^Too many wrong attempts: try again in \d+ seconds?\.$/);
  });

  it('resumes the class from its file after a restart; learners reconnect and nothing is applied twice', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'hybridlab-class-')), 'class.json');
    let h = await hub(file);
    const { code } = h;
    const port = Number(new URL(h.url).port);
    const l = link(h);
    await until(() => l.state === 'connected');
    for (let i = 1; i <= 5; i++) l.send({ kind: 'progress', progress: progress(i) });
    await until(() => l.pending() === 0);
    await h.close();
    open.splice(open.indexOf(h), 1);
    // While the hub is down the learner keeps working: messages wait in the outbox.
    for (let i = 6; i <= 10; i++) l.send({ kind: 'progress', progress: progress(i) });
    expect(l.pending()).toBe(5);
    h = await hub(file, port);
    expect(h.code).toBe(code);
    await until(() => l.pending() === 0);
    const rec = h.core.learner(l.learnerId!)!;
    expect(rec.lastSeq).toBe(10);
    expect(rec.progress?.score).toBe(10);
    expect(h.core.record.learners).toHaveLength(1);
    expect(h.stats.duplicates).toBe(0);
  });
});
