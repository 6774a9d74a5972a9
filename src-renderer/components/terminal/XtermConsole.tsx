import { makeStyles, mergeClasses } from '@fluentui/react-components';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef } from 'react';
import { TerminalSession, type ConsoleActions, type ConsoleState } from './terminalSession';

const useStyles = makeStyles({
  root: {
    flex: '1 1 auto',
    minHeight: 0,
    width: '100%',
    height: '100%',
    padding: '4px 0 0 6px',
    boxSizing: 'border-box',
    '& .xterm': { height: '100%' },
  },
  cmd: { backgroundColor: '#0c0c0c' },
  powershell: { backgroundColor: '#012456' },
});

export type XtermConsoleProps = ConsoleState &
  ConsoleActions & {
    /** The line typed before the terminal was up (ConsolePrompt): taken once, when it starts. */
    takeTypedAhead?: () => string;
    /** Called once the terminal is drawn (the plain prompt standing in for it can go). */
    onReady?: () => void;
  };

/** A console window drawn by xterm.js (terminalSession.ts): created once, fed the console's state on every render. */
export function XtermConsole(props: XtermConsoleProps) {
  const s = useStyles();
  const element = useRef<HTMLDivElement>(null);
  const session = useRef<TerminalSession | null>(null);
  const latest = useRef(props);
  // Taken once per terminal, when it is made (kept across React's development remount of effects).
  const typed = useRef<string | null>(null);

  useEffect(() => {
    latest.current = props;
    session.current?.update(props, props);
  });

  useEffect(() => {
    const s = new TerminalSession(element.current as HTMLDivElement, latest.current, latest.current);
    session.current = s;
    // The line typed before the terminal was up (the lines ended by Enter have run: ConsolePrompt).
    s.typeAhead((typed.current ??= latest.current.takeTypedAhead?.() ?? ''));
    latest.current.onReady?.();
    return () => {
      s.dispose();
      session.current = null;
    };
  }, []);

  useEffect(() => {
    session.current?.focus();
  }, [props.sessionKey]);

  return (
    <div className={mergeClasses(s.root, s[props.shell])} ref={element} data-testid="console-terminal" />
  );
}
