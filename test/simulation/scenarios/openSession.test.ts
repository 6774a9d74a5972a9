/**
 * A scenario session saved as journal records opens to the same run (objectives, score, hints, end),
 * spells out neither the scenario's faults nor its summary or solution, and a journal that stops
 * fitting part-way opens with everything before that point.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headerRecord, type JournalRecord } from '../../../simulation/facade/journal';
import { foldRecords, journalText, recordsSince } from '../../../simulation/facade/journalFold';
import { Lab } from '../../../simulation/facade/lab';
import { serializeSession, sessionOf } from '../../../simulation/facade/session';
import { ScenarioRun } from '../../../simulation/scenarios/engine';
import {
  fromLegacySession,
  openFolded,
  scenarioRef,
  scenarioSessionMeta,
} from '../../../simulation/scenarios/openSession';
import { loadScenario, type Scenario } from '../../../simulation/scenarios/schema';

function load(file: string): Scenario {
  const r = loadScenario(readFileSync(join(__dirname, '../../../assets/scenarios', file), 'utf8'), file);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.scenario;
}

/** What the app writes for a scenario run: header (scenario meta), the learner's journal, meta updates. */
function recordsOf(run: ScenarioRun): JournalRecord[] {
  const records: JournalRecord[] = [
    headerRecord({
      id: 'aaaaaaaa-0000-4000-8000-000000000000',
      created: 1_700_000_000_000,
      seed: run.seed,
      definition: run.lab.definition,
      meta: scenarioSessionMeta(run),
    }),
  ];
  for (const b of recordsSince(run.session().journal, { entries: 0 }).bodies)
    records.push({ seq: records.length + 1, ...b });
  records.push({ seq: records.length + 1, t: 'meta', set: scenarioSessionMeta(run) });
  return records;
}

const PACK = ['adsync-stopped.json', 'configure-sspr-writeback.json', 'dhcp-down.json'].map(load);
const byRef = (ref: string) => PACK.find((s) => scenarioRef(s.id) === ref);

describe('a scenario session in the journal', () => {
  it("keeps the learner's first clock steps (they are not merged into the preparation's)", () => {
    const run = ScenarioRun.start(load('configure-sspr-writeback.json'), 1);
    run.dispatch({ type: 'clock.advance', ms: 1000 });
    run.dispatch({ type: 'clock.advance', ms: 1000 });
    expect(run.session().journal).toEqual([
      { at: run.lab.now() - 2000, command: { type: 'clock.advance', ms: 2000 } },
    ]);
    const opened = openFolded(foldRecords(recordsOf(run)), byRef);
    expect(opened.ok && opened.opened.lab.now()).toBe(run.lab.now());
    expect(opened.ok && opened.opened.lab.stateHash()).toBe(run.lab.stateHash());
  });

  it('opens to the same objectives, score, hints and end', () => {
    const s = load('adsync-stopped.json');
    const run = ScenarioRun.start(s, 4);
    run.takeHint();
    run.act('ps sync01: Start-Service ADSync');
    run.act('advance 2m');
    run.giveUp();
    const opened = openFolded(foldRecords(recordsOf(run)), byRef);
    if (!opened.ok) throw new Error(opened.error);
    const again = opened.opened.run!;
    expect(again.objectives()).toEqual(run.objectives());
    expect(again.score()).toEqual(run.score());
    expect(again.hints()).toEqual(run.hints());
    expect(again.getStatus()).toBe('gave-up');
    expect(opened.opened).toMatchObject({ dropped: 0, replayed: run.session().journal.length });
  });

  it("keeps the learner's name and wall-clock stamps (active time) beside the journal, and the lab the same", () => {
    const s = load('adsync-stopped.json');
    const t0 = Date.UTC(2026, 11, 6, 9, 0);
    const run = ScenarioRun.start(s, 2, undefined, { learnerName: 'Ada Lovelace', wallMs: t0 });
    run.act('ps sync01: Get-Service ADSync', t0 + 40_000);
    run.act('ps sync01: Start-Service ADSync', t0 + 100_000);
    // Twenty minutes away (idle, not counted), then one more action.
    run.act('advance 2m', t0 + 100_000 + 20 * 60_000);
    run.giveUp(t0 + 100_000 + 20 * 60_000 + 5_000);
    expect(run.activeTime()).toBe(105_000);
    const opened = openFolded(foldRecords(recordsOf(run)), byRef);
    if (!opened.ok) throw new Error(opened.error);
    const again = opened.opened.run!;
    expect(again.learnerName).toBe('Ada Lovelace');
    expect(again.activeTime()).toBe(105_000);
    expect(again.score()).toEqual(run.score());
    // The stamps are metadata: the lab replays the same whatever they say.
    const plain = openFolded(
      foldRecords(
        recordsOf(run).map((r) =>
          r.t === 'session' || r.t === 'meta'
            ? JSON.parse(JSON.stringify(r).replace(/"wall":\[[^\]]*\]/g, '"wall":null'))
            : r,
        ),
      ),
      byRef,
    );
    if (!plain.ok) throw new Error(plain.error);
    expect(plain.opened.lab.stateHash()).toBe(again.lab.stateHash());
    expect(plain.opened.run?.activeTime()).toBe(0);
  });

  it('spells out no fault, no scenario id, summary or solution', () => {
    for (const s of PACK) {
      const run = ScenarioRun.start(s, 1);
      run.act('advance 5m');
      const text = journalText(recordsOf(run));
      expect(text).not.toMatch(/"fault|"L\d{1,2}"/);
      expect(text).not.toContain(s.id);
      expect(text).not.toContain(s.summary);
      for (const line of s.solution) expect(text).not.toContain(JSON.stringify(line).slice(1, -1));
      expect(text).toContain(s.title);
    }
  });

  it('says so when the scenario is not in the pack', () => {
    const run = ScenarioRun.start(load('adsync-stopped.json'), 1);
    expect(openFolded(foldRecords(recordsOf(run)), () => undefined)).toEqual({
      ok: false,
      error: `the scenario "${run.scenario.title}" is not in this version's pack`,
    });
  });
});

