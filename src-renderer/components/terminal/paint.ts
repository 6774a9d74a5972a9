/**
 * What a terminal must write when the transcript changes: only the lines added since it last
 * wrote (found by identity: the engine appends and keeps the objects), or everything again, from a
 * reset terminal, when the transcript was cleared, replaced or trimmed past what was written.
 *
 * The window's banner (Microsoft Windows [Version …], Windows PowerShell …) is not on the engine's
 * transcript: it is drawn above the transcript when a terminal starts on a console, and stays until
 * the console is cleared (cls, Clear-Host), as in a real window. A console cleared while one
 * terminal showed it is remembered by the objects its transcript starts with (`afterClear`), so a
 * terminal drawn later on the same transcript (another host and back, the console hidden and shown)
 * does not bring the banner back.
 */
export interface TranscriptLine {
  kind: 'input' | 'output' | 'error' | 'warning';
  text: string;
}

const COLOURS: Record<TranscriptLine['kind'], [string, string]> = {
  input: ['', ''],
  output: ['', ''],
  error: ['\x1b[91m', '\x1b[0m'],
  warning: ['\x1b[93m', '\x1b[0m'],
};

function line(l: TranscriptLine): string {
  const [on, off] = COLOURS[l.kind];
  return `${on}${l.text.replace(/\r?\n/g, '\r\n')}${off}\r\n`;
}

/**
 * Transcripts that began with a clear: the empty transcript a clear left, then its first line once
 * one comes (the engine keeps both objects while the transcript lasts). Weak: nothing is kept alive.
 */
const afterClear = new WeakSet<object>();

/** The object a transcript is known by here: its first line, or itself while empty. */
function start(transcript: readonly TranscriptLine[]): object {
  return transcript[0] ?? transcript;
}

/**
 * @param written what the terminal last wrote for this console (null: nothing yet, a new terminal
 *   or another console shown)
 * @returns `lines` to write (after a reset of the terminal when `restart`)
 */
export function paint(
  written: readonly TranscriptLine[] | null,
  transcript: readonly TranscriptLine[],
  banner: readonly string[],
): { lines: string; restart: boolean } {
  if (written === transcript) return { lines: '', restart: false };
  const all = () => transcript.map(line).join('');
  if (written === null) {
    const top = afterClear.has(start(transcript)) ? '' : banner.map((l) => `${l}\r\n`).join('');
    return { lines: top + all(), restart: true };
  }
  const last = written[written.length - 1];
  if (last === undefined) {
    // All the lines are new (the banner, if any, stays above them).
    if (afterClear.has(written)) afterClear.add(start(transcript));
    return { lines: all(), restart: false };
  }
  const at = transcript.lastIndexOf(last);
  if (at >= 0)
    return {
      lines: transcript
        .slice(at + 1)
        .map(line)
        .join(''),
      restart: false,
    };
  // Trimmed (its oldest lines dropped: it starts inside what was written), else cleared (cls, maybe
  // followed by more commands on the same line) or replaced: the banner is gone either way.
  const first = transcript[0];
  if (first === undefined || !written.includes(first)) afterClear.add(start(transcript));
  return { lines: all(), restart: true };
}
