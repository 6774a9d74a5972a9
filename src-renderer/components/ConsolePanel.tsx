import { makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { ShellKind } from '../../simulation';
import { useLabHost, useLabStarted, useFirstScreenView } from '../lab/LabContext';
import { useUi } from '../state/uiStore';
import { ConsoleLog } from './terminal/ConsoleLog';
import { ConsolePrompt, takeTypedAhead } from './terminal/ConsolePrompt';
import { HelpButton } from './help/HelpButton';
import { useTabKeys } from './useTabKeys';

// The terminal (xterm.js, some 80 KB gzipped) is fetched when the learner first uses the console,
// not with the first screen (`npm run bench:ui`): until then the pane shows the host's prompt as
// plain text (ConsolePrompt), which starts the lab and the terminal when clicked, focused or typed in.
const loadXterm = () => import('./terminal/XtermConsole');
const XtermConsole = lazy(() => loadXterm().then((m) => ({ default: m.XtermConsole })));

const SHELLS: { id: ShellKind; label: string }[] = [
  { id: 'cmd', label: 'Command Prompt' },
  { id: 'powershell', label: 'Windows PowerShell' },
];

const useStyles = makeStyles({
  panel: {
    display: 'grid',
    gridTemplateRows: 'auto minmax(0, 1fr) auto',
    height: '100%',
    minHeight: 0,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  collapsed: { gridTemplateRows: 'auto' },
  head: {
    display: 'flex',
    alignItems: 'center',
    gap: '14px',
    padding: '6px 12px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  host: { display: 'flex', gap: '6px', alignItems: 'center', color: tokens.colorNeutralForeground3 },
  tabs: { display: 'flex', gap: '2px' },
  tab: {
    fontFamily: 'inherit',
    fontSize: '13px',
    border: '1px solid transparent',
    borderRadius: '4px 4px 0 0',
    backgroundColor: 'transparent',
    padding: '4px 10px',
    cursor: 'pointer',
    color: tokens.colorNeutralForeground3,
  },
  activeTab: {
    ...shorthands.borderColor(tokens.colorNeutralStroke2),
    borderBottomColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
  title: { marginLeft: 'auto', color: tokens.colorNeutralForeground3, fontSize: '12px' },
  // The terminal fills the body and scrolls itself.
  body: { display: 'flex', flexDirection: 'column', overflow: 'hidden', cursor: 'text' },
  cmd: { backgroundColor: '#0c0c0c', color: '#cccccc' },
  powershell: { backgroundColor: '#012456', color: '#eeedf0' },
  off: { padding: '8px 12px', fontFamily: 'var(--mono)', color: '#8a8886' },
  error: { padding: '4px 12px', color: tokens.colorPaletteRedForeground1, fontSize: '12px' },
});

/** A console window on one Windows host: a terminal (XtermConsole) over its transcript, and the host and shell to show. */
export function ConsolePanel() {
  const lab = useLabHost();
  const labStarted = useLabStarted();
  const view = useFirstScreenView();
  const consoleStarted = useUi((s) => s.consoleStarted);
  const startConsole = useUi((s) => s.startConsole);
  // The plain prompt stays until the terminal is drawn (it keeps the focus and the keys meanwhile).
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    if (!consoleStarted) return;
    // The learner used the console (its prompt, a host, a device's console button): the terminal is
    // fetched side by side with the engine.
    void loadXterm().catch(() => undefined);
    void lab.start().catch(() => undefined);
  }, [consoleStarted, lab]);
  const host = useUi((s) => s.consoleHost);
  const shell = useUi((s) => s.consoleShell);
  const setShell = useUi((s) => s.setShell);
  const openConsole = useUi((s) => s.openConsole);
  const open = useUi((s) => s.consoleOpen);
  const toggle = useUi((s) => s.toggleConsole);
  const st = useStyles();
  const [error, setError] = useState<string | null>(null);
  const hostSelect = useRef<HTMLSelectElement>(null);
  const onTabKey = useTabKeys(
    SHELLS.map((s) => s.id),
    shell,
    setShell,
  );

  const hosts = view.devices.filter((d) => d.kind === 'dc' || d.kind === 'sync' || d.kind === 'client');
  const consoleView = view.consoles[host]?.[shell];
  const device = hosts.find((d) => d.id === host);
  const off = device?.status === 'off';

  if (!consoleView) return null;

  const run = (line: string) =>
    lab.act((c) => {
      const r = c.dispatch({ type: 'console.exec', host, shell, line });
      setError(r.ok ? null : r.error);
    });
  const start = () => {
    if (!consoleStarted) startConsole();
  };
  const title = `${s2title(shell)} input on ${device?.name ?? host}`;

  return (
    <section
      className={mergeClasses(st.panel, !open && st.collapsed)}
      aria-label="Console"
      data-help-topic="console"
    >
      <header className={st.head}>
        <label className={st.host}>
          <span>Host</span>
          <select
            ref={hostSelect}
            value={host}
            onChange={(e) => openConsole(e.target.value)}
            data-testid="console-host"
          >
            {hosts.map((h) => (
              <option key={h.id} value={h.id}>
                {h.name}
              </option>
            ))}
          </select>
        </label>
        <div className={st.tabs} role="tablist" aria-label="Shell" onKeyDown={onTabKey}>
          {SHELLS.map((s) => (
            <button
              key={s.id}
              type="button"
              role="tab"
              aria-selected={shell === s.id}
              tabIndex={shell === s.id ? 0 : -1}
              className={mergeClasses(st.tab, shell === s.id && st.activeTab)}
              onClick={() => setShell(s.id)}
              data-testid={`console-tab-${s.id}`}
            >
              {s.label}
            </button>
          ))}
        </div>
        <span className={st.title}>
          {s2title(shell)} — {device?.name ?? host}
        </span>
        <HelpButton topic="console" />
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
          <div className={mergeClasses(st.body, st[shell])} data-testid="console-output">
            {off ? (
              <div className={st.off}>{device?.name} is powered off.</div>
            ) : (
              <>
                {consoleStarted && labStarted && (
                  <Suspense fallback={null}>
                    <XtermConsole
                      takeTypedAhead={takeTypedAhead}
                      onReady={() => setDrawn(true)}
                      sessionKey={`${host}/${shell}`}
                      shell={shell}
                      banner={banner(shell, device?.osVersion ?? '')}
                      transcript={consoleView.transcript}
                      prompt={consoleView.prompt}
                      history={consoleView.history}
                      busy={consoleView.busy}
                      label={title}
                      run={run}
                      tab={(text, cursor, back, prev) =>
                        lab.controller?.current.tab(host, shell, text, cursor, back, prev)
                      }
                      clearScreen={() => lab.act((c) => c.dispatch({ type: 'console.clear', host, shell }))}
                      leave={() => hostSelect.current?.focus()}
                    />
                  </Suspense>
                )}
                {!(consoleStarted && labStarted && drawn) && (
                  <ConsolePrompt
                    banner={banner(shell, device?.osVersion ?? '')}
                    prompt={consoleView.prompt}
                    label={title}
                    starting={consoleStarted}
                    start={start}
                    run={run}
                  />
                )}
                <ConsoleLog lines={consoleView.transcript} />
              </>
            )}
          </div>
          {error && (
            <div className={st.error} role="alert">
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
