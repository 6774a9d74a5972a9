import { useCallback, useEffect, useState } from 'react';
import type { SessionSummary } from '../../simulation';
import type { SessionList } from '../../src-main/bridge';
import { useLabController, useLabSelect } from '../lab/LabContext';
import { useReturnFocus } from '../hooks/useReturnFocus';
import { useUi } from '../state/uiStore';
import { Dialog, DialogSurface, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useModalStyles } from './modalStyles';

const useStyles = makeStyles({
  modal: { width: 'min(1180px, 96vw)', maxWidth: 'min(1180px, 96vw)' },
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    fontSize: '13px',
    '& th': {
      textAlign: 'left',
      fontWeight: tokens.fontWeightSemibold,
      color: tokens.colorNeutralForeground3,
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
      padding: '6px 8px',
    },
    '& td': {
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
      padding: '6px 8px',
      verticalAlign: 'middle',
    },
  },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  current: { '& td': { backgroundColor: tokens.colorBrandBackground2 } },
  damaged: { '& td': { backgroundColor: tokens.colorPaletteRedBackground1 } },
  title: { fontWeight: tokens.fontWeightSemibold, marginRight: '6px' },
  steps: { display: 'block', fontSize: '11px' },
  badge: {
    fontSize: '11px',
    padding: '1px 6px',
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  actions: { whiteSpace: 'nowrap', textAlign: 'right', '& .btn': { marginLeft: '4px' } },
  rename: {
    display: 'flex',
    gap: '4px',
    '& input': { fontFamily: 'inherit', fontSize: 'inherit', flex: 1, minWidth: '160px' },
  },
});

const when = (ms: number) =>
  new Date(ms).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Every session kept on this computer (or in this browser): open one, rename, duplicate, export
 * it as a `.hlab` file, or import one. Nothing here deletes a session or writes over one.
 */
export function SessionsPage() {
  const ms = useModalStyles();
  const st = useStyles();
  const open = useUi((s) => s.sessionsOpen);
  const setOpen = useUi((s) => s.setSessionsOpen);
  useReturnFocus(open);
  const controller = useLabController();
  const [list, setList] = useState<SessionList | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<{ id: string; title: string } | undefined>();
  const [busy, setBusy] = useState(false);

  const [reads, setReads] = useState(0);
  const refresh = useCallback(() => setReads((n) => n + 1), []);

  useEffect(() => {
    if (!open) return;
    let live = true;
    void controller.sessions.list().then((r) => {
      if (!live) return;
      if (r.ok) setList(r.value);
      else setError(`The sessions could not be listed: ${r.error}`);
    });
    return () => {
      live = false;
    };
  }, [open, controller, reads]);

  const current = useLabSelect((c) => c.currentSession?.id);
  const act = async (f: () => Promise<{ ok: boolean; error?: string }>, close = false) => {
    setBusy(true);
    setError(null);
    const r = await f();
    setBusy(false);
    if (!r.ok && r.error !== 'cancelled') setError(r.error ?? 'failed');
    else if (close && r.ok) setOpen(false);
    else refresh();
  };
  const rename = (s: SessionSummary) => {
    if (!renaming) return;
    const title = renaming.title;
    setRenaming(undefined);
    void act(() => controller.sessions.rename(s, title));
  };

  return (
    <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)}>
      <DialogSurface
        className={mergeClasses(ms.surface, st.modal)}
        aria-label="Sessions"
        data-testid="sessions-page"
      >
        <div className={ms.head}>
          <h2>Sessions</h2>
          <button
            type="button"
            className="btn btn-small"
            disabled={busy}
            onClick={() => void act(() => controller.sessions.import())}
            data-testid="sessions-import"
          >
            Import…
          </button>
          <button type="button" className="btn btn-small" onClick={() => setOpen(false)}>
            Close
          </button>
        </div>
        <p className="hint">
          Every session is kept. Starting over or starting a scenario begins a new one; open any of them again
          here.
        </p>
        {error && (
          <p className="form-error" role="alert" data-testid="sessions-error">
            {error}
          </p>
        )}
        {!list ? (
          <p className="hint">Reading the sessions…</p>
        ) : (
          <table className={st.table} data-testid="sessions-table">
            <thead>
              <tr>
                <th>Session</th>
                <th>Scenario</th>
                <th>Learner</th>
                <th>Started</th>
                <th>Last change</th>
                <th className={st.num}>Size</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.sessions.map((s) => (
                <tr
                  key={s.id}
                  data-testid={`session-${s.id}`}
                  className={s.id === current ? st.current : undefined}
                >
                  <td>
                    {renaming?.id === s.id ? (
                      <form
                        className={st.rename}
                        onSubmit={(e) => {
                          e.preventDefault();
                          rename(s);
                        }}
                      >
                        <input
                          autoFocus
                          value={renaming.title}
                          maxLength={200}
                          aria-label="New title"
                          onChange={(e) => setRenaming({ id: s.id, title: e.target.value })}
                          data-testid="session-title-input"
                        />
                        <button type="submit" className="btn btn-small">
                          Save
                        </button>
                        <button
                          type="button"
                          className="btn btn-small"
                          onClick={() => setRenaming(undefined)}
                        >
                          Cancel
                        </button>
                      </form>
                    ) : (
                      <>
                        <span className={st.title} data-testid="session-title">
                          {s.title}
                        </span>
                        {s.id === current && (
                          <span className={mergeClasses('badge', st.badge)}>Open now</span>
                        )}
                        <span className={mergeClasses('hint', st.steps)}>{s.commands} steps</span>
                      </>
                    )}
                  </td>
                  <td>{s.scenario ?? <span className="hint">Free lab</span>}</td>
                  <td>{s.learner ?? <span className="hint">—</span>}</td>
                  <td>{when(s.created)}</td>
                  <td>{when(s.lastChange)}</td>
                  <td className={st.num}>{size(s.size)}</td>
                  <td className={st.actions}>
                    <button
                      type="button"
                      className="btn btn-small btn-primary"
                      disabled={busy || s.id === current}
                      onClick={() => void act(() => controller.sessions.open(s.id), true)}
                      data-testid="session-open"
                    >
                      Open
                    </button>
                    <button
                      type="button"
                      className="btn btn-small"
                      disabled={busy}
                      onClick={() => setRenaming({ id: s.id, title: s.title })}
                      data-testid="session-rename"
                    >
                      Rename
                    </button>
                    <button
                      type="button"
                      className="btn btn-small"
                      disabled={busy}
                      onClick={() => void act(() => controller.sessions.duplicate(s))}
                      data-testid="session-duplicate"
                    >
                      Duplicate
                    </button>
                    <button
                      type="button"
                      className="btn btn-small"
                      disabled={busy}
                      onClick={() => void act(() => controller.sessions.export(s))}
                      data-testid="session-export"
                    >
                      Export
                    </button>
                  </td>
                </tr>
              ))}
              {list.damaged.map((d) => (
                <tr key={d.id} className={st.damaged} data-testid={`session-damaged-${d.id}`}>
                  <td colSpan={7}>
                    <strong>A session that cannot be read</strong> ({d.id}): {d.error}. Its file is kept as it
                    is.
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </DialogSurface>
    </Dialog>
  );
}
