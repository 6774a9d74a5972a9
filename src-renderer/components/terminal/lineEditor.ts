/**
 * The line a learner is typing at a console prompt, edited by what the terminal sends (keys as
 * characters and escape sequences, pasted text): insert, Backspace and Delete, Left/Right,
 * Home/End, history with Up/Down, Escape to clear the line, and the keys the console itself
 * acts on (Enter, Ctrl+C, Tab, Shift+Tab, Ctrl+L). Pure: the terminal component applies it.
 */

export interface LineState {
  text: string;
  cursor: number;
  /** Which history entry is shown (null: the learner's own line). */
  historyIndex: number | null;
  /** The learner's own line, kept while they browse history. */
  draft: string;
}

export type LineEffect = 'run' | 'cancel' | 'tab' | 'tabBack' | 'clearScreen' | 'leave';

export const EMPTY_LINE: LineState = { text: '', cursor: 0, historyIndex: null, draft: '' };

const KEYS: Record<string, (s: LineState, history: readonly string[]) => LineState | LineEffect> = {
  '\r': () => 'run',
  '\x03': () => 'cancel',
  '\t': () => 'tab',
  '\x1b[Z': () => 'tabBack',
  '\x0c': () => 'clearScreen',
  // Escape clears the line, as in PowerShell; on an empty line it leaves the terminal (the Tab key completes).
  '\x1b': (s) => (s.text === '' ? 'leave' : EMPTY_LINE),
  '\x7f': (s) =>
    s.cursor === 0 ? s : put(s, s.text.slice(0, s.cursor - 1) + s.text.slice(s.cursor), s.cursor - 1),
  '\x08': (s) =>
    s.cursor === 0 ? s : put(s, s.text.slice(0, s.cursor - 1) + s.text.slice(s.cursor), s.cursor - 1),
  '\x1b[3~': (s) => put(s, s.text.slice(0, s.cursor) + s.text.slice(s.cursor + 1), s.cursor),
  '\x1b[D': (s) => ({ ...s, cursor: Math.max(0, s.cursor - 1) }),
  '\x1b[C': (s) => ({ ...s, cursor: Math.min(s.text.length, s.cursor + 1) }),
  '\x1b[H': (s) => ({ ...s, cursor: 0 }),
  '\x1bOH': (s) => ({ ...s, cursor: 0 }),
  '\x1b[1~': (s) => ({ ...s, cursor: 0 }),
  '\x1b[F': (s) => ({ ...s, cursor: s.text.length }),
  '\x1bOF': (s) => ({ ...s, cursor: s.text.length }),
  '\x1b[4~': (s) => ({ ...s, cursor: s.text.length }),
  '\x1b[A': (s, h) => older(s, h),
  '\x1b[B': (s, h) => newer(s, h),
};

function put(s: LineState, text: string, cursor: number): LineState {
  return { text, cursor, historyIndex: null, draft: text };
}

function shown(s: LineState, index: number | null, text: string): LineState {
  return { ...s, historyIndex: index, text, cursor: text.length };
}

function older(s: LineState, history: readonly string[]): LineState {
  if (history.length === 0) return s;
  const i = s.historyIndex === null ? history.length - 1 : Math.max(0, s.historyIndex - 1);
  return shown(s, i, history[i] ?? '');
}

function newer(s: LineState, history: readonly string[]): LineState {
  if (s.historyIndex === null) return s;
  const i = s.historyIndex + 1;
  return i >= history.length ? shown(s, null, s.draft) : shown(s, i, history[i] ?? '');
}

export interface Edited {
  line: LineState;
  effect?: LineEffect;
}

/**
 * Applies what the terminal sent. Printable text is inserted at the cursor; pasted text that holds
 * a line break runs its first line, as a console does (the rest of the paste is dropped).
 */
export function edit(s: LineState, data: string, history: readonly string[]): Edited {
  const key = KEYS[data];
  if (key) {
    const r = key(s, history);
    return typeof r === 'string' ? { line: s, effect: r } : { line: r };
  }
  if (data.startsWith('\x1b')) return { line: s }; // other function keys: nothing to do
  const [first = '', ...rest] = data.split(/\r\n|\r|\n/);
  // eslint-disable-next-line no-control-regex -- dropping control characters is the point
  const text = first.replace(/[\x00-\x1f\x7f]/g, '');
  const line =
    text === ''
      ? s
      : put(s, s.text.slice(0, s.cursor) + text + s.text.slice(s.cursor), s.cursor + text.length);
  return rest.length > 0 ? { line, effect: 'run' } : { line };
}