describe('a journal that stops fitting part-way', () => {
  it('opens with every entry before the one that does not fit, and says which', () => {
    const lab = new Lab();
    lab.dispatch({ type: 'service.stop', host: 'dc01', service: 'DNS' });
    lab.dispatch({ type: 'clock.advance', ms: 60_000 });
    lab.dispatch({ type: 'service.start', host: 'dc01', service: 'DNS' });
    const records: JournalRecord[] = [
      headerRecord({ id: 'bbbbbbbb-0000', created: 0, seed: 1, definition: lab.definition, meta: {} }),
      ...lab.journal().map((e, i): JournalRecord => ({ seq: i + 2, t: 'cmd', at: e.at, command: e.command })),
    ];
    const last = records[3] as JournalRecord & { at: number };
    last.at += 5; // written by a version whose commands took a different time
    const opened = openFolded(foldRecords(records), byRef);
    expect(opened.ok && opened.opened).toMatchObject({ replayed: 2, dropped: 1 });
    expect(opened.ok && opened.opened.error).toMatch(/^journal\[2\]\.at: expected \d+/);
  });
});

describe('a session saved before the journal', () => {
  it('becomes journal records with the scenario referenced, not named', () => {
    const s = load('adsync-stopped.json');
    const run = ScenarioRun.start(s, 2);
    run.act('ps sync01: Start-Service ADSync');
    run.takeHint();
    const record = sessionOf(run.lab, { scenarioId: s.id, hints: run.session().hints });
    record.journal = run.session().journal;
    const r = fromLegacySession(serializeSession(record), 'cccccccc-0000', 5, (id) =>
      PACK.find((x) => x.id === id),
    );
    if (!r.ok) throw new Error(r.error);
    expect(journalText(r.records)).not.toContain(s.id);
    const opened = openFolded(foldRecords(r.records), byRef);
    expect(opened.ok && opened.opened.run?.score()).toEqual(run.score());
    expect(fromLegacySession('{', 'cccccccc-0000', 5, () => undefined)).toMatchObject({ ok: false });
  });
});
