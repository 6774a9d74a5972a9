/**
 * The scenario picker's search and filters: they look only at what a card shows, so a
 * troubleshooting scenario cannot be found by the cause its summary names.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario, type Scenario } from '../../../simulation/scenarios/schema';
import { matches, type PickerFilter } from '../../../src-renderer/components/scenario/pickerFilter';

const DIR = resolve(__dirname, '../../../assets/scenarios');
const pack: Scenario[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => {
    const r = loadScenario(readFileSync(join(DIR, f), 'utf8'), f);
    return r.ok ? [r.scenario] : [];
  });
const ALL: PickerFilter = { text: '', kind: 'all', difficulty: 'all', progress: 'all' };
const titles = (
  f: Partial<PickerFilter>,
  progress: (s: Scenario) => 'done' | 'attempted' | undefined = () => undefined,
) => pack.filter((s) => matches(s, { ...ALL, ...f }, progress(s))).map((s) => s.title);

describe('the picker filter', () => {
  it('shows the whole pack with no filter', () => {
    expect(pack.length).toBeGreaterThan(30);
    expect(titles({})).toHaveLength(pack.length);
  });

  it('finds a scenario by words of its title or its ticket, in any case and order', () => {
    expect(titles({ text: 'WEEKEND michael reset' })).toEqual(["Michael's reset fails after the weekend"]);
    expect(titles({ text: 'something went wrong' })).toContain("Michael's reset fails after the weekend");
  });

  it('does not find a troubleshooting scenario by its summary (the cause)', () => {
    const s = pack.find((x) => x.title === "Michael's reset fails after the weekend");
    expect(s?.summary).toContain('resets fail for every synced user');
    expect(titles({ text: 'resets fail for every synced user' })).toEqual([]);
  });

  it('filters by kind and difficulty', () => {
    expect(titles({ kind: 'guided' })).toEqual(['Configure SSPR with password writeback']);
    const advanced = titles({ kind: 'troubleshooting', difficulty: 'advanced' });
    expect(advanced.length).toBeGreaterThan(5);
    expect(advanced).not.toContain('Configure SSPR with password writeback');
    for (const t of advanced) expect(pack.find((s) => s.title === t)?.difficulty).toBe('advanced');
  });

  it('filters by the learner’s progress', () => {
    const guided = (s: Scenario) => (s.mode === 'guided' ? 'done' : undefined);
    expect(titles({ progress: 'done' }, guided)).toEqual(['Configure SSPR with password writeback']);
    expect(titles({ progress: 'attempted' }, guided)).toEqual([]);
    expect(titles({ progress: 'new' }, guided)).toHaveLength(pack.length - 1);
  });
});
