/**
 * What the Sessions store tells the picker of a scenario session: its opaque reference and how its
 * run ended (done / attempted marks), from the session's metadata.
 */
import { describe, expect, it } from 'vitest';
import { summaryView, type SummaryState } from '../../../simulation/facade/journalFold';

const base: SummaryState = {
  id: 'a',
  created: 0,
  definitionTitle: 'Lab',
  meta: {},
  commands: 0,
  lastWasAdvance: false,
  labTime: 0,
  lastChange: 0,
  size: 0,
  lastSeq: 1,
};
const scenario = { ref: 's0123456789abcdef', title: 'A ticket', seed: 1, version: 'v' };
const view = (meta: Record<string, unknown>) => summaryView({ ...base, meta });

describe('a session summary', () => {
  it('of a free lab has no scenario, reference or outcome', () => {
    const v = view({ preset: 'fresh' });
    expect(v.scenarioRef).toBeUndefined();
    expect(v.outcome).toBeUndefined();
  });

  it('of a running scenario has its reference and no outcome', () => {
    const v = view({ scenario, hints: [] });
    expect(v.scenario).toBe('A ticket');
    expect(v.scenarioRef).toBe('s0123456789abcdef');
    expect(v.outcome).toBeUndefined();
  });

  it('of an ended run says how it ended, from the status kept in its metadata', () => {
    expect(view({ scenario, status: 'completed' }).outcome).toBe('completed');
    expect(view({ scenario, status: 'time-up' }).outcome).toBe('time-up');
    expect(view({ scenario, status: 'gave-up', gaveUpAt: 5 }).outcome).toBe('gave-up');
  });

  it('saved before statuses were kept: a give-up, or an end stamp', () => {
    expect(view({ scenario, gaveUpAt: 5 }).outcome).toBe('gave-up');
    expect(
      view({
        scenario,
        wall: [
          { ms: 1, entry: 0, kind: 'start' },
          { ms: 2, entry: 3, kind: 'end' },
        ],
      }).outcome,
    ).toBe('ended');
    expect(view({ scenario, wall: [{ ms: 1, entry: 0, kind: 'start' }] }).outcome).toBeUndefined();
  });

  it('ignores a status it does not know', () => {
    expect(view({ scenario, status: 'running' }).outcome).toBeUndefined();
  });
});
