import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef } from 'react';
import { TerminalSession, type ConsoleActions, type ConsoleState } from './terminalSession';
import './terminal.css';

export type XtermConsoleProps = ConsoleState & ConsoleActions;

/** A console window drawn by xterm.js (terminalSession.ts): created once, fed the console's state on every render. */
export function XtermConsole(props: XtermConsoleProps) {
  const element = useRef<HTMLDivElement>(null);
  const session = useRef<TerminalSession | null>(null);
  const latest = useRef(props);

  useEffect(() => {
    latest.current = props;
    session.current?.update(props, props);
  });

  useEffect(() => {
    const s = new TerminalSession(element.current as HTMLDivElement, latest.current, latest.current);
    session.current = s;
    return () => {
      s.dispose();
      session.current = null;
    };
  }, []);

  useEffect(() => {
    session.current?.focus();
  }, [props.sessionKey]);

  return (
    <div className={`xterm-console shell-${props.shell}`} ref={element} data-testid="console-terminal" />
  );
}
