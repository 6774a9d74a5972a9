import { describe, expect, it } from 'vitest';
import { edit, EMPTY_LINE, type LineState } from '../../src-renderer/components/terminal/lineEditor';

/** Feeds what the terminal sends, one chunk at a time, and returns the line and the last effect. */
function feed(chunks: string[], history: string[] = [], start: LineState = EMPTY_LINE) {
  let line = start;
  let effect: string | undefined;
  for (const c of chunks) {
    const r = edit(line, c, history);
    line = r.line;
    effect = r.effect;
  }
  return { line, effect };
}

describe('the console line editor', () => {
  it('inserts at the cursor, moves with Left/Right/Home/End, deletes with Backspace and Delete', () => {
    const r = feed([
      'Get-Srvice',
      '\x1b[D',
      '\x1b[D',
      '\x1b[D',
      '\x1b[D',
      '\x1b[D',
      'e',
      '\x1b[H',
      '\x1b[3~',
      'g',
      '\x1b[F',
      '\x7f',
      'e',
    ]);
    expect(r.line.text).toBe('get-Service');
    expect(r.line.cursor).toBe(11);
  });

  it('walks history with Up/Down and gives back the line being typed', () => {
    const h = ['ipconfig', 'ping dc01'];
    expect(feed(['x', '\x1b[A'], h).line.text).toBe('ping dc01');
    expect(feed(['x', '\x1b[A', '\x1b[A', '\x1b[A'], h).line.text).toBe('ipconfig');
    expect(feed(['x', '\x1b[A', '\x1b[B'], h).line.text).toBe('x');
  });

  it('reports Enter, Ctrl+C, Tab, Shift+Tab and Ctrl+L to the console', () => {
    expect(feed(['abc', '\r']).effect).toBe('run');
    expect(feed(['abc', '\x03'])).toMatchObject({ effect: 'cancel', line: { text: 'abc' } });
    expect(feed(['Get-Se', '\t']).effect).toBe('tab');
    expect(feed(['Get-Se', '\x1b[Z']).effect).toBe('tabBack');
    expect(feed(['\x0c']).effect).toBe('clearScreen');
  });

  it('clears the line on Escape, and leaves the terminal on Escape at an empty line', () => {
    expect(feed(['abc', '\x1b'])).toMatchObject({ effect: undefined, line: { text: '' } });
    expect(feed(['\x1b']).effect).toBe('leave');
  });

  it('runs the first line of a paste that holds a line break', () => {
    expect(feed(['ipconfig /all\r\nping x'])).toMatchObject({
      effect: 'run',
      line: { text: 'ipconfig /all' },
    });
    expect(feed(['a\tb']).line.text).toBe('ab');
  });
});
