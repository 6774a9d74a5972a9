import { useEffect, useState } from 'react';
import { loadScenarioPack } from '../../lab/loadScenarioPack';
import type { PackEntry } from '../../lab/scenarioPack';

/** The built-in scenario pack once it has loaded (undefined before); fetched when first asked for. */
export function useScenarioPack(): PackEntry[] | undefined {
  const [pack, setPack] = useState<PackEntry[]>();
  useEffect(() => {
    let live = true;
    void loadScenarioPack().then((p) => live && setPack(p));
    return () => {
      live = false;
    };
  }, []);
  return pack;
}
