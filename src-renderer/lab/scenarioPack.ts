/**
 * The built-in scenario pack (assets/scenarios/*.json), bundled with the app and checked by the
 * same loader the command-line runner uses. A file that does not load is listed with its errors
 * rather than hidden, so an author sees it.
 */
import { loadScenario, type Scenario } from '../../simulation';

const files = import.meta.glob('../../assets/scenarios/*.json', {
  eager: true,
  query: '?raw',
  import: 'default',
}) as Record<string, string>;

export interface PackEntry {
  file: string;
  scenario?: Scenario;
  errors?: string[];
}

const ORDER = { beginner: 0, intermediate: 1, advanced: 2 } as const;

export const SCENARIO_PACK: PackEntry[] = Object.entries(files)
  .map(([path, text]) => {
    const file = path.split('/').pop() ?? path;
    const r = loadScenario(text, file);
    return r.ok ? { file, scenario: r.scenario } : { file, errors: r.errors };
  })
  .sort((a, b) => {
    const sa = a.scenario;
    const sb = b.scenario;
    if (!sa || !sb) return sa ? -1 : 1;
    const guided = Number(sb.mode === 'guided') - Number(sa.mode === 'guided');
    return guided || ORDER[sa.difficulty] - ORDER[sb.difficulty] || sa.title.localeCompare(sb.title);
  });
