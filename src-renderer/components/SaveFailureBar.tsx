import { useLabHost } from '../lab/LabContext';
import { useSaveStatus } from '../hooks/useSaveStatus';

/**
 * While saving fails: "Not saved: <why> — Export a copy", across the window, until it works again
 * (the saver keeps retrying). The copy comes from memory, so it does not need the failing store.
 */
export function SaveFailureBar() {
  const host = useLabHost();
  const status = useSaveStatus();
  if (status.state !== 'failed') return null;
  return (
    <div className="notice notice-error" role="alert" data-testid="save-failure">
      <span>
        <strong>Not saved:</strong> {status.reason} —{' '}
      </span>
      <button
        type="button"
        className="btn btn-small btn-primary"
        onClick={() => host.act((c) => void c.sessions.saveCopy())}
        data-testid="save-export-copy"
      >
        Export a copy
      </button>
    </div>
  );
}
