/**
 * The class export as CSV: one row per learner and assignment, from the hub's own record (the
 * authority), with any disagreement between a handed-in result and that record in `flags`.
 *
 * Spreadsheet-safe: every cell is quoted, and a cell that a spreadsheet would read as a formula
 * (starting with = + - @, a tab or a carriage return) gets a leading apostrophe, so a learner who
 * calls themselves "=HYPERLINK(…)" is exported as text.
 */
import type { ClassRecord } from './hubCore';

const HEADER = [
  'learner',
  'learnerId',
  'assignment',
  'scenario',
  'seed',
  'status',
  'objectivesMet',
  'objectivesTotal',
  'score',
  'scoreMax',
  'hints',
  'activeMinutes',
  'labMinutes',
  'faultsInjected',
  'resultHandedIn',
  'flags',
];

/** A cell as text a spreadsheet shows as it is. */
export function csvCell(value: string | number | boolean | undefined): string {
  let s = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

const minutes = (ms: number | undefined) => (ms === undefined ? '' : (ms / 60_000).toFixed(1));

export function classCsv(record: ClassRecord): string {
  const lines = [HEADER.map(csvCell).join(',')];
  for (const l of record.learners) {
    const assigns = l.commands.flatMap((c) => (c.type === 'assign' ? [c] : []));
    if (assigns.length === 0) {
      lines.push([l.name, l.id, '', '', '', 'not assigned'].map(csvCell).join(','));
      continue;
    }
    for (const a of assigns) {
      const scenarioId = record.assignments.find((x) => x.id === a.assignment)?.scenarioId ?? '';
      const p = l.progress?.assignment === a.assignment ? l.progress : undefined;
      const results = l.results.filter((r) => r.assignment === a.assignment);
      const hints = l.hintsGiven.filter((h) => h.assignment === a.assignment).map((h) => h.id);
      // Faults the instructor injected while this assignment was the learner's.
      const from = l.commands.indexOf(a);
      const next = l.commands.findIndex((c, i) => i > from && c.type === 'assign');
      const injected = l.commands
        .slice(from, next === -1 ? undefined : next)
        .flatMap((c) => (c.type === 'fault.inject' || c.type === 'fault.schedule' ? [c.fault] : []));
      lines.push(
        [
          l.name,
          l.id,
          a.assignment,
          scenarioId,
          a.seed,
          p?.status ?? 'not started',
          p ? p.objectives.length : '',
          p?.objectivesTotal,
          p?.score,
          p?.scoreMax,
          hints.join(' '),
          minutes(p?.activeMs),
          minutes(p?.labMs),
          injected.join(' '),
          results.length > 0,
          results.flatMap((r) => r.flags).join('; '),
        ]
          .map(csvCell)
          .join(','),
      );
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
