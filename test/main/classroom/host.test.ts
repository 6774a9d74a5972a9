/**
 * The classroom host (what the Electron main process or the browser-mode server runs for its page):
 * an instructor's host runs the hub; a learner's host keeps the link; commands reach the page that
 * joined and no other; the class export; a class resumed after the host restarts; and browser
 * mode's /classroom WebSocket answering its own origin only.
 */
import { mkdtemp, readdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { checkAtHost, type HostToPage, type Progress } from '../../../simulation';
import { attachClassroom } from '../../../src-main/classroom/browserHost';
import { ClassroomHost, hubUrl, pageSession } from '../../../src-main/classroom/host';

const scenariosDir = resolve(__dirname, '../../../assets/scenarios');
const OWNER = 'page-key-0123456789ab';
const OTHER = 'other-key-0123456789a';
const INSTRUCTOR = { instructor: true };
const LEARNER = { instructor: false };

const closing: { close(): unknown }[] = [];
afterEach(async () => {
  for (const x of closing.splice(0).reverse()) await x.close();
});

async function host(dataDir?: string) {
  const h = new ClassroomHost({
    dataDir: dataDir ?? (await mkdtemp(join(tmpdir(), 'i12-host-'))),
    scenariosDir,
  });
  closing.push(h);
  return h;
}

const until = async (f: () => boolean, ms = 5_000) => {
  const end = Date.now() + ms;
  while (!f()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

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

async function startClass(h: ClassroomHost) {
  const r = await h.handle({ kind: 'class.start', host: '127.0.0.1', port: 0 }, INSTRUCTOR);
  if (r?.kind !== 'class.status' || !r.running) throw new Error(`not started: ${JSON.stringify(r)}`);
  return r.running;
}

describe('the classroom host', () => {
  it('runs a class only for an unlocked instructor', async () => {
    const h = await host();
    const r = await h.handle({ kind: 'class.start', host: '127.0.0.1', port: 0 }, LEARNER);
    expect(r).toEqual({ kind: 'error', text: 'Only an instructor (unlocked) can run a class.' });
    expect(await h.handle({ kind: 'class.export' }, INSTRUCTOR)).toEqual({
      kind: 'error',
      text: 'No class is running.',
    });
    const bad = await h.handle({ kind: 'class.start', host: '203.0.113.9', port: 0 }, INSTRUCTOR);
    expect(bad).toEqual({ kind: 'error', text: '203.0.113.9 is not an address of this machine.' });
  });

  it('a learner joins through their own host; assign and inject reach the page that joined, and no other', async () => {
    const teacher = await host();
    const info = await startClass(teacher);
    expect(info.code).toMatch(/^[A-Z2-9]{6}$/);
    expect(info.scenarios.some((s) => s.id === 'adsync-stopped')).toBe(true);
    const rows: HostToPage[] = [];
    teacher.onClass((m) => rows.push(m));

    const learner = await host();
    const mine: HostToPage[] = [];
    const theirs: HostToPage[] = [];
    learner.onLink(OWNER, (m) => mine.push(m));
    learner.onLink(OTHER, (m) => theirs.push(m));
    const joined = await learner.handle(
      { kind: 'link.join', owner: OWNER, address: info.address, code: info.code, name: 'Grace' },
      LEARNER,
    );
    expect(joined).toMatchObject({ kind: 'link.state', name: 'Grace', address: info.address });
    await until(() => mine.some((m) => m.kind === 'link.state' && m.state === 'connected'));
    await until(() => rows.some((m) => m.kind === 'class.row' && m.row.name === 'Grace' && m.row.connected));
    const id = rows.flatMap((m) => (m.kind === 'class.row' ? [m.row.learnerId] : []))[0]!;

    await teacher.handle(
      { kind: 'class.act', targets: 'all', action: { type: 'assign', scenarioId: 'adsync-stopped' } },
      INSTRUCTOR,
    );
    await teacher.handle(
      { kind: 'class.act', targets: [id], action: { type: 'fault.inject', fault: 'L18' } },
      INSTRUCTOR,
    );
    await until(() => mine.filter((m) => m.kind === 'link.command').length === 2);
    const commands = mine.flatMap((m) => (m.kind === 'link.command' ? [m.command] : []));
    expect(commands[0]).toMatchObject({ type: 'assign', assignment: 'a1-adsync-stopped' });
    // The scenario reaches the lab without its summary or solution.
    const sent = commands[0]?.type === 'assign' ? commands[0].scenario : {};
    expect(sent.summary).toBe('Shown when the run ends.');
    expect(commands[1]).toEqual({ type: 'fault.inject', fault: 'L18' });
    expect(theirs).toEqual([]);
    // Another page's progress is not this link's.
    expect(await learner.handle({ kind: 'link.status', owner: OTHER }, LEARNER)).toEqual({
      kind: 'link.state',
      state: 'none',
    });
    await learner.handle({ kind: 'link.progress', owner: OTHER, progress: progress(99) }, LEARNER);
    const p40 = { ...progress(40), assignment: 'a1-adsync-stopped', scenarioId: 'adsync-stopped' };
    await learner.handle({ kind: 'link.progress', owner: OWNER, progress: p40 }, LEARNER);
    await until(() => rows.some((m) => m.kind === 'class.row' && m.row.progress?.score === 40));
    expect(rows.some((m) => m.kind === 'class.row' && m.row.progress?.score === 99)).toBe(false);

    const csv = await teacher.handle({ kind: 'class.export' }, INSTRUCTOR);
    expect(csv?.kind).toBe('class.file');
    const text = csv?.kind === 'class.file' ? csv.text : '';
    expect(text.split('\r\n')[1]).toMatch(
      /^"Grace","[a-z0-9]+","a1-adsync-stopped","adsync-stopped","1","running","0","3","40","100","","0.0","0.0","L18","false",""$/,
    );

    // The run ends: the result goes through the learner's link to the hub, which checks it against
    // its record (an unsigned one whose score differs from the last progress is flagged).
    const ended = { ...p40, status: 'completed' as const };
    await learner.handle({ kind: 'link.progress', owner: OWNER, progress: ended }, LEARNER);
    const payload = JSON.stringify({
      scenario: { id: 'adsync-stopped' },
      seed: 1,
      status: 'completed',
      score: { total: 55, max: 100 },
      activeMs: 90_000,
      objectives: [],
      session: { hints: [], journal: [{ at: 1, command: { type: 'fault.inject', fault: 'L18' } }] },
    });
    const result = { payload, signature: '', publicKey: '', unsigned: 'no key here' };
    await learner.handle(
      { kind: 'link.result', owner: OTHER, assignment: 'a1-adsync-stopped', result },
      LEARNER,
    );
    await learner.handle(
      { kind: 'link.result', owner: OWNER, assignment: 'a1-adsync-stopped', result },
      LEARNER,
    );
    await until(() => rows.some((m) => m.kind === 'class.row' && m.row.results === 1));
    const last = rows.filter((m) => m.kind === 'class.row').at(-1);
    expect(last?.kind === 'class.row' && last.row.flags).toEqual([
      "score 55 in the result, 40 in the hub's record",
    ]);
    const json = await teacher.handle({ kind: 'class.export', format: 'json' }, INSTRUCTOR);
    expect(json).toMatchObject({ kind: 'class.file', name: `class-${info.code}-results.json` });
    const results = JSON.parse(json?.kind === 'class.file' ? json.text : '[]') as unknown[];
    expect(results).toEqual([
      expect.objectContaining({
        learner: 'Grace',
        learnerId: id,
        flags: ["score 55 in the result, 40 in the hub's record"],
        result: { ...(JSON.parse(payload) as object), unsigned: 'no key here' },
      }),
    ]);
    const xapi = await teacher.handle({ kind: 'class.export', format: 'xapi' }, INSTRUCTOR);
    expect(xapi).toMatchObject({ kind: 'class.file', name: `class-${info.code}-xapi.json` });
    const statements = JSON.parse(xapi?.kind === 'class.file' ? xapi.text : '[]') as unknown[];
    expect(statements).toEqual([
      expect.objectContaining({
        actor: {
          objectType: 'Agent',
          name: 'Grace',
          account: { homePage: `http://${info.address}`, name: id },
        },
        verb: expect.objectContaining({ id: 'http://adlnet.gov/expapi/verbs/completed' }),
        result: expect.objectContaining({
          score: { scaled: 0.55, raw: 55, min: 0, max: 100 },
          duration: 'PT1M30S',
        }),
      }),
    ]);
  });

  it('commands that come while no page listens wait for the page that joined', async () => {
    const teacher = await host();
    const info = await startClass(teacher);
    const learner = await host();
    const states: HostToPage[] = [];
    const off = learner.onLink(OWNER, (m) => states.push(m));
    await learner.handle(
      { kind: 'link.join', owner: OWNER, address: info.address, code: info.code, name: 'Lin' },
      LEARNER,
    );
    await until(() => states.some((m) => m.kind === 'link.state' && m.state === 'connected'));
    off();
    await teacher.handle(
      { kind: 'class.act', targets: 'all', action: { type: 'message', text: 'Break: 10 minutes' } },
      INSTRUCTOR,
    );
    await new Promise((r) => setTimeout(r, 200));
    const later: HostToPage[] = [];
    learner.onLink(OTHER, (m) => later.push(m));
    expect(later).toEqual([]);
    learner.onLink(OWNER, (m) => later.push(m));
    expect(later).toEqual([
      { kind: 'link.command', cseq: 1, command: { type: 'message', text: 'Break: 10 minutes' } },
    ]);
  });

  it('a class resumes after the host restarts: same code, same roster; closing it sets the file aside', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'i12-resume-'));
    const first = new ClassroomHost({ dataDir: dir, scenariosDir });
    const info = await startClass(first);
    const learner = await host();
    const seen: HostToPage[] = [];
    learner.onLink(OWNER, (m) => seen.push(m));
    await learner.handle(
      { kind: 'link.join', owner: OWNER, address: info.address, code: info.code, name: 'Ada' },
      LEARNER,
    );
    await until(() => seen.some((m) => m.kind === 'link.state' && m.state === 'connected'));
    await learner.close();
    await first.close();

    const second = await host(dir);
    const status = await second.handle({ kind: 'class.status' }, INSTRUCTOR);
    expect(status).toMatchObject({ kind: 'class.status', resumable: true });
    const again = await startClass(second);
    expect(again.code).toBe(info.code);
    expect(again.resumed).toBe(true);
    const roster: HostToPage[] = [];
    second.onClass((m) => roster.push(m));
    await second.handle({ kind: 'class.status' }, INSTRUCTOR);
    await until(() => roster.length > 0);
    expect(roster[0]).toMatchObject({ kind: 'class.roster', rows: [{ name: 'Ada', connected: false }] });

    await second.handle({ kind: 'class.close' }, INSTRUCTOR);
    const files = await readdir(dir);
    expect(files).not.toContain('class.json');
    expect(files.some((f) => f.startsWith(`class-${info.code}-`))).toBe(true);
  });

  it("as Electron's page session: class messages and events only while instructor mode is unlocked", async () => {
    const h = await host();
    let unlocked = false;
    const events: HostToPage[] = [];
    const page = pageSession(
      h,
      (m) => events.push(m),
      () => unlocked,
    );
    const start = JSON.stringify({ kind: 'class.start', host: '127.0.0.1', port: 0 });
    expect(await page.receive(start)).toEqual({
      kind: 'error',
      text: 'Only an instructor (unlocked) can run a class.',
    });
    unlocked = true;
    expect(await page.receive(start)).toMatchObject({ kind: 'class.status', running: {} });
    await until(() => events.some((m) => m.kind === 'class.roster'));
    unlocked = false;
    events.length = 0;
    await h.handle({ kind: 'class.status' }, INSTRUCTOR);
    await new Promise((r) => setTimeout(r, 50));
    expect(events).toEqual([]);
    expect(await page.receive('{"kind":"class.export","x":1}')).toMatchObject({ kind: 'error' });
    page.close();
  });

  it('reads an address as the instructor writes it', () => {
    expect(hubUrl('192.168.1.10:47801')).toBe('ws://192.168.1.10:47801');
    expect(hubUrl(' 192.168.1.10 ')).toBe('ws://192.168.1.10:47800');
    expect(hubUrl('ws://10.0.0.5:5000')).toBe('ws://10.0.0.5:5000');
    expect(hubUrl('http://x/../etc')).toBeUndefined();
    expect(hubUrl('10.0.0.5:5000/path')).toBeUndefined();
  });
});

