/**
 * One console terminal: an xterm.js Terminal showing a host's transcript, then the prompt and the
 * line being typed, edited here (lineEditor.ts) and handed to the console on Enter. Tab and
 * Shift+Tab ask the lab for completions; Ctrl+C cancels the line (^C) or copies a selection;
 * Ctrl+Shift+C copies; Ctrl+V, Ctrl+Shift+V and right-click paste (right-click copies when text is
 * selected, as in a Windows console); the fit addon sizes the terminal to its element.
 */
import { FitAddon } from '@xterm/addon-fit';
import { Terminal, type ITheme } from '@xterm/xterm';
import type { ShellKind, TabCycle } from '../../../simulation';
import { edit, EMPTY_LINE, type LineState } from './lineEditor';
import { paint, type TranscriptLine } from './paint';

export interface ConsoleState {
  /** Changes when another host or shell is shown: the terminal starts over. */
  sessionKey: string;
  shell: ShellKind;
  banner: readonly string[];
  transcript: readonly TranscriptLine[];
  prompt: string;
  history: readonly string[];
  busy: boolean;
  label: string;
}

export interface ConsoleActions {
  run: (line: string) => void;
  tab: (line: string, cursor: number, back: boolean, prev?: TabCycle) => TabCycle | undefined;
  clearScreen: () => void;
  leave: () => void;
}

const THEMES: Record<ShellKind, ITheme> = {
  powershell: {
    background: '#012456',
    foreground: '#eeedf0',
    cursor: '#eeedf0',
    selectionBackground: '#5a7bb5',
  },
  cmd: { background: '#0c0c0c', foreground: '#cccccc', cursor: '#cccccc', selectionBackground: '#5a5a5a' },
};

/** Default attributes, the cursor home, the screen and the scrollback erased. */
const CLEAR = '\x1b[0m\x1b[H\x1b[2J\x1b[3J';

export class TerminalSession {
  private readonly term: Terminal;
  private readonly fitAddon = new FitAddon();
  private readonly cleanup: (() => void)[] = [];
  private key = '';
  /** The transcript as last written (null: nothing written yet for this console). */
  private written: readonly TranscriptLine[] | null = null;
  private line: LineState = EMPTY_LINE;
  private cycle: TabCycle | undefined;
  /** Where the cursor stood in the line when it was last drawn. */
  private drawn = 0;
  /**
   * What is to be written before anything else: on Enter, the erasing of the typed line, sent with
   * the command's output (the transcript echoes the line with its prompt). xterm.js parses the
   * first write after a key at once and defers the others to a timer, which often costs the output
   * a frame; so the line is erased in the same write as what replaces it.
   */
  private pending = '';
  private disposed = false;

  constructor(
    private readonly element: HTMLElement,
    private state: ConsoleState,
    private actions: ConsoleActions,
  ) {
    this.term = new Terminal({
      fontFamily: 'Consolas, "Cascadia Mono", "DejaVu Sans Mono", monospace',
      fontSize: 14,
      scrollback: 5000,
      cursorBlink: true,
      theme: THEMES[state.shell],
    });
    this.term.loadAddon(this.fitAddon);
    this.term.open(element);
    const textarea = this.term.textarea;
    if (textarea) {
      textarea.setAttribute('data-testid', 'console-input');
      // Tab completes here: Fluent UI's focus manager (tabster) must not move focus on it.
      textarea.setAttribute('data-tabster', JSON.stringify({ focusable: { ignoreKeydown: { Tab: true } } }));
      textarea.setAttribute(
        'aria-description',
        'Tab completes, Shift+Tab goes back; Escape on an empty line leaves the console',
      );
    }
    this.term.attachCustomKeyEventHandler((e) => this.onKey(e));
    const data = this.term.onData((d) => this.onData(d));
    const menu = (e: MouseEvent) => this.onContextMenu(e);
    element.addEventListener('contextmenu', menu);
    const observer = new ResizeObserver(() => this.fit());
    observer.observe(element);
    this.cleanup.push(
      () => observer.disconnect(),
      () => element.removeEventListener('contextmenu', menu),
      () => data.dispose(),
    );
    this.update(state, actions);
    this.fit();
  }

  dispose(): void {
    this.disposed = true;
    for (const c of this.cleanup) c();
    this.term.dispose();
  }

  focus(): void {
    this.term.focus();
  }

  /** A line typed before the terminal was up (not run yet), as if typed here. */
  typeAhead(text: string): void {
    if (text) this.onData(text);
  }

