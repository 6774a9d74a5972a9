import { Badge, mergeClasses } from '@fluentui/react-components';
import { CheckmarkCircleRegular, HistoryRegular } from '@fluentui/react-icons';
import type { Scenario } from '../../../simulation';
import type { PackEntry } from '../../lab/scenarioPack';
import { DIFFICULTY, ticketFrom, type Progress } from './pickerFilter';
import { usePickerStyles } from './scenarioStyles';

/**
 * One scenario in the picker: its title, kind, difficulty and length, what a learner may know
 * before starting, and whether they finished it or tried it. A card carries no scenario id (an id
 * can name the cause).
 */
export function ScenarioCard(props: {
  scenario: Scenario;
  progress: Progress | undefined;
  onStart: (s: Scenario) => void;
}) {
  const st = usePickerStyles();
  const { scenario, progress } = props;
  return (
    <button
      type="button"
      className={st.card}
      onClick={() => props.onStart(scenario)}
      data-testid="scenario-card"
      data-progress={progress ?? 'new'}
    >
      <span className={st.cardHead}>
        <span className={st.title}>{scenario.title}</span>
        {progress === 'done' && (
          <Badge appearance="tint" color="success" icon={<CheckmarkCircleRegular />}>
            Done
          </Badge>
        )}
        {progress === 'attempted' && (
          <Badge appearance="tint" color="informative" icon={<HistoryRegular />}>
            Attempted
          </Badge>
        )}
      </span>
      <span className="hint">
        {scenario.mode === 'guided' ? 'Guided' : 'Troubleshooting'} · {DIFFICULTY[scenario.difficulty]} ·
        about {scenario.estimatedMinutes} min
      </span>
      <ScenarioTeaser scenario={scenario} />
    </button>
  );
}

/** A pack file that does not load: listed with its errors, so an author sees it. */
export function BrokenCard({ entry }: { entry: PackEntry }) {
  const st = usePickerStyles();
  return (
    <div className={mergeClasses(st.card, st.broken)}>
      <span className={st.title}>{entry.file} does not load</span>
      {(entry.errors ?? []).slice(0, 3).map((x) => (
        <span key={x} className="hint">
          {x}
        </span>
      ))}
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
  return (
    <span className={st.summary}>
      Ticket from {ticketFrom(scenario)}: “{scenario.briefing.subject}”
    </span>
  );
}