describe("browser mode's /classroom socket", () => {
  async function server(): Promise<{ port: number; server: Server }> {
    const s = createServer((_q, r) => r.end('app'));
    const dataDir = await mkdtemp(join(tmpdir(), 'i12-bh-'));
    const attached = attachClassroom(s, { dataDir, scenariosDir });
    closing.push({ close: () => new Promise((r) => s.close(r)) }, attached);
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    return { port: (s.address() as AddressInfo).port, server: s };
  }

  const connect = (url: string, origin?: string) =>
    new Promise<{ ok: true; ws: WebSocket } | { ok: false; status: number }>((done) => {
      const ws = new WebSocket(url, origin ? { origin } : {});
      ws.once('open', () => done({ ok: true, ws }));
      ws.once('unexpected-response', (_req, res) => done({ ok: false, status: res.statusCode ?? 0 }));
      ws.once('error', () => done({ ok: false, status: -1 }));
      closing.push({ close: () => ws.terminate() });
    });

  it('answers its own page only: wrong origin, no origin, other paths are refused with 403', async () => {
    const { port } = await server();
    const base = `ws://127.0.0.1:${port}`;
    expect(await connect(`${base}/classroom`, 'http://evil.example')).toEqual({ ok: false, status: 403 });
    expect(await connect(`${base}/classroom`)).toEqual({ ok: false, status: 403 });
    expect(await connect(`${base}/other`, `http://127.0.0.1:${port}`)).toEqual({ ok: false, status: 403 });
    const good = await connect(`${base}/classroom`, `http://127.0.0.1:${port}`);
    expect(good.ok).toBe(true);
    if (!good.ok) return;
    const got: unknown[] = [];
    good.ws.on('message', (d) => got.push(JSON.parse(String(d))));
    good.ws.send(JSON.stringify({ kind: 'class.status' }));
    good.ws.send('{"kind":"class.act","targets":"all","action":{"type":"rm -rf"}}');
    await until(() => got.length >= 2);
    expect(got).toContainEqual(expect.objectContaining({ kind: 'class.status', resumable: false }));
    expect(got).toContainEqual(
      expect.objectContaining({ kind: 'error', text: expect.stringMatching(/^Refused: action/) }),
    );
  });

  it('the host protocol refuses malformed page messages with a reason', () => {
    expect(checkAtHost('nope')).toEqual({ ok: false, reason: 'not JSON' });
    expect(
      checkAtHost('{"kind":"link.join","owner":"short","address":"x","code":"ABC123","name":"A"}'),
    ).toMatchObject({
      ok: false,
      reason: expect.stringContaining('owner'),
    });
    expect(
      checkAtHost(JSON.stringify({ kind: 'link.join', owner: OWNER, address: 'x', code: 'abc', name: 'A' })),
    ).toEqual({
      ok: false,
      reason: 'code: The class code is 6 letters and digits.',
    });
  });
});
