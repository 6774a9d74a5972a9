import { mergeClasses } from '@fluentui/react-components';
import type { ConnectView } from '../../../simulation';
import { useWizardStyles } from './wizardStyles';

/** The wizard's left pane: every step of the task, the current one highlighted, the done ones dark. */
export function WizardSteps({ steps }: { steps: ConnectView['steps'] }) {
  const s = useWizardStyles();
  return (
    <ol className={s.steps} aria-label="Steps" data-testid="wizard-steps">
      {steps.map((st) => (
        <li
          key={st.label}
          className={mergeClasses(
            s.step,
            st.state === 'done' && s.stepDone,
            st.state === 'current' && s.stepCurrent,
            st.nested && s.nested,
          )}
          aria-current={st.state === 'current' ? 'step' : undefined}
          data-state={st.state}
        >
          {st.label}
        </li>
      ))}
    </ol>
  );
}
