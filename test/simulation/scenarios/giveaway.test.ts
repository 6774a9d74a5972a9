/**
 * The give-away rule: a troubleshooting scenario's learner-visible texts do not name its cause
 * before the run ends; `npm run lab -- validate` rejects the file with the path of the text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAULTS } from '../../../simulation/faults/catalog';
import { containsWord, findGiveAway, giveAways } from '../../../simulation/scenarios/giveaway';
import { loadScenario } from '../../../simulation/scenarios/schema';

const DIR = join(__dirname, '../../../assets/scenarios');
const GOOD = JSON.parse(readFileSync(join(DIR, 'firewall-blocks-relay.json'), 'utf8')) as Record<
  string,
  unknown
>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Editable = Record<string, any>;

function errorsOf(mutate: (s: Editable) => void): string[] {
  const s = JSON.parse(JSON.stringify(GOOD)) as Editable;
  mutate(s);
  const r = loadScenario(JSON.stringify(s), 'firewall-blocks-relay.json');
  return r.ok ? [] : r.errors;
}

const leak = (path: string, word: string) =>
  `firewall-blocks-relay.json: ${path}: names the cause before the run ends ("${word}" gives away L7: The edge firewall blocks outbound 443 from the Connect server); describe what the user sees instead`;

describe('the give-away rule', () => {
  it('the file as shipped passes', () => {
    expect(errorsOf(() => {})).toEqual([]);
  });

  it.each([
    ['a title', (s: Editable) => (s.title = 'Resets fail since the new gateway rules'), 'title', 'gateway'],
    [
      'a ticket subject',
      (s: Editable) => (s.briefing.subject = 'Is port 443 closed?'),
      'briefing.subject',
      '443',
    ],
    [
      'a ticket body',
      (s: Editable) => (s.briefing.body += '\n\nPS: the firewall team was here on Friday.'),
      'briefing.body',
      'firewall',
    ],
    [
      'an objective that is not the root cause',
      (s: Editable) => (s.objectives[1].title = 'Michael resets his password once the relay is open'),
      'objectives[1].title',
      'relay',
    ],
    [
      "an objective's description",
      (s: Editable) => (s.objectives[2].description = 'Open TCP 443 first.'),
      'objectives[2].description',
      '443',
    ],
    [
      'a hint before the last level',
      (s: Editable) => (s.hints[0].text = 'Look at the gateway.'),
      'hints[0].text',
      'gateway',
    ],
  ])('rejects %s that names the cause, with its path', (_what, mutate, path, word) => {
    const errors = errorsOf(mutate);
    expect(errors).toContain(
      leak(path, word) + (path.startsWith('objectives') ? ', or mark the objective "rootCause"' : ''),
    );
    expect(errors).toHaveLength(1);
  });

  it('lets a root-cause objective name the cause (it is shown as "Root cause found and fixed" until the end)', () => {
    expect(GOOD.objectives).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rootCause: true, title: expect.stringContaining('443') }),
      ]),
    );
    expect(errorsOf((s) => (s.objectives[0].rootCause = false))).toEqual([
      leak('objectives[0].title', 'gateway') + ', or mark the objective "rootCause"',
      'firewall-blocks-relay.json: objectives: expected an objective with "rootCause": true (graded on the cause, named to the learner only when the run ends)',
    ]);
  });

  it('lets the last hint for a fault name it (the learner asks and pays for it)', () => {
    const hints = (GOOD.hints as { text: string }[]).map((h) => h.text);
    expect(findGiveAway(hints.at(-1) ?? '', ['L7'])).toBeDefined();
    // The last level is the last hint tied to the fault by its `when`: moving it first is a leak.
    expect(
      errorsOf((s) => {
        s.hints.push({ ...s.hints[2], id: 'h4', text: 'Still stuck? Read the ticket again.' });
      }),
    ).toEqual([leak('hints[2].text', 'firewall')]);
    // With no hint tied to the fault, the file's last hint is its last level.
    expect(
      errorsOf((s) => {
        for (const h of s.hints) delete h.when;
        s.hints[1].text = 'Read the Application log on SYNC01.';
      }),
    ).toEqual([]);
  });

  it("does not let one fault's last hint name another fault of the scenario", () => {
    const errors = errorsOf((s) => {
      s.faults.push({ fault: 'L17' });
      s.objectives.push({
        id: 'other',
        title: 'x',
        check: { kind: 'faultFixed', fault: 'L17' },
        rootCause: true,
      });
      // The last hint is the last level for both faults; the one before it is not, for either.
      s.hints[2].text += ' Then take SYNC01 out of staging mode.';
      s.hints[1].text += ' Is SYNC01 in staging mode?';
    });
    expect(errors).toEqual([
      'firewall-blocks-relay.json: hints[1].text: names the cause before the run ends ("staging" gives away L17: The Connect server is in staging mode); describe what the user sees instead',
    ]);
  });

  it('checks collateral titles against faults that arrive mid-session only', () => {
    expect(GOOD.scoring).toEqual(
      expect.objectContaining({
        collateral: expect.arrayContaining([
          expect.objectContaining({ title: expect.stringContaining('firewall') }),
        ]),
      }),
    );
    const later = errorsOf((s) => {
      s.faults[0].after = '10m';
      s.hints = s.hints.filter((h: Editable) => h.id === 'h1');
    });
    expect(later).toEqual([
      'firewall-blocks-relay.json: scoring.collateral[0].title: names the cause before the run ends ("firewall" gives away L7: The edge firewall blocks outbound 443 from the Connect server); describe what the user sees instead',
    ]);
  });

  it('checks the ticket against every fault a drill may draw', () => {
    const drill = JSON.parse(readFileSync(join(DIR, 'drill.json'), 'utf8')) as Editable;
    drill.briefing.body += ' Hint: check the DHCP server.';
    const r = loadScenario(JSON.stringify(drill), 'drill.json');
    expect(r.ok ? [] : r.errors).toEqual([
      'drill.json: briefing.body: names the cause before the run ends ("DHCP" gives away L26: The DHCP server is down and the PC is on APIPA); describe what the user sees instead',
    ]);
  });

  it.each([
    ['SAM', 'the same page', false],
    ['SAM', 'remote SAM calls', true],
    ['port', 'support called', false],
    ['port', 'TCP port 443', true],
    ['TLS', 'TLSv1 is fine', false],
    ['TLS', 'TLS 1.2', true],
    ['staging mode', 'Staging   Mode', true],
    ['8.8.8.8', 'DNS is 8.8.8.8.', true],
  ])('matches whole words only: %s in "%s" → %s', (word, text, hit) => {
    expect(FAULTS.some((f) => f.giveaway.includes(word))).toBe(true);
    expect(containsWord(text, word)).toBe(hit);
  });

  it('every catalog fault declares its give-away words', () => {
    for (const f of FAULTS) expect(f.giveaway.length, f.id).toBeGreaterThan(2);
  });

  it('passes for every troubleshooting scenario of the pack, each grading a root cause', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
    let troubleshooting = 0;
    for (const file of files) {
      const r = loadScenario(readFileSync(join(DIR, file), 'utf8'), file);
      expect(r.ok ? [] : r.errors, file).toEqual([]);
      if (!r.ok || !(r.scenario.faults ?? []).length) continue;
      troubleshooting++;
      expect(giveAways(r.scenario), file).toEqual([]);
      expect(
        r.scenario.objectives.some((o) => o.rootCause),
        file,
      ).toBe(true);
    }
    expect(troubleshooting).toBe(39);
  });
});
