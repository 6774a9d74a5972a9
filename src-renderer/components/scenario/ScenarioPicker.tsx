import { useState } from 'react';
import { scenarioRef, type Scenario } from '../../../simulation';
import { useLabController } from '../../lab/LabContext';
import { SCENARIO_PACK } from '../../lab/scenarioPack';
import { useUi } from '../../state/uiStore';
import { tidyName, useLearnerName } from './learnerName';
import { mergeClasses } from '@fluentui/react-components';
import { useModalStyles } from '../modalStyles';
import { usePickerStyles } from './scenarioStyles';

const DIFFICULTY: Record<string, string> = {
  beginner: 'Beginner',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
};

/**
 * The scenario picker: the learner's name (required before a scenario starts), the built-in pack,
 * and free labs from a preset. A card carries the scenario's opaque reference, never its id (an id
 * can name the cause).
 */
export function ScenarioPicker() {
  const ms = useModalStyles();
  const st = usePickerStyles();
  const open = useUi((s) => s.pickerOpen);
  const setOpen = useUi((s) => s.setPickerOpen);
  const controller = useLabController();
  const name = useLearnerName((s) => s.name);
  const setName = useLearnerName((s) => s.setName);
  const [error, setError] = useState<string | null>(null);
  const [seed, setSeed] = useState('1');
  if (!open) return null;
  const learner = tidyName(name);
  const start = (scenario: Scenario) => {
    if (!learner) {
      setError('Type your name before starting a scenario: it goes on your report and result.');
      document.getElementById('learner-name')?.focus();
      return;
    }
    if (!window.confirm(`Start "${scenario.title}"? Your current session stays in Sessions.`)) return;
    const n = Number(seed);
    const r = controller.startScenario(scenario, Number.isInteger(n) && n >= 0 ? n : 1, learner);
    if (r.ok) {
      setError(null);
      setOpen(false);
    } else setError(r.error);
  };
  return (
    <div
      className={ms.backdrop}
      role="dialog"
      aria-modal="true"
      aria-label="Scenarios"
      data-testid="scenario-picker"
    >
      <div className={ms.modal}>
        <div className={ms.head}>
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
        <label className={st.name}>
          Your name (on your report and result){' '}
          <input
            id="learner-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={80}
            required
            aria-required="true"
            autoComplete="name"
            data-testid="learner-name"
          />
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className={st.list}>
          {SCENARIO_PACK.map((e, i) =>
            e.scenario ? (
              <button
                key={i}
                type="button"
                className={st.card}
                onClick={() => e.scenario && start(e.scenario)}
                data-testid="scenario-card"
                data-ref={scenarioRef(e.scenario.id)}
              >
                <span className={st.title}>{e.scenario.title}</span>
                <span className="hint">
                  {e.scenario.mode === 'guided' ? 'Guided · ' : ''}
                  {DIFFICULTY[e.scenario.difficulty]} · about {e.scenario.estimatedMinutes} min
                </span>
                <ScenarioTeaser scenario={e.scenario} />
              </button>
            ) : (
              <div key={i} className={mergeClasses(st.card, st.broken)}>
                <span className={st.title}>{e.file} does not load</span>
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

/**
 * What a learner may know before starting. A guided scenario's summary is its learning goal; a
 * troubleshooting scenario's summary names the cause (it is the instructor's), so the card shows
 * the ticket instead: who wrote it and its subject.
 */
function ScenarioTeaser({ scenario }: { scenario: Scenario }) {
  const st = usePickerStyles();
  if (scenario.mode === 'guided') return <span className={st.summary}>{scenario.summary}</span>;
  const from = scenario.briefing.from.replace(/\s*<[^>]*>\s*$/, '');
  return (
    <span className={st.summary}>
      Ticket from {from}: “{scenario.briefing.subject}”
    </span>
  );
}
