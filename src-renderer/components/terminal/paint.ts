/**
 * What a terminal must write when the transcript changes: only the lines added since it last
 * wrote (found by identity: the engine appends and keeps the objects), or everything again when
 * the transcript was cleared, replaced or trimmed past what was written. Pure.
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

export function paint(
  written: readonly TranscriptLine[],
  transcript: readonly TranscriptLine[],
): { lines: string; restart: boolean } {
  if (written === transcript) return { lines: '', restart: false };
  const last = written[written.length - 1];
  const at = last ? transcript.lastIndexOf(last) : -1;
  if (written.length > 0 && at >= 0)
    return {
      lines: transcript
        .slice(at + 1)
        .map(line)
        .join(''),
      restart: false,
    };
  return { lines: transcript.map(line).join(''), restart: true };
}
