import { useEffect, useState } from 'react';
import { formatDuration, formatShortDateTime, type ObjectiveStatus } from '../../../simulation';
import { useLabController, useLearnerView } from '../../lab/LabContext';
import { useReturnFocus } from '../../hooks/useReturnFocus';
import { Debrief } from './Debrief';
import { mergeClasses } from '@fluentui/react-components';
import { CheckmarkCircleFilled, ChevronRightRegular, CircleRegular } from '@fluentui/react-icons';
import { useHintStyles, useSidebarStyles } from './scenarioStyles';

const STATUS: Record<string, string> = {
  running: 'In progress',
  completed: 'Completed',
  'time-up': 'Time is up',
  'gave-up': 'Given up',
};

/** The wall clock, read every few seconds while `on`, so active time moves as the learner works. */
function useWallClock(on: boolean, ms = 5000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!on) return;
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [on, ms]);
  return now;
}

/**
 * The scenario sidebar: the ticket, the steps or objectives ticking live (each step's instructions
 * stay readable once it ticks), hints, the score with active and lab time, and once the run has
 * ended the debrief with the exports.
 */
export function ScenarioSidebar() {
  const st = useSidebarStyles();
  const hs = useHintStyles();
  const view = useLearnerView(); // re-render on every change
  const controller = useLabController();
  const run = controller.scenario;
  const status = run?.getStatus() ?? 'running';
  const now = useWallClock(!!run && status === 'running');
  // A run that ends opens its debrief; closed, the Debrief button opens it again.
  const endKey = run && status !== 'running' ? `${run.startedAt}:${run.endedAtTime()}` : undefined;
  const [closedFor, setClosedFor] = useState<string>();
  const showDebrief = endKey !== undefined && closedFor !== endKey;
  useReturnFocus(showDebrief);
  if (!run) return null;
  const s = run.scenario;
  const objectives = run.objectives();
  const score = run.score();
  const next = status === 'running' ? run.nextHint() : undefined;
  const taken = run.hints();
  const tz = view.time.offsetMinutes;
  const active = run.activeTime(Math.max(now, run.wallStamps().at(-1)?.ms ?? now));
  return (
    <aside className={st.sidebar} aria-label="Scenario" data-testid="scenario-sidebar">
      <h2>{s.title}</h2>
      {run.learnerName && (
        <p className="hint" data-testid="scenario-learner">
          Learner: {run.learnerName}
        </p>
      )}
      <div className={st.ticket}>
        <div className="hint">From: {s.briefing.from}</div>
        <div className={st.subject}>{s.briefing.subject}</div>
        <p className={st.body}>{s.briefing.body}</p>
      </div>
      <h3>{s.mode === 'guided' ? 'Steps' : 'Objectives'}</h3>
      <ol className={st.objectives} data-testid="objectives">
        {objectives.map((o, i) => (
          <Objective key={i} o={o} tz={tz} />
        ))}
      </ol>
      <h3>Hints</h3>
      {taken.map((h, i) => (
        <p key={i} className={hs.taken}>
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
        <span className="hint">(pass mark {score.passMark})</span>
      </div>
      <p className="hint" data-testid="scenario-time">
        Active time {formatDuration(active)} · lab time {formatDuration(run.labTime())}
        {s.timeLimit ? ` of ${s.timeLimit}` : ''}
      </p>
      {score.collateral.map((c, i) => (
        <p key={i} className="bad">
          {c.title} (−{c.cost})
        </p>
      ))}
      <div
        className={mergeClasses(
          st.status,
          status === 'completed' && st.completed,
          (status === 'time-up' || status === 'gave-up') && st.ended,
        )}
        data-testid="scenario-status"
      >
        {STATUS[status]}
        {status === 'completed' && score.passed ? ': passed' : ''}
      </div>
      <div className="actions">
        {status === 'running' ? (
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              if (window.confirm('Give up this scenario? Your score is fixed as it is now.'))
                controller.giveUp();
            }}
            data-testid="give-up"
          >
            Give up
          </button>
        ) : (
          <button
            type="button"
            className="btn btn-small"
            onClick={() => setClosedFor(undefined)}
            data-testid="show-debrief"
          >
            Debrief
          </button>
        )}
      </div>
      {showDebrief && <Debrief run={run} tz={tz} onClose={() => setClosedFor(endKey)} />}
    </aside>
  );
}

/** One step or objective: its title, and its instructions (folded away once it is done). */
function Objective({ o, tz }: { o: ObjectiveStatus; tz: number }) {
  const st = useSidebarStyles();
  return (
    <li className={o.current ? st.current : undefined} data-met={o.met}>
      {/* SVG icons (no emoji font needed), named for screen readers. */}
      <span
        className={mergeClasses(st.mark, o.met && st.met)}
        role="img"
        aria-label={o.met ? 'Done' : o.current ? 'Current' : 'Not done yet'}
      >
        {o.met ? <CheckmarkCircleFilled /> : o.current ? <ChevronRightRegular /> : <CircleRegular />}
      </span>
      <span>
        {o.title}
        {!o.required && <span className="hint"> (optional)</span>}
        {o.metAt !== undefined && <span className="hint"> · {formatShortDateTime(o.metAt, tz)}</span>}
        {o.description &&
          (o.current ? (
            <span className={st.desc}>{o.description}</span>
          ) : (
            <details className={st.more}>
              <summary>Instructions</summary>
              <span className={st.desc}>{o.description}</span>
            </details>
          ))}
      </span>
    </li>
  );
}
