import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ShellKind } from '../../simulation';
import { useLabController, useLearnerView } from '../lab/LabContext';
import { useUi } from '../state/uiStore';

const SHELLS: { id: ShellKind; label: string }[] = [
  { id: 'cmd', label: 'Command Prompt' },
  { id: 'powershell', label: 'Windows PowerShell' },
];

/** A console window on one Windows host: its transcript, a prompt, history with the arrow keys. */
export function ConsolePanel() {
  const controller = useLabController();
  const view = useLearnerView();
  const host = useUi((s) => s.consoleHost);
  const shell = useUi((s) => s.consoleShell);
  const setShell = useUi((s) => s.setShell);
  const openConsole = useUi((s) => s.openConsole);
  const open = useUi((s) => s.consoleOpen);
  const toggle = useUi((s) => s.toggleConsole);
  const [line, setLine] = useState('');
  const [historyIndex, setHistoryIndex] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);

  const hosts = view.devices.filter((d) => d.kind === 'dc' || d.kind === 'sync' || d.kind === 'client');
  const consoleView = view.consoles[host]?.[shell];
  const device = hosts.find((d) => d.id === host);
  const off = device?.status === 'off';

  useEffect(() => {
    scroller.current?.scrollTo({ top: scroller.current.scrollHeight });
  }, [consoleView?.transcript.length, host, shell]);

  if (!consoleView) return null;

  const run = () => {
    const r = controller.dispatch({ type: 'console.exec', host, shell, line });
    setError(r.ok ? null : r.error);
    setLine('');
    setHistoryIndex(null);
  };

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    const history = consoleView.history;
    if (e.key === 'Enter') {
      e.preventDefault();
      run();
    } else if (e.key === 'ArrowUp' && history.length > 0) {
      e.preventDefault();
      const i = historyIndex === null ? history.length - 1 : Math.max(0, historyIndex - 1);
      setHistoryIndex(i);
      setLine(history[i] ?? '');
    } else if (e.key === 'ArrowDown' && historyIndex !== null) {
      e.preventDefault();
      const i = historyIndex + 1;
      if (i >= history.length) {
        setHistoryIndex(null);
        setLine('');
      } else {
        setHistoryIndex(i);
        setLine(history[i] ?? '');
      }
    } else if (e.key === 'l' && e.ctrlKey) {
      e.preventDefault();
      controller.dispatch({ type: 'console.clear', host, shell });
    }
  };

  return (
    <section className={`console-panel${open ? '' : ' is-collapsed'}`} aria-label="Console">
      <header className="console-head">
        <label className="console-host">
          <span>Host</span>
          <select value={host} onChange={(e) => openConsole(e.target.value)} data-testid="console-host">
            {hosts.map((h) => (
              <option key={h.id} value={h.id}>
                {h.name}
              </option>
            ))}
          </select>
        </label>
        <div className="console-tabs" role="tablist">
          {SHELLS.map((s) => (
            <button
              key={s.id}
              type="button"
              role="tab"
              aria-selected={shell === s.id}
              className={`console-tab${shell === s.id ? ' is-active' : ''}`}
              onClick={() => setShell(s.id)}
              data-testid={`console-tab-${s.id}`}
            >
              {s.label}
            </button>
          ))}
        </div>
        <span className="console-title">
          {s2title(shell)} — {device?.name ?? host}
        </span>
        <button
          type="button"
          className="btn btn-small"
          onClick={toggle}
          aria-expanded={open}
          data-testid="console-toggle"
        >
          {open ? 'Hide console' : 'Show console'}
        </button>
      </header>
      {!open ? null : (
        <>
          <div
            className={`console-body shell-${shell}`}
            ref={scroller}
            onClick={() => input.current?.focus()}
            data-testid="console-output"
          >
            {off ? (
              <div className="console-off">{device?.name} is powered off.</div>
            ) : (
              <>
                {consoleView.transcript.length === 0 &&
                  consoleView.history.length === 0 &&
                  banner(shell, device?.osVersion ?? '').map((text, i) => (
                    <pre key={`b${i}`} className="line line-output">
                      {text}
                    </pre>
                  ))}
                {consoleView.transcript.map((l, i) => (
                  <pre key={i} className={`line line-${l.kind}`}>
                    {l.text}
                  </pre>
                ))}
                <div className="prompt-line">
                  <span className="prompt">{consoleView.prompt}</span>
                  <input
                    ref={input}
                    className="prompt-input"
                    value={line}
                    onChange={(e) => setLine(e.target.value)}
                    onKeyDown={onKey}
                    spellCheck={false}
                    autoComplete="off"
                    aria-label={`${s2title(shell)} input on ${device?.name ?? host}`}
                    data-testid="console-input"
                    disabled={consoleView.busy}
                  />
                </div>
              </>
            )}
          </div>
          {error && (
            <div className="console-error" role="alert">
              {error}
            </div>
          )}
        </>
      )}
    </section>
  );
}

/** What a freshly opened console window shows above its first prompt. */
function banner(shell: ShellKind, osVersion: string): string[] {
  return shell === 'powershell'
    ? [
        'Windows PowerShell',
        'Copyright (C) Microsoft Corporation. All rights reserved.',
        '',
        'Install the latest PowerShell for new features and improvements! https://aka.ms/PSWindows',
        '',
      ]
    : [`Microsoft Windows [Version ${osVersion}]`, '(c) Microsoft Corporation. All rights reserved.', ''];
}

function s2title(shell: ShellKind): string {
  return shell === 'cmd' ? 'Administrator: Command Prompt' : 'Administrator: Windows PowerShell';
}
