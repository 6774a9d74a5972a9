/**
 * The give-away rule: a troubleshooting scenario must not tell the learner its cause before the run
 * ends. Each catalog fault declares the words that name it; none of them may appear in what a
 * learner reads while playing:
 *
 * - the title (the picker, the top bar) and the ticket (from, subject, body);
 * - every objective's title and description, except a root-cause objective's (shown as "Root cause
 *   found and fixed" until the end, then revealed);
 * - every hint, except the last level for that fault: the last hint whose `when` is tied to the
 *   fault (`faultFixed`), or the file's last hint when none is. A learner asks and pays for hints;
 * - collateral titles, for faults that go in mid-session. A collateral line appears only once the
 *   learner has done that damage (a state the run starts in, or one a fault puts in place, is not
 *   counted), so it names what they did. At run time the engine applies the same rule to penalty
 *   titles against every fault in the lab, an instructor's included: one that would name a cause is
 *   shown under a neutral title until the run ends (engine.ts, `score`).
 *
 * Words match whole (case-insensitive; "SAM" does not match "same", "TLS" does not match "TLSv").
 */
import { faultSpec } from '../faults/catalog';
import type { Check } from './checks';
import type { Scenario } from './schema';

export interface GiveAway {
  path: string;
  fault: string;
  word: string;
}

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');

/** Whether `word` appears in `text` as a whole word (any case, any run of spaces inside it). */
export function containsWord(text: string, word: string): boolean {
  return new RegExp(`(^|[^A-Za-z0-9_])${escape(word)}(?![A-Za-z0-9_])`, 'i').test(text);
}

/** The first give-away word of these faults found in `text`, if any. */
export function findGiveAway(
  text: string,
  faults: readonly string[],
): { fault: string; word: string } | undefined {
  for (const fault of faults)
    for (const word of faultSpec(fault)?.giveaway ?? []) if (containsWord(text, word)) return { fault, word };
  return undefined;
}

/** The faults a check asks about with `faultFixed`. */
function faultsIn(check: Check | undefined, out = new Set<string>()): Set<string> {
  if (!check) return out;
  if (check.kind === 'faultFixed') out.add(check.fault);
  if (check.kind === 'not') faultsIn(check.check, out);
  if (check.kind === 'all' || check.kind === 'any') for (const c of check.checks) faultsIn(c, out);
  return out;
}

/** Every fault the scenario may put in place (a pool with all its members). */
function scenarioFaults(s: Scenario): { all: string[]; later: string[] } {
  const all: string[] = [];
  const later: string[] = [];
  for (const f of s.faults ?? []) {
    const ids = f.fault === '$pool' ? (s.variants?.faultPool?.from ?? []) : [f.fault];
    all.push(...ids);
    if (f.after || f.on) later.push(...ids);
  }
  return { all: [...new Set(all)], later: [...new Set(later)] };
}

/** Where the rule finds a cause named in a learner-visible text. Empty for a scenario without faults. */
export function giveAways(s: Scenario): GiveAway[] {
  const { all, later } = scenarioFaults(s);
  if (all.length === 0) return [];
  const found: GiveAway[] = [];
  const check = (path: string, text: string | undefined, faults: readonly string[]) => {
    if (!text || faults.length === 0) return;
    const hit = findGiveAway(text, faults);
    if (hit) found.push({ path, ...hit });
  };
  check('title', s.title, all);
  check('briefing.from', s.briefing.from, all);
  check('briefing.subject', s.briefing.subject, all);
  check('briefing.body', s.briefing.body, all);
  s.objectives.forEach((o, i) => {
    if (o.rootCause) return;
    check(`objectives[${i}].title`, o.title, all);
    check(`objectives[${i}].description`, o.description, all);
  });
  const hints = s.hints ?? [];
  const lastLevel = new Map<string, number>();
  for (const f of all) {
    let last = -1;
    hints.forEach((h, i) => {
      if (faultsIn(h.when).has(f)) last = i;
    });
    lastLevel.set(f, last >= 0 ? last : hints.length - 1);
  }
  hints.forEach((h, i) =>
    check(
      `hints[${i}].text`,
      h.text,
      all.filter((f) => lastLevel.get(f) !== i),
    ),
  );
  s.scoring?.collateral?.forEach((c, i) => check(`scoring.collateral[${i}].title`, c.title, later));
  return found;
}

/** The loader's errors for the rule, one per text (path first, as every loader error). */
export function giveAwayErrors(s: Scenario): string[] {
  const out = giveAways(s).map(
    (g) =>
      `${g.path}: names the cause before the run ends ("${g.word}" gives away ${g.fault}: ${faultSpec(g.fault)?.title ?? g.fault}); describe what the user sees instead${g.path.startsWith('objectives') ? ', or mark the objective "rootCause"' : ''}`,
  );
  if (scenarioFaults(s).all.length > 0 && !s.objectives.some((o) => o.rootCause))
    out.push(
      'objectives: expected an objective with "rootCause": true (graded on the cause, named to the learner only when the run ends)',
    );
  return out;
}
