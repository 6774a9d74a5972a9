/**
 * Replay is exact: the same definition, seed and journal rebuild the same lab (state hash, time),
 * through the saved form too, for random journals of every kind of command (journalCommands.ts:
 * faults, portals, admin center, ADUC, desktop, phone, wizard …), and a scenario session opens
 * from its journal records to the same run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../../../simulation/core/time';
import { headerRecord, type JournalRecord } from '../../../simulation/facade/journal';
import { foldRecords, recordsSince } from '../../../simulation/facade/journalFold';
import { Lab } from '../../../simulation/facade/lab';
import {
  parseSession,
  restoreSession,
  serializeSession,
  sessionOf,
} from '../../../simulation/facade/session';
import type { JournalCommand } from '../../../simulation/faults/commands';
import type { LearnerView } from '../../../simulation/lab/projection';
import { TRANSCRIPT_LIMIT } from '../../../simulation/windows/hostState';
import { ScenarioRun } from '../../../simulation/scenarios/engine';
import { openFolded, scenarioRef, scenarioSessionMeta } from '../../../simulation/scenarios/openSession';
import { loadScenario, type Scenario } from '../../../simulation/scenarios/schema';
import { COMMAND_FAMILIES, familyOf, journalCommand, type CommandFamily } from './journalCommands';

const DEFINITION = new Lab().definition;
const command = journalCommand(DEFINITION);

/** Scenarios of each kind: a guided one, troubleshooting ones, a compound one and the drill. */
const PACK: Scenario[] = [
  'configure-sspr-writeback.json',
  'adsync-stopped.json',
  'pc2-clock-skew.json',
  'firewall-then-staging.json',
  'drill.json',
].map((file) => {
  const r = loadScenario(readFileSync(join(__dirname, '../../../assets/scenarios', file), 'utf8'), file);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.scenario;
});

/** Console lines that finish at once, wait on the network, on DHCP or on the ADSync service, print much or fail. */
const CONSOLE_LINES = [
  'hostname',
  'whoami',
  'echo %COMPUTERNAME%',
  'ipconfig',
  'ipconfig /all',
  'ipconfig /renew',
  'ping dc01',
  'nslookup dc01',
  'Get-Service ADSync',
  'Start-ADSyncSyncCycle -PolicyType Delta',
  'Get-ADUser michael.brown',
  'cd ..',
  'nosuchcommand',
  '',
];

