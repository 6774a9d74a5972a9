/**
 * The hand-off from the plain console prompt to the terminal (TerminalSession): the line typed
 * before the terminal was up is typed into it (XtermConsole's takeTypedAhead), and Enter runs it;
 * its row must show once. The terminal is a stand-in for xterm.js that, like it, parses writes
 * later (on a timer) but resets at once. Before 86289d4 the first command restarted the terminal
 * (written [] → lines) with term.reset(): when Enter came before the typed line's write was
 * parsed, that line landed on the new screen and the command's echo after it, on the same row
 * ("C:\…>hostnameC:\…>hostname", or "C:\…>C:\…>hostname").
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TranscriptLine } from '../../../src-renderer/components/terminal/paint';

/** The screen of a terminal: text rows, a cursor, and the few sequences TerminalSession writes. */
class Screen {
  rows: string[] = [''];
  private row = 0;
  private col = 0;

  clear(): void {
    this.rows = [''];
    this.row = 0;
    this.col = 0;
  }

  parse(data: string): void {
    for (let i = 0; i < data.length; i++) {
      const c = data[i] as string;
      if (c === '\x1b' && data[i + 1] === '[') {
        const m = /^\[(\d*)([A-Za-z])/.exec(data.slice(i + 1)) as RegExpExecArray;
        const n = Number(m[1] || 0);
        const op = m[2];
        if (op === 'A') this.row = Math.max(0, this.row - Math.max(1, n));
        else if (op === 'C') this.col += Math.max(1, n);
        else if (op === 'H') this.row = this.col = 0;
        else if (op === 'J' && n === 0) {
          this.rows[this.row] = (this.rows[this.row] ?? '').slice(0, this.col);
          this.rows.length = this.row + 1;
        } else if (op === 'J') this.rows = this.rows.map(() => '');
        i += m[0].length;
      } else if (c === '\r') this.col = 0;
      else if (c === '\n') {
        this.row++;
        while (this.rows.length <= this.row) this.rows.push('');
      } else {
        const r = (this.rows[this.row] ?? '').padEnd(this.col);
        this.rows[this.row] = r.slice(0, this.col) + c + r.slice(this.col + 1);
        this.col++;
      }
    }
  }
}

/** What each test's terminal did. */
const made: FakeTerminal[] = [];

class FakeTerminal {
  readonly screen = new Screen();
  /** Writes not parsed yet (xterm.js parses them on a timer). */
  queue: string[] = [];
  cols = 200;
  options: Record<string, unknown> = {};
  textarea = undefined;
  type?: (d: string) => void;
  constructor() {
    made.push(this);
  }
  loadAddon(): void {}
  open(): void {}
  attachCustomKeyEventHandler(): void {}
  onData(f: (d: string) => void) {
    this.type = f;
    return { dispose: () => undefined };
  }
  write(d: string): void {
    this.queue.push(d);
  }
  /** As xterm.js: at once, whatever is still to be parsed. */
  reset(): void {
    this.screen.clear();
  }
  parse(): void {
    for (const d of this.queue.splice(0)) this.screen.parse(d);
  }
  focus(): void {}
  dispose(): void {}
}

vi.mock('@xterm/xterm', () => ({ Terminal: FakeTerminal }));
vi.mock('@xterm/addon-fit', () => ({
  FitAddon: class {
    fit(): void {}
  },
}));

const { TerminalSession } = await import('../../../src-renderer/components/terminal/terminalSession');
type State = ConstructorParameters<typeof TerminalSession>[1];

const PROMPT = 'C:\\Users\\administrator.LABORHUB>';
const BANNER = [
  'Microsoft Windows [Version 10.0.26100.2605]',
  '(c) Microsoft Corporation. All rights reserved.',
  '',
];
const state = (transcript: readonly TranscriptLine[]): State => ({
  sessionKey: 'pc2/cmd',
  shell: 'cmd',
  banner: BANNER,
  transcript,
  prompt: PROMPT,
  history: [],
  busy: false,
  label: 'Command Prompt input on PC2',
});
const RAN: TranscriptLine[] = [
  { kind: 'input', text: `${PROMPT}hostname` },
  { kind: 'output', text: 'PC2' },
];
const element = {
  clientWidth: 0,
  clientHeight: 0,
  addEventListener: () => undefined,
  removeEventListener: () => undefined,
} as unknown as HTMLElement;

beforeEach(() => {
  made.length = 0;
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe(): void {}
      disconnect(): void {}
    },
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
});

/** A terminal started on a console with nothing run yet, the typed-ahead line given to it. */
function handOff(onRun: (session: InstanceType<typeof TerminalSession>) => void) {
  const actions = {
    // Called on Enter, once the session below is made.
    run: () => onRun(session),
    tab: () => undefined,
    clearScreen: () => undefined,
    leave: () => undefined,
  };
  const session = new TerminalSession(element, state([]), actions);
  session.typeAhead('hostname');
  return { term: made[0] as FakeTerminal, session, actions };
}

describe('the hand-off from the plain prompt to the terminal', () => {
  it('shows the typed-ahead command once when Enter comes before the terminal parsed it', async () => {
    const { term, actions } = handOff((s) => s.update(state(RAN), actions));
    term.type?.('\r');
    await Promise.resolve();
    term.parse();
    expect(term.screen.rows.filter((r) => r !== '')).toEqual([
      ...BANNER.slice(0, 2),
      `${PROMPT}hostname`,
      'PC2',
      PROMPT,
    ]);
  });

  it('and when the output comes after the microtask that draws the prompt again', async () => {
    const { term, session, actions } = handOff(() => undefined);
    term.type?.('\r');
    await Promise.resolve();
    session.update(state(RAN), actions);
    term.parse();
    expect(term.screen.rows.filter((r) => r !== '')).toEqual([
      ...BANNER.slice(0, 2),
      `${PROMPT}hostname`,
      'PC2',
      PROMPT,
    ]);
  });
});
