import { makeStyles } from '@fluentui/react-components';
import { useState, type KeyboardEvent } from 'react';

const useStyles = makeStyles({
  root: {
    flex: '1 1 auto',
    minHeight: 0,
    margin: 0,
    padding: '4px 0 0 6px',
    overflow: 'auto',
    fontFamily: 'Consolas, "Cascadia Mono", "DejaVu Sans Mono", monospace',
    fontSize: '14px',
    lineHeight: 1.2,
    whiteSpace: 'pre-wrap',
    cursor: 'text',
    outlineOffset: '-2px',
  },
  hint: { opacity: 0.7 },
  cursor: { borderLeft: '0.55em solid currentColor', marginLeft: '1px' },
});

/**
 * The line typed into the plain prompt before the terminal is up: the terminal takes it when it
 * starts (a line ended by Enter is run at once, after the lines before it). One console is shown at
 * a time, so one buffer.
 */
let typedAhead = '';

/** What was typed before the terminal started, emptied as it is taken. */
export function takeTypedAhead(): string {
  const t = typedAhead;
  typedAhead = '';
  return t;
}

interface ConsolePromptProps {
  banner: readonly string[];
  prompt: string;
  label: string;
  /** Whether the terminal is on its way (the lab and the terminal load). */
  starting: boolean;
  start: () => void;
  /** Runs a line (Enter): in order, once the lab is ready. */
  run: (line: string) => void;
}

/**
 * The console before the learner uses it: the host's banner and prompt as plain text (no terminal
 * loaded yet). Clicking or focusing it starts the console; keys typed meanwhile are kept for it.
 */
export function ConsolePrompt({ banner, prompt, label, starting, start, run }: ConsolePromptProps) {
  const s = useStyles();
  const [typed, setTyped] = useState(typedAhead);
  /** Lines run from here, shown until the terminal shows the transcript. */
  const [lines, setLines] = useState<string[]>([]);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Enter') {
      const line = typedAhead;
      typedAhead = '';
      setLines((l) => [...l, line]);
      run(line);
    } else if (e.key === 'Backspace') typedAhead = typedAhead.slice(0, -1);
    else if (e.key.length === 1) typedAhead += e.key;
    else return;
    e.preventDefault();
    start();
    setTyped(typedAhead);
  };
  const current = typed;
  return (
    <div
      className={s.root}
      role="textbox"
      aria-label={label}
      aria-description={starting ? 'Starting the console…' : 'Click or type to start the console'}
      aria-busy={starting}
      tabIndex={0}
      onClick={start}
      onFocus={start}
      onKeyDown={onKeyDown}
      data-testid="console-start"
    >
      {banner.map((l) => `${l}\n`).join('')}
      {lines.map((l) => `${prompt}${l}\n`).join('')}
      {prompt}
      {current}
      <span className={s.cursor} aria-hidden="true" />
      {'\n\n'}
      <span className={s.hint} role="status" data-testid={starting ? 'console-starting' : undefined}>
        {starting ? 'Starting the console…' : 'Click here (or type) to start the console.'}
      </span>
    </div>
  );
}
