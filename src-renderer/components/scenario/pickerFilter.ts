/**
 * The picker's search and filters, over what a learner may see of a scenario before starting it:
 * its title, its kind and difficulty, and its teaser (a guided scenario's goal, a troubleshooting
 * ticket's sender and subject). Never the summary of a troubleshooting scenario (it names the
 * cause), so a search cannot find a scenario by its cause either.
 */
import type { Scenario } from '../../../simulation';

export type Kind = 'all' | 'guided' | 'troubleshooting';
export type Difficulty = 'all' | Scenario['difficulty'];
export type Progress = 'done' | 'attempted';
export type ProgressFilter = 'all' | 'new' | Progress;

export const DIFFICULTY: Record<Scenario['difficulty'], string> = {
  beginner: 'Beginner',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
};

export interface PickerFilter {
  text: string;
  kind: Kind;
  difficulty: Difficulty;
  progress: ProgressFilter;
}

/** The ticket's sender without the address ("Michael Brown <michael.brown@…>" → "Michael Brown"). */
export const ticketFrom = (s: Scenario) => s.briefing.from.replace(/\s*<[^>]*>\s*$/, '');

/** The text a card shows, which is all the search looks in. */
export function visibleText(s: Scenario): string {
  const teaser = s.mode === 'guided' ? s.summary : `Ticket from ${ticketFrom(s)}: ${s.briefing.subject}`;
  const kind = s.mode === 'guided' ? 'Guided' : 'Troubleshooting';
  return `${s.title} ${kind} ${DIFFICULTY[s.difficulty]} ${teaser}`;
}

/** Whether a scenario passes the filter; `progress` is what the learner's stored sessions say of it. */
export function matches(s: Scenario, f: PickerFilter, progress: Progress | undefined): boolean {
  if (f.kind === 'guided' && s.mode !== 'guided') return false;
  if (f.kind === 'troubleshooting' && s.mode === 'guided') return false;
  if (f.difficulty !== 'all' && s.difficulty !== f.difficulty) return false;
  if (f.progress === 'new' && progress) return false;
  if ((f.progress === 'done' || f.progress === 'attempted') && progress !== f.progress) return false;
  const hay = visibleText(s).toLowerCase();
  return f.text
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
}
