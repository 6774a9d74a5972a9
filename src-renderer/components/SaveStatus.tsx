import { useEffect, useState } from 'react';
import { useSaveStatus } from '../hooks/useSaveStatus';

/** How long a write may take before "Saving…" is shown (most take a few milliseconds). */
const SHOW_SAVING_AFTER_MS = 400;

/**
 * Whether the learner's work is saved, always on screen: "Saved", "Saving…" (a write taking a
 * while) or "Not saved" (SaveFailureBar then says why and offers a copy).
 */
export function SaveStatus() {
  const status = useSaveStatus();
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (status.state !== 'saving') return;
    const t = setTimeout(() => setSlow(true), SHOW_SAVING_AFTER_MS);
    return () => {
      clearTimeout(t);
      setSlow(false);
    };
  }, [status]);
  const look = status.state === 'failed' ? 'failed' : status.state === 'saving' && slow ? 'saving' : 'ok';
  const text = look === 'failed' ? 'Not saved' : look === 'saving' ? 'Saving…' : 'Saved';
  return (
    <span
      className={`save-status save-${look}`}
      role="status"
      data-testid="save-status"
      data-state={status.state}
      title={
        status.state === 'failed'
          ? status.reason
          : status.state === 'saved' && status.at
            ? `Last saved at ${new Date(status.at).toLocaleTimeString('en-GB')}`
            : undefined
      }
    >
      <span className="save-dot" aria-hidden="true" />
      {text}
    </span>
  );
}