/** What the app writes for a scenario run: the header with the scenario's meta, the learner's journal, a meta update. */
function recordsOf(run: ScenarioRun): JournalRecord[] {
  const records: JournalRecord[] = [
    headerRecord({
      id: 'dddddddd-0000-4000-8000-000000000000',
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

describe('replay', () => {
  it('the same definition, seed and journal give an identical state hash (random journals)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.array(command, { minLength: 1, maxLength: 10 }),
        (seed, commands) => {
          const lab = new Lab({ seed });
          for (const c of commands) lab.dispatch(c);
          const hash = lab.stateHash();
          const replayed = Lab.replay(lab.definition, lab.seed, lab.journal());
          expect(replayed.now()).toBe(lab.now());
          expect(replayed.stateHash()).toBe(hash);
          // Through the saved form too: what is written to disk rebuilds the same lab.
          const restored = restoreSession(serializeSession(sessionOf(lab)));
          expect(restored.ok && restored.lab.stateHash()).toBe(hash);
          lab.stop();
          replayed.stop();
        },
      ),
      { numRuns: 120, seed: 42 },
    );
  }, 180_000);

  it('the generator covers every family of journal command, and each is accepted by the lab in some run', () => {
    const seen = new Map<CommandFamily, { sent: number; accepted: number }>();
    fc.assert(
      fc.property(fc.array(command, { minLength: 10, maxLength: 10 }), (commands) => {
        const lab = new Lab();
        for (const c of commands) {
          const f = seen.get(familyOf(c)) ?? { sent: 0, accepted: 0 };
          f.sent++;
          if (lab.dispatch(c).ok) f.accepted++;
          seen.set(familyOf(c), f);
        }
        lab.stop();
      }),
      { numRuns: 40, seed: 7 },
    );
    for (const family of COMMAND_FAMILIES) expect(seen.get(family)?.accepted ?? 0, family).toBeGreaterThan(0);
  }, 120_000);

  it('a scenario session opens from its journal records to the same lab, objectives and score (random learners)', () => {
    const learnerCommand = journalCommand(DEFINITION, { faults: false });
    fc.assert(
      fc.property(
        fc.constantFrom(...PACK),
        fc.integer({ min: 1, max: 1000 }),
        fc.array(learnerCommand, { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        (scenario, seed, commands, hint) => {
          const run = ScenarioRun.start(scenario, seed);
          commands.forEach((c: JournalCommand, i) => {
            if (hint && i === 1) run.takeHint();
            run.dispatch(c);
          });
          const opened = openFolded(foldRecords(recordsOf(run)), (ref) =>
            PACK.find((s) => scenarioRef(s.id) === ref),
          );
          if (!opened.ok) throw new Error(opened.error);
          expect(opened.opened.dropped).toBe(0);
          const again = opened.opened.run!;
          expect(again.lab.now()).toBe(run.lab.now());
          expect(again.lab.stateHash()).toBe(run.lab.stateHash());
          expect(again.objectives()).toEqual(run.objectives());
          expect(again.score()).toEqual(run.score());
          expect(again.getStatus()).toBe(run.getStatus());
          run.lab.stop();
          again.lab.stop();
        },
      ),
      { numRuns: 30, seed: 11 },
    );
  }, 180_000);

  it('a live session (its view read after every command) and a replay of its journal end alike; views read on the way never change', () => {
    // Consoles append in place while nothing reads the lab (windows/hostState.ts): a live session
    // reads it after every command, a replay only at the end, and both must see the same.
    const consoleCommand = fc
      .record({
        host: fc.constantFrom('pc2', 'dc01', 'sync01'),
        shell: fc.constantFrom('cmd' as const, 'powershell' as const),
        line: fc.constantFrom(...CONSOLE_LINES),
      })
      .map((c): JournalCommand => ({ type: 'console.exec', ...c }));
    const clear = fc
      .record({
        host: fc.constantFrom('pc2', 'dc01'),
        shell: fc.constantFrom('cmd' as const, 'powershell' as const),
      })
      .map((c): JournalCommand => ({ type: 'console.clear', ...c }));
    const any = fc.oneof(
      { weight: 6, arbitrary: consoleCommand },
      { weight: 1, arbitrary: clear },
      { weight: 2, arbitrary: command },
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.array(any, { minLength: 1, maxLength: 25 }),
        (seed, commands) => {
          const lab = new Lab({ seed });
          const seen: { view: LearnerView; text: string }[] = [];
          for (const c of commands) {
            lab.dispatch(c);
            const view = lab.learnerView();
            seen.push({ view, text: JSON.stringify(view.consoles) });
          }
          for (const s of seen) expect(JSON.stringify(s.view.consoles)).toBe(s.text);
          const replayed = Lab.replay(lab.definition, lab.seed, lab.journal());
          expect(replayed.stateHash()).toBe(lab.stateHash());
          expect(replayed.learnerView()).toEqual(lab.learnerView());
          lab.stop();
          replayed.stop();
        },
      ),
      { numRuns: 40, seed: 5 },
    );
  }, 180_000);

  it('past the transcript and history limits, a live session and a replay end alike', () => {
    const lab = new Lab();
    const views: { view: LearnerView; text: string }[] = [];
    const typed: string[] = [];
    for (let i = 0; i < 260; i++) {
      const shell = i % 5 === 4 ? 'powershell' : 'cmd';
      const line = i % 3 !== 2 ? 'ipconfig /all' : `echo ${i}`;
      if (shell === 'cmd') typed.push(line);
      const r = lab.dispatch({ type: 'console.exec', host: 'dc01', shell, line });
      expect(r.ok).toBe(true);
      if (i % 7 === 0) {
        const view = lab.learnerView();
        views.push({ view, text: JSON.stringify(view.consoles.dc01) });
      }
    }
    const cmd = lab.learnerView().consoles.dc01!.cmd;
    expect(cmd.transcript).toHaveLength(TRANSCRIPT_LIMIT);
    expect(cmd.history).toEqual(typed.slice(-200));
    for (const v of views) expect(JSON.stringify(v.view.consoles.dc01)).toBe(v.text);
    const replayed = Lab.replay(lab.definition, lab.seed, lab.journal());
    expect(replayed.stateHash()).toBe(lab.stateHash());
    expect(replayed.learnerView()).toEqual(lab.learnerView());
    lab.stop();
    replayed.stop();
  }, 60_000);

  it('a different journal gives a different hash (the hash sees the state)', () => {
    const a = new Lab();
    const b = new Lab();
    expect(a.stateHash()).toBe(b.stateHash());
    b.dispatch({ type: 'service.stop', host: 'dc01', service: 'DHCPServer' });
    expect(b.stateHash()).not.toBe(a.stateHash());
    a.dispatch({ type: 'clock.advance', ms: MINUTE });
    expect(a.stateHash()).not.toBe(new Lab().stateHash());
  });

  it('two clock advances in a row are journalled as one and replay the same', () => {
    const lab = new Lab();
    lab.dispatch({ type: 'clock.advance', ms: HOUR });
    lab.dispatch({ type: 'clock.advance', ms: 30 * MINUTE });
    expect(lab.journal()).toEqual([
      { at: Date.parse('2026-03-02T08:00:00Z'), command: { type: 'clock.advance', ms: 90 * MINUTE } },
    ]);
    expect(Lab.replay(lab.definition, lab.seed, lab.journal()).stateHash()).toBe(lab.stateHash());
  });

  it('a console command lets lab time pass while it runs, and a replay does the same', () => {
    const lab = new Lab();
    lab.dispatch({ type: 'link.cut', host: 'pc2' });
    const before = lab.now();
    lab.dispatch({ type: 'console.exec', host: 'pc2', shell: 'cmd', line: 'ping 192.168.6.2' });
    expect(lab.now()).toBeGreaterThan(before);
    expect(Lab.replay(lab.definition, lab.seed, lab.journal()).now()).toBe(lab.now());
  });

  it('rejects a journal whose times do not fit, naming the entry', () => {
    const lab = new Lab();
    lab.dispatch({ type: 'clock.advance', ms: MINUTE });
    lab.dispatch({ type: 'service.stop', host: 'dc01', service: 'DHCPServer' });
    const bad = lab.journal().map((e, i) => (i === 1 ? { ...e, at: e.at + 5 } : e));
    expect(() => Lab.replay(lab.definition, lab.seed, bad)).toThrow(
      /^journal\[1\]\.at: expected \d+ \(the lab's time at that point\), got \d+$/,
    );
  });

  it('a saved session survives a JSON round trip with the same meaning', () => {
    const lab = new Lab({ seed: 7 });
    lab.dispatch({ type: 'console.exec', host: 'pc2', shell: 'powershell', line: 'ipconfig /all' });
    const parsed = parseSession(serializeSession(sessionOf(lab)));
    expect(parsed.ok && parsed.record.journal).toEqual(lab.journal());
    expect(parsed.ok && parsed.record.seed).toBe(7);
  });
});