  /** New props from the console panel: write the transcript lines added since last time, then the prompt. */
  update(state: ConsoleState, actions: ConsoleActions): void {
    this.state = state;
    this.actions = actions;
    this.term.textarea?.setAttribute('aria-label', state.label);
    if (this.key !== state.sessionKey) {
      this.key = state.sessionKey;
      this.written = null;
      this.line = EMPTY_LINE;
      this.cycle = undefined;
    }
    if (this.written === state.transcript && !state.busy) return this.drawLine();
    const { lines, restart } = paint(this.written, state.transcript, state.banner);
    // One write: the input erased, the lines added, the prompt drawn again.
    let seq: string;
    if (restart) {
      this.pending = '';
      this.term.options.theme = THEMES[state.shell];
      // Cleared in the stream, not by term.reset(): that acts at once, before the writes xterm.js
      // has not parsed yet (the last prompt drawn), which then landed on the cleared screen.
      seq = CLEAR;
      this.drawn = 0;
    } else {
      seq = this.clearInput();
    }
    seq += lines;
    this.written = state.transcript;
    this.write(seq + this.lineText());
  }

  /** Writes `seq` after what is pending (see `pending`), in one call. */
  private write(seq: string): void {
    const all = this.pending + seq;
    this.pending = '';
    if (all !== '' && !this.disposed) this.term.write(all);
  }

  private fit(): void {
    if (this.element.clientWidth === 0 || this.element.clientHeight === 0) return;
    this.fitAddon.fit();
  }

  /** Moves to where the prompt starts (the input may wrap over rows) and erases it and all below. */
  private clearInput(): string {
    const up = Math.floor((this.state.prompt.length + this.drawn) / this.term.cols);
    this.drawn = 0;
    return `${up > 0 ? `\x1b[${up}A` : ''}\r\x1b[J`;
  }

  /** Redraws the prompt and the line being typed, and puts the cursor where it is in the line. */
  private drawLine(): void {
    this.write(this.lineText());
  }

  /** What redraws the prompt and the line (nothing while the console is busy). */
  private lineText(): string {
    if (this.state.busy) return '';
    const cols = this.term.cols;
    const prompt = this.state.prompt;
    let seq = this.clearInput() + prompt + this.line.text;
    const end = prompt.length + this.line.text.length;
    const at = prompt.length + this.line.cursor;
    // At the right margin the terminal waits to wrap: make the wrap real so the rows add up.
    if (end % cols === 0 && end > 0) seq += '\r\n';
    const rowsBack = Math.floor(end / cols) - Math.floor(at / cols);
    if (rowsBack > 0) seq += `\x1b[${rowsBack}A`;
    seq += `\r${at % cols > 0 ? `\x1b[${at % cols}C` : ''}`;
    this.drawn = this.line.cursor;
    return seq;
  }

  private onData(d: string): void {
    if (this.state.busy) return;
    const r = edit(this.line, d, this.state.history);
    this.line = r.line;
    switch (r.effect) {
      case 'run': {
        const text = this.line.text;
        this.line = EMPTY_LINE;
        this.cycle = undefined;
        // The transcript echoes the line with its prompt: that replaces what was typed, in the
        // write that brings the output (see `pending`), or on its own if the command changed nothing.
        this.pending += this.clearInput();
        this.actions.run(text);
        // Still pending: no update came (a refused line whose error the panel already showed), so
        // the prompt is drawn again here rather than left erased until the next key.
        queueMicrotask(() => this.write(this.pending ? this.lineText() : ''));
        return;
      }
      case 'cancel': {
        const right = this.line.text.length - this.line.cursor;
        const cancelled = `${right > 0 ? `\x1b[${right}C` : ''}^C\r\n`;
        this.line = EMPTY_LINE;
        this.cycle = undefined;
        this.drawn = 0;
        this.write(cancelled + this.lineText());
        return;
      }
      case 'tab':
      case 'tabBack': {
        const next = this.actions.tab(this.line.text, this.line.cursor, r.effect === 'tabBack', this.cycle);
        if (!next) return;
        this.cycle = next;
        this.line = { text: next.line, cursor: next.cursor, historyIndex: null, draft: next.line };
        this.drawLine();
        return;
      }
      case 'clearScreen':
        this.actions.clearScreen();
        return;
      case 'leave':
        this.actions.leave();
        return;
      default:
        this.drawLine();
    }
  }

  private onKey(e: KeyboardEvent): boolean {
    if (e.type !== 'keydown') return true;
    const key = e.key.toLowerCase();
    // Ctrl+Shift+C copies; Ctrl+C copies too when text is selected (the line stays), else it cancels the line.
    if (e.ctrlKey && key === 'c' && (e.shiftKey || this.term.hasSelection())) {
      this.copy();
      return false;
    }
    if (e.ctrlKey && key === 'v') {
      e.preventDefault();
      void this.paste();
      return false;
    }
    return true;
  }

  private onContextMenu(e: MouseEvent): void {
    e.preventDefault();
    if (this.term.hasSelection()) this.copy();
    else void this.paste();
  }

  private copy(): void {
    const text = this.term.getSelection();
    if (text) void navigator.clipboard?.writeText(text).catch(() => undefined);
    this.term.clearSelection();
  }

  private async paste(): Promise<void> {
    const text = await navigator.clipboard?.readText().catch(() => '');
    if (text) this.term.paste(text);
  }
}
