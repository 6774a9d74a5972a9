import { useState } from 'react';
import { formatShortDateTime, type Scenario } from '../../simulation';
import { useLabController, useLearnerView } from '../lab/LabContext';
import { SCENARIO_PACK } from '../lab/scenarioPack';
import { useUi } from '../state/uiStore';

const DIFFICULTY: Record<string, string> = {
  beginner: 'Beginner',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
};

/** The scenario picker: the built-in pack, and free labs from a preset. */
export function ScenarioPicker() {
  const open = useUi((s) => s.pickerOpen);
  const setOpen = useUi((s) => s.setPickerOpen);
  const controller = useLabController();
  const [error, setError] = useState<string | null>(null);
  const [seed, setSeed] = useState('1');
  if (!open) return null;
  const start = (id: string) => {
    const entry = SCENARIO_PACK.find((e) => e.scenario?.id === id);
    if (!entry?.scenario) return;
    if (!window.confirm(`Start "${entry.scenario.title}"? Your current session stays in Sessions.`)) return;
    const n = Number(seed);
    const r = controller.startScenario(entry.scenario, Number.isInteger(n) && n >= 0 ? n : 1);
    if (r.ok) setOpen(false);
    else setError(r.error);
  };
  return (
    <div
      className="modal-backdrop"
      role="dialog"
      aria-modal="true"
      aria-label="Scenarios"
      data-testid="scenario-picker"
    >
      <div className="modal">
        <div className="modal-head">
          <h2>Scenarios</h2>
          <label className="hint">
            Seed{' '}
            <input
              value={seed}
              onChange={(e) => setSeed(e.target.value)}
              style={{ width: 60 }}
              aria-label="Seed"
            />
          </label>
          <button type="button" className="btn btn-small" onClick={() => setOpen(false)}>
            Close
          </button>
        </div>
        {error && <p className="form-error">{error}</p>}
        <div className="scenario-list">
          {SCENARIO_PACK.map((e) =>
            e.scenario ? (
              <button
                key={e.file}
                type="button"
                className="scenario-card"
                onClick={() => start(e.scenario?.id ?? '')}
                data-testid={`scenario-${e.scenario.id}`}
              >
                <span className="scenario-title">{e.scenario.title}</span>
                <span className="hint">
                  {e.scenario.mode === 'guided' ? 'Guided · ' : ''}
                  {DIFFICULTY[e.scenario.difficulty]} · about {e.scenario.estimatedMinutes} min
                </span>
                <ScenarioTeaser scenario={e.scenario} />
              </button>
            ) : (
              <div key={e.file} className="scenario-card broken">
                <span className="scenario-title">{e.file} does not load</span>
                {(e.errors ?? []).slice(0, 3).map((x) => (
                  <span key={x} className="hint">
                    {x}
                  </span>
                ))}
              </div>
            ),
          )}
        </div>
        <h3>Free lab</h3>
        <div className="actions">
          <button
            type="button"
            className="btn"
            onClick={() => {
              controller.startFreeLab('fresh');
              setOpen(false);
            }}
          >
            Fresh lab (seed guide's start)
          </button>
          <button
            type="button"
            className="btn"
            onClick={() => {
              controller.startFreeLab('configured');
              setOpen(false);
            }}
          >
            Working lab (SSPR and writeback configured)
          </button>
        </div>
      </div>
    </div>
  );
}

/** The scenario sidebar: the ticket, the steps or objectives ticking live, hints, the score. */
export function ScenarioSidebar() {
  const view = useLearnerView(); // re-render on every change
  const controller = useLabController();
  const run = controller.scenario;
  const [showReport, setShowReport] = useState(false);
  if (!run) return null;
  const s = run.scenario;
  const objectives = run.objectives();
  const score = run.score();
  const status = run.getStatus();
  const next = status === 'running' ? run.nextHint() : undefined;
  const taken = run.hints();
  const tz = view.time.offsetMinutes;
  const elapsed = Math.max(0, Math.round(((run.endedAtTime() ?? view.time.now) - run.startedAt) / 60_000));
  return (
    <aside className="scenario-sidebar" aria-label="Scenario" data-testid="scenario-sidebar">
      <h2>{s.title}</h2>
      <div className="ticket">
        <div className="hint">From: {s.briefing.from}</div>
        <div className="ticket-subject">{s.briefing.subject}</div>
        {/* It scrolls when long: focusable so a keyboard can scroll it too (WCAG 2.1.1). */}
        <p className="ticket-body" tabIndex={0} role="region" aria-label="Ticket text">
          {s.briefing.body}
        </p>
      </div>
      <h3>{s.mode === 'guided' ? 'Steps' : 'Objectives'}</h3>
      <ol className="objectives" data-testid="objectives">
        {objectives.map((o) => (
          <li
            key={o.id}
            className={`${o.met ? 'is-met' : ''}${o.current ? ' is-current' : ''}`}
            data-testid={`objective-${o.id}`}
            data-met={o.met}
          >
            <span className="tick" aria-hidden>
              {o.met ? '✔' : o.current ? '▸' : '○'}
            </span>
            <span>
              {o.title}
              {!o.required && <span className="hint"> (optional)</span>}
              {o.current && o.description && <span className="objective-desc">{o.description}</span>}
              {o.metAt !== undefined && <span className="hint"> · {formatShortDateTime(o.metAt, tz)}</span>}
            </span>
          </li>
        ))}
      </ol>
      <h3>Hints</h3>
      {taken.map((h) => (
        <p key={h.id} className="hint-taken">
          {h.text} <span className="hint">(−{h.cost})</span>
        </p>
      ))}
      {next ? (
        <button
          type="button"
          className="btn btn-small"
          onClick={() => controller.takeHint()}
          data-testid="take-hint"
        >
          Show a hint (−{next.cost} points)
        </button>
      ) : (
        <p className="hint">{status === 'running' ? 'No hint right now.' : ''}</p>
      )}
      <h3>Score</h3>
      <div className="score" data-testid="score">
        <strong>
          {score.total} / {score.max}
        </strong>{' '}
        <span className="hint">
          (pass mark {score.passMark}) · {elapsed} min
          {s.timeLimit ? ` of ${s.timeLimit}` : ''}
        </span>
      </div>
      {score.collateral.map((c) => (
        <p key={c.id} className="bad">
          {c.title} (−{c.cost})
        </p>
      ))}
      <div className={`scenario-status status-${status}`} data-testid="scenario-status">
        {status === 'running'
          ? 'In progress'
          : status === 'completed'
            ? score.passed
              ? 'Completed: passed'
              : 'Completed'
            : status === 'time-up'
              ? 'Time is up'
              : 'Given up'}
      </div>
      <div className="actions">
        {status === 'running' && (
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              if (window.confirm('Give up this scenario? Your score is fixed as it is now.'))
                controller.giveUp();
            }}
          >
            Give up
          </button>
        )}
        <button
          type="button"
          className="btn btn-small"
          onClick={() => setShowReport(!showReport)}
          data-testid="show-report"
        >
          {showReport ? 'Hide report' : 'Report'}
        </button>
      </div>
      {showReport && (
        <div className="report" data-testid="report">
          <p>
            Objectives {score.objectives} − hints {score.hints} − collateral{' '}
            {score.collateral.reduce((a, c) => a + c.cost, 0)} − time {score.time} = {score.total}
          </p>
          <h4>Your actions</h4>
          <ol className="timeline">
            {run.timeline().map((t, i) => (
              <li key={i}>
                <span className="hint">{formatShortDateTime(t.at, tz)}</span> {t.text}
              </li>
            ))}
          </ol>
        </div>
      )}
    </aside>
  );
}

/**
 * What a learner may know before starting. A guided scenario's summary is its learning goal; a
 * troubleshooting scenario's summary names the cause (it is the instructor's), so the card shows
 * the ticket instead: who wrote it and its subject.
 */
function ScenarioTeaser({ scenario }: { scenario: Scenario }) {
  if (scenario.mode === 'guided') return <span className="scenario-summary">{scenario.summary}</span>;
  const from = scenario.briefing.from.replace(/\s*<[^>]*>\s*$/, '');
  return (
    <span className="scenario-summary">
      Ticket from {from}: “{scenario.briefing.subject}”
    </span>
  );
}
