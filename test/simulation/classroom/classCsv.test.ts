/** The class export: one row per learner and assignment, from the hub's record; safe in a spreadsheet. */
import { describe, expect, it } from 'vitest';
import { classCsv, csvCell, type ClassRecord } from '../../../simulation';

describe('the class CSV', () => {
  it('quotes every cell and defuses what a spreadsheet would run as a formula', () => {
    expect(csvCell('Ada')).toBe('"Ada"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("http://x","click")')).toBe(`"'=HYPERLINK(""http://x"",""click"")"`);
    for (const s of ['+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(csvCell(s).startsWith(`"'`)).toBe(true);
    expect(csvCell(undefined)).toBe('""');
    expect(csvCell(40)).toBe('"40"');
  });

  it('has a row per learner and assignment, a row for a learner not assigned yet, and the flags', () => {
    const record: ClassRecord = {
      v: 1,
      code: 'ABC234',
      ended: false,
      assignments: [
        { id: 'a1-s1', scenarioId: 's1', seedBase: 1 },
        { id: 'a2-s2', scenarioId: 's2', seedBase: 1 },
      ],
      learners: [
        {
          id: 'aaaaaaaaaaaa',
          token: 't'.repeat(20),
          name: '=cmd|x',
          index: 0,
          lastSeq: 3,
          commands: [
            { type: 'assign', assignment: 'a1-s1', seed: 1, scenario: {} },
            { type: 'fault.inject', fault: 'L7' },
            { type: 'assign', assignment: 'a2-s2', seed: 1, scenario: {} },
            { type: 'fault.inject', fault: 'L18' },
          ],
          acked: 4,
          assignment: 'a2-s2',
          hintsGiven: [{ assignment: 'a2-s2', id: 'h1', at: 0 }],
          revealed: [],
          results: [
            {
              assignment: 'a1-s1',
              result: { payload: '{}', signature: '', publicKey: '' },
              flags: ["score 90 in the result, 40 in the hub's record"],
            },
          ],
          progress: {
            assignment: 'a2-s2',
            scenarioId: 's2',
            status: 'running',
            objectives: [{ id: 'o1', metAt: 1 }],
            objectivesTotal: 2,
            score: 35,
            scoreMax: 100,
            hints: ['h1'],
            activeMs: 90_000,
            labMs: 600_000,
            entries: 3,
            stateHash: 'x',
            applied: 4,
            faults: [],
            timeline: [],
          },
        },
        {
          id: 'bbbbbbbbbbbb',
          token: 't'.repeat(20),
          name: 'Bo',
          index: 1,
          lastSeq: 0,
          commands: [],
          acked: 0,
          hintsGiven: [],
          revealed: [],
          results: [],
        },
      ],
    };
    const lines = classCsv(record).split('\r\n');
    expect(lines).toHaveLength(5); // header, 2 rows for the first learner, 1 for the second, and the final line end
    expect(lines[1]).toBe(
      `"'=cmd|x","aaaaaaaaaaaa","a1-s1","s1","1","not started","","","","","","","","L7","true","score 90 in the result, 40 in the hub's record"`,
    );
    expect(lines[2]).toBe(
      `"'=cmd|x","aaaaaaaaaaaa","a2-s2","s2","1","running","1","2","35","100","h1","1.5","10.0","L18","false",""`,
    );
    expect(lines[3]).toBe('"Bo","bbbbbbbbbbbb","","","","not assigned"');
    expect(lines[4]).toBe('');
  });
});
