import { useState } from 'react';
import { useAdminAction } from '../useAdminAction';

/** Saves a blade's draft as one admin action; keeps the error to show on the blade if it fails. */
export function useSave(discard: () => void) {
  const act = useAdminAction();
  const [error, setError] = useState<string>();
  return {
    error,
    save: (action: Record<string, unknown>) => {
      const r = act(action);
      setError(r.ok ? undefined : r.text);
      if (r.ok) discard();
    },
    discard: () => {
      setError(undefined);
      discard();
    },
  };
}
