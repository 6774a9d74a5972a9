import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Lab } from '../../../simulation';
import { FIRST_SCREEN_KEYS } from '../../../src-renderer/lab/labHost';

// The first screen renders from src-renderer/lab/firstView.json before the engine loads: it must be
// exactly what a new lab shows there.
describe('the first view', () => {
  it('is a new lab’s title and the first screen’s part of its view (else: run npm run gen:first-view)', () => {
    const file = join(__dirname, '..', '..', '..', 'src-renderer', 'lab', 'firstView.json');
    const stored: unknown = JSON.parse(readFileSync(file, 'utf8'));
    const lab = new Lab();
    const view = lab.learnerView();
    const part = Object.fromEntries(FIRST_SCREEN_KEYS.map((k) => [k, view[k]]));
    const fresh: unknown = JSON.parse(JSON.stringify({ title: lab.definition.title, view: part }));
    lab.stop();
    if (JSON.stringify(stored) !== JSON.stringify(fresh))
      expect.fail('src-renderer/lab/firstView.json is stale: run npm run gen:first-view');
    expect(stored).toEqual(fresh);
  });

  it('is the same on every new lab (deterministic)', () => {
    const a = new Lab();
    const b = new Lab();
    expect(JSON.stringify(b.learnerView())).toBe(JSON.stringify(a.learnerView()));
    a.stop();
    b.stop();
  });
});
