import { useCallback, useState } from 'react';
import { useLabController } from '../lab/LabContext';

/** Sends a lab command; keeps the last refusal (a bad command) to show next to the form. */
export function useDispatch(): { send: (command: unknown) => boolean; error: string | null } {
  const controller = useLabController();
  const [error, setError] = useState<string | null>(null);
  const send = useCallback(
    (command: unknown) => {
      const r = controller.dispatch(command);
      setError(r.ok ? null : r.error);
      return r.ok;
    },
    [controller],
  );
  return { send, error };
}
