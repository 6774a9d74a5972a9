import type { PackEntry } from './scenarioPack';

/**
 * The built-in scenario pack, fetched the first time something needs it (the picker, the welcome's
 * guided scenario, opening a scenario session), so it is not part of the first screen's script.
 * The module system fetches it once; later calls get the same module.
 */
export function loadScenarioPack(): Promise<PackEntry[]> {
  return import('./scenarioPack').then((m) => m.SCENARIO_PACK);
}
