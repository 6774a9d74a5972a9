import { describe, expect, it } from 'vitest';
import { paint, type TranscriptLine } from '../../../src-renderer/components/terminal/paint';

const BANNER = [
  'Microsoft Windows [Version 10.0.19045.4046]',
  '(c) Microsoft Corporation. All rights reserved.',
  '',
];
const TOP =
  'Microsoft Windows [Version 10.0.19045.4046]\r\n(c) Microsoft Corporation. All rights reserved.\r\n\r\n';

const out = (text: string): TranscriptLine => ({ kind: 'output', text });
const input = (text: string): TranscriptLine => ({ kind: 'input', text });

/**
 * A terminal as TerminalSession drives it: what paint returns is written, after a reset when it
 * restarts; `screen` is what the terminal holds.
 */
function terminal() {
  let written: readonly TranscriptLine[] | null = null;
  let screen = '';
  return {
    show(transcript: readonly TranscriptLine[]) {
      const r = paint(written, transcript, BANNER);
      screen = r.restart ? r.lines : screen + r.lines;
      written = transcript;
      return r;
    },
    /** Another console shown, then this one again (or a new terminal on it). */
    reopen() {
      written = null;
    },
    get screen() {
      return screen;
    },
  };
}

describe('painting a console transcript in a terminal', () => {
  it('keeps the banner above the first command and the ones after it', () => {
    const t = terminal();
    const empty: TranscriptLine[] = [];
    expect(t.show(empty)).toEqual({ lines: TOP, restart: true });
    const one = [input('C:\\Users\\admin>hostname'), out('PC2'), out('')];
    expect(t.show(one)).toEqual({ lines: 'C:\\Users\\admin>hostname\r\nPC2\r\n\r\n', restart: false });
    const two = [...one, input('C:\\Users\\admin>ver'), out('')];
    expect(t.show(two).restart).toBe(false);
    expect(t.screen).toBe(`${TOP}C:\\Users\\admin>hostname\r\nPC2\r\n\r\nC:\\Users\\admin>ver\r\n\r\n`);
  });

  it('draws the banner above the transcript when a terminal starts on a console already used', () => {
    const t = terminal();
    expect(t.show([input('C:\\>hostname'), out('PC2')])).toEqual({
      lines: `${TOP}C:\\>hostname\r\nPC2\r\n`,
      restart: true,
    });
  });

  it('writes only the lines added, found by identity', () => {
    const t = terminal();
    const a = [input('PS C:\\> hostname'), out('SYNC01')];
    t.show(a);
    const b = [...a, out('SYNC01'), out('')];
    expect(t.show(b)).toEqual({ lines: 'SYNC01\r\n\r\n', restart: false });
    expect(t.show(b)).toEqual({ lines: '', restart: false });
  });

  it('loses the banner on cls, also when a command follows it on the line, and does not bring it back', () => {
    const t = terminal();
    const a = [input('C:\\>hostname'), out('PC2'), out('')];
    t.show([]);
    t.show(a);
    const cleared: TranscriptLine[] = [];
    expect(t.show(cleared)).toEqual({ lines: '', restart: true });
    const after = [input('C:\\>hostname'), out('PC2'), out('')];
    expect(t.show(after)).toEqual({ lines: 'C:\\>hostname\r\nPC2\r\n\r\n', restart: false });
    // Another host and back: the terminal starts over on the same transcript, without the banner.
    t.reopen();
    expect(t.show(after)).toEqual({ lines: 'C:\\>hostname\r\nPC2\r\n\r\n', restart: true });

    // cls & hostname: the transcript is replaced by lines not written before.
    const u = terminal();
    u.show(a);
    const replaced = [out('PC2'), out('')];
    expect(u.show(replaced)).toEqual({ lines: 'PC2\r\n\r\n', restart: true });
    u.reopen();
    expect(u.show(replaced).lines).toBe('PC2\r\n\r\n');
  });

  it('appends to a transcript trimmed of its oldest lines', () => {
    const t = terminal();
    const lines = Array.from({ length: 5 }, (_, i) => out(`line ${i}`));
    t.show(lines);
    expect(t.show([...lines.slice(2), out('line 5')])).toEqual({ lines: 'line 5\r\n', restart: false });
  });

  it('starts over with the banner on a fresh console (a new window after a restart of the host)', () => {
    const t = terminal();
    t.show([out('a')]);
    t.show([]);
    t.reopen();
    expect(t.show([]).lines).toBe(TOP);
  });
});
