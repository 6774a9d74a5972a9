import { useMemo, useState } from 'react';
import { debriefOf, formatDuration, formatShortDateTime, type ScenarioRun } from '../../../simulation';
import { useLabController } from '../../lab/LabContext';
import { exportHtml, exportJson, exportPdf } from './exportResult';
import { Dialog, DialogSurface } from '@fluentui/react-components';
import { useModalStyles } from '../modalStyles';
import { useDebriefStyles, useHintStyles } from './scenarioStyles';

/**
 * The debrief, once a run has ended (completed, given up, time up): what was broken and how it
 * showed (quoted from the lab's own history, with times), what the learner did beside the
 * reference solution, what they looked at, collateral damage, hints, the score and both times; and
 * the exports: the HTML report, the JSON result (signed), the PDF.
 */
export function Debrief({ run, tz, onClose }: { run: ScenarioRun; tz: number; onClose: () => void }) {
  const ms = useModalStyles();
  const st = useDebriefStyles();
  const hs = useHintStyles();
  const controller = useLabController();
  // In a class the summary and solution arrive from the hub after the end: a new solution, a new debrief.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the solution is replaced in the run's scenario
  const d = useMemo(() => debriefOf(run), [run, run.scenario.solution]);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState(false);
  const at = (ms: number) => formatShortDateTime(ms, tz);
  const s = d.score;
  const pdfLabel = controller.platform.kind === 'electron' ? 'Export PDF' : 'Print view (PDF)';
  const run1 = async (
    what: string,
    f: () => Promise<{ ok: boolean; error?: string; location?: string; unsigned?: string }>,
  ) => {
    setBusy(true);
    try {
      const r = await f();
      if (r.ok)
        setMessage({
          ok: true,
          text: `${what} saved${r.location ? `: ${r.location}` : ''}.${r.unsigned ? ` It is NOT signed (${r.unsigned}); verify checks it only with --allow-unsigned.` : ''}`,
        });
      else if (r.error !== 'cancelled')
        setMessage({ ok: false, text: `${what} not saved: ${r.error ?? ''}` });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onOpenChange={(_, o) => !o.open && onClose()}>
      <DialogSurface className={ms.surface} aria-label="Debrief" data-testid="debrief">
        <div className={ms.head}>
          <h2>Debrief: {run.scenario.title}</h2>
          <button type="button" className="btn btn-small" onClick={onClose}>
            Close
          </button>
        </div>
        <p className="debrief-score" data-testid="debrief-score">
          <b>{d.status}</b> · score{' '}
          <b>
            {s.total} / {s.max}
          </b>{' '}
          (pass mark {s.passMark}) ·{' '}
          <span className={s.passed ? 'ok' : 'bad'}>{s.passed ? 'passed' : 'not passed'}</span>
          {run.learnerName ? ` · ${run.learnerName}` : ''}
        </p>
        <p className="hint">
          Active time {formatDuration(d.activeMs)} (idle gaps over 5 minutes not counted) · lab time{' '}
          {formatDuration(d.labMs)}
        </p>
        <div className="actions">
          <button
            type="button"
            className="btn"
            disabled={busy}
            onClick={() => void run1('Report', () => exportHtml(run, controller.platform))}
            data-testid="export-html"
          >
            Export HTML report
          </button>
          <button
            type="button"
            className="btn"
            disabled={busy}
            onClick={() => void run1('Result', () => exportJson(run, controller.platform))}
            data-testid="export-json"
          >
            Export result (JSON)
          </button>
          <button
            type="button"
            className="btn"
            disabled={busy}
            onClick={() => void run1('PDF', () => exportPdf(run, controller.platform))}
            data-testid="export-pdf"
          >
            {pdfLabel}
          </button>
        </div>
        {message && (
          <p className={message.ok ? 'ok' : 'form-error'} role="status" data-testid="export-message">
            {message.text}
          </p>
        )}
        {d.causes.length > 0 && <h3>What was wrong</h3>}
        {d.causes.map((c, i) => (
          <section key={i} className="debrief-cause" data-testid="debrief-cause">
            <h4>{c.title}</h4>
            <p>{c.cause}</p>
            <p>
              <b>Fix:</b> {c.fix}
            </p>
            <p>
              <b>Your fix:</b>{' '}
              {c.learnerFix ? (
                <>
                  {c.learnerFix.text} <span className="hint">({at(c.learnerFix.at)})</span>
                </>
              ) : (
                <span className="bad">
                  {c.holdsAtEnd
                    ? 'not fixed: it still held at the end'
                    : 'it went away without a fix of yours'}
                </span>
              )}
            </p>
            <p>
              <b>How it showed</b>
              {c.evidence.length ? '' : ': the lab logged nothing for it on your route.'}
            </p>
            {c.evidence.length > 0 && (
              <table className={st.table} data-testid="debrief-evidence">
                <tbody>
                  {c.evidence.map((e, j) => (
                    <tr key={j}>
                      <td className="hint">{at(e.at)}</td>
                      <td>
                        {e.where}
                        {e.seen ? '' : <span className="hint"> (you did not look)</span>}
                        {e.repeats ? <span className="hint"> ({e.repeats} more)</span> : null}
                      </td>
                      <td>
                        <pre className={st.pre}>{e.text}</pre>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        ))}
        <h3>Score</h3>
        <p>
          Objectives {s.objectives} − hints {s.hints} − collateral{' '}
          {s.collateral.reduce((a, c) => a + c.cost, 0)} − time {s.time} = {s.total}
        </p>
        {s.collateral.map((c, i) => (
          <p key={i} className="bad">
            {c.title} (−{c.cost})
          </p>
        ))}
        <h3>What you looked at</h3>
        {d.lookedAt.length ? (
          <ol className="timeline">
            {d.lookedAt.map((l, i) => (
              <li key={i}>
                <span className="hint">{at(l.at)}</span> {l.text}
              </li>
            ))}
          </ol>
        ) : (
          <p className="hint">No diagnostic commands, logs or tool pages.</p>
        )}
        <h3>Hints taken</h3>
        {d.hints.length ? (
          d.hints.map((h, i) => (
            <p key={i} className={hs.taken}>
              <span className="hint">{at(h.at)}</span> {h.text} (−{h.cost})
            </p>
          ))
        ) : (
          <p className="hint">None.</p>
        )}
        <h3>Timeline</h3>
        <ol className="timeline" data-testid="debrief-timeline">
          {d.timeline.map((t, i) => (
            <li key={i}>
              <span className="hint">{at(t.at)}</span> {t.text}
            </li>
          ))}
        </ol>
        <h3>What the scenario was about</h3>
        <p data-testid="debrief-summary">{run.scenario.summary}</p>
        <h3>Reference solution</h3>
        <pre className={st.pre} data-testid="debrief-reference">
          {d.reference.join('\n')}
        </pre>
      </DialogSurface>
    </Dialog>
  );
}
