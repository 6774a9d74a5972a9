import { makeStyles } from '@fluentui/react-components';
import { memo } from 'react';
import type { TranscriptLine } from './paint';

/** How much of the transcript the log keeps in the page (the terminal keeps its own scrollback). */
const LOG_LINES = 500;

const useStyles = makeStyles({
  // Read, not seen.
  log: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'pre',
  },
});

/**
 * The console's transcript as a log for assistive technology: a terminal's canvas of rows is hard
 * to read with a screen reader, so the lines the engine printed are also here, visually hidden.
 */
export const ConsoleLog = memo(function ConsoleLog({ lines }: { lines: readonly TranscriptLine[] }) {
  const s = useStyles();
  const shown = lines.slice(-LOG_LINES);
  const first = lines.length - shown.length;
  return (
    <div className={s.log} role="log" aria-label="Console transcript">
      {shown.map((l, i) => (
        <div key={first + i} className={`line-${l.kind}`}>
          {l.text}
        </div>
      ))}
    </div>
  );
});
