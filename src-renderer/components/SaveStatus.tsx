import { useEffect, useState } from 'react';
import { useSaveStatus } from '../hooks/useSaveStatus';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  status: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: '5px',
    fontSize: '11px',
    color: tokens.colorNeutralForeground3,
    whiteSpace: 'nowrap',
  },
  failed: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightBold },
  dot: {
    width: '7px',
    height: '7px',
    borderRadius: '50%',
    backgroundColor: tokens.colorPaletteGreenForeground1,
  },
  saving: { backgroundColor: tokens.colorPaletteMarigoldForeground1 },
  dotFailed: { backgroundColor: tokens.colorPaletteRedForeground1 },
});

/** How long a write may take before "Saving…" is shown (most take a few milliseconds). */
const SHOW_SAVING_AFTER_MS = 400;

/**
 * Whether the learner's work is saved, always on screen: "Saved", "Saving…" (a write taking a
 * while) or "Not saved" (SaveFailureBar then says why and offers a copy).
 */
export function SaveStatus() {
  const st = useStyles();
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
      className={mergeClasses(st.status, look === 'failed' && st.failed)}
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
      <span
        className={mergeClasses(st.dot, look === 'saving' && st.saving, look === 'failed' && st.dotFailed)}
        aria-hidden="true"
      />
      {text}
    </span>
  );
}
