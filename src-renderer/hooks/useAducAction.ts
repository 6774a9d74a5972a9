import { useCallback, useState } from 'react';
import { type AducAction, type AducResult } from '../../simulation';
import { useLabController } from '../lab/LabContext';

/**
 * Sends one Active Directory Users and Computers action to the lab and returns what the console
 * shows afterwards (the lab runs it to its end before dispatch returns). A refused command (a bug
 * in the form) is kept as `error`.
 */
export function useAducAction(host: string): {
  run: (action: AducAction) => AducResult | undefined;
  error: string | null;
} {
  const controller = useLabController();
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    (action: AducAction) => {
      const r = controller.dispatch({ type: 'aduc.action', host, action });
      setError(r.ok ? null : r.error);
      return r.ok ? controller.current.learnerView().aduc?.lastResult : undefined;
    },
    [controller, host],
  );
  return { run, error };
}
